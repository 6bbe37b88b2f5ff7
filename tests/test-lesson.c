/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * Extracting the lesson of a resolved meta-issue: the file it writes, its
 * link back to the meta-issue, and what it refuses.
 */

typedef struct
{
  char        *dir;
  MiWorkspace *workspace;
  MiIssue     *issue;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *source = mi_test_fixture_path (data);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = mi_test_copy_tree (source);
  folder = g_file_new_for_path (f->dir);
  f->workspace = mi_workspace_open (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->workspace)), ==, 1);
  f->issue = g_list_model_get_item (G_LIST_MODEL (f->workspace), 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->issue);
  g_clear_object (&f->workspace);
  mi_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static void
test_lesson_extract (Fixture       *f,
                     gconstpointer  data)
{
  GFile *root = mi_workspace_get_root (f->workspace);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *suggested = mi_lesson_suggest_name (f->issue);

  g_assert_cmpstr (suggested, ==, "PerformanceOptimizationSaga");

  file = mi_lesson_extract (root, f->issue, "performance", suggested, "2024-10-20", &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);

  path = g_build_filename (f->dir, "docs", "lessons-learned", "performance",
                           "PerformanceOptimizationSaga.md", NULL);
  g_assert_cmpstr (g_file_peek_path (file), ==, path);

  text = mi_test_read_file (path, NULL);
  g_assert_true (g_str_has_prefix (text, "# Lesson: Performance Optimization Saga\n\n"
                                         "**Meta-Issue:** [[../../meta-issues/example-performance-saga/]]\n"
                                         "**Category:** performance\n"
                                         "**Extracted:** 2024-10-20\n"));
  g_assert_nonnull (strstr (text, "## Problem\n\nSystem performance degraded significantly"));
  g_assert_nonnull (strstr (text, "## Root Cause\n\n"));
  g_assert_nonnull (strstr (text, "## Resolution\n\n"));
  g_assert_nonnull (strstr (text, "## Learnings\n\n- **Attempt 001 ("));
  g_assert_nonnull (strstr (text, "Processing not the bottleneck"));
  g_assert_nonnull (strstr (text, "Connection management was root cause"));
  g_assert_null (strstr (text, "{{"));

  /* The wikilink resolves to the meta-issue's folder. */
  {
    g_autofree char *lesson_dir = g_path_get_dirname (path);
    g_autofree char *target = g_build_filename (lesson_dir, "..", "..", "meta-issues",
                                                "example-performance-saga", "README.md", NULL);

    g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  }

  /* Never overwritten. */
  {
    g_autoptr(GFile) again = NULL;
    g_autofree char *after = NULL;

    again = mi_lesson_extract (root, f->issue, "performance", suggested, NULL, &error);
    g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_EXISTS);
    g_assert_nonnull (strstr (error->message, "PerformanceOptimizationSaga.md"));
    g_assert_null (again);
    after = mi_test_read_file (path, NULL);
    g_assert_cmpstr (after, ==, text);
  }
}

static void
test_lesson_refused (Fixture       *f,
                     gconstpointer  data)
{
  GFile *root = mi_workspace_get_root (f->workspace);
  g_autofree char *lessons = g_build_filename (f->dir, "docs", "lessons-learned", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  /* Bad names write nothing. */
  file = mi_lesson_extract (root, f->issue, "../escape", "Name", NULL, &error);
  g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  file = mi_lesson_extract (root, f->issue, "general", "", NULL, &error);
  g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  file = mi_lesson_extract (root, f->issue, "general", ".hidden", NULL, &error);
  g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  file = mi_lesson_extract (root, f->issue, "general", "Name", "20-10-2024", &error);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (lessons, G_FILE_TEST_EXISTS));

  /* An issue that is not resolved has no lesson yet. */
  g_assert_true (mi_issue_set_status (f->issue, MI_STATUS_IN_PROGRESS, 0, &error));
  g_assert_no_error (error);
  file = mi_lesson_extract (root, f->issue, "general", "Name", NULL, &error);
  g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE);
  g_assert_null (file);
  g_assert_false (g_file_test (lessons, G_FILE_TEST_EXISTS));
}

/* Missing sections read as a placeholder, not as an empty heading. */
static void
test_lesson_missing_sections (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (mi_issue_set_status (f->issue, MI_STATUS_RESOLVED, 0, &error));
  g_assert_no_error (error);

  text = mi_lesson_render (mi_workspace_get_root (f->workspace), f->issue, "general",
                           "2024-01-02", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "**Meta-Issue:** [[../../meta-issues/"));
  g_assert_nonnull (strstr (text, "## Root Cause\n\n_Not written in the meta-issue._"));
  g_assert_null (strstr (text, "{{"));
}

/* A repository's own lesson template wins. */
static void
test_lesson_own_template (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *templates = g_build_filename (f->dir, "docs", "templates", "meta-issue", NULL);
  g_autofree char *template = g_build_filename (templates, "lesson-template.md", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (g_mkdir_with_parents (templates, 0755), ==, 0);
  g_file_set_contents (template, "Ours: {{slug}} in {{category}}\n", -1, &error);
  g_assert_no_error (error);

  text = mi_lesson_render (mi_workspace_get_root (f->workspace), f->issue, "perf", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Ours: example-performance-saga in perf\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lesson/extract", Fixture, "example",
              fixture_setup, test_lesson_extract, fixture_teardown);
  g_test_add ("/lesson/refused", Fixture, "example",
              fixture_setup, test_lesson_refused, fixture_teardown);
  g_test_add ("/lesson/missing-sections", Fixture, "readme-only",
              fixture_setup, test_lesson_missing_sections, fixture_teardown);
  g_test_add ("/lesson/own-template", Fixture, "example",
              fixture_setup, test_lesson_own_template, fixture_teardown);

  return g_test_run ();
}
