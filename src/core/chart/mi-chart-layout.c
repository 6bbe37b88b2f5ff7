/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-layout"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mi-chart-private.h"

/*
 * The layout of a chart: computed once for a size and a colour scheme, as a
 * list of primitives that the cairo and the SVG backends draw alike. Every
 * text goes through _mi_chart_place_label(), which measures it with Pango
 * and refuses a place that leaves the canvas or touches a text already
 * placed: labels that do not fit are left out (every other attempt number, a
 * value label on a narrow bar) rather than drawn over each other.
 *
 * This file holds the layout object, its primitives and the parts every
 * chart has; mi-chart-private.h says where the other parts are.
 */

G_DEFINE_BOXED_TYPE (MiChartLayout, mi_chart_layout, mi_chart_layout_ref, mi_chart_layout_unref)

/* ---------------------------------------------------------------------- */
/* Boxes                                                                   */

gboolean
mi_chart_box_intersects (const MiChartBox *a,
                         const MiChartBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_contains (const MiChartBox *box,
              double            x,
              double            y)
{
  return x >= box->x && x < box->x + box->width &&
         y >= box->y && y < box->y + box->height;
}

/* ---------------------------------------------------------------------- */
/* Primitives                                                              */

static void
clear_primitive (gpointer data)
{
  MiChartPrimitive *primitive = data;

  g_clear_pointer (&primitive->text, g_free);
  g_clear_object (&primitive->layout);
}

void
_mi_chart_add_rect (MiChartLayout *self,
                    MiChartRole    role,
                    MiChartColor   color,
                    double         x,
                    double         y,
                    double         width,
                    double         height)
{
  MiChartPrimitive primitive = { 0 };

  primitive.kind = MI_CHART_PRIMITIVE_RECT;
  primitive.role = role;
  primitive.color = color;
  primitive.box = (MiChartBox) { x, y, width, height };
  g_array_append_val (self->primitives, primitive);
}

void
_mi_chart_add_line (MiChartLayout *self,
                    MiChartRole    role,
                    MiChartColor   color,
                    double         line_width,
                    double         x1,
                    double         y1,
                    double         x2,
                    double         y2)
{
  MiChartPrimitive primitive = { 0 };

  primitive.kind = MI_CHART_PRIMITIVE_LINE;
  primitive.role = role;
  primitive.color = color;
  primitive.line_width = line_width;
  primitive.box = (MiChartBox) { x1, y1, x2 - x1, y2 - y1 };
  g_array_append_val (self->primitives, primitive);
}

/* A horizontal line on whole pixels: an odd width centres on a pixel's
 * middle, an even width on its edge. */
double
_mi_chart_snap_line (double y,
                     double line_width)
{
  if (((int) line_width) % 2 == 1)
    return floor (y) + 0.5;
  return round (y);
}

void
_mi_chart_add_item (MiChartLayout    *self,
                    const MiChartBox *box,
                    const MiChartBox *hit,
                    guint             series,
                    guint             index)
{
  MiChartItem item = { *box, *hit, series, index };

  g_array_append_val (self->items, item);
}

/* ---------------------------------------------------------------------- */
/* Shared parts                                                            */

/* Title and subtitle; returns the y below them. */
double
_mi_chart_layout_header (MiChartLayout *self,
                         const char    *title,
                         const char    *subtitle,
                         double        *subtitle_y,
                         double        *subtitle_right)
{
  Label label = { 0 };
  double y = MARGIN;
  double width = self->width - 2 * MARGIN;

  _mi_chart_label_init (self, &label, title, TITLE_SIZE, TRUE, width);
  _mi_chart_place_label (self, &label, MI_CHART_ROLE_TITLE, MI_CHART_COLOR_TEXT,
                         MI_CHART_ANCHOR_START, MARGIN, y);
  y += label.height + 2;
  _mi_chart_label_clear (&label);

  _mi_chart_label_init (self, &label, subtitle, LABEL_SIZE, FALSE, width);
  *subtitle_y = y;
  *subtitle_right = MARGIN + label.width;
  _mi_chart_place_label (self, &label, MI_CHART_ROLE_SUBTITLE, MI_CHART_COLOR_TEXT_MUTED,
                         MI_CHART_ANCHOR_START, MARGIN, y);
  y += label.height;
  _mi_chart_label_clear (&label);

  return y + 12;
}

/* Swatches and names, right-aligned at @right on the line at @y; all or
 * nothing, and never over the text left of @min_x. */
void
_mi_chart_layout_legend (MiChartLayout     *self,
                         const LegendEntry *entries,
                         guint              n_entries,
                         double             min_x,
                         double             right,
                         double             y)
{
  Label labels[8] = { { 0 } };
  double swatch = 10;
  double x = right;
  double total = 0;

  g_assert (n_entries <= G_N_ELEMENTS (labels));
  if (n_entries == 0)
    return;

  for (guint i = 0; i < n_entries; i++)
    {
      _mi_chart_label_init (self, &labels[i], entries[i].text, LABEL_SIZE, FALSE, 0);
      total += swatch + 4 + labels[i].width + (i > 0 ? 12 : 0);
    }

  if (right - total >= min_x + 12)
    {
      for (guint i = n_entries; i > 0; i--)
        {
          Label *label = &labels[i - 1];
          double swatch_y = y + (label->height - swatch) / 2;

          if (!_mi_chart_place_label (self, label, MI_CHART_ROLE_LEGEND, MI_CHART_COLOR_TEXT_MUTED,
                                      MI_CHART_ANCHOR_END, x, y))
            break;
          x -= label->width + 4 + swatch;
          _mi_chart_add_rect (self, MI_CHART_ROLE_LEGEND, entries[i - 1].color, x, round (swatch_y),
                              swatch, swatch);
          x -= 12;
        }
    }

  for (guint i = 0; i < n_entries; i++)
    _mi_chart_label_clear (&labels[i]);
}

/* The legend of the verdicts that @seen (indexed by MiVerdict) has, on the
 * line at @y, right of @min_x. */
void
_mi_chart_layout_verdict_legend (MiChartLayout  *self,
                                 const gboolean *seen,
                                 double          min_x,
                                 double          y)
{
  LegendEntry legend[3];
  guint n_legend = 0;

  if (seen[MI_VERDICT_PASS])
    legend[n_legend++] = (LegendEntry) { MI_CHART_COLOR_PASS,
                                         mi_verdict_get_label (MI_VERDICT_PASS) };
  if (seen[MI_VERDICT_FAIL])
    legend[n_legend++] = (LegendEntry) { MI_CHART_COLOR_FAIL,
                                         mi_verdict_get_label (MI_VERDICT_FAIL) };
  if (seen[MI_VERDICT_UNKNOWN])
    legend[n_legend++] = (LegendEntry) { MI_CHART_COLOR_UNKNOWN, _("No verdict") };
  _mi_chart_layout_legend (self, legend, n_legend, min_x, self->width - MARGIN, y);
}

static char *
attempt_label (guint    attempt,
               gboolean long_form)
{
  if (long_form)
    return g_strdup_printf (_("Attempt %03u"), attempt);
  return g_strdup_printf ("%03u", attempt);
}

/* Attempt numbers under the columns: "Attempt 001" when every one fits,
 * else "001", else every other one that fits. */
void
_mi_chart_layout_attempt_labels (MiChartLayout *self,
                                 double         left,
                                 double         column,
                                 double         y,
                                 double         size)
{
  MiChartModel *model = self->model;
  guint n = mi_chart_model_get_n_attempts (model);
  gboolean long_form = TRUE;
  guint step;

  if (n == 0)
    return;

  /* The numbers have three digits: the widest label is about the last. */
  {
    g_autofree char *text = attempt_label (mi_chart_model_get_attempt (model, n - 1), TRUE);
    Label label = { 0 };

    _mi_chart_label_init (self, &label, text, size, FALSE, 0);
    long_form = label.width <= column - 8;
    _mi_chart_label_clear (&label);
  }

  /* Every k-th column, so that the labels keep a regular step. */
  {
    g_autofree char *text = attempt_label (mi_chart_model_get_attempt (model, n - 1), long_form);
    Label label = { 0 };

    _mi_chart_label_init (self, &label, text, size, FALSE, 0);
    step = MAX (1, (guint) ceil ((label.width + 8) / MAX (column, 0.5)));
    _mi_chart_label_clear (&label);
  }

  for (guint i = 0; i < n; i += step)
    {
      g_autofree char *text = attempt_label (mi_chart_model_get_attempt (model, i), long_form);

      _mi_chart_add_text (self, text, size, FALSE, 0, MI_CHART_ROLE_CATEGORY_LABEL,
                          MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_MIDDLE,
                          left + (i + 0.5) * column, y);
    }
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

/**
 * mi_chart_layout_new:
 * @width: in pixels, at least 1
 * @height: in pixels, at least 1
 * @dark: the colours for a dark background
 *
 * Returns: (transfer full): @model laid out at this size.
 */
MiChartLayout *
mi_chart_layout_new (MiChartModel *model,
                     int           width,
                     int           height,
                     gboolean      dark)
{
  MiChartLayout *self;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (MiChartLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->model = mi_chart_model_ref (model);
  self->width = width;
  self->height = height;
  self->dark = !!dark;
  self->primitives = g_array_new (FALSE, TRUE, sizeof (MiChartPrimitive));
  g_array_set_clear_func (self->primitives, clear_primitive);
  self->items = g_array_new (FALSE, TRUE, sizeof (MiChartItem));
  self->axes = g_array_new (FALSE, TRUE, sizeof (Axis));
  self->placed = g_array_new (FALSE, TRUE, sizeof (MiChartBox));
  self->context = g_object_ref (_mi_chart_get_thread_context ());

  if (mi_chart_model_get_kind (model) == MI_CHART_KIND_TEST_CASE)
    _mi_chart_layout_test_case (self);
  else
    _mi_chart_layout_overview (self);

  return self;
}

MiChartLayout *
mi_chart_layout_ref (MiChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mi_chart_layout_unref (MiChartLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->primitives);
  g_array_unref (self->items);
  g_array_unref (self->axes);
  g_array_unref (self->placed);
  for (guint i = 0; i < G_N_ELEMENTS (self->fonts); i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  mi_chart_model_unref (self->model);
  g_free (self);
}

MiChartModel *
mi_chart_layout_get_model (MiChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->model;
}

int
mi_chart_layout_get_width (MiChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

int
mi_chart_layout_get_height (MiChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->height;
}

gboolean
mi_chart_layout_get_dark (MiChartLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->dark;
}

guint
mi_chart_layout_get_n_primitives (MiChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->primitives->len;
}

const MiChartPrimitive *
mi_chart_layout_get_primitive (MiChartLayout *self,
                               guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->primitives->len, NULL);

  return &g_array_index (self->primitives, MiChartPrimitive, index);
}

guint
mi_chart_layout_get_n_items (MiChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

const MiChartItem *
mi_chart_layout_get_item (MiChartLayout *self,
                          guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, MiChartItem, index);
}

/**
 * mi_chart_layout_find_item:
 *
 * Returns: the index of the item at (@x, @y), -1 for none.
 */
int
mi_chart_layout_find_item (MiChartLayout *self,
                           double         x,
                           double         y)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->items->len; i++)
    if (box_contains (&g_array_index (self->items, MiChartItem, i).box, x, y))
      return (int) i;

  for (guint i = 0; i < self->items->len; i++)
    if (box_contains (&g_array_index (self->items, MiChartItem, i).hit, x, y))
      return (int) i;

  return -1;
}

/**
 * mi_chart_layout_describe_item:
 *
 * Returns: the tooltip of an item.
 */
char *
mi_chart_layout_describe_item (MiChartLayout *self,
                               guint          index)
{
  const MiChartItem *item;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  item = &g_array_index (self->items, MiChartItem, index);
  if (item->series == G_MAXUINT)
    return mi_chart_model_describe_span (self->model, item->index);
  return mi_chart_model_describe_bar (self->model, item->series, item->index);
}

gboolean
mi_chart_layout_get_log_axis (MiChartLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->log_axis;
}

/**
 * mi_chart_layout_value_to_y:
 * @value: in the series' base unit, or a fraction of the target in an
 *   overview
 *
 * Returns: where @value is on the axis of @series, in pixels from the top.
 */
double
mi_chart_layout_value_to_y (MiChartLayout *self,
                            guint          series,
                            double         value)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (series < self->axes->len, 0);

  return _mi_chart_axis_to_y (&g_array_index (self->axes, Axis, series), value);
}
