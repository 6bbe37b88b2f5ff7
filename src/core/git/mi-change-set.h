/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-changed-file.h"

G_BEGIN_DECLS

/* MiChangeSet: what the commit dialog shows, read in one go */

#define MI_TYPE_CHANGE_SET (mi_change_set_get_type ())
G_DECLARE_FINAL_TYPE (MiChangeSet, mi_change_set, MI, CHANGE_SET, GObject)

GListModel   *mi_change_set_get_files      (MiChangeSet   *self);   /* of MiChangedFile, by slug then path */
GListModel   *mi_change_set_get_groups     (MiChangeSet   *self);   /* of MiChangeGroup, same files */
guint         mi_change_set_get_n_files    (MiChangeSet   *self);
MiChangedFile *mi_change_set_find_file     (MiChangeSet   *self,
                                            const char    *path);
const char   *mi_change_set_get_branch     (MiChangeSet   *self);   /* NULL when HEAD is detached */
gboolean      mi_change_set_get_detached   (MiChangeSet   *self);
gboolean      mi_change_set_get_unborn     (MiChangeSet   *self);   /* no commit yet */
const char   *mi_change_set_get_blocker    (MiChangeSet   *self);   /* why a commit would be refused now, or NULL */
const char   *mi_change_set_get_warning    (MiChangeSet   *self);   /* e.g. the detached HEAD, or NULL */
const char   *mi_change_set_get_user_name  (MiChangeSet   *self);   /* NULL when git has none */
const char   *mi_change_set_get_user_email (MiChangeSet   *self);
char        **mi_change_set_get_paths      (MiChangeSet   *self,
                                            gboolean       selected_only);
char         *mi_change_set_suggest_message (MiChangeSet  *self,
                                            gboolean       selected_only);

G_END_DECLS
