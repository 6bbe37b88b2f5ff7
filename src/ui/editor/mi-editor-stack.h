/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mi-document.h"
#include "mi-editor.h"

G_BEGIN_DECLS

#define MI_TYPE_EDITOR_STACK (mi_editor_stack_get_type ())
G_DECLARE_FINAL_TYPE (MiEditorStack, mi_editor_stack, MI, EDITOR_STACK, GtkWidget)

GtkWidget    *mi_editor_stack_new               (void);
MiEditor     *mi_editor_stack_open_file         (MiEditorStack        *self,
                                                 GFile                *file,
                                                 MiDocument           *document);
MiEditor     *mi_editor_stack_find_editor       (MiEditorStack        *self,
                                                 GFile                *file);
MiEditor     *mi_editor_stack_get_current       (MiEditorStack        *self);
guint         mi_editor_stack_get_n_editors     (MiEditorStack        *self);
MiEditor     *mi_editor_stack_get_editor        (MiEditorStack        *self,
                                                 guint                 i);
gboolean      mi_editor_stack_get_modified      (MiEditorStack        *self);
void          mi_editor_stack_close_editor      (MiEditorStack        *self,
                                                 MiEditor             *editor);
void          mi_editor_stack_close_all_async   (MiEditorStack        *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean      mi_editor_stack_close_all_finish  (MiEditorStack        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
guint         mi_editor_stack_restore_drafts    (MiEditorStack        *self,
                                                 GFile                *root);
void          mi_editor_stack_set_drafts        (MiEditorStack        *self,
                                                 MiDrafts             *drafts);
void          mi_editor_stack_set_root          (MiEditorStack        *self,
                                                 GFile                *root);
MiEditorMode  mi_editor_stack_get_mode          (MiEditorStack        *self);
void          mi_editor_stack_set_mode          (MiEditorStack        *self,
                                                 MiEditorMode          mode);
gboolean      mi_editor_stack_get_show_line_numbers (MiEditorStack    *self);
void          mi_editor_stack_set_show_line_numbers (MiEditorStack    *self,
                                                 gboolean              show);
AdwTabView   *mi_editor_stack_get_tab_view      (MiEditorStack        *self);

G_END_DECLS
