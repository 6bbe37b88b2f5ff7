/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-record-result-dialog"

#include "config.h"

#include "mi-record-result-dialog.h"
#include "mi-ui-util.h"

/* Record Result: a test case and an attempt, chosen from the meta-issue's
 * own lists (the rows show them as they change), the value measured
 * (required) and the verdict, judged against the target unless given. */
struct _MiRecordResultDialog
{
  MiFormDialog  parent_instance;

  /* Template widgets */
  AdwComboRow  *test_case_row;
  AdwComboRow  *attempt_row;
  AdwEntryRow  *value_row;
  AdwComboRow  *verdict_row;
};

G_DEFINE_FINAL_TYPE (MiRecordResultDialog, mi_record_result_dialog, MI_TYPE_FORM_DIALOG)

/* The verdict row's items, in the order of its string list. */
static const MiVerdict verdicts[] = { MI_VERDICT_UNKNOWN, MI_VERDICT_PASS, MI_VERDICT_FAIL };

typedef struct
{
  char      *test_case_id;
  guint      attempt;
  char      *value;
  MiVerdict  verdict;
} Values;

static void
values_free (Values *values)
{
  g_free (values->test_case_id);
  g_free (values->value);
  g_free (values);
}

static char *
format_test_case (MiTestCase *test_case,
                  gpointer    user_data)
{
  /* "TC-001: Load Test" */
  return g_strdup_printf ("%s: %s", mi_test_case_get_id (test_case),
                          mi_test_case_get_title (test_case));
}

static char *
format_attempt (MiAttempt *attempt,
                gpointer   user_data)
{
  /* "003: Connection Pooling" */
  return g_strdup_printf ("%03u: %s", mi_attempt_get_number (attempt),
                          mi_attempt_get_title (attempt));
}

static void
validate (MiRecordResultDialog *self)
{
  mi_form_dialog_set_valid (MI_FORM_DIALOG (self),
                            adw_combo_row_get_selected_item (self->test_case_row) != NULL &&
                            adw_combo_row_get_selected_item (self->attempt_row) != NULL &&
                            !mi_ui_is_blank (mi_record_result_dialog_get_value (self)));
}

static void
on_changed_cb (MiRecordResultDialog *self)
{
  validate (self);
}

static void
mi_record_result_dialog_accept (MiFormDialog *dialog,
                                GTask        *task)
{
  MiRecordResultDialog *self = MI_RECORD_RESULT_DIALOG (dialog);
  MiTestCase *test_case = adw_combo_row_get_selected_item (self->test_case_row);
  MiAttempt *attempt = adw_combo_row_get_selected_item (self->attempt_row);
  Values *values = g_new0 (Values, 1);

  /* Valid: both chosen. */
  g_assert (test_case != NULL && attempt != NULL);

  values->test_case_id = g_strdup (mi_test_case_get_id (test_case));
  values->attempt = mi_attempt_get_number (attempt);
  values->value = g_strdup (mi_record_result_dialog_get_value (self));
  values->verdict = mi_record_result_dialog_get_verdict (self);
  g_task_return_pointer (task, values, (GDestroyNotify) values_free);
}

static void
mi_record_result_dialog_class_init (MiRecordResultDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MiFormDialogClass *form_class = MI_FORM_DIALOG_CLASS (klass);

  form_class->accept = mi_record_result_dialog_accept;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-record-result-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiRecordResultDialog, test_case_row);
  gtk_widget_class_bind_template_child (widget_class, MiRecordResultDialog, attempt_row);
  gtk_widget_class_bind_template_child (widget_class, MiRecordResultDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, MiRecordResultDialog, verdict_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
mi_record_result_dialog_init (MiRecordResultDialog *self)
{
  g_autoptr(GtkExpression) test_case_label = NULL;
  g_autoptr(GtkExpression) attempt_label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  test_case_label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                 G_CALLBACK (format_test_case), NULL, NULL);
  adw_combo_row_set_expression (self->test_case_row, test_case_label);
  attempt_label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                               G_CALLBACK (format_attempt), NULL, NULL);
  adw_combo_row_set_expression (self->attempt_row, attempt_label);

  validate (self);
}

/**
 * mi_record_result_dialog_new:
 * @issue: the meta-issue, with test cases and attempts
 * @attempt: the number of the attempt to choose first, or 0 for the last
 *
 * Returns: (transfer none): a new dialog (owned by GTK, as windows are) on
 *   @issue's test cases and attempts, the first test case and @attempt
 *   (or the last) chosen
 */
MiRecordResultDialog *
mi_record_result_dialog_new (MiIssue *issue,
                             guint    attempt)
{
  MiRecordResultDialog *self;
  GListModel *attempts;
  guint n, chosen;

  g_return_val_if_fail (MI_IS_ISSUE (issue), NULL);

  self = g_object_new (MI_TYPE_RECORD_RESULT_DIALOG, NULL);
  adw_combo_row_set_model (self->test_case_row, mi_issue_get_test_cases (issue));

  attempts = mi_issue_get_attempts (issue);
  adw_combo_row_set_model (self->attempt_row, attempts);
  n = g_list_model_get_n_items (attempts);
  chosen = n > 0 ? n - 1 : 0;
  for (guint i = 0; i < n && attempt != 0; i++)
    {
      g_autoptr(MiAttempt) item = g_list_model_get_item (attempts, i);

      if (mi_attempt_get_number (item) == attempt)
        chosen = i;
    }
  if (n > 0)
    adw_combo_row_set_selected (self->attempt_row, chosen);

  validate (self);

  return self;
}

/**
 * mi_record_result_dialog_run_async:
 * @parent: the window it belongs to
 * @cancellable: (nullable): closes the dialog when cancelled
 *
 * Shows the dialog, the value focused, until it is answered or closed.
 */
void
mi_record_result_dialog_run_async (MiRecordResultDialog *self,
                                   GtkWindow            *parent,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (MI_IS_RECORD_RESULT_DIALOG (self));

  mi_form_dialog_run_async (MI_FORM_DIALOG (self), parent, cancellable, callback, user_data);
  gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
}

/**
 * mi_record_result_dialog_run_finish:
 * @test_case_id: (out) (optional): the id of the test case, like "TC-001"
 * @attempt: (out) (optional): the number of the attempt
 * @value: (out) (optional): the value measured, not blank
 * @verdict: (out) (optional): the verdict, %MI_VERDICT_UNKNOWN to judge
 *   the value against the test case's target
 *
 * Returns: %TRUE when the result is to be recorded; %FALSE with
 *   %G_IO_ERROR_CANCELLED when the dialog was closed without it
 */
gboolean
mi_record_result_dialog_run_finish (MiRecordResultDialog  *self,
                                    GAsyncResult          *result,
                                    char                 **test_case_id,
                                    guint                 *attempt,
                                    char                 **value,
                                    MiVerdict             *verdict,
                                    GError               **error)
{
  Values *values;

  g_return_val_if_fail (MI_IS_RECORD_RESULT_DIALOG (self), FALSE);

  values = mi_form_dialog_run_finish (MI_FORM_DIALOG (self), result, error);
  if (values == NULL)
    return FALSE;

  if (test_case_id != NULL)
    *test_case_id = g_steal_pointer (&values->test_case_id);
  if (attempt != NULL)
    *attempt = values->attempt;
  if (value != NULL)
    *value = g_steal_pointer (&values->value);
  if (verdict != NULL)
    *verdict = values->verdict;
  values_free (values);

  return TRUE;
}

/* The position of the test case chosen in the meta-issue's test cases,
 * GTK_INVALID_LIST_POSITION for none. */
guint
mi_record_result_dialog_get_test_case (MiRecordResultDialog *self)
{
  g_return_val_if_fail (MI_IS_RECORD_RESULT_DIALOG (self), GTK_INVALID_LIST_POSITION);

  return adw_combo_row_get_selected (self->test_case_row);
}

void
mi_record_result_dialog_set_test_case (MiRecordResultDialog *self,
                                       guint                 position)
{
  g_return_if_fail (MI_IS_RECORD_RESULT_DIALOG (self));

  adw_combo_row_set_selected (self->test_case_row, position);
}

/* The position of the attempt chosen in the meta-issue's attempts,
 * GTK_INVALID_LIST_POSITION for none. */
guint
mi_record_result_dialog_get_attempt (MiRecordResultDialog *self)
{
  g_return_val_if_fail (MI_IS_RECORD_RESULT_DIALOG (self), GTK_INVALID_LIST_POSITION);

  return adw_combo_row_get_selected (self->attempt_row);
}

void
mi_record_result_dialog_set_attempt (MiRecordResultDialog *self,
                                     guint                 position)
{
  g_return_if_fail (MI_IS_RECORD_RESULT_DIALOG (self));

  adw_combo_row_set_selected (self->attempt_row, position);
}

const char *
mi_record_result_dialog_get_value (MiRecordResultDialog *self)
{
  g_return_val_if_fail (MI_IS_RECORD_RESULT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->value_row));
}

void
mi_record_result_dialog_set_value (MiRecordResultDialog *self,
                                   const char           *value)
{
  g_return_if_fail (MI_IS_RECORD_RESULT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->value_row), value != NULL ? value : "");
}

MiVerdict
mi_record_result_dialog_get_verdict (MiRecordResultDialog *self)
{
  guint selected;

  g_return_val_if_fail (MI_IS_RECORD_RESULT_DIALOG (self), MI_VERDICT_UNKNOWN);

  selected = adw_combo_row_get_selected (self->verdict_row);

  return selected < G_N_ELEMENTS (verdicts) ? verdicts[selected] : MI_VERDICT_UNKNOWN;
}

void
mi_record_result_dialog_set_verdict (MiRecordResultDialog *self,
                                     MiVerdict             verdict)
{
  g_return_if_fail (MI_IS_RECORD_RESULT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    if (verdicts[i] == verdict)
      adw_combo_row_set_selected (self->verdict_row, i);
}
