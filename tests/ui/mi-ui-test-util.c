/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mi-test-util.h"
#include "mi-ui-test-util.h"

/* How long a condition may take to come true, even on a busy machine. */
#define WAIT_TIMEOUT_MS 15000

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context for @ms milliseconds: layout, drawing, transitions. */
void
mi_ui_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main context until @condition holds; FALSE after @ms. */
gboolean
mi_ui_test_wait_within (MiUiTestCondition condition,
                        gpointer          data,
                        guint             ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, on_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

/* Runs the main context until @condition holds; FALSE after 15 s. */
gboolean
mi_ui_test_wait_for (MiUiTestCondition condition,
                     gpointer          data)
{
  return mi_ui_test_wait_within (condition, data, WAIT_TIMEOUT_MS);
}

/* The trees of tests/mi-test-util.c, for GFiles. */
void
mi_ui_test_copy_tree (GFile *src,
                      GFile *dest)
{
  mi_test_copy_dir (g_file_peek_path (src), g_file_peek_path (dest));
}

void
mi_ui_test_remove_tree (GFile *file)
{
  mi_test_remove_tree (g_file_peek_path (file));
}

/*
 * Saves what @widget shows as @name (a PNG) in the build folder of the tests,
 * as an artefact to look at. The widget is rendered with its own window's
 * renderer. On a busy machine (or under AddressSanitizer) the first frame of
 * a new scheme or page may come late: wait for one, up to 10 s.
 */
void
mi_ui_test_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderNode *node = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int width = 0, height = 0;

  /* Let crossfades and a frame or two finish. */
  mi_ui_test_wait_ms (400);

  while (node == NULL)
    {
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width > 0 && height > 0)
        {
          GtkSnapshot *snapshot = gtk_snapshot_new ();

          gdk_paintable_snapshot (paintable, snapshot, width, height);
          node = gtk_snapshot_free_to_node (snapshot);
        }
      if (node != NULL)
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("%s: the widget drew nothing within 10 s", name);
      gtk_widget_queue_draw (widget);
      mi_ui_test_wait_ms (100);
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  path = g_build_filename (g_test_get_dir (G_TEST_BUILT), name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}
