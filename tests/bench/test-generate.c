/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-generate"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "bench-generate.h"

static const char *top_files[] = {
  "README.md", "description.md", "implementation-log.md", "test-cases.md",
};

static const char *attempt_files[] = {
  "solution-approach.md", "attempt-results.md",
};

static BenchExample *
load_example (void)
{
  g_autofree char *dir = bench_example_default_dir ();
  g_autoptr(GError) error = NULL;
  BenchExample *example;

  g_assert_nonnull (dir);
  example = bench_example_load (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (example);

  return example;
}

static char *
read_text (const char *dir,
           const char *first,
           ...)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *part;
  char *text = NULL;
  va_list args;

  g_ptr_array_add (parts, (char *) dir);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static void
assert_issue (BenchExample *example,
              const char   *root,
              guint         index)
{
  g_autofree char *slug = bench_generate_slug (example, index);
  g_autofree char *dir = g_build_filename (root, "docs", "meta-issues", slug, NULL);
  g_autofree char *attempts_dir = g_build_filename (dir, "attempts", NULL);
  g_autofree char *readme = NULL;
  g_autofree char *title = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GError) error = NULL;
  guint n_attempts = bench_generate_attempts_for (example, index);
  guint n_dirs = 0;

  for (guint i = 0; i < G_N_ELEMENTS (top_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, top_files[i], NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      text = read_text (path, NULL);
      g_assert_null (strstr (text, "example-performance-saga"));
      g_assert_null (strstr (text, "THIS IS AN EXAMPLE"));
    }

  gdir = g_dir_open (attempts_dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (gdir))
    n_dirs++;
  g_assert_cmpuint (n_dirs, ==, n_attempts);
  g_assert_cmpuint (n_attempts, >=, 2);
  g_assert_cmpuint (n_attempts, <=, 4);

  for (guint a = 1; a <= n_attempts; a++)
    {
      g_autofree char *prefix = g_strdup_printf ("%03u-", a);
      g_autofree char *attempt_dir = NULL;
      const char *name;

      g_dir_rewind (gdir);
      while ((name = g_dir_read_name (gdir)))
        {
          if (g_str_has_prefix (name, prefix))
            attempt_dir = g_build_filename (attempts_dir, name, NULL);
        }
      g_assert_nonnull (attempt_dir);

      for (guint i = 0; i < G_N_ELEMENTS (attempt_files); i++)
        {
          g_autofree char *path = g_build_filename (attempt_dir, attempt_files[i], NULL);

          g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
        }
    }

  /* What a reader sees in the README: the index in the title, the attempts */
  readme = read_text (dir, "README.md", NULL);
  title = g_strdup_printf ("# Meta-Issue: Performance Optimization Saga %u\n", index);
  g_assert_true (g_str_has_prefix (readme, title));
  total = g_strdup_printf ("**Total Attempts:** %u", n_attempts);
  g_assert_nonnull (strstr (readme, total));
}

static void
test_generate_files (void)
{
  g_autoptr(BenchExample) example = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("mi-generate-XXXXXX", &error);
  g_autofree char *readme0 = NULL;
  g_autofree char *readme1 = NULL;
  BenchGenerateStats stats = { 0 };
  guint64 bytes = 0;

  g_assert_no_error (error);

  stats.paths = g_ptr_array_new_with_free_func (g_free);
  bench_generate (example, root, 3, &stats, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (stats.n_issues, ==, 3);
  g_assert_cmpuint (stats.n_files, ==, stats.paths->len);
  g_assert_cmpuint (stats.n_files, ==, 3 * 4 + 2 * stats.n_attempts);

  for (guint i = 0; i < 3; i++)
    assert_issue (example, root, i);

  for (guint i = 0; i < stats.paths->len; i++)
    {
      g_autofree char *text = read_text (g_ptr_array_index (stats.paths, i), NULL);

      bytes += strlen (text);
    }
  g_assert_cmpuint (bytes, ==, stats.n_bytes);

  /* Issues differ beyond their title, so no cache of identical content helps */
  readme0 = read_text (root, "docs", "meta-issues", "performance-saga-00000", "README.md", NULL);
  readme1 = read_text (root, "docs", "meta-issues", "performance-saga-00001", "README.md", NULL);
  g_assert_cmpstr (strchr (readme0, '\n'), !=, strchr (readme1, '\n'));

  bench_generate_stats_clear (&stats);
  bench_remove_tree (root, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (root, G_FILE_TEST_EXISTS));
}

static void
test_generate_average (void)
{
  g_autoptr(BenchExample) example = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("mi-generate-XXXXXX", &error);
  BenchGenerateStats stats = { 0 };
  double per_issue;

  g_assert_no_error (error);

  bench_generate (example, root, 12, &stats, &error);
  g_assert_no_error (error);

  /* "1,000 meta-issues ≈ 11,000 files" */
  per_issue = (double) stats.n_files / stats.n_issues;
  g_assert_cmpfloat (per_issue, >=, 10.5);
  g_assert_cmpfloat (per_issue, <=, 11.5);

  bench_generate_stats_clear (&stats);
  bench_remove_tree (root, &error);
  g_assert_no_error (error);
}

static void
test_generate_command (void)
{
  const char *command = g_getenv ("MI_GENERATE");
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *readme = NULL;
  int wait_status;

  if (command == NULL)
    {
      g_test_skip ("MI_GENERATE is not set");
      return;
    }

  root = g_dir_make_tmp ("mi-generate-XXXXXX", &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char *[]) { (char *) command, root, "3", NULL }, NULL, 0,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (out, "3 meta-issues, "));

  readme = g_build_filename (root, "docs", "meta-issues", "performance-saga-00002",
                             "README.md", NULL);
  g_assert_true (g_file_test (readme, G_FILE_TEST_IS_REGULAR));

  bench_remove_tree (root, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/generate/files", test_generate_files);
  g_test_add_func ("/generate/average", test_generate_average);
  g_test_add_func ("/generate/command", test_generate_command);

  return g_test_run ();
}
