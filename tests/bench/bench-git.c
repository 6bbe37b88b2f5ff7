/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-git"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>
#include <gio/gio.h>

#include "mi-repository.h"
#include "mi-test-util.h"

/* bench-git [N_FILES]
 *
 * The commit budget: in a repository of 20,000 files (19,000 sources and
 * 1,000 meta-issue files, packed, as a team's repository is), listing the
 * changes and committing 10 changed meta-issue files with MiRepository takes
 * no longer than `git add` + `git commit` of 10 such files on the same
 * machine. Rounds alternate between the two, each on fresh changes; the
 * medians are compared. Prints both and the ratio; exits 1 when slower. */

#define N_ROUNDS        7
#define N_CHANGED       10
#define FILES_PER_ISSUE 10

static void
write_text (const char *root,
            const char *path,
            const char *text,
            gboolean    append)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  FILE *f;

  if (!append)
    {
      g_autofree char *dir = g_path_get_dirname (full);

      g_mkdir_with_parents (dir, 0755);
    }
  f = fopen (full, append ? "a" : "w");
  if (f == NULL)
    {
      g_printerr ("bench-git: cannot write %s\n", full);
      exit (2);
    }
  fputs (text, f);
  fclose (f);
}

static GPtrArray *
generate (const char *root,
          guint       n_files)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_free);
  guint n_docs = n_files / 20;
  guint n_sources = n_files - n_docs;
  static const char *issue_files[FILES_PER_ISSUE] = {
    "README.md", "description.md", "implementation-log.md", "test-cases.md",
    "attempts/001-baseline/solution-approach.md", "attempts/001-baseline/attempt-results.md",
    "attempts/002-caching/solution-approach.md", "attempts/002-caching/attempt-results.md",
    "attempts/003-pooling/solution-approach.md", "attempts/003-pooling/attempt-results.md",
  };

  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *path = g_strdup_printf ("src/module-%03u/file-%04u.c", i / 190, i);
      g_autofree char *text = g_strdup_printf ("/* file %u */\nint f%u (void) { return %u; }\n", i, i, i);

      write_text (root, path, text, FALSE);
    }

  for (guint i = 0; i < n_docs; i++)
    {
      g_autofree char *path = g_strdup_printf ("docs/meta-issues/issue-%03u/%s", i / FILES_PER_ISSUE,
                                               issue_files[i % FILES_PER_ISSUE]);
      g_autofree char *text = g_strdup_printf ("# Meta-Issue %u\n\n**Status:** In Progress\n\nSome text.\n", i);

      write_text (root, path, text, FALSE);
      g_ptr_array_add (docs, g_steal_pointer (&path));
    }

  return docs;
}

/* Changes the next N_CHANGED meta-issue files; returns their paths. */
static GPtrArray *
change_files (const char *root,
              GPtrArray  *docs,
              guint      *next)
{
  GPtrArray *paths = g_ptr_array_new ();

  for (guint i = 0; i < N_CHANGED; i++)
    {
      const char *path = g_ptr_array_index (docs, (*next)++ % docs->len);
      g_autofree char *line = g_strdup_printf ("\n**%u:** another line\n", *next);

      write_text (root, path, line, TRUE);
      g_ptr_array_add (paths, (gpointer) path);
    }
  return paths;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = mi_test_make_tmp (NULL, "mi-bench-git");
  g_autofree char *root = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GArray) git_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) mi_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(MiRepository) repository = NULL;
  g_autoptr(GFile) folder = NULL;
  guint n_files = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20000;
  guint next = 0;
  gint64 start;
  double git_us, mi_us;
  double ratio;

  /* Nobody's configuration: the same for git and libgit2. */
  mi_test_isolate_git (top);
  git_libgit2_init ();
  git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, top);

  root = g_build_filename (top, "repo", NULL);
  g_mkdir_with_parents (root, 0755);
  start = g_get_monotonic_time ();
  docs = generate (root, n_files);
  mi_test_git (root, "init", "-q", "-b", "main", NULL);
  mi_test_git (root, "config", "user.name", "Bench", NULL);
  mi_test_git (root, "config", "user.email", "bench@example.org", NULL);
  mi_test_git (root, "add", "-A", NULL);
  mi_test_git (root, "-c", "gc.auto=0", "commit", "-q", "-m", "Initial", NULL);
  mi_test_git (root, "gc", "-q", NULL);
  g_print ("repository: %u files (%u under docs/meta-issues/), made in %.1f s\n",
           n_files, docs->len, (g_get_monotonic_time () - start) / 1e6);

  folder = g_file_new_for_path (root);
  repository = mi_repository_open (folder, &error);
  if (repository == NULL)
    {
      g_printerr ("bench-git: %s\n", error->message);
      return 2;
    }

  /* A first round of each, untimed: warm caches. */
  for (guint round = 0; round <= N_ROUNDS; round++)
    {
      g_autoptr(GPtrArray) paths = NULL;
      g_autoptr(MiChangeSet) set = NULL;
      g_autoptr(MiCommitInfo) info = NULL;
      g_auto(GStrv) chosen = NULL;
      g_autofree char *message = NULL;
      double elapsed;

      /* git add + git commit */
      paths = change_files (root, docs, &next);
      {
        g_autoptr(GPtrArray) argv_add = g_ptr_array_new ();

        g_ptr_array_add (argv_add, (gpointer) "git");
        g_ptr_array_add (argv_add, (gpointer) "add");
        g_ptr_array_add (argv_add, (gpointer) "--");
        for (guint i = 0; i < paths->len; i++)
          g_ptr_array_add (argv_add, g_ptr_array_index (paths, i));
        g_ptr_array_add (argv_add, NULL);

        start = g_get_monotonic_time ();
        if (mi_test_spawnv (root, (const char * const *) argv_add->pdata, NULL, NULL, NULL) != 0)
          {
            g_printerr ("bench-git: git add failed\n");
            return 2;
          }
        mi_test_git (root, "commit", "-q", "-m", "git: ten files", NULL);
        elapsed = (double) (g_get_monotonic_time () - start);
        if (round > 0)
          g_array_append_val (git_times, elapsed);
      }
      g_clear_pointer (&paths, g_ptr_array_unref);

      /* MiRepository: list the changes, commit the ten */
      paths = change_files (root, docs, &next);
      start = g_get_monotonic_time ();
      set = mi_repository_list_changes (repository, NULL, &error);
      if (set == NULL)
        {
          g_printerr ("bench-git: %s\n", error->message);
          return 2;
        }
      chosen = mi_change_set_get_paths (set, TRUE);
      message = mi_change_set_suggest_message (set, TRUE);
      info = mi_repository_commit (repository, (const char * const *) chosen, message, NULL, NULL, &error);
      elapsed = (double) (g_get_monotonic_time () - start);
      if (info == NULL)
        {
          g_printerr ("bench-git: %s\n", error->message);
          return 2;
        }
      if (g_strv_length (chosen) != N_CHANGED)
        {
          g_printerr ("bench-git: listed %u changed files, expected %u\n", g_strv_length (chosen), N_CHANGED);
          return 2;
        }
      if (round > 0)
        g_array_append_val (mi_times, elapsed);
    }

  git_us = mi_test_median (git_times);
  mi_us = mi_test_median (mi_times);
  ratio = mi_us / git_us;

  g_print ("git add + git commit (10 files):            %7.1f ms (median of %u)\n", git_us / 1000.0, N_ROUNDS);
  g_print ("MiRepository list changes + commit (10 files): %7.1f ms (median of %u)\n", mi_us / 1000.0, N_ROUNDS);
  g_print ("ratio: %.2f (budget: 1.00)\n", ratio);

  mi_test_remove_tree (top);
  git_libgit2_shutdown ();

  if (ratio > 1.0)
    {
      g_print ("FAIL: listing and committing is slower than git add + git commit\n");
      return 1;
    }
  return 0;
}
