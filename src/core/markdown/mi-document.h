/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

#define MI_DOCUMENT_ERROR (mi_document_error_quark ())

typedef enum
{
  MI_DOCUMENT_ERROR_CHANGED_ON_DISK,  /* someone else wrote the file since it was read */
  MI_DOCUMENT_ERROR_NOT_UTF8,         /* the edit needs text, the file is not UTF-8 */
  MI_DOCUMENT_ERROR_TOO_LARGE,        /* over the size the app reads */
  MI_DOCUMENT_ERROR_READ_ONLY,
} MiDocumentError;

/* Files over this size are not parsed for conventions. */
#define MI_DOCUMENT_MAX_SIZE (16 * 1024 * 1024)

#define MI_TYPE_DOCUMENT (mi_document_get_type ())
G_DECLARE_FINAL_TYPE (MiDocument, mi_document, MI, DOCUMENT, GObject)

GQuark       mi_document_error_quark   (void);
void         mi_document_lock_writes   (void);
void         mi_document_unlock_writes (void);

MiDocument  *mi_document_new           (GFile         *file);
MiDocument  *mi_document_new_for_text  (GFile         *file,
                                        const char    *text,
                                        gssize         len);
MiDocument  *mi_document_dup           (MiDocument    *self);
gboolean     mi_document_get_stamp     (MiDocument    *self,
                                        gsize         *size,
                                        gint64        *mtime,
                                        guint64       *inode);
void         mi_document_take_written  (MiDocument    *self,
                                        GBytes        *bytes);
gboolean     mi_document_load          (MiDocument    *self,
                                        GCancellable  *cancellable,
                                        GError       **error);
GFile       *mi_document_get_file      (MiDocument    *self);
guint        mi_document_get_serial    (MiDocument    *self);
const char  *mi_document_get_text      (MiDocument    *self,
                                        gsize         *len);
GBytes      *mi_document_get_bytes     (MiDocument    *self);
GBytes      *mi_document_get_disk_bytes (MiDocument   *self);
void         mi_document_release       (MiDocument    *self);
gboolean     mi_document_get_released  (MiDocument    *self);
gboolean     mi_document_get_exists    (MiDocument    *self);
gboolean     mi_document_get_modified  (MiDocument    *self);
gint64       mi_document_get_mtime     (MiDocument    *self);
gboolean     mi_document_is_utf8       (MiDocument    *self);
const char  *mi_document_get_newline   (MiDocument    *self);
gsize        mi_document_get_bom_length (MiDocument   *self);
guint        mi_document_get_n_lines   (MiDocument    *self);
gsize        mi_document_line_offset   (MiDocument    *self,
                                        guint          line);
gsize        mi_document_line_end      (MiDocument    *self,
                                        guint          line,
                                        gboolean       with_newline);
void         mi_document_replace       (MiDocument    *self,
                                        gsize          offset,
                                        gsize          length,
                                        const char    *text);
gboolean     mi_document_check_disk    (MiDocument    *self,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean     mi_document_save          (MiDocument    *self,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean     mi_document_save_to       (MiDocument    *self,
                                        GFile         *file,
                                        GCancellable  *cancellable,
                                        GError       **error);
void         mi_document_save_async    (MiDocument          *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean     mi_document_save_finish   (MiDocument    *self,
                                        GAsyncResult  *result,
                                        GError       **error);

G_END_DECLS
