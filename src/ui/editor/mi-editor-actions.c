/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mi-editor-private.h"

/*
 * MiEditor's actions (the `editor.` group) and their shortcuts: save, the
 * choices of the conflict bar, the bars' close buttons, the view's mode,
 * and search and replace in the source, which a GtkSourceSearchContext
 * does; the search bar shows how many matches and which one is selected.
 */

/* Helpers */

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

/* Callbacks */

static void
search_occurrences_cb (GtkSourceSearchContext *context,
                       GParamSpec             *pspec,
                       MiEditor               *self)
{
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

static void
save_action_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mi_editor_save_finish (MI_EDITOR (object), result, &error) &&
      !g_error_matches (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK))
    _mi_editor_set_message (MI_EDITOR (object), error->message, FALSE);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MiEditor *self = MI_EDITOR (widget);

  if (self->read_only || self->loading || self->resolving != NULL)
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
  _mi_editor_set_message (MI_EDITOR (widget), NULL, FALSE);
}

static void
hide_disk_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_set_visible (MI_EDITOR (widget)->disk_box, FALSE);
}

/* Internal API */

/* Installs the `editor.` actions and their shortcuts; the properties
 * `mode` and `show-line-numbers` must be installed already. */
void
_mi_editor_class_init_actions (GtkWidgetClass *widget_class)
{
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
}

/* The search context of the buffer, and the search bar's signals. */
void
_mi_editor_init_search (MiEditor *self)
{
  self->search_settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->search_settings, TRUE);
  self->search_context = gtk_source_search_context_new (self->buffer, self->search_settings);
  g_signal_connect (self->search_context, "notify::occurrences-count",
                    G_CALLBACK (search_occurrences_cb), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (search_stop_cb), self);
  g_signal_connect (self->case_toggle, "toggled", G_CALLBACK (case_toggled_cb), self);
}

/* While a conflict's resolution reads or writes the file, neither another
 * choice nor a save can start. */
void
_mi_editor_update_actions (MiEditor *self)
{
  gboolean idle = self->resolving == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reload", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.keep-mine", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.show-both", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard-draft", idle);
}

/* Public API */

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
