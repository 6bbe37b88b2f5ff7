/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mi-chart.h"
#include "mi-chart-export.h"
#include "mi-file-manager.h"
#include "mi-hypothesis-dialog.h"
#include "mi-lesson-dialog.h"
#include "mi-log-entry-dialog.h"
#include "mi-new-attempt-dialog.h"
#include "mi-new-issue-dialog.h"
#include "mi-record-result-dialog.h"
#include "mi-ui-util.h"
#include "mi-window-private.h"

/* The window's actions. Each edit is one core call that rewrites the
 * files; the window shows the result through the models' notifications.
 * A failure names the file in a toast, and nothing is half-written. */

/* The form shown (one at a time), until it is finalized. Its run ends
 * when it is destroyed, so the one before ends as cancelled. */
static void
set_dialog (MiWindow     *self,
            MiFormDialog *dialog)
{
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
}

/* Workspace */

#if GTK_CHECK_VERSION (4, 10, 0)
static void
select_folder_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, &error);

  if (folder != NULL)
    mi_window_open (self, folder);
  else if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_warning ("Could not choose a folder: %s", error->message);
}
#else
static void
on_file_chooser_response_cb (GtkNativeDialog *native,
                             int              response,
                             MiWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (folder != NULL)
        mi_window_open (self, folder);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  GFile *current = self->workspace != NULL ? mi_workspace_get_root (self->workspace) : NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open Folder"));
  gtk_file_dialog_set_accept_label (dialog, _("_Open"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (current != NULL)
    gtk_file_dialog_set_initial_folder (dialog, current);

  gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL,
                                 select_folder_cb, g_object_ref (self));
#else
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Folder"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (current != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), current, NULL);

  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
#endif
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_variant_get_string (param, NULL));

  mi_window_open (MI_WINDOW (widget), folder);
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  mi_window_open_example (MI_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  mi_window_reload (MI_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);

  if (self->workspace == NULL)
    return;

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
  mi_sidebar_focus_search (self->sidebar);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);

  adw_view_stack_set_visible_child_name (mi_issue_page_get_stack (self->issue_page),
                                         g_variant_get_string (param, NULL));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* New meta-issue: title → slug preview → create */

static void
issue_created_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  MiIssue *issue;

  issue = mi_workspace_create_issue_finish (MI_WORKSPACE (object), result, &error);
  if (issue == NULL)
    {
      _mi_window_show_error (self, _("Could Not Create the Meta-Issue"), error);
      return;
    }
  if (self->workspace != MI_WORKSPACE (object))
    return;

  mi_window_select_issue (self, mi_issue_get_slug (issue));
  adw_view_stack_set_visible_child_name (mi_issue_page_get_stack (self->issue_page), "overview");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
new_issue_dialog_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autofree char *title = NULL;
  g_autofree char *slug = NULL;

  if (!mi_new_issue_dialog_run_finish (MI_NEW_ISSUE_DIALOG (object), result, &title, &slug, NULL) ||
      self->workspace == NULL)
    return;

  mi_workspace_create_issue_async (self->workspace, title, slug, NULL,
                                   self->cancellable, issue_created_cb, g_object_ref (self));
}

static void
new_issue_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiNewIssueDialog *dialog;

  if (self->workspace == NULL)
    return;

  dialog = mi_new_issue_dialog_new ();
  set_dialog (self, MI_FORM_DIALOG (dialog));
  mi_new_issue_dialog_run_async (dialog, GTK_WINDOW (self), self->cancellable,
                                 new_issue_dialog_cb, g_object_ref (self));
}

/* New attempt */

static void
attempt_added_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  MiAttempt *attempt;

  attempt = mi_issue_add_attempt_finish (MI_ISSUE (object), result, &error);
  if (attempt == NULL)
    {
      _mi_window_show_error (self, _("Could Not Add the Attempt"), error);
      return;
    }
  if (mi_window_get_issue (self) != MI_ISSUE (object))
    return;

  mi_attempts_view_select_number (mi_issue_page_get_attempts_view (self->issue_page),
                                  mi_attempt_get_number (attempt));
  adw_view_stack_set_visible_child_name (mi_issue_page_get_stack (self->issue_page), "attempts");
}

static void
new_attempt_dialog_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  MiIssue *issue = mi_window_get_issue (self);
  g_autofree char *title = NULL;
  g_autofree char *hypothesis = NULL;

  if (!mi_new_attempt_dialog_run_finish (MI_NEW_ATTEMPT_DIALOG (object), result,
                                         &title, &hypothesis, NULL) ||
      issue == NULL)
    return;

  mi_issue_add_attempt_async (issue, title,
                              mi_ui_is_blank (hypothesis) ? NULL : hypothesis, NULL,
                              self->cancellable, attempt_added_cb, g_object_ref (self));
}

static void
new_attempt_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiNewAttemptDialog *dialog;

  if (mi_window_get_issue (self) == NULL)
    return;

  dialog = mi_new_attempt_dialog_new ();
  set_dialog (self, MI_FORM_DIALOG (dialog));
  mi_new_attempt_dialog_run_async (dialog, GTK_WINDOW (self), self->cancellable,
                                   new_attempt_dialog_cb, g_object_ref (self));
}

/* Record a result */

/* A result to record, kept for a second try once the user confirmed. */
typedef struct
{
  MiWindow      *window;
  MiIssue       *issue;
  char          *test_case_id;
  guint          attempt;
  char          *value;
  MiVerdict      verdict;
  MiRecordFlags  flags;
} RecordRequest;

static void
record_request_free (RecordRequest *request)
{
  g_object_unref (request->window);
  g_object_unref (request->issue);
  g_free (request->test_case_id);
  g_free (request->value);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecordRequest, record_request_free)

static void result_recorded_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data);

static void
record (RecordRequest *request)
{
  mi_issue_record_result_async (request->issue, request->test_case_id, request->attempt,
                                request->value, request->verdict, request->flags,
                                request->window->cancellable, result_recorded_cb, request);
}

static RecordRequest *
record_request_dup (RecordRequest *request)
{
  RecordRequest *copy = g_memdup2 (request, sizeof *request);

  g_object_ref (copy->window);
  g_object_ref (copy->issue);
  copy->test_case_id = g_strdup (request->test_case_id);
  copy->value = g_strdup (request->value);
  return copy;
}

static void
on_record_confirm_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RecordRequest    *request)
{
  if (g_str_equal (response, "replace") || g_str_equal (response, "force"))
    {
      RecordRequest *again = record_request_dup (request);

      again->flags |= g_str_equal (response, "replace") ? MI_RECORD_REPLACE : MI_RECORD_FORCE;
      record (again);
    }

  /* Answered: gone, with the request it held. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
record_request_closure_free (gpointer  data,
                             GClosure *closure)
{
  record_request_free (data);
}

/* The result has one already, or is not of the target's kind: ask. */
static void
confirm_record (RecordRequest *request,
                GError        *error)
{
  gboolean exists = g_error_matches (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_EXISTS);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (request->window),
                                                       exists ? _("Replace the Result?")
                                                              : _("Record a Value of Another Kind?"),
                                                       error->message));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    exists ? "replace" : "force",
                                    exists ? _("_Replace") : _("_Record Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, exists ? "replace" : "force",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* Freed with the dialog; a new try takes a copy. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_record_confirm_cb),
                         request, record_request_closure_free, 0);

  if (request->window->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (request->window->dialog));
  g_set_weak_pointer (&request->window->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
result_recorded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RecordRequest) request = user_data;
  MiWindow *self = request->window;
  g_autoptr(GError) error = NULL;

  if (!mi_issue_record_result_finish (MI_ISSUE (object), result, &error))
    {
      if (g_error_matches (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_EXISTS) ||
          g_error_matches (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INCOMPARABLE))
        confirm_record (g_steal_pointer (&request), error);
      else
        _mi_window_show_error (self, _("Could Not Record the Result"), error);
    }
  else if (mi_window_get_issue (self) == MI_ISSUE (object))
    adw_view_stack_set_visible_child_name (mi_issue_page_get_stack (self->issue_page), "test-cases");
}

static void
record_result_dialog_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  MiIssue *issue = mi_window_get_issue (self);
  g_autofree char *test_case_id = NULL;
  g_autofree char *value = NULL;
  RecordRequest *request;
  guint attempt;
  MiVerdict verdict;

  if (!mi_record_result_dialog_run_finish (MI_RECORD_RESULT_DIALOG (object), result,
                                           &test_case_id, &attempt, &value, &verdict, NULL) ||
      issue == NULL)
    return;

  request = g_new0 (RecordRequest, 1);
  request->window = g_object_ref (self);
  request->issue = g_object_ref (issue);
  request->test_case_id = g_steal_pointer (&test_case_id);
  request->attempt = attempt;
  request->value = g_steal_pointer (&value);
  request->verdict = verdict;
  record (request);
}

static void
record_result_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiIssue *issue = mi_window_get_issue (self);
  MiRecordResultDialog *dialog;

  if (issue == NULL)
    return;

  if (g_list_model_get_n_items (mi_issue_get_test_cases (issue)) == 0)
    {
      _mi_window_show_toast (self, _("There is no test case to record a result for: add one to test-cases.md"));
      return;
    }
  if (g_list_model_get_n_items (mi_issue_get_attempts (issue)) == 0)
    {
      _mi_window_show_toast (self, _("There is no attempt to record a result for: add an attempt first"));
      return;
    }

  /* The attempt selected in the Attempts view, or the last. */
  dialog = mi_record_result_dialog_new (issue, mi_issue_page_get_selected_attempt (self->issue_page));
  set_dialog (self, MI_FORM_DIALOG (dialog));
  mi_record_result_dialog_run_async (dialog, GTK_WINDOW (self), self->cancellable,
                                     record_result_dialog_cb, g_object_ref (self));
}

/* Status */

static void
choose_status_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);

  /* On a narrow window the content may be hidden behind the sidebar. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  mi_issue_page_choose_status (self->issue_page);
}

static void
status_set_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mi_issue_set_status_finish (MI_ISSUE (object), result, &error))
    _mi_window_show_error (self, _("Could Not Set the Status"), error);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiIssue *issue = mi_window_get_issue (self);
  const char *id = g_variant_get_string (param, NULL);
  MiStatus status = mi_status_parse (id, NULL);

  if (issue == NULL)
    return;

  /* "In Progress (Attempt 003)": core names the attempt being worked on. */
  mi_issue_set_status_async (issue, status, 0, self->cancellable, status_set_cb, g_object_ref (self));
}

/* Hypothesis version */

static void
hypothesis_added_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (mi_issue_add_hypothesis_finish (MI_ISSUE (object), result, &error) == NULL)
    _mi_window_show_error (self, _("Could Not Add the Version"), error);
  else if (mi_window_get_issue (self) == MI_ISSUE (object))
    adw_view_stack_set_visible_child_name (mi_issue_page_get_stack (self->issue_page), "understanding");
}

static void
hypothesis_dialog_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  MiIssue *issue = mi_window_get_issue (self);
  g_autofree char *title = NULL;
  g_autofree char *theory = NULL;

  if (!mi_hypothesis_dialog_run_finish (MI_HYPOTHESIS_DIALOG (object), result,
                                        &title, &theory, NULL) ||
      issue == NULL)
    return;

  mi_issue_add_hypothesis_async (issue, title,
                                 mi_ui_is_blank (theory) ? NULL : theory, NULL,
                                 self->cancellable, hypothesis_added_cb, g_object_ref (self));
}

static void
add_hypothesis_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiHypothesisDialog *dialog;

  if (mi_window_get_issue (self) == NULL)
    return;

  dialog = mi_hypothesis_dialog_new ();
  set_dialog (self, MI_FORM_DIALOG (dialog));
  mi_hypothesis_dialog_run_async (dialog, GTK_WINDOW (self), self->cancellable,
                                  hypothesis_dialog_cb, g_object_ref (self));
}

/* Log entry */

static void
log_entry_added_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mi_issue_add_log_entry_finish (MI_ISSUE (object), result, &error))
    _mi_window_show_error (self, _("Could Not Add the Log Entry"), error);
  else if (mi_window_get_issue (self) == MI_ISSUE (object))
    adw_view_stack_set_visible_child_name (mi_issue_page_get_stack (self->issue_page), "log");
}

static void
log_entry_dialog_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  MiIssue *issue = mi_window_get_issue (self);
  g_autofree char *text = NULL;
  guint attempt = 0;

  if (!mi_log_entry_dialog_run_finish (MI_LOG_ENTRY_DIALOG (object), result, &text, &attempt, NULL) ||
      issue == NULL)
    return;

  mi_issue_add_log_entry_async (issue, text, NULL, attempt,
                                self->cancellable, log_entry_added_cb, g_object_ref (self));
}

static void
add_log_entry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiLogEntryDialog *dialog;

  if (mi_window_get_issue (self) == NULL)
    return;

  dialog = mi_log_entry_dialog_new ();
  mi_log_entry_dialog_set_issue (dialog, mi_window_get_issue (self));
  set_dialog (self, MI_FORM_DIALOG (dialog));
  mi_log_entry_dialog_run_async (dialog, GTK_WINDOW (self), self->cancellable,
                                 log_entry_dialog_cb, g_object_ref (self));
}

/* Lesson */

static void
lesson_extracted_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *message = NULL;

  file = mi_lesson_extract_finish (MI_ISSUE (object), result, &error);
  if (file == NULL)
    {
      _mi_window_show_error (self, _("Could Not Extract the Lesson"), error);
      return;
    }

  relative = self->workspace != NULL ? mi_workspace_get_relative_path (self->workspace, file)
                                     : g_file_get_parse_name (file);
  /* Translators: %s is a path like docs/lessons-learned/performance/Name.md */
  message = g_strdup_printf (_("Lesson written to %s"), relative != NULL ? relative : "");
  _mi_window_show_toast (self, message);
}

static void
lesson_dialog_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  MiIssue *issue = mi_window_get_issue (self);
  g_autofree char *category = NULL;
  g_autofree char *name = NULL;

  if (!mi_lesson_dialog_run_finish (MI_LESSON_DIALOG (object), result, &category, &name, NULL) ||
      issue == NULL || self->workspace == NULL)
    return;

  mi_lesson_extract_async (mi_workspace_get_root (self->workspace), issue,
                           category, name, NULL,
                           self->cancellable, lesson_extracted_cb, g_object_ref (self));
}

static void
extract_lesson_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiIssue *issue = mi_window_get_issue (self);
  MiLessonDialog *dialog;

  if (issue == NULL)
    return;

  dialog = mi_lesson_dialog_new (issue);
  set_dialog (self, MI_FORM_DIALOG (dialog));
  mi_lesson_dialog_run_async (dialog, GTK_WINDOW (self), self->cancellable,
                              lesson_dialog_cb, g_object_ref (self));
}

/* Files */

typedef struct
{
  MiWindow *window;
  char     *test_case_id;
} ChartInsert;

static void
chart_insert_free (ChartInsert *insert)
{
  g_object_unref (insert->window);
  g_free (insert->test_case_id);
  g_free (insert);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChartInsert, chart_insert_free)

static void
chart_inserted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChartInsert) insert = user_data;
  MiWindow *self = insert->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!mi_issue_insert_chart_finish (MI_ISSUE (object), result, &error))
    {
      _mi_window_show_error (self, _("Could Not Insert the Chart"), error);
      return;
    }

  name = mi_chart_get_file_name (insert->test_case_id);
  /* Translators: %s is a file name such as "tc-001.svg". */
  message = g_strdup_printf (_("Chart written to charts/%s and linked from test-cases.md"), name);
  _mi_window_show_toast (self, message);
}

static void
insert_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiIssue *issue = mi_window_get_issue (self);
  const char *test_case_id = g_variant_get_string (param, NULL);
  ChartInsert *insert;

  if (issue == NULL)
    return;

  insert = g_new0 (ChartInsert, 1);
  insert->window = g_object_ref (self);
  insert->test_case_id = g_strdup (test_case_id);
  mi_issue_insert_chart_async (issue, test_case_id, 0, 0, self->cancellable, chart_inserted_cb, insert);
}

static void
chart_exported_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mi_chart_export_to_file_finish (NULL, result, &error))
    _mi_window_show_error (self, _("Could Not Export the Chart"), error);
}

static void
on_export_chart_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             MiWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      MiChart *chart = MI_CHART (mi_issue_page_get_chart (self->issue_page));

      if (file != NULL)
        mi_chart_export_to_file_async (chart, file, FALSE, self->cancellable,
                                       chart_exported_cb, g_object_ref (self));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiIssue *issue = mi_window_get_issue (self);
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (issue == NULL)
    return;

  /* GtkFileDialog (4.10) would do the same; the native chooser works on
   * 4.8 and in the Flatpak through the portal. */
  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (png, _("PNG Image"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG Image"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  name = g_strdup_printf ("%s-chart.png", mi_issue_get_slug (issue));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chart_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reveal_issue_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiIssue *issue = mi_window_get_issue (self);

  if (issue != NULL)
    mi_file_manager_reveal (GTK_WINDOW (self), mi_issue_get_folder (issue));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  MiIssue *issue = mi_window_get_issue (self);

  if (issue != NULL)
    mi_git_controls_show_history (self->git_controls, issue);
}

static void
reveal_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  mi_file_manager_reveal (GTK_WINDOW (widget), file);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  g_autofree char *name = g_file_get_basename (file);

  /* The markdown of the workspace opens in the Files view's editor; the
   * rest with the desktop's application for it. */
  if (self->workspace != NULL &&
      g_file_has_prefix (file, mi_workspace_get_root (self->workspace)) &&
      name != NULL && g_str_has_suffix (name, ".md"))
    mi_issue_page_open_file (self->issue_page, file);
  else
    mi_file_manager_open (GTK_WINDOW (widget), file);
}

void
_mi_window_update_actions (MiWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  MiIssue *issue = mi_window_get_issue (self);
  gboolean has_workspace = self->workspace != NULL;
  gboolean has_issue = issue != NULL;

  gtk_widget_action_set_enabled (widget, "win.reload", has_workspace);
  gtk_widget_action_set_enabled (widget, "win.search", has_workspace);
  gtk_widget_action_set_enabled (widget, "win.new-issue", has_workspace);
  gtk_widget_action_set_enabled (widget, "win.new-attempt", has_issue);
  gtk_widget_action_set_enabled (widget, "win.record-result",
                                 has_issue &&
                                 g_list_model_get_n_items (mi_issue_get_test_cases (issue)) > 0 &&
                                 g_list_model_get_n_items (mi_issue_get_attempts (issue)) > 0);
  gtk_widget_action_set_enabled (widget, "win.set-status", has_issue);
  gtk_widget_action_set_enabled (widget, "win.choose-status", has_issue);
  gtk_widget_action_set_enabled (widget, "win.add-hypothesis", has_issue);
  gtk_widget_action_set_enabled (widget, "win.add-log-entry", has_issue);
  gtk_widget_action_set_enabled (widget, "win.extract-lesson",
                                 has_issue && mi_issue_get_status (issue) == MI_STATUS_RESOLVED);
  gtk_widget_action_set_enabled (widget, "win.reveal-issue", has_issue);
  gtk_widget_action_set_enabled (widget, "win.history",
                                 has_issue && mi_git_controls_get_repository (self->git_controls) != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-chart", has_issue);
  gtk_widget_action_set_enabled (widget, "win.insert-chart", has_issue);
  gtk_widget_action_set_enabled (widget, "win.show-view", has_issue);
}

void
_mi_window_class_init_actions (GtkWidgetClass *widget_class)
{
  static const struct {
    guint       key;
    const char *view;
  } views[] = {
    { GDK_KEY_1, "overview" },
    { GDK_KEY_2, "attempts" },
    { GDK_KEY_3, "test-cases" },
    { GDK_KEY_4, "understanding" },
    { GDK_KEY_5, "log" },
    { GDK_KEY_6, "files" },
  };

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.new-issue", NULL, new_issue_action);
  gtk_widget_class_install_action (widget_class, "win.new-attempt", NULL, new_attempt_action);
  gtk_widget_class_install_action (widget_class, "win.record-result", NULL, record_result_action);
  gtk_widget_class_install_action (widget_class, "win.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "win.choose-status", NULL, choose_status_action);
  gtk_widget_class_install_action (widget_class, "win.add-hypothesis", NULL, add_hypothesis_action);
  gtk_widget_class_install_action (widget_class, "win.add-log-entry", NULL, add_log_entry_action);
  gtk_widget_class_install_action (widget_class, "win.extract-lesson", NULL, extract_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.insert-chart", "s", insert_chart_action);
  gtk_widget_class_install_action (widget_class, "win.reveal-issue", NULL, reveal_issue_action);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.reveal-file", "s", reveal_file_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_property_action (widget_class, "win.status-filter", "status-filter");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-issue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-attempt", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.record-result", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.choose-status", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-hypothesis", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.add-log-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.extract-lesson", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.reveal-issue", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, views[i].key, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i].view);
}
