/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

#define MI_TYPE_ATTEMPT (mi_attempt_get_type ())
G_DECLARE_FINAL_TYPE (MiAttempt, mi_attempt, MI, ATTEMPT, GObject)

guint       mi_attempt_get_number           (MiAttempt *self);
const char *mi_attempt_get_slug             (MiAttempt *self);
const char *mi_attempt_get_title            (MiAttempt *self);
const char *mi_attempt_get_dates            (MiAttempt *self);
const char *mi_attempt_get_start_date       (MiAttempt *self);
const char *mi_attempt_get_end_date         (MiAttempt *self);
const char *mi_attempt_get_hypothesis       (MiAttempt *self);
const char *mi_attempt_get_expected_outcome (MiAttempt *self);
MiOutcome   mi_attempt_get_outcome          (MiAttempt *self);
const char *mi_attempt_get_result           (MiAttempt *self);
const char *mi_attempt_get_learning         (MiAttempt *self);
GFile      *mi_attempt_get_folder           (MiAttempt *self);
GFile      *mi_attempt_get_approach_file    (MiAttempt *self);
GFile      *mi_attempt_get_results_file     (MiAttempt *self);
MiDocument *mi_attempt_get_approach_document (MiAttempt *self);
MiDocument *mi_attempt_get_results_document (MiAttempt *self);

G_END_DECLS
