/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The main window as a user sees it: which page shows, the rows of the list
 * and their labels, the settings it remembers, the example it installs. It
 * also saves screenshots (light and dark) into the build folder.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <git2.h>

#include <adwaita.h>

#include "mi-attempts-view.h"
#include "mi-chart.h"
#include "mi-dialog.h"
#include "mi-issue-page.h"
#include "mi-issue-row.h"
#include "mi-test-matrix.h"
#include "mi-window.h"
#include "mi-ui-test-util.h"

/* Tests */

static void
test_window_example (void)
{
  g_autoptr(GFile) src = mi_ui_test_source_file ("resources", "example", NULL);
  g_autoptr(GFile) folder = mi_ui_test_make_folder ("example");
  g_autoptr(GSettings) settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
  g_autofree char *path = g_file_get_path (folder);
  g_autofree char *last = NULL;
  g_auto(GStrv) recent = NULL;
  GtkSelectionModel *model;
  g_autoptr(MiIssue) issue = NULL;
  MiWindow *window;

  mi_ui_test_copy_tree (src, folder);

  window = mi_ui_test_new_window ();
  mi_ui_test_open_and_wait (window, folder);

  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");
  g_assert_nonnull (mi_window_get_workspace (window));

  model = gtk_list_view_get_model (mi_ui_test_get_list_view (window));
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  issue = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (MI_IS_ISSUE (issue));
  g_assert_cmpstr (mi_issue_get_title (issue), ==, "Performance Optimization Saga");

  mi_ui_test_wait_for_rows (window, 1);
  mi_ui_test_assert_row (window, "Performance Optimization Saga", "Resolved", "resolved", "3 attempts");

  /* The last attempt succeeded: its icon says so. */
  {
    GtkWidget *row = mi_ui_test_find_row (window, "Performance Optimization Saga");
    GtkWidget *icon = mi_ui_test_find_widget (row, GTK_TYPE_IMAGE, "outcome-icon");

    g_assert_nonnull (icon);
    g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "emblem-ok-symbolic");
    g_assert_true (gtk_widget_has_css_class (icon, "success"));
  }

  /* The header bar names the workspace. */
  {
    g_autofree char *name = g_file_get_basename (folder);
    AdwWindowTitle *title = ADW_WINDOW_TITLE (mi_ui_test_find_widget (GTK_WIDGET (window),
                                                                      ADW_TYPE_WINDOW_TITLE, NULL));

    g_assert_cmpstr (adw_window_title_get_title (title), ==, name);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, name);
  }

  /* It is remembered. */
  last = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (last, ==, path);
  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_nonnull (recent[0]);
  g_assert_cmpstr (recent[0], ==, path);

  mi_ui_test_save_screenshots (GTK_WIDGET (window), "example");

  /* A folder that fails while a workspace is shown keeps the workspace. */
  {
    g_autoptr(GFile) nowhere = mi_ui_test_make_folder ("nowhere");

    mi_ui_test_open_and_wait (window, nowhere);
    g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");
    g_assert_nonnull (mi_window_get_workspace (window));
  }

  /* Closing saves the window's size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 555);
  mi_ui_test_flush ();
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_is_gone, window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 555);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

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

static void
test_window_empty (void)
{
  g_autoptr(GFile) folder = mi_ui_test_make_folder ("empty");
  g_autoptr(GFile) issues = g_file_resolve_relative_path (folder, "docs/meta-issues");
  g_autoptr(GError) error = NULL;
  MiWindow *window;

  g_file_make_directory_with_parents (issues, NULL, &error);
  g_assert_no_error (error);

  window = mi_ui_test_new_window ();
  mi_ui_test_open_and_wait (window, folder);

  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "empty");
  g_assert_nonnull (mi_window_get_workspace (window));
  g_assert_nonnull (mi_ui_test_find_widget (gtk_stack_get_visible_child (mi_ui_test_get_main_stack (window)),
                                            ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (gtk_stack_get_visible_child (mi_ui_test_get_main_stack (window)))),
                   ==, "No Meta-Issues Yet");

  mi_ui_test_save_screenshots (GTK_WIDGET (window), "empty");
  mi_ui_test_close_window (window);
}

static void
test_window_no_workspace (void)
{
  g_autoptr(GFile) nowhere = mi_ui_test_make_folder ("no-repository");
  GtkWidget *page;
  MiWindow *window;

  window = mi_ui_test_new_window ();
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_is_mapped, window));

  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "no-workspace");
  g_assert_null (mi_window_get_workspace (window));
  g_assert_false (mi_window_get_busy (window));

  page = gtk_stack_get_visible_child (mi_ui_test_get_main_stack (window));
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Workspace Open");
  g_assert_nonnull (mi_ui_test_find_label (page, "_Open Folder…"));
  g_assert_nonnull (mi_ui_test_find_label (page, "Open the _Example"));

  mi_ui_test_save_screenshots (GTK_WIDGET (window), "no-workspace");

  /* A folder with no docs/meta-issues/ and no repository: the error page. */
  mi_ui_test_open_and_wait (window, nowhere);
  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "error");
  g_assert_null (mi_window_get_workspace (window));

  page = gtk_stack_get_visible_child (mi_ui_test_get_main_stack (window));
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), !=, "");
  g_test_message ("error page: %s", adw_status_page_get_description (ADW_STATUS_PAGE (page)));

  mi_ui_test_save_screenshots (GTK_WIDGET (window), "error");
  mi_ui_test_close_window (window);
}

/* The "Open the Example" button: installs into the user data folder, opens it. */
static void
test_window_open_example (void)
{
  g_autofree char *dest = g_build_filename (g_get_user_data_dir (), "meta-issues", "example", NULL);
  g_autofree char *readme = g_build_filename (dest, "docs", "meta-issues", "example-performance-saga",
                                              "README.md", NULL);
  g_autofree char *dot_git = g_build_filename (dest, ".git", NULL);
  g_autofree char *last = NULL;
  g_autoptr(GSettings) settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
  MiWindow *window;

  g_assert_true (g_str_has_prefix (dest, mi_ui_test_get_tmp_root ()));

  window = mi_ui_test_new_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL));
  g_assert_true (mi_window_get_busy (window));
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_window_is_idle, window));

  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");
  g_assert_true (g_file_test (readme, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (dot_git, G_FILE_TEST_IS_DIR));

  mi_ui_test_wait_for_rows (window, 1);
  mi_ui_test_assert_row (window, "Performance Optimization Saga", "Resolved", "resolved", "3 attempts");

  last = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (last, ==, dest);

  mi_ui_test_close_window (window);
}

static gboolean
help_windows_are_shown (gpointer data)
{
  return mi_ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL) != NULL
#if !ADW_CHECK_VERSION (1, 5, 0)
         && mi_ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL) != NULL
#endif
         ;
}

/* The actions the header bar and the menus use, and the recent list. */
static void
test_window_actions (void)
{
  g_autoptr(GSettings) settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
  g_auto(GStrv) quit_accels = NULL;
  const char *recent[] = { "/nowhere/one", "/nowhere/two", NULL };
  GMenuModel *menu;
  g_autoptr(GMenuModel) section = NULL;
  g_autofree char *label = NULL;
  GList *toplevels;
  MiWindow *window;

  g_settings_set_strv (settings, "recent-workspaces", recent);

  window = mi_ui_test_new_window ();
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_is_mapped, window));

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (mi_ui_test_get_application ()),
                                                       "app.quit");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");

  /* The Open button's menu lists the recent workspaces. */
  menu = adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (mi_ui_test_find_widget (GTK_WIDGET (window),
                                                                                    ADW_TYPE_SPLIT_BUTTON,
                                                                                    NULL)));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (section, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "/nowhere/two");

  /* Keyboard Shortcuts and About open their windows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_action_group_activate_action (G_ACTION_GROUP (mi_ui_test_get_application ()), "about", NULL);
  g_assert_true (mi_ui_test_wait_for (help_windows_are_shown, NULL));

  toplevels = gtk_window_list_toplevels ();
  {
    gboolean has_shortcuts = FALSE;
    gboolean has_about = FALSE;

    for (GList *l = toplevels; l != NULL; l = l->next)
      {
        if (GTK_IS_SHORTCUTS_WINDOW (l->data))
          has_shortcuts = TRUE;
#if !ADW_CHECK_VERSION (1, 5, 0)
        if (ADW_IS_ABOUT_WINDOW (l->data))
          {
            has_about = TRUE;
            g_assert_cmpstr (adw_about_window_get_application_name (l->data), ==, "Meta-Issues");
            gtk_window_destroy (l->data);
          }
#else
        has_about = TRUE;
#endif
      }

    g_assert_true (has_shortcuts);
    g_assert_true (has_about);
  }
  g_list_free (toplevels);

  mi_ui_test_close_window (window);
  g_settings_reset (settings, "recent-workspaces");
}


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

static AdwMessageDialog *
activate_for_dialog (MiWindow   *window,
                     const char *action)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  dialog = mi_window_get_dialog (window);
  g_assert_nonnull (dialog);

  return dialog;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
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
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;

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
  text = mi_ui_test_wait_for_issue_file (folder, "README.md", "**Status:** In Progress (Attempt 003)");
  g_assert_nonnull (strstr (text, "**Status:** In Progress (Attempt 003)"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (mi_issue_get_status (issue), ==, MI_STATUS_IN_PROGRESS);

  /* New attempt. */
  dialog = activate_for_dialog (window, "win.new-attempt");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  mi_dialog_set_text (dialog, "title", "Async Batching");
  mi_dialog_set_text (dialog, "hypothesis", "Batching writes halves the latency");
  respond (dialog, "create");
  text = mi_ui_test_wait_for_issue_file (folder, "attempts/004-async-batching/solution-approach.md",
                                         "Batching writes halves the latency");
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Batching writes halves the latency"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (mi_issue_get_attempts (issue)), ==, 4);
  g_assert_cmpuint (mi_issue_page_get_selected_attempt (page), ==, 4);
  {
    GListModel *columns = gtk_column_view_get_columns (mi_test_matrix_get_column_view (mi_issue_page_get_test_matrix (page)));

    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 6);
  }

  /* Record a result for the new attempt. */
  dialog = activate_for_dialog (window, "win.record-result");
  g_assert_cmpuint (mi_dialog_get_selected (dialog, "attempt"), ==, 3);
  mi_dialog_set_selected (dialog, "test-case", 0);
  mi_dialog_set_text (dialog, "value", "900ms");
  respond (dialog, "record");
  text = mi_ui_test_wait_for_issue_file (folder, "test-cases.md", "- Attempt 004: 900ms (PASS)");
  g_assert_nonnull (strstr (text, "- Attempt 004: 900ms (PASS)"));
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (mi_ui_test_wait_for_label_with_class (GTK_WIDGET (page), "900ms", "verdict-pass"));

  /* A hypothesis version. */
  dialog = activate_for_dialog (window, "win.add-hypothesis");
  mi_dialog_set_text (dialog, "title", "Write Amplification");
  mi_dialog_set_text (dialog, "theory", "Each request writes three times");
  respond (dialog, "add");
  text = mi_ui_test_wait_for_issue_file (folder, "description.md", "Write Amplification");
  g_assert_nonnull (strstr (text, "Write Amplification"));
  g_clear_pointer (&text, g_free);
  {
    g_autoptr(MiHypothesis) first = g_list_model_get_item (mi_issue_page_get_timeline (page), 0);

    g_assert_cmpuint (mi_hypothesis_get_version (first), ==, 4);
  }

  /* A log entry: on top of the log. */
  dialog = activate_for_dialog (window, "win.add-log-entry");
  mi_dialog_set_text (dialog, "text", "Batching deployed to staging, see [the `description`](description.md)");
  respond (dialog, "add");
  text = mi_ui_test_wait_for_issue_file (folder, "implementation-log.md", "Batching deployed to staging");
  g_assert_nonnull (strstr (text, "Batching deployed to staging"));
  g_clear_pointer (&text, g_free);
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
  text = mi_ui_test_wait_for_issue_file (folder, "README.md", "**Status:** Resolved");
  g_assert_nonnull (strstr (text, "**Status:** Resolved"));
  g_clear_pointer (&text, g_free);
  dialog = activate_for_dialog (window, "win.extract-lesson");
  g_assert_cmpstr (mi_dialog_get_text (dialog, "category"), ==, "general");
  g_assert_cmpstr (mi_dialog_get_text (dialog, "name"), ==, "PerformanceOptimizationSaga");
  mi_dialog_set_text (dialog, "category", "performance");
  respond (dialog, "extract");
  {
    g_autoptr(GFile) lesson = g_file_resolve_relative_path (folder, "docs/lessons-learned/performance/PerformanceOptimizationSaga.md");
    const char *link = "**Meta-Issue:** [[../../meta-issues/example-performance-saga/]]";
    g_autofree char *contents = mi_ui_test_wait_for_file (g_file_peek_path (lesson), link);

    g_assert_true (g_file_query_exists (lesson, NULL));
    g_assert_nonnull (strstr (contents, link));

    /* Again: refused with a toast, the file kept. */
    dialog = activate_for_dialog (window, "win.extract-lesson");
    mi_dialog_set_text (dialog, "category", "performance");
    respond (dialog, "extract");
    {
      g_autofree char *again = NULL;

      g_assert_true (g_file_load_contents (lesson, NULL, &again, NULL, NULL, NULL));
      g_assert_cmpstr (again, ==, contents);
    }
  }

  /* A new meta-issue: the slug follows the title. */
  dialog = activate_for_dialog (window, "win.new-issue");
  mi_dialog_set_text (dialog, "title", "Memory Leak in the Parser");
  g_assert_cmpstr (mi_dialog_get_text (dialog, "slug"), ==, "memory-leak-in-the-parser");
  respond (dialog, "create");
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

/* F5 reads the workspace again off the main thread: the window keeps
 * showing the old objects meanwhile, then the new ones with the same
 * meta-issue selected and the same page shown. */
static void
test_window_reload (void)
{
  g_autoptr(GFile) folder = mi_ui_test_make_several ("reload", FALSE);
  g_autoptr(GFile) issues = g_file_resolve_relative_path (folder, "docs/meta-issues");
  g_autoptr(MiWorkspace) old_workspace = NULL;
  g_autoptr(MiIssue) second = NULL;
  g_autofree char *slug = NULL;
  MiWindow *window;

  window = mi_ui_test_new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  mi_ui_test_open_and_wait (window, issues);
  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");

  second = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (mi_ui_test_get_list_view (window))), 1);
  slug = g_strdup (mi_issue_get_slug (second));
  g_assert_true (mi_window_select_issue (window, slug));
  mi_ui_test_show_view (window, "log");
  old_workspace = g_object_ref (mi_window_get_workspace (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (mi_window_get_busy (window));
  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");
  g_assert_true (mi_window_get_workspace (window) == old_workspace);

  g_assert_true (mi_ui_test_wait_for (mi_ui_test_window_is_idle, window));
  g_assert_true (mi_window_get_workspace (window) != old_workspace);
  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");
  g_assert_nonnull (mi_window_get_issue (window));
  g_assert_cmpstr (mi_issue_get_slug (mi_window_get_issue (window)), ==, slug);
  g_assert_true (mi_window_get_issue (window) != second);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (mi_issue_page_get_stack (MI_ISSUE_PAGE (mi_window_get_issue_page (window)))),
                   ==, "log");

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
  text = mi_ui_test_wait_for_issue_file (folder, "test-cases.md", "charts/tc-001.svg");
  chart = g_file_resolve_relative_path (folder, "docs/meta-issues/example-performance-saga/charts/tc-001.svg");
  g_assert_true (g_file_query_exists (chart, NULL));
  g_assert_nonnull (strstr (text, "charts/tc-001.svg"));

  mi_ui_test_close_window (window);
}

/* A folder dropped on the window opens. */
static void
test_window_drop (void)
{
  g_autoptr(GFile) src = mi_ui_test_source_file ("resources", "example", NULL);
  g_autoptr(GFile) folder = mi_ui_test_make_folder ("drop");
  GdkFileList *files = NULL;
  GSList *list = NULL;
  MiWindow *window;
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;
  GtkDropTarget *target = NULL;
  GListModel *controllers;

  mi_ui_test_copy_tree (src, folder);
  window = mi_ui_test_new_window ();
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_is_mapped, window));

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (target);

  list = g_slist_append (list, folder);
  files = gdk_file_list_new_from_list (list);
  g_slist_free (list);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  g_assert_true (handled);

  g_assert_true (mi_ui_test_wait_for (mi_ui_test_window_is_idle, window));
  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");

  mi_ui_test_close_window (window);
}

static void
test_example_install (void)
{
  g_autoptr(GFile) expected = mi_ui_test_source_file ("resources", "example", NULL);
  g_autoptr(GFile) dest = mi_ui_test_make_folder ("install");
  g_autoptr(GFile) readme = g_file_resolve_relative_path (dest,
                                                          "docs/meta-issues/example-performance-saga/README.md");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (dest);
  g_autofree char *dot_git = g_build_filename (path, ".git", NULL);
  g_autofree char *content = NULL;
  g_autoptr(GHashTable) want = mi_test_read_tree (g_file_peek_path (expected));
  g_autoptr(GHashTable) got = NULL;
  git_repository *repo = NULL;
  git_status_list *status = NULL;
  git_object *head = NULL;
  git_status_options options = GIT_STATUS_OPTIONS_INIT;

  g_assert_true (mi_example_install (dest, NULL, &error));
  g_assert_no_error (error);

  /* Every file of the example, byte for byte (and nothing else but .git). */
  got = mi_test_read_tree (path);
  g_assert_cmpuint (g_hash_table_size (want), >=, 10);
  mi_test_assert_same_tree (want, got);
  g_assert_true (g_file_test (dot_git, G_FILE_TEST_IS_DIR));

  /* One commit holds every file: nothing is left untracked or changed. */
  git_libgit2_init ();
  g_assert_cmpint (git_repository_open (&repo, path), ==, 0);
  g_assert_cmpint (git_revparse_single (&head, repo, "HEAD"), ==, 0);
  g_assert_cmpint (git_object_type (head), ==, GIT_OBJECT_COMMIT);
  g_assert_cmpuint (git_commit_parentcount ((git_commit *) head), ==, 0);
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
  g_assert_cmpint (git_status_list_new (&status, repo, &options), ==, 0);
  g_assert_cmpuint (git_status_list_entrycount (status), ==, 0);
  git_status_list_free (status);
  git_object_free (head);
  git_repository_free (repo);
  git_libgit2_shutdown ();

  /* Installing again keeps the user's edits. */
  g_file_replace_contents (readme, "edited\n", 7, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mi_example_install (dest, NULL, &error));
  g_assert_no_error (error);
  g_file_load_contents (readme, NULL, &content, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content, ==, "edited\n");
}

/* The editor in the window: the Files view */

static MiFilesView *
get_files_view (MiWindow *window)
{
  return mi_issue_page_get_files_view (MI_ISSUE_PAGE (mi_window_get_issue_page (window)));
}

static gboolean
editor_is_saved (gpointer data)
{
  return !mi_editor_get_modified (data);
}

/* Opens @name from the list of the Files view, as a click would. */
static MiEditor *
open_from_files_view (MiWindow   *window,
                      const char *name)
{
  MiFilesView *files_view = get_files_view (window);
  GtkListBox *list = mi_files_view_get_list (files_view);
  MiEditor *editor;

  mi_ui_test_show_view (window, "files");
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      if (mi_ui_test_find_label (GTK_WIDGET (row), name) != NULL)
        {
          g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
          break;
        }
    }

  editor = mi_editor_stack_get_current (mi_files_view_get_stack (files_view));
  g_assert_nonnull (editor);
  g_assert_cmpstr (mi_editor_get_title (editor), ==, name);
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  g_assert_false (mi_editor_get_read_only (editor));

  return editor;
}

/* Replaces the first @old of the buffer with @new, as typing would. */
static void
type_over (MiEditor   *editor,
           const char *old,
           const char *new)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (mi_editor_get_buffer (editor));
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, old, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &match_start, &match_end);
  gtk_text_buffer_insert (buffer, &match_start, new, -1);
  gtk_text_buffer_end_user_action (buffer);
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
}

static void
save_from_files_view (MiWindow *window,
                      MiEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_files_view (window)), "files.save", NULL));
  g_assert_true (mi_ui_test_wait_for (editor_is_saved, editor));
}

typedef struct
{
  MiIssue    *issue;
  GtkWidget  *page;
  const char *text;
} ModelWait;

static gboolean
overview_shows_abandoned (gpointer data)
{
  ModelWait *wait = data;

  return mi_issue_get_status (wait->issue) == MI_STATUS_ABANDONED &&
         mi_ui_test_find_label_with_class (wait->page, "Abandoned", "status-pill") != NULL;
}

static gboolean
readme_was_read_again (gpointer data)
{
  ModelWait *wait = data;
  const char *text = mi_document_get_text (mi_issue_get_document (wait->issue, MI_ISSUE_FILE_README), NULL);

  return text != NULL && strstr (text, wait->text) != NULL;
}

static char *
dup_buffer_text (MiEditor *editor)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (mi_editor_get_buffer (editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* Open README.md from the Files view, type, save: the bytes on disk are
 * the buffer's, and the Overview shows the new status once the model read
 * the file again. Screenshots of the split editor. */
static void
test_window_editor_save (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1280, 800);
  MiIssue *issue = mi_window_get_issue (window);
  ModelWait wait = { issue, mi_window_get_issue_page (window), NULL };
  MiEditorStack *stack = mi_files_view_get_stack (get_files_view (window));
  g_autofree char *before = mi_ui_test_read_issue_file (folder, "README.md");
  g_autofree char *after = NULL;
  g_autoptr(GString) expected = g_string_new (before);
  MiEditor *editor;

  /* The mode comes from the settings, and goes back to them. */
  g_assert_cmpint (mi_editor_stack_get_mode (stack), ==, MI_EDITOR_MODE_SPLIT);

  editor = open_from_files_view (window, "README.md");
  g_assert_cmpuint (mi_editor_stack_get_n_editors (stack), ==, 1);
  type_over (editor, "**Status:** Resolved (Attempt 003)", "**Status:** Abandoned");
  g_assert_true (mi_editor_get_modified (editor));
  g_assert_true (mi_editor_stack_get_modified (stack));

  mi_ui_test_save_screenshots (GTK_WIDGET (window), "files-split");

  save_from_files_view (window, editor);
  after = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_cmpuint (g_string_replace (expected, "**Status:** Resolved (Attempt 003)", "**Status:** Abandoned", 1), ==, 1);
  g_assert_cmpstr (after, ==, expected->str);

  mi_ui_test_show_view (window, "overview");
  g_assert_true (mi_ui_test_wait_within (overview_shows_abandoned, &wait, 3000));
  g_assert_true (mi_window_get_issue (window) == issue);

  /* A style scheme chosen from the toolbar's menu: remembered, and the
   * open editor follows. The menu lists every installed scheme. */
  {
    g_autoptr(GSettings) settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
    g_autofree char *chosen = NULL;
    GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
    g_autoptr(GPtrArray) menu_buttons = NULL;
    GtkMenuButton *button = NULL;
    GMenuModel *menu;

    menu_buttons = mi_ui_test_collect_widgets (GTK_WIDGET (get_files_view (window)), GTK_TYPE_MENU_BUTTON, NULL);
    for (guint i = 0; i < menu_buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (menu_buttons->pdata[i]), "Style Scheme") == 0)
        button = menu_buttons->pdata[i];
    g_assert_nonnull (button);
    menu = gtk_menu_button_get_menu_model (button);

    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    g_assert_cmpint (g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION)), ==,
                     g_strv_length ((char **) gtk_source_style_scheme_manager_get_scheme_ids (manager)));
    gtk_menu_button_popup (button);
    mi_ui_test_save_screenshots (GTK_WIDGET (gtk_menu_button_get_popover (button)), "scheme-menu");
    gtk_menu_button_popdown (button);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_files_view (window)),
                                               "settings.style-scheme", "s", "kate"));
    chosen = g_settings_get_string (settings, "style-scheme");
    g_assert_cmpstr (chosen, ==, "kate");
    g_assert_true (mi_ui_test_wait_for_scheme (editor, adw_style_manager_get_dark (adw_style_manager_get_default ())
                                                       ? "kate-dark" : "kate"));
    g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (mi_editor_get_buffer (editor))),
                     ==, adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "kate-dark" : "kate");
    g_settings_reset (settings, "style-scheme");
  }

  /* Editor only: remembered per window. Another window keeps its own
   * mode; a window opened next starts with the last one chosen. */
  {
    g_autoptr(GSettings) settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
    g_autofree char *mode = NULL;
    MiWindow *other = mi_ui_test_new_window ();
    MiWindow *next = NULL;

    g_assert_cmpint (mi_editor_stack_get_mode (mi_files_view_get_stack (get_files_view (other))), ==, MI_EDITOR_MODE_SPLIT);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_files_view (window)), "files.mode", "s", "source"));
    g_assert_cmpint (mi_editor_get_mode (editor), ==, MI_EDITOR_MODE_SOURCE);
    mode = g_settings_get_string (settings, "editor-mode");
    g_assert_cmpstr (mode, ==, "source");
    g_assert_cmpint (mi_editor_stack_get_mode (mi_files_view_get_stack (get_files_view (other))), ==, MI_EDITOR_MODE_SPLIT);

    next = mi_ui_test_new_window ();
    g_assert_cmpint (mi_editor_stack_get_mode (mi_files_view_get_stack (get_files_view (next))), ==, MI_EDITOR_MODE_SOURCE);
    mi_ui_test_close_window (next);
    mi_ui_test_close_window (other);

    g_settings_reset (settings, "editor-mode");
    g_assert_cmpint (mi_editor_get_mode (editor), ==, MI_EDITOR_MODE_SOURCE);
  }

  mi_ui_test_close_window (window);
}

/* A structured edit of a file with unsaved changes in the editor: apart
 * from those changes, it is written to disk and carried into the buffer as
 * one more undoable edit, the typing kept and still unsaved; where the
 * typing is, it is refused before anything is written. Saving afterwards
 * meets no conflict. */
static void
test_window_editor_structured_edit (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  MiIssue *issue = mi_window_get_issue (window);
  ModelWait wait = { issue, mi_window_get_issue_page (window), "**Status:** In Progress (Attempt 003)" };
  const char *typed_old = "Multiple solution approaches were required";
  const char *typed_new = "Three solution approaches, typed in the editor, were required";
  const char *refused = "Your unsaved changes to README.md are where this edit writes: "
                        "save or discard them first";
  g_autofree char *before = mi_ui_test_read_issue_file (folder, "README.md");
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GString) expected = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  MiEditor *editor;

  editor = open_from_files_view (window, "README.md");
  buffer = GTK_TEXT_BUFFER (mi_editor_get_buffer (editor));
  type_over (editor, typed_old, typed_new);
  gtk_text_buffer_get_iter_at_line (buffer, &cursor, 30);
  gtk_text_buffer_place_cursor (buffer, &cursor);

  /* Apart from the typing: written, with the status only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "in-progress"));
  text = mi_ui_test_wait_for_issue_file (folder, "README.md", "**Status:** In Progress (Attempt 003)");
  expected = g_string_new (before);
  g_assert_cmpuint (g_string_replace (expected, "**Status:** Resolved (Attempt 003)",
                                      "**Status:** In Progress (Attempt 003)", 1), ==, 1);
  g_assert_cmpstr (text, ==, expected->str);
  g_assert_cmpint (mi_issue_get_status (issue), ==, MI_STATUS_IN_PROGRESS);

  /* The buffer: the file on disk with the typing in it, still unsaved. */
  g_assert_cmpuint (g_string_replace (expected, typed_old, typed_new, 1), ==, 1);
  shown = dup_buffer_text (editor);
  g_assert_cmpstr (shown, ==, expected->str);
  g_assert_true (mi_editor_get_modified (editor));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 30);

  /* One undoable edit: undo takes the status back out of the buffer (not
   * off the disk), the typing stays; redo brings it again. */
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&shown, g_free);
  shown = dup_buffer_text (editor);
  g_assert_nonnull (strstr (shown, "**Status:** Resolved (Attempt 003)"));
  g_assert_nonnull (strstr (shown, typed_new));
  gtk_text_buffer_redo (buffer);
  g_clear_pointer (&shown, g_free);
  shown = dup_buffer_text (editor);
  g_assert_cmpstr (shown, ==, expected->str);

  /* Where the typing is: refused, nothing written, a toast says why. */
  type_over (editor, "**Status:** In Progress", "**Status:** In Review");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "resolved"));
  g_assert_nonnull (mi_ui_test_wait_for_label (GTK_WIDGET (window), refused));
  g_clear_pointer (&text, g_free);
  text = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_nonnull (strstr (text, "**Status:** In Progress (Attempt 003)"));
  g_assert_null (strstr (text, typed_new));
  g_assert_cmpint (mi_issue_get_status (issue), ==, MI_STATUS_IN_PROGRESS);
  g_assert_true (mi_editor_get_modified (editor));
  g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (window), refused));

  /* A save afterwards meets no conflict: the disk is what the buffer
   * carried the edit from. */
  type_over (editor, "**Status:** In Review", "**Status:** In Progress");
  save_from_files_view (window, editor);
  g_assert_false (mi_editor_get_conflict (editor));
  g_clear_pointer (&text, g_free);
  text = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_cmpstr (text, ==, expected->str);
  g_assert_true (mi_ui_test_wait_within (readme_was_read_again, &wait, 3000));

  mi_ui_test_close_window (window);
}

/* The workspace read README.md again: the issue holds a new document for
 * it. The test keeps a reference to the old one, so that no new one can
 * take its address. */
typedef struct
{
  MiIssue    *issue;
  MiDocument *old;
} ReadAgainWait;

static gboolean
readme_document_replaced (gpointer data)
{
  ReadAgainWait *wait = data;

  return mi_issue_get_document (wait->issue, MI_ISSUE_FILE_README) != wait->old;
}

/* Read again, there, and resolved as it was. */
static gboolean
readme_back (gpointer data)
{
  ReadAgainWait *wait = data;
  MiDocument *readme = mi_issue_get_document (wait->issue, MI_ISSUE_FILE_README);

  return readme != wait->old && mi_document_get_exists (readme) &&
         mi_issue_get_status (wait->issue) == MI_STATUS_RESOLVED;
}

static gboolean
editor_not_saving (gpointer data)
{
  return !mi_editor_get_saving (MI_EDITOR (data));
}

/* A save that failed leaves the typing in the editor's document: a
 * structured edit afterwards still merges from what the disk held, and
 * the typing stays in the buffer. */
static void
test_window_editor_edit_after_failed_save (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  MiIssue *issue = mi_window_get_issue (window);
  g_autoptr(MiDocument) old = g_object_ref (mi_issue_get_document (issue, MI_ISSUE_FILE_README));
  ReadAgainWait wait = { issue, old };
  g_autofree char *readme = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  const char *typed_old = "Multiple solution approaches were required";
  const char *typed_new = "Three solution approaches, typed in the editor, were required";
  MiEditor *editor;

  readme = mi_ui_test_issue_path (folder, "README.md");
  aside = g_strconcat (readme, ".aside", NULL);
  editor = open_from_files_view (window, "README.md");
  type_over (editor, typed_old, typed_new);

  /* README.md is a folder for a moment: the save fails. */
  g_assert_cmpint (g_rename (readme, aside), ==, 0);
  g_assert_cmpint (g_mkdir (readme, 0755), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_files_view (window)), "files.save", NULL));
  g_assert_true (mi_ui_test_wait_for (editor_not_saving, editor));
  g_assert_true (mi_editor_get_modified (editor));
  g_assert_cmpint (g_rmdir (readme), ==, 0);
  g_assert_cmpint (g_rename (aside, readme), ==, 0);
  /* The workspace saw the folder come and go: let it read the file again. */
  g_assert_true (mi_ui_test_wait_within (readme_back, &wait, 3000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "in-progress"));
  text = mi_ui_test_wait_for_issue_file (folder, "README.md", "**Status:** In Progress (Attempt 003)");
  g_assert_nonnull (strstr (text, "**Status:** In Progress (Attempt 003)"));
  g_assert_null (strstr (text, typed_new));

  shown = dup_buffer_text (editor);
  g_assert_nonnull (strstr (shown, typed_new));
  g_assert_nonnull (strstr (shown, "**Status:** In Progress (Attempt 003)"));
  g_assert_true (mi_editor_get_modified (editor));

  /* No draft left for the next test's workspace. */
  mi_editor_discard_changes (editor);
  mi_ui_test_close_window (window);
}

/* Another program rewrites the open file with a byte order mark while the
 * editor holds typing: the structured edit that follows is written, and
 * not carried into the buffer (the editor never saw that file); the
 * buffer keeps exactly the typing, and saving will show the conflict. */
static void
test_window_editor_edit_after_external_change (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  MiIssue *issue = mi_window_get_issue (window);
  g_autoptr(MiDocument) old = NULL;
  ReadAgainWait wait = { issue, NULL };
  g_autofree char *readme = NULL;
  g_autofree char *original = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  MiEditor *editor;

  readme = mi_ui_test_issue_path (folder, "README.md");
  original = mi_ui_test_read_issue_file (folder, "README.md");
  editor = open_from_files_view (window, "README.md");
  type_over (editor, "Multiple solution approaches", "Several solution approaches");
  typed = dup_buffer_text (editor);

  with_bom = g_strconcat ("\xEF\xBB\xBF", original, NULL);
  old = g_object_ref (mi_issue_get_document (issue, MI_ISSUE_FILE_README));
  wait.old = old;
  g_assert_true (g_file_set_contents (readme, with_bom, -1, NULL));
  /* Read again by the workspace (a new document), not by asking the old
   * one for its text (that would find it changed, and refuse edits). */
  g_assert_true (mi_ui_test_wait_within (readme_document_replaced, &wait, 3000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "in-progress"));
  text = mi_ui_test_wait_for_issue_file (folder, "README.md", "**Status:** In Progress (Attempt 003)");
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (text, "**Status:** In Progress (Attempt 003)"));

  shown = dup_buffer_text (editor);
  g_assert_cmpstr (shown, ==, typed);
  g_assert_true (mi_editor_get_modified (editor));

  /* Saving meets the conflict instead of writing over the edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_files_view (window)), "files.save", NULL));
  g_assert_true (mi_ui_test_wait_for (editor_not_saving, editor));
  g_assert_true (mi_editor_get_conflict (editor));
  g_clear_pointer (&text, g_free);
  text = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_nonnull (strstr (text, "**Status:** In Progress (Attempt 003)"));

  /* No draft left for the next test's workspace. */
  mi_editor_discard_changes (editor);
  mi_ui_test_close_window (window);
}

static gboolean
approach_button_is_shown (gpointer data)
{
  GtkWidget *button = mi_ui_test_find_button_with_tooltip (data, "Open the Solution Approach");

  return button != NULL && gtk_widget_get_mapped (button);
}

/* The Attempts view's buttons open the attempt's files in the editor. */
static void
test_window_editor_attempt_file (void)
{
  MiWindow *window = mi_ui_test_open_example_copy (NULL, 1100, 760);
  MiIssuePage *page = MI_ISSUE_PAGE (mi_window_get_issue_page (window));
  MiEditorStack *stack = mi_files_view_get_stack (get_files_view (window));
  g_autofree char *uri = NULL;
  MiAttempt *attempt;
  GtkWidget *button;
  MiEditor *editor;

  mi_ui_test_show_view (window, "attempts");
  g_assert_true (mi_ui_test_wait_for (approach_button_is_shown, mi_issue_page_get_attempts_view (page)));
  attempt = mi_issue_find_attempt (mi_window_get_issue (window), mi_issue_page_get_selected_attempt (page));
  g_assert_nonnull (attempt);

  button = mi_ui_test_find_button_with_tooltip (GTK_WIDGET (mi_issue_page_get_attempts_view (page)), "Open the Solution Approach");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (mi_issue_page_get_stack (page)), ==, "files");
  g_assert_cmpuint (mi_editor_stack_get_n_editors (stack), ==, 1);
  editor = mi_editor_stack_get_current (stack);
  g_assert_true (g_file_equal (mi_editor_get_file (editor), mi_attempt_get_approach_file (attempt)));
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  g_assert_cmpstr (mi_editor_get_title (editor), ==, "solution-approach.md");

  /* The results file: a second tab; the first again: the same tab. */
  mi_ui_test_show_view (window, "attempts");
  button = mi_ui_test_find_button_with_tooltip (GTK_WIDGET (mi_issue_page_get_attempts_view (page)), "Open the Attempt Results");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (mi_editor_stack_get_n_editors (stack), ==, 2);
  g_assert_true (g_file_equal (mi_editor_get_file (mi_editor_stack_get_current (stack)),
                               mi_attempt_get_results_file (attempt)));
  uri = g_file_get_uri (mi_attempt_get_approach_file (attempt));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", uri));
  g_assert_cmpuint (mi_editor_stack_get_n_editors (stack), ==, 2);
  g_assert_true (mi_editor_stack_get_current (stack) == editor);

  mi_ui_test_close_window (window);
}

static gboolean
save_question_shown (gpointer data)
{
  return mi_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "mi-save-question") != NULL;
}

/* Whether the drafts folder holds @data (a guint) drafts. */
static gboolean
n_drafts_is (gpointer data)
{
  g_autoptr(GPtrArray) drafts = mi_drafts_list (mi_drafts_get_default (), NULL);

  return drafts != NULL && drafts->len == GPOINTER_TO_UINT (data);
}

static void
answer_save_question (const char *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (mi_ui_test_wait_for (save_question_shown, NULL));
  dialog = ADW_MESSAGE_DIALOG (mi_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "mi-save-question"));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  mi_ui_test_flush ();
}

/* Closing the window, or opening another workspace, with unsaved text
 * asks; Cancel keeps everything, Discard closes. */
static void
test_window_editor_close (void)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) other = mi_ui_test_make_folder ("other");
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  MiWorkspace *workspace = mi_window_get_workspace (window);
  g_autofree char *before = mi_ui_test_read_issue_file (folder, "README.md");
  g_autofree char *text = NULL;
  MiEditor *editor;

  editor = open_from_files_view (window, "README.md");
  type_over (editor, "**Status:** Resolved (Attempt 003)", "**Status:** Open");

  /* Another workspace: asks; Cancel keeps this one. */
  mi_window_open (window, other);
  answer_save_question ("cancel");
  g_assert_true (mi_window_get_workspace (window) == workspace);
  g_assert_false (mi_window_get_busy (window));
  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");
  g_assert_true (mi_editor_get_modified (editor));

  /* Close: asks; Cancel keeps the window and the text. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  answer_save_question ("cancel");
  g_assert_true (mi_ui_test_is_toplevel (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (mi_editor_get_modified (editor));

  /* Close again: Discard closes, the file keeps its bytes. */
  gtk_window_close (GTK_WINDOW (window));
  answer_save_question ("discard");
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_is_gone, window));
  g_object_unref (window);

  text = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_cmpstr (text, ==, before);
  /* Nor is a draft of the text left. */
  g_assert_true (mi_ui_test_wait_for (n_drafts_is, GUINT_TO_POINTER (0)));
}

/* Unsaved text of a crashed session opens at startup, and a toast says so. */
static void
test_window_editor_drafts (void)
{
  g_autoptr(GFile) src = mi_ui_test_source_file ("resources", "example", NULL);
  g_autoptr(GFile) folder = mi_ui_test_make_folder ("drafts");
  g_autoptr(GFile) readme = NULL;
  g_autoptr(GFile) other = NULL;
  g_autoptr(GFile) elsewhere = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  const char *draft = "# A draft nobody saved\n";
  MiEditorStack *stack;
  MiWindow *window;
  MiEditor *editor;

  mi_ui_test_copy_tree (src, folder);
  readme = g_file_resolve_relative_path (folder, "docs/meta-issues/example-performance-saga/README.md");
  g_assert_true (mi_drafts_save (mi_drafts_get_default (), readme, draft, strlen (draft), &error));
  g_assert_no_error (error);
  /* A draft of a file of another workspace: it waits for that one. */
  other = mi_ui_test_make_folder ("elsewhere");
  elsewhere = g_file_resolve_relative_path (other, "notes.md");
  g_assert_true (g_file_replace_contents (elsewhere, "# Notes\n", 8, NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_true (mi_drafts_save (mi_drafts_get_default (), elsewhere, draft, strlen (draft), &error));
  g_assert_no_error (error);

  window = mi_ui_test_new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  mi_ui_test_open_and_wait (window, folder);

  stack = mi_files_view_get_stack (get_files_view (window));
  g_assert_cmpuint (mi_editor_stack_get_n_editors (stack), ==, 1);
  editor = mi_editor_stack_get_editor (stack, 0);
  g_assert_true (g_file_equal (mi_editor_get_file (editor), readme));
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  g_assert_true (mi_editor_get_draft_restored (editor));
  g_assert_true (mi_editor_get_modified (editor));
  {
    g_autofree char *shown = dup_buffer_text (editor);

    g_assert_cmpstr (shown, ==, draft);
  }
  g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (window), "Unsaved changes to 1 file were restored"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (mi_issue_page_get_stack (MI_ISSUE_PAGE (mi_window_get_issue_page (window)))),
                   ==, "files");

  /* Links of the preview: a markdown file of the workspace opens here,
   * a folder with its README. */
  {
    g_autoptr(GFile) description = g_file_resolve_relative_path (folder, "docs/meta-issues/example-performance-saga/description.md");
    g_autoptr(GFile) issue_folder = g_file_get_parent (readme);
    gboolean handled = TRUE;

    g_signal_emit_by_name (stack, "open-file", description, &handled);
    g_assert_false (handled);
    handled = FALSE;
    g_signal_emit_by_name (stack, "open-file", issue_folder, &handled);
    g_assert_true (handled);
    g_assert_true (mi_editor_stack_get_current (stack) == editor);
  }

  /* Discarded: the draft goes; the other workspace's stays. */
  mi_editor_discard_changes (editor);
  g_assert_true (mi_ui_test_wait_for (n_drafts_is, GUINT_TO_POINTER (1)));
  left = mi_drafts_list (mi_drafts_get_default (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_true (g_file_equal (g_ptr_array_index (left, 0), elsewhere));
  g_assert_true (mi_drafts_remove (mi_drafts_get_default (), elsewhere, &error));
  g_assert_no_error (error);

  mi_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  mi_ui_test_init (&argc, &argv, "test-window");

  g_test_add_func ("/window/no-workspace", test_window_no_workspace);
  g_test_add_func ("/window/example", test_window_example);
  g_test_add_func ("/window/fixtures", test_window_fixtures);
  g_test_add_func ("/window/several", test_window_several);
  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/open-example", test_window_open_example);
  g_test_add_func ("/window/actions", test_window_actions);
  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/filter-sort", test_window_filter_sort);
  g_test_add_func ("/window/edits", test_window_edits);
  g_test_add_func ("/window/external-edit", test_window_external_edit);
  g_test_add_func ("/window/reload", test_window_reload);
  g_test_add_func ("/window/chart", test_window_chart);
  g_test_add_func ("/window/drop", test_window_drop);
  g_test_add_func ("/window/editor-save", test_window_editor_save);
  g_test_add_func ("/window/editor-structured-edit", test_window_editor_structured_edit);
  g_test_add_func ("/window/editor-edit-after-failed-save", test_window_editor_edit_after_failed_save);
  g_test_add_func ("/window/editor-edit-after-external-change", test_window_editor_edit_after_external_change);
  g_test_add_func ("/window/editor-attempt-file", test_window_editor_attempt_file);
  g_test_add_func ("/window/editor-close", test_window_editor_close);
  g_test_add_func ("/window/editor-drafts", test_window_editor_drafts);
  g_test_add_func ("/example/install", test_example_install);

  return mi_ui_test_run ();
}
