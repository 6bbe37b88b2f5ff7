/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "meta-issues.h"

G_BEGIN_DECLS

#define MI_TYPE_WINDOW (mi_window_get_type ())
G_DECLARE_FINAL_TYPE (MiWindow, mi_window, MI, WINDOW, AdwApplicationWindow)

MiWindow           *mi_window_new             (GtkApplication *application);
void                mi_window_open            (MiWindow       *self,
                                               GFile          *folder);
void                mi_window_open_example    (MiWindow       *self);
void                mi_window_reload          (MiWindow       *self);
gboolean            mi_window_export_chart    (MiWindow       *self,
                                               GFile          *file,
                                               GError        **error);
MiWorkspace        *mi_window_get_workspace   (MiWindow       *self);
gboolean            mi_window_get_busy        (MiWindow       *self);
MiIssue            *mi_window_get_issue       (MiWindow       *self);
gboolean            mi_window_select_issue    (MiWindow       *self,
                                               const char     *slug);
GtkSingleSelection *mi_window_get_selection   (MiWindow       *self);
GtkWidget          *mi_window_get_issue_page  (MiWindow       *self);
gboolean            mi_window_get_searching   (MiWindow       *self);
void                mi_window_set_search_text (MiWindow       *self,
                                               const char     *text);
AdwMessageDialog   *mi_window_get_dialog      (MiWindow       *self);

G_END_DECLS
