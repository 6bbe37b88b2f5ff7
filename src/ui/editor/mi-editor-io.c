/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mi-editor-private.h"

/*
 * MiEditor's files: loading, saving, drafts, and the file changed on disk.
 *
 * Nothing here reads or writes on the main thread. The file is read in a
 * worker (its text made fit to show, its draft looked for); it is saved
 * through mi_document_save_async(), which compares the bytes on disk with
 * what was read immediately before it writes. When they differ nothing is
 * written, and the conflict bar offers Reload / Keep Mine / Show Both.
 * Each of those reads the file again in a worker; Keep Mine then writes
 * through the same compare-and-swap, so a program that writes once more
 * meanwhile brings the bar back instead of losing its change.
 */

typedef struct
{
  GFile      *file;
  MiDocument *document;     /* given, or read here */
  gboolean    given;
  MiDrafts   *drafts;
  char       *text;         /* what to show, UTF-8, without BOM */
  gsize       len;
  char       *reason;       /* why read-only, or NULL */
  GBytes     *draft;
  GDateTime  *draft_time;
} LoadData;

/* The file as it is on disk now, read for a conflict's resolution. */
typedef struct
{
  GFile      *file;
  MiDocument *document;     /* a document of its own, loaded from the file */
  char       *text;         /* what to show of it */
  gsize       len;
  char       *reason;       /* why it can only be shown read-only, or NULL */
} DiskRead;

typedef struct
{
  MiEditorConflictChoice  choice;
  MiDocument             *document;   /* the editor's when the resolution began */
  char                   *mine;       /* Keep Mine: what to write */
  guint64                 change_id;  /* of the buffer when it began */
} ResolveData;

/* Helpers */

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->document);
  g_clear_object (&data->drafts);
  g_free (data->text);
  g_free (data->reason);
  g_clear_pointer (&data->draft, g_bytes_unref);
  g_clear_pointer (&data->draft_time, g_date_time_unref);
  g_free (data);
}

static void
disk_read_free (DiskRead *read)
{
  g_clear_object (&read->file);
  g_clear_object (&read->document);
  g_free (read->text);
  g_free (read->reason);
  g_free (read);
}

static void
resolve_data_free (ResolveData *data)
{
  g_clear_object (&data->document);
  g_free (data->mine);
  g_free (data);
}

/* The text to show of @document: UTF-8 without its byte order mark, or,
 * when it is not UTF-8, made valid and with @reason saying why it can
 * only be read. Worker threads call this on a document of their own. */
static char *
dup_shown_text (MiDocument  *document,
                gsize       *len,
                char       **reason)
{
  g_autofree char *name = g_file_get_basename (mi_document_get_file (document));
  gsize doc_len;
  const char *text = mi_document_get_text (document, &doc_len);
  gsize bom = mi_document_get_bom_length (document);
  char *shown;

  *reason = NULL;
  if (!mi_document_is_utf8 (document))
    {
      shown = g_utf8_make_valid (text ? text : "", doc_len);
      *reason = g_strdup_printf (_("“%s” is not UTF-8 text. It is shown read-only, with the bytes that are not text replaced, so that saving cannot damage it."),
                                 name);
    }
  else
    shown = g_strndup ((text ? text : "") + bom, doc_len - bom);

  *len = strlen (shown);
  return shown;
}

static char *
dup_conflict_message (MiEditor *self)
{
  g_autofree char *name = g_file_get_basename (self->file);

  return g_strdup_printf (_("“%s” was changed by another program since it was opened. Nothing was saved."), name);
}

/* Drafts */

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mi_drafts_save_finish (MI_DRAFTS (object), result, &error))
    g_warning ("Could not keep a draft of the unsaved text: %s", error->message);
}

static void
draft_removed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mi_drafts_remove_finish (MI_DRAFTS (object), result, &error))
    g_warning ("%s", error->message);
}

static gboolean
write_draft_cb (gpointer user_data)
{
  MiEditor *self = user_data;

  self->draft_source = 0;
  if (self->file == NULL || self->read_only)
    return G_SOURCE_REMOVE;

  if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    {
      g_autofree char *text = mi_editor_dup_text (self);
      gsize len = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), len);

      mi_drafts_save_async (self->drafts, self->file, bytes, NULL, draft_saved_cb, NULL);
    }
  else
    mi_drafts_remove_async (self->drafts, self->file, NULL, draft_removed_cb, NULL);

  return G_SOURCE_REMOVE;
}

/* The buffer holds what is in the file: no draft, and none to come. */
static void
drop_draft (MiEditor *self)
{
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  mi_drafts_remove_async (self->drafts, self->file, NULL, draft_removed_cb, NULL);
}

/* Loading */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!data->given)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      if (info != NULL && g_file_info_get_size (info) > MI_EDITOR_MAX_SIZE)
        {
          /* Too large: its beginning, read-only */
          g_autoptr(GFileInputStream) stream = g_file_read (data->file, cancellable, &error);
          g_autofree char *buf = g_malloc (MI_EDITOR_SHOWN_SIZE + 1);
          gsize got = 0;
          g_autofree char *name = g_file_get_basename (data->file);
          g_autofree char *size = g_format_size (g_file_info_get_size (info));
          g_autofree char *limit = g_format_size (MI_EDITOR_MAX_SIZE);

          if (stream == NULL ||
              !g_input_stream_read_all (G_INPUT_STREAM (stream), buf, MI_EDITOR_SHOWN_SIZE,
                                        &got, cancellable, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          data->text = g_utf8_make_valid (buf, got);
          data->len = strlen (data->text);
          data->reason = g_strdup_printf (_("“%s” is %s, more than the %s the editor opens. Its beginning is shown, read-only."),
                                          name, size, limit);
          g_task_return_boolean (task, TRUE);
          return;
        }

      data->document = mi_document_new (data->file);
      if (!mi_document_load (data->document, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  data->text = dup_shown_text (data->document, &data->len, &data->reason);

  if (data->reason == NULL && data->drafts != NULL)
    data->draft = mi_drafts_load (data->drafts, data->file, &data->draft_time, NULL);

  g_task_return_boolean (task, TRUE);
}

static void
load_done (MiEditor *self,
           LoadData *data)
{
  g_clear_object (&self->document);
  self->document = data->document ? g_object_ref (data->document) : NULL;

  _mi_editor_replace_all_text (self, data->text, data->len, FALSE);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);

  _mi_editor_set_read_only (self, data->reason != NULL || self->document == NULL);
  if (data->reason != NULL)
    _mi_editor_set_message (self, data->reason, FALSE);

  if (data->draft != NULL)
    {
      gsize len;
      const char *draft = g_bytes_get_data (data->draft, &len);

      if (len == data->len && memcmp (draft ? draft : "", data->text, len) == 0)
        mi_drafts_remove_async (self->drafts, self->file, NULL, draft_removed_cb, NULL);
      else if (g_utf8_validate (draft ? draft : "", len, NULL))
        {
          g_autofree char *when = g_date_time_format (data->draft_time, "%x %X");
          g_autofree char *message = NULL;

          _mi_editor_replace_all_text (self, draft ? draft : "", len, TRUE);
          _mi_editor_set_draft_restored (self, TRUE);
          message = g_strdup_printf (_("Unsaved changes from %s were restored. Save to keep them."), when);
          _mi_editor_set_message (self, message, TRUE);
        }
    }

  _mi_editor_set_loading (self, FALSE);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MiEditor *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _mi_editor_set_read_only (self, TRUE);
      _mi_editor_set_message (self, error->message, FALSE);
      _mi_editor_set_loading (self, FALSE);
      g_task_return_error (task, error);
      return;
    }

  load_done (self, data);
  g_task_return_boolean (task, TRUE);
}

/* Saving */

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MiEditor *self = g_task_get_source_object (task);
  GError *error = NULL;

  self->saving = FALSE;
  if (!mi_document_save_finish (MI_DOCUMENT (object), result, &error))
    {
      if (g_error_matches (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK))
        {
          g_autofree char *message = dup_conflict_message (self);

          _mi_editor_set_conflict (self, message);
        }
      g_task_return_error (task, error);
      return;
    }

  if (self->change_id == self->saving_change_id)
    drop_draft (self);
  _mi_editor_set_draft_restored (self, FALSE);
  if (self->message != NULL && !self->read_only)
    _mi_editor_set_message (self, NULL, FALSE);
  _mi_editor_set_conflict (self, NULL);
  g_task_return_boolean (task, TRUE);
}

/* The file on disk now */

static void
read_disk_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DiskRead *read = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (read->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > MI_EDITOR_MAX_SIZE)
    {
      g_autofree char *name = g_file_get_basename (read->file);
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (MI_EDITOR_MAX_SIZE);

      g_task_return_new_error (task, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_TOO_LARGE,
                               _("“%s” is now %s, more than the %s the editor opens. Close it and open it again to see its beginning."),
                               name, size, limit);
      return;
    }

  read->document = mi_document_new (read->file);
  if (!mi_document_load (read->document, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  read->text = dup_shown_text (read->document, &read->len, &read->reason);
  g_task_return_boolean (task, TRUE);
}

static void
read_disk_async (MiEditor            *self,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DiskRead *read;

  g_assert (MI_IS_EDITOR (self));
  g_assert (G_IS_FILE (self->file));

  read = g_new0 (DiskRead, 1);
  read->file = g_object_ref (self->file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, read_disk_async);
  g_task_set_task_data (task, read, (GDestroyNotify) disk_read_free);
  g_task_run_in_thread (task, read_disk_thread);
}

/* Returns: (transfer none): what was read, as long as @result lives */
static DiskRead *
read_disk_finish (MiEditor      *self,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_assert (g_task_is_valid (result, self));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

/* Conflicts */

/* The resolution is over, before anything of it shows: who sees the bar
 * go can save, or choose again, at once. */
static void
end_resolving (MiEditor *self)
{
  if (self->resolving == NULL)
    return;
  g_clear_object (&self->resolving);
  _mi_editor_update_actions (self);
}

/* What is on disk now becomes what the editor's document read: the bytes,
 * when there is a file; when it is gone the document just loaded takes the
 * place of the editor's, as there are no bytes that say "missing". */
static void
take_disk (MiEditor *self,
           DiskRead *read)
{
  GBytes *disk = mi_document_get_disk_bytes (read->document);

  if (disk != NULL)
    mi_document_take_written (self->document, disk);
  else
    g_set_object (&self->document, read->document);
}

static void
reload_from (MiEditor *self,
             DiskRead *read)
{
  take_disk (self, read);
  _mi_editor_replace_all_text (self, read->text, read->len, TRUE);
  if (read->reason != NULL)
    {
      _mi_editor_set_read_only (self, TRUE);
      _mi_editor_set_message (self, read->reason, FALSE);
    }
  drop_draft (self);
  gtk_widget_set_visible (self->disk_box, FALSE);
  _mi_editor_set_conflict (self, NULL);
}

static gboolean
show_disk (MiEditor  *self,
           DiskRead  *read,
           GError   **error)
{
  GtkTextBuffer *disk = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->disk_view));

  if (mi_document_get_disk_bytes (read->document) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” was deleted by another program: there is no version on disk to show beside yours."),
                   self->title);
      return FALSE;
    }

  gtk_text_buffer_set_text (disk, read->text, read->len);
  gtk_widget_set_visible (self->disk_box, TRUE);
  if (self->mode == MI_EDITOR_MODE_PREVIEW)
    mi_editor_set_mode (self, MI_EDITOR_MODE_SPLIT);
  return TRUE;
}

static void
keep_mine_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MiEditor *self = g_task_get_source_object (task);
  ResolveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  self->saving = FALSE;
  end_resolving (self);
  if (!mi_document_save_finish (MI_DOCUMENT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Typing while it was written stays unsaved */
  if (self->change_id == data->change_id)
    drop_draft (self);
  _mi_editor_set_draft_restored (self, FALSE);
  gtk_widget_set_visible (self->disk_box, FALSE);
  _mi_editor_set_conflict (self, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
resolve_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MiEditor *self = MI_EDITOR (object);
  ResolveData *data = g_task_get_task_data (task);
  GError *error = NULL;
  DiskRead *read;
  gsize len;

  if ((read = read_disk_finish (self, result, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The editor opened its file again meanwhile: nothing left to resolve */
  if (self->document != data->document)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  switch (data->choice)
    {
    case MI_EDITOR_CONFLICT_RELOAD:
      end_resolving (self);
      reload_from (self, read);
      g_task_return_boolean (task, TRUE);
      break;

    case MI_EDITOR_CONFLICT_KEEP_MINE:
      /* Written over what was read just now: if yet another program
       * writes first, the save refuses and the bar stays. */
      take_disk (self, read);
      mi_document_get_text (self->document, &len);
      mi_document_replace (self->document, 0, len, data->mine);
      self->saving = TRUE;
      /* Not cancelled halfway: the document must learn what was written. */
      mi_document_save_async (self->document, NULL, keep_mine_saved_cb, g_steal_pointer (&task));
      break;

    case MI_EDITOR_CONFLICT_SHOW_BOTH:
    default:
      end_resolving (self);
      if (!show_disk (self, read, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      break;
    }
}

/* Runs while self->resolving is set: actions that would meet it are
 * disabled, and disposing the editor cancels it. */
static void
resolve_conflict_async (MiEditor               *self,
                        MiEditorConflictChoice  choice,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ResolveData *data;

  g_assert (MI_IS_EDITOR (self));
  g_assert (MI_IS_DOCUMENT (self->document));
  g_assert (self->resolving == NULL);

  self->resolving = g_cancellable_new ();
  _mi_editor_update_actions (self);

  data = g_new0 (ResolveData, 1);
  data->choice = choice;
  data->document = g_object_ref (self->document);
  data->change_id = self->change_id;

  if (choice == MI_EDITOR_CONFLICT_KEEP_MINE)
    {
      /* The buffer as it is now, behind the byte order mark the document has */
      g_autofree char *text = mi_editor_dup_text (self);
      const char *doc = mi_document_get_text (self->document, NULL);
      gsize bom = mi_document_get_bom_length (self->document);
      g_autofree char *mark = g_strndup (doc ? doc : "", bom);

      data->mine = g_strconcat (mark, text, NULL);
    }

  task = g_task_new (self, self->resolving, callback, user_data);
  g_task_set_source_tag (task, resolve_conflict_async);
  g_task_set_task_data (task, data, (GDestroyNotify) resolve_data_free);

  read_disk_async (self, self->resolving, resolve_read_cb, g_steal_pointer (&task));
}

static gboolean
resolve_conflict_finish (MiEditor      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_assert (g_task_is_valid (result, self));

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
resolve_conflict_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  MiEditor *self = MI_EDITOR (object);
  g_autoptr(GError) error = NULL;

  /* Cancelled: the editor was disposed, nothing to show it on */
  if (!resolve_conflict_finish (self, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  end_resolving (self);
  if (error == NULL)
    return;

  if (g_error_matches (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK))
    {
      g_autofree char *message = dup_conflict_message (self);

      _mi_editor_set_conflict (self, message);
    }
  else
    _mi_editor_set_message (self, error->message, FALSE);
}

/* Internal API */

/* Writes a draft a few idle seconds after the last change. */
void
_mi_editor_queue_draft (MiEditor *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!self->read_only && self->file != NULL)
    self->draft_source = g_timeout_add (self->draft_delay, write_draft_cb, self);
}

/* The editor goes before its draft timer fired: the draft is written now,
 * as there is no editor left for an async write to come back to. */
void
_mi_editor_write_pending_draft (MiEditor *self)
{
  if (self->draft_source != 0 && self->file != NULL && !self->read_only &&
      gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    {
      g_autofree char *text = mi_editor_dup_text (self);

      mi_drafts_save (self->drafts, self->file, text, strlen (text), NULL);
    }
  g_clear_handle_id (&self->draft_source, g_source_remove);
}

/* Public API */

/**
 * mi_editor_load_async:
 * @document: (nullable): the file's document, when the caller has it
 *   already; read in a worker thread otherwise
 *
 * Opens @file: shows its text, restores its draft if it has one, or shows
 * it read-only and says why.
 */
void
mi_editor_load_async (MiEditor            *self,
                      GFile               *file,
                      MiDocument          *document,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (MI_IS_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (document == NULL || MI_IS_DOCUMENT (document));

  _mi_editor_set_file (self, file);
  _mi_editor_set_loading (self, TRUE);

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->given = document != NULL;
  data->document = document ? g_object_ref (document) : NULL;
  data->drafts = g_object_ref (self->drafts);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, mi_editor_load_async);

  task = g_task_new (self, cancellable, load_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (task, load_thread);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
mi_editor_load_finish (MiEditor      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mi_editor_save_async:
 * Saves atomically. When the file changed on disk since it was read,
 * nothing is written, the conflict bar shows, and the error is
 * %MI_DOCUMENT_ERROR_CHANGED_ON_DISK.
 */
void
mi_editor_save_async (MiEditor            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *text = NULL;
  gsize doc_len, bom;

  g_return_if_fail (MI_IS_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mi_editor_save_async);

  if (self->document == NULL || self->read_only || self->loading)
    {
      g_task_return_new_error (task, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_READ_ONLY,
                               _("This file is open read-only: it cannot be saved from here."));
      return;
    }

  /* Keep Mine writes the same document: one write at a time */
  if (self->resolving != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("“%s” is being read again after a change on disk. Save again in a moment."),
                               self->title);
      return;
    }

  /* The buffer holds the text without its byte order mark. */
  text = mi_editor_dup_text (self);
  mi_document_get_text (self->document, &doc_len);
  bom = mi_document_get_bom_length (self->document);
  mi_document_replace (self->document, bom, doc_len - bom, text);

  self->saving = TRUE;
  self->saving_change_id = self->change_id;
  mi_document_save_async (self->document, cancellable, save_cb, g_steal_pointer (&task));
}

gboolean
mi_editor_save_finish (MiEditor      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mi_editor_resolve_conflict:
 * @choice: what to do with the file that changed on disk
 *
 * Reads the file again in a worker thread, then reloads it (the buffer
 * takes the file's text, undo brings the user's back), writes the
 * buffer over it (through the compare-and-swap of a save), or shows it
 * beside the buffer. The result shows when the file was read or written:
 * the conflict bar goes, or stays with a message. Does nothing while an
 * earlier choice is still running.
 */
void
mi_editor_resolve_conflict (MiEditor               *self,
                            MiEditorConflictChoice  choice)
{
  g_return_if_fail (MI_IS_EDITOR (self));

  if (self->document == NULL || self->file == NULL || self->resolving != NULL)
    return;
  /* A read-only buffer is not the file's text: never written over it */
  if (choice == MI_EDITOR_CONFLICT_KEEP_MINE && self->read_only)
    return;

  resolve_conflict_async (self, choice, resolve_conflict_cb, NULL);
}

/* Back to the file as it is on disk; the draft goes. */
void
mi_editor_discard_changes (MiEditor *self)
{
  g_return_if_fail (MI_IS_EDITOR (self));

  if (self->document != NULL && !self->read_only)
    {
      if (!mi_document_get_modified (self->document))
        {
          gsize len;
          const char *text = mi_document_get_text (self->document, &len);
          gsize bom = mi_document_get_bom_length (self->document);

          _mi_editor_replace_all_text (self, text + bom, len - bom, TRUE);
        }
      else
        /* The document holds text a save could not write: read the file */
        mi_editor_resolve_conflict (self, MI_EDITOR_CONFLICT_RELOAD);
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);
    }
  mi_editor_forget_draft (self);
  _mi_editor_set_draft_restored (self, FALSE);
  if (!self->read_only)
    _mi_editor_set_message (self, NULL, FALSE);
}

/* The user chose to drop the unsaved text (closing without saving). */
void
mi_editor_forget_draft (MiEditor *self)
{
  g_return_if_fail (MI_IS_EDITOR (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->file != NULL)
    mi_drafts_remove_async (self->drafts, self->file, NULL, draft_removed_cb, NULL);
}
