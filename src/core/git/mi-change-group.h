/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

/* MiChangeGroup: the changed files of one meta-issue */

#define MI_TYPE_CHANGE_GROUP (mi_change_group_get_type ())
G_DECLARE_FINAL_TYPE (MiChangeGroup, mi_change_group, MI, CHANGE_GROUP, GObject)

const char   *mi_change_group_get_slug     (MiChangeGroup *self);   /* NULL: other files under docs/ */
GListModel   *mi_change_group_get_files    (MiChangeGroup *self);   /* of MiChangedFile */

G_END_DECLS
