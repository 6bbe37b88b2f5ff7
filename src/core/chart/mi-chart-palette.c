/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-layout"

#include "config.h"

#include "mi-chart-private.h"

/*
 * The colours of a chart, for a light and a dark background, and the colour
 * of a verdict and of an outcome.
 */

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

/* The colour as 0xRRGGBB. */
guint32
_mi_chart_palette_lookup (gboolean     dark,
                          MiChartColor color)
{
  g_assert (color < MI_CHART_N_COLORS);

  return dark ? dark_palette[color] : light_palette[color];
}

void
mi_chart_palette_get (gboolean      dark,
                      MiChartColor  color,
                      MiChartRgba  *rgba)
{
  guint32 value;

  g_return_if_fail (color < MI_CHART_N_COLORS);
  g_return_if_fail (rgba != NULL);

  value = _mi_chart_palette_lookup (dark, color);
  rgba->red = ((value >> 16) & 0xff) / 255.0;
  rgba->green = ((value >> 8) & 0xff) / 255.0;
  rgba->blue = (value & 0xff) / 255.0;
  rgba->alpha = 1.0;
}

MiChartColor
_mi_chart_verdict_color (MiVerdict verdict)
{
  switch (verdict)
    {
    case MI_VERDICT_PASS: return MI_CHART_COLOR_PASS;
    case MI_VERDICT_FAIL: return MI_CHART_COLOR_FAIL;
    case MI_VERDICT_UNKNOWN:
    default:              return MI_CHART_COLOR_UNKNOWN;
    }
}

MiChartColor
_mi_chart_outcome_color (MiOutcome outcome)
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
