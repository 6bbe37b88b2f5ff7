/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-links"

#include "config.h"

#include <string.h>

#include "mi-links.h"
#include "mi-workspace.h"

/*
 * Links of a markdown file: where a relative link or a [[wikilink]] points
 * in the workspace, and whether anything is there. `[[patterns.md#x]]` is
 * looked for beside the document, then anywhere under the workspace's docs/;
 * `[[../../meta-issues/x/]]` is relative to the document; a folder stands
 * for its README.md when it has one.
 */

#define MAX_SEARCH_ENTRIES 5000

static gboolean
is_directory (GFile *file)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
}

/**
 * mi_links_find_root:
 * The workspace that holds @document (as mi_workspace_find_root() finds it),
 * else the document's folder.
 */
GFile *
mi_links_find_root (GFile *document)
{
  g_autoptr(GFile) dir = NULL;
  GFile *root;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  dir = g_file_get_parent (document);
  if (dir == NULL)
    return NULL;

  root = mi_workspace_find_root (dir, NULL);
  return root != NULL ? root : g_steal_pointer (&dir);
}

static GFile *
search_name (GFile      *dir,
             const char *name,
             guint       depth,
             guint      *budget)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  if (depth > 8)
    return NULL;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                             G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children == NULL)
    return NULL;

  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *child = g_file_info_get_name (info);
      GFileType type = g_file_info_get_file_type (info);

      if (*budget == 0)
        {
          g_object_unref (info);
          return NULL;
        }
      (*budget)--;

      if (strcmp (child, name) == 0)
        {
          GFile *found = g_file_get_child (dir, child);

          g_object_unref (info);
          return found;
        }
      if (type == G_FILE_TYPE_DIRECTORY && child[0] != '.')
        g_ptr_array_add (subdirs, g_file_get_child (dir, child));
      g_object_unref (info);
    }

  for (guint i = 0; i < subdirs->len; i++)
    {
      GFile *found = search_name (g_ptr_array_index (subdirs, i), name, depth + 1, budget);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An existing file, a folder's README.md, or NULL. */
static GFile *
existing (GFile *file)
{
  if (file == NULL)
    return NULL;
  if (is_directory (file))
    {
      g_autoptr(GFile) readme = g_file_get_child (file, "README.md");

      if (g_file_query_exists (readme, NULL))
        return g_steal_pointer (&readme);
      return g_object_ref (file);
    }
  if (g_file_query_exists (file, NULL))
    return g_object_ref (file);
  return NULL;
}

static GFile *
resolve_path (GFile      *root,
              GFile      *document,
              const char *path,
              gboolean    wikilink)
{
  g_autoptr(GFile) dir = g_file_get_parent (document);
  g_autoptr(GFile) candidate = NULL;
  GFile *found;

  if (g_path_is_absolute (path))
    candidate = root ? g_file_resolve_relative_path (root, path + 1) : g_file_new_for_path (path);
  else
    candidate = g_file_resolve_relative_path (dir, path);

  if ((found = existing (candidate)) != NULL)
    return found;

  if (wikilink && !g_str_has_suffix (path, ".md") && !g_str_has_suffix (path, "/"))
    {
      g_autofree char *with_md = g_strconcat (path, ".md", NULL);

      return resolve_path (root, document, with_md, TRUE);
    }

  /* A bare name: anywhere under the workspace's docs/ (or the workspace). */
  if (wikilink && root != NULL && strchr (path, '/') == NULL)
    {
      g_autoptr(GFile) docs = g_file_get_child (root, "docs");
      guint budget = MAX_SEARCH_ENTRIES;

      found = search_name (is_directory (docs) ? docs : root, path, 0, &budget);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * mi_links_resolve:
 * @root: (nullable): the workspace
 * @document: the file the link is in
 * @target: the link's destination, or a wikilink's text
 * @file: (out) (optional): the file, for %MI_LINK_FILE
 * @fragment: (out) (optional): what follows `#`, if anything
 *
 * What a link points to. Relative links and wikilinks to nothing are
 * %MI_LINK_BROKEN.
 */
MiLinkKind
mi_links_resolve (GFile       *root,
                  GFile       *document,
                  const char  *target,
                  gboolean     wikilink,
                  GFile      **file,
                  char       **fragment)
{
  g_autofree char *scheme = NULL;
  g_autofree char *path = NULL;
  g_autofree char *unescaped = NULL;
  const char *hash;
  GFile *found;

  g_return_val_if_fail (G_IS_FILE (document), MI_LINK_BROKEN);
  g_return_val_if_fail (target != NULL, MI_LINK_BROKEN);

  if (file != NULL)
    *file = NULL;
  if (fragment != NULL)
    *fragment = NULL;

  while (g_ascii_isspace (*target))
    target++;
  if (*target == '\0')
    return MI_LINK_BROKEN;

  if (!wikilink && (scheme = g_uri_parse_scheme (target)) != NULL)
    {
      if (g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "mailto") == 0)
        return MI_LINK_WEB;
      return MI_LINK_OTHER_SCHEME;
    }

  hash = strchr (target, '#');
  if (fragment != NULL && hash != NULL && hash[1] != '\0')
    *fragment = g_strdup (hash + 1);
  path = hash ? g_strndup (target, hash - target) : g_strdup (target);
  if (*path == '\0')
    return hash ? MI_LINK_ANCHOR : MI_LINK_BROKEN;

  if (!wikilink)
    {
      /* Markdown destinations are URI references: %20 and the like. */
      char *query = strchr (path, '?');

      if (query != NULL)
        *query = '\0';
      unescaped = g_uri_unescape_string (path, NULL);
    }

  found = resolve_path (root, document, unescaped ? unescaped : path, wikilink);
  if (found == NULL)
    return MI_LINK_BROKEN;

  if (file != NULL)
    *file = found;
  else
    g_object_unref (found);
  return MI_LINK_FILE;
}
