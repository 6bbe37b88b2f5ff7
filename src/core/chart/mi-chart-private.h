/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the files of MiChartLayout share: the instance structure, the axis of
 * a series, a text measured and not placed yet, and the helpers each part
 * offers the others:
 *
 *   mi-chart-palette.c           the colours of both schemes
 *   mi-chart-axis.c              axes: the range, nice ticks, value → pixel
 *   mi-chart-text.c              measuring text with Pango, placing labels
 *   mi-chart-layout.c            the layout object, its primitives, the parts
 *                                every chart has (header, legend, attempts)
 *   mi-chart-layout-test-case.c  a test case: a bar per attempt, the target
 *   mi-chart-layout-overview.c   the overview: a row per test case, timeline
 *   mi-chart-cairo.c             drawing with cairo (screen, PNG)
 *   mi-chart-svg.c               writing SVG
 *
 * Only those files include it: everyone else uses mi-chart-layout.h.
 */

#include <pango/pangocairo.h>

#include "mi-chart-layout.h"

G_BEGIN_DECLS

#define MARGIN        16.0
#define TITLE_SIZE    15.0
#define LABEL_SIZE    12.0
#define SMALL_SIZE    11.0
#define LABEL_GAP      4.0

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

typedef struct
{
  MiChartColor  color;
  const char   *text;
} LegendEntry;

/* mi-chart-palette.c */
guint32       _mi_chart_palette_lookup         (gboolean           dark,
                                                MiChartColor       color);
MiChartColor  _mi_chart_verdict_color          (MiVerdict          verdict);
MiChartColor  _mi_chart_outcome_color          (MiOutcome          outcome);

/* mi-chart-axis.c */
void          _mi_chart_axis_choose            (Axis              *axis,
                                                MiDimension        dimension,
                                                GArray            *values,
                                                gboolean           has_target,
                                                double             target,
                                                int                n_ticks);
GArray       *_mi_chart_axis_ticks             (const Axis        *axis,
                                                int                n_wanted);
double        _mi_chart_axis_fraction          (const Axis        *axis,
                                                double             value);
double        _mi_chart_axis_to_y              (const Axis        *axis,
                                                double             value);

/* mi-chart-text.c */
PangoContext *_mi_chart_get_thread_context     (void);
void          _mi_chart_label_init             (MiChartLayout     *self,
                                                Label             *label,
                                                const char        *text,
                                                double             size,
                                                gboolean           bold,
                                                double             max_width);
void          _mi_chart_label_clear            (Label             *label);
gboolean      _mi_chart_label_is_empty         (const Label       *label);
MiChartBox    _mi_chart_label_box              (const Label       *label,
                                                MiChartAnchor      anchor,
                                                double             x,
                                                double             y);
gboolean      _mi_chart_label_fits             (MiChartLayout     *self,
                                                const MiChartBox  *box);
gboolean      _mi_chart_place_label            (MiChartLayout     *self,
                                                Label             *label,
                                                MiChartRole        role,
                                                MiChartColor       color,
                                                MiChartAnchor      anchor,
                                                double             x,
                                                double             y);
gboolean      _mi_chart_add_text               (MiChartLayout     *self,
                                                const char        *text,
                                                double             size,
                                                gboolean           bold,
                                                double             max_width,
                                                MiChartRole        role,
                                                MiChartColor       color,
                                                MiChartAnchor      anchor,
                                                double             x,
                                                double             y);
double        _mi_chart_text_height            (MiChartLayout     *self,
                                                double             size,
                                                gboolean           bold);

/* mi-chart-layout.c */
void          _mi_chart_add_rect               (MiChartLayout     *self,
                                                MiChartRole        role,
                                                MiChartColor       color,
                                                double             x,
                                                double             y,
                                                double             width,
                                                double             height);
void          _mi_chart_add_line               (MiChartLayout     *self,
                                                MiChartRole        role,
                                                MiChartColor       color,
                                                double             line_width,
                                                double             x1,
                                                double             y1,
                                                double             x2,
                                                double             y2);
double        _mi_chart_snap_line              (double             y,
                                                double             line_width);
void          _mi_chart_add_item               (MiChartLayout     *self,
                                                const MiChartBox  *box,
                                                const MiChartBox  *hit,
                                                guint              series,
                                                guint              index);
double        _mi_chart_layout_header          (MiChartLayout     *self,
                                                const char        *title,
                                                const char        *subtitle,
                                                double            *subtitle_y,
                                                double            *subtitle_right);
void          _mi_chart_layout_legend          (MiChartLayout     *self,
                                                const LegendEntry *entries,
                                                guint              n_entries,
                                                double             min_x,
                                                double             right,
                                                double             y);
void          _mi_chart_layout_verdict_legend  (MiChartLayout     *self,
                                                const gboolean    *seen,
                                                double             min_x,
                                                double             y);
void          _mi_chart_layout_attempt_labels  (MiChartLayout     *self,
                                                double             left,
                                                double             column,
                                                double             y,
                                                double             size);

/* mi-chart-layout-test-case.c */
void          _mi_chart_layout_test_case       (MiChartLayout     *self);

/* mi-chart-layout-overview.c */
void          _mi_chart_layout_overview        (MiChartLayout     *self);

G_END_DECLS
