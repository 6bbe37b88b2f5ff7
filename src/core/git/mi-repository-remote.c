/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-repository"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-repository-private.h"

/*
 * MiRepository, the network: fetch, pull, push and sync with the current
 * branch's upstream. libgit2 calls back on the worker thread; the "progress"
 * signal and the questions for credentials (a MiCredentialsRequest; the
 * answer is kept in memory only) go to the main context of the _async call,
 * or stay on the calling thread for the synchronous functions; every
 * callback checks for cancellation (mi-repository-transport.c). What a pull
 * does with the fetched commits, a fast-forward or a merge, is in
 * mi-repository-merge.c.
 */

/* ---------------------------------------------------------------------- */
/* The current branch and its upstream                                     */

static void
upstream_clear (Upstream *up)
{
  g_free (up->branch_ref);
  g_free (up->branch_name);
  g_free (up->remote);
  g_free (up->merge_ref);
  g_free (up->tracking_ref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Upstream, upstream_clear)

static gboolean
find_upstream (git_repository  *repo,
               Upstream        *up,
               GError         **error)
{
  g_autoptr(git_reference) head = NULL;
  g_auto(git_buf) remote = GIT_BUF_INIT;
  g_auto(git_buf) merge = GIT_BUF_INIT;
  g_auto(git_buf) tracking = GIT_BUF_INIT;
  int rc;

  if (git_repository_head_detached (repo) == 1)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_UPSTREAM,
                           _("No branch is checked out (HEAD is detached), so there is nothing to "
                             "sync. Check out a branch (“git switch main”), then sync."));
      return FALSE;
    }

  rc = git_reference_lookup (&head, repo, "HEAD");
  if (rc < 0 || git_reference_type (head) != GIT_REFERENCE_SYMBOLIC)
    return _mi_repository_set_git_error (error, rc < 0 ? rc : GIT_ERROR, _("Could not read HEAD"));

  up->branch_ref = g_strdup (git_reference_symbolic_target (head));
  up->branch_name = g_strdup (g_str_has_prefix (up->branch_ref, "refs/heads/")
                              ? up->branch_ref + strlen ("refs/heads/") : up->branch_ref);

  if (git_branch_upstream_remote (&remote, repo, up->branch_ref) == 0 &&
      git_branch_upstream_merge (&merge, repo, up->branch_ref) == 0)
    {
      up->configured = TRUE;
      up->remote = g_strndup (remote.ptr, remote.size);
      up->merge_ref = g_strndup (merge.ptr, merge.size);
      if (git_branch_upstream_name (&tracking, repo, up->branch_ref) == 0)
        up->tracking_ref = g_strndup (tracking.ptr, tracking.size);
      else
        up->tracking_ref = g_strdup_printf ("refs/remotes/%s/%s", up->remote,
                                            g_str_has_prefix (up->merge_ref, "refs/heads/")
                                            ? up->merge_ref + strlen ("refs/heads/") : up->merge_ref);
      return TRUE;
    }

  {
    g_autoptr(git_remote) origin = NULL;
    git_strarray names = { NULL, 0 };
    const char *name = NULL;

    if (git_remote_lookup (&origin, repo, "origin") == 0)
      name = "origin";
    else if (git_remote_list (&names, repo) == 0 && names.count == 1)
      name = names.strings[0];

    if (name == NULL)
      {
        git_strarray_dispose (&names);
        g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_UPSTREAM,
                     _("The branch “%s” has no remote to sync with. Add the team's repository "
                       "with “git remote add origin URL”, then sync."), up->branch_name);
        return FALSE;
      }

    up->remote = g_strdup (name);
    git_strarray_dispose (&names);
  }
  up->merge_ref = g_strdup (up->branch_ref);
  up->tracking_ref = g_strdup_printf ("refs/remotes/%s/%s", up->remote, up->branch_name);
  return TRUE;
}

static gboolean
do_fetch (Op              *op,
          git_repository  *repo,
          Upstream        *up,
          GError         **error)
{
  g_autoptr(git_remote) remote = NULL;
  git_fetch_options options;
  g_autofree char *message = NULL;
  const char *url;
  int rc;

  if (_mi_repository_op_check_cancelled (op))
    return _mi_repository_set_cancelled (error);

  rc = git_remote_lookup (&remote, repo, up->remote);
  if (rc < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not read the remote"));
  url = git_remote_url (remote) ? git_remote_url (remote) : up->remote;

  git_fetch_options_init (&options, GIT_FETCH_OPTIONS_VERSION);
  _mi_repository_op_set_callbacks (op, &options.callbacks);

  message = g_strdup_printf (_("Fetching from %s"), url);
  _mi_repository_op_emit_progress (op, message, -1, TRUE);

  rc = git_remote_fetch (remote, NULL, &options, NULL);
  if (rc < 0)
    return _mi_repository_set_remote_error (op, rc, url, error);
  return TRUE;
}

static gboolean
do_push (Op              *op,
         git_repository  *repo,
         Upstream        *up,
         GError         **error)
{
  g_autoptr(git_remote) remote = NULL;
  g_autofree char *refspec = NULL;
  git_push_options options;
  git_strarray specs;
  const char *url;
  git_oid local_id;
  int rc;

  if (_mi_repository_op_check_cancelled (op))
    return _mi_repository_set_cancelled (error);

  if (git_reference_name_to_id (&local_id, repo, up->branch_ref) < 0)
    return TRUE;   /* an unborn branch: nothing to send */

  rc = git_remote_lookup (&remote, repo, up->remote);
  if (rc < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not read the remote"));
  url = git_remote_url (remote) ? git_remote_url (remote) : up->remote;

  refspec = g_strdup_printf ("%s:%s", up->branch_ref, up->merge_ref);
  specs.strings = &refspec;
  specs.count = 1;

  git_push_options_init (&options, GIT_PUSH_OPTIONS_VERSION);
  _mi_repository_op_set_callbacks (op, &options.callbacks);

  {
    g_autofree char *message = g_strdup_printf (_("Pushing to %s"), url);

    _mi_repository_op_emit_progress (op, message, -1, TRUE);
  }

  rc = git_remote_push (remote, &specs, &options);
  if (rc < 0)
    return _mi_repository_set_remote_error (op, rc, url, error);

  if (op->rejection != NULL)
    {
      if (strstr (op->rejection, "non-fast-forward") != NULL || strstr (op->rejection, "fetch first") != NULL)
        g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NON_FAST_FORWARD,
                     _("%s has commits that you do not have yet, so pushing would lose them. Pull "
                       "first (sync does both), then push again."), url);
      else
        g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_REJECTED,
                     _("%s refused the push: %s. The branch may be protected, or a hook on the "
                       "server refused it: ask the repository's maintainers."), url, op->rejection);
      return FALSE;
    }

  if (!up->configured)
    {
      g_autoptr(git_reference) branch = NULL;
      g_autofree char *name = g_strdup_printf ("%s/%s", up->remote, up->branch_name);

      if (git_branch_lookup (&branch, repo, up->branch_name, GIT_BRANCH_LOCAL) == 0 &&
          git_branch_set_upstream (branch, name) == 0)
        up->configured = TRUE;
    }

  _mi_repository_op_emit_progress (op, _("Pushed"), 1, TRUE);
  return TRUE;
}

static gboolean
count_ahead (git_repository *repo,
             Upstream       *up,
             gsize          *ahead,
             gsize          *behind)
{
  git_oid local_id, remote_id;

  *ahead = *behind = 0;
  if (git_reference_name_to_id (&local_id, repo, up->branch_ref) < 0)
    return FALSE;
  if (git_reference_name_to_id (&remote_id, repo, up->tracking_ref) < 0)
    {
      *ahead = 1;   /* the remote has no such branch: everything is new */
      return TRUE;
    }
  return git_graph_ahead_behind (ahead, behind, repo, &local_id, &remote_id) == 0;
}

static gboolean
fetch_internal (MiRepository  *self,
                GMainContext  *context,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(git_repository) repo = _mi_repository_open_git (self, error);
  g_auto(Upstream) up = { 0 };
  Op op;
  gboolean ok;

  if (repo == NULL || !find_upstream (repo, &up, error))
    return FALSE;
  _mi_repository_op_init (&op, self, context, cancellable);
  ok = do_fetch (&op, repo, &up, error);
  _mi_repository_op_clear (&op);
  return ok;
}

static gboolean
pull_internal (MiRepository  *self,
               GMainContext  *context,
               MiPullResult  *result,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(git_repository) repo = _mi_repository_open_git (self, error);
  g_auto(Upstream) up = { 0 };
  Op op;
  gboolean ok;

  if (repo == NULL || !find_upstream (repo, &up, error) || !_mi_repository_check_can_write (repo, error))
    return FALSE;
  _mi_repository_op_init (&op, self, context, cancellable);
  ok = do_fetch (&op, repo, &up, error) && _mi_repository_pull_upstream (&op, repo, &up, result, error);
  _mi_repository_op_clear (&op);
  return ok;
}

static gboolean
push_internal (MiRepository  *self,
               GMainContext  *context,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(git_repository) repo = _mi_repository_open_git (self, error);
  g_auto(Upstream) up = { 0 };
  Op op;
  gboolean ok;

  if (repo == NULL || !find_upstream (repo, &up, error))
    return FALSE;
  _mi_repository_op_init (&op, self, context, cancellable);
  ok = do_push (&op, repo, &up, error);
  _mi_repository_op_clear (&op);
  return ok;
}

static char *
sync_internal (MiRepository  *self,
               GMainContext  *context,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(git_repository) repo = _mi_repository_open_git (self, error);
  g_auto(Upstream) up = { 0 };
  MiPullResult pulled = MI_PULL_UP_TO_DATE;
  GString *summary;
  gsize ahead = 0, behind = 0;
  Op op;

  if (repo == NULL || !find_upstream (repo, &up, error) || !_mi_repository_check_can_write (repo, error))
    return NULL;

  _mi_repository_op_init (&op, self, context, cancellable);
  if (!do_fetch (&op, repo, &up, error) || !_mi_repository_pull_upstream (&op, repo, &up, &pulled, error))
    {
      _mi_repository_op_clear (&op);
      return NULL;
    }

  count_ahead (repo, &up, &ahead, &behind);
  if (ahead > 0 && !do_push (&op, repo, &up, error))
    {
      _mi_repository_op_clear (&op);
      return NULL;
    }
  _mi_repository_op_clear (&op);

  summary = g_string_new (NULL);
  switch (pulled)
    {
    case MI_PULL_FAST_FORWARD:
      g_string_append (summary, _("Received the remote's new commits."));
      break;
    case MI_PULL_MERGED:
      g_string_append (summary, _("Merged the remote's new commits with yours."));
      break;
    case MI_PULL_UP_TO_DATE:
    default:
      if (ahead == 0)
        g_string_append (summary, _("Already up to date."));
      break;
    }
  if (ahead > 0)
    {
      if (summary->len > 0)
        g_string_append_c (summary, ' ');
      g_string_append (summary, _("Sent your commits."));
    }
  return g_string_free (summary, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

/**
 * mi_repository_fetch:
 * Fetches the current branch's remote (its upstream's, else "origin").
 */
gboolean
mi_repository_fetch (MiRepository  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (MI_IS_REPOSITORY (self), FALSE);
  return fetch_internal (self, NULL, cancellable, error);
}

/**
 * mi_repository_pull:
 * @result: (out) (optional): what the pull did
 *
 * Fetches, then brings the upstream's commits into the current branch: a
 * fast-forward, or a merge commit when both sides have new commits and they
 * do not conflict. On conflicts the repository is left merging, as git
 * leaves it, and the error (%MI_REPOSITORY_ERROR_CONFLICT) lists the files.
 */
gboolean
mi_repository_pull (MiRepository  *self,
                    MiPullResult  *result,
                    GCancellable  *cancellable,
                    GError       **error)
{
  MiPullResult unused;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), FALSE);
  return pull_internal (self, NULL, result ? result : &unused, cancellable, error);
}

/**
 * mi_repository_push:
 * Sends the current branch to its upstream (to the branch of the same name
 * on "origin" when none is set, which then becomes the upstream).
 */
gboolean
mi_repository_push (MiRepository  *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (MI_IS_REPOSITORY (self), FALSE);
  return push_internal (self, NULL, cancellable, error);
}

/**
 * mi_repository_sync:
 * Fetch, pull, then push when the branch has commits the remote does not.
 *
 * Returns: (transfer full): a one-line summary of what happened, or %NULL
 *   with @error set
 */
char *
mi_repository_sync (MiRepository  *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);
  return sync_internal (self, NULL, cancellable, error);
}

typedef enum
{
  SYNC_FETCH,
  SYNC_PULL,
  SYNC_PUSH,
  SYNC_ALL,
} SyncKind;

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *td = task_data;
  GMainContext *context = g_task_get_context (task);
  SyncKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "mi-sync-kind"));
  GError *error = NULL;

  switch (kind)
    {
    case SYNC_FETCH:
      if (fetch_internal (source_object, context, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case SYNC_PULL:
      if (pull_internal (source_object, context, &td->pull_result, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case SYNC_PUSH:
      if (push_internal (source_object, context, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case SYNC_ALL:
    default:
      {
        char *summary = sync_internal (source_object, context, cancellable, &error);

        if (summary == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, summary, g_free);
      }
      break;
    }
}

static void
run_sync_task (MiRepository        *self,
               SyncKind             kind,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  task = _mi_repository_new_task (self, cancellable, callback, user_data, source_tag, &data);
  g_object_set_data (G_OBJECT (task), "mi-sync-kind", GINT_TO_POINTER (kind));
  g_task_run_in_thread (task, sync_thread);
}

void
mi_repository_fetch_async (MiRepository        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (MI_IS_REPOSITORY (self));
  run_sync_task (self, SYNC_FETCH, mi_repository_fetch_async, cancellable, callback, user_data);
}

gboolean
mi_repository_fetch_finish (MiRepository  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mi_repository_pull_async (MiRepository        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (MI_IS_REPOSITORY (self));
  run_sync_task (self, SYNC_PULL, mi_repository_pull_async, cancellable, callback, user_data);
}

gboolean
mi_repository_pull_finish (MiRepository  *self,
                           GAsyncResult  *result,
                           MiPullResult  *pull_result,
                           GError       **error)
{
  TaskData *td;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  td = g_task_get_task_data (G_TASK (result));
  if (pull_result != NULL)
    *pull_result = td->pull_result;
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mi_repository_push_async (MiRepository        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (MI_IS_REPOSITORY (self));
  run_sync_task (self, SYNC_PUSH, mi_repository_push_async, cancellable, callback, user_data);
}

gboolean
mi_repository_push_finish (MiRepository  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mi_repository_sync_async (MiRepository        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (MI_IS_REPOSITORY (self));
  run_sync_task (self, SYNC_ALL, mi_repository_sync_async, cancellable, callback, user_data);
}

/**
 * mi_repository_sync_finish:
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
char *
mi_repository_sync_finish (MiRepository  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
