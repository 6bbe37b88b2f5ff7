/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * mi_check_issue: what a reviewer would flag, each with its file and line.
 * The hand-written fixtures are checked as they are, then a copy of the
 * example is broken in each way the check knows, one at a time.
 */

typedef struct
{
  const char *path;
  guint       line;
  const char *words;   /* a part of the message */
} Expected;

static void
assert_problems (const char     *root_path,
                 const Expected *expected,
                 guint           n_expected)
{
  g_autoptr(GFile) root = g_file_new_for_path (root_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MiWorkspace) workspace = mi_workspace_open (root, NULL, &error);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) mi_problem_free);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (workspace)); i++)
    {
      g_autoptr(MiIssue) issue = g_list_model_get_item (G_LIST_MODEL (workspace), i);
      g_autoptr(GPtrArray) problems = mi_check_issue (workspace, issue);

      for (guint p = 0; p < problems->len; p++)
        g_ptr_array_add (all, g_ptr_array_steal_index (problems, p--));
    }

  for (guint i = 0; i < all->len; i++)
    {
      MiProblem *problem = g_ptr_array_index (all, i);

      g_test_message ("%s:%u: %s", problem->path, problem->line, problem->message);
    }

  g_assert_cmpuint (all->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      MiProblem *problem = g_ptr_array_index (all, i);

      g_assert_cmpstr (problem->path, ==, expected[i].path);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      if (strstr (problem->message, expected[i].words) == NULL)
        g_error ("“%s” does not say “%s”", problem->message, expected[i].words);
    }
}

static void
check_fixture (const char     *fixture,
               const Expected *expected,
               guint           n_expected)
{
  g_autofree char *path = mi_test_source_path ("tests", "fixtures", fixture, NULL);

  assert_problems (path, expected, n_expected);
}

static void
test_clean (void)
{
  const char *clean[] = { "lowercase-words", "readme-only", "aligned-table", "bom", "no-conventions" };
  g_autofree char *example = mi_test_source_path ("resources", "example", NULL);

  assert_problems (example, NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (clean); i++)
    check_fixture (clean[i], NULL, 0);
}

static void
test_fixtures (void)
{
  const Expected missing[] = {
    { "docs/meta-issues/memory-leak/attempts/001-valgrind", 0, "attempt-results.md is missing" },
    { "docs/meta-issues/memory-leak/attempts/002-arena", 0, "attempt-results.md is missing" },
    { "docs/meta-issues/memory-leak/attempts/002-arena", 0, "solution-approach.md is missing" },
  };
  const Expected extra[] = {
    { "docs/meta-issues/search-relevance/test-cases.md", 13, "“pending”, is not a measurement" },
  };
  const Expected crlf[] = {
    { "docs/meta-issues/windows-paths/README.md", 24, "attempt 002 is in the Timeline Summary table but has no folder" },
  };

  check_fixture ("missing-files", missing, G_N_ELEMENTS (missing));
  check_fixture ("extra-sections", extra, G_N_ELEMENTS (extra));
  check_fixture ("crlf", crlf, G_N_ELEMENTS (crlf));
}

/* Replaces @from by @to in the example copy's @file. */
static void
rewrite (const char *root,
         const char *file,
         const char *from,
         const char *to)
{
  g_autofree char *path = g_build_filename (root, "docs", "meta-issues", "example-performance-saga", file, NULL);
  g_autofree char *text = mi_test_read_file (path, NULL);
  g_autoptr(GString) str = g_string_new (text);

  g_assert_nonnull (text);
  g_assert_cmpuint (g_string_replace (str, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, str->str, str->len, NULL));
}

static void
test_broken (void)
{
  g_autofree char *source = mi_test_source_path ("resources", "example", NULL);
  const char *attempts = "docs/meta-issues/example-performance-saga/attempts";

  /* A second folder with number 002. */
  {
    g_autofree char *tmp = mi_test_copy_tree (source);
    g_autofree char *from = g_build_filename (tmp, attempts, "002-query-optimization", NULL);
    g_autofree char *to = g_build_filename (tmp, attempts, "002-indexes", NULL);
    const Expected expected[] = {
      { "docs/meta-issues/example-performance-saga/attempts/002-query-optimization", 0, "also used by" },
    };

    mi_test_copy_dir (from, to);
    assert_problems (tmp, expected, G_N_ELEMENTS (expected));
    mi_test_remove_tree (tmp);
  }

  /* Attempt 002 gone everywhere: a gap; Total Attempts disagrees. */
  {
    g_autofree char *tmp = mi_test_copy_tree (source);
    g_autofree char *folder = g_build_filename (tmp, attempts, "002-query-optimization", NULL);
    const Expected expected[] = {
      { "docs/meta-issues/example-performance-saga/README.md", 7, "**Total Attempts:** says 3" },
      { "docs/meta-issues/example-performance-saga/attempts", 0, "attempt 002 is missing" },
    };

    mi_test_remove_tree (folder);
    rewrite (tmp, "README.md",
             "| [002](./attempts/002-query-optimization/) | 2024-09-15 - 09-25 | Optimize database queries | ⚠️ Partial (30% improvement, not enough) |\n", "");
    rewrite (tmp, "implementation-log.md", "## Attempt 002: Query Optimization", "## Notes on queries");
    rewrite (tmp, "test-cases.md", "- Attempt 002: 3,800ms (FAIL)\n", "");
    rewrite (tmp, "test-cases.md", "- Attempt 002: 3.9GB (FAIL)\n", "");
    rewrite (tmp, "test-cases.md", "- Attempt 002: 85% (FAIL)\n", "");
    assert_problems (tmp, expected, G_N_ELEMENTS (expected));
    mi_test_remove_tree (tmp);
  }

  /* Resolved, but no attempt succeeded; a result for attempt 007. */
  {
    g_autofree char *tmp = mi_test_copy_tree (source);
    const Expected expected[] = {
      { "docs/meta-issues/example-performance-saga/README.md", 6, "Resolved but no attempt succeeded" },
      { "docs/meta-issues/example-performance-saga/test-cases.md", 21, "attempt 007, which does not exist" },
    };

    rewrite (tmp, "implementation-log.md", "**Result:** ✅ Success (93% improvement)", "**Result:** ⚠️ Partial (93% improvement)");
    rewrite (tmp, "test-cases.md", "- Attempt 003: 380ms (PASS) ✅\n", "- Attempt 003: 380ms (PASS) ✅\n- Attempt 007: 300ms (PASS)\n");
    assert_problems (tmp, expected, G_N_ELEMENTS (expected));
    mi_test_remove_tree (tmp);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/clean", test_clean);
  g_test_add_func ("/check/fixtures", test_fixtures);
  g_test_add_func ("/check/broken", test_broken);

  return g_test_run ();
}
