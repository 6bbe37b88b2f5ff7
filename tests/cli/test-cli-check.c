/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mi-cli-test-util.h"

/*
 * meta-issues-cli check as a user runs it, on copies of the example, broken
 * on purpose, in a temporary folder: the problems it reports, one
 * "path:line: message" line each; and the commands on copies of the parser's
 * fixtures (tests/fixtures): listed, shown, checked and edited.
 */

/* Tests: check */

static void
test_check_example (Workspace     *ws,
                    gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, ws->root, "check", NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, ws->root, "check", EXAMPLE_SLUG, NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);
}

static void
assert_problem_lines (const char *out)
{
  g_auto(GStrv) lines = split_lines (out);
  g_autoptr(GRegex) regex = g_regex_new ("^[^:]+(:[1-9][0-9]*)?: .+$", 0, 0, NULL);

  g_assert_cmpuint (g_strv_length (lines), >, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_regex_match (regex, lines[i], 0, NULL))
        g_error ("not a “path:line: message” line: %s", lines[i]);
      /* Sorted by path. */
      if (i > 0)
        {
          g_autofree char *path = g_strndup (lines[i], strcspn (lines[i], ":"));
          g_autofree char *prev = g_strndup (lines[i - 1], strcspn (lines[i - 1], ":"));

          g_assert_cmpint (strcmp (prev, path), <=, 0);
        }
    }
}

static void
test_check_broken (Workspace     *ws,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *readme = mi_test_read_text (ws->root, EXAMPLE_DIR "/README.md");
  g_autofree char *folder_002 = g_build_filename (ws->root, EXAMPLE_DIR, "attempts", "002-query-optimization", NULL);
  g_autofree char *folder_003 = g_build_filename (ws->root, EXAMPLE_DIR, "attempts", "003-connection-pooling", NULL);
  g_autofree char *folder_dup = g_build_filename (ws->root, EXAMPLE_DIR, "attempts", "003-pooling-again", NULL);
  g_autofree char *expected_row = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  guint row_002 = find_line (readme, "| [002]");

  g_assert_cmpuint (row_002, >, 0);

  mi_test_remove_tree (folder_002);
  mi_test_copy_dir (folder_003, folder_dup);
  before = mi_test_read_tree (ws->root);

  run_cli (&run, ws->root, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  assert_problem_lines (run.out);

  /* The timeline row of the deleted folder, with its line. */
  expected_row = g_strdup_printf (EXAMPLE_DIR "/README.md:%u: ", row_002);
  g_assert_cmpuint (find_line (run.out, expected_row), >, 0);
  /* The duplicate folder. */
  g_assert_cmpuint (find_line (run.out, EXAMPLE_DIR "/attempts/003-pooling-again: "), >, 0);

  /* The same with the slug; check writes nothing. */
  {
    g_autofree char *all = g_strdup (run.out);

    run_cli (&run, ws->root, "check", EXAMPLE_SLUG, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, all);
  }

  after = mi_test_read_tree (ws->root);
  mi_test_assert_same_tree (before, after);
}

static void
test_check_more (Workspace     *ws,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *test_cases = mi_test_read_text (ws->root, EXAMPLE_DIR "/test-cases.md");
  g_autofree char *readme = mi_test_read_text (ws->root, EXAMPLE_DIR "/README.md");
  g_autofree char *broken = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) edited = NULL;
  guint result_line;
  guint criterion_line;
  guint total_line;

  /* A result for attempt 007, an unparsable result, an unparsable criterion. */
  edited = g_string_new (test_cases);
  g_string_replace (edited, "- Attempt 003: 25% (PASS) ✅", "- Attempt 003: 25% (PASS) ✅\n- Attempt 007: 20% (PASS)", 1);
  g_string_replace (edited, "- Attempt 002: 3.9GB (FAIL)", "- Attempt 002: lots (FAIL)", 1);
  g_string_replace (edited, "- Error rate: < 1%", "- Error rate: very low", 1);
  mi_test_write_text (ws->root, EXAMPLE_DIR "/test-cases.md", edited->str);
  result_line = find_line (edited->str, "- Attempt 007:");
  criterion_line = find_line (edited->str, "- Error rate:");

  /* A wrong count of attempts. */
  g_string_assign (edited, readme);
  g_string_replace (edited, "**Total Attempts:** 3", "**Total Attempts:** 5", 1);
  mi_test_write_text (ws->root, EXAMPLE_DIR "/README.md", edited->str);
  total_line = find_line (edited->str, "**Total Attempts:**");

  /* A missing file. */
  broken = g_build_filename (ws->root, EXAMPLE_DIR, "attempts", "001-baseline", "attempt-results.md", NULL);
  g_assert_cmpint (g_unlink (broken), ==, 0);

  run_cli (&run, ws->root, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_problem_lines (run.out);

  expected = g_strdup_printf (EXAMPLE_DIR "/test-cases.md:%u: ", result_line);
  g_assert_cmpuint (find_line (run.out, expected), >, 0);
  g_free (expected);
  expected = g_strdup_printf (EXAMPLE_DIR "/test-cases.md:%u: ", criterion_line);
  g_assert_cmpuint (find_line (run.out, expected), >, 0);
  g_free (expected);
  expected = g_strdup_printf (EXAMPLE_DIR "/README.md:%u: ", total_line);
  g_assert_cmpuint (find_line (run.out, expected), >, 0);
  g_assert_nonnull (strstr (run.out, "lots"));
  g_assert_cmpuint (find_line (run.out, EXAMPLE_DIR "/attempts/001-baseline: "), >, 0);
  g_assert_nonnull (strstr (run.out, "attempt-results.md"));
}

static void
test_check_gap (Workspace     *ws,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *readme = mi_test_read_text (ws->root, EXAMPLE_DIR "/README.md");
  g_autofree char *folder_003 = g_build_filename (ws->root, EXAMPLE_DIR, "attempts", "003-connection-pooling", NULL);
  g_autofree char *folder_005 = g_build_filename (ws->root, EXAMPLE_DIR, "attempts", "005-later", NULL);
  g_autoptr(GString) edited = g_string_new (readme);
  guint status_line = find_line (readme, "**Status:**");
  g_autofree char *expected = NULL;

  /* Attempt 005 with a folder and no row, no attempt 004 anywhere, and a
   * Resolved status while 003 (the only success) is now "failed". */
  mi_test_copy_dir (folder_003, folder_005);
  g_string_replace (edited, "| ✅ Success (met all targets) |", "| ❌ Failed |", 1);
  mi_test_write_text (ws->root, EXAMPLE_DIR "/README.md", edited->str);
  {
    g_autofree char *log = mi_test_read_text (ws->root, EXAMPLE_DIR "/implementation-log.md");
    g_autoptr(GString) edited_log = g_string_new (log);

    g_string_replace (edited_log, "**Result:** ✅ Success (93% improvement)", "**Result:** ❌ Failed", 1);
    mi_test_write_text (ws->root, EXAMPLE_DIR "/implementation-log.md", edited_log->str);
  }

  run_cli (&run, ws->root, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_problem_lines (run.out);

  g_assert_cmpuint (find_line (run.out, EXAMPLE_DIR "/attempts/005-later: "), >, 0);
  g_assert_nonnull (strstr (run.out, "004"));
  expected = g_strdup_printf (EXAMPLE_DIR "/README.md:%u: ", status_line);
  g_assert_cmpuint (find_line (run.out, expected), >, 0);
}

/* Tests: the fixtures */

static void
test_fixture_lowercase (Workspace     *ws,
                        gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *issue;
  JsonArray *array;

  run_cli (&run, ws->root, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "flaky-ci\tin-progress\t2\tFlaky CI\n");

  run_cli (&run, ws->root, "show", "flaky-ci", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  issue = json_node_get_object (root);
  g_assert_cmpstr (member_string (issue, "status"), ==, "in-progress");
  g_assert_true (json_object_get_null_member (issue, "status_attempt"));
  array = json_object_get_array_member (issue, "attempts");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 0), "outcome"), ==, "failed");
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 1), "outcome"), ==, "in-progress");
  array = json_object_get_array_member (issue, "criteria");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 0), "op"), ==, "<=");

  run_cli (&run, ws->root, "check", NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  /* An edit in a lower-case file: the result line in the file's own style is
   * not required, only that it is read back. */
  run_cli (&run, ws->root, "record", "flaky-ci", "TC-002", "2", "0.5%", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, ws->root, "show", "flaky-ci", "--json", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (run.out);
  array = json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "test_cases"), 1), "results");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 1), "verdict"), ==, "pass");
}

static void
test_fixture_missing_files (Workspace     *ws,
                            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *base = "docs/meta-issues/memory-leak/attempts/";
  g_auto(GStrv) lines = NULL;

  run_cli (&run, ws->root, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "memory-leak\tabandoned\t2\tThumbnail Worker Memory Leak\n");

  run_cli (&run, ws->root, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_problem_lines (run.out);
  lines = split_lines (run.out);

  /* 001 lacks its results, 002 both files; nothing else. */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], base));
  g_assert_nonnull (strstr (lines[0], "001-valgrind: "));
  g_assert_nonnull (strstr (lines[0], "attempt-results.md"));
  g_assert_nonnull (strstr (lines[1], "002-arena: "));
  g_assert_nonnull (strstr (lines[2], "002-arena: "));

  run_cli (&run, ws->root, "show", "memory-leak", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Valgrind Hunt"));
}

static void
test_fixture_readme_only (Workspace     *ws,
                          gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *issue;

  run_cli (&run, ws->root, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "just-started\topen\t0\tJust Started\n");

  run_cli (&run, ws->root, "show", "just-started", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  issue = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (issue, "attempts")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (issue, "test_cases")), ==, 0);

  run_cli (&run, ws->root, "check", NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, ws->root, "show", "just-started", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_fixture_no_conventions (Workspace     *ws,
                             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *issue;

  run_cli (&run, ws->root, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "free-form\tunknown\t0\t"));

  run_cli (&run, ws->root, "show", "free-form", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  issue = json_node_get_object (root);
  g_assert_cmpstr (member_string (issue, "status"), ==, "unknown");
  g_assert_null (member_string (issue, "created"));
  g_assert_true (json_object_get_null_member (issue, "total_attempts"));

  run_cli (&run, ws->root, "show", "free-form", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, ws->root, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

/* EXPECTED.md: with no "# Meta-Issue: Title" heading the title is the
 * README's first level-1 heading as written ("# Notes"). */
static void
test_fixture_no_conventions_title (Workspace     *ws,
                                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, ws->root, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "free-form\tunknown\t0\tNotes\n");
}

static void
test_fixture_crlf (Workspace     *ws,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *readme = mi_test_read_text (ws->root, "docs/meta-issues/windows-paths/README.md");
  g_autofree char *expected = NULL;
  guint row_002;

  run_cli (&run, ws->root, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "windows-paths\tin-progress\t2\tWindows Path Handling\n");

  run_cli (&run, ws->root, "show", "windows-paths", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strchr (run.out, '\r'));
  root = parse_json (run.out);
  g_assert_cmpstr (member_string (json_node_get_object (root), "created"), ==, "2025-05-05");

  /* Attempt 002 has a timeline row and no folder. */
  row_002 = find_line (readme, "| 002");
  if (row_002 == 0)
    row_002 = find_line (readme, "| [002]");
  g_assert_cmpuint (row_002, >, 0);
  run_cli (&run, ws->root, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_problem_lines (run.out);
  expected = g_strdup_printf ("docs/meta-issues/windows-paths/README.md:%u: ", row_002);
  g_assert_cmpuint (find_line (run.out, expected), >, 0);
}

int
main (int    argc,
      char **argv)
{
  if (!mi_cli_test_init (&argc, &argv))
    return 0;

  MI_CLI_TEST_ADD ("/cli/check/example", "example", test_check_example);
  MI_CLI_TEST_ADD ("/cli/check/broken", "example", test_check_broken);
  MI_CLI_TEST_ADD ("/cli/check/values", "example", test_check_more);
  MI_CLI_TEST_ADD ("/cli/check/gap", "example", test_check_gap);
  MI_CLI_TEST_ADD ("/cli/fixtures/lowercase-words", "lowercase-words", test_fixture_lowercase);
  MI_CLI_TEST_ADD ("/cli/fixtures/missing-files", "missing-files", test_fixture_missing_files);
  MI_CLI_TEST_ADD ("/cli/fixtures/readme-only", "readme-only", test_fixture_readme_only);
  MI_CLI_TEST_ADD ("/cli/fixtures/no-conventions", "no-conventions", test_fixture_no_conventions);
  MI_CLI_TEST_ADD ("/cli/fixtures/crlf", "crlf", test_fixture_crlf);
  MI_CLI_TEST_ADD ("/cli/fixtures/no-conventions/title", "no-conventions", test_fixture_no_conventions_title);

  return g_test_run ();
}
