/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-log-entry-dialog"

#include "config.h"

#include "mi-log-entry-dialog.h"
#include "mi-ui-util.h"

/* Add Log Entry: what happened, one line (required). */
struct _MiLogEntryDialog
{
  MiFormDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow  *text_row;
};

G_DEFINE_FINAL_TYPE (MiLogEntryDialog, mi_log_entry_dialog, MI_TYPE_FORM_DIALOG)

static void
validate (MiLogEntryDialog *self)
{
  mi_form_dialog_set_valid (MI_FORM_DIALOG (self),
                            !mi_ui_is_blank (mi_log_entry_dialog_get_text (self)));
}

static void
on_text_changed_cb (MiLogEntryDialog *self)
{
  validate (self);
}

static void
mi_log_entry_dialog_accept (MiFormDialog *dialog,
                            GTask        *task)
{
  MiLogEntryDialog *self = MI_LOG_ENTRY_DIALOG (dialog);

  g_task_return_pointer (task, g_strdup (mi_log_entry_dialog_get_text (self)), g_free);
}

static void
mi_log_entry_dialog_class_init (MiLogEntryDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MiFormDialogClass *form_class = MI_FORM_DIALOG_CLASS (klass);

  form_class->accept = mi_log_entry_dialog_accept;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-log-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiLogEntryDialog, text_row);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
}

static void
mi_log_entry_dialog_init (MiLogEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  validate (self);
}

MiLogEntryDialog *
mi_log_entry_dialog_new (void)
{
  return g_object_new (MI_TYPE_LOG_ENTRY_DIALOG, NULL);
}

/**
 * mi_log_entry_dialog_run_async:
 * @parent: the window it belongs to
 * @cancellable: (nullable): closes the dialog when cancelled
 *
 * Shows the dialog, the text focused, until it is answered or closed.
 */
void
mi_log_entry_dialog_run_async (MiLogEntryDialog    *self,
                               GtkWindow           *parent,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (MI_IS_LOG_ENTRY_DIALOG (self));

  mi_form_dialog_run_async (MI_FORM_DIALOG (self), parent, cancellable, callback, user_data);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
}

/**
 * mi_log_entry_dialog_run_finish:
 * @text: (out) (optional): the entry's text, not blank
 *
 * Returns: %TRUE when the entry is to be added; %FALSE with
 *   %G_IO_ERROR_CANCELLED when the dialog was closed without it
 */
gboolean
mi_log_entry_dialog_run_finish (MiLogEntryDialog  *self,
                                GAsyncResult      *result,
                                char             **text,
                                GError           **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (MI_IS_LOG_ENTRY_DIALOG (self), FALSE);

  value = mi_form_dialog_run_finish (MI_FORM_DIALOG (self), result, error);
  if (value == NULL)
    return FALSE;

  if (text != NULL)
    *text = g_steal_pointer (&value);

  return TRUE;
}

const char *
mi_log_entry_dialog_get_text (MiLogEntryDialog *self)
{
  g_return_val_if_fail (MI_IS_LOG_ENTRY_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->text_row));
}

void
mi_log_entry_dialog_set_text (MiLogEntryDialog *self,
                              const char       *text)
{
  g_return_if_fail (MI_IS_LOG_ENTRY_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->text_row), text != NULL ? text : "");
}
