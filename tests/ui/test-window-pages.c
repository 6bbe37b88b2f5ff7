/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The issue page of the example's meta-issue, as a user sees it: the
 * Overview, Attempts, Test cases, Understanding and Log views and what they
 * draw of the markdown, the narrow layout, the files written by another
 * program shown within a second, the chart of the Test cases view (its
 * pick, its PNG and SVG exports, a chart inserted beside the files).
 * Saves screenshots (light and dark) of each view.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "mi-attempts-view.h"
#include "mi-chart.h"
#include "mi-issue-page.h"
#include "mi-test-matrix.h"
#include "mi-ui-test-util.h"

/* The issue page: a window on a copy of the example, with its issue shown. */

static gboolean
leaflet_is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

static void
test_window_pages (void)
{
  MiWindow *window = mi_ui_test_open_example_copy (NULL, 1100, 760);
  MiIssuePage *page = MI_ISSUE_PAGE (mi_window_get_issue_page (window));
  MiAttemptsView *attempts = mi_issue_page_get_attempts_view (page);
  GtkColumnView *matrix = mi_test_matrix_get_column_view (mi_issue_page_get_test_matrix (page));
  GListModel *columns = gtk_column_view_get_columns (matrix);
  const char *column_titles[] = { "Test Case", "Target", "Attempt 001", "Attempt 002", "Attempt 003" };
  GListModel *model;

  g_assert_true (mi_issue_page_get_issue (page) == mi_window_get_issue (window));

  /* Overview */
  mi_ui_test_show_view (window, "overview");
  {
    GtkWidget *pill = mi_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "status-pill");

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pill)), ==, "Resolved");
    g_assert_nonnull (mi_ui_test_wait_for_label (GTK_WIDGET (page), "2024-09-01"));
    g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (page), "~6 weeks"));
    g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (page), "3"));
  }
  /* The README's sections read as text, not as markdown: the Root Cause's
   * list is a list, its emphasis is bold, no "**" is shown. */
  {
    g_autoptr(GPtrArray) labels = NULL;
    gboolean bold_seen = FALSE;

    labels = mi_ui_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL, NULL);
    for (guint i = 0; i < labels->len; i++)
      {
        const char *text = gtk_label_get_text (labels->pdata[i]);
        const char *markup = gtk_label_get_label (labels->pdata[i]);

        if (gtk_widget_get_visible (labels->pdata[i]))
          g_assert_null (strstr (text, "**"));
        if (strstr (text, "Actual root cause:") != NULL && strstr (markup, "<b>") != NULL)
          bold_seen = TRUE;
      }
    g_assert_true (bold_seen);
    g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (page), "No connection pooling or reuse"));
  }
  mi_ui_test_save_screenshots (GTK_WIDGET (window), "page-overview");

  /* Attempts: the list, the newest selected, its detail. */
  mi_ui_test_show_view (window, "attempts");
  model = G_LIST_MODEL (mi_attempts_view_get_selection (attempts));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (model, i);

      g_assert_cmpuint (mi_attempt_get_number (attempt), ==, i + 1);
    }
  g_assert_cmpuint (mi_attempts_view_get_selected_number (attempts), ==, 3);
  g_assert_nonnull (mi_ui_test_wait_for_label (GTK_WIDGET (attempts), "Attempt 003"));
  g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (attempts), "Connection management was root cause"));
  /* The hypothesis as the preview draws it: `pg-native` as code, no backticks. */
  {
    g_autoptr(GPtrArray) labels = NULL;
    GtkLabel *hypothesis = NULL;

    labels = mi_ui_test_collect_widgets (GTK_WIDGET (attempts), GTK_TYPE_LABEL, NULL);
    for (guint i = 0; i < labels->len; i++)
      if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "Connection overhead is the bottleneck"))
        hypothesis = labels->pdata[i];
    g_assert_nonnull (hypothesis);
    g_assert_true (gtk_label_get_use_markup (hypothesis));
    g_assert_nonnull (strstr (gtk_label_get_text (hypothesis), "pg-native"));
    g_assert_null (strchr (gtk_label_get_text (hypothesis), '`'));
    g_assert_nonnull (strstr (gtk_label_get_label (hypothesis), "<span font_family=\"monospace\""));
  }
  mi_attempts_view_select_number (attempts, 1);
  g_assert_cmpuint (mi_attempts_view_get_selected_number (attempts), ==, 1);
  g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (attempts), "Processing not the bottleneck"));
  mi_attempts_view_select_number (attempts, 3);
  mi_ui_test_save_screenshots (GTK_WIDGET (window), "page-attempts");

  /* Test cases: test cases × attempts, the target in its own column. */
  mi_ui_test_show_view (window, "test-cases");
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (column_titles));
  for (guint i = 0; i < G_N_ELEMENTS (column_titles); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, column_titles[i]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (matrix))), ==, 3);
  g_assert_nonnull (mi_ui_test_wait_for_label_with_class (GTK_WIDGET (matrix), "5,100ms", "verdict-fail"));
  g_assert_nonnull (mi_ui_test_find_label_with_class (GTK_WIDGET (matrix), "380ms", "verdict-pass"));
  g_assert_nonnull (mi_ui_test_find_label_with_class (GTK_WIDGET (matrix), "280MB", "verdict-pass"));
  g_assert_nonnull (mi_ui_test_find_label_with_class (GTK_WIDGET (matrix), "< 512MB (peak)", "target-cell"));
  mi_ui_test_save_screenshots (GTK_WIDGET (window), "page-test-cases");

  /* Understanding: the versions, newest on top. */
  mi_ui_test_show_view (window, "understanding");
  model = mi_issue_page_get_timeline (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MiHypothesis) hypothesis = g_list_model_get_item (model, i);

      g_assert_cmpuint (mi_hypothesis_get_version (hypothesis), ==, 3 - i);
    }
  g_assert_nonnull (mi_ui_test_wait_for_label (GTK_WIDGET (page), "Final Understanding"));
  /* Inline markdown drawn, not shown: no backticks left. */
  {
    g_autoptr(GPtrArray) labels = NULL;
    guint n_prose = 0;

    labels = mi_ui_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL, NULL);
    for (guint i = 0; i < labels->len; i++)
      if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "The API does not slow down") ||
          g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "Test  Attempt 003"))
        {
          g_assert_null (strchr (gtk_label_get_text (labels->pdata[i]), '`'));
          g_assert_nonnull (strstr (gtk_label_get_text (labels->pdata[i]), "pg"));
          n_prose++;
        }
    g_assert_cmpuint (n_prose, ==, 2);
  }
  mi_ui_test_save_screenshots (GTK_WIDGET (window), "page-understanding");

  /* Log: newest first. */
  mi_ui_test_show_view (window, "log");
  model = mi_issue_page_get_log (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 3);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MiLogEntry) newer = g_list_model_get_item (model, i - 1);
      g_autoptr(MiLogEntry) older = g_list_model_get_item (model, i);

      g_assert_cmpuint (mi_log_entry_get_line (newer), >, mi_log_entry_get_line (older));
      g_assert_cmpuint (mi_log_entry_get_attempt (newer), >=, mi_log_entry_get_attempt (older));
    }
  mi_ui_test_save_screenshots (GTK_WIDGET (window), "page-log");

  /* Narrow: the leaflet folds, the view switcher moves to the bottom. */
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 760);
  {
    AdwLeaflet *leaflet = ADW_LEAFLET (mi_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));

    g_assert_true (mi_ui_test_wait_for (leaflet_is_folded, leaflet));
    mi_ui_test_show_view (window, "overview");
    mi_ui_test_save_screenshots (GTK_WIDGET (window), "narrow");
  }

  mi_ui_test_close_window (window);
}

typedef struct
{
  MiIssue    *issue;
  GtkWidget  *page;
} ExternalWait;

static gboolean
status_is_abandoned (gpointer data)
{
  ExternalWait *wait = data;
  GtkWidget *pill = mi_ui_test_find_widget (wait->page, GTK_TYPE_LABEL, "status-pill");

  return mi_issue_get_status (wait->issue) == MI_STATUS_ABANDONED &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (pill)), "Abandoned") == 0;
}

static gboolean
matrix_shows_new_value (gpointer data)
{
  ExternalWait *wait = data;

  return mi_ui_test_find_label_with_class (wait->page, "6,000ms", "verdict-fail") != NULL;
}

/* Another program writes the files: the window shows it within a second,
 * on the same selected meta-issue. */
static void
test_window_external_edit (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  MiIssue *issue = mi_window_get_issue (window);
  ExternalWait wait = { issue, mi_window_get_issue_page (window) };
  g_autofree char *readme_path = NULL;
  g_autofree char *tests_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  gint64 start;

  mi_ui_test_show_view (window, "overview");
  g_assert_nonnull (mi_ui_test_wait_for_label_with_class (wait.page, "Resolved", "status-pill"));

  text = mi_ui_test_read_issue_file (folder, "README.md");
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "**Status:** Resolved (Attempt 003)", "**Status:** Abandoned", 1), ==, 1);
  readme_path = mi_ui_test_issue_path (folder, "README.md");
  start = g_get_monotonic_time ();
  g_assert_true (g_file_set_contents (readme_path, edited->str, edited->len, NULL));
  g_assert_true (mi_ui_test_wait_within (status_is_abandoned, &wait, 1000));
  g_test_message ("the status changed on screen after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_true (mi_window_get_issue (window) == issue);

  /* A result in test-cases.md: the matrix cell. */
  mi_ui_test_show_view (window, "test-cases");
  g_clear_pointer (&text, g_free);
  text = mi_ui_test_read_issue_file (folder, "test-cases.md");
  g_string_assign (edited, text);
  g_assert_cmpuint (g_string_replace (edited, "- Attempt 001: 5,100ms (FAIL)", "- Attempt 001: 6,000ms (FAIL)", 1), ==, 1);
  tests_path = mi_ui_test_issue_path (folder, "test-cases.md");
  g_assert_true (g_file_set_contents (tests_path, edited->str, edited->len, NULL));
  g_assert_true (mi_ui_test_wait_within (matrix_shows_new_value, &wait, 1000));
  g_assert_true (mi_window_get_issue (window) == issue);

  mi_ui_test_close_window (window);
}

/* The chart of the Test cases page: exported to PNG and SVG, and a test
 * case's chart written beside the files with a link under the test case. */
static void
test_window_chart (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  g_autoptr(GFile) png = NULL;
  g_autoptr(GFile) svg = NULL;
  g_autoptr(GFile) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  mi_ui_test_show_view (window, "test-cases");

  /* The Test cases page charts one test case: the first, until another is
   * picked; the chart follows the pick. */
  {
    MiIssuePage *page = MI_ISSUE_PAGE (mi_window_get_issue_page (window));
    MiChart *picked = MI_CHART (mi_issue_page_get_chart (page));
    GtkDropDown *picker = GTK_DROP_DOWN (mi_ui_test_find_widget (GTK_WIDGET (mi_issue_page_get_chart_box (page)),
                                                                 GTK_TYPE_DROP_DOWN, NULL));

    g_assert_cmpstr (mi_chart_get_test_case_id (picked), ==, "TC-001");
    g_assert_nonnull (picker);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (picker)), ==, 3);
    gtk_drop_down_set_selected (picker, 2);
    g_assert_cmpstr (mi_chart_get_test_case_id (picked), ==, "TC-003");
    gtk_drop_down_set_selected (picker, 0);
    g_assert_cmpstr (mi_chart_get_test_case_id (picked), ==, "TC-001");
  }

  png = g_file_resolve_relative_path (folder, "exported.png");
  g_assert_true (mi_window_export_chart (window, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (png, NULL, &bytes, &length, NULL, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&bytes, g_free);

  svg = g_file_resolve_relative_path (folder, "exported.svg");
  g_assert_true (mi_window_export_chart (window, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (svg, NULL, &bytes, NULL, NULL, NULL));
  g_assert_nonnull (strstr (bytes, "<svg"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-chart", "s", "TC-001"));
  mi_ui_test_wait_edits (window);
  text = mi_ui_test_wait_for_issue_file (folder, "test-cases.md", "charts/tc-001.svg");
  chart = g_file_resolve_relative_path (folder, "docs/meta-issues/example-performance-saga/charts/tc-001.svg");
  g_assert_true (g_file_query_exists (chart, NULL));
  g_assert_nonnull (strstr (text, "charts/tc-001.svg"));

  mi_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  mi_ui_test_init (&argc, &argv, "test-window-pages");

  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/external-edit", test_window_external_edit);
  g_test_add_func ("/window/chart", test_window_chart);

  return mi_ui_test_run ();
}
