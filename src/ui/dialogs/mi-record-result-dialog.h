/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "meta-issues.h"
#include "mi-form-dialog.h"

G_BEGIN_DECLS

#define MI_TYPE_RECORD_RESULT_DIALOG (mi_record_result_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiRecordResultDialog, mi_record_result_dialog, MI, RECORD_RESULT_DIALOG, MiFormDialog)

MiRecordResultDialog *mi_record_result_dialog_new           (MiIssue               *issue,
                                                             guint                  attempt);
void                  mi_record_result_dialog_run_async     (MiRecordResultDialog  *self,
                                                             GtkWindow             *parent,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              mi_record_result_dialog_run_finish    (MiRecordResultDialog  *self,
                                                             GAsyncResult          *result,
                                                             char                 **test_case_id,
                                                             guint                 *attempt,
                                                             char                 **value,
                                                             MiVerdict             *verdict,
                                                             GError               **error);
guint                 mi_record_result_dialog_get_test_case (MiRecordResultDialog  *self);
void                  mi_record_result_dialog_set_test_case (MiRecordResultDialog  *self,
                                                             guint                  position);
guint                 mi_record_result_dialog_get_attempt   (MiRecordResultDialog  *self);
void                  mi_record_result_dialog_set_attempt   (MiRecordResultDialog  *self,
                                                             guint                  position);
const char           *mi_record_result_dialog_get_value     (MiRecordResultDialog  *self);
void                  mi_record_result_dialog_set_value     (MiRecordResultDialog  *self,
                                                             const char            *value);
MiVerdict             mi_record_result_dialog_get_verdict   (MiRecordResultDialog  *self);
void                  mi_record_result_dialog_set_verdict   (MiRecordResultDialog  *self,
                                                             MiVerdict              verdict);

G_END_DECLS
