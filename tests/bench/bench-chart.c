/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-chart"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <cairo.h>
#include <gio/gio.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/* bench-chart
 *
 * The chart budgets:
 * - drawing the overview of 50 attempts × 20 test cases (model, layout and
 *   cairo drawing, 1000 × 700 pixels) takes ≤ 4 ms (median of the runs);
 * - exporting the example's three test case charts to SVG and to PNG with
 *   meta-issues-cli (six processes, from start to exit) takes ≤ 150 ms in
 *   total (best of five rounds, the files warm).
 * Prints the figures; exits 1 when a budget is missed. */

#define DRAW_BUDGET_MS    4.0
#define EXPORT_BUDGET_MS  150.0
#define DRAW_RUNS         60
#define EXPORT_ROUNDS     10

/* A meta-issue of @n_attempts attempts (timeline with dates) and @n_cases
 * test cases with a result per attempt, values over two decades. */
static char *
write_workspace (guint n_attempts,
                 guint n_cases)
{
  g_autoptr(GString) readme = g_string_new (NULL);
  g_autoptr(GString) cases = g_string_new ("# Test Cases\n");
  char *root = mi_test_make_tmp (NULL, "mi-bench-chart");

  g_string_append (readme, "# Meta-Issue: Many attempts\n\n**Status:** In Progress\n\n"
                           "## Timeline Summary\n\n| Attempt | Date | Approach | Result |\n"
                           "|---------|------|----------|--------|\n");
  for (guint a = 1; a <= n_attempts; a++)
    g_string_append_printf (readme, "| %03u | 2024-%02u-%02u to 2024-%02u-%02u | Try %u | %s |\n",
                            a, 1 + (a - 1) / 5, 1 + ((a - 1) % 5) * 5, 1 + (a - 1) / 5,
                            4 + ((a - 1) % 5) * 5, a,
                            a == n_attempts ? "✅ Success" : a % 3 == 0 ? "⚠️ Partial" : "❌ Failed");

  for (guint c = 1; c <= n_cases; c++)
    {
      g_string_append_printf (cases, "\n## TC-%03u: Case number %u\n**Target:** < 1,000ms\n\n"
                                     "**Results:**\n", c, c);
      for (guint a = 1; a <= n_attempts; a++)
        {
          guint value = 100 * (1 + ((a * 7 + c * 13) % 100));

          g_string_append_printf (cases, "- Attempt %03u: %ums (%s)\n", a, value,
                                  value < 1000 ? "PASS" : "FAIL");
        }
    }

  mi_test_write_text (root, "docs/meta-issues/many/README.md", readme->str);
  mi_test_write_text (root, "docs/meta-issues/many/test-cases.md", cases->str);

  return root;
}

typedef struct
{
  double total, model, layout, draw;  /* milliseconds */
} Times;

/* Model, layout and drawing of one chart. */
static Times
draw_once (MiIssue         *issue,
           MiTestCase      *test_case,
           cairo_surface_t *surface)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(MiChartModel) model = test_case != NULL ? mi_chart_model_new_for_test_case (issue, test_case)
                                                    : mi_chart_model_new_for_issue (issue);
  gint64 modelled = g_get_monotonic_time ();
  g_autoptr(MiChartLayout) layout = mi_chart_layout_new (model,
                                                         cairo_image_surface_get_width (surface),
                                                         cairo_image_surface_get_height (surface),
                                                         FALSE);
  gint64 laid_out = g_get_monotonic_time ();
  cairo_t *cr = cairo_create (surface);
  gint64 end;

  mi_chart_layout_draw (layout, cr, TRUE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  end = g_get_monotonic_time ();

  return (Times) { (end - start) / 1000.0, (modelled - start) / 1000.0,
                   (laid_out - modelled) / 1000.0, (end - laid_out) / 1000.0 };
}

/* The median of each part over the runs. */
static Times
bench_draw (MiIssue    *issue,
            MiTestCase *test_case,
            int         width,
            int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw = g_array_new (FALSE, FALSE, sizeof (double));

  draw_once (issue, test_case, surface);  /* fonts and glyph caches warm */
  for (guint i = 0; i < DRAW_RUNS; i++)
    {
      Times t = draw_once (issue, test_case, surface);

      g_array_append_val (total, t.total);
      g_array_append_val (model, t.model);
      g_array_append_val (layout, t.layout);
      g_array_append_val (draw, t.draw);
    }

  cairo_surface_destroy (surface);
  return (Times) { mi_test_median (total), mi_test_median (model), mi_test_median (layout),
                   mi_test_median (draw) };
}

static double
children_cpu_ms (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_CHILDREN, &usage) != 0)
    return 0;
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static double
run_exports (const char *cli,
             const char *example,
             const char *out_dir)
{
  static const char *ids[] = { "TC-001", "TC-002", "TC-003" };
  static const char *extensions[] = { "svg", "png" };
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", ids[i], extensions[e]);
        g_autofree char *out = g_build_filename (out_dir, name, NULL);
        const char *argv[] = { cli, "-C", example, "chart", "example-performance-saga", ids[i],
                               "-o", out, NULL };
        g_autoptr(GError) error = NULL;
        int status;

        if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                           NULL, NULL, &status, &error) ||
            !g_spawn_check_wait_status (status, &error))
          g_error ("%s failed: %s", cli, error->message);
      }

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *example = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("MI_CLI");
  const char *source_root = g_getenv ("MI_SOURCE_ROOT");
  Times overview, single;
  double export_ms = G_MAXDOUBLE;
  double cpu_start, cpu_ms;
  gboolean ok = TRUE;
  MiIssue *issue;

  setlocale (LC_ALL, "");

  if (cli == NULL || source_root == NULL)
    {
      g_printerr ("bench-chart: set MI_CLI and MI_SOURCE_ROOT (meson test --benchmark does)\n");
      return 2;
    }

  root = write_workspace (50, 20);
  file = g_file_new_for_path (root);
  workspace = mi_workspace_open (file, NULL, &error);
  g_assert_no_error (error);
  issue = mi_workspace_find_issue (workspace, "many");
  g_assert_nonnull (issue);

  overview = bench_draw (issue, NULL, 1000, 700);
  single = bench_draw (issue, mi_issue_find_test_case (issue, "TC-001"), 800, 450);

  g_print ("chart: overview of 50 attempts × 20 test cases (1000×700): %.2f ms (model %.2f, layout %.2f, drawing %.2f; medians of %u) — budget %.0f ms\n",
           overview.total, overview.model, overview.layout, overview.draw, DRAW_RUNS, DRAW_BUDGET_MS);
  g_print ("chart: one test case of 50 attempts (800×450): %.2f ms (model %.2f, layout %.2f, drawing %.2f)\n",
           single.total, single.model, single.layout, single.draw);
  if (overview.total > DRAW_BUDGET_MS)
    {
      g_print ("chart: OVER BUDGET: drawing takes %.2f ms > %.0f ms\n", overview.total, DRAW_BUDGET_MS);
      ok = FALSE;
    }

  example = g_build_filename (source_root, "resources", "example", NULL);
  out_dir = mi_test_make_tmp (NULL, "mi-bench-chart-out");
  run_exports (cli, example, out_dir);  /* warm */
  cpu_start = children_cpu_ms ();
  for (guint i = 0; i < EXPORT_ROUNDS; i++)
    export_ms = MIN (export_ms, run_exports (cli, example, out_dir));
  cpu_ms = (children_cpu_ms () - cpu_start) / EXPORT_ROUNDS;

  g_print ("chart: meta-issues-cli, the example's 3 charts to SVG and PNG (6 runs): %.1f ms in total, best of %u (budget %.0f ms); CPU %.1f ms a round on average\n",
           export_ms, EXPORT_ROUNDS, EXPORT_BUDGET_MS, cpu_ms);
  if (export_ms > EXPORT_BUDGET_MS)
    {
      g_print ("chart: OVER BUDGET: exports take %.1f ms > %.0f ms\n", export_ms, EXPORT_BUDGET_MS);
      ok = FALSE;
    }

  g_clear_object (&workspace);
  mi_test_remove_tree (root);
  mi_test_remove_tree (out_dir);

  return ok ? 0 : 1;
}
