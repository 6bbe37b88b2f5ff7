/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-hypothesis-dialog"

#include "config.h"

#include "mi-hypothesis-dialog.h"
#include "mi-ui-util.h"

/* Add Hypothesis Version: a new version of the understanding, its title
 * (required) and the theory. */
struct _MiHypothesisDialog
{
  MiFormDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow  *title_row;
  AdwEntryRow  *theory_row;
};

G_DEFINE_FINAL_TYPE (MiHypothesisDialog, mi_hypothesis_dialog, MI_TYPE_FORM_DIALOG)

typedef struct
{
  char *title;
  char *theory;
} Values;

static void
values_free (Values *values)
{
  g_free (values->title);
  g_free (values->theory);
  g_free (values);
}

static void
validate (MiHypothesisDialog *self)
{
  mi_form_dialog_set_valid (MI_FORM_DIALOG (self),
                            !mi_ui_is_blank (mi_hypothesis_dialog_get_title (self)));
}

static void
on_title_changed_cb (MiHypothesisDialog *self)
{
  validate (self);
}

static void
mi_hypothesis_dialog_accept (MiFormDialog *dialog,
                             GTask        *task)
{
  MiHypothesisDialog *self = MI_HYPOTHESIS_DIALOG (dialog);
  Values *values = g_new0 (Values, 1);

  values->title = g_strdup (mi_hypothesis_dialog_get_title (self));
  values->theory = g_strdup (mi_hypothesis_dialog_get_theory (self));
  g_task_return_pointer (task, values, (GDestroyNotify) values_free);
}

static void
mi_hypothesis_dialog_class_init (MiHypothesisDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MiFormDialogClass *form_class = MI_FORM_DIALOG_CLASS (klass);

  form_class->accept = mi_hypothesis_dialog_accept;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-hypothesis-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiHypothesisDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, MiHypothesisDialog, theory_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
}

static void
mi_hypothesis_dialog_init (MiHypothesisDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  validate (self);
}

MiHypothesisDialog *
mi_hypothesis_dialog_new (void)
{
  return g_object_new (MI_TYPE_HYPOTHESIS_DIALOG, NULL);
}

/**
 * mi_hypothesis_dialog_run_async:
 * @parent: the window it belongs to
 * @cancellable: (nullable): closes the dialog when cancelled
 *
 * Shows the dialog, the title focused, until it is answered or closed.
 */
void
mi_hypothesis_dialog_run_async (MiHypothesisDialog  *self,
                                GtkWindow           *parent,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (MI_IS_HYPOTHESIS_DIALOG (self));

  mi_form_dialog_run_async (MI_FORM_DIALOG (self), parent, cancellable, callback, user_data);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * mi_hypothesis_dialog_run_finish:
 * @title: (out) (optional): the version's title, not blank
 * @theory: (out) (optional): the theory, as typed (maybe empty)
 *
 * Returns: %TRUE when the version is to be added; %FALSE with
 *   %G_IO_ERROR_CANCELLED when the dialog was closed without it
 */
gboolean
mi_hypothesis_dialog_run_finish (MiHypothesisDialog  *self,
                                 GAsyncResult        *result,
                                 char               **title,
                                 char               **theory,
                                 GError             **error)
{
  Values *values;

  g_return_val_if_fail (MI_IS_HYPOTHESIS_DIALOG (self), FALSE);

  values = mi_form_dialog_run_finish (MI_FORM_DIALOG (self), result, error);
  if (values == NULL)
    return FALSE;

  if (title != NULL)
    *title = g_steal_pointer (&values->title);
  if (theory != NULL)
    *theory = g_steal_pointer (&values->theory);
  values_free (values);

  return TRUE;
}

const char *
mi_hypothesis_dialog_get_title (MiHypothesisDialog *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->title_row));
}

void
mi_hypothesis_dialog_set_title (MiHypothesisDialog *self,
                                const char         *title)
{
  g_return_if_fail (MI_IS_HYPOTHESIS_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
}

const char *
mi_hypothesis_dialog_get_theory (MiHypothesisDialog *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->theory_row));
}

void
mi_hypothesis_dialog_set_theory (MiHypothesisDialog *self,
                                 const char         *theory)
{
  g_return_if_fail (MI_IS_HYPOTHESIS_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->theory_row), theory != NULL ? theory : "");
}
