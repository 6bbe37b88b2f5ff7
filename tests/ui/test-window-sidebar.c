/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The sidebar's list of meta-issues, as a user sees it: a row for each
 * fixture's meta-issue with its title, status pill and attempt count, all
 * of them in one workspace, the sort orders (title, created, last change)
 * following the files another program writes, the search through titles,
 * slugs and the files' text, the "no match" page and the status filter.
 */

#include "config.h"

#include <adwaita.h>

#include "mi-ui-test-util.h"

static void
test_window_fixtures (void)
{
  for (guint i = 0; i < mi_ui_test_n_fixtures; i++)
    {
      const MiUiTestFixture *f = &mi_ui_test_fixtures[i];
      g_autoptr(GFile) src = mi_ui_test_source_file ("tests", "fixtures", f->fixture, NULL);
      g_autoptr(GFile) folder = mi_ui_test_make_folder (f->fixture);
      MiWindow *window;

      g_test_message ("fixture %s", f->fixture);
      mi_ui_test_copy_tree (src, folder);

      window = mi_ui_test_new_window ();
      mi_ui_test_open_and_wait (window, folder);

      g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (mi_ui_test_get_list_view (window)))), ==, 1);

      mi_ui_test_wait_for_rows (window, 1);
      mi_ui_test_assert_row (window, f->title, f->status, f->status_id, f->attempts);

      mi_ui_test_close_window (window);
    }
}

/* One workspace with every fixture's meta-issue, from a folder below its root. */
static void
test_window_several (void)
{
  g_autoptr(GFile) folder = mi_ui_test_make_several ("several", TRUE);
  g_autoptr(GFile) issues = g_file_resolve_relative_path (folder, "docs/meta-issues");
  MiWindow *window;

  window = mi_ui_test_new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  mi_ui_test_open_and_wait (window, issues);

  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (mi_ui_test_get_list_view (window)))),
                    ==, mi_ui_test_n_fixtures + 1);

  mi_ui_test_wait_for_rows (window, mi_ui_test_n_fixtures + 1);

  for (guint i = 0; i < mi_ui_test_n_fixtures; i++)
    mi_ui_test_assert_row (window, mi_ui_test_fixtures[i].title, mi_ui_test_fixtures[i].status,
                           mi_ui_test_fixtures[i].status_id, mi_ui_test_fixtures[i].attempts);
  mi_ui_test_assert_row (window, "Performance Optimization Saga", "Resolved", "resolved", "3 attempts");

  mi_ui_test_save_screenshots (GTK_WIDGET (window), "several");
  mi_ui_test_close_window (window);
}

static gboolean
search_done (gpointer data)
{
  return !mi_window_get_searching (MI_WINDOW (data));
}

static gboolean
last_is_zebra (gpointer data)
{
  GListModel *model = data;
  g_autoptr(MiIssue) last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);

  return g_strcmp0 (mi_issue_get_title (last), "Zebra Crossing CI") == 0;
}

static gboolean
first_is_flaky (gpointer data)
{
  GListModel *model = data;
  g_autoptr(MiIssue) first = g_list_model_get_item (model, 0);

  return g_strcmp0 (mi_issue_get_title (first), "Flaky CI") == 0;
}

static gboolean
first_is_just_started (gpointer data)
{
  GListModel *model = data;
  g_autoptr(MiIssue) first = g_list_model_get_item (model, 0);

  return g_strcmp0 (mi_issue_get_slug (first), "just-started") == 0;
}

typedef struct
{
  GListModel *model;
  const char *probe;
} ClockWait;

/* Whether a file written now is dated after every file of the issues in
 * @model: file times are as coarse as the kernel's clock tick, and a file
 * written in the same tick as the newest would tie with it. */
static gboolean
file_clock_passed (gpointer data)
{
  ClockWait *wait = data;
  g_autoptr(GFile) probe = g_file_new_for_path (wait->probe);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) written = NULL;
  gint64 newest = 0;

  g_assert_true (g_file_set_contents (wait->probe, "", 0, NULL));
  info = g_file_query_info (probe, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (info);
  written = g_file_info_get_modification_date_time (info);

  for (guint i = 0; i < g_list_model_get_n_items (wait->model); i++)
    {
      g_autoptr(MiIssue) issue = g_list_model_get_item (wait->model, i);

      newest = MAX (newest, mi_issue_get_mtime (issue));
    }

  return g_date_time_to_unix (written) * G_USEC_PER_SEC + g_date_time_get_microsecond (written) > newest;
}

static gboolean
search_found_none (gpointer data)
{
  MiWindow *window = MI_WINDOW (data);

  return !mi_window_get_searching (window) &&
         g_list_model_get_n_items (G_LIST_MODEL (mi_window_get_selection (window))) == 0;
}

/* The sidebar's stack: the list, or the "no-match" page. */
static GtkStack *
get_sidebar_stack (MiWindow *window)
{
  g_autoptr(GPtrArray) stacks = NULL;

  stacks = mi_ui_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_STACK, NULL);
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (stacks->pdata[i], "no-match") != NULL)
      return stacks->pdata[i];

  g_assert_not_reached ();
}

static void
test_window_filter_sort (void)
{
  g_autoptr(GFile) folder = mi_ui_test_make_several ("filter", TRUE);
  g_autoptr(GFile) issues = g_file_resolve_relative_path (folder, "docs/meta-issues");
  g_autoptr(GSettings) settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
  GListModel *model;
  MiWindow *window;

  window = mi_ui_test_new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  mi_ui_test_open_and_wait (window, folder);
  model = G_LIST_MODEL (mi_window_get_selection (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);

  /* Sort by title. */
  g_settings_set_string (settings, "sort-order", "title");
  {
    const char *want[] = { "Flaky CI", "Just Started", "Performance Optimization Saga",
                           "Search Relevance Regression", "Slow Cold Start",
                           "Thumbnail Worker Memory Leak" };

    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        g_autoptr(MiIssue) issue = g_list_model_get_item (model, i);

        g_assert_cmpstr (mi_issue_get_title (issue), ==, want[i]);
      }

    /* Another program renames one: it moves to its new place. */
    {
      g_autoptr(GFile) readme = g_file_resolve_relative_path (issues, "flaky-ci/README.md");
      g_autofree char *contents = NULL;
      g_autoptr(GString) renamed = NULL;
      g_autoptr(MiIssue) last = NULL;

      g_assert_true (g_file_load_contents (readme, NULL, &contents, NULL, NULL, NULL));
      renamed = g_string_new (contents);
      g_assert_cmpuint (g_string_replace (renamed, "Flaky CI", "Zebra Crossing CI", 1), ==, 1);
      g_assert_true (g_file_set_contents (g_file_peek_path (readme), renamed->str, renamed->len, NULL));
      g_assert_true (mi_ui_test_wait_within (last_is_zebra, model, 3000));
      last = g_list_model_get_item (model, 5);
      g_assert_cmpstr (mi_issue_get_slug (last), ==, "flaky-ci");
      g_assert_true (g_file_set_contents (g_file_peek_path (readme), contents, -1, NULL));
      g_assert_true (mi_ui_test_wait_within (first_is_flaky, model, 3000));
    }
  }

  /* Sort by created date: newest first, ties by title. */
  g_settings_set_string (settings, "sort-order", "created");
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MiIssue) a = g_list_model_get_item (model, i - 1);
      g_autoptr(MiIssue) b = g_list_model_get_item (model, i);

      g_assert_cmpint (g_strcmp0 (mi_issue_get_created (a), mi_issue_get_created (b)), >=, 0);
    }

  /* Sort by last change: the file written last comes first. */
  g_settings_set_string (settings, "sort-order", "last-change");
  {
    g_autoptr(GFile) readme = g_file_resolve_relative_path (issues, "just-started/README.md");
    g_autofree char *probe = g_build_filename (mi_ui_test_get_tmp_root (), "clock-probe", NULL);
    ClockWait clock = { model, probe };
    g_autoptr(MiIssue) first = NULL;
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (mi_ui_test_wait_for (file_clock_passed, &clock));
    g_assert_true (g_file_load_contents (readme, NULL, &contents, &len, NULL, NULL));
    g_assert_true (g_file_set_contents (g_file_peek_path (readme), contents, len, NULL));
    g_assert_true (mi_ui_test_wait_within (first_is_just_started, model, 3000));
    first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (mi_issue_get_slug (first), ==, "just-started");
  }

  /* Search: title and slug at once, the text of the files when the
   * search through them (in a worker thread) answers. */
  mi_window_set_search_text (window, "flaky");
  g_assert_true (mi_window_get_searching (window));
  g_assert_true (mi_ui_test_wait_for (search_done, window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  mi_window_set_search_text (window, "cold-start");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (mi_ui_test_wait_for (search_done, window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  mi_window_set_search_text (window, "connection pool");
  g_assert_true (mi_ui_test_wait_for (search_done, window));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  /* Not "no results" while the files are still being read. */
  mi_window_set_search_text (window, "no such words anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_sidebar_stack (window)), ==, "list");
  g_assert_true (mi_ui_test_wait_for (search_done, window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_sidebar_stack (window)), ==, "no-match");
  /* Nothing selected: the content says so instead of showing the last one. */
  g_assert_null (mi_window_get_issue (window));
  g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (window), "No Meta-Issue Selected"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (mi_ui_test_find_label (GTK_WIDGET (window), "No Meta-Issue Selected"))));
  g_assert_false (gtk_widget_get_mapped (mi_window_get_issue_page (window)));
  mi_ui_test_flush ();
  mi_ui_test_save_screenshots (GTK_WIDGET (window), "no-match");
  /* Any case; and words that are not ASCII (folded with the text). */
  mi_window_set_search_text (window, "PG-Native");
  g_assert_true (mi_ui_test_wait_for (search_done, window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  mi_window_set_search_text (window, "UNIT TESTS \xe2\x89\xa0 PRODUCTION");
  g_assert_true (mi_ui_test_wait_for (search_done, window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Words only in a file's text; then that file changes and no longer
   * has them: the search runs again and the issue leaves the list. */
  mi_window_set_search_text (window, "pg-native");
  g_assert_true (mi_ui_test_wait_for (search_done, window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(GFile) description = g_file_resolve_relative_path (issues, "example-performance-saga/description.md");
    g_autofree char *contents = NULL;
    g_autoptr(GString) changed = NULL;

    g_assert_true (g_file_load_contents (description, NULL, &contents, NULL, NULL, NULL));
    changed = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (changed, "pg-native", "blocking driver", 0), >, 0);
    g_assert_true (g_file_set_contents (g_file_peek_path (description), changed->str, changed->len, NULL));
    g_assert_true (mi_ui_test_wait_within (search_found_none, window, 3000));
  }

  mi_window_set_search_text (window, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_is_mapped, mi_window_get_issue_page (window)));
  g_assert_nonnull (mi_window_get_issue (window));
  g_assert_true (gtk_widget_get_mapped (mi_window_get_issue_page (window)));

  /* Status filter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.status-filter", "s", "resolved"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.status-filter", "s", "open"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.status-filter", "s", "all"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);

  g_settings_reset (settings, "sort-order");
  mi_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  mi_ui_test_init (&argc, &argv, "test-window-sidebar");

  g_test_add_func ("/window/fixtures", test_window_fixtures);
  g_test_add_func ("/window/several", test_window_several);
  g_test_add_func ("/window/filter-sort", test_window_filter_sort);

  return mi_ui_test_run ();
}
