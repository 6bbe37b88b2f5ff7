/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-generate"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib.h>

#include "bench-generate.h"

/* mi-generate [--example DIR] OUTDIR N
 *
 * Writes OUTDIR/docs/meta-issues/<slug>/ for N meta-issues, each a variation of
 * the example meta-issue (by default $MI_SOURCE_ROOT/resources/example/…). */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *example_dir = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BenchExample) example = NULL;
  g_autoptr(GError) error = NULL;
  BenchGenerateStats stats = { 0 };
  const GOptionEntry entries[] = {
    { "example", 0, 0, G_OPTION_ARG_FILENAME, &example_dir,
      "The example meta-issue folder to vary", "DIR" },
    { NULL }
  };
  guint64 n_issues;
  char *end;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("OUTDIR N");
  g_option_context_set_summary (context,
                                "Write a workspace of N meta-issues shaped like the example.");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("mi-generate: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (argc != 3)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_FAILURE;
    }

  n_issues = g_ascii_strtoull (argv[2], &end, 10);
  if (*argv[2] == '\0' || *end != '\0' || n_issues > G_MAXUINT)
    {
      g_printerr ("mi-generate: “%s” is not a number of meta-issues\n", argv[2]);
      return EXIT_FAILURE;
    }

  if (example_dir == NULL && !(example_dir = bench_example_default_dir ()))
    {
      g_printerr ("mi-generate: set MI_SOURCE_ROOT or pass --example DIR\n");
      return EXIT_FAILURE;
    }

  if (!(example = bench_example_load (example_dir, &error)) ||
      !bench_generate (example, argv[1], (guint) n_issues, &stats, &error))
    {
      g_printerr ("mi-generate: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("%u meta-issues, %u attempts, %u files, %" G_GUINT64_FORMAT " bytes in %s\n",
           stats.n_issues, stats.n_attempts, stats.n_files, stats.n_bytes, argv[1]);

  bench_generate_stats_clear (&stats);

  return EXIT_SUCCESS;
}
