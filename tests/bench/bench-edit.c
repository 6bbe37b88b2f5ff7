/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-edit"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "meta-issues.h"
#include "mi-application.h"
#include "mi-window.h"

/* bench-edit [MB]
 *
 * The window stays responsive while a structured edit writes and parses a
 * big meta-issue: the example's README grown to MB (5) megabytes, its
 * status set from the window's action (win.set-status, the app's own
 * path), then a log entry added. A timeout of 1 ms on the main loop
 * measures each gap between its runs from the action until the meta-issue
 * shows the new status and 300 ms more (the window draws it); the longest
 * gap is the longest the window could not draw nor answer. Budget: 16 ms. Exits 1 when it is missed. Judged
 * with the cairo renderer and GL not set up, as bench-window is, unless
 * GSK_RENDERER says otherwise. */

#define BUDGET_STALL_MS 16.0
#define TIMEOUT_S       60

typedef struct
{
  gint64 last_us;
  double max_gap_ms;
  guint  n_ticks;
} Ticks;

static gboolean
tick_cb (gpointer user_data)
{
  Ticks *ticks = user_data;
  gint64 now = g_get_monotonic_time ();

  if (ticks->last_us > 0)
    ticks->max_gap_ms = MAX (ticks->max_gap_ms, (now - ticks->last_us) / 1000.0);
  ticks->last_us = now;
  ticks->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static void
copy_tree (GFile *src,
           GFile *dest)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_file_make_directory_with_parents (dest, NULL, NULL);
  children = g_file_enumerate_children (src, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) from = g_file_get_child (src, g_file_info_get_name (info));
      g_autoptr(GFile) to = g_file_get_child (dest, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        copy_tree (from, to);
      else
        g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
      g_object_unref (info);
    }
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static gboolean
wait_until (gboolean (*condition) (gpointer),
            gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

/* Runs the main loop for @ms: the window draws what changed. */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
window_ready (gpointer data)
{
  return !mi_window_get_busy (data) && mi_window_get_issue (data) != NULL;
}

static gboolean
is_abandoned (gpointer data)
{
  return mi_issue_get_status (data) == MI_STATUS_ABANDONED && !mi_issue_get_editing (data);
}

static gboolean
is_done (gpointer data)
{
  return !mi_issue_get_editing (data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GString) big = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *text = NULL;
  double megabytes = 5.0;
  Ticks status_ticks = { 0 }, log_ticks = { 0 };
  MiWindow *window;
  MiIssue *issue;
  guint tick;
  gint64 start;
  double status_ms, log_ms;
  gboolean ok = TRUE;

  if (argc > 1)
    megabytes = g_ascii_strtod (argv[1], NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-edit: no display (run it under xvfb-run); skipped\n");
      return 77;
    }

  /* As bench-window judges: Xvfb has no GPU, and GTK's GL renderer on
   * llvmpipe (software GL) costs what no user's desktop pays. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    {
      g_setenv ("GSK_RENDERER", "cairo", TRUE);
      g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
    }

  gtk_init ();
  adw_init ();

  /* The example, its README grown with an appendix of plain paragraphs. */
  tmp = g_dir_make_tmp ("mi-bench-edit-XXXXXX", &error);
  g_assert_no_error (error);
  source = g_file_new_build_filename (g_getenv ("MI_SOURCE_ROOT"), "resources", "example", NULL);
  folder = g_file_new_for_path (tmp);
  copy_tree (source, folder);
  readme = g_build_filename (tmp, "docs", "meta-issues", "example-performance-saga", "README.md", NULL);
  if (!g_file_get_contents (readme, &text, NULL, &error))
    g_error ("%s", error->message);
  big = g_string_new (text);
  g_string_append (big, "\n## Appendix: Raw Notes\n\n");
  for (guint i = 0; big->len < megabytes * 1024 * 1024; i++)
    g_string_append_printf (big, "Note %u: the p99 latency of the checkout endpoint was measured again "
                            "under the replayed production load, with the pool at its new size.\n\n", i);
  if (!g_file_set_contents (readme, big->str, big->len, &error))
    g_error ("%s", error->message);

  app = GTK_APPLICATION (mi_application_new ());
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  window = mi_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  mi_window_open (window, folder);
  if (!wait_until (window_ready, window))
    g_error ("the workspace did not open");
  issue = mi_window_get_issue (window);
  g_assert_nonnull (issue);
  /* Let the first frames settle. */
  settle (500);

  g_print ("Structured edits of a meta-issue with a %.1f MB README, from the window\n",
           big->len / 1048576.0);

  /* The status, from the window's action. */
  tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, &status_ticks, NULL);
  start = g_get_monotonic_time ();
  status_ticks.last_us = start;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "abandoned"));
  if (g_getenv ("MI_BENCH_VERBOSE") != NULL)
    g_print ("    (the action itself took %.1f ms, started at %.6f s)\n", (g_get_monotonic_time () - start) / 1000.0, start / 1e6);
  if (!wait_until (is_abandoned, issue))
    g_error ("the status was not set");
  status_ms = (g_get_monotonic_time () - start) / 1000.0;
  settle (300);
  g_source_remove (tick);

  /* A log entry, through the core call the window makes. */
  tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, &log_ticks, NULL);
  start = g_get_monotonic_time ();
  log_ticks.last_us = start;
  mi_issue_add_log_entry_async (issue, "Measured with a big README", NULL, 0, NULL, NULL, NULL);
  if (g_getenv ("MI_BENCH_VERBOSE") != NULL)
    g_print ("    (the call itself took %.1f ms, started at %.6f s)\n", (g_get_monotonic_time () - start) / 1000.0, start / 1e6);
  if (!wait_until (is_done, issue))
    g_error ("the log entry was not added");
  log_ms = (g_get_monotonic_time () - start) / 1000.0;
  settle (300);
  g_source_remove (tick);

  g_print ("    set the status: done in %.0f ms; longest main-loop stall %.1f ms (budget %.0f ms), %u ticks\n",
           status_ms, status_ticks.max_gap_ms, BUDGET_STALL_MS, status_ticks.n_ticks);
  g_print ("    add a log entry: done in %.0f ms; longest main-loop stall %.1f ms (budget %.0f ms), %u ticks\n",
           log_ms, log_ticks.max_gap_ms, BUDGET_STALL_MS, log_ticks.n_ticks);

  if (status_ticks.max_gap_ms > BUDGET_STALL_MS || log_ticks.max_gap_ms > BUDGET_STALL_MS)
    {
      g_print ("FAIL: the main loop stalled over %.0f ms during an edit\n", BUDGET_STALL_MS);
      ok = FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
  remove_tree (folder);

  return ok ? 0 : 1;
}
