/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

/*
 * After a pull that merged two branches which each added "the next attempt",
 * two attempt folders carry the same number. `check` reports the second one
 * (by folder name); these move it to the next free number.
 */

MiAttempt  *mi_issue_find_duplicate_attempt (MiIssue   *issue);
guint       mi_issue_renumber_attempt       (MiIssue   *issue,
                                             GFile     *folder,
                                             GError   **error);
void        mi_issue_renumber_attempt_async (MiIssue             *issue,
                                             GFile               *folder,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
guint       mi_issue_renumber_attempt_finish (MiIssue            *issue,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
