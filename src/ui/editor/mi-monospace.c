/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-monospace"

#include "config.h"

#include <adwaita.h>

#include "mi-monospace.h"

/*
 * The editor's text in the desktop's monospace font, as GNOME Text Editor
 * does: libadwaita tells it from 1.7 on (through the settings portal, also in
 * a Flatpak); before, the desktop's own setting is read when its schema is
 * installed. One CSS provider for the display, for every widget with the
 * "mi-monospace" class, updated when the setting changes.
 */

#define DESKTOP_SCHEMA "org.gnome.desktop.interface"
#define FONT_KEY       "monospace-font-name"

typedef struct
{
  GtkCssProvider *provider;
  GSettings      *settings;   /* NULL when the desktop schema is missing */
} Monospace;

static char *
get_font_name (Monospace *state)
{
#if ADW_CHECK_VERSION (1, 7, 0)
  const char *name = adw_style_manager_get_monospace_font_name (adw_style_manager_get_default ());

  if (name != NULL && *name != '\0')
    return g_strdup (name);
#endif
  if (state->settings != NULL)
    return g_settings_get_string (state->settings, FONT_KEY);
  return NULL;
}

static void
update_css (Monospace *state)
{
  g_autofree char *name = get_font_name (state);
  g_autoptr(GString) css = g_string_new (".mi-monospace {");

  if (name != NULL && *name != '\0')
    {
      PangoFontDescription *desc = pango_font_description_from_string (name);
      const char *family = pango_font_description_get_family (desc);

      if (family != NULL)
        {
          g_autofree char *escaped = g_strescape (family, NULL);

          g_string_append_printf (css, " font-family: \"%s\";", escaped);
        }
      if (pango_font_description_get_size (desc) > 0)
        {
          char size[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_dtostr (size, sizeof size, pango_font_description_get_size (desc) / (double) PANGO_SCALE);
          g_string_append_printf (css, " font-size: %s%s;", size,
                                  pango_font_description_get_size_is_absolute (desc) ? "px" : "pt");
        }
      pango_font_description_free (desc);
    }
  else
    g_string_append (css, " font-family: monospace;");

  g_string_append (css, " }");
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (state->provider, css->str);
#else
  gtk_css_provider_load_from_data (state->provider, css->str, -1);
#endif
}

static void
monospace_free (Monospace *state)
{
  g_clear_object (&state->settings);
  g_clear_object (&state->provider);
  g_free (state);
}

static Monospace *
get_state (GdkDisplay *display)
{
  static GQuark quark;
  Monospace *state;

  if (quark == 0)
    quark = g_quark_from_static_string ("mi-monospace");

  state = g_object_get_qdata (G_OBJECT (display), quark);
  if (state != NULL)
    return state;

  state = g_new0 (Monospace, 1);
  state->provider = gtk_css_provider_new ();
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, DESKTOP_SCHEMA, TRUE) : NULL;

    if (schema != NULL && g_settings_schema_has_key (schema, FONT_KEY))
      {
        state->settings = g_settings_new (DESKTOP_SCHEMA);
        g_signal_connect_swapped (state->settings, "changed::" FONT_KEY, G_CALLBACK (update_css), state);
      }
  }
#if ADW_CHECK_VERSION (1, 7, 0)
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::monospace-font-name",
                            G_CALLBACK (update_css), state);
#endif
  update_css (state);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (state->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* Lives as long as the display. */
  g_object_set_qdata_full (G_OBJECT (display), quark, state, (GDestroyNotify) monospace_free);
  return state;
}

/* @widget's text in the desktop's monospace font, following its changes. */
void
mi_monospace_follow_desktop (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  get_state (gtk_widget_get_display (widget));
  gtk_widget_add_css_class (widget, "mi-monospace");
}
