/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-file-manager"

#include "config.h"

#include "mi-file-manager.h"

/* Showing a file in the file manager (org.freedesktop.FileManager1, which
 * Files, Dolphin and Nemo implement; else the folder opens in the default
 * application) and opening a file in the default application. */

typedef struct
{
  GtkWindow *parent;
  GFile     *file;
} RevealData;

static void
reveal_data_free (RevealData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->file);
  g_free (data);
}

static void
open_folder_of (GtkWindow *parent,
                GFile     *file)
{
  g_autoptr(GFile) folder = NULL;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    folder = g_object_ref (file);
  else
    folder = g_file_get_parent (file);

  if (folder != NULL)
    mi_file_manager_open (parent, folder);
}

static void
show_items_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RevealData *data = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_debug ("No file manager to show the file in (%s): opening its folder", error->message);
      open_folder_of (data->parent, data->file);
    }

  reveal_data_free (data);
}

static void
bus_get_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RevealData *data = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GVariantBuilder uris;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      g_debug ("No session bus (%s): opening the folder", error->message);
      open_folder_of (data->parent, data->file);
      reveal_data_free (data);
      return;
    }

  uri = g_file_get_uri (data->file);
  g_variant_builder_init (&uris, G_VARIANT_TYPE ("as"));
  g_variant_builder_add (&uris, "s", uri);

  g_dbus_connection_call (bus,
                          "org.freedesktop.FileManager1",
                          "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1",
                          "ShowItems",
                          g_variant_new ("(ass)", &uris, ""),
                          NULL,
                          G_DBUS_CALL_FLAGS_NONE,
                          5000,
                          NULL,
                          show_items_cb,
                          data);
}

/**
 * mi_file_manager_reveal:
 * @parent: (nullable): the window asking
 * @file: a file or folder
 *
 * Shows @file selected in its folder in the file manager.
 */
void
mi_file_manager_reveal (GtkWindow *parent,
                        GFile     *file)
{
  RevealData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (RevealData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->file = g_object_ref (file);

  g_bus_get (G_BUS_TYPE_SESSION, NULL, bus_get_cb, data);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_warning ("Could not open the file: %s", error->message);
}
#endif

/**
 * mi_file_manager_open:
 * @parent: (nullable): the window asking
 * @file: a file or folder
 *
 * Opens @file in its default application.
 */
void
mi_file_manager_open (GtkWindow *parent,
                      GFile     *file)
{
  g_return_if_fail (G_IS_FILE (file));

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, parent, NULL, launch_cb, NULL);
  }
#else
  {
    g_autofree char *uri = g_file_get_uri (file);

    gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
  }
#endif
}
