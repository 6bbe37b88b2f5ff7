/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-load"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gio/gio.h>

#include "bench-generate.h"
#include "mi-issue.h"
#include "mi-workspace.h"

/* bench-load [--example DIR] [--cmark PATH] [N…]
 *
 * The load budget: opening a workspace of 1,000 meta-issues (≈ 11,000 files)
 * takes no more than 1.5× the time `cmark-gfm` needs to parse the same files,
 * measured in the same run, and 10,000 scale linearly. Both contenders read
 * warm files: each runs once untimed first. Exits 1 when a budget is missed,
 * 77 (skipped) without cmark-gfm. */

#define MAX_RATIO          1.5   /* load time / cmark-gfm time at the first N */
#define SCALING_ALLOWANCE  1.3   /* load scaling ≤ cmark-gfm scaling × this */
#define FILES_PER_PROCESS  2000  /* the way xargs would batch them */
#define EXIT_SKIP          77

typedef struct
{
  guint   n_issues;
  guint   n_files;
  guint64 n_bytes;
  gint64  load_us;
  gint64  cmark_us;
  gint64  load_cpu_us;   /* of the best run: user + system, all threads */
  gint64  cmark_cpu_us;  /* of the best run: user + system, all processes */
  guint   runs;
} Row;

static const char *cmark_extensions[] = {
  "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist",
};

static gint64
cpu_time (int who)
{
  struct rusage usage;

  if (getrusage (who, &usage) != 0)
    return 0;

  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static char *
read_status_field (const char *field)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return g_strdup ("unknown");

  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strncmp (lines[i], field, len) == 0 && lines[i][len] == ':')
        return g_strstrip (g_strdup (lines[i] + len + 1));
    }

  return g_strdup ("unknown");
}

/* Untimed: that the load gave every issue and every attempt, so that the
 * timed loads measured a full parse. */
static gboolean
check_workspace (MiWorkspace         *workspace,
                 BenchGenerateStats  *stats,
                 GError             **error)
{
  GListModel *issues = G_LIST_MODEL (workspace);
  guint n_items = g_list_model_get_n_items (issues);
  guint n_attempts = 0;

  if (n_items != stats->n_issues)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The workspace has %u meta-issues, the generator wrote %u",
                   n_items, stats->n_issues);
      return FALSE;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MiIssue) issue = g_list_model_get_item (issues, i);

      n_attempts += g_list_model_get_n_items (mi_issue_get_attempts (issue));
    }

  if (n_attempts != stats->n_attempts)
    g_printerr ("note: the workspace has %u attempts, the generator wrote %u\n",
                n_attempts, stats->n_attempts);

  return TRUE;
}

static gint64
time_load (GFile               *root,
           BenchGenerateStats  *stats,
           gboolean             check,
           gint64              *cpu_us,
           GError             **error)
{
  g_autoptr(MiWorkspace) workspace = NULL;
  gint64 cpu_begin = cpu_time (RUSAGE_SELF);
  gint64 begin = g_get_monotonic_time ();
  gint64 end;

  if (!(workspace = mi_workspace_open (root, NULL, error)))
    return -1;

  if (g_list_model_get_n_items (G_LIST_MODEL (workspace)) != stats->n_issues)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The workspace has %u meta-issues, the generator wrote %u",
                   g_list_model_get_n_items (G_LIST_MODEL (workspace)), stats->n_issues);
      return -1;
    }

  g_clear_object (&workspace);
  end = g_get_monotonic_time ();
  if (cpu_us != NULL)
    *cpu_us = cpu_time (RUSAGE_SELF) - cpu_begin;

  if (check)
    {
      /* a second, untimed load to look inside */
      if (!(workspace = mi_workspace_open (root, NULL, error)) ||
          !check_workspace (workspace, stats, error))
        return -1;
    }

  return end - begin;
}

static gint64
time_cmark (const char          *cmark,
            BenchGenerateStats  *stats,
            gint64              *cpu_us,
            GError             **error)
{
  gint64 cpu_begin = cpu_time (RUSAGE_CHILDREN);
  gint64 begin = g_get_monotonic_time ();
  gint64 end;

  for (guint first = 0; first < stats->paths->len; first += FILES_PER_PROCESS)
    {
      guint last = MIN (first + FILES_PER_PROCESS, stats->paths->len);
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      int wait_status;

      g_ptr_array_add (argv, (char *) cmark);
      for (guint i = 0; i < G_N_ELEMENTS (cmark_extensions); i++)
        g_ptr_array_add (argv, (char *) cmark_extensions[i]);
      for (guint i = first; i < last; i++)
        g_ptr_array_add (argv, g_ptr_array_index (stats->paths, i));
      g_ptr_array_add (argv, NULL);

      if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &wait_status, error) ||
          !g_spawn_check_wait_status (wait_status, error))
        {
          g_prefix_error (error, "%s: ", cmark);
          return -1;
        }
    }

  end = g_get_monotonic_time ();
  if (cpu_us != NULL)
    *cpu_us = cpu_time (RUSAGE_CHILDREN) - cpu_begin;

  return end - begin;
}

static gboolean
run_size (BenchExample  *example,
          const char    *cmark,
          guint          n_issues,
          Row           *row,
          GError       **error)
{
  g_autofree char *tmpdir = NULL;
  g_autoptr(GFile) root = NULL;
  BenchGenerateStats stats = { 0 };
  gboolean ret = FALSE;
  guint runs = n_issues <= 1000 ? 3 : 1;
  gint64 before;

  if (!(tmpdir = g_dir_make_tmp ("mi-bench-XXXXXX", error)))
    return FALSE;

  stats.paths = g_ptr_array_new_with_free_func (g_free);
  before = g_get_monotonic_time ();
  if (!bench_generate (example, tmpdir, n_issues, &stats, error))
    goto out;
  g_printerr ("generated %u meta-issues (%u files) in %.1f s\n",
              n_issues, stats.n_files, (g_get_monotonic_time () - before) / 1e6);

  /* Write the new files back now, not while the contenders read them; the
   * page cache keeps them. */
  sync ();

  root = g_file_new_for_path (tmpdir);

  /* Warm-up, untimed: both contenders then read files from the page cache. */
  if (time_load (root, &stats, TRUE, NULL, error) < 0 ||
      time_cmark (cmark, &stats, NULL, error) < 0)
    goto out;

  row->n_issues = n_issues;
  row->n_files = stats.n_files;
  row->n_bytes = stats.n_bytes;
  row->load_us = G_MAXINT64;
  row->cmark_us = G_MAXINT64;
  row->runs = runs;

  for (guint r = 0; r < runs; r++)
    {
      gint64 load_us;
      gint64 cmark_us;
      gint64 load_cpu_us;
      gint64 cmark_cpu_us;

      if ((load_us = time_load (root, &stats, FALSE, &load_cpu_us, error)) < 0 ||
          (cmark_us = time_cmark (cmark, &stats, &cmark_cpu_us, error)) < 0)
        goto out;

      g_printerr ("N=%u run %u: load %.1f ms (CPU %.1f ms), cmark-gfm %.1f ms (CPU %.1f ms)\n",
                  n_issues, r + 1, load_us / 1e3, load_cpu_us / 1e3,
                  cmark_us / 1e3, cmark_cpu_us / 1e3);
      if (load_us < row->load_us)
        {
          row->load_us = load_us;
          row->load_cpu_us = load_cpu_us;
        }
      if (cmark_us < row->cmark_us)
        {
          row->cmark_us = cmark_us;
          row->cmark_cpu_us = cmark_cpu_us;
        }
    }

  ret = TRUE;

out:
  bench_generate_stats_clear (&stats);
  if (!bench_remove_tree (tmpdir, ret ? error : NULL))
    ret = FALSE;

  return ret;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *example_dir = NULL;
  g_autofree char *cmark = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BenchExample) example = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autofree char *peak = NULL;
  const GOptionEntry entries[] = {
    { "example", 0, 0, G_OPTION_ARG_FILENAME, &example_dir,
      "The example meta-issue folder the generator varies", "DIR" },
    { "cmark", 0, 0, G_OPTION_ARG_FILENAME, &cmark,
      "The cmark-gfm command to compare with", "PATH" },
    { NULL }
  };
  const Row *first;
  const Row *last;
  double ratio;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("[N…]");
  g_option_context_set_summary (context,
                                "Time loading workspaces of N meta-issues (default 1000 and\n"
                                "10000) against cmark-gfm parsing the same files.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-load: %s\n", error->message);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    {
      char *end;
      guint64 n = g_ascii_strtoull (argv[i], &end, 10);

      if (*argv[i] == '\0' || *end != '\0' || n == 0 || n > G_MAXUINT)
        {
          g_printerr ("bench-load: “%s” is not a number of meta-issues\n", argv[i]);
          return EXIT_FAILURE;
        }
      g_array_append_vals (sizes, &(guint) { (guint) n }, 1);
    }
  if (sizes->len == 0)
    {
      const guint defaults[] = { 1000, 10000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }

  if (cmark == NULL && !(cmark = g_find_program_in_path ("cmark-gfm")))
    {
      g_print ("bench-load: cmark-gfm not found (apt install cmark-gfm): "
               "nothing to compare with, skipped\n");
      return EXIT_SKIP;
    }

  if (example_dir == NULL && !(example_dir = bench_example_default_dir ()))
    {
      g_printerr ("bench-load: set MI_SOURCE_ROOT or pass --example DIR\n");
      return EXIT_FAILURE;
    }

  if (!(example = bench_example_load (example_dir, &error)))
    {
      g_printerr ("bench-load: %s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < sizes->len; i++)
    {
      Row row = { 0 };

      if (!run_size (example, cmark, g_array_index (sizes, guint, i), &row, &error))
        {
          g_printerr ("bench-load: N=%u: %s\n", g_array_index (sizes, guint, i),
                      error->message);
          return EXIT_FAILURE;
        }
      g_array_append_val (rows, row);

      if (i == sizes->len - 1)
        peak = read_status_field ("VmHWM");
    }

  g_print ("\nLoading a workspace (mi_workspace_open) vs. %s %s (best of runs)\n\n",
           cmark, "-e table -e strikethrough -e autolink -e tasklist");
  g_print ("%7s %7s %11s %5s %9s %13s %6s   %9s %13s %6s\n",
           "N", "files", "bytes", "runs", "load ms", "cmark-gfm ms", "ratio",
           "load CPU", "cmark-gfm CPU", "ratio");
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      g_print ("%7u %7u %11" G_GUINT64_FORMAT " %5u %9.1f %13.1f %6.2f   %9.1f %13.1f %6.2f\n",
               row->n_issues, row->n_files, row->n_bytes, row->runs,
               row->load_us / 1e3, row->cmark_us / 1e3,
               (double) row->load_us / (double) row->cmark_us,
               row->load_cpu_us / 1e3, row->cmark_cpu_us / 1e3,
               (double) row->load_cpu_us / (double) MAX (row->cmark_cpu_us, 1));
    }
  g_print ("(times are wall-clock, the budget's measure; CPU is user + system of all\n"
           " threads or processes, for the cost on one core)\n");

  first = &g_array_index (rows, Row, 0);
  last = &g_array_index (rows, Row, rows->len - 1);

  if (rows->len > 1)
    g_print ("\nscaling %u/%u: load %.2f×, cmark-gfm %.2f× (linear: %.2f×)\n",
             last->n_issues, first->n_issues,
             (double) last->load_us / (double) first->load_us,
             (double) last->cmark_us / (double) first->cmark_us,
             (double) last->n_issues / (double) first->n_issues);

  g_print ("peak RSS (VmHWM) after loading %u: %s\n\n", last->n_issues, peak);

  ratio = (double) first->load_us / (double) first->cmark_us;
  if (ratio > MAX_RATIO)
    {
      g_print ("BUDGET MISSED: loading %u meta-issues took %.2f× the time of cmark-gfm "
               "(budget: %.2f×)\n", first->n_issues, ratio, MAX_RATIO);
      ok = FALSE;
    }
  else
    g_print ("budget met: load/cmark-gfm at %u = %.2f× (≤ %.2f×)\n",
             first->n_issues, ratio, MAX_RATIO);

  if (rows->len > 1)
    {
      /* cmark-gfm parses file by file and so scales linearly by construction;
       * whatever the machine adds at 10× the files (page cache, disk) it adds
       * to both. So "linear" is judged against it, measured in the same run. */
      double linear = (double) last->n_issues / (double) first->n_issues;
      double scaling = (double) last->load_us / (double) first->load_us;
      double reference = (double) last->cmark_us / (double) first->cmark_us;
      double limit = MAX (linear, reference) * SCALING_ALLOWANCE;

      if (scaling > limit)
        {
          g_print ("BUDGET MISSED: loading %u took %.2f× loading %u "
                   "(linear: %.2f×, cmark-gfm: %.2f×, budget: %.2f×)\n",
                   last->n_issues, scaling, first->n_issues, linear, reference, limit);
          ok = FALSE;
        }
      else
        g_print ("budget met: load %u/%u = %.2f× (≤ %.2f×: linear %.2f×, cmark-gfm %.2f×, ×%.1f for noise)\n",
                 last->n_issues, first->n_issues, scaling, limit, linear, reference, SCALING_ALLOWANCE);
    }

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
