/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "mi-cli-test-util.h"

/*
 * meta-issues-cli's edits (new, attempt, status, record, log) as a user
 * runs them, on copies of the example in a temporary folder: their output,
 * their exit status and the bytes of the files they leave behind.
 */

/* Tests: editing */

static void
test_new (Workspace     *ws,
          gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *readme = NULL;
  const char *files[] = { "README.md", "description.md", "implementation-log.md", "test-cases.md" };

  run_cli (&run, ws->root, "new", "Slow Startup", "--date", "2025-01-02", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "docs/meta-issues/slow-startup\n");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename ("docs/meta-issues/slow-startup", files[i], NULL);

      g_assert_true (file_exists (ws->root, path));
    }

  readme = mi_test_read_text (ws->root, "docs/meta-issues/slow-startup/README.md");
  g_assert_nonnull (strstr (readme, "Slow Startup"));
  g_assert_nonnull (strstr (readme, "2025-01-02"));
  g_assert_cmpuint (find_line (readme, "**Status:** Open"), >, 0);

  /* The new issue is listed, and it passes its own check. */
  run_cli (&run, ws->root, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (has_line (run.out, "slow-startup\topen\t0\tSlow Startup"));

  run_cli (&run, ws->root, "check", "slow-startup", NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  /* --slug, from a subfolder: the path printed is relative to the cwd. */
  {
    g_autofree char *subfolder = g_build_filename (ws->root, "docs", NULL);

    run_cli (&run, subfolder, "new", "Memory Growth", "--slug", "memory", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "meta-issues/memory\n");
    g_assert_true (file_exists (ws->root, "docs/meta-issues/memory/README.md"));
  }

  /* Twice is refused, and changes nothing. */
  {
    g_autoptr(GHashTable) before = mi_test_read_tree (ws->root);
    g_autoptr(GHashTable) after = NULL;

    run_cli (&run, ws->root, "new", "Slow Startup", NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_error_output (&run);
    after = mi_test_read_tree (ws->root);
    mi_test_assert_same_tree (before, after);
  }
}

static void
test_attempt (Workspace     *ws,
              gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *readme = NULL;
  g_autofree char *approach = NULL;
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  guint row_003;
  guint row_004;

  run_cli (&run, ws->root, "attempt", EXAMPLE_SLUG, "Read Replicas",
           "--hypothesis", "Reads compete with writes", "--date", "2024-10-20", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, EXAMPLE_DIR "/attempts/004-read-replicas\n");

  g_assert_true (file_exists (ws->root, EXAMPLE_DIR "/attempts/004-read-replicas/solution-approach.md"));
  g_assert_true (file_exists (ws->root, EXAMPLE_DIR "/attempts/004-read-replicas/attempt-results.md"));

  approach = mi_test_read_text (ws->root, EXAMPLE_DIR "/attempts/004-read-replicas/solution-approach.md");
  g_assert_true (has_line (approach, "# Attempt 004: Read Replicas"));
  g_assert_nonnull (strstr (approach, "Reads compete with writes"));

  /* A timeline row after the row of attempt 003. */
  readme = mi_test_read_text (ws->root, EXAMPLE_DIR "/README.md");
  row_003 = find_line (readme, "| [003]");
  row_004 = find_line (readme, "| [004]");
  g_assert_cmpuint (row_003, >, 0);
  g_assert_cmpuint (row_004, ==, row_003 + 1);
  lines = split_lines (readme);
  g_assert_nonnull (strstr (lines[row_004 - 1], "Read Replicas"));
  g_assert_nonnull (strstr (lines[row_004 - 1], "2024-10-20"));

  log = mi_test_read_text (ws->root, EXAMPLE_DIR "/implementation-log.md");
  g_assert_true (has_line (log, "## Attempt 004: Read Replicas"));

  /* The model sees it. */
  run_cli (&run, ws->root, "list", NULL);
  g_assert_true (g_str_has_prefix (run.out, EXAMPLE_SLUG "\tin-progress\t4\t"));
}

static void
test_status (Workspace     *ws,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *original = mi_test_read_text (ws->root, EXAMPLE_DIR "/README.md");
  g_autoptr(GHashTable) before = mi_test_read_tree (ws->root);
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *readme = NULL;
  g_auto(GStrv) old_lines = split_lines (original);
  g_auto(GStrv) new_lines = NULL;
  guint status_line = find_line (original, "**Status:**");

  g_assert_cmpuint (status_line, >, 0);

  run_cli (&run, ws->root, "status", EXAMPLE_SLUG, "in-progress", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* README: the Status line changed, every other byte kept. */
  readme = mi_test_read_text (ws->root, EXAMPLE_DIR "/README.md");
  new_lines = split_lines (readme);
  g_assert_cmpuint (g_strv_length (new_lines), ==, g_strv_length (old_lines));
  for (guint i = 0; old_lines[i] != NULL; i++)
    {
      if (i + 1 == status_line)
        {
          g_assert_true (g_str_has_prefix (new_lines[i], "**Status:** In Progress"));
          g_assert_null (strstr (new_lines[i], "Resolved"));
        }
      else
        g_assert_cmpstr (new_lines[i], ==, old_lines[i]);
    }
  g_assert_cmpuint (strlen (readme), ==,
                    strlen (original) - strlen (old_lines[status_line - 1]) + strlen (new_lines[status_line - 1]));

  /* The other files are untouched. */
  after = mi_test_read_tree (ws->root);
  g_hash_table_remove (after, EXAMPLE_DIR "/README.md");
  g_hash_table_remove (before, EXAMPLE_DIR "/README.md");
  mi_test_assert_same_tree (before, after);

  run_cli (&run, ws->root, "show", EXAMPLE_SLUG, "--json", NULL);
  g_assert_nonnull (strstr (run.out, "\"status\" : \"in-progress\""));

  /* Back to resolved, naming the attempt. */
  run_cli (&run, ws->root, "status", EXAMPLE_SLUG, "Resolved", "--attempt", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&readme, g_free);
  readme = mi_test_read_text (ws->root, EXAMPLE_DIR "/README.md");
  g_clear_pointer (&new_lines, g_strfreev);
  new_lines = split_lines (readme);
  g_assert_true (g_str_has_prefix (new_lines[status_line - 1], "**Status:** Resolved (Attempt 003)"));
  for (guint i = 0; old_lines[i] != NULL; i++)
    {
      if (i + 1 != status_line)
        g_assert_cmpstr (new_lines[i], ==, old_lines[i]);
    }
}

static void
test_record (Workspace     *ws,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *test_cases = NULL;
  g_autofree char *original = mi_test_read_text (ws->root, EXAMPLE_DIR "/test-cases.md");
  g_autoptr(JsonNode) root = NULL;
  JsonArray *results;

  run_cli (&run, ws->root, "attempt", EXAMPLE_SLUG, "Read Replicas", "--date", "2024-10-20", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The verdict judged against the criterion: 350ms < 1,000ms. */
  run_cli (&run, ws->root, "record", EXAMPLE_SLUG, "TC-001", "4", "350ms", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* Against the test case's own target: 600MB is not < 512MB. */
  run_cli (&run, ws->root, "record", EXAMPLE_SLUG, "TC-002", "004", "600MB", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* Written by hand. */
  run_cli (&run, ws->root, "record", EXAMPLE_SLUG, "TC-003", "4", "30%", "--fail", NULL);
  g_assert_cmpint (run.status, ==, 0);

  test_cases = mi_test_read_text (ws->root, EXAMPLE_DIR "/test-cases.md");
  g_assert_true (has_line (test_cases, "- Attempt 004: 350ms (PASS)"));
  g_assert_true (has_line (test_cases, "- Attempt 004: 600MB (FAIL)"));
  g_assert_true (has_line (test_cases, "- Attempt 004: 30% (FAIL)"));
  g_assert_cmpuint (find_line (test_cases, "- Attempt 004: 350ms"), ==,
                    find_line (original, "- Attempt 003: 380ms") + 1);

  run_cli (&run, ws->root, "show", EXAMPLE_SLUG, "--json", NULL);
  root = parse_json (run.out);
  results = json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "test_cases"), 0), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 3), "verdict"), ==, "pass");

  /* Again for attempt 004: refused, naming the line, nothing written. */
  {
    g_autofree char *kept = mi_test_read_text (ws->root, EXAMPLE_DIR "/test-cases.md");
    g_autofree char *now = NULL;

    run_cli (&run, ws->root, "record", EXAMPLE_SLUG, "TC-001", "4", "290ms", NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_error_output (&run);
    g_assert_nonnull (strstr (run.err, "Attempt 004: 350ms (PASS)"));
    g_assert_nonnull (strstr (run.err, "--replace"));

    /* Another kind than the target: refused too. */
    run_cli (&run, ws->root, "record", EXAMPLE_SLUG, "TC-002", "4", "9.2 min", "--replace", NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_error_output (&run);
    g_assert_nonnull (strstr (run.err, "--force"));

    now = mi_test_read_text (ws->root, EXAMPLE_DIR "/test-cases.md");
    g_assert_cmpstr (now, ==, kept);
  }

  /* With --replace, the line is rewritten; with --force, written as given. */
  run_cli (&run, ws->root, "record", EXAMPLE_SLUG, "TC-001", "4", "290ms", "--replace", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, ws->root, "record", EXAMPLE_SLUG, "TC-002", "4", "9.2 min", "--replace", "--force", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&test_cases, g_free);
  test_cases = mi_test_read_text (ws->root, EXAMPLE_DIR "/test-cases.md");
  g_assert_true (has_line (test_cases, "- Attempt 004: 290ms (PASS)"));
  g_assert_false (has_line (test_cases, "- Attempt 004: 350ms (PASS)"));
  g_assert_true (has_line (test_cases, "- Attempt 004: 9.2 min"));
}

static void
test_log (Workspace     *ws,
          gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *original = mi_test_read_text (ws->root, EXAMPLE_DIR "/implementation-log.md");
  g_autofree char *log = NULL;

  run_cli (&run, ws->root, "log", EXAMPLE_SLUG, "Two weeks in production: p95 stable at 420ms.",
           "--date", "2024-10-26", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  log = mi_test_read_text (ws->root, EXAMPLE_DIR "/implementation-log.md");
  g_assert_true (has_line (log, "**2024-10-26:** Two weeks in production: p95 stable at 420ms."));
  /* What was there is kept: every line of the original is still there, in order. */
  g_assert_true (g_str_has_prefix (log, "# Implementation Log\n"));
  g_assert_cmpuint (strlen (log), >, strlen (original));

  run_cli (&run, ws->root, "show", EXAMPLE_SLUG, "--json", NULL);
  g_assert_nonnull (strstr (run.out, "Two weeks in production"));
}

int
main (int    argc,
      char **argv)
{
  if (!mi_cli_test_init (&argc, &argv))
    return 0;

  MI_CLI_TEST_ADD ("/cli/new", "example", test_new);
  MI_CLI_TEST_ADD ("/cli/attempt", "example", test_attempt);
  MI_CLI_TEST_ADD ("/cli/status", "example", test_status);
  MI_CLI_TEST_ADD ("/cli/record", "example", test_record);
  MI_CLI_TEST_ADD ("/cli/log", "example", test_log);

  return g_test_run ();
}
