/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-history-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "mi-history-dialog.h"
#include "mi-ui-util.h"

/*
 * The history of one meta-issue: the commits that touched its folder (author,
 * date, message); for the commit selected, one of the issue's files as it was
 * then, read-only, and its diff to the current text.
 */

struct _MiHistoryDialog
{
  AdwWindow           parent_instance;

  MiRepository       *repository;
  MiIssue            *issue;
  GCancellable       *cancellable;
  GCancellable       *file_cancellable;
  GListModel         *commits;
  GtkSingleSelection *selection;
  GtkStringList      *paths;
  char               *old_text;
  char               *diff;

  GtkStack           *stack;
  GtkListView        *list_view;
  GtkDropDown        *file_dropdown;
  GtkSourceView      *text_view;
  GtkSourceView      *diff_view;
};

G_DEFINE_FINAL_TYPE (MiHistoryDialog, mi_history_dialog, ADW_TYPE_WINDOW)

static void
apply_scheme (GtkSourceView *view)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "classic-dark" : "classic");
  gtk_source_buffer_set_style_scheme (buffer, scheme);
}

static GtkSourceView *
new_source_view (const char *language)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceView *view = GTK_SOURCE_VIEW (gtk_source_view_new ());
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, language));
  apply_scheme (view);

  return view;
}

static GtkWidget *
scrolled (GtkSourceView *view)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_widget_set_vexpand (scroller, TRUE);

  return scroller;
}

static void
set_text (GtkSourceView *view,
          const char    *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Every markdown file of the issue, relative to the repository, README first. */
static void
collect_paths (MiHistoryDialog *self,
               GFile           *folder)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;
  GFile *child;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                                  G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (enumerator != NULL &&
         g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) &&
         info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        collect_paths (self, child);
      else if (g_str_has_suffix (g_file_info_get_name (info), ".md"))
        g_ptr_array_add (names, mi_repository_get_relative_path (self->repository, child));
    }

  g_ptr_array_sort (names, (GCompareFunc) (void (*) (void)) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];

      if (name == NULL)
        continue;
      if (g_str_has_suffix (name, "/README.md"))
        gtk_string_list_splice (self->paths, 0, 0, (const char * const []) { name, NULL });
      else
        gtk_string_list_append (self->paths, name);
    }
}

static const char *
get_selected_path (MiHistoryDialog *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->file_dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
file_at_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MiHistoryDialog) self = mi_ui_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = mi_repository_get_file_at_finish (MI_REPOSITORY (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_free (self->old_text);
  if (bytes == NULL)
    self->old_text = g_strdup_printf (_("This file did not exist then (%s)"), error->message);
  else
    self->old_text = g_utf8_make_valid (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  set_text (self->text_view, self->old_text);
}

static void
diff_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MiHistoryDialog) self = mi_ui_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;

  diff = mi_repository_diff_file_finish (MI_REPOSITORY (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_free (self->diff);
  if (diff == NULL)
    self->diff = g_strdup_printf (_("Could not compare: %s"), error->message);
  else if (diff[0] == '\0')
    self->diff = g_strdup (_("No change since this commit."));
  else
    self->diff = g_steal_pointer (&diff);
  set_text (self->diff_view, self->diff);
}

static void
show_file (MiHistoryDialog *self)
{
  MiCommitInfo *info = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  const char *path = get_selected_path (self);

  g_cancellable_cancel (self->file_cancellable);
  g_clear_object (&self->file_cancellable);
  g_clear_pointer (&self->old_text, g_free);
  g_clear_pointer (&self->diff, g_free);
  set_text (self->text_view, "");
  set_text (self->diff_view, "");

  if (info == NULL || path == NULL)
    return;

  self->file_cancellable = g_cancellable_new ();
  mi_repository_get_file_at_async (self->repository, mi_commit_info_get_id (info), path,
                                   self->file_cancellable, file_at_cb, mi_ui_weak_ref_new (self));
  mi_repository_diff_file_async (self->repository, mi_commit_info_get_id (info), path, NULL,
                                 self->file_cancellable, diff_cb, mi_ui_weak_ref_new (self));
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "history-summary");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "history-meta");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  MiCommitInfo *info = gtk_list_item_get_item (list_item);
  GtkWidget *summary = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *meta = gtk_widget_get_next_sibling (summary);
  g_autofree char *date = g_date_time_format (mi_commit_info_get_date (info), "%x %R");
  g_autofree char *text = g_strdup_printf ("%s · %s · %s", mi_commit_info_get_author_name (info),
                                           date, mi_commit_info_get_short_id (info));

  gtk_label_set_label (GTK_LABEL (summary), mi_commit_info_get_summary (info));
  gtk_label_set_label (GTK_LABEL (meta), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), mi_commit_info_get_message (info));
}

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MiHistoryDialog) self = mi_ui_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) commits = NULL;

  commits = mi_repository_get_history_finish (MI_REPOSITORY (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (commits == NULL || g_list_model_get_n_items (commits) == 0)
    {
      AdwStatusPage *page = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty"));

      if (commits == NULL)
        adw_status_page_set_description (page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->commits = g_steal_pointer (&commits);
  self->selection = gtk_single_selection_new (g_object_ref (self->commits));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (show_file), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_stack_set_visible_child_name (self->stack, "history");
  show_file (self);
}

static void
on_dark_changed_cb (MiHistoryDialog *self)
{
  apply_scheme (self->text_view);
  apply_scheme (self->diff_view);
}

static void
mi_history_dialog_dispose (GObject *object)
{
  MiHistoryDialog *self = MI_HISTORY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->file_cancellable);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  self->list_view = NULL;
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (mi_history_dialog_parent_class)->dispose (object);
}

static void
mi_history_dialog_finalize (GObject *object)
{
  MiHistoryDialog *self = MI_HISTORY_DIALOG (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->issue);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file_cancellable);
  g_clear_object (&self->commits);
  g_clear_object (&self->paths);
  g_clear_pointer (&self->old_text, g_free);
  g_clear_pointer (&self->diff, g_free);

  G_OBJECT_CLASS (mi_history_dialog_parent_class)->finalize (object);
}

static void
mi_history_dialog_class_init (MiHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_history_dialog_dispose;
  object_class->finalize = mi_history_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mi_history_dialog_init (MiHistoryDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *views = gtk_stack_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->cancellable = g_cancellable_new ();
  self->paths = gtk_string_list_new (NULL);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 600);
  gtk_box_append (GTK_BOX (box), header);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "history-commits");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 300, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), scroller);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 340);

  self->file_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->paths)), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->file_dropdown), TRUE);
  g_signal_connect_object (self->file_dropdown, "notify::selected",
                           G_CALLBACK (show_file), self, G_CONNECT_SWAPPED);
  self->text_view = new_source_view ("markdown");
  self->diff_view = new_source_view ("diff");
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "history-text");
  gtk_widget_add_css_class (GTK_WIDGET (self->diff_view), "history-diff");
  gtk_stack_add_titled (GTK_STACK (views), scrolled (self->text_view), "then", _("As It Was"));
  gtk_stack_add_titled (GTK_STACK (views), scrolled (self->diff_view), "diff", _("Changes Since"));
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (views));
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->file_dropdown));
  gtk_box_append (GTK_BOX (bar), switcher);
  gtk_box_append (GTK_BOX (right), bar);
  gtk_box_append (GTK_BOX (right), views);
  gtk_paned_set_end_child (GTK_PANED (paned), right);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, gtk_spinner_new (), "loading");
  gtk_spinner_start (GTK_SPINNER (gtk_stack_get_child_by_name (self->stack, "loading")));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No History"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("No commit touched this meta-issue yet."));
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, paned, "history");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * mi_history_dialog_new:
 * Reads the commits that touched the folder of @issue (off the main thread)
 * and shows them.
 */
MiHistoryDialog *
mi_history_dialog_new (GtkWindow    *parent,
                       MiRepository *repository,
                       MiIssue      *issue)
{
  MiHistoryDialog *self;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (MI_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (MI_IS_ISSUE (issue), NULL);

  title = g_strdup_printf (_("History of %s"), mi_issue_get_slug (issue));
  self = g_object_new (MI_TYPE_HISTORY_DIALOG,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  self->repository = g_object_ref (repository);
  self->issue = g_object_ref (issue);

  collect_paths (self, mi_issue_get_folder (issue));
  folder = mi_repository_get_relative_path (repository, mi_issue_get_folder (issue));
  mi_repository_get_history_async (repository, folder, self->cancellable, history_cb,
                                   mi_ui_weak_ref_new (self));

  return self;
}

/* The commits shown, NULL while they are read. */
GListModel *
mi_history_dialog_get_commits (MiHistoryDialog *self)
{
  g_return_val_if_fail (MI_IS_HISTORY_DIALOG (self), NULL);

  return self->commits;
}

/* Shows @path (relative to the repository) as it was at the @commit-th commit. */
void
mi_history_dialog_select (MiHistoryDialog *self,
                          guint            commit,
                          const char      *path)
{
  g_return_if_fail (MI_IS_HISTORY_DIALOG (self));

  for (guint i = 0; path != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->paths)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->paths, i), path) == 0)
      gtk_drop_down_set_selected (self->file_dropdown, i);

  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, commit);
}

/* The file as it was, NULL while it is read. */
const char *
mi_history_dialog_get_old_text (MiHistoryDialog *self)
{
  g_return_val_if_fail (MI_IS_HISTORY_DIALOG (self), NULL);

  return self->old_text;
}

/* Its diff to the current text, NULL while it is read. */
const char *
mi_history_dialog_get_diff (MiHistoryDialog *self)
{
  g_return_val_if_fail (MI_IS_HISTORY_DIALOG (self), NULL);

  return self->diff;
}
