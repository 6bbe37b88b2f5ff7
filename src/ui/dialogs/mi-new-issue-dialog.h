/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-form-dialog.h"

G_BEGIN_DECLS

#define MI_TYPE_NEW_ISSUE_DIALOG (mi_new_issue_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiNewIssueDialog, mi_new_issue_dialog, MI, NEW_ISSUE_DIALOG, MiFormDialog)

MiNewIssueDialog *mi_new_issue_dialog_new        (void);
void              mi_new_issue_dialog_run_async  (MiNewIssueDialog     *self,
                                                  GtkWindow            *parent,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean          mi_new_issue_dialog_run_finish (MiNewIssueDialog     *self,
                                                  GAsyncResult         *result,
                                                  char                **title,
                                                  char                **slug,
                                                  GError              **error);
const char       *mi_new_issue_dialog_get_title  (MiNewIssueDialog     *self);
void              mi_new_issue_dialog_set_title  (MiNewIssueDialog     *self,
                                                  const char           *title);
const char       *mi_new_issue_dialog_get_slug   (MiNewIssueDialog     *self);
void              mi_new_issue_dialog_set_slug   (MiNewIssueDialog     *self,
                                                  const char           *slug);

G_END_DECLS
