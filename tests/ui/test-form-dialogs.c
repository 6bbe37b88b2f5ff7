/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The window's form dialogs, run on a window on the example as the window
 * runs them: each gives its typed values when accepted (its response, or
 * Enter in a row), and nothing but G_IO_ERROR_CANCELLED when it goes
 * otherwise (Cancel, Escape, a cancellable, its window destroyed). A form
 * that is not valid cannot be sent, by the button or by Enter. The git
 * Sign In dialog is one too; saves its screenshots, light and dark (the
 * others' are test-window-edits').
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "mi-credentials-dialog.h"
#include "mi-hypothesis-dialog.h"
#include "mi-lesson-dialog.h"
#include "mi-log-entry-dialog.h"
#include "mi-new-attempt-dialog.h"
#include "mi-new-issue-dialog.h"
#include "mi-record-result-dialog.h"
#include "mi-ui-test-util.h"

/* One run of a dialog and what its _run_finish gave. */
typedef struct
{
  gboolean   done;
  gboolean   accepted;
  GError    *error;
  char      *first;    /* title, text, category, test case id, user name */
  char      *second;   /* hypothesis, theory, slug, name, value, password */
  guint      attempt;
  MiVerdict  verdict;
} Run;

static void
run_clear (Run *run)
{
  g_clear_error (&run->error);
  g_clear_pointer (&run->first, g_free);
  g_clear_pointer (&run->second, g_free);
  memset (run, 0, sizeof *run);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;

  g_assert_false (run->done);

  if (MI_IS_NEW_ATTEMPT_DIALOG (object))
    run->accepted = mi_new_attempt_dialog_run_finish (MI_NEW_ATTEMPT_DIALOG (object), result,
                                                      &run->first, &run->second, &run->error);
  else if (MI_IS_HYPOTHESIS_DIALOG (object))
    run->accepted = mi_hypothesis_dialog_run_finish (MI_HYPOTHESIS_DIALOG (object), result,
                                                     &run->first, &run->second, &run->error);
  else if (MI_IS_LOG_ENTRY_DIALOG (object))
    run->accepted = mi_log_entry_dialog_run_finish (MI_LOG_ENTRY_DIALOG (object), result,
                                                    &run->first, &run->attempt, &run->error);
  else if (MI_IS_NEW_ISSUE_DIALOG (object))
    run->accepted = mi_new_issue_dialog_run_finish (MI_NEW_ISSUE_DIALOG (object), result,
                                                    &run->first, &run->second, &run->error);
  else if (MI_IS_LESSON_DIALOG (object))
    run->accepted = mi_lesson_dialog_run_finish (MI_LESSON_DIALOG (object), result,
                                                 &run->first, &run->second, &run->error);
  else if (MI_IS_RECORD_RESULT_DIALOG (object))
    run->accepted = mi_record_result_dialog_run_finish (MI_RECORD_RESULT_DIALOG (object), result,
                                                        &run->first, &run->attempt, &run->second,
                                                        &run->verdict, &run->error);
  else if (MI_IS_CREDENTIALS_DIALOG (object))
    run->accepted = mi_credentials_dialog_run_finish (MI_CREDENTIALS_DIALOG (object), result,
                                                      &run->first, &run->second, &run->error);
  else
    g_assert_not_reached ();

  /* Either values or an error. */
  g_assert_true (run->accepted == (run->error == NULL));
  run->done = TRUE;
}

static gboolean
run_is_done (gpointer data)
{
  Run *run = data;

  return run->done;
}

/* Waits for the end of @run: accepted, or cancelled. */
static void
wait_run (Run      *run,
          gboolean  accepted)
{
  g_assert_true (mi_ui_test_wait_for (run_is_done, run));
  g_assert_true (run->accepted == accepted);
  if (!accepted)
    g_assert_error (run->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The form as a user finds it: on the screen, Cancel and a suggested
 * default response, and @accept enabled or not. */
static void
assert_shown (gpointer    dialog,
              const char *accept,
              gboolean    valid)
{
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  g_assert_true (mi_ui_test_is_toplevel (dialog));
  g_assert_true (gtk_widget_get_mapped (dialog));
  g_assert_cmpstr (adw_message_dialog_get_default_response (message), ==, accept);
  g_assert_cmpstr (adw_message_dialog_get_close_response (message), ==, "cancel");
  g_assert_true (adw_message_dialog_has_response (message, "cancel"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (message, accept), ==, ADW_RESPONSE_SUGGESTED);
  g_assert_true (adw_message_dialog_get_response_enabled (message, accept) == valid);
  g_assert_true (mi_form_dialog_get_valid (dialog) == valid);
}

/* Enter in @row: its text, focused, emits ::activate as its key binding
 * does. */
static void
press_enter (AdwEntryRow *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  gtk_widget_grab_focus (GTK_WIDGET (text));
  g_signal_emit_by_name (text, "activate");
  mi_ui_test_flush ();
}

/* Whether the text of @row has the focus of its window. */
static gboolean
has_focus (AdwEntryRow *row)
{
  return gtk_widget_is_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))));
}

/* The row titled @title in @dialog. */
static AdwEntryRow *
find_entry_row (gpointer    dialog,
                const char *title)
{
  g_autoptr(GPtrArray) rows = mi_ui_test_collect_widgets (dialog, ADW_TYPE_ENTRY_ROW, NULL);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];

  g_assert_not_reached ();
}

static void
test_new_attempt (void)
{
  MiWindow *window = mi_ui_test_open_example_copy (NULL, 900, 700);
  MiNewAttemptDialog *dialog = mi_new_attempt_dialog_new ();
  AdwEntryRow *title_row;
  Run run = { 0 };

  mi_new_attempt_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  mi_ui_test_flush ();
  assert_shown (dialog, "create", FALSE);
  title_row = find_entry_row (dialog, "_Title");
  g_assert_true (has_focus (title_row));

  /* No title: Enter does nothing. */
  mi_new_attempt_dialog_set_hypothesis (dialog, "Batching writes halves the latency");
  press_enter (find_entry_row (dialog, "_Hypothesis"));
  g_assert_false (run.done);
  assert_shown (dialog, "create", FALSE);

  /* Blank is no title either. */
  mi_new_attempt_dialog_set_title (dialog, "   ");
  assert_shown (dialog, "create", FALSE);

  mi_new_attempt_dialog_set_title (dialog, "Async Batching");
  assert_shown (dialog, "create", TRUE);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press_enter (title_row);
  wait_run (&run, TRUE);
  g_assert_cmpstr (run.first, ==, "Async Batching");
  g_assert_cmpstr (run.second, ==, "Batching writes halves the latency");
  run_clear (&run);

  /* Gone once it has answered. */
  mi_ui_test_flush ();
  g_assert_null (dialog);

  mi_ui_test_close_window (window);
}

/* Each way a form goes without its accept response. */
static void
test_cancelled (void)
{
  MiWindow *window = mi_ui_test_open_example_copy (NULL, 900, 700);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gpointer dialog;
  Run run = { 0 };

  /* Cancel. */
  dialog = mi_log_entry_dialog_new ();
  mi_log_entry_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  mi_log_entry_dialog_set_text (dialog, "Not written");
  assert_shown (dialog, "add", TRUE);
  adw_message_dialog_response (dialog, "cancel");
  wait_run (&run, FALSE);
  g_assert_null (run.first);
  run_clear (&run);

  /* Escape. */
  dialog = mi_hypothesis_dialog_new ();
  mi_hypothesis_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  mi_hypothesis_dialog_set_title (dialog, "Not written");
  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  wait_run (&run, FALSE);
  run_clear (&run);
  mi_ui_test_flush ();
  g_assert_null (dialog);

  /* The accept response of an invalid form is none. */
  dialog = mi_new_attempt_dialog_new ();
  mi_new_attempt_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  adw_message_dialog_response (dialog, "create");
  wait_run (&run, FALSE);
  run_clear (&run);

  /* Cancelled: the dialog goes. */
  dialog = mi_new_issue_dialog_new ();
  mi_new_issue_dialog_run_async (dialog, GTK_WINDOW (window), cancellable, run_cb, &run);
  g_object_ref (dialog);
  mi_new_issue_dialog_set_title (dialog, "Not Created");
  g_cancellable_cancel (cancellable);
  wait_run (&run, FALSE);
  g_assert_false (mi_ui_test_is_toplevel (dialog));
  g_object_unref (dialog);
  run_clear (&run);

  /* Already cancelled: never shown. */
  dialog = mi_new_issue_dialog_new ();
  mi_new_issue_dialog_run_async (dialog, GTK_WINDOW (window), cancellable, run_cb, &run);
  g_assert_false (mi_ui_test_is_toplevel (dialog));
  wait_run (&run, FALSE);
  run_clear (&run);

  /* Its window destroyed, while something holds the window. */
  g_object_ref (window);
  dialog = mi_lesson_dialog_new (mi_window_get_issue (window));
  mi_lesson_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog);
  mi_ui_test_close_window (window);
  wait_run (&run, FALSE);
  run_clear (&run);
  mi_ui_test_flush ();
  g_assert_null (dialog);
  g_object_unref (window);
}

/* Through the window's action: a second form replaces the first, which
 * ends as cancelled; the window's own dialog is the one shown. */
static void
test_window_replaces (void)
{
  MiWindow *window = mi_ui_test_open_example_copy (NULL, 900, 700);
  AdwMessageDialog *first;
  AdwMessageDialog *second;
  MiWindow *gone = window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-log-entry", NULL));
  first = mi_window_get_dialog (window);
  g_assert_true (MI_IS_LOG_ENTRY_DIALOG (first));
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-hypothesis", NULL));
  second = mi_window_get_dialog (window);
  g_assert_true (MI_IS_HYPOTHESIS_DIALOG (second));
  mi_ui_test_flush ();
  g_assert_null (first);
  g_assert_true (mi_window_get_dialog (window) == second);
  g_assert_true (mi_ui_test_is_toplevel (GTK_WINDOW (second)));

  /* Closed with its window; neither keeps the other. */
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  mi_ui_test_close_window (window);
  g_assert_null (second);
  g_assert_null (gone);
}

static void
test_new_issue (void)
{
  MiWindow *window = mi_ui_test_open_example_copy (NULL, 900, 700);
  MiNewIssueDialog *dialog = mi_new_issue_dialog_new ();
  AdwEntryRow *slug_row;
  Run run = { 0 };

  mi_new_issue_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  mi_ui_test_flush ();
  assert_shown (dialog, "create", FALSE);
  slug_row = find_entry_row (dialog, "_Folder Name");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (slug_row), "monospace"));

  /* The folder name follows the title … */
  mi_new_issue_dialog_set_title (dialog, "Memory Leak");
  g_assert_cmpstr (mi_new_issue_dialog_get_slug (dialog), ==, "memory-leak");
  assert_shown (dialog, "create", TRUE);
  mi_new_issue_dialog_set_title (dialog, "Memory Leak in the Parser");
  g_assert_cmpstr (mi_new_issue_dialog_get_slug (dialog), ==, "memory-leak-in-the-parser");

  /* … a name core refuses is marked and cannot be sent … */
  mi_new_issue_dialog_set_slug (dialog, "Not/A Folder");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (slug_row), "error"));
  assert_shown (dialog, "create", FALSE);
  mi_new_issue_dialog_set_slug (dialog, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (slug_row), "error"));
  assert_shown (dialog, "create", FALSE);

  /* … and typed by hand, it stays. */
  mi_new_issue_dialog_set_slug (dialog, "parser-leak");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (slug_row), "error"));
  mi_new_issue_dialog_set_title (dialog, "Memory Leak in the Lexer");
  g_assert_cmpstr (mi_new_issue_dialog_get_slug (dialog), ==, "parser-leak");
  assert_shown (dialog, "create", TRUE);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  wait_run (&run, TRUE);
  g_assert_cmpstr (run.first, ==, "Memory Leak in the Lexer");
  g_assert_cmpstr (run.second, ==, "parser-leak");
  run_clear (&run);

  mi_ui_test_close_window (window);
}

static void
test_record_result (void)
{
  MiWindow *window = mi_ui_test_open_example_copy (NULL, 900, 700);
  MiIssue *issue = mi_window_get_issue (window);
  MiRecordResultDialog *dialog;
  Run run = { 0 };

  /* The attempt asked for, else the last; the first test case. */
  dialog = mi_record_result_dialog_new (issue, 2);
  g_assert_cmpuint (mi_record_result_dialog_get_attempt (dialog), ==, 1);
  g_assert_cmpuint (mi_record_result_dialog_get_test_case (dialog), ==, 0);
  g_assert_cmpint (mi_record_result_dialog_get_verdict (dialog), ==, MI_VERDICT_UNKNOWN);
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = mi_record_result_dialog_new (issue, 0);
  g_assert_cmpuint (mi_record_result_dialog_get_attempt (dialog), ==, 2);

  mi_record_result_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  mi_ui_test_flush ();
  assert_shown (dialog, "record", FALSE);
  g_assert_true (has_focus (find_entry_row (dialog, "_Value, like 850ms")));
  g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (dialog), "TC-001: Load Test (100 users)"));
  g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (dialog), "003: Connection Pooling"));

  mi_record_result_dialog_set_test_case (dialog, 1);
  mi_record_result_dialog_set_attempt (dialog, 0);
  mi_record_result_dialog_set_verdict (dialog, MI_VERDICT_FAIL);
  g_assert_cmpint (mi_record_result_dialog_get_verdict (dialog), ==, MI_VERDICT_FAIL);
  g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (dialog), "Fail"));
  mi_record_result_dialog_set_value (dialog, "512MB");
  assert_shown (dialog, "record", TRUE);
  press_enter (find_entry_row (dialog, "_Value, like 850ms"));
  wait_run (&run, TRUE);
  g_assert_cmpstr (run.first, ==, "TC-002");
  g_assert_cmpuint (run.attempt, ==, 1);
  g_assert_cmpstr (run.second, ==, "512MB");
  g_assert_cmpint (run.verdict, ==, MI_VERDICT_FAIL);
  run_clear (&run);

  mi_ui_test_close_window (window);
}

static void
test_lesson (void)
{
  MiWindow *window = mi_ui_test_open_example_copy (NULL, 900, 700);
  MiLessonDialog *dialog = mi_lesson_dialog_new (mi_window_get_issue (window));
  Run run = { 0 };

  mi_lesson_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  mi_ui_test_flush ();
  assert_shown (dialog, "extract", TRUE);
  g_assert_cmpstr (mi_lesson_dialog_get_category (dialog), ==, "general");
  g_assert_cmpstr (mi_lesson_dialog_get_name (dialog), ==, "PerformanceOptimizationSaga");
  g_assert_true (has_focus (find_entry_row (dialog, "_Category")));

  /* Names core would refuse. */
  mi_lesson_dialog_set_category (dialog, "../up");
  assert_shown (dialog, "extract", FALSE);
  mi_lesson_dialog_set_category (dialog, "performance");
  mi_lesson_dialog_set_name (dialog, "");
  assert_shown (dialog, "extract", FALSE);
  mi_lesson_dialog_set_name (dialog, "Pooling");
  assert_shown (dialog, "extract", TRUE);

  press_enter (find_entry_row (dialog, "_Name"));
  wait_run (&run, TRUE);
  g_assert_cmpstr (run.first, ==, "performance");
  g_assert_cmpstr (run.second, ==, "Pooling");
  run_clear (&run);

  mi_ui_test_close_window (window);
}

static void
test_hypothesis_and_log_entry (void)
{
  MiWindow *window = mi_ui_test_open_example_copy (NULL, 900, 700);
  gpointer dialog;
  Run run = { 0 };

  dialog = mi_hypothesis_dialog_new ();
  mi_hypothesis_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  mi_ui_test_flush ();
  assert_shown (dialog, "add", FALSE);
  mi_hypothesis_dialog_set_theory (dialog, "Each request writes three times");
  assert_shown (dialog, "add", FALSE);
  mi_hypothesis_dialog_set_title (dialog, "Write Amplification");
  g_assert_cmpstr (mi_hypothesis_dialog_get_title (dialog), ==, "Write Amplification");
  g_assert_cmpstr (mi_hypothesis_dialog_get_theory (dialog), ==, "Each request writes three times");
  adw_message_dialog_response (dialog, "add");
  wait_run (&run, TRUE);
  g_assert_cmpstr (run.first, ==, "Write Amplification");
  g_assert_cmpstr (run.second, ==, "Each request writes three times");
  run_clear (&run);

  dialog = mi_log_entry_dialog_new ();
  mi_log_entry_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  mi_ui_test_flush ();
  assert_shown (dialog, "add", FALSE);
  press_enter (find_entry_row (dialog, "_What Happened"));
  g_assert_false (run.done);
  mi_log_entry_dialog_set_text (dialog, "Deployed");
  g_assert_cmpstr (mi_log_entry_dialog_get_text (dialog), ==, "Deployed");
  press_enter (find_entry_row (dialog, "_What Happened"));
  wait_run (&run, TRUE);
  g_assert_cmpstr (run.first, ==, "Deployed");
  run_clear (&run);

  mi_ui_test_close_window (window);
}

static void
test_credentials (void)
{
  MiWindow *window = mi_ui_test_new_window ();
  const char *url = "https://git.example.org/team/docs.git";
  MiCredentialsDialog *dialog;
  Run run = { 0 };

  /* Asked: the user name from the address, focused; nothing required. */
  dialog = mi_credentials_dialog_new (url, "alice", FALSE);
  mi_credentials_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  mi_ui_test_flush ();
  assert_shown (dialog, "sign-in", TRUE);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Sign In");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   "https://git.example.org/team/docs.git asks who you are."));
  g_assert_cmpstr (mi_credentials_dialog_get_username (dialog), ==, "alice");
  g_assert_cmpstr (mi_credentials_dialog_get_password (dialog), ==, "");
  g_assert_true (GTK_IS_TEXT (gtk_window_get_focus (GTK_WINDOW (dialog))));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         mi_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL)));
  mi_ui_test_save_screenshots (GTK_WIDGET (dialog), "dialog-credentials");
  mi_credentials_dialog_set_password (dialog, "s3cret-token");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "sign-in");
  wait_run (&run, TRUE);
  g_assert_cmpstr (run.first, ==, "alice");
  g_assert_cmpstr (run.second, ==, "s3cret-token");
  run_clear (&run);

  /* Refused: asked again; Cancel gives nothing. */
  dialog = mi_credentials_dialog_new (url, NULL, TRUE);
  mi_credentials_dialog_run_async (dialog, GTK_WINDOW (window), NULL, run_cb, &run);
  mi_ui_test_flush ();
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   "https://git.example.org/team/docs.git refused these credentials."));
  g_assert_cmpstr (mi_credentials_dialog_get_username (dialog), ==, "");
  mi_ui_test_save_screenshots (GTK_WIDGET (dialog), "dialog-credentials-retry");
  mi_credentials_dialog_set_username (dialog, "bob");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  wait_run (&run, FALSE);
  g_assert_null (run.first);
  run_clear (&run);

  mi_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  mi_ui_test_init (&argc, &argv, "test-form-dialogs");

  g_test_add_func ("/form-dialogs/new-attempt", test_new_attempt);
  g_test_add_func ("/form-dialogs/cancelled", test_cancelled);
  g_test_add_func ("/form-dialogs/window-replaces", test_window_replaces);
  g_test_add_func ("/form-dialogs/new-issue", test_new_issue);
  g_test_add_func ("/form-dialogs/record-result", test_record_result);
  g_test_add_func ("/form-dialogs/lesson", test_lesson);
  g_test_add_func ("/form-dialogs/hypothesis-and-log-entry", test_hypothesis_and_log_entry);
  g_test_add_func ("/form-dialogs/credentials", test_credentials);

  return mi_ui_test_run ();
}
