/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-commit-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "mi-commit-dialog.h"
#include "mi-ui-util.h"

/*
 * The Commit dialog: the changed files under docs/, grouped by meta-issue,
 * each with a checkbox bound to its "selected" flag; the diff of the file
 * selected; the message (suggested from the ticks until the user edits it);
 * who commits, and a form when git does not know. A commit records exactly
 * the ticked files. Errors stay in the dialog; nothing is half done.
 */

struct _MiCommitDialog
{
  AdwWindow           parent_instance;

  MiRepository       *repository;
  MiChangeSet        *changes;
  GCancellable       *cancellable;
  GCancellable       *diff_cancellable;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  char               *user_name;
  char               *user_email;
  char               *diff;
  guint               message_edited : 1;
  guint               setting_message : 1;
  guint               busy : 1;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkStack           *stack;
  GtkLabel           *blocker_label;
  GtkLabel           *warning_label;
  GtkListView        *list_view;
  GtkEntry           *message_entry;
  GtkLabel           *identity_label;
  GtkWidget          *identity_form;
  GtkEntry           *name_entry;
  GtkEntry           *email_entry;
  GtkWidget          *save_identity_button;
  GtkLabel           *error_label;
  GtkSourceView      *diff_view;
};

G_DEFINE_FINAL_TYPE (MiCommitDialog, mi_commit_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
apply_scheme (GtkSourceBuffer *buffer)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "classic-dark" : "classic");
  gtk_source_buffer_set_style_scheme (buffer, scheme);
}

static void
show_error (MiCommitDialog *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static guint
count_selected (MiCommitDialog *self)
{
  GListModel *files;
  guint n = 0;

  if (self->changes == NULL)
    return 0;

  files = mi_change_set_get_files (self->changes);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(MiChangedFile) file = g_list_model_get_item (files, i);

      if (mi_changed_file_get_selected (file))
        n++;
    }

  return n;
}

static void
update_actions (MiCommitDialog *self)
{
  guint n_selected = count_selected (self);
  gboolean enabled;
  g_autofree char *subtitle = NULL;

  enabled = self->changes != NULL &&
            !self->busy &&
            mi_change_set_get_blocker (self->changes) == NULL &&
            self->user_name != NULL && self->user_email != NULL &&
            n_selected > 0 &&
            !mi_ui_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->message_entry)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commit.commit", enabled);

  if (self->changes != NULL)
    {
      guint n_files = mi_change_set_get_n_files (self->changes);

      /* Translators: "2 of 5 files ticked" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file ticked",
                                               "%u of %u files ticked", n_files),
                                  n_selected, n_files);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

static void
update_message (MiCommitDialog *self)
{
  g_autofree char *message = NULL;

  if (self->message_edited || self->changes == NULL)
    return;

  message = mi_change_set_suggest_message (self->changes, TRUE);
  self->setting_message = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->message_entry), message != NULL ? message : "");
  self->setting_message = FALSE;
}

static void
update_identity (MiCommitDialog *self)
{
  gboolean known = self->user_name != NULL && self->user_email != NULL;

  if (known)
    {
      g_autofree char *text = g_strdup_printf (_("Committing as %s <%s>"),
                                               self->user_name, self->user_email);

      gtk_label_set_label (self->identity_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->identity_label), known);
  gtk_widget_set_visible (self->identity_form, !known);
}

static void
set_busy (MiCommitDialog *self,
          gboolean        busy)
{
  self->busy = !!busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_view), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->message_entry), !busy);
  update_actions (self);
}

static GListModel *
create_child_model_cb (gpointer item,
                       gpointer user_data)
{
  if (MI_IS_CHANGE_GROUP (item))
    return g_object_ref (mi_change_group_get_files (item));

  return NULL;
}

static void
diff_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MiCommitDialog) self = mi_ui_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;
  GtkTextBuffer *buffer;

  diff = mi_repository_diff_file_finish (MI_REPOSITORY (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (diff == NULL)
    diff = g_strdup_printf (_("Could not show the changes: %s"), error->message);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->diff_view));
  gtk_text_buffer_set_text (buffer, diff, -1);
  g_free (self->diff);
  self->diff = g_steal_pointer (&diff);
}

static void
show_diff (MiCommitDialog *self,
           MiChangedFile  *file)
{
  g_cancellable_cancel (self->diff_cancellable);
  g_clear_object (&self->diff_cancellable);

  if (file == NULL)
    return;

  self->diff_cancellable = g_cancellable_new ();
  mi_repository_diff_file_async (self->repository, NULL,
                                 mi_changed_file_get_path (file),
                                 mi_changed_file_get_old_path (file),
                                 self->diff_cancellable, diff_file_cb,
                                 mi_ui_weak_ref_new (self));
}

/* Callbacks */

static void
on_selection_changed_cb (MiCommitDialog *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (item != NULL && MI_IS_CHANGED_FILE (item))
    show_diff (self, MI_CHANGED_FILE (item));
}

static void
on_file_selected_cb (MiCommitDialog *self)
{
  update_message (self);
  update_actions (self);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *change = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "commit-file-path");
  gtk_widget_add_css_class (change, "dim-label");
  gtk_widget_add_css_class (change, "caption");
  gtk_widget_add_css_class (change, "commit-file-change");

  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), change);
  gtk_list_item_set_child (list_item, box);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (check);
  GtkWidget *change = gtk_widget_get_next_sibling (label);
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  if (MI_IS_CHANGE_GROUP (item))
    {
      const char *slug = mi_change_group_get_slug (MI_CHANGE_GROUP (item));

      gtk_label_set_label (GTK_LABEL (label), slug != NULL ? slug : _("Other Files"));
      gtk_widget_set_tooltip_text (label, NULL);
      gtk_widget_add_css_class (box, "commit-group");
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_visible (check, FALSE);
      gtk_widget_set_visible (change, FALSE);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_start (box, 0);
      gtk_list_item_set_selectable (list_item, FALSE);
      gtk_list_item_set_activatable (list_item, FALSE);
    }
  else
    {
      MiChangedFile *file = MI_CHANGED_FILE (item);
      const char *path = mi_changed_file_get_path (file);
      const char *slug = mi_changed_file_get_slug (file);
      const char *shown = path;
      g_autofree char *prefix = NULL;
      GBinding *binding;

      if (slug != NULL)
        {
          prefix = g_strdup_printf ("docs/meta-issues/%s/", slug);
          if (g_str_has_prefix (path, prefix))
            shown = path + strlen (prefix);
        }

      gtk_label_set_label (GTK_LABEL (label), shown);
      gtk_widget_set_tooltip_text (label, path);
      gtk_widget_remove_css_class (box, "commit-group");
      gtk_widget_remove_css_class (label, "heading");
      gtk_widget_set_visible (check, TRUE);
      gtk_widget_set_visible (change, TRUE);
      gtk_widget_set_margin_top (box, 0);
      gtk_widget_set_margin_start (box, 6);
      gtk_label_set_label (GTK_LABEL (change),
                           mi_file_change_get_label (mi_changed_file_get_change (file)));
      gtk_list_item_set_selectable (list_item, TRUE);
      gtk_list_item_set_activatable (list_item, TRUE);

      binding = g_object_bind_property (file, "selected", check, "active",
                                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_object_set_data (G_OBJECT (list_item), "binding", binding);
    }
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
on_message_changed_cb (MiCommitDialog *self)
{
  if (!self->setting_message)
    {
      /* Emptied: suggest again. */
      self->message_edited =
        !mi_ui_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->message_entry)));
    }
  update_actions (self);
}

static void
on_message_activate_cb (MiCommitDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "commit.commit", NULL);
}

static void
on_identity_changed_cb (MiCommitDialog *self)
{
  gtk_widget_set_sensitive (self->save_identity_button,
                            !mi_ui_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))) &&
                            !mi_ui_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->email_entry))));
}

static void
on_save_identity_clicked_cb (MiCommitDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_entry))));

  /* A few lines of .git/config: quick enough for the main thread. */
  if (!mi_repository_set_identity (self->repository, name, email, &error))
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  g_free (self->user_name);
  g_free (self->user_email);
  self->user_name = g_steal_pointer (&name);
  self->user_email = g_steal_pointer (&email);
  update_identity (self);
  update_actions (self);
}

static void
on_dark_changed_cb (MiCommitDialog *self)
{
  apply_scheme (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->diff_view))));
}

static void
list_changes_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MiCommitDialog) self = mi_ui_weak_ref_steal (user_data);
  g_autoptr(MiChangeSet) changes = NULL;
  g_autoptr(GError) error = NULL;
  const char *blocker;
  const char *warning;
  GListModel *files;

  changes = mi_repository_list_changes_finish (MI_REPOSITORY (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (changes == NULL)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")),
                                 _("Could Not Read the Changes"));
      adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")),
                                       error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->changes = g_steal_pointer (&changes);
  self->user_name = g_strdup (mi_change_set_get_user_name (self->changes));
  self->user_email = g_strdup (mi_change_set_get_user_email (self->changes));

  blocker = mi_change_set_get_blocker (self->changes);
  gtk_label_set_label (self->blocker_label, blocker != NULL ? blocker : "");
  gtk_widget_set_visible (GTK_WIDGET (self->blocker_label), blocker != NULL);

  warning = mi_change_set_get_warning (self->changes);
  gtk_label_set_label (self->warning_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);

  files = mi_change_set_get_files (self->changes);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(MiChangedFile) file = g_list_model_get_item (files, i);

      g_signal_connect_object (file, "notify::selected",
                               G_CALLBACK (on_file_selected_cb), self, G_CONNECT_SWAPPED);
    }

  self->tree = gtk_tree_list_model_new (g_object_ref (mi_change_set_get_groups (self->changes)),
                                        FALSE, TRUE, create_child_model_cb, NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Show the first file's diff: row 0 is its group. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->tree)) > 1)
    gtk_single_selection_set_selected (self->selection, 1);

  update_identity (self);
  update_message (self);
  update_actions (self);

  gtk_stack_set_visible_child_name (self->stack,
                                    mi_change_set_get_n_files (self->changes) > 0 ? "changes" : "empty");
  if (mi_change_set_get_n_files (self->changes) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->message_entry));
}

static void
commit_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MiCommitDialog) self = mi_ui_weak_ref_steal (user_data);
  g_autoptr(MiCommitInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;

  info = mi_repository_commit_finish (MI_REPOSITORY (object), result, &warning, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (info == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_COMMITTED], 0, info, warning);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MiCommitDialog *self = MI_COMMIT_DIALOG (widget);
  g_auto(GStrv) paths = NULL;
  g_autofree char *message = NULL;

  if (self->busy || self->changes == NULL)
    return;

  paths = mi_change_set_get_paths (self->changes, TRUE);
  message = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->message_entry))));
  if (paths == NULL || paths[0] == NULL || message[0] == '\0')
    return;

  show_error (self, NULL);
  set_busy (self, TRUE);
  mi_repository_commit_async (self->repository, (const char * const *) paths, message,
                              self->cancellable, commit_cb, mi_ui_weak_ref_new (self));
}

/* GObject */

static void
mi_commit_dialog_dispose (GObject *object)
{
  MiCommitDialog *self = MI_COMMIT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->diff_cancellable);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);

  gtk_widget_dispose_template (GTK_WIDGET (self), MI_TYPE_COMMIT_DIALOG);

  G_OBJECT_CLASS (mi_commit_dialog_parent_class)->dispose (object);
}

static void
mi_commit_dialog_finalize (GObject *object)
{
  MiCommitDialog *self = MI_COMMIT_DIALOG (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->changes);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->diff_cancellable);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->user_email, g_free);
  g_clear_pointer (&self->diff, g_free);

  G_OBJECT_CLASS (mi_commit_dialog_parent_class)->finalize (object);
}

static void
mi_commit_dialog_class_init (MiCommitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_commit_dialog_dispose;
  object_class->finalize = mi_commit_dialog_finalize;

  /**
   * MiCommitDialog::committed:
   * @info: the new commit
   * @warning: (nullable): e.g. committed on a detached HEAD
   */
  signals[SIGNAL_COMMITTED] =
    g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, MI_TYPE_COMMIT_INFO, G_TYPE_STRING);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-commit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, blocker_label);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, message_entry);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, identity_label);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, identity_form);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, email_entry);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, save_identity_button);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MiCommitDialog, diff_view);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_identity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_identity_clicked_cb);

  gtk_widget_class_install_action (widget_class, "commit.commit", NULL, commit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "commit.commit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "commit.commit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mi_commit_dialog_init (MiCommitDialog *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->diff_view)));
  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "diff"));
  apply_scheme (buffer);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commit.commit", FALSE);
}

/* Public API */

/**
 * mi_commit_dialog_new:
 * Reads the changes of @repository (off the main thread) and shows them in
 * a modal dialog over @parent.
 */
MiCommitDialog *
mi_commit_dialog_new (GtkWindow    *parent,
                      MiRepository *repository)
{
  MiCommitDialog *self;

  g_return_val_if_fail (MI_IS_REPOSITORY (repository), NULL);

  self = g_object_new (MI_TYPE_COMMIT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->repository = g_object_ref (repository);
  mi_repository_list_changes_async (repository, self->cancellable, list_changes_cb,
                                    mi_ui_weak_ref_new (self));

  return self;
}

/* The changes shown, NULL while they are read. */
MiChangeSet *
mi_commit_dialog_get_changes (MiCommitDialog *self)
{
  g_return_val_if_fail (MI_IS_COMMIT_DIALOG (self), NULL);

  return self->changes;
}

gboolean
mi_commit_dialog_get_busy (MiCommitDialog *self)
{
  g_return_val_if_fail (MI_IS_COMMIT_DIALOG (self), FALSE);

  return self->busy;
}

/* The diff shown, NULL before the first. */
const char *
mi_commit_dialog_get_diff (MiCommitDialog *self)
{
  g_return_val_if_fail (MI_IS_COMMIT_DIALOG (self), NULL);

  return self->diff;
}
