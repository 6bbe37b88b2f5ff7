/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-form-dialog.h"

G_BEGIN_DECLS

#define MI_TYPE_HYPOTHESIS_DIALOG (mi_hypothesis_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiHypothesisDialog, mi_hypothesis_dialog, MI, HYPOTHESIS_DIALOG, MiFormDialog)

MiHypothesisDialog *mi_hypothesis_dialog_new        (void);
void                mi_hypothesis_dialog_run_async  (MiHypothesisDialog   *self,
                                                     GtkWindow            *parent,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean            mi_hypothesis_dialog_run_finish (MiHypothesisDialog   *self,
                                                     GAsyncResult         *result,
                                                     char                **title,
                                                     char                **theory,
                                                     GError              **error);
const char         *mi_hypothesis_dialog_get_title  (MiHypothesisDialog   *self);
void                mi_hypothesis_dialog_set_title  (MiHypothesisDialog   *self,
                                                     const char           *title);
const char         *mi_hypothesis_dialog_get_theory (MiHypothesisDialog   *self);
void                mi_hypothesis_dialog_set_theory (MiHypothesisDialog   *self,
                                                     const char           *theory);

G_END_DECLS
