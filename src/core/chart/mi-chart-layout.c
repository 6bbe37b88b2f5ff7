/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "mi-chart-layout.h"

/*
 * The layout of a chart: computed once for a size and a colour scheme, as a
 * list of primitives that the cairo and the SVG backends draw alike. Every
 * text goes through place_label(), which measures it with Pango and refuses
 * a place that leaves the canvas or touches a text already placed: labels
 * that do not fit are left out (every other attempt number, a value label on
 * a narrow bar) rather than drawn over each other.
 */

#define MARGIN        16.0
#define TITLE_SIZE    15.0
#define LABEL_SIZE    12.0
#define SMALL_SIZE    11.0
#define LABEL_GAP      4.0
#define FONT_FAMILY   "Cantarell,DejaVu Sans,sans-serif"
#define SVG_FAMILY    "Cantarell, 'DejaVu Sans', sans-serif"
#define ELLIPSIS      "\xe2\x80\xa6"  /* U+2026 */

typedef struct
{
  double   lo, hi;     /* the values at bottom and top */
  double   unit;       /* linear steps are nice in this unit: 1024² B, 1000 ms */
  double   top, bottom;
  gboolean log;
} Axis;

struct _MiChartLayout
{
  gatomicrefcount  ref_count;
  MiChartModel    *model;
  int              width;
  int              height;
  gboolean         dark;
  gboolean         log_axis;

  GArray          *primitives;  /* MiChartPrimitive */
  GArray          *items;       /* MiChartItem */
  GArray          *axes;        /* Axis, one per series */
  GArray          *placed;      /* MiChartBox of every text */

  PangoContext    *context;
  PangoFontDescription *fonts[4];  /* small, label, title; bold label */
};

G_DEFINE_BOXED_TYPE (MiChartLayout, mi_chart_layout, mi_chart_layout_ref, mi_chart_layout_unref)

/* A text measured and not placed yet. */
typedef struct
{
  PangoLayout *layout;
  char        *text;
  double       width;
  double       height;
  double       baseline;
  double       size;
  gboolean     bold;
} Label;

/* ---------------------------------------------------------------------- */
/* Palette                                                                 */

/* GNOME's palette: the light scheme's colours are darker, the dark
 * scheme's lighter, so that bars and text keep their contrast on both. */
static const guint32 light_palette[MI_CHART_N_COLORS] = {
  [MI_CHART_COLOR_BACKGROUND]  = 0xffffff,
  [MI_CHART_COLOR_TEXT]        = 0x241f31,
  [MI_CHART_COLOR_TEXT_MUTED]  = 0x5e5c64,
  [MI_CHART_COLOR_GRID]        = 0xdeddda,
  [MI_CHART_COLOR_AXIS]        = 0x9a9996,
  [MI_CHART_COLOR_TARGET]      = 0x1c71d8,
  [MI_CHART_COLOR_PASS]        = 0x26a269,
  [MI_CHART_COLOR_FAIL]        = 0xc01c28,
  [MI_CHART_COLOR_UNKNOWN]     = 0x9a9996,
  [MI_CHART_COLOR_SUCCESS]     = 0x26a269,
  [MI_CHART_COLOR_PARTIAL]     = 0xe5a50a,
  [MI_CHART_COLOR_FAILED]      = 0xc01c28,
  [MI_CHART_COLOR_IN_PROGRESS] = 0x3584e4,
  [MI_CHART_COLOR_PENDING]     = 0xc0bfbc,
  [MI_CHART_COLOR_ON_BAR]      = 0xffffff,
  [MI_CHART_COLOR_FOCUS]       = 0x1c71d8,
};

static const guint32 dark_palette[MI_CHART_N_COLORS] = {
  [MI_CHART_COLOR_BACKGROUND]  = 0x242424,
  [MI_CHART_COLOR_TEXT]        = 0xffffff,
  [MI_CHART_COLOR_TEXT_MUTED]  = 0xc0bfbc,
  [MI_CHART_COLOR_GRID]        = 0x3d3d3d,
  [MI_CHART_COLOR_AXIS]        = 0x77767b,
  [MI_CHART_COLOR_TARGET]      = 0x78aeed,
  [MI_CHART_COLOR_PASS]        = 0x33d17a,
  [MI_CHART_COLOR_FAIL]        = 0xf66151,
  [MI_CHART_COLOR_UNKNOWN]     = 0x9a9996,
  [MI_CHART_COLOR_SUCCESS]     = 0x33d17a,
  [MI_CHART_COLOR_PARTIAL]     = 0xf6d32d,
  [MI_CHART_COLOR_FAILED]      = 0xf66151,
  [MI_CHART_COLOR_IN_PROGRESS] = 0x62a0ea,
  [MI_CHART_COLOR_PENDING]     = 0x77767b,
  [MI_CHART_COLOR_ON_BAR]      = 0x000000,
  [MI_CHART_COLOR_FOCUS]       = 0x78aeed,
};

void
mi_chart_palette_get (gboolean      dark,
                      MiChartColor  color,
                      MiChartRgba  *rgba)
{
  guint32 value;

  g_return_if_fail (color < MI_CHART_N_COLORS);
  g_return_if_fail (rgba != NULL);

  value = dark ? dark_palette[color] : light_palette[color];
  rgba->red = ((value >> 16) & 0xff) / 255.0;
  rgba->green = ((value >> 8) & 0xff) / 255.0;
  rgba->blue = (value & 0xff) / 255.0;
  rgba->alpha = 1.0;
}

static MiChartColor
verdict_color (MiVerdict verdict)
{
  switch (verdict)
    {
    case MI_VERDICT_PASS: return MI_CHART_COLOR_PASS;
    case MI_VERDICT_FAIL: return MI_CHART_COLOR_FAIL;
    case MI_VERDICT_UNKNOWN:
    default:              return MI_CHART_COLOR_UNKNOWN;
    }
}

static MiChartColor
outcome_color (MiOutcome outcome)
{
  switch (outcome)
    {
    case MI_OUTCOME_SUCCESS:     return MI_CHART_COLOR_SUCCESS;
    case MI_OUTCOME_PARTIAL:     return MI_CHART_COLOR_PARTIAL;
    case MI_OUTCOME_FAILED:      return MI_CHART_COLOR_FAILED;
    case MI_OUTCOME_IN_PROGRESS: return MI_CHART_COLOR_IN_PROGRESS;
    case MI_OUTCOME_PENDING:
    default:                     return MI_CHART_COLOR_PENDING;
    }
}

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

static void
add_rect (MiChartLayout *self,
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

static void
add_line (MiChartLayout *self,
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
static double
snap_line (double y,
           double line_width)
{
  if (((int) line_width) % 2 == 1)
    return floor (y) + 0.5;
  return round (y);
}

static void
add_item (MiChartLayout    *self,
          const MiChartBox *box,
          const MiChartBox *hit,
          guint             series,
          guint             index)
{
  MiChartItem item = { *box, *hit, series, index };

  g_array_append_val (self->items, item);
}

/* ---------------------------------------------------------------------- */
/* Text                                                                    */

static GPrivate context_key = G_PRIVATE_INIT (g_object_unref);

static PangoContext *
get_thread_context (void)
{
  PangoContext *context = g_private_get (&context_key);

  if (context == NULL)
    {
      /* One font map and context a thread (Pango's default font map is
       * per thread). Hinting off: text measures the same on the screen, in
       * a PNG and in an SVG. */
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (context, options);
      pango_cairo_context_set_resolution (context, 96.0);
      cairo_font_options_destroy (options);
      g_private_set (&context_key, context);
    }

  return context;
}

static PangoFontDescription *
get_font (MiChartLayout *self,
          double         size,
          gboolean       bold)
{
  guint index = size >= TITLE_SIZE ? 2 : size >= LABEL_SIZE ? (bold ? 3 : 1) : 0;

  if (self->fonts[index] == NULL)
    {
      PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

      pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
      pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      self->fonts[index] = font;
    }

  return self->fonts[index];
}

static void
label_clear (Label *label)
{
  g_clear_object (&label->layout);
  g_clear_pointer (&label->text, g_free);
}

static void
label_measure (Label *label)
{
  PangoRectangle logical;

  pango_layout_set_text (label->layout, label->text, -1);
  pango_layout_get_extents (label->layout, NULL, &logical);
  label->width = (double) logical.width / PANGO_SCALE;
  label->height = (double) logical.height / PANGO_SCALE;
  label->baseline = (double) pango_layout_get_baseline (label->layout) / PANGO_SCALE;
}

/* Measures @text; with @max_width > 0, shortens it with "…" to fit. A text
 * that cannot fit even so is left empty. */
static void
label_init (MiChartLayout *self,
            Label         *label,
            const char    *text,
            double         size,
            gboolean       bold,
            double         max_width)
{
  glong n_chars;
  glong lo, hi;

  label->layout = pango_layout_new (self->context);
  label->size = size;
  label->bold = bold;
  pango_layout_set_font_description (label->layout, get_font (self, size, bold));
  label->text = g_strdup (text);
  label_measure (label);

  if (max_width <= 0 || label->width <= max_width)
    return;

  /* The longest prefix that fits with an ellipsis. */
  n_chars = g_utf8_strlen (text, -1);
  lo = 0;
  hi = n_chars;
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *prefix = g_utf8_substring (text, 0, mid);

      g_free (label->text);
      label->text = g_strconcat (g_strchomp (prefix), ELLIPSIS, NULL);
      label_measure (label);
      if (label->width <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }

  g_free (label->text);
  if (lo == 0)
    label->text = g_strdup ("");
  else
    {
      g_autofree char *prefix = g_utf8_substring (text, 0, lo);

      label->text = g_strconcat (g_strchomp (prefix), ELLIPSIS, NULL);
    }
  label_measure (label);
}

static gboolean
label_is_empty (const Label *label)
{
  return label->text == NULL || label->text[0] == '\0';
}

/* The box @label would take with its anchor at @x and its top at @y. */
static MiChartBox
label_box (const Label   *label,
           MiChartAnchor  anchor,
           double         x,
           double         y)
{
  double left = anchor == MI_CHART_ANCHOR_START ? x :
                anchor == MI_CHART_ANCHOR_MIDDLE ? x - label->width / 2 : x - label->width;

  return (MiChartBox) { left, y, label->width, label->height };
}

static gboolean
label_fits (MiChartLayout    *self,
            const MiChartBox *box)
{
  if (box->x < 0 || box->y < 0 ||
      box->x + box->width > self->width || box->y + box->height > self->height)
    return FALSE;

  for (guint i = 0; i < self->placed->len; i++)
    if (mi_chart_box_intersects (box, &g_array_index (self->placed, MiChartBox, i)))
      return FALSE;

  return TRUE;
}

/* Places @label when it fits there; the label is then used up. */
static gboolean
place_label (MiChartLayout *self,
             Label         *label,
             MiChartRole    role,
             MiChartColor   color,
             MiChartAnchor  anchor,
             double         x,
             double         y)
{
  MiChartPrimitive primitive = { 0 };
  MiChartBox box;

  if (label_is_empty (label))
    return FALSE;

  box = label_box (label, anchor, x, y);
  if (!label_fits (self, &box))
    return FALSE;

  primitive.kind = MI_CHART_PRIMITIVE_TEXT;
  primitive.role = role;
  primitive.color = color;
  primitive.box = box;
  primitive.text = g_steal_pointer (&label->text);
  primitive.font_size = label->size;
  primitive.bold = label->bold;
  primitive.anchor = anchor;
  primitive.baseline = label->baseline;
  primitive.layout = g_steal_pointer (&label->layout);
  g_array_append_val (self->primitives, primitive);
  g_array_append_val (self->placed, box);

  return TRUE;
}

/* Measures and places a text in one go. */
static gboolean
add_text (MiChartLayout *self,
          const char    *text,
          double         size,
          gboolean       bold,
          double         max_width,
          MiChartRole    role,
          MiChartColor   color,
          MiChartAnchor  anchor,
          double         x,
          double         y)
{
  Label label = { 0 };
  gboolean placed;

  label_init (self, &label, text, size, bold, max_width);
  placed = place_label (self, &label, role, color, anchor, x, y);
  label_clear (&label);

  return placed;
}

static double
text_height (MiChartLayout *self,
             double         size,
             gboolean       bold)
{
  Label label = { 0 };
  double height;

  label_init (self, &label, "Ag", size, bold, 0);
  height = label.height;
  label_clear (&label);

  return height;
}

/* ---------------------------------------------------------------------- */
/* Axes                                                                    */

static double
nice_step (double range,
           int    n_ticks)
{
  double raw = range / MAX (n_ticks, 1);
  double magnitude = pow (10, floor (log10 (raw)));
  double f = raw / magnitude;

  if (f <= 1.0)
    return magnitude;
  if (f <= 2.0)
    return 2 * magnitude;
  if (f <= 2.5)
    return 2.5 * magnitude;
  if (f <= 5.0)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* The unit the tick labels will be written in (mi_measurement_format_base
 * chooses it the same way), so that steps are round in it: 512 MB, not
 * 500,000,000 B. */
static double
axis_unit (MiDimension dimension,
           double      max)
{
  static const double time_units[] = { 1, 1000, 60 * 1000, 60 * 60 * 1000, 24 * 60 * 60 * 1000 };
  double unit = 1;

  max = fabs (max);
  switch (dimension)
    {
    case MI_DIMENSION_TIME:
      for (guint i = 0; i < G_N_ELEMENTS (time_units); i++)
        if (max >= time_units[i])
          unit = time_units[i];
      return unit;

    case MI_DIMENSION_SIZE:
      while (max >= unit * 1024 && unit < 1024.0 * 1024 * 1024 * 1024)
        unit *= 1024;
      return unit;

    case MI_DIMENSION_NONE:
    case MI_DIMENSION_RATIO:
    case MI_DIMENSION_COUNT:
    case MI_DIMENSION_RATE:
    default:
      return 1;
    }
}

static double
axis_fraction (const Axis *axis,
               double      value)
{
  double t;

  if (axis->log)
    {
      if (value <= 0)
        return 0;
      t = (log10 (value) - log10 (axis->lo)) / (log10 (axis->hi) - log10 (axis->lo));
    }
  else
    t = (value - axis->lo) / (axis->hi - axis->lo);

  return CLAMP (t, 0.0, 1.0);
}

static double
axis_to_y (const Axis *axis,
           double      value)
{
  return axis->bottom - axis_fraction (axis, value) * (axis->bottom - axis->top);
}

/* The ticks of @axis, in order: lo, …, hi on a linear axis; 1-2-5 steps of
 * each decade on a log axis (only the powers of ten when it spans many). */
static GArray *
axis_ticks (const Axis *axis,
            int         n_wanted)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));

  if (axis->log)
    {
      int first = (int) floor (log10 (axis->lo) + 1e-9);
      int last = (int) ceil (log10 (axis->hi) - 1e-9);
      gboolean fine = last - first <= 2;

      for (int e = first; e <= last; e++)
        {
          static const double steps[] = { 1, 2, 5 };

          for (guint s = 0; s < (fine ? G_N_ELEMENTS (steps) : 1); s++)
            {
              double v = steps[s] * pow (10, e);

              if (v >= axis->lo * (1 - 1e-9) && v <= axis->hi * (1 + 1e-9))
                g_array_append_val (ticks, v);
            }
        }
    }
  else
    {
      double step = nice_step ((axis->hi - axis->lo) / axis->unit, n_wanted) * axis->unit;

      for (double v = axis->lo; v <= axis->hi + step * 1e-6; v += step)
        {
          double rounded = fabs (v) < step * 1e-6 ? 0 : v;

          g_array_append_val (ticks, rounded);
        }
    }

  return ticks;
}

/* Chooses the axis for @values (and @target, which must show): from zero,
 * or logarithmic when the values span more than 20×. */
static void
axis_choose (Axis        *axis,
             MiDimension  dimension,
             GArray      *values,
             gboolean     has_target,
             double       target,
             int          n_ticks)
{
  double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;
  double all_min, all_max;
  gboolean positive = TRUE;

  axis->unit = 1;
  for (guint i = 0; i < values->len; i++)
    {
      double v = g_array_index (values, double, i);

      min = MIN (min, v);
      max = MAX (max, v);
      positive &= v > 0;
    }

  axis->log = values->len >= 2 && positive && max / min > 20.0;

  all_min = min;
  all_max = max;
  if (has_target)
    {
      all_min = MIN (all_min, target);
      all_max = MAX (all_max, target);
      positive &= target > 0;
    }
  if (values->len == 0 && !has_target)
    all_min = all_max = 0;

  if (axis->log && positive)
    {
      axis->lo = pow (10, floor (log10 (all_min) + 1e-9));
      axis->hi = pow (10, ceil (log10 (all_max) - 1e-9));
      if (axis->hi <= axis->lo)
        axis->hi = axis->lo * 10;
    }
  else
    {
      double step;

      axis->log = FALSE;
      axis->lo = MIN (0, all_min);
      all_max = MAX (all_max, 0);
      if (all_max <= axis->lo)
        all_max = axis->lo + 1;
      axis->unit = axis_unit (dimension, MAX (fabs (all_max), fabs (axis->lo)));
      step = nice_step ((all_max - axis->lo) / axis->unit, n_ticks) * axis->unit;
      axis->hi = axis->lo + ceil ((all_max - axis->lo) / step - 1e-9) * step;
      if (axis->hi <= axis->lo)
        axis->hi = axis->lo + step;
    }
}

/* ---------------------------------------------------------------------- */
/* Shared parts                                                            */

/* Title and subtitle; returns the y below them. */
static double
layout_header (MiChartLayout *self,
               const char    *title,
               const char    *subtitle,
               double        *subtitle_y,
               double        *subtitle_right)
{
  Label label = { 0 };
  double y = MARGIN;
  double width = self->width - 2 * MARGIN;

  label_init (self, &label, title, TITLE_SIZE, TRUE, width);
  place_label (self, &label, MI_CHART_ROLE_TITLE, MI_CHART_COLOR_TEXT, MI_CHART_ANCHOR_START,
               MARGIN, y);
  y += label.height + 2;
  label_clear (&label);

  label_init (self, &label, subtitle, LABEL_SIZE, FALSE, width);
  *subtitle_y = y;
  *subtitle_right = MARGIN + label.width;
  place_label (self, &label, MI_CHART_ROLE_SUBTITLE, MI_CHART_COLOR_TEXT_MUTED,
               MI_CHART_ANCHOR_START, MARGIN, y);
  y += label.height;
  label_clear (&label);

  return y + 12;
}

typedef struct
{
  MiChartColor  color;
  const char   *text;
} LegendEntry;

/* Swatches and names, right-aligned at @right on the line at @y; all or
 * nothing, and never over the text left of @min_x. */
static void
layout_legend (MiChartLayout     *self,
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
      label_init (self, &labels[i], entries[i].text, LABEL_SIZE, FALSE, 0);
      total += swatch + 4 + labels[i].width + (i > 0 ? 12 : 0);
    }

  if (right - total >= min_x + 12)
    {
      for (guint i = n_entries; i > 0; i--)
        {
          Label *label = &labels[i - 1];
          double swatch_y = y + (label->height - swatch) / 2;

          if (!place_label (self, label, MI_CHART_ROLE_LEGEND, MI_CHART_COLOR_TEXT_MUTED,
                            MI_CHART_ANCHOR_END, x, y))
            break;
          x -= label->width + 4 + swatch;
          add_rect (self, MI_CHART_ROLE_LEGEND, entries[i - 1].color, x, round (swatch_y),
                    swatch, swatch);
          x -= 12;
        }
    }

  for (guint i = 0; i < n_entries; i++)
    label_clear (&labels[i]);
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
static void
layout_attempt_labels (MiChartLayout *self,
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

    label_init (self, &label, text, size, FALSE, 0);
    long_form = label.width <= column - 8;
    label_clear (&label);
  }

  /* Every k-th column, so that the labels keep a regular step. */
  {
    g_autofree char *text = attempt_label (mi_chart_model_get_attempt (model, n - 1), long_form);
    Label label = { 0 };

    label_init (self, &label, text, size, FALSE, 0);
    step = MAX (1, (guint) ceil ((label.width + 8) / MAX (column, 0.5)));
    label_clear (&label);
  }

  for (guint i = 0; i < n; i += step)
    {
      g_autofree char *text = attempt_label (mi_chart_model_get_attempt (model, i), long_form);

      add_text (self, text, size, FALSE, 0, MI_CHART_ROLE_CATEGORY_LABEL,
                MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_MIDDLE,
                left + (i + 0.5) * column, y);
    }
}

/* ---------------------------------------------------------------------- */
/* A test case: one bar per attempt against the target                    */

/* Places the target's label where it covers no bar. */
static gboolean
place_label_clear_of_bars (MiChartLayout *self,
                           Label         *label,
                           MiChartAnchor  anchor,
                           double         x,
                           double         y)
{
  MiChartBox box = label_box (label, anchor, x, y);

  for (guint i = 0; i < self->items->len; i++)
    if (mi_chart_box_intersects (&box, &g_array_index (self->items, MiChartItem, i).box))
      return FALSE;

  return place_label (self, label, MI_CHART_ROLE_TARGET_LABEL, MI_CHART_COLOR_TARGET,
                      anchor, x, y);
}

static void
layout_test_case (MiChartLayout *self)
{
  const MiChartSeries *series = mi_chart_model_get_series (self->model, 0);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GPtrArray) tick_labels = g_ptr_array_new_with_free_func (g_free);
  LegendEntry legend[3];
  guint n_legend = 0;
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

  label_h = text_height (self, LABEL_SIZE, FALSE);
  small_h = text_height (self, SMALL_SIZE, FALSE);

  /* Header: what the chart shows and how to read it. */
  if (!series->has_target)
    direction = _("No target");
  else if (series->lower_is_better)
    direction = _("Lower is better");
  else
    direction = _("Higher is better");

  plot_bottom = self->height - MARGIN - label_h - 8;
  n_ticks = CLAMP ((int) ((plot_bottom - 100) / 48), 2, 8);
  axis_choose (&axis, series->dimension, values, series->has_target, series->target, n_ticks);
  self->log_axis = axis.log;

  subtitle = g_strdup_printf ("%s · %s", direction,
                              axis.log ? _("logarithmic axis") : _("linear axis"));
  plot_top = layout_header (self, mi_chart_model_get_title (self->model), subtitle,
                            &subtitle_y, &subtitle_right);

  if (seen[MI_VERDICT_PASS])
    legend[n_legend++] = (LegendEntry) { MI_CHART_COLOR_PASS, mi_verdict_get_label (MI_VERDICT_PASS) };
  if (seen[MI_VERDICT_FAIL])
    legend[n_legend++] = (LegendEntry) { MI_CHART_COLOR_FAIL, mi_verdict_get_label (MI_VERDICT_FAIL) };
  if (seen[MI_VERDICT_UNKNOWN])
    legend[n_legend++] = (LegendEntry) { MI_CHART_COLOR_UNKNOWN, _("No verdict") };
  layout_legend (self, legend, n_legend, subtitle_right, self->width - MARGIN, subtitle_y);

  /* Room above the highest bar for its value and change labels. */
  axis.top = plot_top + label_h + small_h + 2 * LABEL_GAP;
  axis.bottom = plot_bottom;

  ticks = axis_ticks (&axis, n_ticks);
  for (guint i = 0; i < ticks->len; i++)
    {
      char *text = mi_chart_format_value (series->dimension, series->unit,
                                          g_array_index (ticks, double, i));
      Label label = { 0 };

      label_init (self, &label, text, SMALL_SIZE, FALSE, 0);
      tick_w = MAX (tick_w, label.width);
      label_clear (&label);
      g_ptr_array_add (tick_labels, text);
    }

  plot_left = MARGIN + MIN (tick_w, self->width / 3.0) + 8;
  plot_right = self->width - MARGIN;
  column = n > 0 ? (plot_right - plot_left) / n : plot_right - plot_left;

  /* Grid and ticks */
  for (guint i = 0; i < ticks->len; i++)
    {
      double y = axis_to_y (&axis, g_array_index (ticks, double, i));
      double line_y = snap_line (y, 1);

      add_line (self, MI_CHART_ROLE_GRID, i == 0 ? MI_CHART_COLOR_AXIS : MI_CHART_COLOR_GRID, 1,
                plot_left, line_y, plot_right, line_y);
      add_text (self, g_ptr_array_index (tick_labels, i), SMALL_SIZE, FALSE, 0,
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
          double top = round (axis_to_y (&axis, bar->value));

          if (top > plot_bottom - 1 && axis_fraction (&axis, bar->value) > 0)
            top = plot_bottom - 1;
          box = (MiChartBox) { x, top, width, plot_bottom - top };
          add_rect (self, MI_CHART_ROLE_BAR, verdict_color (bar->verdict), box.x, box.y,
                    box.width, box.height);
        }
      else
        box = (MiChartBox) { x, plot_bottom - 4, width, 4 };

      add_item (self, &box, &hit, 0, i);
    }

  /* The target line, over the bars. */
  if (series->has_target)
    {
      target_y = snap_line (axis_to_y (&axis, series->target), 2);
      add_line (self, MI_CHART_ROLE_TARGET_LINE, MI_CHART_COLOR_TARGET, 2,
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

          label_init (self, &label, text, SMALL_SIZE, FALSE, column - 4);
          place_label (self, &label, MI_CHART_ROLE_NOTE, MI_CHART_COLOR_TEXT_MUTED,
                       MI_CHART_ANCHOR_MIDDLE, center, plot_bottom - small_h - LABEL_GAP);
          label_clear (&label);
          continue;
        }

      label_init (self, &label, bar->text, LABEL_SIZE, FALSE, 0);
      if (label.width > column - 2)
        {
          label_clear (&label);
          continue;
        }

      above = item->box.y - LABEL_GAP - label.height;
      /* Not across the target line: just above it instead. */
      if (series->has_target && above < target_y + 2 && above + label.height > target_y - 2)
        above = target_y - 3 - label.height;

      if (place_label (self, &label, MI_CHART_ROLE_VALUE_LABEL, MI_CHART_COLOR_TEXT,
                       MI_CHART_ANCHOR_MIDDLE, center, above))
        {

          if (isfinite (bar->change))
            {
              g_autofree char *change = mi_chart_format_change (bar->change);

              label_clear (&label);
              label_init (self, &label, change, SMALL_SIZE, FALSE, column - 2);
              if (label.width <= column - 2)
                place_label (self, &label, MI_CHART_ROLE_CHANGE_LABEL, MI_CHART_COLOR_TEXT_MUTED,
                             MI_CHART_ANCHOR_MIDDLE, center, above - 1 - label.height);
            }
        }
      else if (label.width <= item->box.width - 4 &&
               item->box.height >= label.height + 2 * LABEL_GAP)
        {
          /* No room above (the target label is there): inside the bar. */
          place_label (self, &label, MI_CHART_ROLE_VALUE_LABEL, MI_CHART_COLOR_ON_BAR,
                       MI_CHART_ANCHOR_MIDDLE, center, item->box.y + LABEL_GAP);
        }
      label_clear (&label);
    }

  /* The target's label: at the right end of its line, else further left,
   * above or below the line, where it covers no bar and no other label. */
  if (series->has_target)
    {
      g_autofree char *text = g_strdup_printf (_("target %s"), series->target_text);
      Label label = { 0 };

      label_init (self, &label, text, LABEL_SIZE, TRUE, plot_right - plot_left);
      for (guint k = n; k > 0 && !label_is_empty (&label); k--)
        {
          double x = k == n ? plot_right : plot_left + k * column - 2;

          if (place_label_clear_of_bars (self, &label, MI_CHART_ANCHOR_END, x,
                                         target_y - 2 - label.height) ||
              place_label_clear_of_bars (self, &label, MI_CHART_ANCHOR_END, x, target_y + 2))
            break;
        }
      if (!label_is_empty (&label) &&
          !place_label_clear_of_bars (self, &label, MI_CHART_ANCHOR_START, plot_left + 4,
                                      target_y - 2 - label.height) &&
          !place_label_clear_of_bars (self, &label, MI_CHART_ANCHOR_START, plot_left + 4,
                                      target_y + 2))
        {
          /* Nowhere clear: over the bars at the right end, on a plate of
           * the background so that it stays readable. */
          MiChartBox box = label_box (&label, MI_CHART_ANCHOR_END, plot_right - 3,
                                      target_y - 3 - label.height);

          if (label_fits (self, &box))
            {
              add_rect (self, MI_CHART_ROLE_TARGET_LABEL, MI_CHART_COLOR_BACKGROUND,
                        floor (box.x) - 3, floor (box.y) - 1, ceil (box.width) + 6,
                        ceil (box.height) + 2);
              place_label (self, &label, MI_CHART_ROLE_TARGET_LABEL, MI_CHART_COLOR_TARGET,
                           MI_CHART_ANCHOR_END, plot_right - 3, target_y - 3 - label.height);
            }
        }
      label_clear (&label);
    }

  if (values->len == 0)
    add_text (self, n == 0 ? _("No results yet") : _("No results to chart"),
              LABEL_SIZE, FALSE, plot_right - plot_left, MI_CHART_ROLE_NOTE,
              MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_MIDDLE,
              (plot_left + plot_right) / 2, (axis.top + plot_bottom) / 2 - label_h / 2);

  layout_attempt_labels (self, plot_left, column, plot_bottom + 8, LABEL_SIZE);

  g_array_append_val (self->axes, axis);
}

/* ---------------------------------------------------------------------- */
/* The overview: each test case a row, and the timeline                    */

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
  double header_h = text_height (self, LABEL_SIZE, TRUE);
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

  label_init (self, &label, _("Timeline"), LABEL_SIZE, TRUE, 0);
  place_label (self, &label, MI_CHART_ROLE_SUBTITLE, MI_CHART_COLOR_TEXT_MUTED,
               MI_CHART_ANCHOR_START, MARGIN, top);

  {
    static const MiOutcome order[] = {
      MI_OUTCOME_SUCCESS, MI_OUTCOME_PARTIAL, MI_OUTCOME_FAILED,
      MI_OUTCOME_IN_PROGRESS, MI_OUTCOME_PENDING,
    };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      if (seen[order[i]])
        legend[n_legend++] = (LegendEntry) { outcome_color (order[i]),
                                             mi_outcome_get_label (order[i]) };
  }
  layout_legend (self, legend, n_legend, MARGIN + label.width, self->width - MARGIN, top);
  label_clear (&label);

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
      add_rect (self, MI_CHART_ROLE_SPAN, outcome_color (span->outcome),
                box.x, box.y, box.width, box.height);
      add_item (self, &box, &box, G_MAXUINT, p->span);

      if (box.width < 3 * SMALL_SIZE)
        continue;  /* too narrow for a number: not worth measuring */
      label_init (self, &name, number, SMALL_SIZE, FALSE, 0);
      if (name.width <= box.width - 4 && name.height <= box.height)
        place_label (self, &name, MI_CHART_ROLE_CATEGORY_LABEL, MI_CHART_COLOR_ON_BAR,
                     MI_CHART_ANCHOR_MIDDLE, box.x + box.width / 2,
                     box.y + (box.height - name.height) / 2);
      label_clear (&name);
    }

  /* Dates: the first and the last, then month starts where they fit. */
  add_line (self, MI_CHART_ROLE_GRID, MI_CHART_COLOR_AXIS, 1, left, snap_line (lanes_bottom + 2, 1),
            right, snap_line (lanes_bottom + 2, 1));
  format_julian (first, FALSE, buf, sizeof buf);
  add_text (self, buf, SMALL_SIZE, FALSE, 0, MI_CHART_ROLE_CATEGORY_LABEL,
            MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_START, left, lanes_bottom + 5);
  format_julian (last, FALSE, buf, sizeof buf);
  add_text (self, buf, SMALL_SIZE, FALSE, 0, MI_CHART_ROLE_CATEGORY_LABEL,
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
        if (add_text (self, buf, SMALL_SIZE, FALSE, 0, MI_CHART_ROLE_CATEGORY_LABEL,
                      MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_MIDDLE, x, lanes_bottom + 5))
          add_line (self, MI_CHART_ROLE_GRID, MI_CHART_COLOR_AXIS, 1, x, lanes_bottom + 2, x,
                    lanes_bottom + 5);
        g_date_add_months (&date, 1);
      }
  }
}

static void
layout_overview (MiChartLayout *self)
{
  MiChartModel *model = self->model;
  guint n_series = mi_chart_model_get_n_series (model);
  guint n_attempts = mi_chart_model_get_n_attempts (model);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autofree char *subtitle = NULL;
  LegendEntry legend[3];
  guint n_legend = 0;
  gboolean seen[3] = { FALSE, FALSE, FALSE };
  Axis shared = { 0 };
  double subtitle_y, subtitle_right;
  double rows_top, rows_bottom, row_h;
  double timeline_h = 0, lane_h = 18;
  double label_w = 0, right_w = 0, left, right, column;
  double row_font;
  double small_h = text_height (self, SMALL_SIZE, FALSE);
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

  axis_choose (&shared, MI_DIMENSION_NONE, values, TRUE, 1.0, 4);
  if (!shared.log)
    shared.hi = MAX (shared.hi, 1.0);
  self->log_axis = shared.log;

  subtitle = g_strdup (shared.log ? _("Each result as a multiple of its target (logarithmic); the line is the target")
                                  : _("Each result as a multiple of its target; the line is the target"));
  rows_top = layout_header (self, mi_chart_model_get_title (model), subtitle,
                            &subtitle_y, &subtitle_right);

  if (seen[MI_VERDICT_PASS])
    legend[n_legend++] = (LegendEntry) { MI_CHART_COLOR_PASS, mi_verdict_get_label (MI_VERDICT_PASS) };
  if (seen[MI_VERDICT_FAIL])
    legend[n_legend++] = (LegendEntry) { MI_CHART_COLOR_FAIL, mi_verdict_get_label (MI_VERDICT_FAIL) };
  if (seen[MI_VERDICT_UNKNOWN])
    legend[n_legend++] = (LegendEntry) { MI_CHART_COLOR_UNKNOWN, _("No verdict") };
  layout_legend (self, legend, n_legend, subtitle_right, self->width - MARGIN, subtitle_y);

  n_lanes = assign_lanes (model, placed);
  if (n_lanes > 0)
    {
      lane_h = n_lanes <= 4 ? 18 : MAX (4, floor (72.0 / n_lanes));
      timeline_h = 14 + text_height (self, LABEL_SIZE, TRUE) + 6 + n_lanes * lane_h + 5 + small_h;
    }

  rows_bottom = self->height - MARGIN - timeline_h - small_h - 6;
  row_h = (rows_bottom - rows_top) / MAX (n_series, 1);
  row_font = row_h >= 20 ? LABEL_SIZE : SMALL_SIZE;

  for (guint s = 0; s < n_series; s++)
    {
      const MiChartSeries *series = mi_chart_model_get_series (model, s);
      Label label = { 0 };

      label_init (self, &label, series->id, row_font, TRUE, 0);
      label_w = MAX (label_w, label.width);
      label_clear (&label);
      if (series->title != NULL && row_h >= 2 * row_font + 8)
        {
          label_init (self, &label, series->title, SMALL_SIZE, FALSE, 0);
          label_w = MAX (label_w, label.width);
          label_clear (&label);
        }
      for (guint i = series->bars->len; i > 0; i--)
        {
          const MiChartBar *bar = &g_array_index (series->bars, MiChartBar, i - 1);

          if (bar->text != NULL)
            {
              label_init (self, &label, bar->text, SMALL_SIZE, FALSE, 0);
              right_w = MAX (right_w, label.width);
              label_clear (&label);
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
    add_text (self, _("No test cases"), LABEL_SIZE, FALSE, right - left, MI_CHART_ROLE_NOTE,
              MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_MIDDLE, (left + right) / 2,
              (rows_top + rows_bottom) / 2 - small_h);

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
      label_init (self, &label, series->id, row_font, TRUE, label_w);
      id_h = label.height;
      place_label (self, &label, MI_CHART_ROLE_CATEGORY_LABEL, MI_CHART_COLOR_TEXT,
                   MI_CHART_ANCHOR_START, MARGIN,
                   two_lines ? row_y + row_h / 2 - id_h : row_y + (row_h - id_h) / 2);
      label_clear (&label);
      if (two_lines)
        add_text (self, series->title, SMALL_SIZE, FALSE, label_w, MI_CHART_ROLE_CATEGORY_LABEL,
                  MI_CHART_COLOR_TEXT_MUTED, MI_CHART_ANCHOR_START, MARGIN, row_y + row_h / 2);

      add_line (self, MI_CHART_ROLE_GRID, MI_CHART_COLOR_GRID, 1, left,
                snap_line (axis.bottom, 1), right, snap_line (axis.bottom, 1));

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
                  add_item (self, &box, &hit, s, i);
                }
              continue;
            }

          any_value = TRUE;
          top = round (axis_to_y (&axis, bar->value));
          if (top > axis.bottom - 1)
            top = axis.bottom - 1;
          box = (MiChartBox) { x, top, width, axis.bottom - top };
          add_rect (self, MI_CHART_ROLE_BAR, verdict_color (bar->verdict),
                    box.x, box.y, box.width, box.height);
          add_item (self, &box, &hit, s, i);
        }

      if (series->has_target && any_value)
        {
          double y = snap_line (axis_to_y (&axis, 1.0), 2);

          add_line (self, MI_CHART_ROLE_TARGET_LINE, MI_CHART_COLOR_TARGET, 2, left, y, right, y);
        }
      else
        add_text (self, !series->has_target ? _("no target") : _("no results to chart"),
                  SMALL_SIZE, FALSE, right - left, MI_CHART_ROLE_NOTE, MI_CHART_COLOR_TEXT_MUTED,
                  MI_CHART_ANCHOR_START, left + 4, row_y + (row_h - small_h) / 2);

      /* The latest result as written, at the right end. */
      for (guint i = series->bars->len; i > 0; i--)
        {
          const MiChartBar *bar = &g_array_index (series->bars, MiChartBar, i - 1);

          if (bar->text != NULL)
            {
              add_text (self, bar->text, SMALL_SIZE, FALSE, right_w, MI_CHART_ROLE_VALUE_LABEL,
                        bar->has_value ? MI_CHART_COLOR_TEXT : MI_CHART_COLOR_TEXT_MUTED,
                        MI_CHART_ANCHOR_END, self->width - MARGIN,
                        row_y + (row_h - small_h) / 2);
              break;
            }
        }

      g_array_append_val (self->axes, axis);
    }

  layout_attempt_labels (self, left, column, rows_bottom + 3, SMALL_SIZE);

  if (n_lanes > 0)
    layout_timeline (self, placed, n_lanes, rows_bottom + 3 + small_h + 14, left, right, lane_h);
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
  self->context = g_object_ref (get_thread_context ());

  if (mi_chart_model_get_kind (model) == MI_CHART_KIND_TEST_CASE)
    layout_test_case (self);
  else
    layout_overview (self);

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

  return axis_to_y (&g_array_index (self->axes, Axis, series), value);
}

/**
 * mi_chart_release_fonts:
 *
 * Frees what the charts of the calling thread keep between layouts: the
 * Pango context and font map, and with them Pango's font caches. For
 * tools and tests that look for leaks at exit; call it when this thread
 * draws no more text.
 */
void
mi_chart_release_fonts (void)
{
  g_private_replace (&context_key, NULL);
  pango_cairo_font_map_set_default (NULL);
}

/* ---------------------------------------------------------------------- */
/* Backends                                                                */

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

static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  end = buf + strlen (buf) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  if (g_str_equal (buf, "-0"))
    strcpy (buf, "0");
  g_string_append (out, buf);
}

static void
append_color (GString      *out,
              gboolean      dark,
              MiChartColor  color)
{
  guint32 value = dark ? dark_palette[color] : light_palette[color];

  g_string_append_printf (out, "#%06x", value);
}

/**
 * mi_chart_layout_to_svg:
 * @length: (out) (optional): the length of the text
 *
 * Writes the chart as SVG: <rect>, <line> and <text> elements, the labels
 * as text (searchable, selectable, read by screen readers), with the data in
 * <desc>.
 *
 * Returns: (transfer full): the SVG document, UTF-8.
 */
char *
mi_chart_layout_to_svg (MiChartLayout *self,
                        gsize         *length)
{
  GString *out;
  g_autofree char *title = NULL;
  g_autofree char *desc = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_sized_new (4096 + self->primitives->len * 96);
  title = g_markup_escape_text (mi_chart_model_get_title (self->model), -1);
  description = mi_chart_model_describe (self->model);
  desc = g_markup_escape_text (description, -1);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                          "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"title desc\">\n",
                          self->width, self->height, self->width, self->height);
  g_string_append_printf (out, "<title id=\"title\">%s</title>\n", title);
  g_string_append_printf (out, "<desc id=\"desc\">%s</desc>\n", desc);

  g_string_append_printf (out, "<rect width=\"%d\" height=\"%d\" fill=\"", self->width, self->height);
  append_color (out, self->dark, MI_CHART_COLOR_BACKGROUND);
  g_string_append (out, "\"/>\n");
  g_string_append_printf (out, "<g font-family=\"%s\">\n", SVG_FAMILY);

  for (guint i = 0; i < self->primitives->len; i++)
    {
      const MiChartPrimitive *p = &g_array_index (self->primitives, MiChartPrimitive, i);

      switch (p->kind)
        {
        case MI_CHART_PRIMITIVE_RECT:
          g_string_append (out, "<rect x=\"");
          append_number (out, p->box.x);
          g_string_append (out, "\" y=\"");
          append_number (out, p->box.y);
          g_string_append (out, "\" width=\"");
          append_number (out, p->box.width);
          g_string_append (out, "\" height=\"");
          append_number (out, p->box.height);
          g_string_append (out, "\" fill=\"");
          append_color (out, self->dark, p->color);
          g_string_append (out, "\"/>\n");
          break;

        case MI_CHART_PRIMITIVE_LINE:
          g_string_append (out, "<line x1=\"");
          append_number (out, p->box.x);
          g_string_append (out, "\" y1=\"");
          append_number (out, p->box.y);
          g_string_append (out, "\" x2=\"");
          append_number (out, p->box.x + p->box.width);
          g_string_append (out, "\" y2=\"");
          append_number (out, p->box.y + p->box.height);
          g_string_append (out, "\" stroke=\"");
          append_color (out, self->dark, p->color);
          g_string_append (out, "\" stroke-width=\"");
          append_number (out, p->line_width);
          g_string_append (out, "\"/>\n");
          break;

        case MI_CHART_PRIMITIVE_TEXT:
          {
            g_autofree char *text = g_markup_escape_text (p->text, -1);
            double x = p->anchor == MI_CHART_ANCHOR_START ? p->box.x :
                       p->anchor == MI_CHART_ANCHOR_MIDDLE ? p->box.x + p->box.width / 2 :
                       p->box.x + p->box.width;

            g_string_append (out, "<text x=\"");
            append_number (out, x);
            g_string_append (out, "\" y=\"");
            append_number (out, p->box.y + p->baseline);
            g_string_append (out, "\" font-size=\"");
            append_number (out, p->font_size);
            g_string_append (out, "\"");
            if (p->bold)
              g_string_append (out, " font-weight=\"bold\"");
            if (p->anchor == MI_CHART_ANCHOR_MIDDLE)
              g_string_append (out, " text-anchor=\"middle\"");
            else if (p->anchor == MI_CHART_ANCHOR_END)
              g_string_append (out, " text-anchor=\"end\"");
            g_string_append (out, " fill=\"");
            append_color (out, self->dark, p->color);
            g_string_append_printf (out, "\">%s</text>\n", text);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (out, "</g>\n</svg>\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
