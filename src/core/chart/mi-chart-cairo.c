/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-layout"

#include "config.h"

#include "mi-chart-private.h"

/*
 * Drawing a laid-out chart with cairo: on the screen, and into PNG files.
 */

static void
set_source (cairo_t      *cr,
            gboolean      dark,
            MiChartColor  color)
{
  MiChartRgba rgba;

  mi_chart_palette_get (dark, color, &rgba);
  cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, rgba.alpha);
}

/**
 * mi_chart_layout_draw:
 * @background: fill the chart's background first (files do; the widget
 *   draws on its own background)
 *
 * Draws the chart at (0, 0) of @cr, in pixels.
 */
void
mi_chart_layout_draw (MiChartLayout *self,
                      cairo_t       *cr,
                      gboolean       background)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  if (background)
    {
      set_source (cr, self->dark, MI_CHART_COLOR_BACKGROUND);
      cairo_paint (cr);
    }

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < self->primitives->len; i++)
    {
      const MiChartPrimitive *p = &g_array_index (self->primitives, MiChartPrimitive, i);
      const MiChartPrimitive *next;

      set_source (cr, self->dark, p->color);

      switch (p->kind)
        {
        case MI_CHART_PRIMITIVE_RECT:
          /* Runs of rectangles of one colour (the bars) in one fill. */
          cairo_rectangle (cr, p->box.x, p->box.y, p->box.width, p->box.height);
          while (i + 1 < self->primitives->len &&
                 (next = &g_array_index (self->primitives, MiChartPrimitive, i + 1))->kind == MI_CHART_PRIMITIVE_RECT &&
                 next->color == p->color)
            {
              cairo_rectangle (cr, next->box.x, next->box.y, next->box.width, next->box.height);
              i++;
            }
          cairo_fill (cr);
          break;

        case MI_CHART_PRIMITIVE_LINE:
          cairo_set_line_width (cr, p->line_width);
          cairo_move_to (cr, p->box.x, p->box.y);
          cairo_line_to (cr, p->box.x + p->box.width, p->box.y + p->box.height);
          cairo_stroke (cr);
          break;

        case MI_CHART_PRIMITIVE_TEXT:
          cairo_move_to (cr, p->box.x, p->box.y);
          pango_cairo_show_layout (cr, p->layout);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
}
