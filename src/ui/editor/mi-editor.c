/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "mi-application.h"
#include "mi-editor.h"
#include "mi-monospace.h"
#include "mi-links.h"

/*
 * MiEditor: one markdown file, its source in a GtkSourceView beside its live
 * preview. The file is read in a worker thread and saved atomically through
 * MiDocument, which refuses when the file changed on disk since it was read:
 * then a bar offers Reload / Keep Mine / Show Both. Unsaved text goes to a
 * draft after a few idle seconds and comes back after a crash. Files that
 * are not UTF-8, or too large, open read-only and say why.
 *
 * The buffer is the truth while editing. Every change of it is handed to
 * MiRender as a byte edit; the preview is brought up to date once per main
 * loop turn, before the next frame.
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

G_DEFINE_FINAL_TYPE (MiEditor, mi_editor, GTK_TYPE_WIDGET)
G_DEFINE_ENUM_TYPE (MiEditorMode, mi_editor_mode,
                    G_DEFINE_ENUM_VALUE (MI_EDITOR_MODE_SOURCE, "source"),
                    G_DEFINE_ENUM_VALUE (MI_EDITOR_MODE_SPLIT, "split"),
                    G_DEFINE_ENUM_VALUE (MI_EDITOR_MODE_PREVIEW, "preview"))

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_LOADING,
  PROP_READ_ONLY,
  PROP_MESSAGE,
  PROP_DRAFT_RESTORED,
  PROP_CONFLICT,
  PROP_MODE,
  PROP_SHOW_LINE_NUMBERS,
  N_PROPS
};

enum {
  OPEN_FILE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define DEFAULT_DRAFT_DELAY_MS 3000

/* Helpers */

/**
 * mi_editor_resolve_style_scheme:
 * @id: (nullable): the scheme the user chose, "" or NULL for none
 *
 * The style scheme for the source: the one chosen, in its dark or light
 * variant when it names one for the style shown (as GNOME Text Editor
 * does); Adwaita or Adwaita-dark when none is chosen or it is not
 * installed.
 */
GtkSourceStyleScheme *
mi_editor_resolve_style_scheme (const char *id,
                                gboolean    dark)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme = NULL;

  if (id != NULL && *id != '\0')
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, id);

  if (scheme != NULL)
    {
      const char *variant = gtk_source_style_scheme_get_metadata (scheme, dark ? "dark-variant" : "light-variant");
      GtkSourceStyleScheme *other = variant != NULL ? gtk_source_style_scheme_manager_get_scheme (manager, variant) : NULL;

      return other != NULL ? other : scheme;
    }

  scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "classic-dark" : "classic");
  return scheme;
}

static void
apply_scheme (MiEditor        *self,
              GtkSourceBuffer *buffer)
{
  g_autofree char *id = g_settings_get_string (self->settings, "style-scheme");
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (buffer, mi_editor_resolve_style_scheme (id, dark));
}

static void
set_message (MiEditor   *self,
             const char *message,
             gboolean    discard_button)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->info_label, message ? message : "");
  gtk_widget_set_visible (self->info_button, discard_button);
  gtk_revealer_set_reveal_child (self->info_revealer, message != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
set_conflict (MiEditor   *self,
              const char *message)
{
  gboolean conflict = message != NULL;

  if (message != NULL)
    gtk_label_set_text (self->conflict_label, message);
  gtk_revealer_set_reveal_child (self->conflict_revealer, conflict);
  if (self->conflict != conflict)
    {
      self->conflict = conflict;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT]);
    }
}

static void
set_read_only (MiEditor *self,
               gboolean  read_only)
{
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), !read_only);
  if (self->read_only != !!read_only)
    {
      self->read_only = !!read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

static void
set_draft_restored (MiEditor *self,
                    gboolean  restored)
{
  if (self->draft_restored == !!restored)
    return;
  self->draft_restored = !!restored;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT_RESTORED]);
}

static gsize
byte_offset_of (MiEditor          *self,
                const GtkTextIter *iter)
{
  return mi_render_get_line_offset (self->render, gtk_text_iter_get_line (iter)) +
         gtk_text_iter_get_line_index (iter);
}

static gboolean
iter_at_byte (MiEditor    *self,
              GtkTextIter *iter,
              gsize        offset)
{
  gsize len;
  guint line;
  gsize start;

  mi_render_get_text (self->render, &len);
  if (offset > len)
    return FALSE;

  line = mi_render_get_line_at_offset (self->render, offset);
  start = mi_render_get_line_offset (self->render, line);
  return gtk_text_buffer_get_iter_at_line_index (GTK_TEXT_BUFFER (self->buffer), iter,
                                                 line, offset - start);
}

/* Puts @text in the buffer: not undoable when loading, as one undoable
 * step otherwise (a reload or a restored draft can be undone). */
static void
replace_all_text (MiEditor   *self,
                  const char *text,
                  gssize      len,
                  gboolean    undoable)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autofree char *copy = NULL;
  GtkTextIter start, end;

  /* GTK's undo history reads the inserted text up to its NUL */
  if (len < 0)
    len = strlen (text);
  else
    text = copy = g_strndup (text, len);

  if (!undoable)
    {
      self->setting_text = TRUE;
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, text, len);
      gtk_text_buffer_end_irreversible_action (buffer);
      self->setting_text = FALSE;
      mi_render_set_text (self->render, text, len);
    }
  else
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_insert (buffer, &start, text, len);
      gtk_text_buffer_end_user_action (buffer);
    }

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

static char *
buffer_text (MiEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
}

static void
update_mode (MiEditor *self)
{
  GtkWidget *source = gtk_paned_get_start_child (self->paned);

  gtk_widget_set_visible (source, self->mode != MI_EDITOR_MODE_PREVIEW);
  gtk_widget_set_visible (GTK_WIDGET (self->preview), self->mode != MI_EDITOR_MODE_SOURCE);
}

/* Drafts */

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mi_drafts_save_finish (MI_DRAFTS (object), result, &error))
    g_warning ("Could not keep a draft of the unsaved text: %s", error->message);
}

static void
draft_removed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mi_drafts_remove_finish (MI_DRAFTS (object), result, &error))
    g_warning ("%s", error->message);
}

static gboolean
write_draft_cb (gpointer user_data)
{
  MiEditor *self = user_data;

  self->draft_source = 0;
  if (self->file == NULL || self->read_only)
    return G_SOURCE_REMOVE;

  if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    {
      g_autofree char *text = buffer_text (self);
      gsize len = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), len);

      mi_drafts_save_async (self->drafts, self->file, bytes, NULL, draft_saved_cb, NULL);
    }
  else
    mi_drafts_remove_async (self->drafts, self->file, NULL, draft_removed_cb, NULL);

  return G_SOURCE_REMOVE;
}

/* Preview updates */

static gboolean
flush_cb (gpointer user_data)
{
  MiEditor *self = user_data;

  self->flush_source = 0;
  mi_render_flush (self->render);
  return G_SOURCE_REMOVE;
}

static void
queue_flush (MiEditor *self)
{
  if (self->flush_source == 0)
    self->flush_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, flush_cb, self, NULL);
}

/* Callbacks */

static void
insert_text_cb (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            len,
                MiEditor      *self)
{
  if (self->setting_text)
    return;
  mi_render_replace (self->render, byte_offset_of (self, location), 0, text, len);
  queue_flush (self);
}

static void
delete_range_cb (GtkTextBuffer *buffer,
                 GtkTextIter   *start,
                 GtkTextIter   *end,
                 MiEditor      *self)
{
  gsize from, to;

  if (self->setting_text)
    return;
  from = byte_offset_of (self, start);
  to = byte_offset_of (self, end);
  mi_render_replace (self->render, MIN (from, to), MAX (from, to) - MIN (from, to), "", 0);
  queue_flush (self);
}

static void
changed_cb (GtkTextBuffer *buffer,
            MiEditor      *self)
{
  if (self->setting_text)
    return;

  self->change_id++;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!self->read_only && self->file != NULL)
    self->draft_source = g_timeout_add (self->draft_delay, write_draft_cb, self);
}

static void
modified_changed_cb (GtkTextBuffer *buffer,
                     MiEditor      *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 MiEditor        *self)
{
  apply_scheme (self, self->buffer);
  apply_scheme (self, GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->disk_view))));
}

static void
style_scheme_changed_cb (GSettings  *settings,
                         const char *key,
                         MiEditor   *self)
{
  dark_changed_cb (adw_style_manager_get_default (), NULL, self);
}

static void
source_scrolled_cb (GtkAdjustment *adjustment,
                    MiEditor      *self)
{
  GdkRectangle visible;
  GtkTextIter iter;

  if (self->mode != MI_EDITOR_MODE_SPLIT || self->loading)
    return;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->view), &visible);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->view), &iter, visible.y, NULL);
  mi_preview_scroll_to_line (self->preview, gtk_text_iter_get_line (&iter));
}

static void
preview_open_file_cb (MiPreview  *preview,
                      GFile      *file,
                      const char *fragment,
                      MiEditor   *self)
{
  g_signal_emit (self, signals[OPEN_FILE], 0, file, fragment);
}

static void
preview_toggle_task_cb (MiPreview *preview,
                        guint      line,
                        MiEditor  *self)
{
  mi_editor_toggle_task (self, line);
}

static void
update_search_count (MiEditor *self)
{
  int count = gtk_source_search_context_get_occurrences_count (self->search_context);
  GtkTextIter start, end;
  int position = -1;
  g_autofree char *text = NULL;

  if (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end))
    position = gtk_source_search_context_get_occurrence_position (self->search_context, &start, &end);

  if (count < 0 || gtk_source_search_settings_get_search_text (self->search_settings) == NULL)
    text = g_strdup ("");
  else if (position > 0)
    text = g_strdup_printf (_("%d of %d"), position, count);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count), count);
  gtk_label_set_text (self->search_count, text);
}

static void
search_occurrences_cb (GtkSourceSearchContext *context,
                       GParamSpec             *pspec,
                       MiEditor               *self)
{
  update_search_count (self);
}

static void
find (MiEditor *self,
      gboolean  backward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, match_start, match_end;
  gboolean wrapped, found;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (backward)
    found = gtk_source_search_context_backward (self->search_context, &start,
                                                &match_start, &match_end, &wrapped);
  else
    found = gtk_source_search_context_forward (self->search_context, &end,
                                               &match_start, &match_end, &wrapped);
  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &match_start, 0.1, FALSE, 0, 0);
    }
  update_search_count (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   MiEditor       *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkTextIter start;

  gtk_source_search_settings_set_search_text (self->search_settings, *text ? text : NULL);
  if (*text == '\0')
    {
      update_search_count (self);
      return;
    }

  /* Find from where the selection starts, as one types */
  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, NULL);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &start);
  find (self, FALSE);
}

static void
search_activate_cb (GtkSearchEntry *entry,
                    MiEditor       *self)
{
  find (self, FALSE);
}

static void
search_stop_cb (GtkSearchEntry *entry,
                MiEditor       *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.hide-search", NULL);
}

static void
case_toggled_cb (GtkToggleButton *button,
                 MiEditor        *self)
{
  gtk_source_search_settings_set_case_sensitive (self->search_settings,
                                                 gtk_toggle_button_get_active (button));
}

/* Actions */

static void
save_action_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mi_editor_save_finish (MI_EDITOR (object), result, &error) &&
      !g_error_matches (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK))
    set_message (MI_EDITOR (object), error->message, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MiEditor *self = MI_EDITOR (widget);

  if (self->read_only || self->loading)
    return;
  mi_editor_save_async (self, NULL, save_action_done_cb, NULL);
}

static void
conflict_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MiEditor *self = MI_EDITOR (widget);

  if (g_str_equal (action_name, "editor.reload"))
    mi_editor_resolve_conflict (self, MI_EDITOR_CONFLICT_RELOAD);
  else if (g_str_equal (action_name, "editor.keep-mine"))
    mi_editor_resolve_conflict (self, MI_EDITOR_CONFLICT_KEEP_MINE);
  else
    mi_editor_resolve_conflict (self, MI_EDITOR_CONFLICT_SHOW_BOTH);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  mi_editor_show_search (MI_EDITOR (widget), g_str_equal (action_name, "editor.replace"));
}

static void
hide_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MiEditor *self = MI_EDITOR (widget);

  gtk_revealer_set_reveal_child (self->search_revealer, FALSE);
  gtk_source_search_context_set_highlight (self->search_context, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  find (MI_EDITOR (widget), g_str_equal (action_name, "editor.find-previous"));
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MiEditor *self = MI_EDITOR (widget);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  GtkTextIter start, end;

  if (self->read_only || gtk_source_search_settings_get_search_text (self->search_settings) == NULL)
    return;

  if (g_str_equal (action_name, "editor.replace-all"))
    {
      gtk_source_search_context_replace_all (self->search_context, replacement, -1, NULL);
      update_search_count (self);
      return;
    }

  if (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end) &&
      gtk_source_search_context_get_occurrence_position (self->search_context, &start, &end) > 0)
    gtk_source_search_context_replace (self->search_context, &start, &end, replacement, -1, NULL);
  find (self, FALSE);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  mi_editor_discard_changes (MI_EDITOR (widget));
}

static void
hide_info_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_message (MI_EDITOR (widget), NULL, FALSE);
}

static void
hide_disk_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_set_visible (MI_EDITOR (widget)->disk_box, FALSE);
}

/* Loading */

typedef struct
{
  GFile      *file;
  MiDocument *document;     /* given, or read here */
  gboolean    given;
  MiDrafts   *drafts;
  char       *text;         /* what to show, UTF-8, without BOM */
  gsize       len;
  char       *reason;       /* why read-only, or NULL */
  GBytes     *draft;
  GDateTime  *draft_time;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->document);
  g_clear_object (&data->drafts);
  g_free (data->text);
  g_free (data->reason);
  g_clear_pointer (&data->draft, g_bytes_unref);
  g_clear_pointer (&data->draft_time, g_date_time_unref);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  name = g_file_get_basename (data->file);

  if (!data->given)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      if (info != NULL && g_file_info_get_size (info) > MI_EDITOR_MAX_SIZE)
        {
          /* Too large: its beginning, read-only */
          g_autoptr(GFileInputStream) stream = g_file_read (data->file, cancellable, &error);
          g_autofree char *buf = g_malloc (MI_EDITOR_SHOWN_SIZE + 1);
          gsize got = 0;
          g_autofree char *size = g_format_size (g_file_info_get_size (info));
          g_autofree char *limit = g_format_size (MI_EDITOR_MAX_SIZE);

          if (stream == NULL ||
              !g_input_stream_read_all (G_INPUT_STREAM (stream), buf, MI_EDITOR_SHOWN_SIZE,
                                        &got, cancellable, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          data->text = g_utf8_make_valid (buf, got);
          data->len = strlen (data->text);
          data->reason = g_strdup_printf (_("“%s” is %s, more than the %s the editor opens. Its beginning is shown, read-only."),
                                          name, size, limit);
          return g_task_return_boolean (task, TRUE);
        }

      data->document = mi_document_new (data->file);
      if (!mi_document_load (data->document, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  {
    gsize len;
    const char *text = mi_document_get_text (data->document, &len);
    gsize bom = mi_document_get_bom_length (data->document);

    if (!mi_document_is_utf8 (data->document))
      {
        data->text = g_utf8_make_valid (text ? text : "", len);
        data->reason = g_strdup_printf (_("“%s” is not UTF-8 text. It is shown read-only, with the bytes that are not text replaced, so that saving cannot damage it."),
                                        name);
      }
    else
      data->text = g_strndup ((text ? text : "") + bom, len - bom);
    data->len = strlen (data->text);
  }

  if (data->reason == NULL && data->drafts != NULL)
    data->draft = mi_drafts_load (data->drafts, data->file, &data->draft_time, NULL);

  g_task_return_boolean (task, TRUE);
}

static void
load_done (MiEditor *self,
           LoadData *data)
{
  g_clear_object (&self->document);
  self->document = data->document ? g_object_ref (data->document) : NULL;

  replace_all_text (self, data->text, data->len, FALSE);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);

  set_read_only (self, data->reason != NULL || self->document == NULL);
  if (data->reason != NULL)
    set_message (self, data->reason, FALSE);

  if (data->draft != NULL)
    {
      gsize len;
      const char *draft = g_bytes_get_data (data->draft, &len);

      if (len == data->len && memcmp (draft ? draft : "", data->text, len) == 0)
        mi_drafts_remove_async (self->drafts, self->file, NULL, draft_removed_cb, NULL);
      else if (g_utf8_validate (draft ? draft : "", len, NULL))
        {
          g_autofree char *when = g_date_time_format (data->draft_time, "%x %X");
          g_autofree char *message = NULL;

          replace_all_text (self, draft ? draft : "", len, TRUE);
          set_draft_restored (self, TRUE);
          message = g_strdup_printf (_("Unsaved changes from %s were restored. Save to keep them."), when);
          set_message (self, message, TRUE);
        }
    }

  self->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MiEditor *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->loading = FALSE;
      set_read_only (self, TRUE);
      set_message (self, error->message, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      g_task_return_error (task, error);
      return;
    }

  load_done (self, data);
  g_task_return_boolean (task, TRUE);
}

/* Saving */

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MiEditor *self = g_task_get_source_object (task);
  GError *error = NULL;

  self->saving = FALSE;
  if (!mi_document_save_finish (MI_DOCUMENT (object), result, &error))
    {
      if (g_error_matches (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK))
        {
          g_autofree char *name = g_file_get_basename (self->file);
          g_autofree char *message =
            g_strdup_printf (_("“%s” was changed by another program since it was opened. Nothing was saved."), name);

          set_conflict (self, message);
        }
      g_task_return_error (task, error);
      return;
    }

  if (self->change_id == self->saving_change_id)
    {
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);
      g_clear_handle_id (&self->draft_source, g_source_remove);
      mi_drafts_remove_async (self->drafts, self->file, NULL, draft_removed_cb, NULL);
    }
  set_draft_restored (self, FALSE);
  if (self->message != NULL && !self->read_only)
    set_message (self, NULL, FALSE);
  set_conflict (self, NULL);
  g_task_return_boolean (task, TRUE);
}

/* GObject */

static void
mi_editor_dispose (GObject *object)
{
  MiEditor *self = MI_EDITOR (object);

  /* Quitting before the draft timer fired: write it now. */
  if (self->draft_source != 0 && self->file != NULL && !self->read_only &&
      gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    {
      g_autofree char *text = buffer_text (self);

      mi_drafts_save (self->drafts, self->file, text, strlen (text), NULL);
    }
  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), MI_TYPE_EDITOR);

  g_clear_object (&self->search_context);
  g_clear_object (&self->search_settings);
  g_clear_object (&self->settings);
  g_clear_object (&self->buffer);
  g_clear_object (&self->render);
  g_clear_object (&self->document);
  g_clear_object (&self->drafts);
  g_clear_object (&self->file);
  g_clear_object (&self->root);

  G_OBJECT_CLASS (mi_editor_parent_class)->dispose (object);
}

static void
mi_editor_finalize (GObject *object)
{
  MiEditor *self = MI_EDITOR (object);

  g_free (self->title);
  g_free (self->message);

  G_OBJECT_CLASS (mi_editor_parent_class)->finalize (object);
}

static void
mi_editor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MiEditor *self = MI_EDITOR (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, mi_editor_get_modified (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_DRAFT_RESTORED:
      g_value_set_boolean (value, self->draft_restored);
      break;
    case PROP_CONFLICT:
      g_value_set_boolean (value, self->conflict);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_SHOW_LINE_NUMBERS:
      g_value_set_boolean (value, self->show_line_numbers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_editor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MiEditor *self = MI_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MODE:
      mi_editor_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_LINE_NUMBERS:
      mi_editor_set_show_line_numbers (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_editor_class_init (MiEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_editor_dispose;
  object_class->finalize = mi_editor_finalize;
  object_class->get_property = mi_editor_get_property;
  object_class->set_property = mi_editor_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT_RESTORED] =
    g_param_spec_boolean ("draft-restored", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICT] =
    g_param_spec_boolean ("conflict", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, MI_TYPE_EDITOR_MODE, MI_EDITOR_MODE_SPLIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LINE_NUMBERS] =
    g_param_spec_boolean ("show-line-numbers", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MiEditor::open-file:
   * A link of the preview points to another file of the workspace.
   */
  signals[OPEN_FILE] =
    g_signal_new ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);

  g_type_ensure (MI_TYPE_PREVIEW);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MiEditor, main_box);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, info_revealer);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, info_label);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, info_button);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, search_revealer);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, search_count);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, case_toggle);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, paned);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, source_scroller);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, view);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, disk_box);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, disk_view);
  gtk_widget_class_bind_template_child (widget_class, MiEditor, preview);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.reload", NULL, conflict_action);
  gtk_widget_class_install_action (widget_class, "editor.keep-mine", NULL, conflict_action);
  gtk_widget_class_install_action (widget_class, "editor.show-both", NULL, conflict_action);
  gtk_widget_class_install_action (widget_class, "editor.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "editor.replace", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "editor.hide-search", NULL, hide_search_action);
  gtk_widget_class_install_action (widget_class, "editor.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.replace-one", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "editor.replace-all", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_install_action (widget_class, "editor.hide-info", NULL, hide_info_action);
  gtk_widget_class_install_action (widget_class, "editor.hide-disk", NULL, hide_disk_action);
  gtk_widget_class_install_property_action (widget_class, "editor.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "editor.show-line-numbers", "show-line-numbers");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "editor.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "editor.replace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "editor.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.find-previous", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mi-editor");
}

static void
mi_editor_init (MiEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkAdjustment *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->mode = MI_EDITOR_MODE_SPLIT;
  self->draft_delay = DEFAULT_DRAFT_DELAY_MS;
  self->drafts = g_object_ref (mi_drafts_get_default ());
  self->render = mi_render_new ();
  self->title = g_strdup (_("Untitled"));

  self->buffer = GTK_SOURCE_BUFFER (g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view))));
  gtk_source_buffer_set_language (self->buffer,
                                  gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_syntax (self->buffer, TRUE);
  self->settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::style-scheme",
                           G_CALLBACK (style_scheme_changed_cb), self, 0);
  apply_scheme (self, self->buffer);
  mi_monospace_follow_desktop (GTK_WIDGET (self->view));
  mi_monospace_follow_desktop (GTK_WIDGET (self->disk_view));
  {
    GtkSourceBuffer *disk = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->disk_view)));

    gtk_source_buffer_set_language (disk, gtk_source_language_manager_get_language (languages, "markdown"));
    apply_scheme (self, disk);
  }

  g_signal_connect (self->buffer, "insert-text", G_CALLBACK (insert_text_cb), self);
  g_signal_connect (self->buffer, "delete-range", G_CALLBACK (delete_range_cb), self);
  g_signal_connect (self->buffer, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect (self->buffer, "modified-changed", G_CALLBACK (modified_changed_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);

  self->search_settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->search_settings, TRUE);
  self->search_context = gtk_source_search_context_new (self->buffer, self->search_settings);
  g_signal_connect (self->search_context, "notify::occurrences-count",
                    G_CALLBACK (search_occurrences_cb), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (search_stop_cb), self);
  g_signal_connect (self->case_toggle, "toggled", G_CALLBACK (case_toggled_cb), self);

  mi_preview_set_render (self->preview, self->render);
  g_signal_connect (self->preview, "open-file", G_CALLBACK (preview_open_file_cb), self);
  g_signal_connect (self->preview, "toggle-task", G_CALLBACK (preview_toggle_task_cb), self);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  g_signal_connect (vadjustment, "value-changed", G_CALLBACK (source_scrolled_cb), self);

  update_mode (self);
}

/* Public API */

MiEditor *
mi_editor_new (void)
{
  return g_object_new (MI_TYPE_EDITOR, NULL);
}

/**
 * mi_editor_load_async:
 * @document: (nullable): the file's document, when the caller has it
 *   already; read in a worker thread otherwise
 *
 * Opens @file: shows its text, restores its draft if it has one, or shows
 * it read-only and says why.
 */
void
mi_editor_load_async (MiEditor            *self,
                      GFile               *file,
                      MiDocument          *document,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (MI_IS_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (document == NULL || MI_IS_DOCUMENT (document));

  g_set_object (&self->file, file);
  g_free (self->title);
  self->title = g_file_get_basename (file);
  if (self->root == NULL)
    self->root = mi_links_find_root (file);
  mi_preview_set_file (self->preview, file);
  mi_preview_set_root (self->preview, self->root);
  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->given = document != NULL;
  data->document = document ? g_object_ref (document) : NULL;
  data->drafts = g_object_ref (self->drafts);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, mi_editor_load_async);

  task = g_task_new (self, cancellable, load_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (task, load_thread);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
mi_editor_load_finish (MiEditor      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mi_editor_save_async:
 * Saves atomically. When the file changed on disk since it was read,
 * nothing is written, the conflict bar shows, and the error is
 * %MI_DOCUMENT_ERROR_CHANGED_ON_DISK.
 */
void
mi_editor_save_async (MiEditor            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *text = NULL;
  gsize doc_len;

  g_return_if_fail (MI_IS_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mi_editor_save_async);

  if (self->document == NULL || self->read_only || self->loading)
    {
      g_task_return_new_error (task, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_READ_ONLY,
                               _("This file is open read-only: it cannot be saved from here."));
      return;
    }

  /* The buffer holds the text without its byte order mark. */
  text = buffer_text (self);
  mi_document_get_text (self->document, &doc_len);
  {
    gsize bom = mi_document_get_bom_length (self->document);

    mi_document_replace (self->document, bom, doc_len - bom, text);
  }

  self->saving = TRUE;
  self->saving_change_id = self->change_id;
  mi_document_save_async (self->document, cancellable, save_cb, g_steal_pointer (&task));
}

gboolean
mi_editor_save_finish (MiEditor      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mi_editor_apply_edit:
 * @offset: in bytes of the file (as MiDocument and the structured edits
 *   count them)
 *
 * Applies a structured edit made elsewhere to the open buffer, as one
 * ordinary undoable step: the user's typing stays.
 */
gboolean
mi_editor_apply_edit (MiEditor   *self,
                      gsize       offset,
                      gsize       length,
                      const char *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gsize bom;

  g_return_val_if_fail (MI_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->read_only || self->loading)
    return FALSE;

  bom = self->document ? mi_document_get_bom_length (self->document) : 0;
  if (offset < bom)
    return FALSE;
  offset -= bom;

  buffer = GTK_TEXT_BUFFER (self->buffer);
  if (!iter_at_byte (self, &start, offset) || !iter_at_byte (self, &end, offset + length))
    return FALSE;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  return TRUE;
}

/* Toggles `[ ]` / `[x]` of the task item on @line (0-based). */
void
mi_editor_toggle_task (MiEditor *self,
                       guint     line)
{
  gsize offset;
  gboolean checked;
  GtkTextIter start, end;

  g_return_if_fail (MI_IS_EDITOR (self));

  if (self->read_only)
    return;

  mi_render_flush (self->render);
  if (!mi_render_find_task (self->render, line, &offset, &checked))
    return;
  if (!iter_at_byte (self, &start, offset) || !iter_at_byte (self, &end, offset + 1))
    return;

  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_delete (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (self->buffer), &start, checked ? " " : "x", 1);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (self->buffer));
}

void
mi_editor_resolve_conflict (MiEditor               *self,
                            MiEditorConflictChoice  choice)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MI_IS_EDITOR (self));

  if (self->document == NULL)
    return;

  switch (choice)
    {
    case MI_EDITOR_CONFLICT_RELOAD:
      if (!mi_document_load (self->document, NULL, &error))
        {
          set_message (self, error->message, FALSE);
          return;
        }
      {
        gsize len;
        const char *text = mi_document_get_text (self->document, &len);
        gsize bom = mi_document_get_bom_length (self->document);

        replace_all_text (self, text + bom, len - bom, TRUE);
      }
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);
      g_clear_handle_id (&self->draft_source, g_source_remove);
      mi_drafts_remove_async (self->drafts, self->file, NULL, draft_removed_cb, NULL);
      gtk_widget_set_visible (self->disk_box, FALSE);
      set_conflict (self, NULL);
      break;

    case MI_EDITOR_CONFLICT_KEEP_MINE:
      {
        g_autofree char *text = buffer_text (self);
        gsize doc_len, bom = mi_document_get_bom_length (self->document);

        mi_document_get_text (self->document, &doc_len);
        mi_document_replace (self->document, bom, doc_len - bom, text);
        /* Write over it, then take what is on disk now as what was read */
        if (!mi_document_save_to (self->document, self->file, NULL, &error) ||
            !mi_document_load (self->document, NULL, &error))
          {
            set_message (self, error->message, FALSE);
            return;
          }
      }
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);
      g_clear_handle_id (&self->draft_source, g_source_remove);
      mi_drafts_remove_async (self->drafts, self->file, NULL, draft_removed_cb, NULL);
      set_draft_restored (self, FALSE);
      gtk_widget_set_visible (self->disk_box, FALSE);
      set_conflict (self, NULL);
      break;

    case MI_EDITOR_CONFLICT_SHOW_BOTH:
    default:
      {
        g_autofree char *contents = NULL;
        gsize len;
        GtkTextBuffer *disk = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->disk_view));

        if (!g_file_load_contents (self->file, NULL, &contents, &len, NULL, &error))
          {
            set_message (self, error->message, FALSE);
            return;
          }
        if (!g_utf8_validate (contents, len, NULL))
          {
            g_autofree char *valid = g_utf8_make_valid (contents, len);

            gtk_text_buffer_set_text (disk, valid, -1);
          }
        else
          gtk_text_buffer_set_text (disk, contents, len);
        gtk_widget_set_visible (self->disk_box, TRUE);
        if (self->mode == MI_EDITOR_MODE_PREVIEW)
          mi_editor_set_mode (self, MI_EDITOR_MODE_SPLIT);
      }
      break;
    }
}

/* Back to the file as it is on disk; the draft goes. */
void
mi_editor_discard_changes (MiEditor *self)
{
  g_return_if_fail (MI_IS_EDITOR (self));

  if (self->document != NULL && !self->read_only)
    {
      gsize len;
      const char *text = mi_document_get_text (self->document, &len);
      gsize bom = mi_document_get_bom_length (self->document);

      if (!mi_document_get_modified (self->document))
        replace_all_text (self, text + bom, len - bom, TRUE);
      else
        mi_editor_resolve_conflict (self, MI_EDITOR_CONFLICT_RELOAD);
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);
    }
  mi_editor_forget_draft (self);
  set_draft_restored (self, FALSE);
  if (!self->read_only)
    set_message (self, NULL, FALSE);
}

/* The user chose to drop the unsaved text (closing without saving). */
void
mi_editor_forget_draft (MiEditor *self)
{
  g_return_if_fail (MI_IS_EDITOR (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->file != NULL)
    mi_drafts_remove_async (self->drafts, self->file, NULL, draft_removed_cb, NULL);
}

void
mi_editor_show_search (MiEditor *self,
                       gboolean  replace)
{
  GtkTextIter start, end;

  g_return_if_fail (MI_IS_EDITOR (self));

  if (self->mode == MI_EDITOR_MODE_PREVIEW)
    mi_editor_set_mode (self, MI_EDITOR_MODE_SPLIT);

  /* The selection, when it is a few words, is what to find */
  if (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_iter_get_visible_text (&start, &end);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }

  gtk_toggle_button_set_active (self->replace_toggle, replace && !self->read_only);
  gtk_source_search_context_set_highlight (self->search_context, TRUE);
  gtk_revealer_set_reveal_child (self->search_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GFile *
mi_editor_get_file (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), NULL);

  return self->file;
}

MiDocument *
mi_editor_get_document (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), NULL);

  return self->document;
}

GtkSourceBuffer *
mi_editor_get_buffer (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), NULL);

  return self->buffer;
}

GtkSourceView *
mi_editor_get_view (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), NULL);

  return self->view;
}

MiPreview *
mi_editor_get_preview (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), NULL);

  return self->preview;
}

MiRender *
mi_editor_get_render (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), NULL);

  return self->render;
}

char *
mi_editor_dup_text (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), NULL);

  return buffer_text (self);
}

const char *
mi_editor_get_title (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), NULL);

  return self->title;
}

gboolean
mi_editor_get_modified (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), FALSE);

  return gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer));
}

gboolean
mi_editor_get_loading (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), FALSE);

  return self->loading;
}

gboolean
mi_editor_get_read_only (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), FALSE);

  return self->read_only;
}

/* What the information bar says (read-only, restored draft), or NULL. */
const char *
mi_editor_get_message (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), NULL);

  return self->message;
}

gboolean
mi_editor_get_draft_restored (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), FALSE);

  return self->draft_restored;
}

/* Whether a save is being written now. */
gboolean
mi_editor_get_saving (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), FALSE);

  return self->saving;
}

gboolean
mi_editor_get_conflict (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), FALSE);

  return self->conflict;
}

gboolean
mi_editor_get_showing_disk (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), FALSE);

  return gtk_widget_get_visible (self->disk_box);
}

MiEditorMode
mi_editor_get_mode (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), MI_EDITOR_MODE_SPLIT);

  return self->mode;
}

void
mi_editor_set_mode (MiEditor     *self,
                    MiEditorMode  mode)
{
  g_return_if_fail (MI_IS_EDITOR (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  update_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

gboolean
mi_editor_get_show_line_numbers (MiEditor *self)
{
  g_return_val_if_fail (MI_IS_EDITOR (self), FALSE);

  return self->show_line_numbers;
}

void
mi_editor_set_show_line_numbers (MiEditor *self,
                                 gboolean  show)
{
  g_return_if_fail (MI_IS_EDITOR (self));

  if (self->show_line_numbers == !!show)
    return;
  self->show_line_numbers = !!show;
  gtk_source_view_set_show_line_numbers (self->view, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LINE_NUMBERS]);
}

/* Where drafts go (tests); the user's drafts folder by default. */
void
mi_editor_set_drafts (MiEditor *self,
                      MiDrafts *drafts)
{
  g_return_if_fail (MI_IS_EDITOR (self));
  g_return_if_fail (MI_IS_DRAFTS (drafts));

  g_set_object (&self->drafts, drafts);
}

/* How long after the last change the draft is written. */
void
mi_editor_set_draft_delay (MiEditor *self,
                           guint     msec)
{
  g_return_if_fail (MI_IS_EDITOR (self));

  self->draft_delay = msec;
}

/* The workspace, for [[wikilinks]]; found from the file when not set. */
void
mi_editor_set_root (MiEditor *self,
                    GFile    *root)
{
  g_return_if_fail (MI_IS_EDITOR (self));

  g_set_object (&self->root, root);
  mi_preview_set_root (self->preview, root);
}
