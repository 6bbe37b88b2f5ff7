/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "meta-issues.h"

G_BEGIN_DECLS

const char *mi_ui_outcome_icon_name  (MiOutcome    outcome);
const char *mi_ui_outcome_css_class  (MiOutcome    outcome);
const char *mi_ui_verdict_css_class  (MiVerdict    verdict);
void        mi_ui_set_state_class    (GtkWidget   *widget,
                                      const char  *prefix,
                                      const char  *state);
void        mi_ui_set_status_pill    (GtkLabel    *label,
                                      MiStatus     status);
void        mi_ui_set_outcome_pill   (GtkLabel    *label,
                                      MiOutcome    outcome);
gboolean    mi_ui_is_blank           (const char  *text);
char       *mi_ui_dup_display_path   (GFile       *file);

gpointer      mi_ui_weak_ref_new        (gpointer     object);
gpointer      mi_ui_weak_ref_steal      (gpointer     weak);

G_END_DECLS
