/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-layout"

#include "config.h"

#include <math.h>

#include "mi-chart-private.h"

/*
 * The axis of a series: its range (from zero, or logarithmic when the values
 * span more than 20×), ticks at nice steps, and where a value is on it.
 */

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

double
_mi_chart_axis_fraction (const Axis *axis,
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

double
_mi_chart_axis_to_y (const Axis *axis,
                     double      value)
{
  return axis->bottom - _mi_chart_axis_fraction (axis, value) * (axis->bottom - axis->top);
}

/* The ticks of @axis, in order: lo, …, hi on a linear axis; 1-2-5 steps of
 * each decade on a log axis (only the powers of ten when it spans many). */
GArray *
_mi_chart_axis_ticks (const Axis *axis,
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
void
_mi_chart_axis_choose (Axis        *axis,
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
