/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

/**
 * MiFileChange:
 * How a file differs from the last commit (HEAD), index and working tree
 * together: what committing it would record.
 */
typedef enum
{
  MI_FILE_CHANGE_ADDED,
  MI_FILE_CHANGE_MODIFIED,
  MI_FILE_CHANGE_DELETED,
  MI_FILE_CHANGE_RENAMED,
  MI_FILE_CHANGE_TYPE_CHANGED,
} MiFileChange;

#define MI_TYPE_FILE_CHANGE (mi_file_change_get_type ())

GType        mi_file_change_get_type  (void) G_GNUC_CONST;
const char  *mi_file_change_to_id     (MiFileChange change);   /* "added", "renamed"… */
const char  *mi_file_change_get_label (MiFileChange change);   /* translated */

/* MiChangedFile: one changed file, with a "selected" flag for a checkbox */

#define MI_TYPE_CHANGED_FILE (mi_changed_file_get_type ())
G_DECLARE_FINAL_TYPE (MiChangedFile, mi_changed_file, MI, CHANGED_FILE, GObject)

const char   *mi_changed_file_get_path     (MiChangedFile *self);   /* relative to the working tree, "/" separated */
const char   *mi_changed_file_get_old_path (MiChangedFile *self);   /* renames only, else NULL */
MiFileChange  mi_changed_file_get_change   (MiChangedFile *self);
const char   *mi_changed_file_get_slug     (MiChangedFile *self);   /* the meta-issue, NULL outside docs/meta-issues/ */
gboolean      mi_changed_file_get_staged   (MiChangedFile *self);   /* the index already differs from HEAD */
gboolean      mi_changed_file_get_selected (MiChangedFile *self);
void          mi_changed_file_set_selected (MiChangedFile *self,
                                            gboolean       selected);

G_END_DECLS
