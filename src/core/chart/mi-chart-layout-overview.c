/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-layout"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mi-chart-private.h"

/*
 * The overview of an issue: each test case a row of bars, as a multiple of
 * its target on one shared axis, and the timeline of the attempts under
 * them.
 */

typedef struct
{
  guint   span;
  guint   lane;
  guint32 start;  /* julian days */
  guint32 end;    /* inclusive */
} Placed;

static guint
assign_lanes (MiChartModel *model,
              GArray       *placed)
{
  g_autoptr(GArray) lane_end = g_array_new (FALSE, TRUE, sizeof (guint32));
  guint n = mi_chart_model_get_n_spans (model);

  for (guint i = 0; i < n; i++)
    {
      const MiChartSpan *span = mi_chart_model_get_span (model, i);
      Placed p = { i, 0, 0, 0 };
      guint lane;

      if (!span->has_dates)
        continue;

      p.start = g_date_get_julian (&span->start);
      p.end = g_date_get_julian (&span->end);

      for (lane = 0; lane < lane_end->len; lane++)
        if (g_array_index (lane_end, guint32, lane) < p.start)
          break;
      if (lane == lane_end->len)
        g_array_set_size (lane_end, lane + 1);
      g_array_index (lane_end, guint32, lane) = p.end;
      p.lane = lane;
      g_array_append_val (placed, p);
    }

  return lane_end->len;
}

static void
format_julian (guint32  julian,
               gboolean month_only,
               char    *buf,
               gsize    size)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_strftime (buf, size, month_only ? "%Y-%m" : "%Y-%m-%d", &date);
}

static void
layout_timeline (MiChartLayout *self,
                 GArray        *placed,
                 guint          n_lanes,
                 double         top,
                 double         left,
                 double         right,
                 double         lane_h)
{
  MiChartModel *model = self->model;
  LegendEntry legend[5];
  gboolean seen[MI_OUTCOME_SUCCESS + 1] = { FALSE };
  guint n_legend = 0;
  guint32 first = G_MAXUINT32, last = 0;
  double header_h = _mi_chart_text_height (self, LABEL_SIZE, TRUE);
  double lanes_top = top + header_h + 6;
  double lanes_bottom;
  double scale;
  Label label = { 0 };
  char buf[32];

  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);

      first = MIN (first, p->start);
      last = MAX (last, p->end);
      seen[mi_chart_model_get_span (model, p->span)->outcome] = TRUE;
    }

  _mi_chart_label_init (self, &label, _("Timeline"), LABEL_SIZE, TRUE, 0);
  _mi_chart_place_label (self, &label, MI_CHART_ROLE_SUBTITLE, MI_CHART_COLOR_TEXT_MUTED,
                         MI_CHART_ANCHOR_START, MARGIN, top);

  {
    static const MiOutcome order[] = {
      MI_OUTCOME_SUCCESS, MI_OUTCOME_PARTIAL, MI_OUTCOME_FAILED,
      MI_OUTCOME_IN_PROGRESS, MI_OUTCOME_PENDING,
    };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      if (seen[order[i]])
        legend[n_legend++] = (LegendEntry) { _mi_chart_outcome_color (order[i]),
                                             mi_outcome_get_label (order[i]) };
  }
  _mi_chart_layout_legend (self, legend, n_legend, MARGIN + label.width, self->width - MARGIN, top);
  _mi_chart_label_clear (&label);

  /* One day more than the range, so a span of one day has a width. */
  scale = (right - left) / (double) (last - first + 1);
  lanes_bottom = lanes_top + n_lanes * lane_h;

  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);
      const MiChartSpan *span = mi_chart_model_get_span (model, p->span);
      double x1 = round (left + (p->start - first) * scale);
      double x2 = round (left + (p->end - first + 1) * scale);
      double y = round (lanes_top + p->lane * lane_h);
      double h = MAX (1, round (lane_h) - 2);
      MiChartBox box;
      g_autofree char *number = g_strdup_printf ("%03u", span->attempt);
      Label name = { 0 };

      if (x2 - x1 < 3)
        x2 = x1 + 3;
      box = (MiChartBox) { x1, y, x2 - x1 - 1, h };
      _mi_chart_add_rect (self, MI_CHART_ROLE_SPAN, _mi_chart_outcome_color (span->outcome),
                          box.x, box.y, box.width, box.height);
      _mi_chart_add_item (self, &box, &box, G_MAXUINT, p->span);

      if (box.width < 3 * SMALL_SIZE)
        continue;  /* too narrow for a number: not worth measuring */
      _mi_chart_label_init (self, &name, number, SMALL_SIZE, FALSE, 0);
      if (name.width <= box.width - 4 && name.height <= box.height)
        _mi_chart_place_label (self, &name, MI_CHART_ROLE_CATEGORY_LABEL, MI_CHART_COLOR_ON_BAR,
                               MI_CHART_ANCHOR_MIDDLE, box.x + box.width / 2,
                               box.y + (box.height - name.height) / 2);
      _mi_chart_label_clear (&name);
    }

  /* Dates: the first and the last, then month starts where they fit. */
  _mi_chart_add_line (self, MI_CHART_ROLE_GRID, MI_CHART_COLOR_AXIS, 1, left,
                      _mi_chart_snap_line (lanes_bottom + 2, 1), right,
                      _mi_chart_snap_line (lanes_bottom + 2, 1));
  format_julian (first, FALSE, buf, sizeof buf);
  _mi_chart_add_text (self, buf, SMALL_SIZE, FALSE, 0, MI_CHART_ROLE_CATEGORY_LABEL,
                      MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_START, left, lanes_bottom + 5);
  format_julian (last, FALSE, buf, sizeof buf);
  _mi_chart_add_text (self, buf, SMALL_SIZE, FALSE, 0, MI_CHART_ROLE_CATEGORY_LABEL,
                      MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_END, right, lanes_bottom + 5);

  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_julian (&date, first);
    g_date_set_day (&date, 1);
    g_date_add_months (&date, 1);
    while (g_date_get_julian (&date) <= last)
      {
        guint32 julian = g_date_get_julian (&date);
        double x = round (left + (julian - first) * scale) + 0.5;

        format_julian (julian, TRUE, buf, sizeof buf);
        if (_mi_chart_add_text (self, buf, SMALL_SIZE, FALSE, 0, MI_CHART_ROLE_CATEGORY_LABEL,
                                MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_MIDDLE, x,
                                lanes_bottom + 5))
          _mi_chart_add_line (self, MI_CHART_ROLE_GRID, MI_CHART_COLOR_AXIS, 1, x, lanes_bottom + 2,
                              x, lanes_bottom + 5);
        g_date_add_months (&date, 1);
      }
  }
}

void
_mi_chart_layout_overview (MiChartLayout *self)
{
  MiChartModel *model = self->model;
  guint n_series = mi_chart_model_get_n_series (model);
  guint n_attempts = mi_chart_model_get_n_attempts (model);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autofree char *subtitle = NULL;
  gboolean seen[3] = { FALSE, FALSE, FALSE };
  Axis shared = { 0 };
  double subtitle_y, subtitle_right;
  double rows_top, rows_bottom, row_h;
  double timeline_h = 0, lane_h = 18;
  double label_w = 0, right_w = 0, left, right, column;
  double row_font;
  double small_h = _mi_chart_text_height (self, SMALL_SIZE, FALSE);
  guint n_lanes;

  for (guint s = 0; s < n_series; s++)
    {
      const MiChartSeries *series = mi_chart_model_get_series (model, s);

      for (guint i = 0; i < series->bars->len; i++)
        {
          const MiChartBar *bar = &g_array_index (series->bars, MiChartBar, i);

          if (bar->has_value)
            {
              g_array_append_val (values, bar->value);
              seen[bar->verdict] = TRUE;
            }
        }
    }

  _mi_chart_axis_choose (&shared, MI_DIMENSION_NONE, values, TRUE, 1.0, 4);
  if (!shared.log)
    shared.hi = MAX (shared.hi, 1.0);
  self->log_axis = shared.log;

  subtitle = g_strdup (shared.log ? _("Each result as a multiple of its target (logarithmic); the line is the target")
                                  : _("Each result as a multiple of its target; the line is the target"));
  rows_top = _mi_chart_layout_header (self, mi_chart_model_get_title (model), subtitle,
                                      &subtitle_y, &subtitle_right);

  _mi_chart_layout_verdict_legend (self, seen, subtitle_right, subtitle_y);

  n_lanes = assign_lanes (model, placed);
  if (n_lanes > 0)
    {
      lane_h = n_lanes <= 4 ? 18 : MAX (4, floor (72.0 / n_lanes));
      timeline_h = 14 + _mi_chart_text_height (self, LABEL_SIZE, TRUE) + 6 + n_lanes * lane_h
                   + 5 + small_h;
    }

  rows_bottom = self->height - MARGIN - timeline_h - small_h - 6;
  row_h = (rows_bottom - rows_top) / MAX (n_series, 1);
  row_font = row_h >= 20 ? LABEL_SIZE : SMALL_SIZE;

  for (guint s = 0; s < n_series; s++)
    {
      const MiChartSeries *series = mi_chart_model_get_series (model, s);
      Label label = { 0 };

      _mi_chart_label_init (self, &label, series->id, row_font, TRUE, 0);
      label_w = MAX (label_w, label.width);
      _mi_chart_label_clear (&label);
      if (series->title != NULL && row_h >= 2 * row_font + 8)
        {
          _mi_chart_label_init (self, &label, series->title, SMALL_SIZE, FALSE, 0);
          label_w = MAX (label_w, label.width);
          _mi_chart_label_clear (&label);
        }
      for (guint i = series->bars->len; i > 0; i--)
        {
          const MiChartBar *bar = &g_array_index (series->bars, MiChartBar, i - 1);

          if (bar->text != NULL)
            {
              _mi_chart_label_init (self, &label, bar->text, SMALL_SIZE, FALSE, 0);
              right_w = MAX (right_w, label.width);
              _mi_chart_label_clear (&label);
              break;
            }
        }
    }

  label_w = MIN (label_w, self->width * 0.28);
  right_w = MIN (right_w, self->width * 0.14);
  left = MARGIN + label_w + 12;
  right = self->width - MARGIN - right_w - 12;
  column = (right - left) / MAX (n_attempts, 1);

  if (n_series == 0)
    _mi_chart_add_text (self, _("No test cases"), LABEL_SIZE, FALSE, right - left,
                        MI_CHART_ROLE_NOTE, MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_MIDDLE,
                        (left + right) / 2, (rows_top + rows_bottom) / 2 - small_h);

  for (guint s = 0; s < n_series; s++)
    {
      const MiChartSeries *series = mi_chart_model_get_series (model, s);
      double row_y = rows_top + s * row_h;
      Axis axis = shared;
      Label label = { 0 };
      gboolean two_lines = series->title != NULL && row_h >= 2 * row_font + 8;
      double id_h;
      gboolean any_value = FALSE;

      axis.top = round (row_y + 4);
      axis.bottom = round (row_y + row_h - 3);

      /* Row label: the id, and the title under it when the row is tall. */
      _mi_chart_label_init (self, &label, series->id, row_font, TRUE, label_w);
      id_h = label.height;
      _mi_chart_place_label (self, &label, MI_CHART_ROLE_CATEGORY_LABEL, MI_CHART_COLOR_TEXT,
                             MI_CHART_ANCHOR_START, MARGIN,
                             two_lines ? row_y + row_h / 2 - id_h : row_y + (row_h - id_h) / 2);
      _mi_chart_label_clear (&label);
      if (two_lines)
        _mi_chart_add_text (self, series->title, SMALL_SIZE, FALSE, label_w,
                            MI_CHART_ROLE_CATEGORY_LABEL, MI_CHART_COLOR_TEXT_MUTED,
                            MI_CHART_ANCHOR_START, MARGIN, row_y + row_h / 2);

      _mi_chart_add_line (self, MI_CHART_ROLE_GRID, MI_CHART_COLOR_GRID, 1, left,
                          _mi_chart_snap_line (axis.bottom, 1), right,
                          _mi_chart_snap_line (axis.bottom, 1));

      for (guint i = 0; i < series->bars->len; i++)
        {
          const MiChartBar *bar = &g_array_index (series->bars, MiChartBar, i);
          double slot = left + i * column;
          double width = MAX (1, round (MIN (column * 0.7, 48)));
          double x = round (slot + (column - width) / 2);
          MiChartBox hit = { slot, row_y, column, row_h };
          MiChartBox box;
          double top;

          if (!bar->has_value)
            {
              if (bar->text != NULL)
                {
                  box = (MiChartBox) { x, axis.bottom - 2, width, 2 };
                  _mi_chart_add_item (self, &box, &hit, s, i);
                }
              continue;
            }

          any_value = TRUE;
          top = round (_mi_chart_axis_to_y (&axis, bar->value));
          if (top > axis.bottom - 1)
            top = axis.bottom - 1;
          box = (MiChartBox) { x, top, width, axis.bottom - top };
          _mi_chart_add_rect (self, MI_CHART_ROLE_BAR, _mi_chart_verdict_color (bar->verdict),
                              box.x, box.y, box.width, box.height);
          _mi_chart_add_item (self, &box, &hit, s, i);
        }

      if (series->has_target && any_value)
        {
          double y = _mi_chart_snap_line (_mi_chart_axis_to_y (&axis, 1.0), 2);

          _mi_chart_add_line (self, MI_CHART_ROLE_TARGET_LINE, MI_CHART_COLOR_TARGET, 2, left, y,
                              right, y);
        }
      else
        _mi_chart_add_text (self, !series->has_target ? _("no target") : _("no results to chart"),
                            SMALL_SIZE, FALSE, right - left, MI_CHART_ROLE_NOTE,
                            MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_START, left + 4,
                            row_y + (row_h - small_h) / 2);

      /* The latest result as written, at the right end. */
      for (guint i = series->bars->len; i > 0; i--)
        {
          const MiChartBar *bar = &g_array_index (series->bars, MiChartBar, i - 1);

          if (bar->text != NULL)
            {
              _mi_chart_add_text (self, bar->text, SMALL_SIZE, FALSE, right_w,
                                  MI_CHART_ROLE_VALUE_LABEL,
                                  bar->has_value ? MI_CHART_COLOR_TEXT : MI_CHART_COLOR_TEXT_MUTED,
                                  MI_CHART_ANCHOR_END, self->width - MARGIN,
                                  row_y + (row_h - small_h) / 2);
              break;
            }
        }

      g_array_append_val (self->axes, axis);
    }

  _mi_chart_layout_attempt_labels (self, left, column, rows_bottom + 3, SMALL_SIZE);

  if (n_lanes > 0)
    layout_timeline (self, placed, n_lanes, rows_bottom + 3 + small_h + 14, left, right, lane_h);
}
