/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Git in the window, as a user sees it: the Commit button's count, the
 * Commit dialog (files grouped by meta-issue, the suggested message, the
 * identity form, the blocker during a merge), the commit it makes (checked
 * with the git command), the history of a meta-issue, and a sync with a bare
 * repository on disk. Saves screenshots of the dialog, light and dark.
 */

#include "config.h"

#include "mi-ui-test-util.h"

#include <string.h>

#include <adwaita.h>

#include "mi-application.h"
#include "mi-commit-dialog.h"
#include "mi-git-controls.h"
#include "mi-history-dialog.h"
#include "mi-test-util.h"
#include "mi-window.h"

#define SLUG "example-performance-saga"
#define ISSUE_DIR "docs/meta-issues/" SLUG

static MiApplication *app;
static char *tmp_root;

/* Helpers: git */

static char *
git (const char *dir,
     const char *args)
{
  g_autofree char *command = g_strdup_printf ("git -C '%s' %s", dir, args);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", command, err);

  return g_strstrip (out);
}

static void
write_file (const char *dir,
            const char *path,
            const char *text)
{
  g_autofree char *full = g_build_filename (dir, path, NULL);
  g_autofree char *parent = g_path_get_dirname (full);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (parent, 0755);
  g_file_set_contents (full, text, -1, &error);
  g_assert_no_error (error);
}

static void
append_file (const char *dir,
             const char *path,
             const char *text)
{
  g_autofree char *full = g_build_filename (dir, path, NULL);
  g_autofree char *old = mi_test_read_file (full, NULL);
  g_autofree char *joined = g_strconcat (old, text, NULL);

  write_file (dir, path, joined);
}

/* The example in a new repository, committed once; with an identity in the
 * repository's config unless @identity is FALSE. */
static char *
make_repository (const char *name,
                 gboolean    identity)
{
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  g_autofree char *path = g_build_filename (tmp_root, template, NULL);
  g_autofree char *example = mi_test_source_path ("resources", "example", NULL);

  g_assert_nonnull (g_mkdtemp (path));
  mi_test_copy_dir (example, path);
  write_file (path, "notes.txt", "not a meta-issue\n");
  g_free (git (path, "init -q -b main"));
  if (identity)
    {
      g_free (git (path, "config user.name 'Test User'"));
      g_free (git (path, "config user.email test@example.org"));
    }
  g_free (git (path, "add -A"));
  g_free (git (path, "-c user.name=Setup -c user.email=setup@example.org commit -q -m 'Initial'"));

  return g_steal_pointer (&path);
}

/* Helpers: main loop and widgets */

static void
collect_widgets (GtkWidget  *root,
                 GType       type,
                 const char *css_class,
                 GPtrArray  *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, css_class, out);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, css_class, found);

  return found->len > 0 ? found->pdata[0] : NULL;
}

static gboolean
window_is_idle (gpointer data)
{
  return !mi_window_get_busy (data);
}

static MiGitControls *
get_controls (MiWindow *window)
{
  GtkWidget *controls = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  /* Hidden ones too: look without the visibility filter. */
  for (GtkWidget *w = GTK_WIDGET (window); w != NULL; )
    {
      if (MI_IS_GIT_CONTROLS (w))
        {
          controls = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (controls);

  return MI_GIT_CONTROLS (controls);
}

static MiWindow *
open_window (const char *path)
{
  MiWindow *window = mi_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  mi_window_open (window, folder);
  g_assert_true (mi_ui_test_wait_for (window_is_idle, window));

  return window;
}

typedef struct
{
  MiGitControls *controls;
  int            n;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return !mi_git_controls_get_busy (wait->controls) &&
         mi_git_controls_get_n_changes (wait->controls) == wait->n;
}

static void
assert_count (MiGitControls *controls,
              int            n)
{
  CountWait wait = { controls, n };
  g_autofree char *text = g_strdup_printf ("%d", n);
  GtkWidget *label;

  if (!mi_ui_test_wait_for (count_is, &wait))
    g_error ("The Commit button shows %d, not %d", mi_git_controls_get_n_changes (controls), n);

  label = find_widget (GTK_WIDGET (controls), GTK_TYPE_LABEL, "commit-count");
  if (n > 0)
    {
      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, text);
    }
  else
    g_assert_null (label);
}

static gboolean
dialog_is_loaded (gpointer data)
{
  return mi_commit_dialog_get_changes (data) != NULL;
}

static MiCommitDialog *
open_commit_dialog (MiGitControls *controls)
{
  MiCommitDialog *dialog = MI_COMMIT_DIALOG (mi_git_controls_show_commit (controls));

  g_assert_nonnull (dialog);
  g_assert_true (mi_ui_test_wait_for (dialog_is_loaded, dialog));
  mi_ui_test_wait_ms (50);

  return dialog;
}

static GtkWidget *
commit_button (MiCommitDialog *dialog)
{
  GtkWidget *button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "suggested-action");

  g_assert_nonnull (button);
  return button;
}

static const char *
message_text (MiCommitDialog *dialog)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, "commit-message");

  g_assert_nonnull (entry);
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}


static void
close_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  mi_ui_test_wait_ms (20);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Tests */

static void
test_commit (void)
{
  g_autofree char *repo = make_repository ("commit", TRUE);
  g_autofree char *names = NULL;
  g_autofree char *staged = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *message = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  MiGitControls *controls;
  MiCommitDialog *dialog;
  MiChangeSet *changes;
  MiChangedFile *file;
  MiWindow *window;

  append_file (repo, ISSUE_DIR "/README.md", "\nMore notes.\n");
  append_file (repo, ISSUE_DIR "/description.md", "\nAnother thought.\n");
  write_file (repo, "docs/meta-issues/other-issue/README.md", "# Other issue\n\n**Status:** Open\n");
  /* Staged, outside docs/: must stay staged, untouched. */
  append_file (repo, "notes.txt", "staged change\n");
  g_free (git (repo, "add notes.txt"));

  window = open_window (repo);
  controls = get_controls (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (controls)));
  assert_count (controls, 3);

  dialog = open_commit_dialog (controls);
  changes = mi_commit_dialog_get_changes (dialog);
  g_assert_cmpuint (mi_change_set_get_n_files (changes), ==, 3);

  /* Rows grouped by meta-issue: a heading per issue, its files below. */
  collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_BOX, "commit-group", groups);
  g_assert_cmpuint (groups->len, ==, 2);
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    g_autoptr(GPtrArray) changes_shown = g_ptr_array_new ();
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();
    GtkWidget *list = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW, "commit-files");

    collect_widgets (list, GTK_TYPE_LABEL, "commit-file-path", labels);
    g_assert_cmpuint (labels->len, ==, 5);
    g_assert_cmpstr (gtk_label_get_label (labels->pdata[0]), ==, SLUG);
    g_assert_cmpstr (gtk_label_get_label (labels->pdata[1]), ==, "README.md");
    g_assert_cmpstr (gtk_label_get_label (labels->pdata[2]), ==, "description.md");
    g_assert_cmpstr (gtk_label_get_label (labels->pdata[3]), ==, "other-issue");
    g_assert_cmpstr (gtk_label_get_label (labels->pdata[4]), ==, "README.md");
    collect_widgets (list, GTK_TYPE_LABEL, "commit-file-change", changes_shown);
    g_assert_cmpuint (changes_shown->len, ==, 3);
    g_assert_cmpstr (gtk_label_get_label (changes_shown->pdata[2]), ==,
                     mi_file_change_get_label (MI_FILE_CHANGE_ADDED));
    collect_widgets (list, GTK_TYPE_CHECK_BUTTON, NULL, checks);
    g_assert_cmpuint (checks->len, ==, 3);
    for (guint i = 0; i < checks->len; i++)
      g_assert_true (gtk_check_button_get_active (checks->pdata[i]));

    /* Unticking a box unticks the file, and the message follows. */
    gtk_check_button_set_active (checks->pdata[2], FALSE);
  }

  file = mi_change_set_find_file (changes, "docs/meta-issues/other-issue/README.md");
  g_assert_nonnull (file);
  g_assert_false (mi_changed_file_get_selected (file));
  suggested = mi_change_set_suggest_message (changes, TRUE);
  g_assert_cmpstr (message_text (dialog), ==, suggested);
  g_assert_nonnull (strstr (suggested, SLUG));
  g_assert_null (strstr (suggested, "other-issue"));

  /* The first file's diff shows. */
  g_assert_nonnull (mi_commit_dialog_get_diff (dialog));
  g_assert_nonnull (strstr (mi_commit_dialog_get_diff (dialog), "+More notes."));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "commit-identity"));
  g_assert_true (gtk_widget_get_sensitive (commit_button (dialog)));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  mi_ui_test_save_screenshot (GTK_WIDGET (dialog), "screenshot-commit-dialog-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  mi_ui_test_save_screenshot (GTK_WIDGET (dialog), "screenshot-commit-dialog-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Ctrl+Enter: the commit action. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "commit.commit", NULL));
  g_assert_true (mi_ui_test_wait_for (is_null, &dialog));

  names = git (repo, "show --name-only --format= HEAD");
  g_assert_cmpstr (names, ==, ISSUE_DIR "/README.md\n" ISSUE_DIR "/description.md");
  message = git (repo, "log -1 --format=%s");
  g_assert_cmpstr (message, ==, suggested);
  staged = git (repo, "diff --cached --name-only");
  g_assert_cmpstr (staged, ==, "notes.txt");

  assert_count (controls, 1);

  close_window (window);
}

static void
test_identity (void)
{
  g_autofree char *repo = make_repository ("identity", FALSE);
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  MiCommitDialog *dialog;
  GtkWidget *form;
  GtkWidget *save = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  MiWindow *window;

  append_file (repo, ISSUE_DIR "/README.md", "\nMore notes.\n");

  window = open_window (repo);
  assert_count (get_controls (window), 1);
  dialog = open_commit_dialog (get_controls (window));

  form = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BOX, "identity-form");
  g_assert_nonnull (form);
  g_assert_null (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "commit-identity"));
  g_assert_false (gtk_widget_get_sensitive (commit_button (dialog)));

  collect_widgets (form, GTK_TYPE_ENTRY, NULL, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (entries->pdata[0], "Ada Lovelace");
  gtk_editable_set_text (entries->pdata[1], "ada@example.org");
  collect_widgets (form, GTK_TYPE_BUTTON, NULL, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "_Save in This Repository") == 0)
      save = buttons->pdata[i];
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");

  name = git (repo, "config --local user.name");
  email = git (repo, "config --local user.email");
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  g_assert_cmpstr (email, ==, "ada@example.org");
  g_assert_false (gtk_widget_get_visible (form));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "commit-identity"));
  g_assert_true (gtk_widget_get_sensitive (commit_button (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static void
test_blocker (void)
{
  g_autofree char *repo = make_repository ("merge", TRUE);
  g_autofree char *head = git (repo, "rev-parse HEAD");
  g_autofree char *merge_head = g_strconcat (head, "\n", NULL);
  MiCommitDialog *dialog;
  GtkWidget *label;
  MiWindow *window;

  append_file (repo, ISSUE_DIR "/README.md", "\nMore notes.\n");
  write_file (repo, ".git/MERGE_HEAD", merge_head);

  window = open_window (repo);
  assert_count (get_controls (window), 1);
  dialog = open_commit_dialog (get_controls (window));

  label = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "commit-blocker");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "merge"));
  g_assert_false (gtk_widget_get_sensitive (commit_button (dialog)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "commit.commit", NULL) &&
                  mi_commit_dialog_get_busy (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static gboolean
history_is_loaded (gpointer data)
{
  return mi_history_dialog_get_commits (data) != NULL;
}

static gboolean
history_file_is_shown (gpointer data)
{
  return mi_history_dialog_get_old_text (data) != NULL && mi_history_dialog_get_diff (data) != NULL;
}

static void
test_history (void)
{
  g_autofree char *repo = make_repository ("history", TRUE);
  g_autofree char *then = NULL;
  g_autoptr(GList) toplevels = NULL;
  MiHistoryDialog *dialog = NULL;
  GtkWidget *list;
  g_autoptr(GPtrArray) summaries = g_ptr_array_new ();
  MiWindow *window;

  append_file (repo, ISSUE_DIR "/README.md", "\nSecond commit.\n");
  g_free (git (repo, "commit -q -a -m 'example-performance-saga: more notes'"));
  append_file (repo, "notes.txt", "outside\n");
  g_free (git (repo, "commit -q -a -m 'Notes only'"));
  append_file (repo, ISSUE_DIR "/README.md", "\nNot committed.\n");

  window = open_window (repo);
  g_assert_nonnull (mi_window_get_issue (window));
  g_assert_true (mi_ui_test_wait_for ((MiUiTestCondition) (void (*) (void)) gtk_widget_get_visible, get_controls (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL));

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (MI_IS_HISTORY_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_true (mi_ui_test_wait_for (history_is_loaded, dialog));
  mi_ui_test_wait_ms (50);

  /* The commits that touched the folder, newest first; not "Notes only". */
  g_assert_cmpuint (g_list_model_get_n_items (mi_history_dialog_get_commits (dialog)), ==, 2);
  list = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW, "history-commits");
  collect_widgets (list, GTK_TYPE_LABEL, "history-summary", summaries);
  g_assert_cmpuint (summaries->len, ==, 2);
  g_assert_cmpstr (gtk_label_get_label (summaries->pdata[0]), ==, "example-performance-saga: more notes");
  g_assert_cmpstr (gtk_label_get_label (summaries->pdata[1]), ==, "Initial");

  /* The README as it was at the first commit, and what changed since. */
  mi_history_dialog_select (dialog, 1, ISSUE_DIR "/README.md");
  g_assert_true (mi_ui_test_wait_for (history_file_is_shown, dialog));
  then = git (repo, "show HEAD~2:" ISSUE_DIR "/README.md");
  g_assert_true (g_str_has_prefix (mi_history_dialog_get_old_text (dialog), then));
  g_assert_null (strstr (mi_history_dialog_get_old_text (dialog), "Second commit."));
  g_assert_nonnull (strstr (mi_history_dialog_get_diff (dialog), "+Second commit."));
  g_assert_nonnull (strstr (mi_history_dialog_get_diff (dialog), "+Not committed."));

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static gboolean
not_syncing (gpointer data)
{
  return !mi_git_controls_get_syncing (data);
}

static void
test_sync (void)
{
  g_autofree char *repo = make_repository ("sync", TRUE);
  g_autofree char *bare = g_build_filename (tmp_root, "bare.git", NULL);
  g_autofree char *remote = NULL;
  g_autofree char *local = NULL;
  g_autofree char *command = NULL;
  MiGitControls *controls;
  MiWindow *window;

  g_free (git (tmp_root, "init -q --bare -b main bare.git"));
  command = g_strdup_printf ("remote add origin '%s'", bare);
  g_free (git (repo, command));
  g_free (git (repo, "push -q -u origin main"));
  append_file (repo, ISSUE_DIR "/README.md", "\nTo be pushed.\n");
  g_free (git (repo, "commit -q -a -m 'example-performance-saga: to be pushed'"));

  window = open_window (repo);
  controls = get_controls (window);
  assert_count (controls, 0);

  mi_git_controls_sync (controls);
  g_assert_true (mi_git_controls_get_syncing (controls));
  g_assert_true (mi_ui_test_wait_for (not_syncing, controls));

  remote = git (bare, "log -1 --format=%s main");
  local = git (repo, "log -1 --format=%s");
  g_assert_cmpstr (remote, ==, "example-performance-saga: to be pushed");
  g_assert_cmpstr (remote, ==, local);

  close_window (window);
}

static void
test_no_repository (void)
{
  g_autofree char *example = mi_test_source_path ("resources", "example", NULL);
  g_autofree char *path = g_build_filename (tmp_root, "plain", NULL);
  MiWindow *window;

  mi_test_copy_dir (example, path);
  window = open_window (path);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (get_controls (window))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      g_assert_false (MI_IS_HISTORY_DIALOG (l->data));
  }
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  int ret;

  /* Before anything asks GLib or git for the user's folders. */
  tmp_root = g_dir_make_tmp ("mi-test-git-ui-XXXXXX", &error);
  g_assert_no_error (error);
  home = g_build_filename (tmp_root, "home", NULL);
  g_mkdir_with_parents (home, 0700);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_unsetenv ("GIT_AUTHOR_NAME");
  g_unsetenv ("GIT_AUTHOR_EMAIL");
  g_unsetenv ("GIT_COMMITTER_NAME");
  g_unsetenv ("GIT_COMMITTER_EMAIL");
  g_unsetenv ("EMAIL");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = mi_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/git-ui/commit", test_commit);
  g_test_add_func ("/git-ui/identity", test_identity);
  g_test_add_func ("/git-ui/blocker", test_blocker);
  g_test_add_func ("/git-ui/history", test_history);
  g_test_add_func ("/git-ui/sync", test_sync);
  g_test_add_func ("/git-ui/no-repository", test_no_repository);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  mi_test_remove_tree (tmp_root);
  g_free (tmp_root);

  return ret;
}
