/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <malloc.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "bench-generate.h"
#include "mi-application.h"
#include "mi-window.h"

/* bench-window [N]
 *
 * The window's budgets with a generated workspace of N (1,000) meta-issues:
 * the first frame that shows the list within 400 ms of launch (the time from
 * spawning the app process to that frame), no sidebar scrolling frame whose
 * work (before-paint to after-paint on the frame clock) exceeds 16 ms, and a
 * resident size under 150 MB. The same launch figure and resident size for
 * gnome-text-editor opening one file, when it is installed: launch to its
 * first mapped window (polled with xwininfo), resident size 1.5 s later.
 *
 * Xvfb has no GPU: GTK's GL renderer runs on llvmpipe (software GL, ~50 MB
 * of LLVM mapped, and most of each frame), which no user's desktop runs.
 * So the budgets are judged with the cairo renderer and GL not set up
 * (GSK_RENDERER=cairo GDK_DEBUG=gl-disable): what the app itself costs.
 * The figures with GL set up, and with the GL renderer, are printed beside
 * them, and gnome-text-editor is measured both ways. Exits 1 when a budget
 * is missed. MI_BENCH_VERBOSE=1 prints each scrolling frame over 10 ms. */

#define BUDGET_FIRST_FRAME_MS  400.0
#define BUDGET_FRAME_MS        16.0
#define BUDGET_RSS_MB          150.0
#define SCROLL_STEP_PX         120.0
#define TIMEOUT_S              60

/* The child: the app itself. */

typedef struct
{
  MiWindow      *window;
  GtkAdjustment *vadjustment;
  gint64         start_us;
  gint64         paint_start_us;
  gint64         last_after_paint_us;
  double         max_work_ms;
  double         sum_work_ms;
  double         max_interval_ms;
  guint          n_frames;
  guint          n_over;
  gboolean       window_frame;
  gboolean       first_frame;
  gboolean       scrolling;
  gboolean       done;
} Child;

static long
rss_kb (int pid)
{
  g_autofree char *path = pid > 0 ? g_strdup_printf ("/proc/%d/status", pid) : g_strdup ("/proc/self/status");
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return -1;

  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return -1;

  return strtol (line + strlen (field), NULL, 10);
}

static GtkWidget *
find_list_view (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root) && gtk_widget_has_css_class (root, "issue-list"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Child *child = user_data;
  double value = gtk_adjustment_get_value (child->vadjustment);
  double max = gtk_adjustment_get_upper (child->vadjustment) - gtk_adjustment_get_page_size (child->vadjustment);

  if (value >= max)
    {
      child->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (child->vadjustment, MIN (value + SCROLL_STEP_PX, max));

  return G_SOURCE_CONTINUE;
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Child         *child)
{
  child->paint_start_us = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Child         *child)
{
  gint64 now = g_get_monotonic_time ();

  if (!child->window_frame)
    {
      child->window_frame = TRUE;
      g_print ("WINDOW_FRAME %.1f\n", (now - child->start_us) / 1000.0);
    }

  if (!child->first_frame)
    {
      MiWorkspace *workspace = mi_window_get_workspace (child->window);

      if (workspace == NULL || mi_window_get_busy (child->window) ||
          g_list_model_get_n_items (G_LIST_MODEL (workspace)) == 0)
        return;

      child->first_frame = TRUE;
      g_print ("FIRST_FRAME %.1f\n", (now - child->start_us) / 1000.0);
      return;
    }

  if (child->scrolling && !child->done)
    {
      double work = (now - child->paint_start_us) / 1000.0;

      if (child->last_after_paint_us > 0)
        child->max_interval_ms = MAX (child->max_interval_ms, (now - child->last_after_paint_us) / 1000.0);
      child->max_work_ms = MAX (child->max_work_ms, work);
      if (work > 10.0 && g_getenv ("MI_BENCH_VERBOSE") != NULL)
        g_printerr ("frame %u: %.1f ms at scroll %.0f, ended %" G_GINT64_FORMAT "\n", child->n_frames, work,
                    gtk_adjustment_get_value (child->vadjustment), now / 1000);
      child->sum_work_ms += work;
      child->n_over += work > BUDGET_FRAME_MS;
      child->n_frames++;
    }
  child->last_after_paint_us = now;
}

static gboolean
start_scrolling_cb (gpointer user_data)
{
  Child *child = user_data;
  GtkWidget *list_view = find_list_view (GTK_WIDGET (child->window));

  if (!child->first_frame || list_view == NULL)
    return G_SOURCE_CONTINUE;

  child->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  child->scrolling = TRUE;
  child->last_after_paint_us = 0;
  gtk_widget_add_tick_callback (list_view, scroll_tick_cb, child, NULL);

  return G_SOURCE_REMOVE;
}

static int
run_child (const char *folder)
{
  g_autoptr(MiApplication) app = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  Child child = { 0 };
  GdkFrameClock *clock;

  child.start_us = g_get_monotonic_time ();

  gtk_init ();
  adw_init ();

  app = mi_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_hold (G_APPLICATION (app));

  child.window = mi_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (child.window), 1000, 700);
  mi_window_open (child.window, file);
  gtk_window_present (GTK_WINDOW (child.window));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (child.window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &child);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &child);
  g_timeout_add (300, start_scrolling_cb, &child);

  while (!child.done)
    g_main_context_iteration (NULL, TRUE);

  g_print ("SCROLL %u %.2f %.2f %.2f %u\n", child.n_frames, child.max_work_ms,
           child.n_frames > 0 ? child.sum_work_ms / child.n_frames : 0.0,
           child.max_interval_ms, child.n_over);
  g_print ("RSS %ld %ld %ld\n", rss_kb (0), status_kb ("RssAnon:"), status_kb ("RssFile:"));
  {
    struct mallinfo2 info = mallinfo2 ();

    g_print ("HEAP %zu %zu\n", (info.uordblks + info.hblkhd) / 1024, (info.arena + info.hblkhd) / 1024);
  }

  /* After the resident size: a full-text search of the sidebar, every
   * file of every meta-issue read and searched (no match, so none is
   * skipped), then cleared. */
  {
    gint64 t0 = g_get_monotonic_time ();
    gint64 t1;

    mi_window_set_search_text (child.window, "no such words anywhere");
    while (mi_window_get_searching (child.window))
      g_main_context_iteration (NULL, TRUE);
    t1 = g_get_monotonic_time ();
    mi_window_set_search_text (child.window, "");
    g_print ("SEARCH %.1f\n", (t1 - t0) / 1000.0);
  }

  g_signal_handlers_disconnect_by_data (clock, &child);
  gtk_window_destroy (GTK_WINDOW (child.window));
  g_application_release (G_APPLICATION (app));

  return 0;
}

/* The parent: spawns the child and gnome-text-editor, reads the figures. */

static char *
read_line (GDataInputStream *in)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);

  if (line == NULL && error != NULL)
    g_printerr ("bench-window: %s\n", error->message);

  return line;
}

static gboolean
window_of_pid_is_mapped (const char *class_name)
{
  const char *argv[] = { "xwininfo", "-root", "-tree", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL))
    return FALSE;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *id;
      g_autofree char *info = NULL;
      const char *info_argv[] = { "xwininfo", "-id", NULL, NULL };
      g_autofree char *window_id = NULL;

      if (strstr (lines[i], class_name) == NULL)
        continue;

      id = strstr (lines[i], "0x");
      if (id == NULL)
        continue;
      window_id = g_strndup (id, strcspn (id, " "));
      info_argv[2] = window_id;

      if (g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, &info, NULL, NULL, NULL) &&
          strstr (info, "IsViewable") != NULL &&
          strstr (info, "Width: 1\n") == NULL)
        return TRUE;
    }

  return FALSE;
}

/* gnome-text-editor opening @file, GL set up or not (@gl_disable, as the
 * app is judged). It runs with the environment of the desktop, not of the
 * tests: no fatal warnings, its own GSettings schemas. */
static void
measure_text_editor (const char *file,
                     gboolean    gl_disable)
{
  g_autofree char *editor = g_find_program_in_path ("gnome-text-editor");
  g_autofree char *xwininfo = g_find_program_in_path ("xwininfo");
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { NULL, "--standalone", "--ignore-session", file, NULL };
  const char *how = gl_disable ? "cairo, GL not set up" : "its default renderer, GL on llvmpipe";
  g_autoptr(GError) error = NULL;
  GPid pid;
  gint64 start, mapped = 0;
  long rss;

  if (editor == NULL || xwininfo == NULL)
    {
      g_print ("gnome-text-editor: not measured (%s is not installed; build-aux/dev deps installs it)\n",
               editor == NULL ? "gnome-text-editor" : "xwininfo");
      return;
    }

  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_unsetenv (env, "GSETTINGS_SCHEMA_DIR");
  env = g_environ_unsetenv (env, "GSK_RENDERER");
  env = g_environ_unsetenv (env, "GDK_DEBUG");
  if (gl_disable)
    {
      env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
      env = g_environ_setenv (env, "GDK_DEBUG", "gl-disable", TRUE);
    }

  argv[0] = editor;
  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, env,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_print ("gnome-text-editor: not measured (%s)\n", error->message);
      return;
    }

  while (g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC)
    {
      if (window_of_pid_is_mapped ("text-editor") || window_of_pid_is_mapped ("TextEditor"))
        {
          mapped = g_get_monotonic_time ();
          break;
        }
      g_usleep (5000);
    }

  g_usleep (1500000);
  rss = rss_kb (pid);

  if (mapped > 0 && rss > 0)
    g_print ("gnome-text-editor, one file, %s: first mapped window %.0f ms after launch "
             "(xwininfo polling, to 10 ms), resident %.1f MB 1.5 s later\n",
             how, (mapped - start) / 1000.0, rss / 1024.0);
  else if (rss > 0)
    g_print ("gnome-text-editor, %s: no window found within 20 s; resident %.1f MB\n", how, rss / 1024.0);
  else
    g_print ("gnome-text-editor, %s: it exited before it could be measured\n", how);

  /* Gone, window and all, before anything else is measured. */
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  for (guint i = 0; i < 200 && (window_of_pid_is_mapped ("text-editor") || window_of_pid_is_mapped ("TextEditor")); i++)
    g_usleep (10000);
}

typedef struct
{
  double window_frame_ms, first_frame_ms, child_first_ms;
  double max_work, mean_work, max_interval;
  guint  n_frames, n_over;
  long   rss, rss_anon, rss_file, heap_used, heap_total;
  double search_ms;
} Figures;

/* Runs the app @n_runs times (a first run warms the file cache and the
 * shared libraries) with @renderer (NULL: the environment's), GL set up
 * or not, and keeps the figures of the last run. */
static gboolean
run_app (const char *self_path,
         const char *folder,
         const char *renderer,
         gboolean    gl_disable,
         guint       n_runs,
         Figures    *f)
{
  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) in = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;
      char *line;

      *f = (Figures) { -1, -1, -1, -1, -1, -1, 0, 0, -1, -1, -1, -1, -1, -1 };
      if (renderer != NULL)
        g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", renderer, TRUE);
      if (gl_disable)
        g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);

      start = g_get_monotonic_time ();
      child = g_subprocess_launcher_spawn (launcher, &error, self_path, "--child", folder, NULL);
      if (child == NULL)
        {
          g_printerr ("bench-window: %s\n", error->message);
          return FALSE;
        }
      in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      while ((line = read_line (in)) != NULL)
        {
          if (g_str_has_prefix (line, "WINDOW_FRAME "))
            f->window_frame_ms = (g_get_monotonic_time () - start) / 1000.0;
          else if (g_str_has_prefix (line, "FIRST_FRAME "))
            {
              f->first_frame_ms = (g_get_monotonic_time () - start) / 1000.0;
              f->child_first_ms = g_ascii_strtod (line + strlen ("FIRST_FRAME "), NULL);
            }
          else if (g_str_has_prefix (line, "SCROLL "))
            sscanf (line, "SCROLL %u %lf %lf %lf %u", &f->n_frames, &f->max_work, &f->mean_work,
                    &f->max_interval, &f->n_over);
          else if (g_str_has_prefix (line, "SEARCH "))
            f->search_ms = g_ascii_strtod (line + strlen ("SEARCH "), NULL);
          else if (g_str_has_prefix (line, "RSS "))
            sscanf (line, "RSS %ld %ld %ld", &f->rss, &f->rss_anon, &f->rss_file);
          else if (g_str_has_prefix (line, "HEAP "))
            sscanf (line, "HEAP %ld %ld", &f->heap_used, &f->heap_total);
          g_free (line);
        }

      if (!g_subprocess_wait_check (child, NULL, &error))
        {
          g_printerr ("bench-window: the app failed: %s\n", error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static void
print_figures (const char    *renderer,
               const Figures *f)
{
  g_print ("meta-issues, GSK renderer %s:\n", renderer);
  g_print ("    first frame %.0f ms after launch (budget %.0f ms); the list of meta-issues "
           "%.0f ms after launch (%.0f ms of it in main)\n",
           f->window_frame_ms, BUDGET_FIRST_FRAME_MS, f->first_frame_ms, f->child_first_ms);
  g_print ("    sidebar scrolling: %u frames, work per frame max %.1f ms (budget %.0f ms), mean %.1f ms, "
           "%u over %.0f ms; longest frame interval %.1f ms\n",
           f->n_frames, f->max_work, BUDGET_FRAME_MS, f->mean_work, f->n_over, BUDGET_FRAME_MS, f->max_interval);
  g_print ("    sidebar search through the text of every file (a worker thread), no match: %.0f ms\n",
           f->search_ms);
  g_print ("    resident %.1f MB after scrolling (budget %.0f MB): %.1f MB anonymous, %.1f MB of files "
           "(libraries, fonts); main-arena heap in use %.1f MB of %.1f MB\n",
           f->rss / 1024.0, BUDGET_RSS_MB, f->rss_anon / 1024.0, f->rss_file / 1024.0,
           f->heap_used / 1024.0, f->heap_total / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BenchExample) example = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *example_dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *one_file = NULL;
  BenchGenerateStats stats = { 0 };
  guint n_issues = 1000;
  Figures judged = { 0 };
  gboolean ok = TRUE;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);
  if (argc > 1)
    n_issues = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-window: no display (run it under xvfb-run); skipped\n");
      return 77;
    }

  example_dir = bench_example_default_dir ();
  example = bench_example_load (example_dir, &error);
  if (example == NULL)
    g_error ("%s", error->message);

  tmp = g_dir_make_tmp ("mi-bench-window-XXXXXX", &error);
  if (tmp == NULL || !bench_generate (example, tmp, n_issues, &stats, &error))
    g_error ("%s", error->message);

  g_print ("Window with %u meta-issues (%u files, %.1f MB)\n", stats.n_issues, stats.n_files,
           stats.n_bytes / 1048576.0);

  /* See the top: judged with cairo and GL not set up, unless the
   * environment picks a renderer. */
  if (g_getenv ("GSK_RENDERER") != NULL)
    {
      if (!run_app (argv[0], tmp, NULL, FALSE, 2, &judged))
        return 1;
      print_figures (g_getenv ("GSK_RENDERER"), &judged);
    }
  else
    {
      Figures with_gl = { 0 }, gl = { 0 };

      if (!run_app (argv[0], tmp, "cairo", TRUE, 2, &judged) ||
          !run_app (argv[0], tmp, "cairo", FALSE, 1, &with_gl) ||
          !run_app (argv[0], tmp, "gl", FALSE, 1, &gl))
        return 1;
      print_figures ("cairo, GL not set up (budgets judged)", &judged);
      print_figures ("cairo, GL set up on llvmpipe (for information)", &with_gl);
      print_figures ("gl on llvmpipe (for information)", &gl);
    }

  one_file = g_build_filename (example_dir, "README.md", NULL);
  measure_text_editor (one_file, TRUE);
  measure_text_editor (one_file, FALSE);

  if (judged.window_frame_ms < 0 || judged.window_frame_ms > BUDGET_FIRST_FRAME_MS)
    {
      g_print ("FAIL: the first frame came after %.0f ms\n", judged.window_frame_ms);
      ok = FALSE;
    }
  if (judged.max_work < 0 || judged.max_work > BUDGET_FRAME_MS || judged.n_frames == 0)
    {
      g_print ("FAIL: a scrolling frame took %.1f ms\n", judged.max_work);
      ok = FALSE;
    }
  if (judged.rss < 0 || judged.rss / 1024.0 > BUDGET_RSS_MB)
    {
      g_print ("FAIL: resident %.1f MB\n", judged.rss / 1024.0);
      ok = FALSE;
    }

  bench_remove_tree (tmp, NULL);
  bench_generate_stats_clear (&stats);

  return ok ? 0 : 1;
}
