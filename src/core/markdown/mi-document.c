/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-document"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <zlib.h>

#include "mi-document.h"
#include "mi-markdown.h"
#include "mi-text.h"

/*
 * MiDocument: one markdown file, as bytes. It remembers the bytes it read so
 * that a save can refuse when another program changed the file meanwhile, and
 * it writes atomically (a temporary file in the same folder, then rename).
 *
 * A workspace holds every file of every meta-issue. Once parsed, a
 * document can let its text go (mi_document_release()), keeping its size
 * and checksum: the first call that needs the text again reads the file,
 * and if the file is no longer what was read, the document says so the way
 * it would have said it with the text in memory — a save or a structured
 * edit is refused as changed on disk. A document is used from one thread
 * at a time.
 */
struct _MiDocument
{
  GObject   parent_instance;

  GFile    *file;
  GBytes   *bytes;       /* the current text */
  GBytes   *disk_bytes;  /* what was read from (or last written to) disk; NULL when missing */
  gsize    *starts;      /* line index of bytes, lazily */
  guint     n_lines;
  gint64    mtime;       /* of the file when read or written, µs; 0 when missing */
  guint64   inode;       /* of the file when read or written */
  guint     serial;      /* raised each time what was read changes */
  gsize     released_len;  /* while released: the size and CRC-32 of what was read */
  guint32   released_crc;
  guint     modified : 1;
  guint     released : 1;       /* bytes and disk_bytes let go, read again on demand */
  guint     released_utf8 : 1;
  guint     lost : 1;           /* read again, it was no longer what had been read */
};

G_DEFINE_FINAL_TYPE (MiDocument, mi_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (mi-document-error-quark, mi_document_error)

/* Held from the check of the disk to the rename, by every writer of this
 * process: an editor's save and a structured edit cannot both find the
 * file as they read it and then both write it. */
static GRecMutex write_lock;

void
mi_document_lock_writes (void)
{
  g_rec_mutex_lock (&write_lock);
}

void
mi_document_unlock_writes (void)
{
  g_rec_mutex_unlock (&write_lock);
}

static void
invalidate_lines (MiDocument *self)
{
  g_clear_pointer (&self->starts, g_free);
  self->n_lines = 0;
}

static gboolean read_disk (GFile         *file,
                           GBytes       **bytes,
                           GCancellable  *cancellable,
                           GError       **error);

static guint32
checksum (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  uLong crc = crc32 (0L, Z_NULL, 0);

  /* zlib's crc32() takes at most 4 GiB at a time. */
  while (len > 0)
    {
      uInt n = (uInt) MIN (len, G_MAXUINT32);

      crc = crc32 (crc, data, n);
      data += n;
      len -= n;
    }
  return (guint32) crc;
}

static gboolean
is_what_was_read (MiDocument *self,
                  GBytes     *bytes)
{
  return bytes != NULL &&
         g_bytes_get_size (bytes) == self->released_len &&
         checksum (bytes) == self->released_crc;
}

/* Takes the text back from the file after mi_document_release(). */
static void
restore (MiDocument *self)
{
  g_autoptr(GBytes) now = NULL;

  if (G_LIKELY (!self->released))
    return;

  self->released = FALSE;
  if (!read_disk (self->file, &now, NULL, NULL) || !is_what_was_read (self, now))
    {
      /* Gone or changed: show what is there now, and refuse to write
       * over it until the document is loaded again. */
      self->lost = TRUE;
      g_clear_pointer (&self->bytes, g_bytes_unref);
      self->bytes = now != NULL ? g_steal_pointer (&now) : g_bytes_new_static ("", 0);
      return;
    }

  self->disk_bytes = g_bytes_ref (now);
  self->bytes = g_steal_pointer (&now);
}

static void
ensure_lines (MiDocument *self)
{
  const char *text;
  gsize len;

  if (self->starts != NULL)
    return;

  restore (self);

  text = g_bytes_get_data (self->bytes, &len);
  self->starts = mi_markdown_index_lines (text ? text : "", len, &self->n_lines);
}

static void
set_modified (MiDocument *self,
              gboolean    modified)
{
  if (self->modified == !!modified)
    return;
  self->modified = !!modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static char *
display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/* Notes when the file on disk was changed, and which inode it is. */
static void
stat_file (MiDocument *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  GStatBuf st;

  self->mtime = 0;
  self->inode = 0;
  if (path == NULL || g_stat (path, &st) != 0)
    return;
  self->mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  self->inode = (guint64) st.st_ino;
}

static gboolean
read_disk (GFile         *file,
           GBytes       **bytes,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  char *data = NULL;
  gsize len = 0;

  *bytes = NULL;

  if (path != NULL)
    {
      /* Local files: one read of exactly the file's size. */
      if (!g_file_get_contents (path, &data, &len, &local_error))
        {
          if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            return TRUE;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                               local_error->message);
          return FALSE;
        }
    }
  else if (!g_file_load_contents (file, cancellable, &data, &len, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *bytes = g_bytes_new_take (data, len);
  return TRUE;
}

static void
mi_document_finalize (GObject *object)
{
  MiDocument *self = (MiDocument *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->disk_bytes, g_bytes_unref);
  invalidate_lines (self);

  G_OBJECT_CLASS (mi_document_parent_class)->finalize (object);
}

static void
mi_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MiDocument *self = MI_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MiDocument *self = MI_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_document_class_init (MiDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_document_finalize;
  object_class->get_property = mi_document_get_property;
  object_class->set_property = mi_document_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mi_document_init (MiDocument *self)
{
  self->bytes = g_bytes_new_static ("", 0);
}

MiDocument *
mi_document_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (MI_TYPE_DOCUMENT, "file", file, NULL);
}

/**
 * mi_document_new_for_text:
 * A document for a file that does not exist yet: saving creates it, and
 * refuses if somebody else created it meanwhile.
 */
MiDocument *
mi_document_new_for_text (GFile      *file,
                          const char *text,
                          gssize      len)
{
  MiDocument *self = mi_document_new (file);

  if (len < 0)
    len = strlen (text);
  g_bytes_unref (self->bytes);
  self->bytes = g_bytes_new (text, len);
  self->modified = TRUE;
  return self;
}

/**
 * mi_document_dup:
 *
 * A document of its own in the same state: the same text, the same
 * memory of what was read (let go or not). Reads nothing: a structured
 * edit copies the documents it needs on the calling thread and works on
 * the copies on a worker.
 */
MiDocument *
mi_document_dup (MiDocument *self)
{
  g_autoptr(GFile) file = NULL;
  MiDocument *copy;

  g_return_val_if_fail (MI_IS_DOCUMENT (self), NULL);

  file = g_file_dup (self->file);
  copy = mi_document_new (file);
  g_clear_pointer (&copy->bytes, g_bytes_unref);
  copy->bytes = self->bytes != NULL ? g_bytes_ref (self->bytes) : NULL;
  copy->disk_bytes = self->disk_bytes != NULL ? g_bytes_ref (self->disk_bytes) : NULL;
  copy->mtime = self->mtime;
  copy->inode = self->inode;
  copy->released_len = self->released_len;
  copy->released_crc = self->released_crc;
  copy->modified = self->modified;
  copy->released = self->released;
  copy->released_utf8 = self->released_utf8;
  copy->lost = self->lost;
  return copy;
}

/**
 * mi_document_get_stamp:
 * @size: (out): the size of the file as read
 * @mtime: (out): when it was changed, as read (µs)
 * @inode: (out): its inode, as read
 *
 * What the file was when read or written, to tell cheaply whether the
 * disk still holds it. Reads nothing.
 *
 * Returns: whether the file existed; FALSE too when the document no
 *   longer knows (it found the file changed)
 */
gboolean
mi_document_get_stamp (MiDocument *self,
                       gsize      *size,
                       gint64     *mtime,
                       guint64    *inode)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), FALSE);

  *size = 0;
  *mtime = 0;
  *inode = 0;
  if (self->lost || (!self->released && self->disk_bytes == NULL))
    return FALSE;

  *size = self->released ? self->released_len : g_bytes_get_size (self->disk_bytes);
  *mtime = self->mtime;
  *inode = self->inode;
  return TRUE;
}

/**
 * mi_document_take_written:
 * @bytes: what was just written to the file, by an edit of another
 *   document of the same file
 *
 * Makes @bytes what was read, and the text, without reading the file:
 * the editor of a file follows a structured edit this way.
 */
void
mi_document_take_written (MiDocument *self,
                          GBytes     *bytes)
{
  g_return_if_fail (MI_IS_DOCUMENT (self));
  g_return_if_fail (bytes != NULL);

  g_clear_pointer (&self->disk_bytes, g_bytes_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->released = FALSE;
  self->lost = FALSE;
  invalidate_lines (self);
  self->disk_bytes = g_bytes_ref (bytes);
  self->bytes = g_bytes_ref (bytes);
  self->serial++;
  set_modified (self, FALSE);
}

gboolean
mi_document_load (MiDocument    *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MI_IS_DOCUMENT (self), FALSE);

  /* The stamp before the read: a change that lands while reading or
   * after makes the file differ from it (mi_issue_stamp_matches_disk()),
   * never the other way round. */
  stat_file (self);
  if (!read_disk (self->file, &bytes, cancellable, error))
    return FALSE;

  g_clear_pointer (&self->disk_bytes, g_bytes_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->released = FALSE;
  self->lost = FALSE;
  invalidate_lines (self);

  if (bytes != NULL)
    {
      self->disk_bytes = g_bytes_ref (bytes);
      self->bytes = g_steal_pointer (&bytes);
    }
  else
    {
      self->bytes = g_bytes_new_static ("", 0);
      self->mtime = 0;
      self->inode = 0;
    }

  self->serial++;
  set_modified (self, FALSE);
  return TRUE;
}

/* Raised each time what the document knows of the disk changes (a load, a
 * save, bytes taken): a read begun before is out of date. */
guint
mi_document_get_serial (MiDocument *self)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), 0);

  return self->serial;
}

GFile *
mi_document_get_file (MiDocument *self)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), NULL);

  return self->file;
}

const char *
mi_document_get_text (MiDocument *self,
                      gsize      *len)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), NULL);

  restore (self);
  return g_bytes_get_data (self->bytes, len);
}

GBytes *
mi_document_get_bytes (MiDocument *self)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), NULL);

  restore (self);
  return self->bytes;
}

/**
 * mi_document_release:
 *
 * Lets the text go until it is needed again, keeping its size and
 * checksum; when the document holds just what it read (no edits in
 * memory). The next call that needs the text reads the file again.
 */
void
mi_document_release (MiDocument *self)
{
  g_return_if_fail (MI_IS_DOCUMENT (self));

  if (self->released || self->lost || self->disk_bytes == NULL || self->modified ||
      (self->bytes != self->disk_bytes && !g_bytes_equal (self->bytes, self->disk_bytes)))
    return;

  self->released_utf8 = mi_document_is_utf8 (self);
  self->released_len = g_bytes_get_size (self->disk_bytes);
  self->released_crc = checksum (self->disk_bytes);
  self->released = TRUE;
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->disk_bytes, g_bytes_unref);
  invalidate_lines (self);
}

/* Whether the text is let go now (see mi_document_release()). */
gboolean
mi_document_get_released (MiDocument *self)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), FALSE);

  return self->released;
}

/**
 * mi_document_get_disk_bytes:
 *
 * Returns: (transfer none) (nullable): the bytes of the file as read (or
 *   last written), whatever the text holds now; NULL when the file was
 *   missing, or is no longer what was read (see mi_document_release())
 */
GBytes *
mi_document_get_disk_bytes (MiDocument *self)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), NULL);

  restore (self);
  return self->disk_bytes;
}

/* Whether the file was on disk when read (or has been saved since). */
gboolean
mi_document_get_exists (MiDocument *self)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), FALSE);

  return self->disk_bytes != NULL || self->released || self->lost;
}

/* When the file was last changed on disk (µs since the epoch), as of the
 * last read or write; 0 when it does not exist. */
gint64
mi_document_get_mtime (MiDocument *self)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), 0);

  return self->mtime;
}

gboolean
mi_document_get_modified (MiDocument *self)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

gboolean
mi_document_is_utf8 (MiDocument *self)
{
  const char *text;
  gsize len;

  g_return_val_if_fail (MI_IS_DOCUMENT (self), FALSE);

  if (self->released)
    return self->released_utf8;

  text = g_bytes_get_data (self->bytes, &len);
  return len == 0 || g_utf8_validate_len (text, len, NULL);
}

/* The line ending the file uses: the first one found, "\n" when none. */
const char *
mi_document_get_newline (MiDocument *self)
{
  const char *text;
  gsize len;

  g_return_val_if_fail (MI_IS_DOCUMENT (self), "\n");

  restore (self);
  text = g_bytes_get_data (self->bytes, &len);
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\n')
        return "\n";
      if (text[i] == '\r')
        return (i + 1 < len && text[i + 1] == '\n') ? "\r\n" : "\r";
    }
  return "\n";
}

gsize
mi_document_get_bom_length (MiDocument *self)
{
  const char *text;
  gsize len;

  g_return_val_if_fail (MI_IS_DOCUMENT (self), 0);

  restore (self);
  text = g_bytes_get_data (self->bytes, &len);
  return mi_text_bom_length (text, len);
}

guint
mi_document_get_n_lines (MiDocument *self)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), 0);

  ensure_lines (self);
  return self->n_lines;
}

/* Byte offset where 1-based @line starts (after a BOM on line 1); one past
 * the last line gives the length of the text. */
gsize
mi_document_line_offset (MiDocument *self,
                         guint       line)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), 0);

  ensure_lines (self);
  g_return_val_if_fail (line >= 1 && line <= self->n_lines + 1, 0);

  if (line == 1)
    return mi_document_get_bom_length (self);
  return self->starts[line - 1];
}

gsize
mi_document_line_end (MiDocument *self,
                      guint       line,
                      gboolean    with_newline)
{
  const char *text;
  gsize end;

  g_return_val_if_fail (MI_IS_DOCUMENT (self), 0);

  ensure_lines (self);
  g_return_val_if_fail (line >= 1 && line <= self->n_lines, 0);

  end = self->starts[line];
  if (with_newline)
    return end;

  text = g_bytes_get_data (self->bytes, NULL);
  if (end > self->starts[line - 1] && text[end - 1] == '\n')
    end--;
  if (end > self->starts[line - 1] && text[end - 1] == '\r')
    end--;
  return MAX (end, mi_document_line_offset (self, line));
}

/**
 * mi_document_replace:
 * Replaces @length bytes at @offset with @text, in memory. Nothing else of the
 * document changes.
 */
void
mi_document_replace (MiDocument *self,
                     gsize       offset,
                     gsize       length,
                     const char *text)
{
  const char *old;
  gsize old_len;
  GString *str;

  g_return_if_fail (MI_IS_DOCUMENT (self));

  restore (self);
  old = g_bytes_get_data (self->bytes, &old_len);
  g_return_if_fail (offset <= old_len && length <= old_len - offset);

  str = g_string_sized_new (old_len - length + strlen (text));
  g_string_append_len (str, old, offset);
  g_string_append (str, text);
  g_string_append_len (str, old + offset + length, old_len - offset - length);

  g_bytes_unref (self->bytes);
  self->bytes = g_string_free_to_bytes (str);
  invalidate_lines (self);
  set_modified (self, TRUE);
}

/**
 * mi_document_check_disk:
 * Fails with %MI_DOCUMENT_ERROR_CHANGED_ON_DISK when the file on disk is not
 * what was read: another program changed, created or deleted it.
 */
gboolean
mi_document_check_disk (MiDocument    *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) now = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MI_IS_DOCUMENT (self), FALSE);

  if (!read_disk (self->file, &now, cancellable, error))
    return FALSE;

  if (self->released && is_what_was_read (self, now))
    return TRUE;
  if (!self->released && !self->lost)
    {
      if (now == NULL && self->disk_bytes == NULL)
        return TRUE;
      if (now != NULL && self->disk_bytes != NULL && g_bytes_equal (now, self->disk_bytes))
        return TRUE;
    }

  name = display_name (self->file);
  if (now == NULL)
    g_set_error (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK,
                 _("“%s” was deleted by another program since it was read. Reload to see the current files, then make the change again."),
                 name);
  else if (self->disk_bytes == NULL && !self->released && !self->lost)
    g_set_error (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK,
                 _("“%s” was created by another program meanwhile. Reload to see it, then make the change again."),
                 name);
  else
    g_set_error (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK,
                 _("“%s” was changed by another program since it was read. Nothing was written: reload to see the changes, then make the change again."),
                 name);
  return FALSE;
}

static gboolean
write_atomically (GFile         *file,
                  GBytes        *bytes,
                  GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;
  int mode = 0666;
  GStatBuf st;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save “%s”: only local files can be saved."), uri);
      return FALSE;
    }

  if (g_stat (path, &st) == 0)
    mode = st.st_mode & 07777;

  data = g_bytes_get_data (bytes, &len);
  /* A temporary file in the same folder, fsync, then rename over the file. */
  if (!g_file_set_contents_full (path, data ? data : "", len,
                                 G_FILE_SET_CONTENTS_CONSISTENT,
                                 mode, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save “%s”: %s. The file on disk was left as it was."),
                   path, local_error->message);
      return FALSE;
    }

  /* The temporary file was created under the umask: give the file back
   * the permissions it had. */
  if (g_stat (path, &st) == 0 && (int) (st.st_mode & 07777) != mode)
    g_chmod (path, mode);

  return TRUE;
}

/**
 * mi_document_save:
 * Writes the text atomically, unless the file changed on disk since it was
 * read: then nothing is written and %MI_DOCUMENT_ERROR_CHANGED_ON_DISK says so.
 */
gboolean
mi_document_save (MiDocument    *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), FALSE);

  mi_document_lock_writes ();
  if (!mi_document_check_disk (self, cancellable, error))
    {
      mi_document_unlock_writes ();
      return FALSE;
    }

  restore (self);
  if (!write_atomically (self->file, self->bytes, error))
    {
      mi_document_unlock_writes ();
      return FALSE;
    }
  mi_document_unlock_writes ();

  g_clear_pointer (&self->disk_bytes, g_bytes_unref);
  self->disk_bytes = g_bytes_ref (self->bytes);
  stat_file (self);
  self->serial++;
  set_modified (self, FALSE);
  return TRUE;
}

/* Writes the text to another file, atomically; the document is unchanged. */
gboolean
mi_document_save_to (MiDocument    *self,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (MI_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  restore (self);
  return write_atomically (file, self->bytes, error);
}

typedef struct
{
  GFile  *file;
  GBytes *expected;  /* what the file must still hold, NULL: must not exist */
  GBytes *text;      /* what to write */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->expected, g_bytes_unref);
  g_clear_pointer (&data->text, g_bytes_unref);
  g_free (data);
}

/* The worker touches no document: it compares and writes snapshots. The
 * document's state changes in _finish, in the caller's thread. */
static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(MiDocument) probe = mi_document_new (data->file);
  GError *error = NULL;

  probe->disk_bytes = data->expected ? g_bytes_ref (data->expected) : NULL;
  mi_document_lock_writes ();
  if (!mi_document_check_disk (probe, cancellable, &error) ||
      !write_atomically (data->file, data->text, &error))
    {
      mi_document_unlock_writes ();
      g_task_return_error (task, error);
      return;
    }
  mi_document_unlock_writes ();
  g_task_return_boolean (task, TRUE);
}

/**
 * mi_document_save_async:
 * Saves the text as it is now, in a worker thread; edits made meanwhile stay
 * unsaved (the document stays modified).
 */
void
mi_document_save_async (MiDocument          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (MI_IS_DOCUMENT (self));

  restore (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mi_document_save_async);

  /* Read again and found changed: refused, as a save would be. */
  if (self->lost)
    {
      GError *error = NULL;

      if (!mi_document_check_disk (self, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (self->file);
  data->expected = self->disk_bytes ? g_bytes_ref (self->disk_bytes) : NULL;
  data->text = g_bytes_ref (self->bytes);

  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
mi_document_save_finish (MiDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  restore (self);
  g_clear_pointer (&self->disk_bytes, g_bytes_unref);
  self->disk_bytes = g_bytes_ref (data->text);
  stat_file (self);
  self->serial++;
  set_modified (self, !g_bytes_equal (self->bytes, data->text));
  return TRUE;
}
