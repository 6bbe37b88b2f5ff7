/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "mi-chart-model.h"

G_BEGIN_DECLS

/*
 * A chart laid out at one size: a list of primitives (rectangles, lines,
 * text boxes measured with Pango) in pixels, drawn in order. Two backends
 * draw the same list: cairo (the screen, PNG) and an SVG writer that keeps
 * the labels as <text>. The layout also keeps the items a pointer or the
 * keyboard can reach (bars, timeline spans) and the axis of each series.
 */

typedef enum
{
  MI_CHART_COLOR_BACKGROUND,
  MI_CHART_COLOR_TEXT,
  MI_CHART_COLOR_TEXT_MUTED,
  MI_CHART_COLOR_GRID,
  MI_CHART_COLOR_AXIS,
  MI_CHART_COLOR_TARGET,
  MI_CHART_COLOR_PASS,
  MI_CHART_COLOR_FAIL,
  MI_CHART_COLOR_UNKNOWN,
  MI_CHART_COLOR_SUCCESS,
  MI_CHART_COLOR_PARTIAL,
  MI_CHART_COLOR_FAILED,
  MI_CHART_COLOR_IN_PROGRESS,
  MI_CHART_COLOR_PENDING,
  MI_CHART_COLOR_ON_BAR,
  MI_CHART_COLOR_FOCUS,
  MI_CHART_N_COLORS,
} MiChartColor;

typedef struct
{
  double red, green, blue, alpha;
} MiChartRgba;

typedef struct
{
  double x, y, width, height;
} MiChartBox;

typedef enum
{
  MI_CHART_PRIMITIVE_RECT,
  MI_CHART_PRIMITIVE_LINE,   /* from (x, y) to (x + width, y + height) */
  MI_CHART_PRIMITIVE_TEXT,
} MiChartPrimitiveKind;

typedef enum
{
  MI_CHART_ROLE_NONE,
  MI_CHART_ROLE_TITLE,
  MI_CHART_ROLE_SUBTITLE,
  MI_CHART_ROLE_LEGEND,
  MI_CHART_ROLE_AXIS_LABEL,
  MI_CHART_ROLE_CATEGORY_LABEL,  /* attempt numbers, test case names, dates */
  MI_CHART_ROLE_VALUE_LABEL,
  MI_CHART_ROLE_CHANGE_LABEL,
  MI_CHART_ROLE_TARGET_LABEL,
  MI_CHART_ROLE_NOTE,            /* "no result", "no target" */
  MI_CHART_ROLE_BAR,
  MI_CHART_ROLE_TARGET_LINE,
  MI_CHART_ROLE_GRID,
  MI_CHART_ROLE_SPAN,
} MiChartRole;

typedef enum
{
  MI_CHART_ANCHOR_START,
  MI_CHART_ANCHOR_MIDDLE,
  MI_CHART_ANCHOR_END,
} MiChartAnchor;

typedef struct
{
  MiChartPrimitiveKind  kind;
  MiChartRole           role;
  MiChartColor          color;
  MiChartBox            box;         /* text: the logical box of the text */
  double                line_width;
  /* text */
  char                 *text;
  double                font_size;   /* pixels */
  gboolean              bold;
  MiChartAnchor         anchor;
  double                baseline;    /* from box.y */
  gpointer              layout;      /* PangoLayout */
} MiChartPrimitive;

typedef struct
{
  MiChartBox  box;      /* what it looks like: the bar, the span */
  MiChartBox  hit;      /* where a pointer finds it: the bar's column */
  guint       series;   /* series index; for a span: G_MAXUINT */
  guint       index;    /* bar index in the series, or span index */
} MiChartItem;

typedef struct _MiChartLayout MiChartLayout;

#define MI_TYPE_CHART_LAYOUT (mi_chart_layout_get_type ())

GType                   mi_chart_layout_get_type           (void) G_GNUC_CONST;
MiChartLayout          *mi_chart_layout_new                (MiChartModel     *model,
                                                            int               width,
                                                            int               height,
                                                            gboolean          dark);
MiChartLayout          *mi_chart_layout_ref                (MiChartLayout    *self);
void                    mi_chart_layout_unref              (MiChartLayout    *self);

MiChartModel           *mi_chart_layout_get_model          (MiChartLayout    *self);
int                     mi_chart_layout_get_width          (MiChartLayout    *self);
int                     mi_chart_layout_get_height         (MiChartLayout    *self);
gboolean                mi_chart_layout_get_dark           (MiChartLayout    *self);
guint                   mi_chart_layout_get_n_primitives   (MiChartLayout    *self);
const MiChartPrimitive *mi_chart_layout_get_primitive      (MiChartLayout    *self,
                                                            guint             index);
guint                   mi_chart_layout_get_n_items        (MiChartLayout    *self);
const MiChartItem      *mi_chart_layout_get_item           (MiChartLayout    *self,
                                                            guint             index);
int                     mi_chart_layout_find_item          (MiChartLayout    *self,
                                                            double            x,
                                                            double            y);
char                   *mi_chart_layout_describe_item      (MiChartLayout    *self,
                                                            guint             index);
gboolean                mi_chart_layout_get_log_axis       (MiChartLayout    *self);
double                  mi_chart_layout_value_to_y         (MiChartLayout    *self,
                                                            guint             series,
                                                            double            value);

void                    mi_chart_layout_draw               (MiChartLayout    *self,
                                                            cairo_t          *cr,
                                                            gboolean          background);
char                   *mi_chart_layout_to_svg             (MiChartLayout    *self,
                                                            gsize            *length);

void                    mi_chart_palette_get               (gboolean          dark,
                                                            MiChartColor      color,
                                                            MiChartRgba      *rgba);

gboolean                mi_chart_box_intersects            (const MiChartBox *a,
                                                            const MiChartBox *b);
void                    mi_chart_release_fonts             (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiChartLayout, mi_chart_layout_unref)

G_END_DECLS
