/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-new-attempt-dialog"

#include "config.h"

#include "mi-new-attempt-dialog.h"
#include "mi-ui-util.h"

/* New Attempt: its title (required) and the hypothesis it tests. */
struct _MiNewAttemptDialog
{
  MiFormDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow  *title_row;
  AdwEntryRow  *hypothesis_row;
};

G_DEFINE_FINAL_TYPE (MiNewAttemptDialog, mi_new_attempt_dialog, MI_TYPE_FORM_DIALOG)

typedef struct
{
  char *title;
  char *hypothesis;
} Values;

static void
values_free (Values *values)
{
  g_free (values->title);
  g_free (values->hypothesis);
  g_free (values);
}

static void
validate (MiNewAttemptDialog *self)
{
  mi_form_dialog_set_valid (MI_FORM_DIALOG (self),
                            !mi_ui_is_blank (mi_new_attempt_dialog_get_title (self)));
}

static void
on_title_changed_cb (MiNewAttemptDialog *self)
{
  validate (self);
}

static void
mi_new_attempt_dialog_accept (MiFormDialog *dialog,
                              GTask        *task)
{
  MiNewAttemptDialog *self = MI_NEW_ATTEMPT_DIALOG (dialog);
  Values *values = g_new0 (Values, 1);

  values->title = g_strdup (mi_new_attempt_dialog_get_title (self));
  values->hypothesis = g_strdup (mi_new_attempt_dialog_get_hypothesis (self));
  g_task_return_pointer (task, values, (GDestroyNotify) values_free);
}

static void
mi_new_attempt_dialog_class_init (MiNewAttemptDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MiFormDialogClass *form_class = MI_FORM_DIALOG_CLASS (klass);

  form_class->accept = mi_new_attempt_dialog_accept;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-new-attempt-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiNewAttemptDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, MiNewAttemptDialog, hypothesis_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
}

static void
mi_new_attempt_dialog_init (MiNewAttemptDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  validate (self);
}

MiNewAttemptDialog *
mi_new_attempt_dialog_new (void)
{
  return g_object_new (MI_TYPE_NEW_ATTEMPT_DIALOG, NULL);
}

/**
 * mi_new_attempt_dialog_run_async:
 * @parent: the window it belongs to
 * @cancellable: (nullable): closes the dialog when cancelled
 *
 * Shows the dialog, the title focused, until it is answered or closed.
 */
void
mi_new_attempt_dialog_run_async (MiNewAttemptDialog  *self,
                                 GtkWindow           *parent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (MI_IS_NEW_ATTEMPT_DIALOG (self));

  mi_form_dialog_run_async (MI_FORM_DIALOG (self), parent, cancellable, callback, user_data);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * mi_new_attempt_dialog_run_finish:
 * @title: (out) (optional): the attempt's title, not blank
 * @hypothesis: (out) (optional): the hypothesis, as typed (maybe empty)
 *
 * Returns: %TRUE when the attempt is to be added; %FALSE with
 *   %G_IO_ERROR_CANCELLED when the dialog was closed without it
 */
gboolean
mi_new_attempt_dialog_run_finish (MiNewAttemptDialog  *self,
                                  GAsyncResult        *result,
                                  char               **title,
                                  char               **hypothesis,
                                  GError             **error)
{
  Values *values;

  g_return_val_if_fail (MI_IS_NEW_ATTEMPT_DIALOG (self), FALSE);

  values = mi_form_dialog_run_finish (MI_FORM_DIALOG (self), result, error);
  if (values == NULL)
    return FALSE;

  if (title != NULL)
    *title = g_steal_pointer (&values->title);
  if (hypothesis != NULL)
    *hypothesis = g_steal_pointer (&values->hypothesis);
  values_free (values);

  return TRUE;
}

const char *
mi_new_attempt_dialog_get_title (MiNewAttemptDialog *self)
{
  g_return_val_if_fail (MI_IS_NEW_ATTEMPT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->title_row));
}

void
mi_new_attempt_dialog_set_title (MiNewAttemptDialog *self,
                                 const char         *title)
{
  g_return_if_fail (MI_IS_NEW_ATTEMPT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
}

const char *
mi_new_attempt_dialog_get_hypothesis (MiNewAttemptDialog *self)
{
  g_return_val_if_fail (MI_IS_NEW_ATTEMPT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->hypothesis_row));
}

void
mi_new_attempt_dialog_set_hypothesis (MiNewAttemptDialog *self,
                                      const char         *hypothesis)
{
  g_return_if_fail (MI_IS_NEW_ATTEMPT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->hypothesis_row), hypothesis != NULL ? hypothesis : "");
}
