/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-templates"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-templates.h"
#include "mi-core-resources.h"

/*
 * A repository's own docs/templates/meta-issue/<name>-template.md wins over
 * the built-in template of the same name. {{key}} placeholders are replaced;
 * unknown ones are left as written, for the author to fill in.
 */

static char *
read_template (GFile       *root,
               const char  *name,
               GError     **error)
{
  g_autofree char *file_name = g_strdup_printf ("%s-template.md", name);
  g_autofree char *resource = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (root != NULL)
    {
      g_autofree char *relative = g_build_filename ("docs", "templates", "meta-issue", file_name, NULL);
      g_autoptr(GFile) file = g_file_resolve_relative_path (root, relative);
      g_autoptr(GError) local_error = NULL;
      char *contents = NULL;

      if (g_file_load_contents (file, NULL, &contents, NULL, NULL, &local_error))
        return contents;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *path = g_file_get_parse_name (file);

          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not read the template “%s”: %s"), path, local_error->message);
          return NULL;
        }
    }

  /* Referencing the resource links it in from the static library; its
   * constructor registers it. */
  (void) mi_core_get_resource ();
  resource = g_strdup_printf (RESOURCE_BASE "/templates/%s", file_name);
  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no template named “%s”."), name);
      return NULL;
    }

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/**
 * mi_templates_expand:
 * @vars: NULL-terminated pairs of key and value.
 */
char *
mi_templates_expand (GFile               *root,
                     const char          *name,
                     const char * const  *vars,
                     GError             **error)
{
  g_autofree char *text = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (name != NULL, NULL);

  text = read_template (root, name, error);
  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text) + 256);
  for (p = text; *p != '\0'; )
    {
      const char *close;
      gboolean replaced = FALSE;

      if (p[0] != '{' || p[1] != '{' || (close = strstr (p + 2, "}}")) == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      for (guint i = 0; vars != NULL && vars[i] != NULL && vars[i + 1] != NULL; i += 2)
        {
          gsize key_len = strlen (vars[i]);

          if ((gsize) (close - p - 2) == key_len && strncmp (p + 2, vars[i], key_len) == 0)
            {
              g_string_append (out, vars[i + 1]);
              replaced = TRUE;
              break;
            }
        }

      if (replaced)
        p = close + 2;
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}
