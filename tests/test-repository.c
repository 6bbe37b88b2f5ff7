/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <git2.h>
#include <glib/gstdio.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * MiRepository against real repositories made in temporary folders. The
 * `git` command sets them up and checks what a user of git would see: the
 * commit's files, what is still staged, the state of a merge. HOME and
 * XDG_CONFIG_HOME point at an empty folder, so the only identity is the one
 * a test sets.
 */

static char *home;

/* libgit2 1.5 (Debian 12) leaks the PCRE2 match data of every regular
 * expression search that finds nothing (git_regexp_search returns early),
 * which git_remote_lookup() does for each remote; fixed in later releases.
 * Not ours to free: the sanitizer build ignores exactly that allocation. */
const char *__lsan_default_suppressions (void);
const char *__asan_default_options (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:pcre2_match_data_create_8\n"
         "leak:pcre2_match_8\n";
}

/* Full stacks through libpcre2 (built without frame pointers), so that the
 * suppression above can see the function names. */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static char *
git_status (const char  *dir,
            int         *exit_status,
            const char  *first,
            va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) "git");
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  *exit_status = status;
  if (status != 0)
    g_test_message ("git %s: %s", first, err);
  return g_steal_pointer (&out);
}

/* Runs git in @dir, asserts success, returns stdout without the last newline
 * (kept until the end of the test program). */
static GPtrArray *outputs;

G_GNUC_NULL_TERMINATED static const char *
git (const char *dir,
     const char *first,
     ...)
{
  va_list args;
  int status;
  char *out;

  va_start (args, first);
  out = git_status (dir, &status, first, args);
  va_end (args);
  g_assert_cmpint (status, ==, 0);
  g_strchomp (out);
  g_ptr_array_add (outputs, out);
  return out;
}

/* Runs git in @dir, returns whether it succeeded. */
G_GNUC_NULL_TERMINATED static gboolean
git_ok (const char *dir,
        const char *first,
        ...)
{
  va_list args;
  int status;
  g_autofree char *out = NULL;

  va_start (args, first);
  out = git_status (dir, &status, first, args);
  va_end (args);
  return status == 0;
}

static void
write_file (const char *root,
            const char *path,
            const char *text)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (full, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *root,
           const char *path)
{
  g_autofree char *full = g_build_filename (root, path, NULL);

  return mi_test_read_file (full, NULL);
}

static void
set_identity (const char *dir,
              const char *name)
{
  g_autofree char *email = g_strdup_printf ("%s@example.org", name);

  git (dir, "config", "user.name", name, NULL);
  git (dir, "config", "user.email", email, NULL);
}

/* A new repository on branch main, with an identity unless @anonymous. */
static char *
make_repo (gboolean anonymous)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mi-repo-XXXXXX", &error);

  g_assert_no_error (error);
  git (dir, "init", "-q", "-b", "main", NULL);
  if (!anonymous)
    set_identity (dir, "Tester");
  return dir;
}

/* A repository with one commit: two meta-issues and a source file. */
static char *
make_repo_with_commit (void)
{
  char *dir = make_repo (FALSE);

  write_file (dir, "docs/meta-issues/api-latency/README.md",
              "# Meta-Issue: API latency\n\n**Status:** In Progress (Attempt 001)\n");
  write_file (dir, "docs/meta-issues/flaky-ci/README.md",
              "# Meta-Issue: Flaky CI\n\n**Status:** Open\n");
  write_file (dir, "src/main.c", "int main (void) { return 0; }\n");
  git (dir, "add", "-A", NULL);
  git (dir, "commit", "-q", "-m", "Initial", NULL);
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

  write_file (dir, "docs/meta-issues/api-latency/README.md",
              "# Meta-Issue: API latency\n\n**Status:** Resolved (Attempt 001)\n");
  write_file (dir, "docs/meta-issues/api-latency/attempts/004-connection-pooling/solution-approach.md",
              "# Attempt 004: Connection pooling\n");
  write_file (dir, "docs/lessons-learned/performance/Pools.md", "# Pools\n");
  write_file (dir, "src/main.c", "int main (void) { return 1; }\n");
  git (dir, "mv", "docs/meta-issues/flaky-ci/README.md", "docs/meta-issues/flaky-ci/OVERVIEW.md", NULL);

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

  write_file (dir, "docs/meta-issues/flaky-ci/test-cases.md",
              "# Test Cases\n\n## TC-001: Runs\n\n**Results:**\n- Attempt 001: 3 (FAIL)\n");
  git (dir, "add", "-A", NULL);
  git (dir, "commit", "-q", "-m", "Initial", NULL);
  write_file (dir, "docs/meta-issues/flaky-ci/test-cases.md",
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
  write_file (dir, "docs/meta-issues/api-latency/README.md",
              "# Meta-Issue: API latency\n\n**Status:** Resolved (Attempt 001)\n");
  write_file (dir, "docs/meta-issues/api-latency/test-cases.md", "# Test Cases\n");
  /* Not chosen: staged changes, and a staged file changed again after. */
  write_file (dir, "docs/meta-issues/flaky-ci/README.md", "# Meta-Issue: Flaky CI\n\n**Status:** Abandoned\n");
  write_file (dir, "src/main.c", "int main (void) { return 2; }\n");
  git (dir, "add", "docs/meta-issues/flaky-ci/README.md", "src/main.c", NULL);
  write_file (dir, "src/main.c", "int main (void) { return 3; }\n");

  info = commit_paths (repository, paths, "api-latency: resolved");

  head = git (dir, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (mi_commit_info_get_id (info), ==, head);
  g_assert_cmpstr (mi_commit_info_get_summary (info), ==, "api-latency: resolved");
  g_assert_cmpstr (mi_commit_info_get_author_name (info), ==, "Tester");

  /* The commit holds exactly the chosen files. */
  names = git (dir, "show", "--name-status", "--format=", "HEAD", NULL);
  g_assert_cmpstr (names, ==,
                   "M\tdocs/meta-issues/api-latency/README.md\n"
                   "A\tdocs/meta-issues/api-latency/test-cases.md");
  committed = git (dir, "show", "HEAD:docs/meta-issues/api-latency/README.md", NULL);
  g_assert_cmpstr (committed, ==, "# Meta-Issue: API latency\n\n**Status:** Resolved (Attempt 001)");
  g_assert_cmpstr (git (dir, "log", "-1", "--format=%P", NULL), !=, "");

  /* The other staged changes are still staged, as they were. */
  staged = git (dir, "diff", "--cached", "--name-only", NULL);
  g_assert_cmpstr (staged, ==, "docs/meta-issues/flaky-ci/README.md\nsrc/main.c");
  staged_text = git (dir, "show", ":src/main.c", NULL);
  g_assert_cmpstr (staged_text, ==, "int main (void) { return 2; }");

  /* The committed files show as committed. */
  status = git (dir, "status", "--porcelain", NULL);
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

  tree = git (dir, "ls-tree", "-r", "--name-only", "HEAD", NULL);
  g_assert_cmpstr (tree, ==, "docs/meta-issues/ci-flakes/README.md\nsrc/main.c");
  /* No empty trees left behind. */
  g_assert_cmpstr (git (dir, "ls-tree", "--name-only", "HEAD", "docs/meta-issues/", NULL), ==,
                   "docs/meta-issues/ci-flakes");
  status = git (dir, "status", "--porcelain", NULL);
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

  write_file (dir, "docs/meta-issues/first/README.md", "# Meta-Issue: First\n");
  write_file (dir, "docs/meta-issues/first/notes.md", "not chosen\n");

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

  log = git (dir, "log", "--format=%s|%P", "main", NULL);
  g_assert_cmpstr (log, ==, "first: new meta-issue|");
  tree = git (dir, "ls-tree", "-r", "--name-only", "HEAD", NULL);
  g_assert_cmpstr (tree, ==, "docs/meta-issues/first/README.md");
  status = git (dir, "status", "--porcelain", NULL);
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
  const char *main_before = git (dir, "rev-parse", "main", NULL);
  const char *main_after = NULL;
  const char *head = NULL;
  const char *paths[] = { "docs/meta-issues/flaky-ci/README.md", NULL };

  git (dir, "checkout", "-q", "--detach", NULL);
  write_file (dir, "docs/meta-issues/flaky-ci/README.md", "# Meta-Issue: Flaky CI\n\n**Status:** Resolved\n");

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

  head = git (dir, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (head, ==, mi_commit_info_get_id (info));
  main_after = git (dir, "rev-parse", "main", NULL);
  g_assert_cmpstr (main_after, ==, main_before);
  g_assert_cmpstr (git (dir, "rev-parse", "HEAD~1", NULL), ==, main_before);

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

  git (dir, "checkout", "-q", "-b", "other", NULL);
  write_file (dir, "docs/meta-issues/flaky-ci/README.md", "other side\n");
  git (dir, "commit", "-q", "-am", "Other", NULL);
  git (dir, "checkout", "-q", "main", NULL);
  write_file (dir, "docs/meta-issues/flaky-ci/README.md", "this side\n");
  git (dir, "commit", "-q", "-am", "This", NULL);
  g_assert_false (git_ok (dir, "merge", "-q", "other", NULL));
  head = git (dir, "rev-parse", "HEAD", NULL);

  write_file (dir, "docs/meta-issues/api-latency/README.md", "changed\n");
  set = mi_repository_list_changes (repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mi_change_set_get_blocker (set));

  g_assert_null (mi_repository_commit (repository, paths, "Try", NULL, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "merge"));
  g_assert_nonnull (strstr (error->message, "git merge --abort"));

  /* Nothing moved. */
  g_assert_cmpstr (git (dir, "rev-parse", "HEAD", NULL), ==, head);
  g_assert_true (git_ok (dir, "rev-parse", "-q", "--verify", "MERGE_HEAD", NULL));

  mi_test_remove_tree (dir);
}

static void
test_commit_refused_when_locked (void)
{
  g_autofree char *dir = make_repo_with_commit ();
  g_autoptr(MiRepository) repository = open_repository (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *lock = g_build_filename (dir, ".git", "index.lock", NULL);
  const char *head = git (dir, "rev-parse", "HEAD", NULL);
  g_autofree char *lock_text = NULL;
  const char *paths[] = { "docs/meta-issues/api-latency/README.md", NULL };

  write_file (dir, "docs/meta-issues/api-latency/README.md", "changed\n");
  write_file (dir, ".git/index.lock", "someone else's\n");

  g_assert_null (mi_repository_commit (repository, paths, "Try", NULL, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, lock));

  /* The lock is someone else's: it stays, as it was. */
  lock_text = mi_test_read_file (lock, NULL);
  g_assert_cmpstr (lock_text, ==, "someone else's\n");
  g_assert_cmpstr (git (dir, "rev-parse", "HEAD", NULL), ==, head);

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

  write_file (dir, "docs/meta-issues/x/README.md", "# Meta-Issue: X\n");

  set = mi_repository_list_changes (repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (mi_change_set_get_user_name (set));

  g_assert_false (mi_repository_get_identity (repository, &name, &email, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_IDENTITY);
  g_clear_error (&error);

  g_assert_null (mi_repository_commit (repository, paths, "x: new meta-issue", NULL, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_IDENTITY);
  g_clear_error (&error);
  g_assert_false (git_ok (dir, "rev-parse", "-q", "--verify", "HEAD", NULL));

  g_assert_false (mi_repository_set_identity (repository, "", "nobody", &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_IDENTITY);
  g_clear_error (&error);

  g_assert_true (mi_repository_set_identity (repository, "Ada Lovelace", "ada@example.org", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (git (dir, "config", "--local", "user.name", NULL), ==, "Ada Lovelace");
  g_assert_true (mi_repository_get_identity (repository, &name, &email, &error));
  g_assert_cmpstr (email, ==, "ada@example.org");

  info = commit_paths (repository, paths, "x: new meta-issue");
  g_assert_cmpstr (git (dir, "log", "-1", "--format=%an <%ae>|%cn", NULL), ==,
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

  write_file (dir, "docs/meta-issues/api-latency/README.md", "changed\n");
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

  write_file (dir, "docs/meta-issues/flaky-ci/README.md", "# Meta-Issue: Flaky CI\n\n**Status:** Resolved\n");

  mi_repository_list_changes_async (repository, NULL, list_async_cb, &set);
  while (set == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (mi_change_set_get_n_files (set), ==, 1);

  paths = mi_change_set_get_paths (set, TRUE);
  message = mi_change_set_suggest_message (set, TRUE);
  mi_repository_commit_async (repository, (const char * const *) paths, message, NULL, commit_async_cb, &info);
  while (info == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (git (dir, "log", "-1", "--format=%s", NULL), ==, "flaky-ci: resolved");

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

  write_file (dir, readme, "# Meta-Issue: Flaky CI\n\n**Status:** In Progress\n");
  git (dir, "commit", "-q", "-am", "flaky-ci: in progress", NULL);
  write_file (dir, "docs/meta-issues/api-latency/README.md", "elsewhere\n");
  git (dir, "commit", "-q", "-am", "api-latency: elsewhere", NULL);
  git (dir, "-c", "user.name=Grace", "commit", "-q", "--allow-empty", "-m", "empty", NULL);
  write_file (dir, readme, "# Meta-Issue: Flaky CI\n\n**Status:** Resolved\n");

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
  g_autoptr(GError) error = NULL;

  r->top = g_dir_make_tmp ("mi-sync-XXXXXX", &error);
  g_assert_no_error (error);
  r->bare = g_build_filename (r->top, "team.git", NULL);
  r->a = g_build_filename (r->top, "alice", NULL);
  r->b = g_build_filename (r->top, "bob", NULL);
  git (r->top, "init", "-q", "--bare", "-b", "main", r->bare, NULL);
  git (r->top, "clone", "-q", r->bare, r->a, NULL);
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

  write_file (dir, path, text);
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
  g_assert_cmpstr (git (r.bare, "log", "--format=%s", "main", NULL), ==, "x: new meta-issue");
  g_assert_cmpstr (git (r.a, "rev-parse", "--abbrev-ref", "main@{upstream}", NULL), ==, "origin/main");

  git (r.top, "clone", "-q", r.bare, r.b, NULL);
  set_identity (r.b, "Bob");
  bob = open_repository (r.b);

  /* Alice pushes again; Bob committed meanwhile: his push is refused. */
  commit_one (alice, r.a, "docs/meta-issues/x/description.md", "# Description\n", "x: description");
  g_assert_true (mi_repository_push (alice, NULL, &error));
  commit_one (bob, r.b, "docs/meta-issues/x/test-cases.md", "# Test Cases\n", "x: test cases");
  bob_head = git (r.b, "rev-parse", "HEAD", NULL);

  g_assert_false (mi_repository_push (bob, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NON_FAST_FORWARD);
  g_assert_nonnull (strstr (error->message, "Pull first"));
  g_clear_error (&error);
  g_assert_cmpstr (git (r.bare, "log", "-1", "--format=%s", "main", NULL), ==, "x: description");

  /* Bob pulls: no conflict, a merge commit like git's. */
  g_assert_true (mi_repository_pull (bob, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, MI_PULL_MERGED);
  {
    g_autofree char *expected = g_strdup_printf ("Merge branch 'main' of %s", r.bare);

    g_assert_cmpstr (git (r.b, "log", "-1", "--format=%s", NULL), ==, expected);
  }
  g_assert_cmpstr (git (r.b, "rev-parse", "HEAD^1", NULL), ==, bob_head);
  g_assert_cmpstr (git (r.b, "status", "--porcelain", NULL), ==, "");
  text = read_file (r.b, "docs/meta-issues/x/description.md");
  g_assert_cmpstr (text, ==, "# Description\n");
  g_assert_false (git_ok (r.b, "rev-parse", "-q", "--verify", "MERGE_HEAD", NULL));

  /* Sync pushes the merge; Alice's sync fast-forwards, asynchronously. */
  summary = mi_repository_sync (bob, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary, ==, "Sent your commits.");
  g_clear_pointer (&summary, g_free);
  g_assert_cmpstr (git (r.bare, "rev-parse", "main", NULL), ==, git (r.b, "rev-parse", "HEAD", NULL));

  n_progress = 0;
  mi_repository_sync_async (alice, NULL, sync_async_cb, &summary);
  while (summary == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (summary, ==, "Received the remote's new commits.");
  g_assert_cmpuint (n_progress, >, 0);
  g_clear_pointer (&summary, g_free);
  g_assert_cmpstr (git (r.a, "rev-parse", "HEAD", NULL), ==, git (r.b, "rev-parse", "HEAD", NULL));
  g_clear_pointer (&text, g_free);
  text = read_file (r.a, "docs/meta-issues/x/test-cases.md");
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
  git (r.top, "clone", "-q", r.bare, r.b, NULL);
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
  g_assert_true (git_ok (r.b, "rev-parse", "-q", "--verify", "MERGE_HEAD", NULL));
  status = git (r.b, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "UU docs/meta-issues/x/README.md");
  text = read_file (r.b, readme);
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
  git (r.a, "remote", "set-url", "origin", missing, NULL);
  g_assert_false (mi_repository_fetch (alice, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  git (r.a, "remote", "remove", "origin", NULL);
  g_assert_false (mi_repository_push (alice, NULL, &error));
  g_assert_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_UPSTREAM);
  g_clear_error (&error);

  git (r.a, "checkout", "-q", "--detach", NULL);
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
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = NULL;
  int result;

  /* No user or system configuration: before libgit2 reads any. */
  home = g_dir_make_tmp ("mi-home-XXXXXX", &error);
  g_assert_no_error (error);
  xdg = g_build_filename (home, ".config", NULL);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", xdg, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_setenv ("GIT_TERMINAL_PROMPT", "0", TRUE);
  g_unsetenv ("GIT_AUTHOR_NAME");
  g_unsetenv ("GIT_AUTHOR_EMAIL");
  g_unsetenv ("GIT_COMMITTER_NAME");
  g_unsetenv ("GIT_COMMITTER_EMAIL");
  g_unsetenv ("EMAIL");
  git_libgit2_init ();
  git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, home);
  git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, home);
  git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, xdg);

  g_test_init (&argc, &argv, NULL);
  outputs = g_ptr_array_new_with_free_func (g_free);

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
  g_ptr_array_unref (outputs);

  mi_test_remove_tree (home);
  g_free (home);
  git_libgit2_shutdown ();
  return result;
}
