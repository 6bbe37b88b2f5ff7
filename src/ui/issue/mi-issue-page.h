/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "meta-issues.h"
#include "mi-attempts-view.h"
#include "mi-files-view.h"
#include "mi-test-matrix.h"

G_BEGIN_DECLS

#define MI_TYPE_ISSUE_PAGE (mi_issue_page_get_type ())
G_DECLARE_FINAL_TYPE (MiIssuePage, mi_issue_page, MI, ISSUE_PAGE, GtkWidget)

GtkWidget    *mi_issue_page_new             (void);
MiIssue      *mi_issue_page_get_issue       (MiIssuePage *self);
void          mi_issue_page_set_issue       (MiIssuePage *self,
                                             MiIssue     *issue);
AdwViewStack *mi_issue_page_get_stack       (MiIssuePage *self);
GListModel   *mi_issue_page_get_timeline    (MiIssuePage *self);
GListModel   *mi_issue_page_get_log         (MiIssuePage *self);
guint         mi_issue_page_get_selected_attempt (MiIssuePage *self);
MiAttemptsView *mi_issue_page_get_attempts_view (MiIssuePage *self);
MiTestMatrix *mi_issue_page_get_test_matrix (MiIssuePage *self);
GtkWidget    *mi_issue_page_get_chart       (MiIssuePage *self);
GtkBox       *mi_issue_page_get_chart_box   (MiIssuePage *self);
MiFilesView  *mi_issue_page_get_files_view  (MiIssuePage *self);
void          mi_issue_page_choose_status   (MiIssuePage *self);
MiEditor     *mi_issue_page_open_file       (MiIssuePage *self,
                                             GFile       *file);

G_END_DECLS
