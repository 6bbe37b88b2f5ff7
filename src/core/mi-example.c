/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-example"

#include "config.h"

#include <string.h>

#include <git2.h>
#include <glib/gi18n-lib.h>

#include "mi-core-resources.h"
#include "mi-example.h"
#include "mi-repository.h"

#define EXAMPLE_PATH RESOURCE_BASE "/example/"

#define FALLBACK_NAME  "Meta-Issues"
#define FALLBACK_EMAIL "meta-issues@localhost"

static gboolean
set_git_error (GError     **error,
               const char  *what)
{
  const git_error *git_err = git_error_last ();

  /* Translators: the first %s says what failed, the second is libgit2's reason. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not make the example a git repository: %s: %s"),
               what,
               git_err != NULL && git_err->message != NULL ? git_err->message : _("unknown error"));

  return FALSE;
}

/* Writes @bytes into a new file; a file that exists is left alone. */
static gboolean
write_new_file (GFile         *file,
                GBytes        *bytes,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  stream = g_file_create (file, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (len > 0 &&
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, len, NULL, cancellable, error))
    return FALSE;

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

static gboolean
make_directory (GFile         *dir,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (dir, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Copies the resource folder @path (ending in "/") into @dest, recursively. */
static gboolean
copy_resource_tree (GResource     *resource,
                    const char    *path,
                    GFile         *dest,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_auto(GStrv) children = NULL;

  children = g_resource_enumerate_children (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (children == NULL)
    return FALSE;

  if (!make_directory (dest, cancellable, error))
    return FALSE;

  for (guint i = 0; children[i] != NULL; i++)
    {
      const char *name = children[i];
      g_autofree char *child_path = g_strconcat (path, name, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (g_str_has_suffix (name, "/"))
        {
          g_autofree char *dir_name = g_strndup (name, strlen (name) - 1);
          g_autoptr(GFile) child = g_file_get_child (dest, dir_name);

          if (!copy_resource_tree (resource, child_path, child, cancellable, error))
            return FALSE;
        }
      else
        {
          g_autoptr(GFile) child = g_file_get_child (dest, name);
          g_autoptr(GBytes) bytes = NULL;

          bytes = g_resource_lookup_data (resource, child_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
          if (bytes == NULL)
            return FALSE;

          if (!write_new_file (child, bytes, cancellable, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Makes @path a git repository with one commit of every file in it. */
static gboolean
init_repository (const char  *path,
                 GError     **error)
{
  git_repository *repo = NULL;
  git_index *index = NULL;
  git_tree *tree = NULL;
  git_signature *signature = NULL;
  git_strarray everything = { NULL, 0 };
  git_oid tree_id;
  git_oid commit_id;
  gboolean ret = FALSE;

  mi_repository_ensure_libgit2 ();

  if (git_repository_init (&repo, path, 0) < 0)
    {
      set_git_error (error, "git_repository_init");
      goto out;
    }

  if (git_repository_index (&index, repo) < 0 ||
      git_index_add_all (index, &everything, GIT_INDEX_ADD_DEFAULT, NULL, NULL) < 0 ||
      git_index_write (index) < 0 ||
      git_index_write_tree (&tree_id, index) < 0)
    {
      set_git_error (error, "git_index");
      goto out;
    }

  if (git_tree_lookup (&tree, repo, &tree_id) < 0)
    {
      set_git_error (error, "git_tree_lookup");
      goto out;
    }

  /* The user's name and email when git knows them, else the app's own. */
  if (git_signature_default (&signature, repo) < 0 &&
      git_signature_now (&signature, FALLBACK_NAME, FALLBACK_EMAIL) < 0)
    {
      set_git_error (error, "git_signature_now");
      goto out;
    }

  if (git_commit_create_v (&commit_id, repo, "HEAD", signature, signature, NULL,
                           "Add the Meta-Issues example\n", tree, 0) < 0)
    {
      set_git_error (error, "git_commit_create");
      goto out;
    }

  ret = TRUE;

out:
  g_clear_pointer (&signature, git_signature_free);
  g_clear_pointer (&tree, git_tree_free);
  g_clear_pointer (&index, git_index_free);
  g_clear_pointer (&repo, git_repository_free);

  return ret;
}

/**
 * mi_example_install:
 * @dest: the folder to install into, created when missing
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Copies the bundled example workspace into @dest. Files that already exist
 * keep their content. When @dest has no `.git`, it becomes a git repository
 * with one commit of all its files. Blocks: call it from a worker thread.
 *
 * Returns: %TRUE on success
 */
gboolean
mi_example_install (GFile         *dest,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) dot_git = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!copy_resource_tree (mi_core_get_resource (), EXAMPLE_PATH, dest, cancellable, error))
    return FALSE;

  dot_git = g_file_get_child (dest, ".git");
  if (g_file_query_exists (dot_git, cancellable))
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (dest);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (dest);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot make “%s” a git repository: it is not a local folder"), uri);
      return FALSE;
    }

  return init_repository (path, error);
}
