/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-application"

#include "config.h"

#include <glib/gi18n.h>

#include "mi-application.h"
#include "mi-window.h"

struct _MiApplication
{
  AdwApplication  parent_instance;
};

G_DEFINE_FINAL_TYPE (MiApplication, mi_application, ADW_TYPE_APPLICATION)

/* A window that shows nothing yet, to open a folder in instead of a new one. */
static MiWindow *
find_empty_window (MiApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (MI_IS_WINDOW (l->data) &&
          mi_window_get_workspace (l->data) == NULL &&
          !mi_window_get_busy (l->data))
        return l->data;
    }

  return NULL;
}

/* The workspace of the last session, when it still exists. */
static GFile *
dup_last_workspace (void)
{
  g_autoptr(GSettings) settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
  g_autofree char *path = g_settings_get_string (settings, "last-workspace");
  g_autoptr(GFile) folder = NULL;

  if (path == NULL || path[0] == '\0')
    return NULL;

  folder = g_file_new_for_path (path);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    return NULL;

  return g_steal_pointer (&folder);
}

static void
mi_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Meta-Issues Contributors", NULL };
  MiApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GObject *about;

#if ADW_CHECK_VERSION (1, 5, 0)
  about = G_OBJECT (adw_about_dialog_new ());
#else
  about = G_OBJECT (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
#endif

  g_object_set (about,
                "application-name", _("Meta-Issues"),
                "application-icon", APPLICATION_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The Meta-Issues Contributors"),
                "developers", developers,
                "comments", _("Keep the record of hard problems and every attempt to solve them"),
                "license-type", GTK_LICENSE_GPL_3_0,
                "copyright", _("© The Meta-Issues Contributors"),
                /* Translators: your names, one per line, for the About window. */
                "translator-credits", _("translator-credits"),
                NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (about), GTK_WIDGET (window));
#else
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static void
mi_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  MiApplication *self = user_data;
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing each window lets it save its size and workspace. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));

  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));

  /* A window with unsaved text asks first, and stays if told to: the
   * application ends with its last window. */
  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = mi_application_about_action },
  { .name = "quit", .activate = mi_application_quit_action },
};

static void
mi_application_activate (GApplication *app)
{
  MiApplication *self = MI_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autoptr(GFile) last = dup_last_workspace ();

      window = GTK_WINDOW (mi_window_new (GTK_APPLICATION (self)));

      if (last != NULL)
        mi_window_open (MI_WINDOW (window), last);
    }

  gtk_window_present (window);
}

static void
mi_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MiApplication *self = MI_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      MiWindow *window = find_empty_window (self);

      if (window == NULL)
        window = mi_window_new (GTK_APPLICATION (self));

      mi_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
mi_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  MiApplication *self = MI_APPLICATION (app);

  G_APPLICATION_CLASS (mi_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  /* Follow the system's light or dark preference. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
mi_application_class_init (MiApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = mi_application_activate;
  app_class->open = mi_application_open;
  app_class->startup = mi_application_startup;
}

static void
mi_application_init (MiApplication *self)
{
  /* Translators: the argument in `meta-issues --help`. */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FOLDER]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Show the meta-issues of the repository that holds FOLDER."));
}

MiApplication *
mi_application_new (void)
{
  return g_object_new (MI_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* The .Devel id differs; one base path for both. */
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
