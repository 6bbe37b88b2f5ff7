/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "meta-issues.h"

G_BEGIN_DECLS

#define MI_TYPE_HISTORY_DIALOG (mi_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiHistoryDialog, mi_history_dialog, MI, HISTORY_DIALOG, AdwWindow)

MiHistoryDialog *mi_history_dialog_new          (GtkWindow       *parent,
                                                 MiRepository    *repository,
                                                 MiIssue         *issue);
GListModel      *mi_history_dialog_get_commits  (MiHistoryDialog *self);
void             mi_history_dialog_select       (MiHistoryDialog *self,
                                                 guint            commit,
                                                 const char      *path);
const char      *mi_history_dialog_get_old_text (MiHistoryDialog *self);
const char      *mi_history_dialog_get_diff     (MiHistoryDialog *self);

G_END_DECLS
