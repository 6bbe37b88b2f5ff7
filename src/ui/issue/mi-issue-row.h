/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "meta-issues.h"

G_BEGIN_DECLS

#define MI_TYPE_ISSUE_ROW (mi_issue_row_get_type ())
G_DECLARE_FINAL_TYPE (MiIssueRow, mi_issue_row, MI, ISSUE_ROW, GtkWidget)

GtkWidget *mi_issue_row_new       (void);
MiIssue   *mi_issue_row_get_issue (MiIssueRow *self);
void       mi_issue_row_set_issue (MiIssueRow *self,
                                   MiIssue    *issue);

G_END_DECLS
