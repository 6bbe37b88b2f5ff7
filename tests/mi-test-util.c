/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mi-test-util.h"

/* A path inside the source tree: $MI_SOURCE_ROOT/first/… */
char *
mi_test_source_path (const char *first,
                     ...)
{
  const char *root = g_getenv ("MI_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

void
mi_test_copy_dir (const char *source,
                  const char *dest)
{
  g_autoptr(GDir) dir = g_dir_open (source, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (dest, 0755), ==, 0);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (source, name, NULL);
      g_autofree char *to = g_build_filename (dest, name, NULL);

      if (g_file_test (from, G_FILE_TEST_IS_DIR))
        mi_test_copy_dir (from, to);
      else
        {
          g_autofree char *data = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (from, &data, &len, NULL));
          g_assert_true (g_file_set_contents (to, data, len, NULL));
        }
    }
}

/* Copies @source into a new temporary folder; returns the folder. */
char *
mi_test_copy_tree (const char *source)
{
  g_autoptr(GError) error = NULL;
  char *tmp = g_dir_make_tmp ("mi-test-XXXXXX", &error);

  g_assert_no_error (error);
  mi_test_copy_dir (source, tmp);
  return tmp;
}

void
mi_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        mi_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
read_tree_into (GHashTable *table,
                const char *root,
                const char *relative)
{
  g_autofree char *path = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *rel = relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *child = g_build_filename (root, rel, NULL);

      if (g_str_equal (name, ".git"))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        read_tree_into (table, root, rel);
      else
        {
          char *data = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (child, &data, &len, NULL));
          g_hash_table_insert (table, g_steal_pointer (&rel), g_bytes_new_take (data, len));
        }
    }
}

/* Every file under @root (but .git): relative path → GBytes. */
GHashTable *
mi_test_read_tree (const char *root)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);

  read_tree_into (table, root, NULL);
  return table;
}

char *
mi_test_read_file (const char *path,
                   gsize      *len)
{
  char *data = NULL;

  if (!g_file_get_contents (path, &data, len, NULL))
    return NULL;
  return data;
}
