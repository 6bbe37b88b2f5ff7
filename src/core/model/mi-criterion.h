/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-types.h"

G_BEGIN_DECLS

#define MI_TYPE_CRITERION (mi_criterion_get_type ())
G_DECLARE_FINAL_TYPE (MiCriterion, mi_criterion, MI, CRITERION, GObject)

const char    *mi_criterion_get_metric (MiCriterion *self);
MiMeasurement *mi_criterion_get_target (MiCriterion *self);
const char    *mi_criterion_get_text   (MiCriterion *self);
guint          mi_criterion_get_line   (MiCriterion *self);

G_END_DECLS
