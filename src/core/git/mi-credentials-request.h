/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

/* MiCredentialsRequest: a remote asks for a user name and password/token */

#define MI_TYPE_CREDENTIALS_REQUEST (mi_credentials_request_get_type ())
G_DECLARE_FINAL_TYPE (MiCredentialsRequest, mi_credentials_request, MI, CREDENTIALS_REQUEST, GObject)

const char   *mi_credentials_request_get_url      (MiCredentialsRequest *self);
const char   *mi_credentials_request_get_username (MiCredentialsRequest *self);   /* from the URL, or NULL */
gboolean      mi_credentials_request_get_retry    (MiCredentialsRequest *self);   /* the last answer was refused */
void          mi_credentials_request_answer       (MiCredentialsRequest *self,
                                                   const char           *username,
                                                   const char           *password);
void          mi_credentials_request_cancel       (MiCredentialsRequest *self);

G_END_DECLS
