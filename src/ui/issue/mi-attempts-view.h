/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "meta-issues.h"

G_BEGIN_DECLS

#define MI_TYPE_ATTEMPTS_VIEW (mi_attempts_view_get_type ())
G_DECLARE_FINAL_TYPE (MiAttemptsView, mi_attempts_view, MI, ATTEMPTS_VIEW, GtkWidget)

GtkWidget          *mi_attempts_view_new                 (void);
void                mi_attempts_view_set_issue           (MiAttemptsView *self,
                                                          MiIssue        *issue);
GtkSingleSelection *mi_attempts_view_get_selection       (MiAttemptsView *self);
guint               mi_attempts_view_get_selected_number (MiAttemptsView *self);
void                mi_attempts_view_select_number       (MiAttemptsView *self,
                                                          guint           number);

G_END_DECLS
