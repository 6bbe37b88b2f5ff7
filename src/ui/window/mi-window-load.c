/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-window"

#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "mi-application.h"
#include "mi-issue-page.h"
#include "mi-window-private.h"

/*
 * Opening a workspace in the window, reading it again, installing the
 * example: the reading happens on core's workers (mi_workspace_open_async);
 * a newer load cancels an older one; the window shows the result.
 */

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

static void
begin_load (MiWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  _mi_window_set_busy (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->welcome_header), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* When a workspace opens: the unsaved text its files had in the last
 * session (a crash, a kill) opens in the editor, and a toast says so. */
static void
restore_drafts (MiWindow *self)
{
  MiFilesView *files_view = mi_issue_page_get_files_view (self->issue_page);
  g_autofree char *message = NULL;
  guint n;

  if (self->workspace == NULL)
    return;

  /* The drafts of this workspace's files: those of others wait until
   * their workspace is opened. */
  n = mi_editor_stack_restore_drafts (mi_files_view_get_stack (files_view), mi_workspace_get_root (self->workspace));
  if (n == 0)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Unsaved changes to %u file were restored",
                                          "Unsaved changes to %u files were restored",
                                          n), n);
  _mi_window_show_toast (self, message);
  if (mi_window_get_issue (self) != NULL)
    adw_view_stack_set_visible_child_name (mi_issue_page_get_stack (self->issue_page), "files");
}

/* Loading parsed every file on worker threads; what they freed stays in
 * their malloc arenas until it is handed back to the system. */
static gboolean
trim_memory_cb (gpointer user_data)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

/* A second later: after the list has been drawn, not before. */
static void
trim_memory_when_idle (void)
{
  g_timeout_add_full (G_PRIORITY_LOW, 1000, trim_memory_cb, NULL, NULL);
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

  _mi_window_set_busy (self, FALSE);

  if (workspace == NULL)
    {
      g_debug ("Could not open the workspace: %s", error->message);
      _mi_window_show_error (self, _("Could Not Open the Folder"), error);
      return;
    }

  _mi_window_set_workspace (self, workspace);
  _mi_window_remember_workspace (self, mi_workspace_get_root (workspace));
  _mi_window_update_page (self);
  restore_drafts (self);
  trim_memory_when_idle ();
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

      _mi_window_set_busy (self, FALSE);
      g_debug ("Could not install the example: %s", error->message);
      _mi_window_show_error (self, _("Could Not Install the Example"), error);
      return;
    }

  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  mi_window_open (self, dest);
}

static void open_folder (MiWindow *self,
                         GFile    *folder);

static void
on_editors_closed_for_open_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(MiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_steal_pointer (&self->folder_to_open);

  if (!mi_editor_stack_close_all_finish (MI_EDITOR_STACK (object), result, &error))
    {
      /* The workspace shown stays (the example may have been installing). */
      _mi_window_set_busy (self, FALSE);
      _mi_window_update_page (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _mi_window_show_error (self, _("Could Not Save"), error);
      return;
    }

  if (folder != NULL)
    open_folder (self, folder);
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
  MiFilesView *files_view;
  MiEditorStack *editors;

  g_return_if_fail (MI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  /* The open files belong to the workspace shown: unsaved text asks first
   * (Save / Discard / Cancel); Cancel keeps the workspace shown. */
  files_view = mi_issue_page_get_files_view (self->issue_page);
  editors = mi_files_view_get_stack (files_view);
  if (mi_editor_stack_get_modified (editors))
    {
      g_set_object (&self->folder_to_open, folder);
      mi_editor_stack_close_all_async (editors, NULL, on_editors_closed_for_open_cb,
                                       g_object_ref (self));
      return;
    }

  mi_files_view_close_saved (files_view);
  open_folder (self, folder);
}

static void
open_folder (MiWindow *self,
             GFile    *folder)
{
  LoadData *data;

  begin_load (self);

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);

  mi_workspace_open_async (folder, self->cancellable, open_workspace_cb, data);
}

static void
reload_workspace_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  MiWindow *self = data->self;
  g_autofree char *slug = NULL;
  g_autofree char *view = NULL;
  AdwViewStack *stack;
  MiIssue *issue;

  workspace = mi_workspace_open_finish (result, &error);

  /* A newer load or reload took over. */
  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  _mi_window_set_busy (self, FALSE);

  if (workspace == NULL)
    {
      _mi_window_show_error (self, _("Could Not Reload"), error);
      return;
    }

  /* The fresh objects replace the shown ones as a whole, on the main
   * thread; the selected meta-issue and the page shown stay. */
  issue = mi_window_get_issue (self);
  slug = issue != NULL ? g_strdup (mi_issue_get_slug (issue)) : NULL;
  stack = mi_issue_page_get_stack (self->issue_page);
  view = g_strdup (adw_view_stack_get_visible_child_name (stack));

  _mi_window_set_workspace (self, workspace);

  if (slug != NULL)
    mi_window_select_issue (self, slug);
  if (view != NULL)
    adw_view_stack_set_visible_child_name (stack, view);
  _mi_window_update_page (self);
  trim_memory_when_idle ();
}

/**
 * mi_window_reload:
 * @self: a #MiWindow
 *
 * Reads the workspace shown again, off the main thread, into new objects
 * that replace the shown ones when ready; the window stays as it is
 * meanwhile, and the selection and the page shown are kept.
 */
void
mi_window_reload (MiWindow *self)
{
  LoadData *data;

  g_return_if_fail (MI_IS_WINDOW (self));

  if (self->workspace == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _mi_window_set_busy (self, TRUE);

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);

  mi_workspace_open_async (mi_workspace_get_root (self->workspace), self->cancellable,
                           reload_workspace_cb, data);
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
