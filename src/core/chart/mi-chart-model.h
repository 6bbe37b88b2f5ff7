/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

/*
 * What a chart shows, read once from the model objects: a plain snapshot that
 * the layout, the widget and the exports share. Values are in the base unit
 * of the chart's dimension (ms, B, %, /s), or fractions of the target in an
 * overview.
 */

typedef enum
{
  MI_CHART_KIND_TEST_CASE,   /* one bar per attempt against the target */
  MI_CHART_KIND_OVERVIEW,    /* every test case as a row, and a timeline */
} MiChartKind;

typedef struct
{
  guint       attempt;         /* attempt number */
  char       *attempt_title;   /* NULL when unknown */
  char       *text;            /* the value as written, NULL when no result */
  gboolean    has_value;       /* FALSE: no result, unparsable, other dimension */
  double      value;           /* base units; an overview: value ÷ target */
  double      base_value;      /* base units, also in an overview */
  MiVerdict   verdict;
  double      change;          /* against the first value: -0.925; NAN when none */
} MiChartBar;

typedef struct
{
  char        *id;             /* "TC-001" */
  char        *title;
  gboolean     has_target;
  double       target;         /* base units */
  MiOp         op;
  char        *target_text;    /* "< 1,000 ms", NULL when no target */
  gboolean     lower_is_better;
  MiDimension  dimension;
  char        *unit;           /* the unit of a dimensionless value ("nDCG"), "" */
  GArray      *bars;           /* MiChartBar, in attempt order */
} MiChartSeries;

typedef struct
{
  guint       attempt;
  char       *title;
  MiOutcome   outcome;
  GDate       start;           /* valid when has_dates */
  GDate       end;
  gboolean    has_dates;
} MiChartSpan;

typedef struct _MiChartModel MiChartModel;

#define MI_TYPE_CHART_MODEL (mi_chart_model_get_type ())

GType                mi_chart_model_get_type           (void) G_GNUC_CONST;
MiChartModel        *mi_chart_model_new_for_test_case  (MiIssue       *issue,
                                                        MiTestCase    *test_case);
MiChartModel        *mi_chart_model_new_for_issue      (MiIssue       *issue);
MiChartModel        *mi_chart_model_ref                (MiChartModel  *self);
void                 mi_chart_model_unref              (MiChartModel  *self);

MiChartKind          mi_chart_model_get_kind           (MiChartModel  *self);
const char          *mi_chart_model_get_title          (MiChartModel  *self);
guint                mi_chart_model_get_n_series       (MiChartModel  *self);
const MiChartSeries *mi_chart_model_get_series         (MiChartModel  *self,
                                                        guint          index);
guint                mi_chart_model_get_n_spans        (MiChartModel  *self);
const MiChartSpan   *mi_chart_model_get_span           (MiChartModel  *self,
                                                        guint          index);
guint                mi_chart_model_get_n_attempts     (MiChartModel  *self);
guint                mi_chart_model_get_attempt        (MiChartModel  *self,
                                                        guint          index);
void                 mi_chart_model_get_natural_size   (MiChartModel  *self,
                                                        int           *width,
                                                        int           *height);
char                *mi_chart_model_describe           (MiChartModel  *self);
char                *mi_chart_model_describe_bar       (MiChartModel  *self,
                                                        guint          series,
                                                        guint          bar);
char                *mi_chart_model_describe_span      (MiChartModel  *self,
                                                        guint          span);

char                *mi_chart_format_change            (double         change);
char                *mi_chart_format_value             (MiDimension    dimension,
                                                        const char    *unit,
                                                        double         base_value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiChartModel, mi_chart_model_unref)

G_END_DECLS
