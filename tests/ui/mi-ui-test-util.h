/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*MiUiTestCondition) (gpointer data);

void      mi_ui_test_wait_ms          (guint              ms);
gboolean  mi_ui_test_wait_for         (MiUiTestCondition  condition,
                                       gpointer           data);
gboolean  mi_ui_test_wait_within      (MiUiTestCondition  condition,
                                       gpointer           data,
                                       guint              ms);
void      mi_ui_test_copy_tree        (GFile             *src,
                                       GFile             *dest);
void      mi_ui_test_remove_tree      (GFile             *file);
void      mi_ui_test_save_screenshot  (GtkWidget         *widget,
                                       const char        *name);

G_END_DECLS
