/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "mi-document.h"
#include "mi-drafts.h"
#include "mi-preview.h"
#include "mi-render.h"

G_BEGIN_DECLS

/* Larger files open read-only, showing their beginning. */
#define MI_EDITOR_MAX_SIZE      (8 * 1024 * 1024)
#define MI_EDITOR_SHOWN_SIZE    (512 * 1024)

typedef enum
{
  MI_EDITOR_MODE_SOURCE,
  MI_EDITOR_MODE_SPLIT,
  MI_EDITOR_MODE_PREVIEW,
} MiEditorMode;

typedef enum
{
  MI_EDITOR_CONFLICT_RELOAD,     /* take the file on disk (undo brings your text back) */
  MI_EDITOR_CONFLICT_KEEP_MINE,  /* write your text over it */
  MI_EDITOR_CONFLICT_SHOW_BOTH,  /* keep your text, show the disk version beside it */
} MiEditorConflictChoice;

#define MI_TYPE_EDITOR_MODE (mi_editor_mode_get_type ())
GType mi_editor_mode_get_type (void);

#define MI_TYPE_EDITOR (mi_editor_get_type ())
G_DECLARE_FINAL_TYPE (MiEditor, mi_editor, MI, EDITOR, GtkWidget)

MiEditor        *mi_editor_new                  (void);
GtkSourceStyleScheme *mi_editor_resolve_style_scheme (const char *id,
                                                 gboolean    dark);
void             mi_editor_load_async           (MiEditor             *self,
                                                 GFile                *file,
                                                 MiDocument           *document,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         mi_editor_load_finish          (MiEditor             *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void             mi_editor_save_async           (MiEditor             *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         mi_editor_save_finish          (MiEditor             *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
gboolean         mi_editor_apply_edit           (MiEditor             *self,
                                                 gsize                 offset,
                                                 gsize                 length,
                                                 const char           *text);
void             mi_editor_resolve_conflict     (MiEditor             *self,
                                                 MiEditorConflictChoice choice);
void             mi_editor_discard_changes      (MiEditor             *self);
void             mi_editor_forget_draft         (MiEditor             *self);
void             mi_editor_show_search          (MiEditor             *self,
                                                 gboolean              replace);
void             mi_editor_toggle_task          (MiEditor             *self,
                                                 guint                 line);

GFile           *mi_editor_get_file             (MiEditor             *self);
MiDocument      *mi_editor_get_document         (MiEditor             *self);
GtkSourceBuffer *mi_editor_get_buffer           (MiEditor             *self);
GtkSourceView   *mi_editor_get_view             (MiEditor             *self);
MiPreview       *mi_editor_get_preview          (MiEditor             *self);
MiRender        *mi_editor_get_render           (MiEditor             *self);
char            *mi_editor_dup_text             (MiEditor             *self);
const char      *mi_editor_get_title            (MiEditor             *self);
gboolean         mi_editor_get_modified         (MiEditor             *self);
gboolean         mi_editor_get_loading          (MiEditor             *self);
gboolean         mi_editor_get_read_only        (MiEditor             *self);
const char      *mi_editor_get_message          (MiEditor             *self);
gboolean         mi_editor_get_draft_restored   (MiEditor             *self);
gboolean         mi_editor_get_conflict         (MiEditor             *self);
gboolean         mi_editor_get_saving           (MiEditor             *self);
gboolean         mi_editor_get_showing_disk     (MiEditor             *self);
MiEditorMode     mi_editor_get_mode             (MiEditor             *self);
void             mi_editor_set_mode             (MiEditor             *self,
                                                 MiEditorMode          mode);
gboolean         mi_editor_get_show_line_numbers (MiEditor            *self);
void             mi_editor_set_show_line_numbers (MiEditor            *self,
                                                 gboolean              show);
void             mi_editor_set_drafts           (MiEditor             *self,
                                                 MiDrafts             *drafts);
void             mi_editor_set_draft_delay      (MiEditor             *self,
                                                 guint                 msec);
void             mi_editor_set_root             (MiEditor             *self,
                                                 GFile                *root);

G_END_DECLS
