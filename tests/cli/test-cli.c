/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#ifdef __linux__
#include <errno.h>
#include <sys/inotify.h>
#include <unistd.h>
#endif

#include "mi-cli-test-util.h"

/*
 * meta-issues-cli as a user runs it, on copies of the example in a
 * temporary folder: its usage and failures, and the commands that read
 * (list, show), asserting their output and exit status. The edits are
 * test-cli-edit.c's, check and the fixtures test-cli-check.c's.
 */

/* Runs each of @cases (arguments) in @ws: each exits with @status, says
 * why on stderr and nothing on stdout, and leaves the files as they were. */
static void
assert_refused (Workspace   *ws,
                const char *(*cases)[8],
                guint        n_cases,
                int          status)
{
  g_autoptr(GHashTable) before = mi_test_read_tree (ws->root);
  g_autoptr(GHashTable) after = NULL;

  for (guint i = 0; i < n_cases; i++)
    {
      g_auto(Run) run = { 0 };

      run_cli_argv (&run, ws->root, cases[i]);
      g_assert_cmpint (run.status, ==, status);
      assert_error_output (&run);
    }

  after = mi_test_read_tree (ws->root);
  mi_test_assert_same_tree (before, after);
}

/* Tests: usage and failures */

static void
test_help (Workspace     *ws,
           gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *commands[] = { "list", "show", "new", "attempt", "status", "record", "log", "check" };

  run_cli (&run, ws->root, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("\n  %s ", commands[i]);

      g_assert_nonnull (strstr (run.out, pattern));
    }

  run_cli (&run, ws->root, "show", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "show SLUG"));
  g_assert_nonnull (strstr (run.out, "--json"));

  run_cli (&run, ws->root, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "meta-issues-cli " PACKAGE_VERSION "\n");
}

static void
test_usage_errors (Workspace     *ws,
                   gconstpointer  data)
{
  const char *cases[][8] = {
    { NULL },
    { "frobnicate", NULL },
    { "--bogus", "list", NULL },
    { "list", "--bogus", NULL },
    { "list", "extra", NULL },
    { "show", NULL },
    { "show", EXAMPLE_SLUG, "extra", NULL },
    { "new", NULL },
    { "new", "A Title", "--date", "yesterday", NULL },
    { "new", "A Title", "--date", "2024/10/01", NULL },
    { "new", "A Title", "--slug", "Not A Slug!", NULL },
    { "attempt", EXAMPLE_SLUG, NULL },
    { "attempt", EXAMPLE_SLUG, "Title", "--date", "01-10-2024", NULL },
    { "status", EXAMPLE_SLUG, NULL },
    { "status", EXAMPLE_SLUG, "sideways", NULL },
    { "status", EXAMPLE_SLUG, "resolved", "--attempt", "many", NULL },
    { "record", EXAMPLE_SLUG, "TC-001", "3", NULL },
    { "record", EXAMPLE_SLUG, "TC-001", "third", "380ms", NULL },
    { "record", EXAMPLE_SLUG, "TC-001", "3", "380ms", "--pass", "--fail", NULL },
    { "log", EXAMPLE_SLUG, NULL },
    { "log", EXAMPLE_SLUG, "Some text", "--date", "2024-10-1", NULL },
    { "check", EXAMPLE_SLUG, "extra", NULL },
  };

  assert_refused (ws, cases, G_N_ELEMENTS (cases), 2);
}

static void
test_failures (Workspace     *ws,
               gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (ws->tmp, "no-such-folder", NULL);
  const char *cases[][8] = {
    { "show", "no-such-issue", NULL },
    { "show", "no-such-issue", "--json", NULL },
    { "attempt", "no-such-issue", "Title", NULL },
    { "status", "no-such-issue", "resolved", NULL },
    { "record", "no-such-issue", "TC-001", "3", "380ms", NULL },
    { "log", "no-such-issue", "Text", NULL },
    { "check", "no-such-issue", NULL },
    /* The issue exists, the edit is refused. */
    { "record", EXAMPLE_SLUG, "TC-999", "3", "380ms", NULL },
    { "new", "Another Saga", "--slug", EXAMPLE_SLUG, NULL },
    { "-C", missing, "list", NULL },
  };

  assert_refused (ws, cases, G_N_ELEMENTS (cases), 1);
}

static void
test_no_workspace (Workspace     *ws,
                   gconstpointer  data)
{
  const char *commands[][4] = {
    { "list", NULL },
    { "check", NULL },
    { "show", EXAMPLE_SLUG, NULL },
    { "new", "A Title", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli_argv (&run, ws->root, commands[i]);
      g_assert_cmpint (run.status, ==, 1);
      assert_error_output (&run);
      g_assert_nonnull (strstr (run.err, "docs/meta-issues"));
    }

  /* Nothing was created. */
  g_assert_false (file_exists (ws->root, "docs"));
}

/* Tests: reading */

static void
test_list (Workspace     *ws,
           gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *object;

  run_cli (&run, ws->root, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, EXAMPLE_SLUG "\tresolved\t3\tPerformance Optimization Saga\n");

  run_cli (&run, ws->root, "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "slug"), ==, EXAMPLE_SLUG);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Performance Optimization Saga");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "resolved");
  g_assert_cmpint (json_object_get_int_member (object, "attempts"), ==, 3);
}

static void
test_directory (Workspace     *ws,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *subfolder = g_build_filename (ws->root, EXAMPLE_DIR, "attempts", "002-query-optimization", NULL);
  const char *expected = EXAMPLE_SLUG "\tresolved\t3\tPerformance Optimization Saga\n";

  /* -C before the command, from outside the repository. */
  run_cli (&run, ws->tmp, "-C", subfolder, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);

  /* -C after the command. */
  run_cli (&run, ws->tmp, "list", "-C", subfolder, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);

  /* From a subfolder, no -C. */
  run_cli (&run, subfolder, "show", EXAMPLE_SLUG, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"slug\" : \"" EXAMPLE_SLUG "\""));

  /* Check paths stay relative to the workspace root. */
  run_cli (&run, subfolder, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_show_json (Workspace     *ws,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *issue;
  JsonArray *array;
  JsonObject *object;
  JsonArray *results;
  const char *outcomes[] = { "failed", "partial", "success" };
  const char *slugs[] = { "baseline", "query-optimization", "connection-pooling" };
  const double tc1_values[] = { 5100, 3800, 380 };
  const char *tc1_verdicts[] = { "fail", "fail", "pass" };
  const char *hypothesis_dates[] = { "2024-09-01", "2024-09-15", "2024-10-01" };

  run_cli (&run, ws->root, "show", EXAMPLE_SLUG, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  issue = json_node_get_object (root);

  g_assert_cmpstr (member_string (issue, "slug"), ==, EXAMPLE_SLUG);
  g_assert_cmpstr (member_string (issue, "title"), ==, "Performance Optimization Saga");
  g_assert_cmpstr (member_string (issue, "status"), ==, "resolved");
  g_assert_cmpint (json_object_get_int_member (issue, "status_attempt"), ==, 3);
  g_assert_cmpstr (member_string (issue, "created"), ==, "2024-09-01");
  g_assert_cmpint (json_object_get_int_member (issue, "total_attempts"), ==, 3);

  /* Success criteria */
  array = json_object_get_array_member (issue, "criteria");
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (member_string (object, "metric"), ==, "Response time");
  g_assert_cmpstr (member_string (object, "op"), ==, "<");
  g_assert_cmpfloat (json_object_get_double_member (object, "value"), ==, 1000);
  g_assert_cmpstr (member_string (object, "unit"), ==, "ms");
  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (member_string (object, "metric"), ==, "Memory");
  g_assert_cmpfloat (json_object_get_double_member (object, "value"), ==, 512);
  g_assert_cmpstr (member_string (object, "unit"), ==, "MB");
  object = json_array_get_object_element (array, 3);
  g_assert_cmpstr (member_string (object, "metric"), ==, "Error rate");
  g_assert_cmpstr (member_string (object, "unit"), ==, "%");

  /* Attempts */
  array = json_object_get_array_member (issue, "attempts");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      object = json_array_get_object_element (array, i);
      g_assert_cmpint (json_object_get_int_member (object, "number"), ==, i + 1);
      g_assert_cmpstr (member_string (object, "slug"), ==, slugs[i]);
      g_assert_cmpstr (member_string (object, "outcome"), ==, outcomes[i]);
    }
  object = json_array_get_object_element (array, 2);
  g_assert_cmpstr (member_string (object, "title"), ==, "Connection Pooling");

  /* Test cases */
  array = json_object_get_array_member (issue, "test_cases");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (member_string (object, "id"), ==, "TC-001");
  g_assert_cmpstr (member_string (object, "title"), ==, "Load Test (100 users)");
  results = json_object_get_array_member (object, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      g_assert_cmpint (json_object_get_int_member (result, "attempt"), ==, i + 1);
      g_assert_cmpfloat (json_object_get_double_member (result, "value"), ==, tc1_values[i]);
      g_assert_cmpstr (member_string (result, "unit"), ==, "ms");
      g_assert_cmpfloat (json_object_get_double_member (result, "base_value"), ==, tc1_values[i]);
      g_assert_cmpstr (member_string (result, "base_unit"), ==, "ms");
      g_assert_cmpstr (member_string (result, "verdict"), ==, tc1_verdicts[i]);
    }

  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (member_string (object, "id"), ==, "TC-002");
  results = json_object_get_array_member (object, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  {
    JsonObject *result = json_array_get_object_element (results, 0);

    g_assert_cmpfloat (json_object_get_double_member (result, "value"), ==, 4.3);
    g_assert_cmpstr (member_string (result, "unit"), ==, "GB");
    g_assert_cmpstr (member_string (result, "base_unit"), ==, "B");
    g_assert_cmpstr (member_string (result, "verdict"), ==, "fail");
  }

  /* Hypotheses */
  array = json_object_get_array_member (issue, "hypotheses");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      object = json_array_get_object_element (array, i);
      g_assert_cmpint (json_object_get_int_member (object, "version"), ==, i + 1);
      g_assert_cmpstr (member_string (object, "date"), ==, hypothesis_dates[i]);
    }
  object = json_array_get_object_element (array, 2);
  g_assert_cmpstr (member_string (object, "title"), ==, "Final Understanding");
}

static void
test_show_text (Workspace     *ws,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, ws->root, "show", EXAMPLE_SLUG, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Performance Optimization Saga\n"));
  g_assert_nonnull (strstr (run.out, "TC-001"));
  g_assert_nonnull (strstr (run.out, "Connection Pooling"));
  g_assert_nonnull (strstr (run.out, "5,100ms"));
  g_assert_nonnull (strstr (run.out, "Response time: < 1,000ms (avg)"));
}

/* Tests: one meta-issue read alone */

#ifdef __linux__
/* The number of times watched folders or their files were opened or read
 * since the last call. */
static guint
count_reads (int fd)
{
  char buffer[4096];
  guint n = 0;

  for (;;)
    {
      ssize_t len = read (fd, buffer, sizeof buffer);
      gsize offset = 0;

      if (len < 0 && errno == EAGAIN)
        return n;
      g_assert_cmpint (len, >, 0);

      while (offset < (gsize) len)
        {
          struct inotify_event event;

          memcpy (&event, buffer + offset, sizeof event);
          offset += sizeof event + event.len;
          n++;
        }
    }
}
#endif

/*
 * A command that names one meta-issue reads that one alone. Beside the
 * example, one meta-issue cannot be read (its README.md is a folder) and an
 * inotify watch follows the files of another: neither changes a byte of what
 * the commands print, and the watch, which sees `list` read them, never sees
 * show, check, chart or an edit open them.
 */
static void
test_one_issue_read (Workspace     *ws,
                     gconstpointer  data)
{
#ifdef __linux__
  g_autofree char *example = g_build_filename (ws->root, EXAMPLE_DIR, NULL);
  g_autofree char *other = g_build_filename (ws->root, "docs", "meta-issues", "other-saga", NULL);
  g_autofree char *other_attempt = g_build_filename (other, "attempts", "003-connection-pooling", NULL);
  g_autofree char *unreadable = g_build_filename (ws->root, "docs", "meta-issues", "unreadable", "README.md", NULL);
  g_autofree char *chart = g_build_filename (ws->tmp, "tc-001.svg", NULL);
  g_autofree char *log = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_auto(Run) run = { 0 };
  const char *commands[][8] = {
    { "show", EXAMPLE_SLUG, NULL },
    { "show", EXAMPLE_SLUG, "--json", NULL },
    { "check", EXAMPLE_SLUG, NULL },
    { "chart", EXAMPLE_SLUG, "TC-001", "-o", chart, NULL },
  };
  int fd;

  /* What each command prints while the example is alone. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_cli_argv (&run, ws->root, commands[i]);
      g_ptr_array_add (expected, g_strdup_printf ("%d\n%s\n%s", run.status, run.out, run.err));
    }

  mi_test_copy_dir (example, other);
  g_assert_cmpint (g_mkdir_with_parents (unreadable, 0755), ==, 0);

  fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0 ||
      inotify_add_watch (fd, other, IN_OPEN | IN_ACCESS) < 0 ||
      inotify_add_watch (fd, other_attempt, IN_OPEN | IN_ACCESS) < 0)
    {
      g_test_skip ("no inotify watch could be set up");
      if (fd >= 0)
        close (fd);
      return;
    }

  /* The watch sees a command that reads every meta-issue. */
  run_cli (&run, ws->root, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (has_line (run.out, "other-saga\tresolved\t3\tPerformance Optimization Saga"));
  g_assert_true (has_line (run.out, "unreadable\tunknown\t0\tunreadable"));
  g_assert_cmpuint (count_reads (fd), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *got = NULL;

      run_cli_argv (&run, ws->root, commands[i]);
      got = g_strdup_printf ("%d\n%s\n%s", run.status, run.out, run.err);
      g_assert_cmpstr (got, ==, g_ptr_array_index (expected, i));
      g_assert_cmpuint (count_reads (fd), ==, 0);
    }

  run_cli (&run, ws->root, "log", EXAMPLE_SLUG, "Read alone.", "--date", "2024-10-27", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (count_reads (fd), ==, 0);
  log = mi_test_read_text (ws->root, EXAMPLE_DIR "/implementation-log.md");
  g_assert_true (has_line (log, "**2024-10-27:** Read alone."));

  close (fd);
#else
  g_test_skip ("inotify is Linux only");
#endif
}

/*
 * A slug is a folder name in docs/meta-issues, never a path: those that lead
 * elsewhere find nothing, and a folder named by hand, which is no valid slug
 * for a new meta-issue, is still found.
 */
static void
test_show_slugs (Workspace     *ws,
                 gconstpointer  data)
{
  g_autofree char *example = g_build_filename (ws->root, EXAMPLE_DIR, NULL);
  g_autofree char *hand_named = g_build_filename (ws->root, "docs", "meta-issues", "Hand Named", NULL);
  g_autofree char *outside = g_build_filename (ws->root, "docs", "outside", NULL);
  g_auto(Run) run = { 0 };
  const char *slugs[] = {
    "../outside",
    "../../docs/outside",
    outside,
    EXAMPLE_SLUG "/attempts/001-baseline",
    "..",
    ".",
  };

  mi_test_copy_dir (example, hand_named);
  mi_test_copy_dir (example, outside);

  run_cli (&run, ws->root, "show", "Hand Named", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Performance Optimization Saga\n"));
  g_assert_true (has_line (run.out, "Folder: docs/meta-issues/Hand Named"));

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autofree char *message = g_strdup_printf ("meta-issues-cli: there is no meta-issue “%s” in docs/meta-issues: "
                                                  "run “meta-issues-cli list” to see the meta-issues of this workspace\n",
                                                  slugs[i]);

      run_cli (&run, ws->root, "show", slugs[i], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, message);
    }
}

int
main (int    argc,
      char **argv)
{
  if (!mi_cli_test_init (&argc, &argv))
    return 0;

  MI_CLI_TEST_ADD ("/cli/help", "example", test_help);
  MI_CLI_TEST_ADD ("/cli/usage-errors", "example", test_usage_errors);
  MI_CLI_TEST_ADD ("/cli/failures", "example", test_failures);
  MI_CLI_TEST_ADD ("/cli/no-workspace", NULL, test_no_workspace);
  MI_CLI_TEST_ADD ("/cli/list", "example", test_list);
  MI_CLI_TEST_ADD ("/cli/directory", "example", test_directory);
  MI_CLI_TEST_ADD ("/cli/show/json", "example", test_show_json);
  MI_CLI_TEST_ADD ("/cli/show/text", "example", test_show_text);
  MI_CLI_TEST_ADD ("/cli/show/one-issue-read", "example", test_one_issue_read);
  MI_CLI_TEST_ADD ("/cli/show/slugs", "example", test_show_slugs);

  return g_test_run ();
}
