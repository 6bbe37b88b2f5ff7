/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mi-repository-private.h"

/*
 * MiRepository, the history: the commits that changed a file or folder, as
 * MiCommitInfo, and the bytes of a file at one commit.
 */

/**
 * mi_repository_get_history:
 * @path: a file or folder, relative to the working tree
 *   ("docs/meta-issues/api-latency")
 *
 * The commits reachable from HEAD that changed @path, newest first. A merge
 * is listed only when it differs from every parent there, like `git log`.
 *
 * Returns: (transfer full): a GListModel of MiCommitInfo (empty on an unborn branch)
 */
GListModel *
mi_repository_get_history (MiRepository  *self,
                           const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_revwalk) walk = NULL;
  g_autoptr(GListStore) store = g_list_store_new (MI_TYPE_COMMIT_INFO);
  g_autofree char *clean = NULL;
  git_oid id;
  int rc;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);

  if ((clean = _mi_repository_clean_path (path, error)) == NULL)
    return NULL;
  repo = _mi_repository_open_git (self, error);
  if (repo == NULL)
    return NULL;

  rc = git_revwalk_new (&walk, repo);
  if (rc == 0)
    rc = git_revwalk_sorting (walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  if (rc == 0)
    {
      rc = git_revwalk_push_head (walk);
      if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH)
        return G_LIST_MODEL (g_steal_pointer (&store));
    }
  if (rc < 0)
    {
      _mi_repository_set_git_error (error, rc, _("Could not read the history"));
      return NULL;
    }

  while ((rc = git_revwalk_next (&id, walk)) == 0)
    {
      g_autoptr(git_commit) commit = NULL;
      g_autoptr(git_tree) tree = NULL;
      git_oid here;
      gboolean present, include;
      guint n_parents;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (git_commit_lookup (&commit, repo, &id) < 0 || git_commit_tree (&tree, commit) < 0)
        continue;

      present = _mi_repository_tree_entry_id (tree, clean, &here);
      n_parents = git_commit_parentcount (commit);
      include = n_parents == 0 ? present : TRUE;

      for (guint p = 0; p < n_parents && include; p++)
        {
          g_autoptr(git_commit) parent = NULL;
          g_autoptr(git_tree) parent_tree = NULL;
          git_oid there;
          gboolean parent_present;

          if (git_commit_parent (&parent, commit, p) < 0 || git_commit_tree (&parent_tree, parent) < 0)
            continue;
          parent_present = _mi_repository_tree_entry_id (parent_tree, clean, &there);
          if (parent_present == present && (!present || git_oid_equal (&here, &there)))
            include = FALSE;
        }

      if (include)
        {
          MiCommitInfo *info = _mi_commit_info_new (commit);

          g_list_store_append (store, info);
          g_object_unref (info);
        }
    }
  if (rc != GIT_ITEROVER)
    {
      _mi_repository_set_git_error (error, rc, _("Could not read the history"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static void
history_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  GListModel *model = mi_repository_get_history (source_object, td->path, cancellable, &error);

  if (model == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

void
mi_repository_get_history_async (MiRepository        *self,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (MI_IS_REPOSITORY (self));

  task = _mi_repository_new_task (self, cancellable, callback, user_data, mi_repository_get_history_async, &data);
  data->path = g_strdup (path);
  g_task_run_in_thread (task, history_thread);
}

/**
 * mi_repository_get_history_finish:
 * Returns: (transfer full): a GListModel of MiCommitInfo
 */
GListModel *
mi_repository_get_history_finish (MiRepository  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mi_repository_get_file_at:
 * @revision: a commit id (or anything git names a commit with), %NULL for HEAD
 *
 * Returns: (transfer full): the bytes of @path at @revision, or %NULL with
 *   %MI_REPOSITORY_ERROR_NOT_FOUND
 */
GBytes *
mi_repository_get_file_at (MiRepository  *self,
                           const char    *revision,
                           const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_object) object = NULL;
  g_autoptr(git_object) tree = NULL;
  g_autofree char *clean = NULL;
  GBytes *bytes;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);

  if ((clean = _mi_repository_clean_path (path, error)) == NULL)
    return NULL;
  repo = _mi_repository_open_git (self, error);
  if (repo == NULL)
    return NULL;

  if (git_revparse_single (&object, repo, revision ? revision : "HEAD") < 0 ||
      git_object_peel (&tree, object, GIT_OBJECT_TREE) < 0)
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOT_FOUND,
                   _("There is no commit “%s” in this repository."), revision ? revision : "HEAD");
      return NULL;
    }

  bytes = _mi_repository_read_tree_file (repo, (git_tree *) tree, clean);
  if (bytes == NULL)
    g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOT_FOUND,
                 _("“%s” is not in commit %s."), clean, revision ? revision : "HEAD");
  return bytes;
}

static void
file_at_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  GBytes *bytes = mi_repository_get_file_at (source_object, td->revision, td->path, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
mi_repository_get_file_at_async (MiRepository        *self,
                                 const char          *revision,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (MI_IS_REPOSITORY (self));

  task = _mi_repository_new_task (self, cancellable, callback, user_data, mi_repository_get_file_at_async, &data);
  data->revision = g_strdup (revision);
  data->path = g_strdup (path);
  g_task_run_in_thread (task, file_at_thread);
}

GBytes *
mi_repository_get_file_at_finish (MiRepository  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
