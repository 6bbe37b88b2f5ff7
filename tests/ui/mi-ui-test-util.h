/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  mi_ui_test_wait_ms          (guint       ms);
void  mi_ui_test_save_screenshot  (GtkWidget  *widget,
                                   const char *name);

G_END_DECLS
