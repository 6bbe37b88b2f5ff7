/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mi-application.h"
#include "mi-issue-row.h"
#include "mi-window.h"

#define MAX_RECENT_WORKSPACES 10

/* The main window: the meta-issues of one workspace, or a page that says
 * why there are none. Loading runs in core's worker threads; the window
 * only shows what comes back. */
struct _MiWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  MiWorkspace          *workspace;
  gulong                items_changed_handler;
  GCancellable         *cancellable;
  guint                 busy : 1;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkListView          *list_view;
  AdwStatusPage        *error_page;
  GMenu                *recent_menu;
};

G_DEFINE_FINAL_TYPE (MiWindow, mi_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One load of a workspace: a newer one cancels it. */
typedef struct
{
  MiWindow     *self;
  GCancellable *cancellable;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

/* "~/src/project" for a folder in the home folder, else the full path. */
static char *
dup_display_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (path == NULL)
    return g_file_get_parse_name (file);

  if (home_len > 1 &&
      g_str_has_prefix (path, home) &&
      (path[home_len] == G_DIR_SEPARATOR || path[home_len] == '\0'))
    return g_strconcat ("~", path + home_len, NULL);

  return g_steal_pointer (&path);
}

static void
set_busy (MiWindow *self,
          gboolean  busy)
{
  busy = !!busy;

  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_page (MiWindow *self)
{
  const char *page;

  if (self->workspace == NULL)
    page = "no-workspace";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->workspace)) == 0)
    page = "empty";
  else
    page = "issues";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
update_title (MiWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
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
  path = dup_display_path (root);

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, path);
  gtk_window_set_title (GTK_WINDOW (self), name);
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
      g_autofree char *label = dup_display_path (file);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (section, item);
    }

  g_menu_remove_all (self->recent_menu);

  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (self->recent_menu, _("Recent Workspaces"), G_MENU_MODEL (section));
}

/* Remembers @root as the last and most recent workspace. */
static void
remember_workspace (MiWindow *self,
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

static void
on_workspace_items_changed_cb (MiWindow   *self,
                               guint       position,
                               guint       removed,
                               guint       added,
                               GListModel *model)
{
  if (!self->busy)
    update_page (self);
}

static void
set_workspace (MiWindow    *self,
               MiWorkspace *workspace)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->workspace);

  g_set_object (&self->workspace, workspace);

  if (self->workspace != NULL)
    {
      self->items_changed_handler =
        g_signal_connect_object (self->workspace, "items-changed",
                                 G_CALLBACK (on_workspace_items_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->workspace))));
    }

  gtk_list_view_set_model (self->list_view, selection);

  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/* A failure while something is shown is a toast; with nothing shown, a page. */
static void
show_error (MiWindow   *self,
            const char *title,
            GError     *error)
{
  if (self->workspace != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      update_page (self);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_title (self->error_page, title);
      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
}

static void
begin_load (MiWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

static void
open_workspace_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  MiWindow *self = data->self;

  workspace = mi_workspace_open_finish (result, &error);

  /* A newer load took over. */
  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  set_busy (self, FALSE);

  if (workspace == NULL)
    {
      g_debug ("Could not open the workspace: %s", error->message);
      show_error (self, _("Could Not Open the Folder"), error);
      return;
    }

  set_workspace (self, workspace);
  remember_workspace (self, mi_workspace_get_root (workspace));
  update_page (self);
}

static void
install_example_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GFile *dest = task_data;
  g_autoptr(GError) error = NULL;

  if (!mi_example_install (dest, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
install_example_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  MiWindow *self = data->self;
  GFile *dest = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_cancellable_is_cancelled (data->cancellable))
        return;

      set_busy (self, FALSE);
      g_debug ("Could not install the example: %s", error->message);
      show_error (self, _("Could Not Install the Example"), error);
      return;
    }

  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  mi_window_open (self, dest);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     MiWindow                 *self)
{
  gtk_list_item_set_child (item, mi_issue_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    MiWindow                 *self)
{
  MiIssueRow *row = MI_ISSUE_ROW (gtk_list_item_get_child (item));

  mi_issue_row_set_issue (row, gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      MiWindow                 *self)
{
  MiIssueRow *row = MI_ISSUE_ROW (gtk_list_item_get_child (item));

  mi_issue_row_set_issue (row, NULL);
}

static void
on_recent_changed_cb (MiWindow   *self,
                      const char *key,
                      GSettings  *settings)
{
  update_recent_menu (self);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
select_folder_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, &error);

  if (folder != NULL)
    mi_window_open (self, folder);
  else if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_warning ("Could not choose a folder: %s", error->message);
}
#else
static void
on_file_chooser_response_cb (GtkNativeDialog *native,
                             int              response,
                             MiWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (folder != NULL)
        mi_window_open (self, folder);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

static void
mi_window_open_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  GFile *current = self->workspace != NULL ? mi_workspace_get_root (self->workspace) : NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open Folder"));
  gtk_file_dialog_set_accept_label (dialog, _("_Open"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (current != NULL)
    gtk_file_dialog_set_initial_folder (dialog, current);

  gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL,
                                 select_folder_cb, g_object_ref (self));
#else
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Folder"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (current != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), current, NULL);

  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
#endif
}

static void
mi_window_open_recent_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  MiWindow *self = MI_WINDOW (widget);
  g_autoptr(GFile) folder = g_file_new_for_path (g_variant_get_string (param, NULL));

  mi_window_open (self, folder);
}

static void
mi_window_open_example_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  mi_window_open_example (MI_WINDOW (widget));
}

static gboolean
mi_window_close_request (GtkWindow *window)
{
  MiWindow *self = MI_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);

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

  if (self->workspace != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->workspace);
  g_clear_object (&self->workspace);

  gtk_widget_dispose_template (GTK_WIDGET (self), MI_TYPE_WINDOW);

  G_OBJECT_CLASS (mi_window_parent_class)->dispose (object);
}

static void
mi_window_finalize (GObject *object)
{
  MiWindow *self = MI_WINDOW (object);

  g_clear_object (&self->settings);

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

  window_class->close_request = mi_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         MI_TYPE_WORKSPACE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MI_TYPE_ISSUE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MiWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, mi_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", mi_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, mi_window_open_example_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void
mi_window_init (MiWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);

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
  update_page (self);
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
 * mi_window_open:
 * @self: a #MiWindow
 * @folder: a folder in the repository (its root or any folder below)
 *
 * Loads the workspace of @folder and shows its meta-issues, replacing
 * the one shown. A failure shows its message.
 */
void
mi_window_open (MiWindow *self,
                GFile    *folder)
{
  LoadData *data;

  g_return_if_fail (MI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  begin_load (self);

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);

  mi_workspace_open_async (folder, self->cancellable, open_workspace_cb, data);
}

/**
 * mi_window_open_example:
 * @self: a #MiWindow
 *
 * Installs the bundled example into the user's data folder (files that
 * exist are kept) and opens it.
 */
void
mi_window_open_example (MiWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autofree char *path = NULL;
  LoadData *data;

  g_return_if_fail (MI_IS_WINDOW (self));

  path = g_build_filename (g_get_user_data_dir (), "meta-issues", "example", NULL);
  dest = g_file_new_for_path (path);

  begin_load (self);

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);

  task = g_task_new (NULL, self->cancellable, install_example_cb, data);
  g_task_set_source_tag (task, mi_window_open_example);
  g_task_set_task_data (task, g_steal_pointer (&dest), g_object_unref);
  g_task_run_in_thread (task, install_example_thread);
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
