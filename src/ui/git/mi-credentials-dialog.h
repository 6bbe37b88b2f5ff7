/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-form-dialog.h"

G_BEGIN_DECLS

#define MI_TYPE_CREDENTIALS_DIALOG (mi_credentials_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiCredentialsDialog, mi_credentials_dialog, MI, CREDENTIALS_DIALOG, MiFormDialog)

MiCredentialsDialog *mi_credentials_dialog_new          (const char           *url,
                                                         const char           *username,
                                                         gboolean              retry);
void                 mi_credentials_dialog_run_async    (MiCredentialsDialog  *self,
                                                         GtkWindow            *parent,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean             mi_credentials_dialog_run_finish   (MiCredentialsDialog  *self,
                                                         GAsyncResult         *result,
                                                         char                **username,
                                                         char                **password,
                                                         GError              **error);
const char          *mi_credentials_dialog_get_username (MiCredentialsDialog  *self);
void                 mi_credentials_dialog_set_username (MiCredentialsDialog  *self,
                                                         const char           *username);
const char          *mi_credentials_dialog_get_password (MiCredentialsDialog  *self);
void                 mi_credentials_dialog_set_password (MiCredentialsDialog  *self,
                                                         const char           *password);

G_END_DECLS
