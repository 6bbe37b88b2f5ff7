/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mi-ui-test-util.h"

/* Runs the main context for @ms milliseconds. */
void
mi_ui_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
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
