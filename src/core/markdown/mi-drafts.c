/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-drafts"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mi-drafts.h"

/*
 * MiDrafts: unsaved text kept beside the user's files, so that a crash or a
 * kill loses nothing. One draft per file, named by a hash of the file's URI,
 * under g_get_user_data_dir()/meta-issues/drafts/. A draft holds the URI on
 * its first line, then the text; it is written atomically. Asynchronous
 * saves and removals run one at a time, in the order they were asked for, so
 * a removal after a save never leaves the draft behind.
 */

struct _MiDrafts
{
  GObject      parent_instance;

  GFile       *directory;
  GThreadPool *pool;
};

G_DEFINE_FINAL_TYPE (MiDrafts, mi_drafts, G_TYPE_OBJECT)

#define DRAFT_SUFFIX ".draft"

typedef struct
{
  GFile  *file;
  GBytes *text;   /* NULL: remove */
} DraftOp;

static void
draft_op_free (DraftOp *op)
{
  g_clear_object (&op->file);
  g_clear_pointer (&op->text, g_bytes_unref);
  g_free (op);
}

static char *
draft_path (MiDrafts *self,
            GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *name = g_strconcat (hash, DRAFT_SUFFIX, NULL);
  g_autofree char *dir = g_file_get_path (self->directory);

  return g_build_filename (dir, name, NULL);
}

static gboolean
ensure_directory (MiDrafts  *self,
                  GError   **error)
{
  g_autofree char *dir = g_file_get_path (self->directory);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the drafts folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
pool_func (gpointer data,
           gpointer user_data)
{
  g_autoptr(GTask) task = data;
  MiDrafts *self = g_task_get_source_object (task);
  DraftOp *op = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (op->text != NULL)
    {
      gsize len;
      const char *text = g_bytes_get_data (op->text, &len);

      ok = mi_drafts_save (self, op->file, text ? text : "", len, &error);
    }
  else
    ok = mi_drafts_remove (self, op->file, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
mi_drafts_finalize (GObject *object)
{
  MiDrafts *self = MI_DRAFTS (object);

  if (self->pool != NULL)
    g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (mi_drafts_parent_class)->finalize (object);
}

static void
mi_drafts_class_init (MiDraftsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mi_drafts_finalize;
}

static void
mi_drafts_init (MiDrafts *self)
{
  self->pool = g_thread_pool_new (pool_func, self, 1, FALSE, NULL);
}

/* The drafts of the user: g_get_user_data_dir()/meta-issues/drafts. */
MiDrafts *
mi_drafts_get_default (void)
{
  static MiDrafts *instance;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "meta-issues", "drafts", NULL);
      g_autoptr(GFile) dir = g_file_new_for_path (path);

      instance = mi_drafts_new (dir);
      g_once_init_leave (&once, 1);
    }
  return instance;
}

MiDrafts *
mi_drafts_new (GFile *directory)
{
  MiDrafts *self;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self = g_object_new (MI_TYPE_DRAFTS, NULL);
  self->directory = g_object_ref (directory);
  return self;
}

GFile *
mi_drafts_get_directory (MiDrafts *self)
{
  g_return_val_if_fail (MI_IS_DRAFTS (self), NULL);

  return self->directory;
}

/* Where the draft of @file is (or would be). */
GFile *
mi_drafts_get_draft_file (MiDrafts *self,
                          GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MI_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = draft_path (self, file);
  return g_file_new_for_path (path);
}

/* Writes the draft of @file, atomically. Thread-safe. */
gboolean
mi_drafts_save (MiDrafts    *self,
                GFile       *file,
                const char  *text,
                gsize        len,
                GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GString) content = NULL;

  g_return_val_if_fail (MI_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!ensure_directory (self, error))
    return FALSE;

  path = draft_path (self, file);
  uri = g_file_get_uri (file);
  content = g_string_sized_new (strlen (uri) + 1 + len);
  g_string_append (content, uri);
  g_string_append_c (content, '\n');
  g_string_append_len (content, text, len);

  return g_file_set_contents_full (path, content->str, content->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static GBytes *
read_draft (const char  *path,
            char       **uri,
            GError     **error)
{
  g_autofree char *data = NULL;
  gsize len;
  const char *nl;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;

  nl = memchr (data, '\n', len);
  if (nl == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The draft “%s” is damaged."), path);
      return NULL;
    }

  if (uri != NULL)
    *uri = g_strndup (data, nl - data);
  return g_bytes_new (nl + 1, len - (nl + 1 - data));
}

/**
 * mi_drafts_load:
 * The draft of @file, or %NULL with no error when there is none; @saved
 * tells when it was written.
 */
GBytes *
mi_drafts_load (MiDrafts   *self,
                GFile      *file,
                GDateTime **saved,
                GError    **error)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MI_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = draft_path (self, file);
  bytes = read_draft (path, &uri, &local_error);
  if (bytes == NULL)
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  expected = g_file_get_uri (file);
  if (g_strcmp0 (uri, expected) != 0)
    return NULL;

  if (saved != NULL)
    {
      GStatBuf st;

      *saved = g_stat (path, &st) == 0
               ? g_date_time_new_from_unix_local (st.st_mtime)
               : g_date_time_new_now_local ();
    }
  return g_steal_pointer (&bytes);
}

/* Removes the draft of @file; no draft is not an error. Thread-safe. */
gboolean
mi_drafts_remove (MiDrafts  *self,
                  GFile     *file,
                  GError   **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MI_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = draft_path (self, file);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not remove the draft “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * mi_drafts_list:
 * The files that have a draft (GFile), for restoring them at start.
 */
GPtrArray *
mi_drafts_list (MiDrafts  *self,
                GError   **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (MI_IS_DRAFTS (self), NULL);

  dir_path = g_file_get_path (self->directory);
  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&files);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *uri = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (name, DRAFT_SUFFIX))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      bytes = read_draft (path, &uri, NULL);
      if (bytes != NULL && uri != NULL && *uri != '\0')
        g_ptr_array_add (files, g_file_new_for_uri (uri));
    }

  return g_steal_pointer (&files);
}

static void
queue_op (MiDrafts            *self,
          GFile               *file,
          GBytes              *text,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  DraftOp *op = g_new0 (DraftOp, 1);

  op->file = g_object_ref (file);
  op->text = text ? g_bytes_ref (text) : NULL;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) draft_op_free);
  g_thread_pool_push (self->pool, task, NULL);
}

void
mi_drafts_save_async (MiDrafts            *self,
                      GFile               *file,
                      GBytes              *text,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (MI_IS_DRAFTS (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (text != NULL);

  queue_op (self, file, text, mi_drafts_save_async, cancellable, callback, user_data);
}

gboolean
mi_drafts_save_finish (MiDrafts      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mi_drafts_remove_async (MiDrafts            *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (MI_IS_DRAFTS (self));
  g_return_if_fail (G_IS_FILE (file));

  queue_op (self, file, NULL, mi_drafts_remove_async, cancellable, callback, user_data);
}

gboolean
mi_drafts_remove_finish (MiDrafts      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
