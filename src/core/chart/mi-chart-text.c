/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-layout"

#include "config.h"

#include "mi-chart-private.h"

/*
 * The text of a chart: measured with Pango, shortened with "…" to fit, and
 * placed only where it stays on the canvas and touches no text placed before.
 */

#define FONT_FAMILY   "Cantarell,DejaVu Sans,sans-serif"
#define ELLIPSIS      "\xe2\x80\xa6"  /* U+2026 */

static GPrivate context_key = G_PRIVATE_INIT (g_object_unref);

PangoContext *
_mi_chart_get_thread_context (void)
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

void
_mi_chart_label_clear (Label *label)
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
void
_mi_chart_label_init (MiChartLayout *self,
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

gboolean
_mi_chart_label_is_empty (const Label *label)
{
  return label->text == NULL || label->text[0] == '\0';
}

/* The box @label would take with its anchor at @x and its top at @y. */
MiChartBox
_mi_chart_label_box (const Label   *label,
                     MiChartAnchor  anchor,
                     double         x,
                     double         y)
{
  double left = anchor == MI_CHART_ANCHOR_START ? x :
                anchor == MI_CHART_ANCHOR_MIDDLE ? x - label->width / 2 : x - label->width;

  return (MiChartBox) { left, y, label->width, label->height };
}

gboolean
_mi_chart_label_fits (MiChartLayout    *self,
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
gboolean
_mi_chart_place_label (MiChartLayout *self,
                       Label         *label,
                       MiChartRole    role,
                       MiChartColor   color,
                       MiChartAnchor  anchor,
                       double         x,
                       double         y)
{
  MiChartPrimitive primitive = { 0 };
  MiChartBox box;

  if (_mi_chart_label_is_empty (label))
    return FALSE;

  box = _mi_chart_label_box (label, anchor, x, y);
  if (!_mi_chart_label_fits (self, &box))
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
gboolean
_mi_chart_add_text (MiChartLayout *self,
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

  _mi_chart_label_init (self, &label, text, size, bold, max_width);
  placed = _mi_chart_place_label (self, &label, role, color, anchor, x, y);
  _mi_chart_label_clear (&label);

  return placed;
}

double
_mi_chart_text_height (MiChartLayout *self,
                       double         size,
                       gboolean       bold)
{
  Label label = { 0 };
  double height;

  _mi_chart_label_init (self, &label, "Ag", size, bold, 0);
  height = label.height;
  _mi_chart_label_clear (&label);

  return height;
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
