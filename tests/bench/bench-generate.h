/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A generator of workspaces shaped like the bundled example meta-issue, for
 * benchmarks. GLib only: it must not share code with the parser it measures. */

typedef struct _BenchExample BenchExample;

typedef struct
{
  guint      n_issues;
  guint      n_attempts;   /* attempts folders written, all issues together */
  guint      n_files;
  guint64    n_bytes;
  GPtrArray *paths;        /* (element-type filename): every file written, in order */
} BenchGenerateStats;

BenchExample *bench_example_load          (const char          *dir,
                                           GError             **error);
void          bench_example_free          (BenchExample        *example);
guint         bench_example_get_n_attempts (BenchExample       *example);
char         *bench_example_default_dir   (void);

guint         bench_generate_attempts_for (BenchExample        *example,
                                           guint                index);
char         *bench_generate_slug         (BenchExample        *example,
                                           guint                index);
gboolean      bench_generate              (BenchExample        *example,
                                           const char          *outdir,
                                           guint                n_issues,
                                           BenchGenerateStats  *stats,
                                           GError             **error);
void          bench_generate_stats_clear  (BenchGenerateStats  *stats);

gboolean      bench_remove_tree           (const char          *path,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchExample, bench_example_free)

G_END_DECLS
