/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-editor.h"

G_BEGIN_DECLS

/*
 * MiEditor is split by idea, as GNOME Text Editor splits its page:
 *   mi-editor.c          the widget: properties, construction, the buffer
 *                        and its preview, the public getters and setters
 *   mi-editor-actions.c  its actions and shortcuts, and search and replace
 *   mi-editor-io.c       loading, saving, drafts, and the file changed on
 *                        disk: the conflict and its resolution
 */

struct _MiEditor
{
  GtkWidget        parent_instance;

  /* template */
  GtkWidget       *main_box;
  GtkRevealer     *conflict_revealer;
  GtkLabel        *conflict_label;
  GtkRevealer     *info_revealer;
  GtkLabel        *info_label;
  GtkWidget       *info_button;
  GtkRevealer     *search_revealer;
  GtkSearchEntry  *search_entry;
  GtkLabel        *search_count;
  GtkToggleButton *case_toggle;
  GtkToggleButton *replace_toggle;
  GtkEntry        *replace_entry;
  GtkPaned        *paned;
  GtkWidget       *source_scroller;
  GtkSourceView   *view;
  GtkWidget       *disk_box;
  GtkSourceView   *disk_view;
  MiPreview       *preview;

  GtkSourceBuffer *buffer;
  GSettings       *settings;   /* the style scheme chosen */
  GtkSourceSearchSettings *search_settings;
  GtkSourceSearchContext  *search_context;
  MiRender        *render;
  MiDocument      *document;
  MiDrafts        *drafts;
  GFile           *file;
  GFile           *root;
  char            *title;
  char            *message;
  GCancellable    *resolving;  /* the conflict resolution running, or NULL */

  MiEditorMode     mode;
  guint            draft_delay;
  guint            draft_source;
  guint            flush_source;
  guint64          change_id;
  guint64          saving_change_id;

  guint            loading : 1;
  guint            read_only : 1;
  guint            draft_restored : 1;
  guint            conflict : 1;
  guint            show_line_numbers : 1;
  guint            saving : 1;
  guint            setting_text : 1;
};

/* mi-editor.c */
void   _mi_editor_set_file            (MiEditor        *self,
                                       GFile           *file);
void   _mi_editor_set_loading         (MiEditor        *self,
                                       gboolean         loading);
void   _mi_editor_set_message         (MiEditor        *self,
                                       const char      *message,
                                       gboolean         discard_button);
void   _mi_editor_set_conflict        (MiEditor        *self,
                                       const char      *message);
void   _mi_editor_set_read_only       (MiEditor        *self,
                                       gboolean         read_only);
void   _mi_editor_set_draft_restored  (MiEditor        *self,
                                       gboolean         restored);
void   _mi_editor_replace_all_text    (MiEditor        *self,
                                       const char      *text,
                                       gssize           len,
                                       gboolean         undoable);

/* mi-editor-actions.c */
void   _mi_editor_class_init_actions  (GtkWidgetClass  *widget_class);
void   _mi_editor_init_search         (MiEditor        *self);
void   _mi_editor_update_actions      (MiEditor        *self);

/* mi-editor-io.c */
void   _mi_editor_queue_draft         (MiEditor        *self);
void   _mi_editor_write_pending_draft (MiEditor        *self);

G_END_DECLS
