/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-credentials-request"

#include "config.h"

#include <string.h>

#include "mi-repository-private.h"

/*
 * MiCredentialsRequest: a remote's question for a user name and a password or
 * token. The worker thread of a network operation makes one, hands it to the
 * MiCredentialsFunc on the main context of the _async call and waits until
 * mi_credentials_request_answer() or _cancel() marks it done; they may be
 * called from any thread. Secrets are zeroed before they are freed.
 */

/* struct _MiCredentialsRequest is in mi-repository-private.h */

G_DEFINE_FINAL_TYPE (MiCredentialsRequest, mi_credentials_request, G_TYPE_OBJECT)

void
_mi_credentials_free_secret (char *secret)
{
  if (secret != NULL)
    {
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
}

static void
mi_credentials_request_finalize (GObject *object)
{
  MiCredentialsRequest *self = MI_CREDENTIALS_REQUEST (object);

  g_free (self->url);
  g_free (self->username);
  g_free (self->answer_username);
  _mi_credentials_free_secret (self->answer_password);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (mi_credentials_request_parent_class)->finalize (object);
}

static void
mi_credentials_request_class_init (MiCredentialsRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mi_credentials_request_finalize;
}

static void
mi_credentials_request_init (MiCredentialsRequest *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

const char *
mi_credentials_request_get_url (MiCredentialsRequest *self)
{
  g_return_val_if_fail (MI_IS_CREDENTIALS_REQUEST (self), NULL);
  return self->url;
}

const char *
mi_credentials_request_get_username (MiCredentialsRequest *self)
{
  g_return_val_if_fail (MI_IS_CREDENTIALS_REQUEST (self), NULL);
  return self->username;
}

gboolean
mi_credentials_request_get_retry (MiCredentialsRequest *self)
{
  g_return_val_if_fail (MI_IS_CREDENTIALS_REQUEST (self), FALSE);
  return self->retry;
}

void
mi_credentials_request_answer (MiCredentialsRequest *self,
                               const char           *username,
                               const char           *password)
{
  g_return_if_fail (MI_IS_CREDENTIALS_REQUEST (self));
  g_return_if_fail (username != NULL && password != NULL);

  g_mutex_lock (&self->lock);
  if (!self->done)
    {
      self->answer_username = g_strdup (username);
      self->answer_password = g_strdup (password);
      self->done = TRUE;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);
}

void
mi_credentials_request_cancel (MiCredentialsRequest *self)
{
  g_return_if_fail (MI_IS_CREDENTIALS_REQUEST (self));

  g_mutex_lock (&self->lock);
  self->done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}
