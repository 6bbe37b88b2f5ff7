/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  mi_file_manager_reveal (GtkWindow *parent,
                              GFile     *file);
void  mi_file_manager_open   (GtkWindow *parent,
                              GFile     *file);

G_END_DECLS
