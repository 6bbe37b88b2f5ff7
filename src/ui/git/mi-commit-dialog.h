/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "meta-issues.h"

G_BEGIN_DECLS

#define MI_TYPE_COMMIT_DIALOG (mi_commit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiCommitDialog, mi_commit_dialog, MI, COMMIT_DIALOG, AdwWindow)

MiCommitDialog *mi_commit_dialog_new         (GtkWindow      *parent,
                                              MiRepository   *repository);
MiChangeSet    *mi_commit_dialog_get_changes (MiCommitDialog *self);
gboolean        mi_commit_dialog_get_busy    (MiCommitDialog *self);
const char     *mi_commit_dialog_get_diff    (MiCommitDialog *self);

G_END_DECLS
