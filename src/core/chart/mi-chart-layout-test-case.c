/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-layout"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mi-chart-private.h"

/*
 * The chart of a test case: one bar per attempt against the target, the
 * values and changes above the bars, the target's line and its label.
 */

/* Places the target's label where it covers no bar. */
static gboolean
place_label_clear_of_bars (MiChartLayout *self,
                           Label         *label,
                           MiChartAnchor  anchor,
                           double         x,
                           double         y)
{
  MiChartBox box = _mi_chart_label_box (label, anchor, x, y);

  for (guint i = 0; i < self->items->len; i++)
    if (mi_chart_box_intersects (&box, &g_array_index (self->items, MiChartItem, i).box))
      return FALSE;

  return _mi_chart_place_label (self, label, MI_CHART_ROLE_TARGET_LABEL, MI_CHART_COLOR_TARGET,
                                anchor, x, y);
}

void
_mi_chart_layout_test_case (MiChartLayout *self)
{
  const MiChartSeries *series = mi_chart_model_get_series (self->model, 0);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GPtrArray) tick_labels = g_ptr_array_new_with_free_func (g_free);
  gboolean seen[3] = { FALSE, FALSE, FALSE };
  Axis axis = { 0 };
  g_autofree char *subtitle = NULL;
  const char *direction;
  double subtitle_y, subtitle_right;
  double plot_top, plot_bottom, plot_left, plot_right;
  double label_h, small_h, tick_w = 0;
  double column;
  double target_y = 0;
  guint n = series->bars->len;
  int n_ticks;

  for (guint i = 0; i < n; i++)
    {
      const MiChartBar *bar = &g_array_index (series->bars, MiChartBar, i);

      if (bar->has_value)
        g_array_append_val (values, bar->value);
      if (bar->text != NULL)
        seen[bar->verdict] = TRUE;
    }

  label_h = _mi_chart_text_height (self, LABEL_SIZE, FALSE);
  small_h = _mi_chart_text_height (self, SMALL_SIZE, FALSE);

  /* Header: what the chart shows and how to read it. */
  if (!series->has_target)
    direction = _("No target");
  else if (series->lower_is_better)
    direction = _("Lower is better");
  else
    direction = _("Higher is better");

  plot_bottom = self->height - MARGIN - label_h - 8;
  n_ticks = CLAMP ((int) ((plot_bottom - 100) / 48), 2, 8);
  _mi_chart_axis_choose (&axis, series->dimension, values, series->has_target, series->target,
                         n_ticks);
  self->log_axis = axis.log;

  subtitle = g_strdup_printf ("%s · %s", direction,
                              axis.log ? _("logarithmic axis") : _("linear axis"));
  plot_top = _mi_chart_layout_header (self, mi_chart_model_get_title (self->model), subtitle,
                                      &subtitle_y, &subtitle_right);

  _mi_chart_layout_verdict_legend (self, seen, subtitle_right, subtitle_y);

  /* Room above the highest bar for its value and change labels. */
  axis.top = plot_top + label_h + small_h + 2 * LABEL_GAP;
  axis.bottom = plot_bottom;

  ticks = _mi_chart_axis_ticks (&axis, n_ticks);
  for (guint i = 0; i < ticks->len; i++)
    {
      char *text = mi_chart_format_value (series->dimension, series->unit,
                                          g_array_index (ticks, double, i));
      Label label = { 0 };

      _mi_chart_label_init (self, &label, text, SMALL_SIZE, FALSE, 0);
      tick_w = MAX (tick_w, label.width);
      _mi_chart_label_clear (&label);
      g_ptr_array_add (tick_labels, text);
    }

  plot_left = MARGIN + MIN (tick_w, self->width / 3.0) + 8;
  plot_right = self->width - MARGIN;
  column = n > 0 ? (plot_right - plot_left) / n : plot_right - plot_left;

  /* Grid and ticks */
  for (guint i = 0; i < ticks->len; i++)
    {
      double y = _mi_chart_axis_to_y (&axis, g_array_index (ticks, double, i));
      double line_y = _mi_chart_snap_line (y, 1);

      _mi_chart_add_line (self, MI_CHART_ROLE_GRID,
                          i == 0 ? MI_CHART_COLOR_AXIS : MI_CHART_COLOR_GRID, 1, plot_left, line_y,
                          plot_right, line_y);
      _mi_chart_add_text (self, g_ptr_array_index (tick_labels, i), SMALL_SIZE, FALSE, 0,
                          MI_CHART_ROLE_AXIS_LABEL, MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_END,
                          plot_left - 6, y - small_h / 2);
    }

  /* Bars */
  for (guint i = 0; i < n; i++)
    {
      const MiChartBar *bar = &g_array_index (series->bars, MiChartBar, i);
      double slot = plot_left + i * column;
      double width = MAX (1, round (MIN (column * 0.62, 96)));
      double x = round (slot + (column - width) / 2);
      MiChartBox hit = { slot, axis.top, column, plot_bottom - axis.top };
      MiChartBox box;

      if (bar->has_value)
        {
          double top = round (_mi_chart_axis_to_y (&axis, bar->value));

          if (top > plot_bottom - 1 && _mi_chart_axis_fraction (&axis, bar->value) > 0)
            top = plot_bottom - 1;
          box = (MiChartBox) { x, top, width, plot_bottom - top };
          _mi_chart_add_rect (self, MI_CHART_ROLE_BAR, _mi_chart_verdict_color (bar->verdict),
                              box.x, box.y, box.width, box.height);
        }
      else
        box = (MiChartBox) { x, plot_bottom - 4, width, 4 };

      _mi_chart_add_item (self, &box, &hit, 0, i);
    }

  /* The target line, over the bars. */
  if (series->has_target)
    {
      target_y = _mi_chart_snap_line (_mi_chart_axis_to_y (&axis, series->target), 2);
      _mi_chart_add_line (self, MI_CHART_ROLE_TARGET_LINE, MI_CHART_COLOR_TARGET, 2,
                          plot_left, target_y, plot_right, target_y);
    }

  /* Values and changes above the bars; notes where there is no bar. */
  for (guint i = 0; i < n; i++)
    {
      const MiChartBar *bar = &g_array_index (series->bars, MiChartBar, i);
      const MiChartItem *item = &g_array_index (self->items, MiChartItem, i);
      double center = plot_left + (i + 0.5) * column;
      double above;
      Label label = { 0 };

      if (!bar->has_value)
        {
          const char *text = bar->text != NULL ? bar->text : _("no result");

          _mi_chart_label_init (self, &label, text, SMALL_SIZE, FALSE, column - 4);
          _mi_chart_place_label (self, &label, MI_CHART_ROLE_NOTE, MI_CHART_COLOR_TEXT_MUTED,
                                 MI_CHART_ANCHOR_MIDDLE, center, plot_bottom - small_h - LABEL_GAP);
          _mi_chart_label_clear (&label);
          continue;
        }

      _mi_chart_label_init (self, &label, bar->text, LABEL_SIZE, FALSE, 0);
      if (label.width > column - 2)
        {
          _mi_chart_label_clear (&label);
          continue;
        }

      above = item->box.y - LABEL_GAP - label.height;
      /* Not across the target line: just above it instead. */
      if (series->has_target && above < target_y + 2 && above + label.height > target_y - 2)
        above = target_y - 3 - label.height;

      if (_mi_chart_place_label (self, &label, MI_CHART_ROLE_VALUE_LABEL, MI_CHART_COLOR_TEXT,
                                 MI_CHART_ANCHOR_MIDDLE, center, above))
        {

          if (isfinite (bar->change))
            {
              g_autofree char *change = mi_chart_format_change (bar->change);

              _mi_chart_label_clear (&label);
              _mi_chart_label_init (self, &label, change, SMALL_SIZE, FALSE, column - 2);
              if (label.width <= column - 2)
                _mi_chart_place_label (self, &label, MI_CHART_ROLE_CHANGE_LABEL,
                                       MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_MIDDLE, center,
                                       above - 1 - label.height);
            }
        }
      else if (label.width <= item->box.width - 4 &&
               item->box.height >= label.height + 2 * LABEL_GAP)
        {
          /* No room above (the target label is there): inside the bar. */
          _mi_chart_place_label (self, &label, MI_CHART_ROLE_VALUE_LABEL, MI_CHART_COLOR_ON_BAR,
                                 MI_CHART_ANCHOR_MIDDLE, center, item->box.y + LABEL_GAP);
        }
      _mi_chart_label_clear (&label);
    }

  /* The target's label: at the right end of its line, else further left,
   * above or below the line, where it covers no bar and no other label. */
  if (series->has_target)
    {
      g_autofree char *text = g_strdup_printf (_("target %s"), series->target_text);
      Label label = { 0 };

      _mi_chart_label_init (self, &label, text, LABEL_SIZE, TRUE, plot_right - plot_left);
      for (guint k = n; k > 0 && !_mi_chart_label_is_empty (&label); k--)
        {
          double x = k == n ? plot_right : plot_left + k * column - 2;

          if (place_label_clear_of_bars (self, &label, MI_CHART_ANCHOR_END, x,
                                         target_y - 2 - label.height) ||
              place_label_clear_of_bars (self, &label, MI_CHART_ANCHOR_END, x, target_y + 2))
            break;
        }
      if (!_mi_chart_label_is_empty (&label) &&
          !place_label_clear_of_bars (self, &label, MI_CHART_ANCHOR_START, plot_left + 4,
                                      target_y - 2 - label.height) &&
          !place_label_clear_of_bars (self, &label, MI_CHART_ANCHOR_START, plot_left + 4,
                                      target_y + 2))
        {
          /* Nowhere clear: over the bars at the right end, on a plate of
           * the background so that it stays readable. */
          MiChartBox box = _mi_chart_label_box (&label, MI_CHART_ANCHOR_END, plot_right - 3,
                                                target_y - 3 - label.height);

          if (_mi_chart_label_fits (self, &box))
            {
              _mi_chart_add_rect (self, MI_CHART_ROLE_TARGET_LABEL, MI_CHART_COLOR_BACKGROUND,
                                  floor (box.x) - 3, floor (box.y) - 1, ceil (box.width) + 6,
                                  ceil (box.height) + 2);
              _mi_chart_place_label (self, &label, MI_CHART_ROLE_TARGET_LABEL,
                                     MI_CHART_COLOR_TARGET, MI_CHART_ANCHOR_END, plot_right - 3,
                                     target_y - 3 - label.height);
            }
        }
      _mi_chart_label_clear (&label);
    }

  if (values->len == 0)
    _mi_chart_add_text (self, n == 0 ? _("No results yet") : _("No results to chart"),
                        LABEL_SIZE, FALSE, plot_right - plot_left, MI_CHART_ROLE_NOTE,
                        MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_MIDDLE,
                        (plot_left + plot_right) / 2, (axis.top + plot_bottom) / 2 - label_h / 2);

  _mi_chart_layout_attempt_labels (self, plot_left, column, plot_bottom + 8, LABEL_SIZE);

  g_array_append_val (self->axes, axis);
}
