/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "mi-test-util.h"

/*
 * `meta-issues-cli chart` as a user runs it: the PNG and SVG files it
 * writes (signature, size, text), and its exit status on mistakes.
 */

#define EXAMPLE_SLUG "example-performance-saga"

static char *root;
static char **environment;

static int
run_cli (const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("MI_CLI");
  va_list args;
  int status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "-C");
  g_ptr_array_add (argv, root);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = mi_test_spawnv (NULL, (const char * const *) argv->pdata,
                           (const char * const *) environment, NULL, &err);
  if (err[0] != '\0')
    g_test_message ("stderr: %s", err);

  return status;
}

static char *
output_path (const char *name)
{
  return g_build_filename (root, name, NULL);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A PNG: its signature, an IHDR chunk first, the size it says. */
static void
assert_png (const char *path,
            guint32     width,
            guint32     height)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 33);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 ((const guint8 *) data + 16), ==, width);
  g_assert_cmpuint (read_be32 ((const guint8 *) data + 20), ==, height);
  g_assert_cmpmem (data + length - 8, 4, "IEND", 4);
}

static void
test_cli_png (void)
{
  g_autofree char *path = output_path ("tc-001.png");
  g_autofree char *small = output_path ("tc-001-small.PNG");
  g_autofree char *dark = output_path ("tc-002-dark.png");

  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "TC-001", "-o", path, NULL), ==, 0);
  assert_png (path, 800, 450);

  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "TC-001", "-o", small,
                            "--width", "640", "--height", "360", NULL), ==, 0);
  assert_png (small, 640, 360);

  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "TC-002", "--output", dark, "--dark", NULL), ==, 0);
  assert_png (dark, 800, 450);
}

static void
test_cli_svg (void)
{
  g_autofree char *path = output_path ("tc-003.svg");
  g_autofree char *data = NULL;

  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "TC-003", "-o", path, NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"450\""));
  g_assert_true (g_str_has_suffix (data, "</svg>\n"));
  g_assert_nonnull (strstr (data, ">TC-003: CPU Under Load</text>"));
  g_assert_nonnull (strstr (data, ">target &lt; 40%</text>"));
  g_assert_nonnull (strstr (data, ">25%</text>"));
}

static void
test_cli_overview (void)
{
  g_autofree char *png = output_path ("overview.png");
  g_autofree char *svg = output_path ("overview.svg");
  g_autofree char *data = NULL;

  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "-o", png, "--width", "1000", NULL), ==, 0);
  {
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (png, &bytes, &length, NULL));
    g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
    g_assert_cmpuint (read_be32 ((const guint8 *) bytes + 16), ==, 1000);
  }

  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "-o", svg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, ">Performance Optimization Saga</text>"));
  g_assert_nonnull (strstr (data, ">TC-002</text>"));
  g_assert_nonnull (strstr (data, ">Timeline</text>"));
  g_assert_nonnull (strstr (data, ">2024-09-01</text>"));
}

static void
test_cli_errors (void)
{
  g_autofree char *jpg = output_path ("chart.jpg");
  g_autofree char *png = output_path ("none.png");
  g_autofree char *missing = output_path ("no-such-folder/chart.png");

  /* Usage errors: 2 */
  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "TC-001", NULL), ==, 2);
  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "TC-001", "-o", jpg, NULL), ==, 2);
  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "TC-001", "-o", png, "--width", "20", NULL), ==, 2);
  g_assert_cmpint (run_cli ("chart", "-o", png, NULL), ==, 2);
  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "TC-001", "extra", "-o", png, NULL), ==, 2);

  /* Failures: 1, and no file */
  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "TC-099", "-o", png, NULL), ==, 1);
  g_assert_cmpint (run_cli ("chart", "no-such-issue", "-o", png, NULL), ==, 1);
  g_assert_cmpint (run_cli ("chart", EXAMPLE_SLUG, "TC-001", "-o", missing, NULL), ==, 1);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *source = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  source = mi_test_source_path ("resources", "example", NULL);
  root = mi_test_copy_tree (source);

  /* Under LeakSanitizer: fontconfig (2.14) loses a few bytes parsing its
   * configuration in Pango's start-up thread; the CLI's own code must not. */
  environment = g_get_environ ();
  if (g_environ_getenv (environment, "LSAN_OPTIONS") == NULL)
    {
      g_autofree char *suppressions = g_build_filename (root, "lsan.supp", NULL);
      g_autofree char *options = g_strconcat ("suppressions=", suppressions, NULL);

      g_assert_true (g_file_set_contents (suppressions, "leak:libfontconfig.so\n", -1, NULL));
      environment = g_environ_setenv (environment, "LSAN_OPTIONS", options, TRUE);
    }

  g_test_add_func ("/chart-cli/png", test_cli_png);
  g_test_add_func ("/chart-cli/svg", test_cli_svg);
  g_test_add_func ("/chart-cli/overview", test_cli_overview);
  g_test_add_func ("/chart-cli/errors", test_cli_errors);

  ret = g_test_run ();

  mi_test_remove_tree (root);
  g_free (root);
  g_strfreev (environment);

  return ret;
}
