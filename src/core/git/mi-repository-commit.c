/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-repository"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>

#include "mi-repository-private.h"

/*
 * MiRepository, committing: the identity commits are made with, and the
 * commit of exactly the chosen files.
 *
 * Committing "exactly the chosen files": the new tree is HEAD's tree (the
 * empty tree on an unborn branch) with only the chosen paths replaced by their
 * working-tree content (git_tree_create_updated, which rewrites only the trees
 * along those paths); then the repository's index is updated for those paths
 * only, so other staged changes stay staged.
 */

/**
 * mi_repository_get_identity:
 * @name: (out) (optional): the user's name, %NULL when git has none
 * @email: (out) (optional): the e-mail address, %NULL when git has none
 *
 * The identity commits are made with: GIT_AUTHOR_NAME / GIT_AUTHOR_EMAIL,
 * else user.name / user.email from git's configuration.
 *
 * Returns: %TRUE when both are known, else %FALSE with
 *   %MI_REPOSITORY_ERROR_NO_IDENTITY
 */
gboolean
mi_repository_get_identity (MiRepository  *self,
                            char         **name,
                            char         **email,
                            GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autofree char *the_name = NULL;
  g_autofree char *the_email = NULL;
  gboolean known;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), FALSE);

  repo = _mi_repository_open_git (self, error);
  if (repo == NULL)
    return FALSE;
  _mi_repository_read_identity (repo, &the_name, &the_email);
  known = the_name != NULL && the_email != NULL;
  if (!known)
    {
      g_autoptr(git_signature) unused = NULL;

      _mi_repository_make_signature (repo, &unused, error);
    }
  if (name != NULL)
    *name = g_steal_pointer (&the_name);
  if (email != NULL)
    *email = g_steal_pointer (&the_email);
  return known;
}

/**
 * mi_repository_set_identity:
 * Stores user.name and user.email in this repository's own configuration
 * (.git/config), for the commits made in it.
 */
gboolean
mi_repository_set_identity (MiRepository  *self,
                            const char    *name,
                            const char    *email,
                            GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_config) config = NULL;
  g_autoptr(git_config) local = NULL;
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *clean_email = g_strstrip (g_strdup (email ? email : ""));
  int rc;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), FALSE);

  if (*clean_name == '\0' || *clean_email == '\0' ||
      strpbrk (clean_name, "<>\n\r") != NULL || strpbrk (clean_email, "<> \n\r") != NULL ||
      strchr (clean_email, '@') == NULL)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_IDENTITY,
                           _("Give a name and an e-mail address like “Ada Lovelace” and "
                             "“ada@example.org”, without < or >."));
      return FALSE;
    }

  repo = _mi_repository_open_git (self, error);
  if (repo == NULL)
    return FALSE;

  rc = git_repository_config (&config, repo);
  if (rc == 0)
    rc = git_config_open_level (&local, config, GIT_CONFIG_LEVEL_LOCAL);
  if (rc == 0)
    rc = git_config_set_string (local, "user.name", clean_name);
  if (rc == 0)
    rc = git_config_set_string (local, "user.email", clean_email);
  if (rc < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not write the repository's configuration"));
  return TRUE;
}

typedef struct
{
  char          *path;
  gboolean       exists;
  struct stat    st;
  git_oid        id;
  git_filemode_t mode;
} CommitPath;

static void
commit_path_free (gpointer data)
{
  CommitPath *cp = data;

  g_free (cp->path);
  g_free (cp);
}

static void
fill_index_entry (git_index_entry   *entry,
                  const CommitPath  *cp)
{
  memset (entry, 0, sizeof *entry);
  entry->ctime.seconds = (int32_t) cp->st.st_ctim.tv_sec;
  entry->ctime.nanoseconds = (uint32_t) cp->st.st_ctim.tv_nsec;
  entry->mtime.seconds = (int32_t) cp->st.st_mtim.tv_sec;
  entry->mtime.nanoseconds = (uint32_t) cp->st.st_mtim.tv_nsec;
  entry->dev = (uint32_t) cp->st.st_dev;
  entry->ino = (uint32_t) cp->st.st_ino;
  entry->mode = cp->mode;
  entry->uid = (uint32_t) cp->st.st_uid;
  entry->gid = (uint32_t) cp->st.st_gid;
  entry->file_size = (uint32_t) cp->st.st_size;
  git_oid_cpy (&entry->id, &cp->id);
  entry->path = cp->path;
}

/**
 * mi_repository_commit:
 * @paths: the files to commit, relative to the working tree (see
 *   mi_change_set_get_paths(): both paths of a rename)
 * @message: the commit message
 * @warning: (out) (optional): set to a message to show with the success
 *   (a commit on a detached HEAD), else %NULL
 *
 * Commits exactly @paths as they are in the working tree (a path missing
 * there is committed as deleted) on top of HEAD, whatever else is staged or
 * modified, then updates the index for those paths only: other staged
 * changes stay staged. Works on an unborn branch and on a detached HEAD.
 * Refuses during a merge, rebase, cherry-pick, revert or bisect
 * (%MI_REPOSITORY_ERROR_BUSY), when index.lock exists
 * (%MI_REPOSITORY_ERROR_LOCKED, never removed), without an identity
 * (%MI_REPOSITORY_ERROR_NO_IDENTITY).
 *
 * Returns: (transfer full): the new commit, or %NULL with @error set
 */
MiCommitInfo *
mi_repository_commit (MiRepository        *self,
                      const char * const  *paths,
                      const char          *message,
                      char               **warning,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_signature) signature = NULL;
  g_autoptr(git_commit) head = NULL;
  g_autoptr(git_tree) base = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_index) index = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (commit_path_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) updates = g_array_new (FALSE, TRUE, sizeof (git_tree_update));
  g_auto(git_buf) clean_message = GIT_BUF_INIT;
  git_oid tree_id, commit_id;
  gboolean trust_filemode = TRUE;
  int rc;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  if (warning != NULL)
    *warning = NULL;

  if (paths == NULL || paths[0] == NULL)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOTHING_TO_COMMIT,
                           _("No file is chosen: choose the files to commit."));
      return NULL;
    }

  mi_repository_ensure_libgit2 ();
  if (git_message_prettify (&clean_message, message, 0, '#') < 0 || clean_message.size == 0)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_FAILED,
                           _("The commit message is empty: write what the commit changes."));
      return NULL;
    }

  repo = _mi_repository_open_git (self, error);
  if (repo == NULL || !_mi_repository_check_can_write (repo, error) ||
      !_mi_repository_make_signature (repo, &signature, error))
    return NULL;
  if (!_mi_repository_read_head (repo, &head, &base, error))
    return NULL;

  if (base == NULL)
    {
      g_autoptr(git_treebuilder) builder = NULL;
      git_oid empty_id;

      rc = git_treebuilder_new (&builder, repo, NULL);
      if (rc == 0)
        rc = git_treebuilder_write (&empty_id, builder);
      if (rc == 0)
        rc = git_tree_lookup (&base, repo, &empty_id);
      if (rc < 0)
        {
          _mi_repository_set_git_error (error, rc, _("Could not write the first commit's files"));
          return NULL;
        }
    }

  {
    g_autoptr(git_config) config = NULL;
    int value;

    if (git_repository_config_snapshot (&config, repo) == 0 &&
        git_config_get_bool (&value, config, "core.filemode") == 0)
      trust_filemode = value != 0;
  }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *clean = _mi_repository_clean_path (paths[i], error);
      g_autofree char *full = NULL;
      g_autoptr(git_tree_entry) old_entry = NULL;
      CommitPath *cp;
      git_tree_update update = { 0 };

      if (clean == NULL)
        return NULL;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (g_hash_table_contains (seen, clean))
        continue;

      cp = g_new0 (CommitPath, 1);
      cp->path = g_steal_pointer (&clean);
      g_ptr_array_add (items, cp);
      g_hash_table_add (seen, cp->path);

      full = g_build_filename (self->workdir_path, cp->path, NULL);
      git_tree_entry_bypath (&old_entry, base, cp->path);

      if (lstat (full, &cp->st) == 0)
        {
          if (S_ISDIR (cp->st.st_mode))
            {
              g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_INVALID_PATH,
                           _("“%s” is a folder: choose the files in it."), cp->path);
              return NULL;
            }
          cp->exists = TRUE;
          if (S_ISLNK (cp->st.st_mode))
            cp->mode = GIT_FILEMODE_LINK;
          else if (!trust_filemode)
            cp->mode = old_entry && git_tree_entry_filemode (old_entry) == GIT_FILEMODE_BLOB_EXECUTABLE
                       ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
          else
            cp->mode = (cp->st.st_mode & S_IXUSR) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;

          rc = git_blob_create_from_workdir (&cp->id, repo, cp->path);
          if (rc < 0)
            {
              g_autofree char *what = g_strdup_printf (_("Could not read “%s”"), cp->path);

              _mi_repository_set_git_error (error, rc, what);
              return NULL;
            }
          update.action = GIT_TREE_UPDATE_UPSERT;
          git_oid_cpy (&update.id, &cp->id);
          update.filemode = cp->mode;
        }
      else if (errno == ENOENT || errno == ENOTDIR)
        {
          if (old_entry == NULL)
            continue;   /* neither committed nor on disk: only the index may hold it */
          update.action = GIT_TREE_UPDATE_REMOVE;
        }
      else
        {
          g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_FAILED,
                       _("Could not read “%s”: %s"), cp->path, g_strerror (errno));
          return NULL;
        }

      update.path = cp->path;
      g_array_append_val (updates, update);
    }

  if (updates->len > 0)
    rc = git_tree_create_updated (&tree_id, repo, base, updates->len, (git_tree_update *) updates->data);
  else
    {
      git_oid_cpy (&tree_id, git_tree_id (base));
      rc = 0;
    }
  if (rc < 0)
    {
      _mi_repository_set_git_error (error, rc, _("Could not write the commit's files"));
      return NULL;
    }

  if (head != NULL && git_oid_equal (&tree_id, git_tree_id (base)))
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOTHING_TO_COMMIT,
                           _("The chosen files are the same as in the last commit: there is "
                             "nothing to commit."));
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  rc = git_tree_lookup (&tree, repo, &tree_id);
  if (rc == 0)
    {
      const git_commit *parents[1] = { head };

      rc = git_commit_create (&commit_id, repo, "HEAD", signature, signature, NULL,
                              clean_message.ptr, tree, head ? 1 : 0, parents);
    }
  if (rc == GIT_EMODIFIED)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_FAILED,
                           _("Another program committed while this commit was being made: "
                             "review the changes again, then commit."));
      return NULL;
    }
  if (rc < 0 || (rc = git_commit_lookup (&commit, repo, &commit_id)) < 0)
    {
      _mi_repository_set_git_error (error, rc, _("Could not make the commit"));
      return NULL;
    }

  if (git_repository_head_detached (repo) == 1 && warning != NULL)
    *warning = g_strdup (_("The commit was made on a detached HEAD: no branch points to it, so it "
                           "is easily lost. Create a branch for it (“git switch -c NAME”)."));

  /* The index: only the committed paths change. */
  rc = git_repository_index (&index, repo);
  for (guint i = 0; rc == 0 && i < items->len; i++)
    {
      CommitPath *cp = g_ptr_array_index (items, i);

      if (cp->exists)
        {
          git_index_entry entry;

          fill_index_entry (&entry, cp);
          rc = git_index_add (index, &entry);
        }
      else
        {
          git_index_remove (index, cp->path, 0);
          git_index_conflict_remove (index, cp->path);
        }
    }
  if (rc == 0)
    rc = git_index_write (index);
  if (rc < 0 && warning != NULL)
    {
      g_free (*warning);
      *warning = g_strdup_printf (_("The commit was made, but git's index could not be updated "
                                    "(%s): “git status” may show the committed files as changed "
                                    "until you run “git reset”."), _mi_repository_last_git_message ());
    }

  return _mi_commit_info_new (commit);
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  MiCommitInfo *info = mi_repository_commit (source_object, (const char * const *) td->paths,
                                             td->message, &td->warning, cancellable, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, g_object_unref);
}

void
mi_repository_commit_async (MiRepository        *self,
                            const char * const  *paths,
                            const char          *message,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (MI_IS_REPOSITORY (self));
  g_return_if_fail (message != NULL);

  task = _mi_repository_new_task (self, cancellable, callback, user_data, mi_repository_commit_async, &data);
  data->paths = g_strdupv ((char **) paths);
  data->message = g_strdup (message);
  g_task_run_in_thread (task, commit_thread);
}

/**
 * mi_repository_commit_finish:
 * @warning: (out) (optional): see mi_repository_commit()
 *
 * Returns: (transfer full): the new commit, or %NULL with @error set
 */
MiCommitInfo *
mi_repository_commit_finish (MiRepository  *self,
                             GAsyncResult  *result,
                             char         **warning,
                             GError       **error)
{
  TaskData *td;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  td = g_task_get_task_data (G_TASK (result));
  if (warning != NULL)
    *warning = g_steal_pointer (&td->warning);
  return g_task_propagate_pointer (G_TASK (result), error);
}
