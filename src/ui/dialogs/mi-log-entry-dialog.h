/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "meta-issues.h"
#include "mi-form-dialog.h"

G_BEGIN_DECLS

#define MI_TYPE_LOG_ENTRY_DIALOG (mi_log_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiLogEntryDialog, mi_log_entry_dialog, MI, LOG_ENTRY_DIALOG, MiFormDialog)

MiLogEntryDialog *mi_log_entry_dialog_new        (void);
void              mi_log_entry_dialog_run_async  (MiLogEntryDialog     *self,
                                                  GtkWindow            *parent,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean          mi_log_entry_dialog_run_finish (MiLogEntryDialog     *self,
                                                  GAsyncResult         *result,
                                                  char                **text,
                                                  guint                *attempt,
                                                  GError              **error);
void              mi_log_entry_dialog_set_issue  (MiLogEntryDialog     *self,
                                                  MiIssue              *issue);
guint             mi_log_entry_dialog_get_attempt (MiLogEntryDialog    *self);
void              mi_log_entry_dialog_set_attempt (MiLogEntryDialog    *self,
                                                  guint                 position);
const char       *mi_log_entry_dialog_get_text   (MiLogEntryDialog     *self);
void              mi_log_entry_dialog_set_text   (MiLogEntryDialog     *self,
                                                  const char           *text);

G_END_DECLS
