/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-repository"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-repository-private.h"

/*
 * What a network operation of MiRepository (an Op) does while libgit2
 * talks to a remote, on the worker thread: the "progress" signal, sent to
 * the main context of the _async call or on the calling thread;
 * cancellation, checked by every callback; the questions for credentials
 * (a MiCredentialsRequest; the answer is kept in memory only); and the
 * errors a user can act on when the remote could not be reached or
 * refused.
 */

void
_mi_repository_op_init (Op           *op,
                        MiRepository *self,
                        GMainContext *context,
                        GCancellable *cancellable)
{
  memset (op, 0, sizeof *op);
  op->self = self;
  op->context = context;
  op->cancellable = cancellable;
}

void
_mi_repository_op_clear (Op *op)
{
  g_clear_pointer (&op->rejection, g_free);
}

gboolean
_mi_repository_set_cancelled (GError **error)
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

void
_mi_repository_op_emit_progress (Op         *op,
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

gboolean
_mi_repository_op_check_cancelled (Op *op)
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

  if (_mi_repository_op_check_cancelled (op))
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

  _mi_repository_op_emit_progress (op, message, fraction, FALSE);
  return 0;
}

static int
sideband_progress_cb (const char *str,
                      int         len,
                      void       *payload)
{
  return _mi_repository_op_check_cancelled (payload) ? GIT_EUSER : 0;
}

static int
push_transfer_progress_cb (unsigned int current,
                           unsigned int total,
                           size_t       bytes,
                           void        *payload)
{
  Op *op = payload;
  g_autofree char *message = NULL;

  if (_mi_repository_op_check_cancelled (op))
    return GIT_EUSER;

  message = g_strdup_printf (_("Sending objects: %u of %u"), current, total);
  _mi_repository_op_emit_progress (op, message, total > 0 ? (double) current / total : -1, FALSE);
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

  if (_mi_repository_op_check_cancelled (op))
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
              if (!_mi_repository_op_check_cancelled (op))
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

void
_mi_repository_op_set_callbacks (Op                   *op,
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
gboolean
_mi_repository_set_remote_error (Op          *op,
                                 int          rc,
                                 const char  *url,
                                 GError     **error)
{
  const git_error *e = git_error_last ();
  int klass = e ? e->klass : GIT_ERROR_NONE;
  const char *message = _mi_repository_last_git_message ();

  if (_mi_repository_op_check_cancelled (op))
    return _mi_repository_set_cancelled (error);

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
