/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MI_TYPE_FILE_ROW (mi_file_row_get_type ())
G_DECLARE_FINAL_TYPE (MiFileRow, mi_file_row, MI, FILE_ROW, GtkListBoxRow)

GtkWidget  *mi_file_row_new         (GFile      *file,
                                     const char *name,
                                     const char *section);
GFile      *mi_file_row_get_file    (MiFileRow  *self);
const char *mi_file_row_get_section (MiFileRow  *self);

G_END_DECLS
