/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-log-entry-dialog"

#include "config.h"

#include "mi-log-entry-dialog.h"
#include "mi-ui-util.h"

/* Add Log Entry: what happened, one line (required), and the attempt it
 * is about, the last one unless another is chosen (when there are any). */
struct _MiLogEntryDialog
{
  MiFormDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow  *text_row;
  AdwComboRow  *attempt_row;
};

typedef struct
{
  char  *text;
  guint  attempt;
} Values;

static void
values_free (Values *values)
{
  g_free (values->text);
  g_free (values);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Values, values_free)

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

static char *
format_attempt (MiAttempt *attempt,
                gpointer   user_data)
{
  if (attempt == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%03u: %s", mi_attempt_get_number (attempt),
                          mi_attempt_get_title (attempt));
}

static void
mi_log_entry_dialog_accept (MiFormDialog *dialog,
                            GTask        *task)
{
  MiLogEntryDialog *self = MI_LOG_ENTRY_DIALOG (dialog);
  MiAttempt *attempt = adw_combo_row_get_selected_item (self->attempt_row);
  Values *values = g_new0 (Values, 1);

  values->text = g_strdup (mi_log_entry_dialog_get_text (self));
  values->attempt = attempt != NULL ? mi_attempt_get_number (attempt) : 0;
  g_task_return_pointer (task, values, (GDestroyNotify) values_free);
}

static void
mi_log_entry_dialog_class_init (MiLogEntryDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MiFormDialogClass *form_class = MI_FORM_DIALOG_CLASS (klass);

  form_class->accept = mi_log_entry_dialog_accept;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-log-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiLogEntryDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, MiLogEntryDialog, attempt_row);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
}

static void
mi_log_entry_dialog_init (MiLogEntryDialog *self)
{
  g_autoptr(GtkExpression) attempt_label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  attempt_label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                               G_CALLBACK (format_attempt), NULL, NULL);
  adw_combo_row_set_expression (self->attempt_row, attempt_label);
  validate (self);
}

/**
 * mi_log_entry_dialog_set_issue:
 * @issue: the meta-issue the entry goes to
 *
 * Offers @issue's attempts, the last one chosen; without attempts, no
 * choice is shown (the entry goes at the end of the log).
 */
void
mi_log_entry_dialog_set_issue (MiLogEntryDialog *self,
                               MiIssue          *issue)
{
  GListModel *attempts;
  guint n;

  g_return_if_fail (MI_IS_LOG_ENTRY_DIALOG (self));
  g_return_if_fail (MI_IS_ISSUE (issue));

  attempts = mi_issue_get_attempts (issue);
  n = g_list_model_get_n_items (attempts);
  adw_combo_row_set_model (self->attempt_row, attempts);
  if (n > 0)
    adw_combo_row_set_selected (self->attempt_row, n - 1);
  gtk_widget_set_visible (GTK_WIDGET (self->attempt_row), n > 0);
}

/* The position of the attempt chosen in the meta-issue's attempts. */
guint
mi_log_entry_dialog_get_attempt (MiLogEntryDialog *self)
{
  g_return_val_if_fail (MI_IS_LOG_ENTRY_DIALOG (self), GTK_INVALID_LIST_POSITION);

  return adw_combo_row_get_selected (self->attempt_row);
}

void
mi_log_entry_dialog_set_attempt (MiLogEntryDialog *self,
                                 guint             position)
{
  g_return_if_fail (MI_IS_LOG_ENTRY_DIALOG (self));

  adw_combo_row_set_selected (self->attempt_row, position);
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
 * @attempt: (out) (optional): the number of the attempt it is about, 0
 *   when the meta-issue has none
 *
 * Returns: %TRUE when the entry is to be added; %FALSE with
 *   %G_IO_ERROR_CANCELLED when the dialog was closed without it
 */
gboolean
mi_log_entry_dialog_run_finish (MiLogEntryDialog  *self,
                                GAsyncResult      *result,
                                char             **text,
                                guint             *attempt,
                                GError           **error)
{
  g_autoptr(Values) values = NULL;

  g_return_val_if_fail (MI_IS_LOG_ENTRY_DIALOG (self), FALSE);

  values = mi_form_dialog_run_finish (MI_FORM_DIALOG (self), result, error);
  if (values == NULL)
    return FALSE;

  if (text != NULL)
    *text = g_steal_pointer (&values->text);
  if (attempt != NULL)
    *attempt = values->attempt;

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
