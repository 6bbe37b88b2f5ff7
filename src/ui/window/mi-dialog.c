/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mi-dialog.h"

#define LIST_KEY   "mi-dialog-list"
#define ACCEPT_KEY "mi-dialog-accept"

static GtkListBox *
get_list (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), LIST_KEY);
}

AdwMessageDialog *
mi_dialog_new (GtkWindow  *parent,
               const char *heading,
               const char *body,
               const char *accept_id,
               const char *accept_label)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    accept_id, accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, accept_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, accept_id);
  adw_message_dialog_set_close_response (dialog, "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 340, -1);
  adw_message_dialog_set_extra_child (dialog, list);

  g_object_set_data (G_OBJECT (dialog), LIST_KEY, list);
  g_object_set_data_full (G_OBJECT (dialog), ACCEPT_KEY, g_strdup (accept_id), g_free);

  return dialog;
}

static void
on_entry_activate_cb (AdwEntryRow      *row,
                      AdwMessageDialog *dialog)
{
  const char *accept = g_object_get_data (G_OBJECT (dialog), ACCEPT_KEY);

  if (adw_message_dialog_get_response_enabled (dialog, accept))
    {
      adw_message_dialog_response (dialog, accept);
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

GtkWidget *
mi_dialog_add_entry (AdwMessageDialog *dialog,
                     const char       *key,
                     const char       *title,
                     const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_entry_activate_cb), dialog, 0);
  gtk_list_box_append (get_list (dialog), row);
  g_object_set_data (G_OBJECT (dialog), key, row);

  return row;
}

GtkWidget *
mi_dialog_add_combo (AdwMessageDialog   *dialog,
                     const char         *key,
                     const char         *title,
                     const char * const *items,
                     guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  if (selected < g_list_model_get_n_items (G_LIST_MODEL (model)))
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_list_box_append (get_list (dialog), row);
  g_object_set_data (G_OBJECT (dialog), key, row);

  return row;
}

GtkWidget *
mi_dialog_get_row (AdwMessageDialog *dialog,
                   const char       *key)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), key);

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  return row;
}

const char *
mi_dialog_get_text (AdwMessageDialog *dialog,
                    const char       *key)
{
  return gtk_editable_get_text (GTK_EDITABLE (mi_dialog_get_row (dialog, key)));
}

void
mi_dialog_set_text (AdwMessageDialog *dialog,
                    const char       *key,
                    const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (mi_dialog_get_row (dialog, key)), text);
}

guint
mi_dialog_get_selected (AdwMessageDialog *dialog,
                        const char       *key)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (mi_dialog_get_row (dialog, key)));
}

void
mi_dialog_set_selected (AdwMessageDialog *dialog,
                        const char       *key,
                        guint             selected)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (mi_dialog_get_row (dialog, key)), selected);
}

void
mi_dialog_set_valid (AdwMessageDialog *dialog,
                     gboolean          valid)
{
  const char *accept = g_object_get_data (G_OBJECT (dialog), ACCEPT_KEY);

  adw_message_dialog_set_response_enabled (dialog, accept, valid);
}
