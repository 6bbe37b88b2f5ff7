/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "meta-issues.h"

G_BEGIN_DECLS

#define MI_TYPE_SIDEBAR (mi_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (MiSidebar, mi_sidebar, MI, SIDEBAR, GtkWidget)

MiWorkspace        *mi_sidebar_get_workspace     (MiSidebar   *self);
void                mi_sidebar_set_workspace     (MiSidebar   *self,
                                                  MiWorkspace *workspace);
GtkSingleSelection *mi_sidebar_get_selection     (MiSidebar   *self);
MiIssue            *mi_sidebar_get_issue         (MiSidebar   *self);
gboolean            mi_sidebar_select_issue      (MiSidebar   *self,
                                                  const char  *slug);
const char         *mi_sidebar_get_status_filter (MiSidebar   *self);
void                mi_sidebar_set_status_filter (MiSidebar   *self,
                                                  const char  *status_filter);
void                mi_sidebar_focus_search      (MiSidebar   *self);
void                mi_sidebar_set_search_text   (MiSidebar   *self,
                                                  const char  *text);
gboolean            mi_sidebar_get_searching     (MiSidebar   *self);

G_END_DECLS
