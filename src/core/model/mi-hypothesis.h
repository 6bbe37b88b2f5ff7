/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-types.h"

G_BEGIN_DECLS

#define MI_TYPE_HYPOTHESIS (mi_hypothesis_get_type ())
G_DECLARE_FINAL_TYPE (MiHypothesis, mi_hypothesis, MI, HYPOTHESIS, GObject)

guint       mi_hypothesis_get_version  (MiHypothesis *self);
const char *mi_hypothesis_get_date     (MiHypothesis *self);
const char *mi_hypothesis_get_title    (MiHypothesis *self);
const char *mi_hypothesis_get_theory   (MiHypothesis *self);
const char *mi_hypothesis_get_evidence (MiHypothesis *self);
const char *mi_hypothesis_get_test     (MiHypothesis *self);
const char *mi_hypothesis_get_result   (MiHypothesis *self);
const char *mi_hypothesis_get_learning (MiHypothesis *self);
guint       mi_hypothesis_get_line     (MiHypothesis *self);

G_END_DECLS
