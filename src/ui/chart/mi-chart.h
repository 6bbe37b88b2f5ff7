/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "meta-issues.h"

G_BEGIN_DECLS

#define MI_TYPE_CHART (mi_chart_get_type ())
G_DECLARE_FINAL_TYPE (MiChart, mi_chart, MI, CHART, GtkWidget)

GtkWidget     *mi_chart_new                (void);
MiIssue       *mi_chart_get_issue          (MiChart     *self);
void           mi_chart_set_issue          (MiChart     *self,
                                            MiIssue     *issue);
const char    *mi_chart_get_test_case_id   (MiChart     *self);
void           mi_chart_set_test_case_id   (MiChart     *self,
                                            const char  *test_case_id);
MiChartModel  *mi_chart_get_model          (MiChart     *self);
MiChartLayout *mi_chart_get_layout         (MiChart     *self);
const char    *mi_chart_get_description    (MiChart     *self);
int            mi_chart_get_focus_item     (MiChart     *self);
void           mi_chart_set_focus_item     (MiChart     *self,
                                            int          item);
char          *mi_chart_get_item_tooltip   (MiChart     *self,
                                            int          item);
gboolean       mi_chart_export_to_file     (MiChart     *self,
                                            GFile       *file,
                                            gboolean     dark,
                                            GError     **error);
void          mi_chart_export_to_file_async  (MiChart             *self,
                                              GFile               *file,
                                              gboolean             dark,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      mi_chart_export_to_file_finish (MiChart             *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
