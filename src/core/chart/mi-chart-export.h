/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-chart-model.h"

G_BEGIN_DECLS

#define MI_CHART_ERROR (mi_chart_error_quark ())

typedef enum
{
  MI_CHART_ERROR_FORMAT,   /* a file name that is neither .png nor .svg */
  MI_CHART_ERROR_SIZE,     /* a width or height out of range */
  MI_CHART_ERROR_FAILED,   /* cairo could not draw */
} MiChartError;

typedef enum
{
  MI_CHART_FORMAT_PNG,
  MI_CHART_FORMAT_SVG,
} MiChartFormat;

#define MI_CHART_MIN_SIZE 120
#define MI_CHART_MAX_SIZE 8192

GQuark    mi_chart_error_quark        (void);

gboolean  mi_chart_format_for_name    (const char     *name,
                                       MiChartFormat  *format,
                                       GError        **error);
char     *mi_chart_get_file_name      (const char     *test_case_id);
GBytes   *mi_chart_render             (MiChartModel   *model,
                                       MiChartFormat   format,
                                       int             width,
                                       int             height,
                                       gboolean        dark,
                                       GError        **error);
gboolean  mi_chart_export             (MiChartModel   *model,
                                       GFile          *file,
                                       MiChartFormat   format,
                                       int             width,
                                       int             height,
                                       gboolean        dark,
                                       GError        **error);
gboolean  mi_chart_export_png         (MiChartModel   *model,
                                       GFile          *file,
                                       int             width,
                                       int             height,
                                       gboolean        dark,
                                       GError        **error);
gboolean  mi_chart_export_svg         (MiChartModel   *model,
                                       GFile          *file,
                                       int             width,
                                       int             height,
                                       gboolean        dark,
                                       GError        **error);
void      mi_chart_export_async       (MiChartModel        *model,
                                       GFile               *file,
                                       MiChartFormat        format,
                                       int                  width,
                                       int                  height,
                                       gboolean             dark,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  mi_chart_export_finish      (GAsyncResult        *result,
                                       GError             **error);
gboolean  mi_issue_insert_chart       (MiIssue        *issue,
                                       const char     *test_case_id,
                                       int             width,
                                       int             height,
                                       GError        **error);
void      mi_issue_insert_chart_async (MiIssue             *issue,
                                       const char          *test_case_id,
                                       int                  width,
                                       int                  height,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  mi_issue_insert_chart_finish (MiIssue            *issue,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
