/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mi-application.h"
#include "mi-editor.h"
#include "mi-window.h"
#include "mi-test-util.h"

G_BEGIN_DECLS

typedef gboolean (*MiUiTestCondition) (gpointer data);

/* A meta-issue of tests/fixtures, as the sidebar's row shows it. */
typedef struct
{
  const char *fixture;
  const char *title;
  const char *status;
  const char *status_id;
  const char *attempts;
} MiUiTestFixture;

extern const MiUiTestFixture mi_ui_test_fixtures[];
extern const guint           mi_ui_test_n_fixtures;

/* The test program */
void           mi_ui_test_init                      (int                 *argc,
                                                     char              ***argv,
                                                     const char          *name);
int            mi_ui_test_run                       (void);
const char    *mi_ui_test_get_tmp_root              (void);
MiApplication *mi_ui_test_get_application           (void);

/* Files */
GFile         *mi_ui_test_make_folder               (const char          *name);
GFile         *mi_ui_test_source_file               (const char          *first,
                                                     ...) G_GNUC_NULL_TERMINATED;
void           mi_ui_test_copy_tree                 (GFile               *src,
                                                     GFile               *dest);
void           mi_ui_test_remove_tree               (GFile               *file);
GFile         *mi_ui_test_make_several              (const char          *name,
                                                     gboolean             with_example);

/* The main loop */
gboolean       mi_ui_test_wait_for                  (MiUiTestCondition    condition,
                                                     gpointer             data);
gboolean       mi_ui_test_wait_within               (MiUiTestCondition    condition,
                                                     gpointer             data,
                                                     guint                ms);
void           mi_ui_test_flush                     (void);
gboolean       mi_ui_test_is_mapped                 (gpointer             widget);
char          *mi_ui_test_wait_for_file             (const char          *path,
                                                     const char          *needle);

/* Widgets */
GPtrArray     *mi_ui_test_collect_widgets           (GtkWidget           *root,
                                                     GType                type,
                                                     const char          *css_class);
GtkWidget     *mi_ui_test_find_widget               (GtkWidget           *root,
                                                     GType                type,
                                                     const char          *css_class);
guint          mi_ui_test_count_in_list             (GtkWidget           *root,
                                                     const char          *list_class,
                                                     GType                type,
                                                     const char          *css_class);
GtkWidget     *mi_ui_test_find_label                (GtkWidget           *root,
                                                     const char          *text);
GtkLabel      *mi_ui_test_find_label_containing     (GtkWidget           *root,
                                                     const char          *text);
GtkLabel      *mi_ui_test_find_label_with_class     (GtkWidget           *root,
                                                     const char          *text,
                                                     const char          *css_class);
GtkWidget     *mi_ui_test_wait_for_label            (GtkWidget           *root,
                                                     const char          *text);
GtkLabel      *mi_ui_test_wait_for_label_with_class (GtkWidget           *root,
                                                     const char          *text,
                                                     const char          *css_class);
GtkWidget     *mi_ui_test_find_button_with_tooltip  (GtkWidget           *root,
                                                     const char          *tooltip);
GtkWindow     *mi_ui_test_find_toplevel             (GType                type,
                                                     const char          *css_class);
gboolean       mi_ui_test_is_toplevel               (GtkWindow           *window);
gboolean       mi_ui_test_is_gone                   (gpointer             window);

/* Screenshots */
void           mi_ui_test_save_screenshot           (GtkWidget           *widget,
                                                     const char          *name);
void           mi_ui_test_save_screenshots          (GtkWidget           *widget,
                                                     const char          *name);
void           mi_ui_test_assert_not_blank          (GdkTexture          *texture,
                                                     const char          *name);

/* The editor */
gboolean       mi_ui_test_editor_is_ready           (gpointer             editor);
const char    *mi_ui_test_get_scheme_id             (MiEditor            *editor);
gboolean       mi_ui_test_wait_for_scheme           (MiEditor            *editor,
                                                     const char          *id);

/* The main window */
gboolean       mi_ui_test_window_is_idle            (gpointer             window);
void           mi_ui_test_wait_edits                (MiWindow            *window);
MiWindow      *mi_ui_test_new_window                (void);
void           mi_ui_test_open_and_wait             (MiWindow            *window,
                                                     GFile               *folder);
MiWindow      *mi_ui_test_open_example_copy         (GFile              **folder_out,
                                                     int                  width,
                                                     int                  height);
void           mi_ui_test_close_window              (MiWindow            *window);
GtkStack      *mi_ui_test_get_main_stack            (MiWindow            *window);
const char    *mi_ui_test_get_page                  (MiWindow            *window);
GtkListView   *mi_ui_test_get_list_view             (MiWindow            *window);
GtkWidget     *mi_ui_test_find_row                  (MiWindow            *window,
                                                     const char          *title);
void           mi_ui_test_wait_for_rows             (MiWindow            *window,
                                                     guint                n_rows);
void           mi_ui_test_assert_row                (MiWindow            *window,
                                                     const char          *title,
                                                     const char          *status,
                                                     const char          *status_id,
                                                     const char          *attempts);
void           mi_ui_test_show_view                 (MiWindow            *window,
                                                     const char          *view);
char          *mi_ui_test_issue_path                (GFile               *folder,
                                                     const char          *relative);
char          *mi_ui_test_read_issue_file           (GFile               *folder,
                                                     const char          *relative);
char          *mi_ui_test_wait_for_issue_file       (GFile               *folder,
                                                     const char          *relative,
                                                     const char          *needle);
void           mi_ui_test_assert_issue_file         (GFile               *folder,
                                                     const char          *relative,
                                                     const char          *needle);

G_END_DECLS
