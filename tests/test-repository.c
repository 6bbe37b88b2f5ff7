/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "meta-issues.h"
#include "mi-test-libgit2.h"
#include "mi-test-util.h"

/*
 * MiRepository against real repositories made in temporary folders. The
 * `git` command sets them up and checks what a user of git would see: the
 * commit's files, what is still staged, the state of a merge. HOME and
 * XDG_CONFIG_HOME point at an empty folder, so the only identity is the one
 * a test sets.
 */

static char *home;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static void
set_identity (const char *dir,
              const char *name)
{
  g_autofree char *email = g_strdup_printf ("%s@example.org", name);

  mi_test_git (dir, "config", "user.name", name, NULL);
  mi_test_git (dir, "config", "user.email", email, NULL);
}

/* A new repository on branch main, with an identity unless @anonymous. */
static char *
make_repo (gboolean anonymous)
{
  char *dir = mi_test_make_tmp (NULL, "mi-repo");

  mi_test_git (dir, "init", "-q", "-b", "main", NULL);
  if (!anonymous)
    set_identity (dir, "Tester");
  return dir;
}

/* A repository with one commit: two meta-issues and a source file. */
static char *
make_repo_with_commit (void)
{
  char *dir = make_repo (FALSE);

  mi_test_write_text (dir, "docs/meta-issues/api-latency/README.md",
                      "# Meta-Issue: API latency\n\n**Status:** In Progress (Attempt 001)\n");
  mi_test_write_text (dir, "docs/meta-issues/flaky-ci/README.md",
                      "# Meta-Issue: Flaky CI\n\n**Status:** Open\n");
  mi_test_write_text (dir, "src/main.c", "int main (void) { return 0; }\n");
  mi_test_git (dir, "add", "-A", NULL);
  mi_test_git (dir, "commit", "-q", "-m", "Initial", NULL);
  return dir;
}

static MiRepository *
open_repository (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  MiRepository *repository = mi_repository_open (folder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (repository);
  return repository;
}

static MiCommitInfo *
commit_paths (MiRepository  *repository,
              const char   **paths,
              const char    *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  MiCommitInfo *info = mi_repository_commit (repository, paths, message, &warning, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_null (warning);
  return info;
}

/* ---------------------------------------------------------------------- */
/* Review and commit                                                        */

static void
test_list_changes (void)
{
  g_autofree char *dir = make_repo_with_commit ();
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *old_path = NULL;
  MiChangedFile *file;
  GListModel *groups;

  mi_test_write_text (dir, "docs/meta-issues/api-latency/README.md",
                      "# Meta-Issue: API latency\n\n**Status:** Resolved (Attempt 001)\n");
  mi_test_write_text (dir, "docs/meta-issues/api-latency/attempts/004-connection-pooling/solution-approach.md",
                      "# Attempt 004: Connection pooling\n");
  mi_test_write_text (dir, "docs/lessons-learned/performance/Pools.md", "# Pools\n");
  mi_test_write_text (dir, "src/main.c", "int main (void) { return 1; }\n");
  mi_test_git (dir, "mv", "docs/meta-issues/flaky-ci/README.md", "docs/meta-issues/flaky-ci/OVERVIEW.md", NULL);

  set = mi_repository_list_changes (repository, NULL, &error);
  g_assert_no_error (error);

  /* Only docs/: src/main.c is not listed. */
  g_assert_cmpuint (mi_change_set_get_n_files (set), ==, 4);
  g_assert_cmpstr (mi_change_set_get_branch (set), ==, "main");
  g_assert_false (mi_change_set_get_detached (set));
  g_assert_false (mi_change_set_get_unborn (set));
  g_assert_null (mi_change_set_get_blocker (set));
  g_assert_cmpstr (mi_change_set_get_user_name (set), ==, "Tester");

  file = mi_change_set_find_file (set, "docs/meta-issues/api-latency/README.md");
  g_assert_nonnull (file);
  g_assert_cmpint (mi_changed_file_get_change (file), ==, MI_FILE_CHANGE_MODIFIED);
  g_assert_false (mi_changed_file_get_staged (file));
  g_assert_cmpstr (mi_changed_file_get_slug (file), ==, "api-latency");

  file = mi_change_set_find_file (set, "docs/meta-issues/api-latency/attempts/004-connection-pooling/solution-approach.md");
  g_assert_nonnull (file);
  g_assert_cmpint (mi_changed_file_get_change (file), ==, MI_FILE_CHANGE_ADDED);

  file = mi_change_set_find_file (set, "docs/meta-issues/flaky-ci/OVERVIEW.md");
  g_assert_nonnull (file);
  g_assert_cmpint (mi_changed_file_get_change (file), ==, MI_FILE_CHANGE_RENAMED);
  g_assert_cmpstr (mi_changed_file_get_old_path (file), ==, "docs/meta-issues/flaky-ci/README.md");
  g_assert_true (mi_changed_file_get_staged (file));

  file = mi_change_set_find_file (set, "docs/lessons-learned/performance/Pools.md");
  g_assert_nonnull (file);
  g_assert_null (mi_changed_file_get_slug (file));

  /* Grouped by meta-issue, other files last. */
  groups = mi_change_set_get_groups (set);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 3);
  {
    g_autoptr(MiChangeGroup) first = g_list_model_get_item (groups, 0);
    g_autoptr(MiChangeGroup) last = g_list_model_get_item (groups, 2);

    g_assert_cmpstr (mi_change_group_get_slug (first), ==, "api-latency");
    g_assert_cmpuint (g_list_model_get_n_items (mi_change_group_get_files (first)), ==, 2);
    g_assert_null (mi_change_group_get_slug (last));
  }

  /* Suggestions follow the selection. */
  for (guint i = 0; i < mi_change_set_get_n_files (set); i++)
    {
      g_autoptr(MiChangedFile) each = g_list_model_get_item (mi_change_set_get_files (set), i);

      mi_changed_file_set_selected (each, g_strcmp0 (mi_changed_file_get_slug (each), "api-latency") == 0);
    }
  message = mi_change_set_suggest_message (set, TRUE);
  g_assert_cmpstr (message, ==, "api-latency: add attempt 004 (connection pooling), resolved");
  g_clear_pointer (&message, g_free);

  message = mi_change_set_suggest_message (set, FALSE);
  g_assert_cmpstr (message, ==,
                   "Update api-latency and flaky-ci and other documentation\n\n"
                   "api-latency: add attempt 004 (connection pooling), resolved\n"
                   "flaky-ci: update OVERVIEW.md\n"
                   "docs: update lessons-learned/performance/Pools.md\n");

  /* A rename gives both paths to commit. */
  {
    g_auto(GStrv) paths = mi_change_set_get_paths (set, FALSE);

    g_assert_true (g_strv_contains ((const char * const *) paths, "docs/meta-issues/flaky-ci/README.md"));
    g_assert_true (g_strv_contains ((const char * const *) paths, "docs/meta-issues/flaky-ci/OVERVIEW.md"));
    g_assert_cmpuint (g_strv_length (paths), ==, 5);
  }

  /* The diff view's text. */
  {
    g_autofree char *diff = mi_repository_diff_file (repository, NULL, "docs/meta-issues/api-latency/README.md",
                                                     NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (diff, "diff --git a/docs/meta-issues/api-latency/README.md b/docs/meta-issues/api-latency/README.md\n"));
    g_assert_nonnull (strstr (diff, "\n-**Status:** In Progress (Attempt 001)\n+**Status:** Resolved (Attempt 001)\n"));
  }

  mi_test_remove_tree (dir);
}

static void
test_results_message (void)
{
  g_autofree char *dir = make_repo (FALSE);
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  mi_test_write_text (dir, "docs/meta-issues/flaky-ci/test-cases.md",
                      "# Test Cases\n\n## TC-001: Runs\n\n**Results:**\n- Attempt 001: 3 (FAIL)\n");
  mi_test_git (dir, "add", "-A", NULL);
  mi_test_git (dir, "commit", "-q", "-m", "Initial", NULL);
  mi_test_write_text (dir, "docs/meta-issues/flaky-ci/test-cases.md",
                      "# Test Cases\n\n## TC-001: Runs\n\n**Results:**\n- Attempt 001: 3 (FAIL)\n- Attempt 002: 0 (PASS)\n");

  set = mi_repository_list_changes (repository, NULL, &error);
  g_assert_no_error (error);
  message = mi_change_set_suggest_message (set, TRUE);
  g_assert_cmpstr (message, ==, "flaky-ci: record results of attempt 002");

  mi_test_remove_tree (dir);
}

static void
test_commit_selected_only (void)
{
  g_autofree char *dir = make_repo_with_commit ();
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(MiCommitInfo) info = NULL;
  const char *head = NULL;
  const char *names = NULL;
  const char *staged = NULL;
  const char *staged_text = NULL;
  const char *committed = NULL;
  const char *status = NULL;
  const char *paths[] = {
    "docs/meta-issues/api-latency/README.md",
    "docs/meta-issues/api-latency/test-cases.md",
    NULL
  };

  /* Chosen: one modified (not staged), one new (untracked). */
  mi_test_write_text (dir, "docs/meta-issues/api-latency/README.md",
                      "# Meta-Issue: API latency\n\n**Status:** Resolved (Attempt 001)\n");
  mi_test_write_text (dir, "docs/meta-issues/api-latency/test-cases.md", "# Test Cases\n");
  /* Not chosen: staged changes, and a staged file changed again after. */
  mi_test_write_text (dir, "docs/meta-issues/flaky-ci/README.md", "# Meta-Issue: Flaky CI\n\n**Status:** Abandoned\n");
  mi_test_write_text (dir, "src/main.c", "int main (void) { return 2; }\n");
  mi_test_git (dir, "add", "docs/meta-issues/flaky-ci/README.md", "src/main.c", NULL);
  mi_test_write_text (dir, "src/main.c", "int main (void) { return 3; }\n");

  info = commit_paths (repository, paths, "api-latency: resolved");

  head = mi_test_git (dir, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (mi_commit_info_get_id (info), ==, head);
  g_assert_cmpstr (mi_commit_info_get_summary (info), ==, "api-latency: resolved");
  g_assert_cmpstr (mi_commit_info_get_author_name (info), ==, "Tester");

  /* The commit holds exactly the chosen files. */
  names = mi_test_git (dir, "show", "--name-status", "--format=", "HEAD", NULL);
  g_assert_cmpstr (names, ==,
                   "M\tdocs/meta-issues/api-latency/README.md\n"
                   "A\tdocs/meta-issues/api-latency/test-cases.md");
  committed = mi_test_git (dir, "show", "HEAD:docs/meta-issues/api-latency/README.md", NULL);
  g_assert_cmpstr (committed, ==, "# Meta-Issue: API latency\n\n**Status:** Resolved (Attempt 001)");
  g_assert_cmpstr (mi_test_git (dir, "log", "-1", "--format=%P", NULL), !=, "");

  /* The other staged changes are still staged, as they were. */
  staged = mi_test_git (dir, "diff", "--cached", "--name-only", NULL);
  g_assert_cmpstr (staged, ==, "docs/meta-issues/flaky-ci/README.md\nsrc/main.c");
  staged_text = mi_test_git (dir, "show", ":src/main.c", NULL);
  g_assert_cmpstr (staged_text, ==, "int main (void) { return 2; }");

  /* The committed files show as committed. */
  status = mi_test_git (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "M  docs/meta-issues/flaky-ci/README.md\nMM src/main.c");

  mi_test_remove_tree (dir);
}

static void
test_commit_deleted_and_renamed (void)
{
  g_autofree char *dir = make_repo_with_commit ();
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(MiCommitInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  const char *tree = NULL;
  const char *status = NULL;
  g_autofree char *old_dir = g_build_filename (dir, "docs/meta-issues/flaky-ci", NULL);
  g_autofree char *new_dir = g_build_filename (dir, "docs/meta-issues/ci-flakes", NULL);

  /* A folder renamed on disk, not staged; another file deleted. */
  g_assert_cmpint (g_rename (old_dir, new_dir), ==, 0);
  {
    g_autofree char *deleted = g_build_filename (dir, "docs/meta-issues/api-latency/README.md", NULL);

    g_assert_cmpint (g_remove (deleted), ==, 0);
  }

  set = mi_repository_list_changes (repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mi_change_set_get_n_files (set), ==, 2);
  g_assert_cmpint (mi_changed_file_get_change (mi_change_set_find_file (set, "docs/meta-issues/ci-flakes/README.md")),
                   ==, MI_FILE_CHANGE_RENAMED);
  g_assert_cmpint (mi_changed_file_get_change (mi_change_set_find_file (set, "docs/meta-issues/api-latency/README.md")),
                   ==, MI_FILE_CHANGE_DELETED);

  paths = mi_change_set_get_paths (set, TRUE);
  info = commit_paths (repository, (const char **) paths, "Rename flaky-ci");

  tree = mi_test_git (dir, "ls-tree", "-r", "--name-only", "HEAD", NULL);
  g_assert_cmpstr (tree, ==, "docs/meta-issues/ci-flakes/README.md\nsrc/main.c");
  /* No empty trees left behind. */
  g_assert_cmpstr (mi_test_git (dir, "ls-tree", "--name-only", "HEAD", "docs/meta-issues/", NULL), ==,
                   "docs/meta-issues/ci-flakes");
  status = mi_test_git (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");

  mi_test_remove_tree (dir);
}

static void
test_commit_unborn (void)
{
  g_autofree char *dir = make_repo (FALSE);
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(MiCommitInfo) info = NULL;
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(GError) error = NULL;
  const char *tree = NULL;
  const char *status = NULL;
  const char *log = NULL;
  const char *paths[] = { "docs/meta-issues/first/README.md", NULL };

  mi_test_write_text (dir, "docs/meta-issues/first/README.md", "# Meta-Issue: First\n");
  mi_test_write_text (dir, "docs/meta-issues/first/notes.md", "not chosen\n");

  set = mi_repository_list_changes (repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mi_change_set_get_unborn (set));
  g_assert_cmpstr (mi_change_set_get_branch (set), ==, "main");
  g_assert_cmpuint (mi_change_set_get_n_files (set), ==, 2);
  {
    g_autofree char *message = mi_change_set_suggest_message (set, FALSE);

    g_assert_cmpstr (message, ==, "first: new meta-issue");
  }

  info = commit_paths (repository, paths, "first: new meta-issue");

  log = mi_test_git (dir, "log", "--format=%s|%P", "main", NULL);
  g_assert_cmpstr (log, ==, "first: new meta-issue|");
  tree = mi_test_git (dir, "ls-tree", "-r", "--name-only", "HEAD", NULL);
  g_assert_cmpstr (tree, ==, "docs/meta-issues/first/README.md");
  status = mi_test_git (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "?? docs/meta-issues/first/notes.md");

  mi_test_remove_tree (dir);
}

static void
test_commit_detached (void)
{
  g_autofree char *dir = make_repo_with_commit ();
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(MiCommitInfo) info = NULL;
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  const char *main_before = mi_test_git (dir, "rev-parse", "main", NULL);
  const char *main_after = NULL;
  const char *head = NULL;
  const char *paths[] = { "docs/meta-issues/flaky-ci/README.md", NULL };

  mi_test_git (dir, "checkout", "-q", "--detach", NULL);
  mi_test_write_text (dir, "docs/meta-issues/flaky-ci/README.md", "# Meta-Issue: Flaky CI\n\n**Status:** Resolved\n");

  set = mi_repository_list_changes (repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mi_change_set_get_detached (set));
  g_assert_null (mi_change_set_get_branch (set));
  g_assert_nonnull (mi_change_set_get_warning (set));
  {
    g_autofree char *message = mi_change_set_suggest_message (set, TRUE);

    g_assert_cmpstr (message, ==, "flaky-ci: resolved");
  }

  info = mi_repository_commit (repository, paths, "flaky-ci: resolved", &warning, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "detached"));

  head = mi_test_git (dir, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (head, ==, mi_commit_info_get_id (info));
  main_after = mi_test_git (dir, "rev-parse", "main", NULL);
  g_assert_cmpstr (main_after, ==, main_before);
  g_assert_cmpstr (mi_test_git (dir, "rev-parse", "HEAD~1", NULL), ==, main_before);

  mi_test_remove_tree (dir);
}

static void
test_commit_refused_during_merge (void)
{
  g_autofree char *dir = make_repo_with_commit ();
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(GError) error = NULL;
  const char *head = NULL;
  const char *paths[] = { "docs/meta-issues/api-latency/README.md", NULL };

  mi_test_git (dir, "checkout", "-q", "-b", "other", NULL);
  mi_test_write_text (dir, "docs/meta-issues/flaky-ci/README.md", "other side\n");
  mi_test_git (dir, "commit", "-q", "-am", "Other", NULL);
  mi_test_git (dir, "checkout", "-q", "main", NULL);
  mi_test_write_text (dir, "docs/meta-issues/flaky-ci/README.md", "this side\n");
  mi_test_git (dir, "commit", "-q", "-am", "This", NULL);
  g_assert_false (mi_test_git_ok (dir, "merge", "-q", "other", NULL));
  head = mi_test_git (dir, "rev-parse", "HEAD", NULL);

  mi_test_write_text (dir, "docs/meta-issues/api-latency/README.md", "changed\n");
  set = mi_repository_list_changes (repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mi_change_set_get_blocker (set));

  g_assert_null (mi_repository_commit (repository, paths, "Try", NULL, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "merge"));
  g_assert_nonnull (strstr (error->message, "git merge --abort"));

  /* Nothing moved. */
  g_assert_cmpstr (mi_test_git (dir, "rev-parse", "HEAD", NULL), ==, head);
  g_assert_true (mi_test_git_ok (dir, "rev-parse", "-q", "--verify", "MERGE_HEAD", NULL));

  mi_test_remove_tree (dir);
}

static void
test_commit_refused_when_locked (void)
{
  g_autofree char *dir = make_repo_with_commit ();
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *lock = g_build_filename (dir, ".git", "index.lock", NULL);
  const char *head = mi_test_git (dir, "rev-parse", "HEAD", NULL);
  g_autofree char *lock_text = NULL;
  const char *paths[] = { "docs/meta-issues/api-latency/README.md", NULL };

  mi_test_write_text (dir, "docs/meta-issues/api-latency/README.md", "changed\n");
  mi_test_write_text (dir, ".git/index.lock", "someone else's\n");

  g_assert_null (mi_repository_commit (repository, paths, "Try", NULL, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, lock));

  /* The lock is someone else's: it stays, as it was. */
  lock_text = mi_test_read_file (lock, NULL);
  g_assert_cmpstr (lock_text, ==, "someone else's\n");
  g_assert_cmpstr (mi_test_git (dir, "rev-parse", "HEAD", NULL), ==, head);

  g_remove (lock);
  mi_test_remove_tree (dir);
}

static void
test_commit_missing_identity (void)
{
  g_autofree char *dir = make_repo (TRUE);
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(MiCommitInfo) info = NULL;
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  const char *paths[] = { "docs/meta-issues/x/README.md", NULL };

  mi_test_write_text (dir, "docs/meta-issues/x/README.md", "# Meta-Issue: X\n");

  set = mi_repository_list_changes (repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (mi_change_set_get_user_name (set));

  g_assert_false (mi_repository_get_identity (repository, &name, &email, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_IDENTITY);
  g_clear_error (&error);

  g_assert_null (mi_repository_commit (repository, paths, "x: new meta-issue", NULL, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_IDENTITY);
  g_clear_error (&error);
  g_assert_false (mi_test_git_ok (dir, "rev-parse", "-q", "--verify", "HEAD", NULL));

  g_assert_false (mi_repository_set_identity (repository, "", "nobody", &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_IDENTITY);
  g_clear_error (&error);

  g_assert_true (mi_repository_set_identity (repository, "Ada Lovelace", "ada@example.org", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mi_test_git (dir, "config", "--local", "user.name", NULL), ==, "Ada Lovelace");
  g_assert_true (mi_repository_get_identity (repository, &name, &email, &error));
  g_assert_cmpstr (email, ==, "ada@example.org");

  info = commit_paths (repository, paths, "x: new meta-issue");
  g_assert_cmpstr (mi_test_git (dir, "log", "-1", "--format=%an <%ae>|%cn", NULL), ==,
                   "Ada Lovelace <ada@example.org>|Ada Lovelace");

  mi_test_remove_tree (dir);
}

static void
test_commit_nothing (void)
{
  g_autofree char *dir = make_repo_with_commit ();
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(GError) error = NULL;
  const char *same[] = { "docs/meta-issues/api-latency/README.md", NULL };
  const char *outside[] = { "../elsewhere.md", NULL };
  const char *folder[] = { "docs/meta-issues", NULL };

  g_assert_null (mi_repository_commit (repository, same, "Nothing", NULL, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOTHING_TO_COMMIT);
  g_clear_error (&error);

  g_assert_null (mi_repository_commit (repository, outside, "Outside", NULL, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_INVALID_PATH);
  g_clear_error (&error);

  g_assert_null (mi_repository_commit (repository, folder, "Folder", NULL, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_INVALID_PATH);
  g_clear_error (&error);

  mi_test_write_text (dir, "docs/meta-issues/api-latency/README.md", "changed\n");
  g_assert_null (mi_repository_commit (repository, same, "  \n\n", NULL, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_FAILED);

  mi_test_remove_tree (dir);
}

static void
commit_async_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MiCommitInfo **out = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;

  *out = mi_repository_commit_finish (MI_REPOSITORY (source), result, &warning, &error);
  g_assert_no_error (error);
}

static void
list_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  MiChangeSet **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = mi_repository_list_changes_finish (MI_REPOSITORY (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *dir = make_repo_with_commit ();
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(MiCommitInfo) info = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *message = NULL;

  mi_test_write_text (dir, "docs/meta-issues/flaky-ci/README.md", "# Meta-Issue: Flaky CI\n\n**Status:** Resolved\n");

  mi_repository_list_changes_async (repository, NULL, list_async_cb, &set);
  while (set == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (mi_change_set_get_n_files (set), ==, 1);

  paths = mi_change_set_get_paths (set, TRUE);
  message = mi_change_set_suggest_message (set, TRUE);
  mi_repository_commit_async (repository, (const char * const *) paths, message, NULL, commit_async_cb, &info);
  while (info == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (mi_test_git (dir, "log", "-1", "--format=%s", NULL), ==, "flaky-ci: resolved");

  mi_test_remove_tree (dir);
}

/* ---------------------------------------------------------------------- */
/* History                                                                 */

static void
test_history (void)
{
  g_autofree char *dir = make_repo_with_commit ();
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(MiCommitInfo) first = NULL;
  g_autoptr(MiCommitInfo) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old_text = NULL;
  g_autofree char *diff = NULL;
  const char *readme = "docs/meta-issues/flaky-ci/README.md";

  mi_test_write_text (dir, readme, "# Meta-Issue: Flaky CI\n\n**Status:** In Progress\n");
  mi_test_git (dir, "commit", "-q", "-am", "flaky-ci: in progress", NULL);
  mi_test_write_text (dir, "docs/meta-issues/api-latency/README.md", "elsewhere\n");
  mi_test_git (dir, "commit", "-q", "-am", "api-latency: elsewhere", NULL);
  mi_test_git (dir, "-c", "user.name=Grace", "commit", "-q", "--allow-empty", "-m", "empty", NULL);
  mi_test_write_text (dir, readme, "# Meta-Issue: Flaky CI\n\n**Status:** Resolved\n");

  history = mi_repository_get_history (repository, "docs/meta-issues/flaky-ci/", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  first = g_list_model_get_item (history, 0);
  second = g_list_model_get_item (history, 1);
  g_assert_cmpstr (mi_commit_info_get_summary (first), ==, "flaky-ci: in progress");
  g_assert_cmpstr (mi_commit_info_get_summary (second), ==, "Initial");
  g_assert_cmpstr (mi_commit_info_get_author_name (first), ==, "Tester");
  g_assert_nonnull (mi_commit_info_get_date (first));

  old_text = mi_repository_get_file_at (repository, mi_commit_info_get_id (second), readme, NULL, &error);
  g_assert_no_error (error);
  {
    const char *expected = "# Meta-Issue: Flaky CI\n\n**Status:** Open\n";

    g_assert_cmpmem (g_bytes_get_data (old_text, NULL), g_bytes_get_size (old_text), expected, strlen (expected));
  }

  diff = mi_repository_diff_file (repository, mi_commit_info_get_id (second), readme, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (diff, "-**Status:** Open\n+**Status:** Resolved\n"));

  g_assert_null (mi_repository_get_file_at (repository, mi_commit_info_get_id (second),
                                            "docs/meta-issues/flaky-ci/nothing.md", NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOT_FOUND);

  mi_test_remove_tree (dir);
}

/* ---------------------------------------------------------------------- */
/* Sync                                                                    */

typedef struct
{
  char *top;
  char *bare;
  char *a;
  char *b;
} Remotes;

static void
remotes_setup (Remotes *r)
{
  r->top = mi_test_make_tmp (NULL, "mi-sync");
  r->bare = g_build_filename (r->top, "team.git", NULL);
  r->a = g_build_filename (r->top, "alice", NULL);
  r->b = g_build_filename (r->top, "bob", NULL);
  mi_test_git (r->top, "init", "-q", "--bare", "-b", "main", r->bare, NULL);
  mi_test_git (r->top, "clone", "-q", r->bare, r->a, NULL);
  set_identity (r->a, "Alice");
}

static void
remotes_clear (Remotes *r)
{
  mi_test_remove_tree (r->top);
  g_free (r->top);
  g_free (r->bare);
  g_free (r->a);
  g_free (r->b);
}

static void
progress_cb (MiRepository *repository,
             const char   *message,
             double        fraction,
             gpointer      user_data)
{
  guint *count = user_data;

  g_assert_nonnull (message);
  (*count)++;
}

static void
sync_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = mi_repository_sync_finish (MI_REPOSITORY (source), result, &error);
  g_assert_no_error (error);
}

static void
commit_one (MiRepository *repository,
            const char   *dir,
            const char   *path,
            const char   *text,
            const char   *message)
{
  const char *paths[] = { path, NULL };
  g_autoptr(MiCommitInfo) info = NULL;

  mi_test_write_text (dir, path, text);
  info = commit_paths (repository, paths, message);
}

static void
test_push_pull (void)
{
  Remotes r = { 0 };
  g_autoptr(MiRepository) alice = NULL;
  g_autoptr(MiRepository) bob = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char *bob_head = NULL;
  g_autofree char *text = NULL;
  MiPullResult result;
  guint n_progress = 0;

  remotes_setup (&r);
  alice = open_repository (r.a);
  g_signal_connect (alice, "progress", G_CALLBACK (progress_cb), &n_progress);

  /* The first push of a clone of an empty repository sets the upstream. */
  commit_one (alice, r.a, "docs/meta-issues/x/README.md", "# Meta-Issue: X\n", "x: new meta-issue");
  g_assert_true (mi_repository_push (alice, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_progress, >, 0);
  g_assert_cmpstr (mi_test_git (r.bare, "log", "--format=%s", "main", NULL), ==, "x: new meta-issue");
  g_assert_cmpstr (mi_test_git (r.a, "rev-parse", "--abbrev-ref", "main@{upstream}", NULL), ==, "origin/main");

  mi_test_git (r.top, "clone", "-q", r.bare, r.b, NULL);
  set_identity (r.b, "Bob");
  bob = open_repository (r.b);

  /* Alice pushes again; Bob committed meanwhile: his push is refused. */
  commit_one (alice, r.a, "docs/meta-issues/x/description.md", "# Description\n", "x: description");
  g_assert_true (mi_repository_push (alice, NULL, &error));
  commit_one (bob, r.b, "docs/meta-issues/x/test-cases.md", "# Test Cases\n", "x: test cases");
  bob_head = mi_test_git (r.b, "rev-parse", "HEAD", NULL);

  g_assert_false (mi_repository_push (bob, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NON_FAST_FORWARD);
  g_assert_nonnull (strstr (error->message, "Pull first"));
  g_clear_error (&error);
  g_assert_cmpstr (mi_test_git (r.bare, "log", "-1", "--format=%s", "main", NULL), ==, "x: description");

  /* Bob pulls: no conflict, a merge commit like git's. */
  g_assert_true (mi_repository_pull (bob, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, MI_PULL_MERGED);
  {
    g_autofree char *expected = g_strdup_printf ("Merge branch 'main' of %s", r.bare);

    g_assert_cmpstr (mi_test_git (r.b, "log", "-1", "--format=%s", NULL), ==, expected);
  }
  g_assert_cmpstr (mi_test_git (r.b, "rev-parse", "HEAD^1", NULL), ==, bob_head);
  g_assert_cmpstr (mi_test_git (r.b, "status", "--porcelain", NULL), ==, "");
  text = mi_test_read_text (r.b, "docs/meta-issues/x/description.md");
  g_assert_cmpstr (text, ==, "# Description\n");
  g_assert_false (mi_test_git_ok (r.b, "rev-parse", "-q", "--verify", "MERGE_HEAD", NULL));

  /* Sync pushes the merge; Alice's sync fast-forwards, asynchronously. */
  summary = mi_repository_sync (bob, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary, ==, "Sent your commits.");
  g_clear_pointer (&summary, g_free);
  g_assert_cmpstr (mi_test_git (r.bare, "rev-parse", "main", NULL), ==, mi_test_git (r.b, "rev-parse", "HEAD", NULL));

  n_progress = 0;
  mi_repository_sync_async (alice, NULL, sync_async_cb, &summary);
  while (summary == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (summary, ==, "Received the remote's new commits.");
  g_assert_cmpuint (n_progress, >, 0);
  g_clear_pointer (&summary, g_free);
  g_assert_cmpstr (mi_test_git (r.a, "rev-parse", "HEAD", NULL), ==, mi_test_git (r.b, "rev-parse", "HEAD", NULL));
  g_clear_pointer (&text, g_free);
  text = mi_test_read_text (r.a, "docs/meta-issues/x/test-cases.md");
  g_assert_cmpstr (text, ==, "# Test Cases\n");

  summary = mi_repository_sync (alice, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary, ==, "Already up to date.");

  /* A cancelled sync does nothing. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *none = NULL;

    g_cancellable_cancel (cancellable);
    none = mi_repository_sync (alice, cancellable, &error);
    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  remotes_clear (&r);
}

static void
test_pull_conflict (void)
{
  Remotes r = { 0 };
  g_autoptr(MiRepository) alice = NULL;
  g_autoptr(MiRepository) bob = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MiChangeSet) set = NULL;
  const char *status = NULL;
  g_autofree char *text = NULL;
  const char *readme = "docs/meta-issues/x/README.md";

  remotes_setup (&r);
  alice = open_repository (r.a);
  commit_one (alice, r.a, readme, "# Meta-Issue: X\n\n**Status:** Open\n", "x: new meta-issue");
  g_assert_true (mi_repository_push (alice, NULL, &error));
  mi_test_git (r.top, "clone", "-q", r.bare, r.b, NULL);
  set_identity (r.b, "Bob");
  bob = open_repository (r.b);

  commit_one (alice, r.a, readme, "# Meta-Issue: X\n\n**Status:** Resolved\n", "x: resolved");
  g_assert_true (mi_repository_push (alice, NULL, &error));
  commit_one (bob, r.b, readme, "# Meta-Issue: X\n\n**Status:** Abandoned\n", "x: abandoned");

  g_assert_null (mi_repository_sync (bob, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, readme));
  g_clear_error (&error);

  /* Left as git leaves it: merging, conflict markers, both sides in the index. */
  g_assert_true (mi_test_git_ok (r.b, "rev-parse", "-q", "--verify", "MERGE_HEAD", NULL));
  status = mi_test_git (r.b, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "UU docs/meta-issues/x/README.md");
  text = mi_test_read_text (r.b, readme);
  g_assert_nonnull (strstr (text, "<<<<<<< "));
  g_assert_nonnull (strstr (text, "**Status:** Abandoned\n=======\n**Status:** Resolved\n>>>>>>> "));

  /* Now every commit is refused with an explanation. */
  set = mi_repository_list_changes (bob, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mi_change_set_get_blocker (set));
  g_assert_null (mi_repository_sync (bob, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_BUSY);

  remotes_clear (&r);
}

static void
test_sync_errors (void)
{
  Remotes r = { 0 };
  g_autoptr(MiRepository) alice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;

  remotes_setup (&r);
  alice = open_repository (r.a);
  commit_one (alice, r.a, "docs/meta-issues/x/README.md", "# X\n", "x");

  missing = g_build_filename (r.top, "nowhere.git", NULL);
  mi_test_git (r.a, "remote", "set-url", "origin", missing, NULL);
  g_assert_false (mi_repository_fetch (alice, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  mi_test_git (r.a, "remote", "remove", "origin", NULL);
  g_assert_false (mi_repository_push (alice, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_UPSTREAM);
  g_clear_error (&error);

  mi_test_git (r.a, "checkout", "-q", "--detach", NULL);
  g_assert_null (mi_repository_sync (alice, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_UPSTREAM);
  g_assert_nonnull (strstr (error->message, "detached"));

  remotes_clear (&r);
}

static void
test_not_a_repository (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mi-norepo-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  g_assert_no_error (error);
  g_assert_null (mi_repository_open (folder, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOT_FOUND);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  int result;

  /* No user or system configuration: before libgit2 reads any. */
  home = mi_test_make_tmp (NULL, "mi-home");
  mi_test_libgit2_init (home);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/repository/open/not-a-repository", test_not_a_repository);
  g_test_add_func ("/repository/changes/list", test_list_changes);
  g_test_add_func ("/repository/changes/results-message", test_results_message);
  g_test_add_func ("/repository/commit/selected-only", test_commit_selected_only);
  g_test_add_func ("/repository/commit/deleted-and-renamed", test_commit_deleted_and_renamed);
  g_test_add_func ("/repository/commit/unborn", test_commit_unborn);
  g_test_add_func ("/repository/commit/detached", test_commit_detached);
  g_test_add_func ("/repository/commit/refused-during-merge", test_commit_refused_during_merge);
  g_test_add_func ("/repository/commit/refused-when-locked", test_commit_refused_when_locked);
  g_test_add_func ("/repository/commit/missing-identity", test_commit_missing_identity);
  g_test_add_func ("/repository/commit/nothing", test_commit_nothing);
  g_test_add_func ("/repository/commit/async", test_async);
  g_test_add_func ("/repository/history", test_history);
  g_test_add_func ("/repository/sync/push-pull", test_push_pull);
  g_test_add_func ("/repository/sync/conflict", test_pull_conflict);
  g_test_add_func ("/repository/sync/errors", test_sync_errors);

  result = g_test_run ();

  mi_test_remove_tree (home);
  g_free (home);
  mi_test_libgit2_shutdown ();
  return result;
}
