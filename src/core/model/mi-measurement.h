/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-types.h"

G_BEGIN_DECLS

#define MI_TYPE_MEASUREMENT (mi_measurement_get_type ())
G_DECLARE_FINAL_TYPE (MiMeasurement, mi_measurement, MI, MEASUREMENT, GObject)

MiMeasurement *mi_measurement_parse            (const char    *text);
const char    *mi_measurement_get_text         (MiMeasurement *self);
double         mi_measurement_get_value        (MiMeasurement *self);
const char    *mi_measurement_get_unit         (MiMeasurement *self);
MiDimension    mi_measurement_get_dimension    (MiMeasurement *self);
double         mi_measurement_get_base_value   (MiMeasurement *self);
const char    *mi_measurement_get_base_unit    (MiMeasurement *self);
MiOp           mi_measurement_get_op           (MiMeasurement *self);
const char    *mi_measurement_get_qualifier    (MiMeasurement *self);
gboolean       mi_measurement_lower_is_better  (MiMeasurement *target);
gboolean       mi_measurement_is_comparable    (MiMeasurement *target,
                                                MiMeasurement *value);
MiVerdict      mi_measurement_judge            (MiMeasurement *target,
                                                MiMeasurement *value);
char          *mi_measurement_format_base      (MiDimension    dimension,
                                                double         base_value);

G_END_DECLS
