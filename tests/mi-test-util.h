/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Paths and temporary folders */
char       *mi_test_source_path      (const char          *first,
                                      ...) G_GNUC_NULL_TERMINATED;
char       *mi_test_fixture_path     (const char          *name);
char       *mi_test_make_tmp         (const char          *parent,
                                      const char          *name);
char       *mi_test_make_data_home   (const char          *name);
void        mi_test_make_dir         (const char          *first,
                                      ...) G_GNUC_NULL_TERMINATED;

/* Trees */
void        mi_test_copy_dir         (const char          *source,
                                      const char          *dest);
char       *mi_test_copy_tree        (const char          *source);
void        mi_test_remove_tree      (const char          *path);
GHashTable *mi_test_read_tree        (const char          *root);
void        mi_test_assert_same_tree (GHashTable          *before,
                                      GHashTable          *after);
char       *mi_test_list_dir         (const char          *dir);

/* Files */
char       *mi_test_read_file        (const char          *path,
                                      gsize               *len);
char       *mi_test_read_text        (const char          *root,
                                      const char          *relative);
char       *mi_test_read_source      (const char          *first,
                                      ...) G_GNUC_NULL_TERMINATED;
void        mi_test_write_file       (const char          *path,
                                      const char          *data,
                                      gssize               len);
void        mi_test_write_text       (const char          *root,
                                      const char          *relative,
                                      const char          *text);

/* Commands */
int         mi_test_spawnv           (const char          *cwd,
                                      const char * const  *argv,
                                      const char * const  *envp,
                                      char               **out,
                                      char               **err);
char       *mi_test_spawn            (const char          *cwd,
                                      int                 *exit_status,
                                      const char          *first,
                                      ...) G_GNUC_NULL_TERMINATED;
const char *mi_test_git              (const char          *dir,
                                      const char          *first,
                                      ...) G_GNUC_NULL_TERMINATED;
gboolean    mi_test_git_ok           (const char          *dir,
                                      const char          *first,
                                      ...) G_GNUC_NULL_TERMINATED;
void        mi_test_isolate_git      (const char          *home);

/* Signals */
void        mi_test_count_notify_cb  (GObject             *object,
                                      GParamSpec          *pspec,
                                      guint               *count);

/* Figures (benchmarks) */
int         mi_test_compare_doubles  (gconstpointer        a,
                                      gconstpointer        b);
double      mi_test_median           (GArray              *values);

void          mi_test_store_result_cb  (GObject             *object,
                                        GAsyncResult        *result,
                                        gpointer             user_data);
GAsyncResult *mi_test_wait_result      (GAsyncResult       **result);

G_END_DECLS
