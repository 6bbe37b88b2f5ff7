/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The structured edits of the window, as a user makes them: the status
 * menu, a new attempt, a result, a hypothesis version, a log entry (its
 * link drawn and followed), the lesson of a resolved meta-issue, a new
 * meta-issue. Each is checked in the bytes of its file and on the screen.
 * Saves screenshots (light and dark) of the status menu, of each form
 * dialog filled in, and of the result.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "mi-hypothesis-dialog.h"
#include "mi-issue-page.h"
#include "mi-lesson-dialog.h"
#include "mi-log-entry-dialog.h"
#include "mi-new-attempt-dialog.h"
#include "mi-new-issue-dialog.h"
#include "mi-record-result-dialog.h"
#include "mi-test-matrix.h"
#include "mi-ui-test-util.h"

/* The form @action shows, of @type. */
static gpointer
activate_for_dialog (MiWindow   *window,
                     const char *action,
                     GType       type)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  dialog = mi_window_get_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (dialog, type));
  g_assert_true (mi_ui_test_is_toplevel (GTK_WINDOW (dialog)));

  return dialog;
}

/* The meta-issue created is the one shown (selected once it is written
 * and parsed, on a worker). */
static gboolean
shows_new_issue (gpointer data)
{
  MiIssue *issue = mi_window_get_issue (data);

  return issue != NULL && g_str_equal (mi_issue_get_slug (issue), "memory-leak-in-the-parser");
}

/* Gives @response, as its button does: the form ends its run and goes. */
/* The question before a result is replaced. */
static gboolean
asks_to_replace (gpointer data)
{
  AdwMessageDialog *dialog = mi_window_get_dialog (data);

  return dialog != NULL && adw_message_dialog_has_response (dialog, "replace") &&
         mi_ui_test_is_toplevel (GTK_WINDOW (dialog));
}

/* The question before a value of another kind is recorded. */
static gboolean
asks_to_force (gpointer data)
{
  AdwMessageDialog *dialog = mi_window_get_dialog (data);

  return dialog != NULL && adw_message_dialog_has_response (dialog, "force") &&
         mi_ui_test_is_toplevel (GTK_WINDOW (dialog));
}

static void
respond (gpointer    dialog,
         const char *response)
{
  g_autoptr(GObject) kept = g_object_ref (dialog);

  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  g_assert_false (mi_ui_test_is_toplevel (dialog));
  mi_ui_test_flush ();
}

/* The Overview's status menu, when it is open. */
static GtkPopover *
find_status_menu (MiIssuePage *page)
{
  g_autoptr(GPtrArray) menu_buttons = mi_ui_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, NULL);
  GtkPopover *popover = NULL;

  for (guint i = 0; i < menu_buttons->len; i++)
    if (gtk_menu_button_get_popover (menu_buttons->pdata[i]) != NULL &&
        gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu_buttons->pdata[i]))))
      popover = gtk_menu_button_get_popover (menu_buttons->pdata[i]);

  return popover;
}

static gboolean
status_menu_is_open (gpointer data)
{
  return find_status_menu (data) != NULL;
}

/* The label of the log entry that begins with @text: a condition. */
static GtkLabel *
find_log_entry (MiIssuePage *page,
                const char  *text)
{
  g_autoptr(GPtrArray) labels = mi_ui_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL, NULL);
  GtkLabel *entry = NULL;

  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), text))
      entry = labels->pdata[i];

  return entry;
}

static gboolean
log_entry_is_drawn (gpointer data)
{
  return find_log_entry (data, "Batching deployed to staging") != NULL;
}

static void
test_window_edits (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  MiIssuePage *page = MI_ISSUE_PAGE (mi_window_get_issue_page (window));
  MiIssue *issue = mi_window_get_issue (window);

  /* Ctrl+Shift+T: the Overview, its status menu open. */
  adw_view_stack_set_visible_child_name (mi_issue_page_get_stack (page), "log");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-status", NULL));
  g_assert_true (mi_ui_test_wait_for (status_menu_is_open, page));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (mi_issue_page_get_stack (page)), ==, "overview");
  {
    GtkPopover *popover = find_status_menu (page);

    g_assert_nonnull (popover);
    mi_ui_test_save_screenshots (GTK_WIDGET (popover), "status-menu");
    gtk_popover_popdown (popover);
  }

  /* Set the status: the README's Status line. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "in-progress"));
  mi_ui_test_wait_edits (window);
  mi_ui_test_assert_issue_file (folder, "README.md", "**Status:** In Progress (Attempt 003)");
  g_assert_cmpint (mi_issue_get_status (issue), ==, MI_STATUS_IN_PROGRESS);

  /* New attempt. */
  {
    MiNewAttemptDialog *dialog = activate_for_dialog (window, "win.new-attempt", MI_TYPE_NEW_ATTEMPT_DIALOG);

    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
    mi_new_attempt_dialog_set_title (dialog, "Async Batching");
    mi_new_attempt_dialog_set_hypothesis (dialog, "Batching writes halves the latency");
    mi_ui_test_save_screenshots (GTK_WIDGET (dialog), "dialog-new-attempt");
    respond (dialog, "create");
  }
  mi_ui_test_wait_edits (window);
  mi_ui_test_assert_issue_file (folder, "attempts/004-async-batching/solution-approach.md",
                                "Batching writes halves the latency");
  g_assert_cmpuint (g_list_model_get_n_items (mi_issue_get_attempts (issue)), ==, 4);
  g_assert_cmpuint (mi_issue_page_get_selected_attempt (page), ==, 4);
  {
    GListModel *columns = gtk_column_view_get_columns (mi_test_matrix_get_column_view (mi_issue_page_get_test_matrix (page)));

    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 6);
  }

  /* Record a result for the new attempt. */
  {
    MiRecordResultDialog *dialog = activate_for_dialog (window, "win.record-result", MI_TYPE_RECORD_RESULT_DIALOG);

    g_assert_cmpuint (mi_record_result_dialog_get_attempt (dialog), ==, 3);
    mi_record_result_dialog_set_test_case (dialog, 0);
    mi_record_result_dialog_set_value (dialog, "900ms");
    mi_ui_test_save_screenshots (GTK_WIDGET (dialog), "dialog-record-result");
    respond (dialog, "record");
  }
  mi_ui_test_wait_edits (window);
  mi_ui_test_assert_issue_file (folder, "test-cases.md", "- Attempt 004: 900ms (PASS)");
  g_assert_nonnull (mi_ui_test_wait_for_label_with_class (GTK_WIDGET (page), "900ms", "verdict-pass"));

  /* Again for attempt 004: asked first, nothing written until replaced. */
  {
    MiRecordResultDialog *dialog = activate_for_dialog (window, "win.record-result", MI_TYPE_RECORD_RESULT_DIALOG);
    AdwMessageDialog *confirm;

    g_assert_cmpuint (mi_record_result_dialog_get_attempt (dialog), ==, 3);
    mi_record_result_dialog_set_test_case (dialog, 0);
    mi_record_result_dialog_set_value (dialog, "850ms");
    respond (dialog, "record");
    g_assert_true (mi_ui_test_wait_for (asks_to_replace, window));
    confirm = mi_window_get_dialog (window);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "Attempt 004: 900ms (PASS)"));
    mi_ui_test_assert_issue_file (folder, "test-cases.md", "- Attempt 004: 900ms (PASS)");
    mi_ui_test_save_screenshots (GTK_WIDGET (confirm), "dialog-replace-result");
    respond (confirm, "replace");
  }
  mi_ui_test_wait_edits (window);
  mi_ui_test_assert_issue_file (folder, "test-cases.md", "- Attempt 004: 850ms (PASS)");
  g_assert_nonnull (mi_ui_test_wait_for_label_with_class (GTK_WIDGET (page), "850ms", "verdict-pass"));

  /* A value of another kind than the target (TC-002: < 512MB): asked
   * first, written as given once the user says so. */
  {
    MiRecordResultDialog *dialog = activate_for_dialog (window, "win.record-result", MI_TYPE_RECORD_RESULT_DIALOG);
    g_autofree char *unchanged = NULL;
    AdwMessageDialog *confirm;

    mi_record_result_dialog_set_test_case (dialog, 1);
    mi_record_result_dialog_set_value (dialog, "2 s");
    respond (dialog, "record");
    g_assert_true (mi_ui_test_wait_for (asks_to_force, window));
    confirm = mi_window_get_dialog (window);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "“2 s”"));
    unchanged = mi_ui_test_read_issue_file (folder, "test-cases.md");
    g_assert_null (strstr (unchanged, "Attempt 004: 2 s"));
    mi_ui_test_save_screenshots (GTK_WIDGET (confirm), "dialog-record-anyway");
    respond (confirm, "force");
  }
  mi_ui_test_wait_edits (window);
  mi_ui_test_assert_issue_file (folder, "test-cases.md", "- Attempt 004: 2 s\n");

  /* A hypothesis version. */
  {
    MiHypothesisDialog *dialog = activate_for_dialog (window, "win.add-hypothesis", MI_TYPE_HYPOTHESIS_DIALOG);

    mi_hypothesis_dialog_set_title (dialog, "Write Amplification");
    mi_hypothesis_dialog_set_theory (dialog, "Each request writes three times");
    mi_ui_test_save_screenshots (GTK_WIDGET (dialog), "dialog-hypothesis");
    respond (dialog, "add");
  }
  mi_ui_test_wait_edits (window);
  mi_ui_test_assert_issue_file (folder, "description.md", "Write Amplification");
  {
    g_autoptr(MiHypothesis) first = g_list_model_get_item (mi_issue_page_get_timeline (page), 0);

    g_assert_cmpuint (mi_hypothesis_get_version (first), ==, 4);
  }

  /* A log entry: on top of the log. */
  {
    MiLogEntryDialog *dialog = activate_for_dialog (window, "win.add-log-entry", MI_TYPE_LOG_ENTRY_DIALOG);

    /* About the last attempt unless another is chosen. */
    g_assert_cmpuint (mi_log_entry_dialog_get_attempt (dialog), ==, 3);
    mi_log_entry_dialog_set_text (dialog, "Batching deployed to staging, see [the `description`](description.md)");
    mi_ui_test_save_screenshots (GTK_WIDGET (dialog), "dialog-log-entry");
    respond (dialog, "add");
  }
  mi_ui_test_wait_edits (window);
  mi_ui_test_assert_issue_file (folder, "implementation-log.md", "Batching deployed to staging");

  /* About attempt 001: at the end of its section, before attempt 002's. */
  {
    MiLogEntryDialog *dialog = activate_for_dialog (window, "win.add-log-entry", MI_TYPE_LOG_ENTRY_DIALOG);
    g_autofree char *log = NULL;
    const char *entry;

    mi_log_entry_dialog_set_attempt (dialog, 0);
    mi_log_entry_dialog_set_text (dialog, "Found the first load-test report again");
    respond (dialog, "add");
    mi_ui_test_wait_edits (window);
    log = mi_ui_test_wait_for_issue_file (folder, "implementation-log.md", "Found the first load-test report again");
    entry = strstr (log, "Found the first load-test report again");
    g_assert_true (entry < strstr (log, "## Attempt 002"));
    g_assert_true (entry > strstr (log, "## Attempt 001"));
  }
  {
    g_autoptr(MiLogEntry) first = g_list_model_get_item (mi_issue_page_get_log (page), 0);

    g_assert_nonnull (strstr (mi_log_entry_get_text (first), "Batching deployed to staging"));
  }
  /* In the Log, drawn as the preview draws it: the relative link is a
   * link to the issue's file (not marked broken), and it opens there. */
  g_assert_true (mi_ui_test_wait_for (log_entry_is_drawn, page));
  {
    GtkLabel *entry = find_log_entry (page, "Batching deployed to staging");
    const char *markup;
    const char *href;
    gboolean handled = FALSE;

    g_assert_nonnull (entry);
    g_assert_null (strchr (gtk_label_get_text (entry), '`'));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "broken-link"));
    markup = gtk_label_get_label (entry);
    href = strstr (markup, "href=\"mi-file:");
    g_assert_nonnull (href);
    g_assert_nonnull (strstr (href, "description.md\""));
    {
      g_autofree char *uri = g_strndup (href + strlen ("href=\""), strchr (href + strlen ("href=\""), '"') - href - strlen ("href=\""));

      g_signal_emit_by_name (entry, "activate-link", uri, &handled);
    }
    g_assert_true (handled);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (mi_issue_page_get_stack (page)), ==, "files");
    g_assert_cmpstr (mi_editor_get_title (mi_editor_stack_get_current (
                       mi_files_view_get_stack (mi_issue_page_get_files_view (MI_ISSUE_PAGE (page))))),
                     ==, "description.md");
    mi_ui_test_show_view (window, "log");
  }
  mi_ui_test_save_screenshots (GTK_WIDGET (window), "after-edits");

  /* The lesson, once resolved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "resolved"));
  mi_ui_test_wait_edits (window);
  mi_ui_test_assert_issue_file (folder, "README.md", "**Status:** Resolved");
  {
    MiLessonDialog *dialog = activate_for_dialog (window, "win.extract-lesson", MI_TYPE_LESSON_DIALOG);

    g_assert_cmpstr (mi_lesson_dialog_get_category (dialog), ==, "general");
    g_assert_cmpstr (mi_lesson_dialog_get_name (dialog), ==, "PerformanceOptimizationSaga");
    mi_lesson_dialog_set_category (dialog, "performance");
    mi_ui_test_save_screenshots (GTK_WIDGET (dialog), "dialog-lesson");
    respond (dialog, "extract");
  }
  mi_ui_test_wait_edits (window);
  {
    g_autoptr(GFile) lesson = g_file_resolve_relative_path (folder, "docs/lessons-learned/performance/PerformanceOptimizationSaga.md");
    const char *link = "**Meta-Issue:** [[../../meta-issues/example-performance-saga/]]";
    g_autofree char *contents = mi_ui_test_wait_for_file (g_file_peek_path (lesson), link);
    MiLessonDialog *dialog;

    g_assert_true (g_file_query_exists (lesson, NULL));
    g_assert_nonnull (strstr (contents, link));

    /* Again: refused with a toast, the file kept. */
    dialog = activate_for_dialog (window, "win.extract-lesson", MI_TYPE_LESSON_DIALOG);
    mi_lesson_dialog_set_category (dialog, "performance");
    respond (dialog, "extract");
    mi_ui_test_wait_edits (window);
    {
      g_autofree char *again = NULL;

      g_assert_true (g_file_load_contents (lesson, NULL, &again, NULL, NULL, NULL));
      g_assert_cmpstr (again, ==, contents);
    }
  }

  /* A new meta-issue: the slug follows the title. */
  {
    MiNewIssueDialog *dialog = activate_for_dialog (window, "win.new-issue", MI_TYPE_NEW_ISSUE_DIALOG);

    mi_new_issue_dialog_set_title (dialog, "Memory Leak in the Parser");
    g_assert_cmpstr (mi_new_issue_dialog_get_slug (dialog), ==, "memory-leak-in-the-parser");
    mi_ui_test_save_screenshots (GTK_WIDGET (dialog), "dialog-new-issue");
    respond (dialog, "create");
  }
  g_assert_true (mi_ui_test_wait_for (shows_new_issue, window));
  {
    g_autoptr(GFile) readme = g_file_resolve_relative_path (folder, "docs/meta-issues/memory-leak-in-the-parser/README.md");
    g_autofree char *written = mi_ui_test_wait_for_file (g_file_peek_path (readme), "Memory Leak in the Parser");

    g_assert_true (g_file_query_exists (readme, NULL));
    g_assert_nonnull (written);
    g_assert_cmpstr (mi_issue_get_slug (mi_window_get_issue (window)), ==, "memory-leak-in-the-parser");
  }

  /* It has no attempts yet: the Attempts view says so, with its action. */
  mi_ui_test_show_view (window, "attempts");
  g_assert_nonnull (mi_ui_test_wait_for_label (mi_window_get_issue_page (window), "No Attempts Yet"));
  mi_ui_test_save_screenshots (GTK_WIDGET (window), "no-attempts");

  mi_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  mi_ui_test_init (&argc, &argv, "test-window-edits");

  g_test_add_func ("/window/edits", test_window_edits);

  return mi_ui_test_run ();
}
