/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Git in the window, as a user sees it: the Commit button's count, the
 * Commit dialog (files grouped by meta-issue, the suggested message, the
 * identity form, the blocker during a merge), the commit it makes (checked
 * with the git command), the history of a meta-issue, a sync with a bare
 * repository on disk, and the offer to renumber one of two attempts with
 * one number. Saves screenshots of the dialog, light and dark.
 */

#include "config.h"

#include "mi-ui-test-util.h"

#include <string.h>

#include <adwaita.h>

#include "mi-commit-dialog.h"
#include "mi-git-controls.h"
#include "mi-history-dialog.h"
#include "mi-test-util.h"
#include "mi-window.h"

#define SLUG "example-performance-saga"
#define ISSUE_DIR "docs/meta-issues/" SLUG

/* Helpers: git */

static void
append_file (const char *dir,
             const char *path,
             const char *text)
{
  g_autofree char *full = g_build_filename (dir, path, NULL);
  g_autofree char *old = mi_test_read_file (full, NULL);
  g_autofree char *joined = g_strconcat (old, text, NULL);

  mi_test_write_text (dir, path, joined);
}

/* The example in a new repository, committed once; with an identity in the
 * repository's config unless @identity is FALSE. */
static char *
make_repository (const char *name,
                 gboolean    identity)
{
  g_autofree char *path = mi_test_make_tmp (mi_ui_test_get_tmp_root (), name);
  g_autofree char *example = mi_test_source_path ("resources", "example", NULL);

  mi_test_copy_dir (example, path);
  mi_test_write_text (path, "notes.txt", "not a meta-issue\n");
  mi_test_git (path, "init", "-q", "-b", "main", NULL);
  if (identity)
    {
      mi_test_git (path, "config", "user.name", "Test User", NULL);
      mi_test_git (path, "config", "user.email", "test@example.org", NULL);
    }
  mi_test_git (path, "add", "-A", NULL);
  mi_test_git (path, "-c", "user.name=Setup", "-c", "user.email=setup@example.org",
               "commit", "-q", "-m", "Initial", NULL);

  return g_steal_pointer (&path);
}

/* Helpers: widgets */

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
  MiWindow *window = mi_ui_test_new_window ();
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  mi_ui_test_open_and_wait (window, folder);

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

  label = mi_ui_test_find_widget (GTK_WIDGET (controls), GTK_TYPE_LABEL, "commit-count");
  if (n > 0)
    {
      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, text);
    }
  else
    g_assert_null (label);
}

/* A condition: the commit dialog has read the changes and shows a row with
 * a box to tick for each file, and the first file's diff. */
static gboolean
dialog_is_loaded (gpointer data)
{
  MiChangeSet *changes = mi_commit_dialog_get_changes (data);

  return changes != NULL && mi_commit_dialog_get_diff (data) != NULL &&
         mi_ui_test_count_in_list (data, "commit-files", GTK_TYPE_CHECK_BUTTON, NULL) ==
         mi_change_set_get_n_files (changes);
}

static MiCommitDialog *
open_commit_dialog (MiGitControls *controls)
{
  MiCommitDialog *dialog = MI_COMMIT_DIALOG (mi_git_controls_show_commit (controls));

  g_assert_nonnull (dialog);
  g_assert_true (mi_ui_test_wait_for (dialog_is_loaded, dialog));

  return dialog;
}

static GtkWidget *
commit_button (MiCommitDialog *dialog)
{
  GtkWidget *button = mi_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "suggested-action");

  g_assert_nonnull (button);
  return button;
}

static const char *
message_text (MiCommitDialog *dialog)
{
  GtkWidget *entry = mi_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, "commit-message");

  g_assert_nonnull (entry);
  return gtk_editable_get_text (GTK_EDITABLE (entry));
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
  const char *names;
  const char *staged;
  g_autofree char *suggested = NULL;
  const char *message;
  g_autoptr(GPtrArray) groups = NULL;
  MiGitControls *controls;
  MiCommitDialog *dialog;
  MiChangeSet *changes;
  MiChangedFile *file;
  MiWindow *window;

  append_file (repo, ISSUE_DIR "/README.md", "\nMore notes.\n");
  append_file (repo, ISSUE_DIR "/description.md", "\nAnother thought.\n");
  mi_test_write_text (repo, "docs/meta-issues/other-issue/README.md", "# Other issue\n\n**Status:** Open\n");
  /* Staged, outside docs/: must stay staged, untouched. */
  append_file (repo, "notes.txt", "staged change\n");
  mi_test_git (repo, "add", "notes.txt", NULL);

  window = open_window (repo);
  controls = get_controls (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (controls)));
  assert_count (controls, 3);

  dialog = open_commit_dialog (controls);
  changes = mi_commit_dialog_get_changes (dialog);
  g_assert_cmpuint (mi_change_set_get_n_files (changes), ==, 3);

  /* Rows grouped by meta-issue: a heading per issue, its files below. */
  groups = mi_ui_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_BOX, "commit-group");
  g_assert_cmpuint (groups->len, ==, 2);
  {
    g_autoptr(GPtrArray) labels = NULL;
    g_autoptr(GPtrArray) changes_shown = NULL;
    g_autoptr(GPtrArray) checks = NULL;
    GtkWidget *list = mi_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW, "commit-files");

    labels = mi_ui_test_collect_widgets (list, GTK_TYPE_LABEL, "commit-file-path");
    g_assert_cmpuint (labels->len, ==, 5);
    g_assert_cmpstr (gtk_label_get_label (labels->pdata[0]), ==, SLUG);
    g_assert_cmpstr (gtk_label_get_label (labels->pdata[1]), ==, "README.md");
    g_assert_cmpstr (gtk_label_get_label (labels->pdata[2]), ==, "description.md");
    g_assert_cmpstr (gtk_label_get_label (labels->pdata[3]), ==, "other-issue");
    g_assert_cmpstr (gtk_label_get_label (labels->pdata[4]), ==, "README.md");
    changes_shown = mi_ui_test_collect_widgets (list, GTK_TYPE_LABEL, "commit-file-change");
    g_assert_cmpuint (changes_shown->len, ==, 3);
    g_assert_cmpstr (gtk_label_get_label (changes_shown->pdata[2]), ==,
                     mi_file_change_get_label (MI_FILE_CHANGE_ADDED));
    checks = mi_ui_test_collect_widgets (list, GTK_TYPE_CHECK_BUTTON, NULL);
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
  g_assert_nonnull (mi_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "commit-identity"));
  g_assert_true (gtk_widget_get_sensitive (commit_button (dialog)));

  mi_ui_test_save_screenshots (GTK_WIDGET (dialog), "commit-dialog");

  /* Ctrl+Enter: the commit action. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "commit.commit", NULL));
  g_assert_true (mi_ui_test_wait_for (is_null, &dialog));

  names = mi_test_git (repo, "show", "--name-only", "--format=", "HEAD", NULL);
  g_assert_cmpstr (names, ==, ISSUE_DIR "/README.md\n" ISSUE_DIR "/description.md");
  message = mi_test_git (repo, "log", "-1", "--format=%s", NULL);
  g_assert_cmpstr (message, ==, suggested);
  staged = mi_test_git (repo, "diff", "--cached", "--name-only", NULL);
  g_assert_cmpstr (staged, ==, "notes.txt");

  assert_count (controls, 1);

  mi_ui_test_close_window (window);
}

static void
test_identity (void)
{
  g_autofree char *repo = make_repository ("identity", FALSE);
  const char *name;
  const char *email;
  g_autoptr(GPtrArray) entries = NULL;
  MiCommitDialog *dialog;
  GtkWidget *form;
  GtkWidget *save = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  MiWindow *window;

  append_file (repo, ISSUE_DIR "/README.md", "\nMore notes.\n");

  window = open_window (repo);
  assert_count (get_controls (window), 1);
  dialog = open_commit_dialog (get_controls (window));

  form = mi_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BOX, "identity-form");
  g_assert_nonnull (form);
  g_assert_null (mi_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "commit-identity"));
  g_assert_false (gtk_widget_get_sensitive (commit_button (dialog)));

  entries = mi_ui_test_collect_widgets (form, GTK_TYPE_ENTRY, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (entries->pdata[0], "Ada Lovelace");
  gtk_editable_set_text (entries->pdata[1], "ada@example.org");
  buttons = mi_ui_test_collect_widgets (form, GTK_TYPE_BUTTON, NULL);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "_Save in This Repository") == 0)
      save = buttons->pdata[i];
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");

  name = mi_test_git (repo, "config", "--local", "user.name", NULL);
  email = mi_test_git (repo, "config", "--local", "user.email", NULL);
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  g_assert_cmpstr (email, ==, "ada@example.org");
  g_assert_false (gtk_widget_get_visible (form));
  g_assert_nonnull (mi_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "commit-identity"));
  g_assert_true (gtk_widget_get_sensitive (commit_button (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  mi_ui_test_close_window (window);
}

static void
test_blocker (void)
{
  g_autofree char *repo = make_repository ("merge", TRUE);
  const char *head = mi_test_git (repo, "rev-parse", "HEAD", NULL);
  g_autofree char *merge_head = g_strconcat (head, "\n", NULL);
  MiCommitDialog *dialog;
  GtkWidget *label;
  MiWindow *window;

  append_file (repo, ISSUE_DIR "/README.md", "\nMore notes.\n");
  mi_test_write_text (repo, ".git/MERGE_HEAD", merge_head);

  window = open_window (repo);
  assert_count (get_controls (window), 1);
  dialog = open_commit_dialog (get_controls (window));

  label = mi_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "commit-blocker");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "merge"));
  g_assert_false (gtk_widget_get_sensitive (commit_button (dialog)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "commit.commit", NULL) &&
                  mi_commit_dialog_get_busy (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  mi_ui_test_close_window (window);
}

/* A condition: the history dialog shows the selected commit's file as it
 * was, and its diff. */
static gboolean
history_file_is_shown (gpointer data)
{
  return mi_history_dialog_get_old_text (data) != NULL && mi_history_dialog_get_diff (data) != NULL;
}

/* A condition: the history dialog has read the commits, shows a row with a
 * summary for each, and the newest commit's file. (Until then, the reads of
 * that file may come after those of a file selected next, and hold the
 * dialog as the Commit dialog's diff does.) */
static gboolean
history_is_loaded (gpointer data)
{
  GListModel *commits = mi_history_dialog_get_commits (data);

  return commits != NULL && history_file_is_shown (data) &&
         mi_ui_test_count_in_list (data, "history-commits", GTK_TYPE_LABEL, "history-summary") ==
         g_list_model_get_n_items (commits);
}


static void
test_history (void)
{
  g_autofree char *repo = make_repository ("history", TRUE);
  const char *then;
  g_autoptr(GList) toplevels = NULL;
  MiHistoryDialog *dialog = NULL;
  GtkWidget *list;
  g_autoptr(GPtrArray) summaries = NULL;
  MiWindow *window;

  append_file (repo, ISSUE_DIR "/README.md", "\nSecond commit.\n");
  mi_test_git (repo, "commit", "-q", "-a", "-m", "example-performance-saga: more notes", NULL);
  append_file (repo, "notes.txt", "outside\n");
  mi_test_git (repo, "commit", "-q", "-a", "-m", "Notes only", NULL);
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

  /* The commits that touched the folder, newest first; not "Notes only". */
  g_assert_cmpuint (g_list_model_get_n_items (mi_history_dialog_get_commits (dialog)), ==, 2);
  list = mi_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW, "history-commits");
  summaries = mi_ui_test_collect_widgets (list, GTK_TYPE_LABEL, "history-summary");
  g_assert_cmpuint (summaries->len, ==, 2);
  g_assert_cmpstr (gtk_label_get_label (summaries->pdata[0]), ==, "example-performance-saga: more notes");
  g_assert_cmpstr (gtk_label_get_label (summaries->pdata[1]), ==, "Initial");

  /* The README as it was at the first commit, and what changed since. */
  mi_history_dialog_select (dialog, 1, ISSUE_DIR "/README.md");
  g_assert_true (mi_ui_test_wait_for (history_file_is_shown, dialog));
  then = mi_test_git (repo, "show", "HEAD~2:" ISSUE_DIR "/README.md", NULL);
  g_assert_true (g_str_has_prefix (mi_history_dialog_get_old_text (dialog), then));
  g_assert_null (strstr (mi_history_dialog_get_old_text (dialog), "Second commit."));
  g_assert_nonnull (strstr (mi_history_dialog_get_diff (dialog), "+Second commit."));
  g_assert_nonnull (strstr (mi_history_dialog_get_diff (dialog), "+Not committed."));

  gtk_window_destroy (GTK_WINDOW (dialog));
  mi_ui_test_close_window (window);
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
  g_autofree char *bare = g_build_filename (mi_ui_test_get_tmp_root (), "bare.git", NULL);
  const char *remote;
  const char *local;
  MiGitControls *controls;
  MiWindow *window;

  mi_test_git (mi_ui_test_get_tmp_root (), "init", "-q", "--bare", "-b", "main", "bare.git", NULL);
  mi_test_git (repo, "remote", "add", "origin", bare, NULL);
  mi_test_git (repo, "push", "-q", "-u", "origin", "main", NULL);
  append_file (repo, ISSUE_DIR "/README.md", "\nTo be pushed.\n");
  mi_test_git (repo, "commit", "-q", "-a", "-m", "example-performance-saga: to be pushed", NULL);

  window = open_window (repo);
  controls = get_controls (window);
  assert_count (controls, 0);

  mi_git_controls_sync (controls);
  g_assert_true (mi_git_controls_get_syncing (controls));
  g_assert_true (mi_ui_test_wait_for (not_syncing, controls));

  remote = mi_test_git (bare, "log", "-1", "--format=%s", "main", NULL);
  local = mi_test_git (repo, "log", "-1", "--format=%s", NULL);
  g_assert_cmpstr (remote, ==, "example-performance-saga: to be pushed");
  g_assert_cmpstr (remote, ==, local);

  mi_ui_test_close_window (window);
}

/* The attempts folder holds one whose name begins with @prefix. */
static gboolean
has_attempt_folder (gpointer data)
{
  const char * const *args = data;
  g_autoptr(GDir) dir = g_dir_open (args[0], 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, args[1]))
      return TRUE;

  return FALSE;
}

static void
test_renumber (void)
{
  g_autofree char *repo = make_repository ("renumber", TRUE);
  g_autofree char *attempts = g_build_filename (repo, ISSUE_DIR, "attempts", NULL);
  g_autofree char *original = g_build_filename (attempts, "003-connection-pooling", NULL);
  g_autofree char *copy = g_build_filename (attempts, "003-pooling-again", NULL);
  const char *renumbered[] = { attempts, "004-", NULL };
  GtkWidget *label;
  GtkWidget *button;
  MiWindow *window;

  /* As a merge of two branches leaves them. */
  mi_test_copy_dir (original, copy);

  window = open_window (repo);
  label = mi_ui_test_wait_for_label (GTK_WIDGET (window), "_Renumber");
  g_assert_nonnull (mi_ui_test_find_label_containing (GTK_WIDGET (window), "are numbered 003"));
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));

  g_assert_true (mi_ui_test_wait_for (has_attempt_folder, (gpointer) renumbered));
  g_assert_nonnull (mi_ui_test_wait_for_label (GTK_WIDGET (window), "The attempt is now number 004"));

  mi_ui_test_close_window (window);
}

static void
test_no_repository (void)
{
  g_autofree char *example = mi_test_source_path ("resources", "example", NULL);
  g_autofree char *path = g_build_filename (mi_ui_test_get_tmp_root (), "plain", NULL);
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
  mi_ui_test_close_window (window);
}

/* Closed before its changes and diff came, then its window: the loads
 * hold the dialog weakly, so it goes with its window (it used to be
 * finalized in their callback, after the window, a fatal warning). */
static void
test_close_while_loading (void)
{
  g_autofree char *repo = make_repository ("close-early", TRUE);
  MiWindow *window = open_window (repo);
  MiGitControls *controls = get_controls (window);
  GtkWindow *dialog;
  gint64 end;

  g_assert_true (mi_ui_test_wait_for ((MiUiTestCondition) (void (*) (void)) gtk_widget_get_visible, controls));
  dialog = mi_git_controls_show_commit (controls);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  mi_ui_test_close_window (window);

  /* The loads answer meanwhile: nothing of the dialog is left to warn. */
  end = g_get_monotonic_time () + 500 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  mi_ui_test_init (&argc, &argv, "test-git-ui");

  g_test_add_func ("/git-ui/commit", test_commit);
  g_test_add_func ("/git-ui/identity", test_identity);
  g_test_add_func ("/git-ui/blocker", test_blocker);
  g_test_add_func ("/git-ui/history", test_history);
  g_test_add_func ("/git-ui/sync", test_sync);
  g_test_add_func ("/git-ui/renumber", test_renumber);
  g_test_add_func ("/git-ui/no-repository", test_no_repository);
  g_test_add_func ("/git-ui/close-while-loading", test_close_while_loading);

  return mi_ui_test_run ();
}
