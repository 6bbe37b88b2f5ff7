/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "mi-application.h"
#include "mi-editor-private.h"
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
 *
 * This file is the widget; its actions are in mi-editor-actions.c, its
 * reading and writing in mi-editor-io.c (see mi-editor-private.h).
 */

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

static void
apply_scheme (MiEditor        *self,
              GtkSourceBuffer *buffer)
{
  g_autofree char *id = g_settings_get_string (self->settings, "style-scheme");
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (buffer, mi_editor_resolve_style_scheme (id, dark));
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
  _mi_editor_queue_draft (self);
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

/* GObject */

static void
mi_editor_dispose (GObject *object)
{
  MiEditor *self = MI_EDITOR (object);

  /* Quitting before the draft timer fired: written now. */
  _mi_editor_write_pending_draft (self);
  if (self->resolving != NULL)
    g_cancellable_cancel (self->resolving);
  g_clear_object (&self->resolving);
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

  _mi_editor_class_init_actions (widget_class);

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

  _mi_editor_init_search (self);

  mi_preview_set_render (self->preview, self->render);
  g_signal_connect (self->preview, "open-file", G_CALLBACK (preview_open_file_cb), self);
  g_signal_connect (self->preview, "toggle-task", G_CALLBACK (preview_toggle_task_cb), self);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  g_signal_connect (vadjustment, "value-changed", G_CALLBACK (source_scrolled_cb), self);

  update_mode (self);
}

/* Internal API */

/* The file shown: its name is the title, its folder where the workspace
 * is looked for when none was set. */
void
_mi_editor_set_file (MiEditor *self,
                     GFile    *file)
{
  g_autofree char *title = g_file_get_basename (file);

  if (self->root == NULL)
    self->root = mi_links_find_root (file);
  mi_preview_set_file (self->preview, file);
  mi_preview_set_root (self->preview, self->root);

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

void
_mi_editor_set_loading (MiEditor *self,
                        gboolean  loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* What the information bar says, or NULL to hide it. */
void
_mi_editor_set_message (MiEditor   *self,
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

/* The conflict bar, saying @message; hidden for NULL. */
void
_mi_editor_set_conflict (MiEditor   *self,
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

void
_mi_editor_set_read_only (MiEditor *self,
                          gboolean  read_only)
{
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), !read_only);
  if (self->read_only != !!read_only)
    {
      self->read_only = !!read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

void
_mi_editor_set_draft_restored (MiEditor *self,
                               gboolean  restored)
{
  if (self->draft_restored == !!restored)
    return;
  self->draft_restored = !!restored;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT_RESTORED]);
}

/* Puts @text in the buffer: not undoable when loading, as one undoable
 * step otherwise (a reload or a restored draft can be undone). */
void
_mi_editor_replace_all_text (MiEditor   *self,
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

/* Public API */

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

MiEditor *
mi_editor_new (void)
{
  return g_object_new (MI_TYPE_EDITOR, NULL);
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
