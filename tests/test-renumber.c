/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "meta-issues.h"
#include "mi-test-libgit2.h"
#include "mi-test-util.h"

/*
 * Two people each add "the next attempt" to the same meta-issue and record
 * its result; one pulls the other's work. The merge (the team merges these
 * markdown files line-wise, `merge=union`) leaves two attempts 002. `check`
 * reports it; mi_issue_renumber_attempt() moves the later folder to 003 and
 * rewrites exactly its row, its log heading, its result and its own
 * headings: the files are compared byte for byte (the log as the line-wise
 * merge left it, shared lines once), then `check` is clean.
 */

static void
assert_file (const char *root,
             const char *path,
             const char *expected)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  g_autofree char *text = mi_test_read_file (full, NULL);

  g_assert_nonnull (text);
  if (g_strcmp0 (text, expected) != 0)
    g_test_message ("%s is:\n%s", path, text);
  g_assert_cmpstr (text, ==, expected);
}

#define ISSUE "docs/meta-issues/api-latency/"

static const char *base_readme =
  "# Meta-Issue: API latency\n"
  "\n"
  "**Created:** 2024-09-01\n"
  "**Status:** In Progress (Attempt 001)\n"
  "**Total Attempts:** 1\n"
  "\n"
  "## Timeline Summary\n"
  "\n"
  "| Attempt | Date | Approach | Result |\n"
  "|---------|------|----------|--------|\n"
  "| [001](./attempts/001-baseline/) | 2024-09-01 | Baseline | ❌ Failed |\n"
  "\n"
  "## Notes\n"
  "\n"
  "Attempt 002 will be chosen by the team.\n";

static const char *base_log =
  "# Implementation Log\n"
  "\n"
  "## Attempt 001: Baseline\n"
  "\n"
  "**Date:** 2024-09-01\n"
  "**Result:** ❌ Failed\n";

/* A macro: the merged file is expected as it, and two lines more. */
#define BASE_TESTS \
  "# Test Cases\n" \
  "\n" \
  "## Success Criteria\n" \
  "\n" \
  "- Response time: < 1,000ms\n" \
  "\n" \
  "## TC-001: Response time\n" \
  "\n" \
  "**Results:**\n" \
  "- Attempt 001: 5,100ms (FAIL)\n"

static void
add_attempt (const char *dir,
             const char *title,
             const char *date,
             const char *value)
{
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(MiWorkspace) workspace = mi_workspace_open (root, NULL, &error);
  MiIssue *issue;
  MiAttempt *attempt;

  g_assert_no_error (error);
  issue = mi_workspace_find_issue (workspace, "api-latency");
  g_assert_nonnull (issue);
  attempt = mi_issue_add_attempt (issue, title, NULL, date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mi_attempt_get_number (attempt), ==, 2);
  g_assert_true (mi_issue_record_result (issue, "TC-001", 2, value, MI_VERDICT_PASS, MI_RECORD_NONE, &error));
  g_assert_no_error (error);
}

static void
commit_all (const char *dir,
            const char *message)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(MiRepository) repository = mi_repository_open (folder, &error);
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(MiCommitInfo) info = NULL;
  g_auto(GStrv) paths = NULL;

  g_assert_no_error (error);
  set = mi_repository_list_changes (repository, NULL, &error);
  g_assert_no_error (error);
  paths = mi_change_set_get_paths (set, FALSE);
  info = mi_repository_commit (repository, (const char * const *) paths, message, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* @data: TRUE for the app's way (on a worker), FALSE for the CLI's. */
static void
test_renumber_after_merge (gconstpointer data)
{
  gboolean use_async = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *top = mi_test_make_tmp (NULL, "mi-renumber");
  g_autofree char *bare = g_build_filename (top, "team.git", NULL);
  g_autofree char *alice = g_build_filename (top, "alice", NULL);
  g_autofree char *bob = g_build_filename (top, "bob", NULL);
  g_autoptr(GFile) bob_root = NULL;
  g_autoptr(GFile) bob_folder = NULL;
  g_autoptr(MiRepository) bob_repository = NULL;
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MiChangeSet) set = NULL;
  g_autofree char *message = NULL;
  g_autofree char *duplicate_path = NULL;
  MiPullResult pulled;
  MiAttempt *duplicate;
  MiIssue *issue;
  guint number;

  mi_test_git (top, "init", "-q", "--bare", "-b", "main", bare, NULL);
  mi_test_git (top, "clone", "-q", bare, alice, NULL);
  mi_test_git (alice, "config", "user.name", "Alice", NULL);
  mi_test_git (alice, "config", "user.email", "alice@example.org", NULL);
  mi_test_write_text (alice, ".gitattributes", "*.md merge=union\n");
  mi_test_write_text (alice, ISSUE "README.md", base_readme);
  mi_test_write_text (alice, ISSUE "implementation-log.md", base_log);
  mi_test_write_text (alice, ISSUE "test-cases.md", BASE_TESTS);
  mi_test_write_text (alice, ISSUE "attempts/001-baseline/solution-approach.md", "# Attempt 001: Baseline\n");
  mi_test_write_text (alice, ISSUE "attempts/001-baseline/attempt-results.md", "# Attempt 001 Results\n");
  mi_test_git (alice, "add", "-A", NULL);
  mi_test_git (alice, "commit", "-q", "-m", "api-latency: new meta-issue", NULL);
  mi_test_git (alice, "push", "-q", "origin", "main", NULL);

  mi_test_git (top, "clone", "-q", bare, bob, NULL);
  mi_test_git (bob, "config", "user.name", "Bob", NULL);
  mi_test_git (bob, "config", "user.email", "bob@example.org", NULL);

  /* Both add attempt 002 and its result; Alice pushes first. */
  add_attempt (alice, "Connection pooling", "2024-10-01", "380ms");
  commit_all (alice, "api-latency: add attempt 002 (connection pooling)");
  mi_test_git (alice, "push", "-q", "origin", "main", NULL);

  add_attempt (bob, "Query cache", "2024-10-02", "450ms");
  commit_all (bob, "api-latency: add attempt 002 (query cache)");

  bob_root = g_file_new_for_path (bob);
  bob_repository = mi_repository_open (bob_root, &error);
  g_assert_no_error (error);
  g_assert_true (mi_repository_pull (bob_repository, &pulled, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pulled, ==, MI_PULL_MERGED);

  /* check sees the duplicate. */
  workspace = mi_workspace_open (bob_root, NULL, &error);
  g_assert_no_error (error);
  issue = mi_workspace_find_issue (workspace, "api-latency");
  problems = mi_check_issue (workspace, issue);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((MiProblem *) problems->pdata[0])->path, ==, ISSUE "attempts/002-query-cache");
  g_assert_nonnull (strstr (((MiProblem *) problems->pdata[0])->message, "renumber"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  duplicate = mi_issue_find_duplicate_attempt (issue);
  g_assert_nonnull (duplicate);
  bob_folder = g_object_ref (mi_attempt_get_folder (duplicate));
  duplicate_path = g_file_get_path (bob_folder);
  g_assert_true (g_str_has_suffix (duplicate_path, "/attempts/002-query-cache"));

  if (use_async)
    {
      GAsyncResult *result = NULL;

      mi_issue_renumber_attempt_async (issue, bob_folder, NULL, mi_test_store_result_cb, &result);
      mi_test_wait_result (&result);
      number = mi_issue_renumber_attempt_finish (issue, result, &error);
      g_object_unref (result);
    }
  else
    number = mi_issue_renumber_attempt (issue, bob_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 3);

  /* The files, byte for byte. */
  assert_file (bob, ISSUE "README.md",
               "# Meta-Issue: API latency\n"
               "\n"
               "**Created:** 2024-09-01\n"
               "**Status:** In Progress (Attempt 002)\n"
               "**Total Attempts:** 3\n"
               "\n"
               "## Timeline Summary\n"
               "\n"
               "| Attempt | Date | Approach | Result |\n"
               "|---------|------|----------|--------|\n"
               "| [001](./attempts/001-baseline/) | 2024-09-01 | Baseline | ❌ Failed |\n"
               "| [003](./attempts/003-query-cache/) | 2024-10-02 | Query cache | 🔄 In Progress |\n"
               "| [002](./attempts/002-connection-pooling/) | 2024-10-01 | Connection pooling | 🔄 In Progress |\n"
               "\n"
               "## Notes\n"
               "\n"
               "Attempt 002 will be chosen by the team.\n");
  assert_file (bob, ISSUE "implementation-log.md",
               "# Implementation Log\n"
               "\n"
               "## Attempt 001: Baseline\n"
               "\n"
               "**Date:** 2024-09-01\n"
               "**Result:** ❌ Failed\n"
               "\n"
               "## Attempt 003: Query cache\n"
               "\n"
               "**Date:** 2024-10-02\n"
               "## Attempt 002: Connection pooling\n"
               "\n"
               "**Date:** 2024-10-01\n"
               "**Result:** 🔄 In Progress\n");
  assert_file (bob, ISSUE "test-cases.md",
               BASE_TESTS
               "- Attempt 003: 450ms (PASS)\n"
               "- Attempt 002: 380ms (PASS)\n");
  {
    g_autofree char *old_folder = g_build_filename (bob, ISSUE "attempts/002-query-cache", NULL);
    g_autofree char *other = g_build_filename (bob, ISSUE "attempts/002-connection-pooling/attempt-results.md", NULL);
    g_autofree char *approach = NULL;
    g_autofree char *results = NULL;
    g_autofree char *first_line = NULL;

    g_assert_false (g_file_test (old_folder, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
    approach = g_build_filename (bob, ISSUE "attempts/003-query-cache/solution-approach.md", NULL);
    results = g_build_filename (bob, ISSUE "attempts/003-query-cache/attempt-results.md", NULL);
    g_free (first_line);
    first_line = mi_test_read_file (approach, NULL);
    g_assert_true (g_str_has_prefix (first_line, "# Attempt 003: Query cache\n"));
    g_free (first_line);
    first_line = mi_test_read_file (results, NULL);
    g_assert_true (g_str_has_prefix (first_line, "# Attempt 003 Results\n"));
  }

  /* Nothing left to report. */
  problems = mi_check_issue (workspace, issue);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((MiProblem *) problems->pdata[i])->message);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (mi_issue_get_attempts (issue)), ==, 3);

  /* The commit dialog shows the move as renames, and suggests a message. */
  set = mi_repository_list_changes (bob_repository, NULL, &error);
  g_assert_no_error (error);
  message = mi_change_set_suggest_message (set, FALSE);
  g_assert_cmpstr (message, ==, "api-latency: renumber attempt 002 (query cache) to 003");
  g_assert_cmpint (mi_changed_file_get_change (mi_change_set_find_file (set, ISSUE "attempts/003-query-cache/solution-approach.md")),
                   ==, MI_FILE_CHANGE_RENAMED);

  mi_test_remove_tree (top);
}

static void
test_renumber_not_an_attempt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = mi_test_make_tmp (NULL, "mi-renumber");
  g_autoptr(GFile) root = g_file_new_for_path (top);
  g_autoptr(GFile) elsewhere = NULL;
  g_autoptr(MiWorkspace) workspace = NULL;
  MiIssue *issue;

  mi_test_write_text (top, ISSUE "README.md", base_readme);
  mi_test_write_text (top, ISSUE "attempts/001-baseline/solution-approach.md", "# Attempt 001: Baseline\n");
  workspace = mi_workspace_open (root, NULL, &error);
  g_assert_no_error (error);
  issue = mi_workspace_find_issue (workspace, "api-latency");
  g_assert_null (mi_issue_find_duplicate_attempt (issue));

  elsewhere = g_file_get_child (root, "docs");
  g_assert_cmpuint (mi_issue_renumber_attempt (issue, elsewhere, &error), ==, 0);
  g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_NOT_FOUND);

  mi_test_remove_tree (top);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = mi_test_make_tmp (NULL, "mi-home");
  int result;

  mi_test_libgit2_init (home);
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/renumber/after-merge", GINT_TO_POINTER (FALSE), test_renumber_after_merge);
  g_test_add_data_func ("/renumber/after-merge/async", GINT_TO_POINTER (TRUE), test_renumber_after_merge);
  g_test_add_func ("/renumber/not-an-attempt", test_renumber_not_an_attempt);

  result = g_test_run ();

  mi_test_remove_tree (home);
  mi_test_libgit2_shutdown ();
  return result;
}
