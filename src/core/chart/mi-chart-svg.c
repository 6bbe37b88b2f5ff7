/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-layout"

#include "config.h"

#include <string.h>

#include "mi-chart-private.h"

/*
 * Writing a laid-out chart as SVG: the same primitives, the labels kept as
 * <text>.
 */

#define SVG_FAMILY    "Cantarell, 'DejaVu Sans', sans-serif"

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
  g_string_append_printf (out, "#%06x", _mi_chart_palette_lookup (dark, color));
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
