/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

/* MiCommitInfo: one commit of a history */

#define MI_TYPE_COMMIT_INFO (mi_commit_info_get_type ())
G_DECLARE_FINAL_TYPE (MiCommitInfo, mi_commit_info, MI, COMMIT_INFO, GObject)

const char   *mi_commit_info_get_id           (MiCommitInfo *self);   /* 40 hex digits */
const char   *mi_commit_info_get_short_id     (MiCommitInfo *self);   /* 7 */
const char   *mi_commit_info_get_summary      (MiCommitInfo *self);   /* the first line */
const char   *mi_commit_info_get_message      (MiCommitInfo *self);
const char   *mi_commit_info_get_author_name  (MiCommitInfo *self);
const char   *mi_commit_info_get_author_email (MiCommitInfo *self);
GDateTime    *mi_commit_info_get_date         (MiCommitInfo *self);   /* the author's, in their time zone */

G_END_DECLS
