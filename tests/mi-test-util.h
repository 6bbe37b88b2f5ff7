/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char       *mi_test_source_path   (const char *first,
                                   ...) G_GNUC_NULL_TERMINATED;
char       *mi_test_copy_tree     (const char *source);
void        mi_test_copy_dir      (const char *source,
                                   const char *dest);
void        mi_test_remove_tree   (const char *path);
GHashTable *mi_test_read_tree     (const char *root);
char       *mi_test_read_file     (const char *path,
                                   gsize      *len);

G_END_DECLS
