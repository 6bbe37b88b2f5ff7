/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-credentials-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mi-credentials-dialog.h"

/* Sign In: a remote asks for a user name and a password or token, or
 * refused the last ones. Nothing is required: the remote judges. */
struct _MiCredentialsDialog
{
  MiFormDialog      parent_instance;

  /* Template widgets */
  GtkEntry         *username_entry;
  GtkPasswordEntry *password_entry;
};

G_DEFINE_FINAL_TYPE (MiCredentialsDialog, mi_credentials_dialog, MI_TYPE_FORM_DIALOG)

typedef struct
{
  char *username;
  char *password;
} Values;

static void
values_free (Values *values)
{
  g_free (values->username);
  if (values->password != NULL)
    memset (values->password, 0, strlen (values->password));
  g_free (values->password);
  g_free (values);
}

static void
mi_credentials_dialog_accept (MiFormDialog *dialog,
                              GTask        *task)
{
  MiCredentialsDialog *self = MI_CREDENTIALS_DIALOG (dialog);
  Values *values = g_new0 (Values, 1);

  values->username = g_strdup (mi_credentials_dialog_get_username (self));
  values->password = g_strdup (mi_credentials_dialog_get_password (self));
  g_task_return_pointer (task, values, (GDestroyNotify) values_free);
}

static void
mi_credentials_dialog_class_init (MiCredentialsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MiFormDialogClass *form_class = MI_FORM_DIALOG_CLASS (klass);

  form_class->accept = mi_credentials_dialog_accept;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-credentials-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiCredentialsDialog, username_entry);
  gtk_widget_class_bind_template_child (widget_class, MiCredentialsDialog, password_entry);
}

static void
mi_credentials_dialog_init (MiCredentialsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mi_credentials_dialog_new:
 * @url: the remote's address
 * @username: (nullable): the user name to fill in, from the address
 * @retry: whether the remote refused the last credentials
 *
 * Returns: (transfer none): a new dialog (owned by GTK, as windows are)
 */
MiCredentialsDialog *
mi_credentials_dialog_new (const char *url,
                           const char *username,
                           gboolean    retry)
{
  MiCredentialsDialog *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (MI_TYPE_CREDENTIALS_DIALOG, NULL);
  if (retry)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                    _("%s refused these credentials. Check the user name, and use a token where the host asks for one."),
                                    url);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                    _("%s asks who you are. The password or token is kept in memory until the app quits, never on disk."),
                                    url);
  mi_credentials_dialog_set_username (self, username);

  return self;
}

/**
 * mi_credentials_dialog_run_async:
 * @parent: the window it belongs to
 * @cancellable: (nullable): closes the dialog when cancelled
 *
 * Shows the dialog, the user name focused, until it is answered or
 * closed.
 */
void
mi_credentials_dialog_run_async (MiCredentialsDialog *self,
                                 GtkWindow           *parent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (MI_IS_CREDENTIALS_DIALOG (self));

  mi_form_dialog_run_async (MI_FORM_DIALOG (self), parent, cancellable, callback, user_data);
}

/**
 * mi_credentials_dialog_run_finish:
 * @username: (out) (optional): the user name, as typed
 * @password: (out) (optional): the password or token, as typed
 *
 * Returns: %TRUE to sign in with them; %FALSE with %G_IO_ERROR_CANCELLED
 *   when the dialog was closed without signing in
 */
gboolean
mi_credentials_dialog_run_finish (MiCredentialsDialog  *self,
                                  GAsyncResult         *result,
                                  char                **username,
                                  char                **password,
                                  GError              **error)
{
  Values *values;

  g_return_val_if_fail (MI_IS_CREDENTIALS_DIALOG (self), FALSE);

  values = mi_form_dialog_run_finish (MI_FORM_DIALOG (self), result, error);
  if (values == NULL)
    return FALSE;

  if (username != NULL)
    *username = g_steal_pointer (&values->username);
  if (password != NULL)
    *password = g_steal_pointer (&values->password);
  values_free (values);

  return TRUE;
}

const char *
mi_credentials_dialog_get_username (MiCredentialsDialog *self)
{
  g_return_val_if_fail (MI_IS_CREDENTIALS_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->username_entry));
}

void
mi_credentials_dialog_set_username (MiCredentialsDialog *self,
                                    const char          *username)
{
  g_return_if_fail (MI_IS_CREDENTIALS_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->username_entry), username != NULL ? username : "");
}

const char *
mi_credentials_dialog_get_password (MiCredentialsDialog *self)
{
  g_return_val_if_fail (MI_IS_CREDENTIALS_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
}

void
mi_credentials_dialog_set_password (MiCredentialsDialog *self,
                                    const char          *password)
{
  g_return_if_fail (MI_IS_CREDENTIALS_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), password != NULL ? password : "");
}
