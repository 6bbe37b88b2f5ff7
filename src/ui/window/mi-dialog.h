/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The small form dialogs of the window: an AdwMessageDialog whose extra
 * child is a boxed list of named rows. "cancel" closes it; the accept
 * response is enabled while the form is valid. */

AdwMessageDialog *mi_dialog_new          (GtkWindow        *parent,
                                          const char       *heading,
                                          const char       *body,
                                          const char       *accept_id,
                                          const char       *accept_label);
GtkWidget        *mi_dialog_add_entry    (AdwMessageDialog *dialog,
                                          const char       *key,
                                          const char       *title,
                                          const char       *text);
GtkWidget        *mi_dialog_add_combo    (AdwMessageDialog *dialog,
                                          const char       *key,
                                          const char       *title,
                                          const char * const *items,
                                          guint             selected);
GtkWidget        *mi_dialog_get_row      (AdwMessageDialog *dialog,
                                          const char       *key);
const char       *mi_dialog_get_text     (AdwMessageDialog *dialog,
                                          const char       *key);
void              mi_dialog_set_text     (AdwMessageDialog *dialog,
                                          const char       *key,
                                          const char       *text);
guint             mi_dialog_get_selected (AdwMessageDialog *dialog,
                                          const char       *key);
void              mi_dialog_set_selected (AdwMessageDialog *dialog,
                                          const char       *key,
                                          guint             selected);
void              mi_dialog_set_valid    (AdwMessageDialog *dialog,
                                          gboolean          valid);

G_END_DECLS
