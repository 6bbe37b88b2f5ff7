/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The main window and its workspace, as a user sees them: the page it shows
 * (no workspace, the error, an empty workspace, the meta-issues), the
 * header bar's title, the settings it remembers (last and recent
 * workspaces, its size), the example it installs and opens, the actions of
 * the header bar and the menus, a folder dropped on it, F5 reading the
 * workspace again. Saves screenshots (light and dark) of the pages.
 */

#include "config.h"

#include <git2.h>

#include <adwaita.h>

#include "mi-issue-page.h"
#include "mi-ui-test-util.h"

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

int
main (int   argc,
      char *argv[])
{
  mi_ui_test_init (&argc, &argv, "test-window-workspace");

  g_test_add_func ("/window/no-workspace", test_window_no_workspace);
  g_test_add_func ("/window/example", test_window_example);
  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/open-example", test_window_open_example);
  g_test_add_func ("/window/actions", test_window_actions);
  g_test_add_func ("/window/reload", test_window_reload);
  g_test_add_func ("/window/drop", test_window_drop);
  g_test_add_func ("/example/install", test_example_install);

  return mi_ui_test_run ();
}
