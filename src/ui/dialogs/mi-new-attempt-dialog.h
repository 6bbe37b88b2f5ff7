/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-form-dialog.h"

G_BEGIN_DECLS

#define MI_TYPE_NEW_ATTEMPT_DIALOG (mi_new_attempt_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiNewAttemptDialog, mi_new_attempt_dialog, MI, NEW_ATTEMPT_DIALOG, MiFormDialog)

MiNewAttemptDialog *mi_new_attempt_dialog_new            (void);
void                mi_new_attempt_dialog_run_async      (MiNewAttemptDialog   *self,
                                                          GtkWindow            *parent,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean            mi_new_attempt_dialog_run_finish     (MiNewAttemptDialog   *self,
                                                          GAsyncResult         *result,
                                                          char                **title,
                                                          char                **hypothesis,
                                                          GError              **error);
const char         *mi_new_attempt_dialog_get_title      (MiNewAttemptDialog   *self);
void                mi_new_attempt_dialog_set_title      (MiNewAttemptDialog   *self,
                                                          const char           *title);
const char         *mi_new_attempt_dialog_get_hypothesis (MiNewAttemptDialog   *self);
void                mi_new_attempt_dialog_set_hypothesis (MiNewAttemptDialog   *self,
                                                          const char           *hypothesis);

G_END_DECLS
