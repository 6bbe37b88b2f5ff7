/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "meta-issues.h"

G_BEGIN_DECLS

#define MI_TYPE_TEST_MATRIX (mi_test_matrix_get_type ())
G_DECLARE_FINAL_TYPE (MiTestMatrix, mi_test_matrix, MI, TEST_MATRIX, GtkWidget)

GtkWidget     *mi_test_matrix_new             (void);
void           mi_test_matrix_set_issue       (MiTestMatrix *self,
                                               MiIssue      *issue);
GtkColumnView *mi_test_matrix_get_column_view (MiTestMatrix *self);

G_END_DECLS
