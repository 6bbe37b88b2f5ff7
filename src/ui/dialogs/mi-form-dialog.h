/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MI_TYPE_FORM_DIALOG (mi_form_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (MiFormDialog, mi_form_dialog, MI, FORM_DIALOG, AdwMessageDialog)

/**
 * MiFormDialogClass:
 * @accept: returns the form's values on @task (g_task_return_pointer()
 *   with the subclass's own struct): the accept response was given
 *
 * A small form in an AdwMessageDialog: its template gives the heading,
 * the body, the rows, a "cancel" close response and an accept response
 * that is the default response. The subclass enables the accept response
 * while the form is valid (mi_form_dialog_set_valid()), and its typed
 * `_run_finish` takes the values from the task.
 */
struct _MiFormDialogClass
{
  AdwMessageDialogClass parent_class;

  void (*accept) (MiFormDialog *self,
                  GTask        *task);
};

void      mi_form_dialog_run_async  (MiFormDialog         *self,
                                     GtkWindow            *parent,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gpointer  mi_form_dialog_run_finish (MiFormDialog         *self,
                                     GAsyncResult         *result,
                                     GError              **error);
gboolean  mi_form_dialog_get_valid  (MiFormDialog         *self);
void      mi_form_dialog_set_valid  (MiFormDialog         *self,
                                     gboolean              valid);

G_END_DECLS
