/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * The same action writes the same bytes: each structured edit the CLI
 * offers runs through meta-issues-cli on one copy of the example, and
 * through the core calls the app makes (the _async ones) on another; after
 * each, the two trees hold the same files with the same bytes.
 */

#define SLUG "example-performance-saga"

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static GAsyncResult *
wait_result (Wait *wait)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
  return wait->result;
}

static void
run_cli (const char  *root,
         const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MI_CLI"));
  g_ptr_array_add (argv, "-C");
  g_ptr_array_add (argv, (gpointer) root);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("meta-issues-cli %s failed: %s", args[0], err);
}

static void
assert_same_trees (const char *cli_root,
                   const char *app_root,
                   const char *action)
{
  g_autoptr(GHashTable) cli = mi_test_read_tree (cli_root);
  g_autoptr(GHashTable) app = mi_test_read_tree (app_root);
  GHashTableIter iter;
  gpointer path, bytes;

  g_hash_table_iter_init (&iter, cli);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      GBytes *other = g_hash_table_lookup (app, path);

      if (other == NULL)
        g_error ("%s: the CLI wrote %s, the app did not", action, (const char *) path);
      if (!g_bytes_equal (bytes, other))
        g_error ("%s: %s differs between the CLI and the app", action, (const char *) path);
    }
  g_assert_cmpuint (g_hash_table_size (cli), ==, g_hash_table_size (app));
}

static void
test_same_bytes (void)
{
  g_autofree char *source = mi_test_source_path ("resources", "example", NULL);
  g_autofree char *cli_root = mi_test_copy_tree (source);
  g_autofree char *app_root = mi_test_copy_tree (source);
  g_autoptr(GFile) root = g_file_new_for_path (app_root);
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  MiIssue *issue;

  workspace = mi_workspace_open (root, NULL, &error);
  g_assert_no_error (error);
  issue = mi_workspace_find_issue (workspace, SLUG);
  g_assert_nonnull (issue);
  assert_same_trees (cli_root, app_root, "the copies");

  {
    const char *args[] = { "attempt", SLUG, "Read replicas", "--hypothesis", "Reads dominate", "--date", "2024-11-02", NULL };
    Wait wait = { 0 };

    run_cli (cli_root, args);
    mi_issue_add_attempt_async (issue, "Read replicas", "Reads dominate", "2024-11-02", NULL, done_cb, &wait);
    g_assert_nonnull (mi_issue_add_attempt_finish (issue, wait_result (&wait), &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    assert_same_trees (cli_root, app_root, "attempt");
  }

  {
    const char *args[] = { "record", SLUG, "TC-001", "4", "290ms", NULL };
    Wait wait = { 0 };

    run_cli (cli_root, args);
    mi_issue_record_result_async (issue, "TC-001", 4, "290ms", MI_VERDICT_UNKNOWN, MI_RECORD_NONE, NULL, done_cb, &wait);
    g_assert_true (mi_issue_record_result_finish (issue, wait_result (&wait), &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    assert_same_trees (cli_root, app_root, "record");
  }

  {
    const char *args[] = { "record", SLUG, "TC-002", "4", "300MB", "--fail", NULL };
    Wait wait = { 0 };

    run_cli (cli_root, args);
    mi_issue_record_result_async (issue, "TC-002", 4, "300MB", MI_VERDICT_FAIL, MI_RECORD_NONE, NULL, done_cb, &wait);
    g_assert_true (mi_issue_record_result_finish (issue, wait_result (&wait), &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    assert_same_trees (cli_root, app_root, "record --fail");
  }

  /* A status with no attempt named: the same default in both. */
  {
    const char *args[] = { "status", SLUG, "in-progress", NULL };
    Wait wait = { 0 };

    run_cli (cli_root, args);
    mi_issue_set_status_async (issue, MI_STATUS_IN_PROGRESS, 0, NULL, done_cb, &wait);
    g_assert_true (mi_issue_set_status_finish (issue, wait_result (&wait), &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    assert_same_trees (cli_root, app_root, "status");
  }

  {
    const char *args[] = { "status", SLUG, "resolved", "--attempt", "4", NULL };
    Wait wait = { 0 };

    run_cli (cli_root, args);
    mi_issue_set_status_async (issue, MI_STATUS_RESOLVED, 4, NULL, done_cb, &wait);
    g_assert_true (mi_issue_set_status_finish (issue, wait_result (&wait), &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    assert_same_trees (cli_root, app_root, "status --attempt");
  }

  {
    const char *args[] = { "log", SLUG, "Replicas hold under load", "--date", "2024-11-05", NULL };
    Wait wait = { 0 };

    run_cli (cli_root, args);
    mi_issue_add_log_entry_async (issue, "Replicas hold under load", "2024-11-05", 0, NULL, done_cb, &wait);
    g_assert_true (mi_issue_add_log_entry_finish (issue, wait_result (&wait), &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    assert_same_trees (cli_root, app_root, "log");
  }

  {
    const char *args[] = { "log", SLUG, "The old report, found again", "--attempt", "1", "--date", "2024-11-06", NULL };
    Wait wait = { 0 };

    run_cli (cli_root, args);
    mi_issue_add_log_entry_async (issue, "The old report, found again", "2024-11-06", 1, NULL, done_cb, &wait);
    g_assert_true (mi_issue_add_log_entry_finish (issue, wait_result (&wait), &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    assert_same_trees (cli_root, app_root, "log --attempt");
  }

  {
    const char *args[] = { "criterion", SLUG, "p99 latency", "< 2 s", NULL };
    Wait wait = { 0 };

    run_cli (cli_root, args);
    mi_issue_add_criterion_async (issue, "p99 latency", "< 2 s", NULL, done_cb, &wait);
    g_assert_true (mi_issue_add_criterion_finish (issue, wait_result (&wait), &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    assert_same_trees (cli_root, app_root, "criterion");
  }

  {
    const char *args[] = { "test-case", SLUG, "Error Rate Under Load", "--target", "< 1%",
                           "--procedure", "Same scenario as TC-001.", NULL };
    g_autofree char *id = NULL;
    Wait wait = { 0 };

    run_cli (cli_root, args);
    mi_issue_add_test_case_async (issue, "Error Rate Under Load", "< 1%", "Same scenario as TC-001.",
                                  NULL, done_cb, &wait);
    id = mi_issue_add_test_case_finish (issue, wait_result (&wait), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (id, ==, "TC-004");
    g_clear_object (&wait.result);
    assert_same_trees (cli_root, app_root, "test-case");
  }

  {
    const char *args[] = { "new", "Flaky Login Tests", "--date", "2025-01-15", NULL };
    Wait wait = { 0 };

    run_cli (cli_root, args);
    mi_workspace_create_issue_async (workspace, "Flaky Login Tests", NULL, "2025-01-15", NULL, done_cb, &wait);
    g_assert_nonnull (mi_workspace_create_issue_finish (workspace, wait_result (&wait), &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    assert_same_trees (cli_root, app_root, "new");
  }

  g_clear_object (&workspace);
  mi_test_remove_tree (cli_root);
  mi_test_remove_tree (app_root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/same-bytes", test_same_bytes);

  return g_test_run ();
}
