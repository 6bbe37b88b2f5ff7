/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mi-application.h"
#include "mi-chart.h"
#include "mi-issue-page.h"
#include "mi-ui-util.h"
#include "mi-window-private.h"

#define MAX_RECENT_WORKSPACES 10

/* The main window: the meta-issues of one workspace in a sidebar
 * (MiSidebar: searched, filtered and sorted), the selected one in an issue
 * page, or a page that says why there are none. Loading runs in core's
 * worker threads; the window only shows what comes back
 * (mi-window-load.c). */

G_DEFINE_FINAL_TYPE (MiWindow, mi_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_BUSY,
  PROP_STATUS_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


void
_mi_window_set_busy (MiWindow *self,
                     gboolean  busy)
{
  busy = !!busy;

  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_mi_window_update_page (MiWindow *self)
{
  const char *page;

  if (self->workspace == NULL)
    page = "no-workspace";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->workspace)) == 0)
    page = "empty";
  else
    page = "issues";

  gtk_widget_set_visible (GTK_WIDGET (self->welcome_header), !g_str_equal (page, "issues"));
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
update_title (MiWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GFile) parent = NULL;
  GFile *root;

  if (self->workspace == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Meta-Issues"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Meta-Issues"));
      return;
    }

  root = mi_workspace_get_root (self->workspace);
  name = g_file_get_basename (root);

  /* As GNOME Text Editor does: the folder's name, and where it is (the
   * sidebar shows the same). */
  parent = g_file_get_parent (root);
  location = parent != NULL ? mi_ui_dup_display_path (parent) : NULL;

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, location);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
update_issue_title (MiWindow *self)
{
  MiIssue *issue = mi_window_get_issue (self);
  const char *title = NULL;

  if (issue != NULL)
    {
      title = mi_issue_get_title (issue);
      if (mi_ui_is_blank (title))
        title = mi_issue_get_slug (issue);
    }

  adw_view_switcher_title_set_title (self->switcher_title, title != NULL ? title : "");
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        issue != NULL ? mi_issue_get_slug (issue) : "");
}

static void
update_recent_menu (MiWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GMenu) section = g_menu_new ();

  for (guint i = 0; recent[i] != NULL && i < MAX_RECENT_WORKSPACES; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (recent[i]);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = mi_ui_dup_display_path (file);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (section, item);
    }

  g_menu_remove_all (self->recent_menu);

  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (self->recent_menu, _("Recent Workspaces"), G_MENU_MODEL (section));
}

/* Remembers @root as the last and most recent workspace. */
void
_mi_window_remember_workspace (MiWindow *self,
                               GFile    *root)
{
  g_autofree char *path = g_file_get_path (root);
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (path == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-workspaces");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);

  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_WORKSPACES; i++)
    {
      if (g_str_equal (recent[i], path))
        continue;

      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);

  g_settings_set_string (self->settings, "last-workspace", path);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) updated);
}

/* Another program changed the files of a meta-issue: the model holds
 * the change already; open files without unsaved changes show it. */
static void
on_file_changed_cb (MiWindow    *self,
                    GFile       *file,
                    MiWorkspace *workspace)
{
  mi_files_view_sync_with_disk (mi_issue_page_get_files_view (self->issue_page), file);
}

/* A structured edit begins: it must not write over unsaved text it
 * would meet (mi_files_view_collect_claims()). */
static void
on_collect_claims_cb (MiWindow    *self,
                      GFile       *folder,
                      GPtrArray   *claims,
                      MiWorkspace *workspace)
{
  mi_files_view_collect_claims (mi_issue_page_get_files_view (self->issue_page), folder, claims);
}

/* … and once it wrote, its editors follow it. */
static void
on_file_written_cb (MiWindow    *self,
                    GFile       *file,
                    GBytes      *before,
                    GBytes      *after,
                    MiWorkspace *workspace)
{
  mi_files_view_carry_written (mi_issue_page_get_files_view (self->issue_page), file, before, after);
}

/* The sidebar's status filter is the window's "status-filter" (the
 * "win.status-filter" action). */
static void
on_status_filter_cb (MiWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

static void
on_shown_issue_changed_cb (MiWindow *self)
{
  update_issue_title (self);
  _mi_window_update_actions (self);
}

static void
watch_issue (MiWindow *self,
             MiIssue  *issue)
{
  if (self->shown_issue == issue)
    return;

  if (self->shown_issue != NULL)
    {
      g_clear_signal_handler (&self->issue_notify_handler, self->shown_issue);
      g_clear_signal_handler (&self->tests_changed_handler, mi_issue_get_test_cases (self->shown_issue));
    }

  g_set_object (&self->shown_issue, issue);

  if (issue != NULL)
    {
      self->issue_notify_handler =
        g_signal_connect_object (issue, "notify", G_CALLBACK (on_shown_issue_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      self->tests_changed_handler =
        g_signal_connect_object (mi_issue_get_test_cases (issue), "items-changed",
                                 G_CALLBACK (on_shown_issue_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
on_selected_issue_cb (MiWindow *self)
{
  MiIssue *issue = mi_sidebar_get_issue (self->sidebar);

  watch_issue (self, issue);

  mi_issue_page_set_issue (self->issue_page, issue);
  /* Nothing selected (a search that matches nothing): say so, rather
   * than go on showing the last one. */
  gtk_stack_set_visible_child_name (self->content_stack, issue != NULL ? "issue" : "none");
  gtk_widget_set_sensitive (GTK_WIDGET (self->switcher_title), issue != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->switcher_bar), issue != NULL);
  update_issue_title (self);
  _mi_window_update_actions (self);
}

static void
on_workspace_items_changed_cb (MiWindow   *self,
                               guint       position,
                               guint       removed,
                               guint       added,
                               GListModel *model)
{
  if (!self->busy)
    _mi_window_update_page (self);
}

void
_mi_window_set_workspace (MiWindow    *self,
                          MiWorkspace *workspace)
{
  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->items_changed_handler, self->workspace);
      g_clear_signal_handler (&self->file_changed_handler, self->workspace);
      g_clear_signal_handler (&self->claims_handler, self->workspace);
      g_clear_signal_handler (&self->written_handler, self->workspace);
    }

  g_set_object (&self->workspace, workspace);
  mi_files_view_set_root (mi_issue_page_get_files_view (self->issue_page),
                          workspace != NULL ? mi_workspace_get_root (workspace) : NULL);

  if (self->workspace != NULL)
    {
      self->items_changed_handler =
        g_signal_connect_object (self->workspace, "items-changed",
                                 G_CALLBACK (on_workspace_items_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      self->file_changed_handler =
        g_signal_connect_object (self->workspace, "file-changed",
                                 G_CALLBACK (on_file_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      self->claims_handler =
        g_signal_connect_object (self->workspace, "collect-claims",
                                 G_CALLBACK (on_collect_claims_cb), self,
                                 G_CONNECT_SWAPPED);
      self->written_handler =
        g_signal_connect_object (self->workspace, "file-written",
                                 G_CALLBACK (on_file_written_cb), self,
                                 G_CONNECT_SWAPPED);
      mi_workspace_start_monitoring (self->workspace);
    }

  /* The list starts at the top, like a freshly opened folder. */
  mi_sidebar_set_workspace (self->sidebar, self->workspace);
  adw_view_stack_set_visible_child_name (mi_issue_page_get_stack (self->issue_page), "overview");

  update_title (self);
  _mi_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/* A failure while something is shown is a toast; with nothing shown, a page. */
void
_mi_window_show_error (MiWindow   *self,
                       const char *title,
                       GError     *error)
{
  /* Stopped on purpose (another folder opened, the window closed). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (self->workspace != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      _mi_window_update_page (self);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_title (self->error_page, title);
      adw_status_page_set_description (self->error_page, escaped);
      gtk_widget_set_visible (GTK_WIDGET (self->welcome_header), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
}

void
_mi_window_show_toast (MiWindow   *self,
                       const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
on_issue_activated_cb (MiWindow  *self,
                       MiIssue   *issue,
                       MiSidebar *sidebar)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_back_clicked_cb (MiWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_recent_changed_cb (MiWindow   *self,
                      const char *key,
                      GSettings  *settings)
{
  update_recent_menu (self);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            MiWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  mi_window_open (self, files->data);
  g_slist_free (files);

  return TRUE;
}

static void
on_editors_closed_for_close_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mi_editor_stack_close_all_finish (MI_EDITOR_STACK (object), result, &error))
    {
      /* Cancelled: the window stays. Not saved: the editor shows why. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _mi_window_show_error (self, _("Could Not Save"), error);
      return;
    }

  self->editors_closed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
mi_window_close_request (GtkWindow *window)
{
  MiWindow *self = MI_WINDOW (window);
  MiEditorStack *editors = mi_files_view_get_stack (mi_issue_page_get_files_view (self->issue_page));
  gboolean maximized = gtk_window_is_maximized (window);

  /* Unsaved text: ask first (Save / Discard / Cancel); close once answered. */
  if (!self->editors_closed && mi_editor_stack_get_modified (editors))
    {
      mi_editor_stack_close_all_async (editors, NULL, on_editors_closed_for_close_cb,
                                       g_object_ref (self));
      return TRUE;
    }

  g_settings_delay (self->settings);

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  if (self->workspace != NULL)
    {
      g_autofree char *path = g_file_get_path (mi_workspace_get_root (self->workspace));

      if (path != NULL)
        g_settings_set_string (self->settings, "last-workspace", path);
    }

  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (mi_window_parent_class)->close_request (window);
}

static void
mi_window_dispose (GObject *object)
{
  MiWindow *self = MI_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The form, closed by the cancellable, may outlive the window. */
  g_clear_weak_pointer (&self->dialog);
  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->items_changed_handler, self->workspace);
      g_clear_signal_handler (&self->file_changed_handler, self->workspace);
      g_clear_signal_handler (&self->claims_handler, self->workspace);
      g_clear_signal_handler (&self->written_handler, self->workspace);
    }

  watch_issue (self, NULL);

  if (self->sidebar != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), MI_TYPE_WINDOW);

  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (mi_window_parent_class)->dispose (object);
}

static void
mi_window_finalize (GObject *object)
{
  MiWindow *self = MI_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->folder_to_open);

  G_OBJECT_CLASS (mi_window_parent_class)->finalize (object);
}

static void
mi_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MiWindow *self = MI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_STATUS_FILTER:
      g_value_set_string (value, self->sidebar != NULL ? mi_sidebar_get_status_filter (self->sidebar) : "all");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MiWindow *self = MI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STATUS_FILTER:
      /* The sidebar's: its notification is the window's. */
      mi_sidebar_set_status_filter (self->sidebar, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_window_class_init (MiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mi_window_dispose;
  object_class->finalize = mi_window_finalize;
  object_class->get_property = mi_window_get_property;
  object_class->set_property = mi_window_set_property;

  window_class->close_request = mi_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         MI_TYPE_WORKSPACE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The status the sidebar shows: a status id, or "all" (the
   * "win.status-filter" action). */
  properties[PROP_STATUS_FILTER] =
    g_param_spec_string ("status-filter", NULL, NULL,
                         "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MI_TYPE_SIDEBAR);
  g_type_ensure (MI_TYPE_ISSUE_PAGE);
  g_type_ensure (MI_TYPE_GIT_CONTROLS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, welcome_header);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, content);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, issue_page);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, git_controls);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_issue_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  _mi_window_class_init_actions (widget_class);
}

static void
mi_window_init (MiWindow *self)
{
  GtkDropTarget *drop;
  AdwViewStack *view_stack;

  /* MI_DEBUG=edit-thread: a structured edit that would make the window
   * wait for a disk or a parse fails (the UI tests run so). */
  if (g_strcmp0 (g_getenv ("MI_DEBUG"), "edit-thread") == 0)
    mi_edit_forbid_thread (g_thread_self ());

  gtk_widget_init_template (GTK_WIDGET (self));
  /* History needs the repository the git buttons find. */
  g_signal_connect_object (self->git_controls, "notify::workspace",
                           G_CALLBACK (_mi_window_update_actions), self, G_CONNECT_SWAPPED);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
  self->thread = g_thread_self ();

  g_signal_connect_object (self->sidebar, "notify::issue",
                           G_CALLBACK (on_selected_issue_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::status-filter",
                           G_CALLBACK (on_status_filter_cb), self, G_CONNECT_SWAPPED);

  view_stack = mi_issue_page_get_stack (self->issue_page);
  adw_view_switcher_title_set_stack (self->switcher_title, view_stack);
  adw_view_switcher_bar_set_stack (self->switcher_bar, view_stack);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::recent-workspaces",
                           G_CALLBACK (on_recent_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_recent_menu (self);
  update_title (self);
  _mi_window_update_page (self);
  _mi_window_update_actions (self);
}

MiWindow *
mi_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (MI_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * mi_window_export_chart:
 * @self: a #MiWindow
 * @file: a `.png` or `.svg` file
 *
 * Writes the chart of the Test cases page (the selected meta-issue's
 * overview, in light colours, as people see it on their git host) to @file.
 *
 * Returns: %TRUE when written
 */
gboolean
mi_window_export_chart (MiWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  GtkWidget *chart;

  g_return_val_if_fail (MI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  chart = mi_issue_page_get_chart (self->issue_page);

  return mi_chart_export_to_file (MI_CHART (chart), file, FALSE, error);
}

/**
 * mi_window_get_workspace:
 * @self: a #MiWindow
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
MiWorkspace *
mi_window_get_workspace (MiWindow *self)
{
  g_return_val_if_fail (MI_IS_WINDOW (self), NULL);

  return self->workspace;
}

/**
 * mi_window_get_busy:
 * @self: a #MiWindow
 *
 * Returns: %TRUE while a workspace loads or the example installs
 */
gboolean
mi_window_get_busy (MiWindow *self)
{
  g_return_val_if_fail (MI_IS_WINDOW (self), FALSE);

  return self->busy;
}

/**
 * mi_window_get_issue:
 *
 * Returns: (transfer none) (nullable): the meta-issue selected in the sidebar
 */
MiIssue *
mi_window_get_issue (MiWindow *self)
{
  g_return_val_if_fail (MI_IS_WINDOW (self), NULL);

  return self->sidebar != NULL ? mi_sidebar_get_issue (self->sidebar) : NULL;
}

/**
 * mi_window_select_issue:
 *
 * Selects the meta-issue @slug in the sidebar, when it is shown there.
 */
gboolean
mi_window_select_issue (MiWindow   *self,
                        const char *slug)
{
  g_return_val_if_fail (MI_IS_WINDOW (self), FALSE);

  return mi_sidebar_select_issue (self->sidebar, slug);
}

/**
 * mi_window_get_selection:
 *
 * Returns: (transfer none): the sidebar's model, filtered and sorted
 */
GtkSingleSelection *
mi_window_get_selection (MiWindow *self)
{
  g_return_val_if_fail (MI_IS_WINDOW (self), NULL);

  return mi_sidebar_get_selection (self->sidebar);
}

GtkWidget *
mi_window_get_issue_page (MiWindow *self)
{
  g_return_val_if_fail (MI_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->issue_page);
}

void
mi_window_set_search_text (MiWindow   *self,
                           const char *text)
{
  g_return_if_fail (MI_IS_WINDOW (self));

  /* Now, not after the entry's delay. */
  mi_sidebar_set_search_text (self->sidebar, text);
}

/**
 * mi_window_get_searching:
 *
 * Returns: whether the search through the text of the files is still
 *   running (the list shows the matches of titles and slugs meanwhile)
 */
gboolean
mi_window_get_searching (MiWindow *self)
{
  g_return_val_if_fail (MI_IS_WINDOW (self), FALSE);

  return mi_sidebar_get_searching (self->sidebar);
}

/**
 * mi_window_get_dialog:
 *
 * Returns: (transfer none) (nullable): the form dialog shown (a
 *   #MiFormDialog: #MiNewAttemptDialog, #MiRecordResultDialog …), if any
 */
AdwMessageDialog *
mi_window_get_dialog (MiWindow *self)
{
  g_return_val_if_fail (MI_IS_WINDOW (self), NULL);

  return self->dialog;
}
