/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

#define MI_TYPE_TEST_CASE (mi_test_case_get_type ())
G_DECLARE_FINAL_TYPE (MiTestCase, mi_test_case, MI, TEST_CASE, GObject)

const char    *mi_test_case_get_id          (MiTestCase *self);
const char    *mi_test_case_get_title       (MiTestCase *self);
const char    *mi_test_case_get_procedure   (MiTestCase *self);
MiMeasurement *mi_test_case_get_target      (MiTestCase *self);
const char    *mi_test_case_get_target_metric (MiTestCase *self);
GListModel    *mi_test_case_get_results     (MiTestCase *self);
MiResult      *mi_test_case_find_result     (MiTestCase *self,
                                             guint       attempt);
guint          mi_test_case_get_line        (MiTestCase *self);

G_END_DECLS
