/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#ifdef __linux__
#include <errno.h>
#include <sys/inotify.h>
#include <unistd.h>
#endif

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mi-test-util.h"

/*
 * meta-issues-cli as a user runs it: on copies of the example and of the
 * fixtures in a temporary folder, asserting its output, its exit status and
 * the bytes of the files it leaves behind.
 */

#define EXAMPLE_SLUG "example-performance-saga"
#define EXAMPLE_DIR  "docs/meta-issues/" EXAMPLE_SLUG

typedef struct
{
  char *tmp;    /* the temporary folder, removed at teardown */
  char *root;   /* the workspace root inside it */
} Workspace;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static const char *cli_path;

/* Files */

static gboolean
file_exists (const char *root,
             const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Running the command */

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli_argv (Run         *run,
              const char  *cwd,
              const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *line = g_strjoinv (" ", (char **) args);

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  run->status = mi_test_spawnv (cwd, (const char * const *) argv->pdata, NULL, &run->out, &run->err);
  g_test_message ("$ meta-issues-cli %s -> %d\n%s%s", line, run->status, run->out, run->err);
}

static void run_cli (Run        *run,
                     const char *cwd,
                     ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (Run        *run,
         const char *cwd,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, cwd);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cli_argv (run, cwd, (const char **) args->pdata);
}

static void
assert_error_output (Run *run)
{
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "meta-issues-cli: "));
}

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

/* Fixtures */

static void
workspace_setup (Workspace     *ws,
                 gconstpointer  data)
{
  const char *source = data;

  ws->tmp = mi_test_make_tmp (NULL, "mi-cli");
  ws->root = g_build_filename (ws->tmp, "repo", NULL);

  if (source == NULL)
    {
      g_assert_cmpint (g_mkdir (ws->root, 0700), ==, 0);
      return;
    }

  {
    g_autofree char *src = mi_test_fixture_path (source);

    mi_test_copy_dir (src, ws->root);
  }
}

static void
workspace_teardown (Workspace     *ws,
                    gconstpointer  data)
{
  mi_test_remove_tree (ws->tmp);
  g_free (ws->tmp);
  g_free (ws->root);
}

/* The lines of @text, without the empty string after a final newline. */
static GStrv
split_lines (const char *text)
{
  GStrv lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  if (n > 0 && lines[n - 1][0] == '\0')
    {
      g_free (lines[n - 1]);
      lines[n - 1] = NULL;
    }

  return lines;
}

static guint
find_line (const char *text,
           const char *prefix)
{
  g_auto(GStrv) lines = split_lines (text);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        return i + 1;
    }

  return 0;
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = split_lines (text);

  return g_strv_contains ((const char * const *) lines, line);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
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

static const char *
member_string (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  if (json_object_get_null_member (object, name))
    return NULL;
  return json_object_get_string_member (object, name);
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
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("MI_CLI");
  if (cli_path == NULL || g_getenv ("MI_SOURCE_ROOT") == NULL)
    {
      g_print ("1..0 # SKIP MI_CLI and MI_SOURCE_ROOT must be set (run through meson test)\n");
      return 0;
    }

#define ADD(path, source, func) \
  g_test_add (path, Workspace, source, workspace_setup, func, workspace_teardown)

  ADD ("/cli/help", "example", test_help);
  ADD ("/cli/usage-errors", "example", test_usage_errors);
  ADD ("/cli/failures", "example", test_failures);
  ADD ("/cli/no-workspace", NULL, test_no_workspace);
  ADD ("/cli/list", "example", test_list);
  ADD ("/cli/directory", "example", test_directory);
  ADD ("/cli/show/json", "example", test_show_json);
  ADD ("/cli/show/text", "example", test_show_text);
  ADD ("/cli/show/one-issue-read", "example", test_one_issue_read);
  ADD ("/cli/show/slugs", "example", test_show_slugs);
  ADD ("/cli/new", "example", test_new);
  ADD ("/cli/attempt", "example", test_attempt);
  ADD ("/cli/status", "example", test_status);
  ADD ("/cli/record", "example", test_record);
  ADD ("/cli/log", "example", test_log);
  ADD ("/cli/check/example", "example", test_check_example);
  ADD ("/cli/check/broken", "example", test_check_broken);
  ADD ("/cli/check/values", "example", test_check_more);
  ADD ("/cli/check/gap", "example", test_check_gap);
  ADD ("/cli/fixtures/lowercase-words", "lowercase-words", test_fixture_lowercase);
  ADD ("/cli/fixtures/missing-files", "missing-files", test_fixture_missing_files);
  ADD ("/cli/fixtures/readme-only", "readme-only", test_fixture_readme_only);
  ADD ("/cli/fixtures/no-conventions", "no-conventions", test_fixture_no_conventions);
  ADD ("/cli/fixtures/crlf", "crlf", test_fixture_crlf);
  ADD ("/cli/fixtures/no-conventions/title", "no-conventions", test_fixture_no_conventions_title);

#undef ADD

  return g_test_run ();
}
