/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-types.h"

G_BEGIN_DECLS

#define MI_TYPE_RESULT (mi_result_get_type ())
G_DECLARE_FINAL_TYPE (MiResult, mi_result, MI, RESULT, GObject)

guint          mi_result_get_attempt     (MiResult *self);
const char    *mi_result_get_text        (MiResult *self);
MiMeasurement *mi_result_get_measurement (MiResult *self);
MiVerdict      mi_result_get_verdict     (MiResult *self);
gboolean       mi_result_get_written     (MiResult *self);
guint          mi_result_get_line        (MiResult *self);

G_END_DECLS
