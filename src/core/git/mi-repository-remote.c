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
 * callback checks for cancellation.
 */

/* What one network operation carries through libgit2's callbacks. */
typedef struct
{
  MiRepository *self;
  GCancellable *cancellable;
  GMainContext *context;       /* progress and questions go there; NULL: this thread */
  gint64        last_progress;
  guint         n_asked;
  gboolean      used_cache;
  gboolean      tried_agent;
  gboolean      auth_refused;
  gboolean      cancelled;
  char         *rejection;     /* the remote's reason for refusing a ref */
} Op;

static void
op_init (Op           *op,
         MiRepository *self,
         GMainContext *context,
         GCancellable *cancellable)
{
  memset (op, 0, sizeof *op);
  op->self = self;
  op->context = context;
  op->cancellable = cancellable;
}

static void
op_clear (Op *op)
{
  g_clear_pointer (&op->rejection, g_free);
}

static gboolean
set_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Progress, cancellation and credentials through libgit2's callbacks      */

typedef struct
{
  MiRepository *self;
  char         *message;
  double        fraction;
} ProgressData;

static void
progress_data_free (gpointer data)
{
  ProgressData *progress = data;

  g_object_unref (progress->self);
  g_free (progress->message);
  g_free (progress);
}

static gboolean
emit_progress_cb (gpointer data)
{
  ProgressData *progress = data;

  _mi_repository_emit_progress (progress->self, progress->message, progress->fraction);
  return G_SOURCE_REMOVE;
}

static void
emit_progress (Op         *op,
               const char *message,
               double      fraction,
               gboolean    force)
{
  gint64 now = g_get_monotonic_time ();
  ProgressData *progress;

  if (!force && now - op->last_progress < 100 * 1000)
    return;
  op->last_progress = now;

  if (op->context == NULL)
    {
      _mi_repository_emit_progress (op->self, message, fraction);
      return;
    }

  progress = g_new0 (ProgressData, 1);
  progress->self = g_object_ref (op->self);
  progress->message = g_strdup (message);
  progress->fraction = fraction;
  g_main_context_invoke_full (op->context, G_PRIORITY_DEFAULT, emit_progress_cb, progress,
                              progress_data_free);
}

static gboolean
op_check_cancelled (Op *op)
{
  if (g_cancellable_is_cancelled (op->cancellable))
    op->cancelled = TRUE;
  return op->cancelled;
}

static int
transfer_progress_cb (const git_indexer_progress *stats,
                      void                       *payload)
{
  Op *op = payload;
  g_autofree char *message = NULL;
  double fraction = -1;

  if (op_check_cancelled (op))
    return GIT_EUSER;

  if (stats->total_objects > 0)
    {
      fraction = (double) (stats->received_objects + stats->indexed_deltas) /
                 (double) (stats->total_objects + stats->total_deltas);
      if (stats->received_objects < stats->total_objects)
        message = g_strdup_printf (_("Receiving objects: %u of %u"),
                                   stats->received_objects, stats->total_objects);
      else
        message = g_strdup_printf (_("Resolving deltas: %u of %u"),
                                   stats->indexed_deltas, stats->total_deltas);
    }
  else
    message = g_strdup (_("Receiving objects"));

  emit_progress (op, message, fraction, FALSE);
  return 0;
}

static int
sideband_progress_cb (const char *str,
                      int         len,
                      void       *payload)
{
  return op_check_cancelled (payload) ? GIT_EUSER : 0;
}

static int
push_transfer_progress_cb (unsigned int current,
                           unsigned int total,
                           size_t       bytes,
                           void        *payload)
{
  Op *op = payload;
  g_autofree char *message = NULL;

  if (op_check_cancelled (op))
    return GIT_EUSER;

  message = g_strdup_printf (_("Sending objects: %u of %u"), current, total);
  emit_progress (op, message, total > 0 ? (double) current / total : -1, FALSE);
  return 0;
}

static int
push_update_reference_cb (const char *refname,
                          const char *status,
                          void       *data)
{
  Op *op = data;

  if (status != NULL && op->rejection == NULL)
    op->rejection = g_strdup (status);
  return 0;
}

typedef struct
{
  MiRepository         *self;
  MiCredentialsRequest *request;
} AskData;

static void
ask_data_free (gpointer data)
{
  AskData *ask = data;

  g_object_unref (ask->self);
  g_object_unref (ask->request);
  g_free (ask);
}

static gboolean
ask_cb (gpointer data)
{
  AskData *ask = data;
  MiCredentialsFunc func;
  gpointer func_data;

  g_mutex_lock (&ask->self->lock);
  func = ask->self->credentials_func;
  func_data = ask->self->credentials_data;
  g_mutex_unlock (&ask->self->lock);

  if (func != NULL)
    func (ask->self, ask->request, func_data);
  else
    mi_credentials_request_cancel (ask->request);
  return G_SOURCE_REMOVE;
}

/* Asks the user through the credentials function and waits for the answer. */
static gboolean
ask_credentials (Op          *op,
                 const char  *url,
                 const char  *username,
                 gboolean     retry,
                 char       **out_username,
                 char       **out_password)
{
  g_autoptr(MiCredentialsRequest) request = g_object_new (MI_TYPE_CREDENTIALS_REQUEST, NULL);
  AskData *ask = g_new0 (AskData, 1);
  gboolean answered;

  request->url = g_strdup (url);
  request->username = g_strdup (username);
  request->retry = retry;
  ask->self = g_object_ref (op->self);
  ask->request = g_object_ref (request);

  if (op->context == NULL)
    {
      ask_cb (ask);
      ask_data_free (ask);
      /* The synchronous functions need an answer before the function returns. */
      mi_credentials_request_cancel (request);
    }
  else
    g_main_context_invoke_full (op->context, G_PRIORITY_DEFAULT, ask_cb, ask, ask_data_free);

  g_mutex_lock (&request->lock);
  while (!request->done && !g_cancellable_is_cancelled (op->cancellable))
    g_cond_wait_until (&request->cond, &request->lock, g_get_monotonic_time () + 100 * 1000);
  answered = request->answer_password != NULL;
  if (answered)
    {
      *out_username = g_strdup (request->answer_username);
      *out_password = g_strdup (request->answer_password);
    }
  request->done = TRUE;
  g_mutex_unlock (&request->lock);

  return answered;
}

static int
credentials_cb (git_credential **out,
                const char      *url,
                const char      *username_from_url,
                unsigned int     allowed_types,
                void            *payload)
{
  Op *op = payload;
  MiRepository *self = op->self;

  if (op_check_cancelled (op))
    return GIT_EUSER;

  if ((allowed_types & GIT_CREDENTIAL_SSH_KEY) != 0)
    {
      if (op->tried_agent)
        {
          op->auth_refused = TRUE;
          return GIT_EAUTH;
        }
      op->tried_agent = TRUE;
      return git_credential_ssh_key_from_agent (out, username_from_url ? username_from_url : "git");
    }

  if ((allowed_types & GIT_CREDENTIAL_USERNAME) != 0 && (allowed_types & GIT_CREDENTIAL_USERPASS_PLAINTEXT) == 0)
    return git_credential_username_new (out, username_from_url ? username_from_url : "git");

  if ((allowed_types & GIT_CREDENTIAL_USERPASS_PLAINTEXT) != 0)
    {
      g_autofree char *username = NULL;
      char *password = NULL;
      int rc;

      g_mutex_lock (&self->lock);
      if (!op->used_cache && self->cached_password != NULL && g_strcmp0 (self->cached_url, url) == 0)
        {
          op->used_cache = TRUE;
          username = g_strdup (self->cached_username);
          password = g_strdup (self->cached_password);
        }
      else if (op->used_cache || op->n_asked > 0)
        {
          /* What we gave was refused: forget it. */
          g_clear_pointer (&self->cached_url, g_free);
          g_clear_pointer (&self->cached_username, g_free);
          g_clear_pointer (&self->cached_password, _mi_credentials_free_secret);
        }
      g_mutex_unlock (&self->lock);

      if (password == NULL)
        {
          if (op->n_asked >= 2)
            {
              op->auth_refused = TRUE;
              return GIT_EAUTH;
            }
          op->n_asked++;
          if (!ask_credentials (op, url, username_from_url, op->used_cache || op->n_asked > 1,
                                &username, &password))
            {
              if (!op_check_cancelled (op))
                op->auth_refused = TRUE;
              return GIT_EUSER;
            }
          op->used_cache = TRUE;   /* from now on, the cache holds this answer */
          g_mutex_lock (&self->lock);
          g_free (self->cached_url);
          g_free (self->cached_username);
          _mi_credentials_free_secret (self->cached_password);
          self->cached_url = g_strdup (url);
          self->cached_username = g_strdup (username);
          self->cached_password = g_strdup (password);
          g_mutex_unlock (&self->lock);
        }

      rc = git_credential_userpass_plaintext_new (out, username, password);
      _mi_credentials_free_secret (password);
      return rc;
    }

  op->auth_refused = TRUE;
  return GIT_EAUTH;
}

static void
op_set_callbacks (Op                   *op,
                  git_remote_callbacks *callbacks)
{
  callbacks->credentials = credentials_cb;
  callbacks->transfer_progress = transfer_progress_cb;
  callbacks->sideband_progress = sideband_progress_cb;
  callbacks->push_transfer_progress = push_transfer_progress_cb;
  callbacks->push_update_reference = push_update_reference_cb;
  callbacks->payload = op;
}

/* Turns the failure @rc of a network operation with @url into an error a user can act on. */
static gboolean
set_remote_error (Op          *op,
                  int          rc,
                  const char  *url,
                  GError     **error)
{
  const git_error *e = git_error_last ();
  int klass = e ? e->klass : GIT_ERROR_NONE;
  const char *message = _mi_repository_last_git_message ();

  if (op_check_cancelled (op))
    return set_cancelled (error);

  if (op->auth_refused || rc == GIT_EAUTH)
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_AUTH,
                   _("%s refused the credentials. Check the user name and the password or token "
                     "(a token needs access to this repository), or the SSH key loaded in your "
                     "SSH agent, then try again."), url);
      return FALSE;
    }

  if (rc == GIT_ENONFASTFORWARD)
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NON_FAST_FORWARD,
                   _("%s has commits that you do not have yet, so pushing would lose them. Pull "
                     "first (sync does both), then push again."), url);
      return FALSE;
    }

  if (rc == GIT_ECERTIFICATE)
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_UNREACHABLE,
                   _("The identity of %s could not be verified (%s). Check the address of the "
                     "remote; if it is right, the server's certificate may be misconfigured."),
                   url, message);
      return FALSE;
    }

  if (klass == GIT_ERROR_NET || klass == GIT_ERROR_SSH || klass == GIT_ERROR_HTTP ||
      klass == GIT_ERROR_OS || klass == GIT_ERROR_SSL || rc == GIT_ENOTFOUND ||
      (e != NULL && strstr (message, "could not find repository") != NULL))
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_UNREACHABLE,
                   _("Could not reach %s (%s). Check the network connection and the remote's "
                     "address (“git remote -v”), then try again."), url, message);
      return FALSE;
    }

  g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_FAILED,
               _("Talking to %s failed: %s"), url, message);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* The current branch and its upstream                                     */

typedef struct
{
  char     *branch_ref;    /* refs/heads/main */
  char     *branch_name;   /* main */
  char     *remote;        /* origin */
  char     *merge_ref;     /* refs/heads/main on the remote */
  char     *tracking_ref;  /* refs/remotes/origin/main */
  gboolean  configured;    /* branch.main.remote/merge are set */
} Upstream;

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

  if (op_check_cancelled (op))
    return set_cancelled (error);

  rc = git_remote_lookup (&remote, repo, up->remote);
  if (rc < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not read the remote"));
  url = git_remote_url (remote) ? git_remote_url (remote) : up->remote;

  git_fetch_options_init (&options, GIT_FETCH_OPTIONS_VERSION);
  op_set_callbacks (op, &options.callbacks);

  message = g_strdup_printf (_("Fetching from %s"), url);
  emit_progress (op, message, -1, TRUE);

  rc = git_remote_fetch (remote, NULL, &options, NULL);
  if (rc < 0)
    return set_remote_error (op, rc, url, error);
  return TRUE;
}

typedef struct
{
  GPtrArray *paths;
} CheckoutNotes;

static int
checkout_notify_cb (git_checkout_notify_t  why,
                    const char            *path,
                    const git_diff_file   *baseline,
                    const git_diff_file   *target,
                    const git_diff_file   *workdir,
                    void                  *payload)
{
  CheckoutNotes *notes = payload;

  if (why == GIT_CHECKOUT_NOTIFY_CONFLICT && path != NULL)
    g_ptr_array_add (notes->paths, g_strdup (path));
  return 0;
}

static char *
join_paths (GPtrArray *paths)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < paths->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? "" : ", ", (const char *) g_ptr_array_index (paths, i));
  return g_string_free (text, FALSE);
}

static gboolean
set_local_changes_error (GPtrArray  *paths,
                         GError    **error)
{
  g_autofree char *list = join_paths (paths);

  if (paths->len > 0)
    g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_LOCAL_CHANGES,
                 _("Pulling would overwrite your uncommitted changes to: %s. Commit them first, "
                   "then pull again."), list);
  else
    g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_LOCAL_CHANGES,
                 _("Pulling would overwrite your uncommitted changes (%s). Commit them first, "
                   "then pull again."), _mi_repository_last_git_message ());
  return FALSE;
}

static gboolean
do_pull (Op              *op,
         git_repository  *repo,
         Upstream        *up,
         MiPullResult    *result,
         GError         **error)
{
  g_autoptr(git_remote) remote = NULL;
  g_autoptr(git_annotated_commit) theirs = NULL;
  g_autoptr(git_commit) their_commit = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  git_checkout_options checkout;
  CheckoutNotes notes = { conflicts };
  git_merge_analysis_t analysis;
  git_merge_preference_t preference;
  const char *url;
  git_oid their_id;
  int rc;

  *result = MI_PULL_UP_TO_DATE;

  if (op_check_cancelled (op))
    return set_cancelled (error);
  if (!_mi_repository_check_can_write (repo, error))
    return FALSE;

  rc = git_reference_name_to_id (&their_id, repo, up->tracking_ref);
  if (rc == GIT_ENOTFOUND)
    return TRUE;   /* the remote has no such branch yet */
  if (rc < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not read the remote branch"));

  if (git_remote_lookup (&remote, repo, up->remote) == 0 && git_remote_url (remote) != NULL)
    url = git_remote_url (remote);
  else
    url = up->remote;
  rc = git_annotated_commit_from_fetchhead (&theirs, repo, up->merge_ref, url, &their_id);
  if (rc < 0 || (rc = git_commit_lookup (&their_commit, repo, &their_id)) < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not read the remote branch"));

  rc = git_merge_analysis (&analysis, &preference, repo, (const git_annotated_commit **) &theirs, 1);
  if (rc < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not compare with the remote branch"));

  if ((analysis & GIT_MERGE_ANALYSIS_UP_TO_DATE) != 0)
    return TRUE;

  git_checkout_options_init (&checkout, GIT_CHECKOUT_OPTIONS_VERSION);
  checkout.checkout_strategy = GIT_CHECKOUT_SAFE;
  checkout.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
  checkout.notify_cb = checkout_notify_cb;
  checkout.notify_payload = &notes;

  emit_progress (op, _("Updating files"), -1, TRUE);

  if ((analysis & (GIT_MERGE_ANALYSIS_UNBORN | GIT_MERGE_ANALYSIS_FASTFORWARD)) != 0 &&
      (preference & GIT_MERGE_PREFERENCE_NO_FASTFORWARD) == 0)
    {
      g_autofree char *reflog = g_strdup_printf ("pull: Fast-forward");

      rc = git_checkout_tree (repo, (const git_object *) their_commit, &checkout);
      if (rc == GIT_ECONFLICT)
        return set_local_changes_error (conflicts, error);
      if (rc < 0)
        return _mi_repository_set_git_error (error, rc, _("Could not update the files"));

      if ((analysis & GIT_MERGE_ANALYSIS_UNBORN) != 0)
        {
          g_autoptr(git_reference) created = NULL;

          rc = git_reference_create (&created, repo, up->branch_ref, &their_id, 0, reflog);
        }
      else
        {
          g_autoptr(git_reference) head = NULL;
          g_autoptr(git_reference) moved = NULL;

          rc = git_repository_head (&head, repo);
          if (rc == 0)
            rc = git_reference_set_target (&moved, head, &their_id, reflog);
        }
      if (rc < 0)
        return _mi_repository_set_git_error (error, rc, _("Could not move the branch"));
      *result = MI_PULL_FAST_FORWARD;
      return TRUE;
    }

  /* A real merge: like git, it needs an identity for the merge commit. */
  {
    g_autoptr(git_signature) signature = NULL;
    g_autoptr(git_index) index = NULL;
    g_autoptr(git_commit) ours = NULL;
    g_autoptr(git_tree) tree = NULL;
    g_auto(git_buf) message = GIT_BUF_INIT;
    git_merge_options merge;
    git_oid tree_id, commit_id;
    const git_commit *parents[2];

    if (!_mi_repository_make_signature (repo, &signature, error))
      return FALSE;
    if (!_mi_repository_read_head (repo, &ours, NULL, error))
      return FALSE;

    git_merge_options_init (&merge, GIT_MERGE_OPTIONS_VERSION);
    checkout.checkout_strategy = GIT_CHECKOUT_SAFE | GIT_CHECKOUT_ALLOW_CONFLICTS;

    rc = git_merge (repo, (const git_annotated_commit **) &theirs, 1, &merge, &checkout);
    if (rc == GIT_ECONFLICT)
      return set_local_changes_error (conflicts, error);
    if (rc < 0)
      return _mi_repository_set_git_error (error, rc, _("Could not merge the remote's commits"));

    rc = git_repository_index (&index, repo);
    if (rc < 0)
      return _mi_repository_set_git_error (error, rc, _("Could not read the index"));

    if (git_index_has_conflicts (index))
      {
        g_autoptr(git_index_conflict_iterator) it = NULL;
        g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *list = NULL;
        const git_index_entry *ancestor, *our, *their;

        if (git_index_conflict_iterator_new (&it, index) == 0)
          while (git_index_conflict_next (&ancestor, &our, &their, it) == 0)
            {
              const git_index_entry *any = our ? our : their ? their : ancestor;

              g_ptr_array_add (paths, g_strdup (any->path));
            }
        list = join_paths (paths);
        g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_CONFLICT,
                     _("Your commits and the remote's change the same lines of: %s. The repository "
                       "is now merging, as git leaves it: edit those files to keep the right text "
                       "(and remove the <<<<<<< ======= >>>>>>> lines), then “git add” them and "
                       "“git commit”; or run “git merge --abort” to go back to before the pull."),
                     list);
        return FALSE;
      }

    rc = git_index_write_tree (&tree_id, index);
    if (rc == 0)
      rc = git_tree_lookup (&tree, repo, &tree_id);
    if (rc == 0)
      rc = git_repository_message (&message, repo);
    if (rc < 0)
      return _mi_repository_set_git_error (error, rc, _("Could not write the merge"));

    parents[0] = ours;
    parents[1] = their_commit;
    rc = git_commit_create (&commit_id, repo, "HEAD", signature, signature, NULL,
                            message.ptr, tree, 2, parents);
    if (rc < 0)
      return _mi_repository_set_git_error (error, rc, _("Could not commit the merge"));
    git_repository_state_cleanup (repo);
    *result = MI_PULL_MERGED;
    return TRUE;
  }
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

  if (op_check_cancelled (op))
    return set_cancelled (error);

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
  op_set_callbacks (op, &options.callbacks);

  {
    g_autofree char *message = g_strdup_printf (_("Pushing to %s"), url);

    emit_progress (op, message, -1, TRUE);
  }

  rc = git_remote_push (remote, &specs, &options);
  if (rc < 0)
    return set_remote_error (op, rc, url, error);

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

  emit_progress (op, _("Pushed"), 1, TRUE);
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
  op_init (&op, self, context, cancellable);
  ok = do_fetch (&op, repo, &up, error);
  op_clear (&op);
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
  op_init (&op, self, context, cancellable);
  ok = do_fetch (&op, repo, &up, error) && do_pull (&op, repo, &up, result, error);
  op_clear (&op);
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
  op_init (&op, self, context, cancellable);
  ok = do_push (&op, repo, &up, error);
  op_clear (&op);
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

  op_init (&op, self, context, cancellable);
  if (!do_fetch (&op, repo, &up, error) || !do_pull (&op, repo, &up, &pulled, error))
    {
      op_clear (&op);
      return NULL;
    }

  count_ahead (repo, &up, &ahead, &behind);
  if (ahead > 0 && !do_push (&op, repo, &up, error))
    {
      op_clear (&op);
      return NULL;
    }
  op_clear (&op);

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
