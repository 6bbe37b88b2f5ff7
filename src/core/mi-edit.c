/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-edit"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mi-edit-private.h"
#include "mi-merge.h"

/*
 * The text edits that every structured edit is made of, and MiChange: the
 * files one edit writes, checked against the disk together and written
 * atomically one by one, put back if a later write fails.
 */

/* ---------------------------------------------------------------------- */
/* A set of file writes that succeed or fail together                     */


void
mi_change_init (MiChange *change)
{
  change->docs = g_ptr_array_new_with_free_func (g_object_unref);
  change->originals = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  change->new_dirs = g_ptr_array_new_with_free_func (g_object_unref);
}

void
mi_change_clear (MiChange *change)
{
  g_clear_pointer (&change->docs, g_ptr_array_unref);
  g_clear_pointer (&change->originals, g_ptr_array_unref);
  g_clear_pointer (&change->new_dirs, g_ptr_array_unref);
}


/* Call before the first edit of @doc. */
void
mi_change_add (MiChange     *change,
            MiDocument *doc)
{
  if (g_ptr_array_find (change->docs, doc, NULL))
    return;
  g_ptr_array_add (change->docs, g_object_ref (doc));
  g_ptr_array_add (change->originals,
                   mi_document_get_exists (doc) ? g_bytes_ref (mi_document_get_bytes (doc)) : NULL);
}

static void
change_rollback (MiChange *change,
                 guint   n_written)
{
  for (guint i = 0; i < n_written; i++)
    {
      MiDocument *doc = g_ptr_array_index (change->docs, i);
      GBytes *original = g_ptr_array_index (change->originals, i);
      g_autofree char *path = g_file_get_path (mi_document_get_file (doc));

      if (original == NULL)
        g_remove (path);
      else
        g_file_set_contents_full (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original),
                                  G_FILE_SET_CONTENTS_CONSISTENT, 0666, NULL);
    }

  for (guint i = change->new_dirs->len; i > 0; i--)
    g_file_delete (g_ptr_array_index (change->new_dirs, i - 1), NULL, NULL);
}

gboolean
mi_change_commit (MiChange  *change,
               GError **error)
{
  /* Refuse before writing anything when one file changed on disk. */
  for (guint i = 0; i < change->docs->len; i++)
    if (!mi_document_check_disk (g_ptr_array_index (change->docs, i), NULL, error))
      return FALSE;

  /* … or when a guard says one of them must not be written now. */
  for (guint i = 0; i < change->docs->len; i++)
    {
      MiDocument *doc = g_ptr_array_index (change->docs, i);

      if (!mi_write_guard_check (mi_document_get_file (doc), g_ptr_array_index (change->originals, i),
                                 mi_document_get_bytes (doc), error))
        return FALSE;
    }

  for (guint i = 0; i < change->docs->len; i++)
    {
      MiDocument *doc = g_ptr_array_index (change->docs, i);
      g_autoptr(GFile) parent = g_file_get_parent (mi_document_get_file (doc));
      g_autoptr(GError) local_error = NULL;

      if (!g_file_query_exists (parent, NULL))
        {
          g_autoptr(GFile) top = g_object_ref (parent);

          /* Remember the highest folder that this commit creates. */
          for (;;)
            {
              g_autoptr(GFile) up = g_file_get_parent (top);

              if (up == NULL || g_file_query_exists (up, NULL))
                break;
              g_set_object (&top, up);
            }

          if (!g_file_make_directory_with_parents (parent, NULL, &local_error))
            {
              g_autofree char *name = g_file_get_parse_name (parent);

              g_set_error (error, local_error->domain, local_error->code,
                           _("Could not create the folder “%s”: %s"), name, local_error->message);
              change_rollback (change, i);
              return FALSE;
            }
          /* Record top … parent, deepest last: rollback removes from the end. */
          {
            guint at = change->new_dirs->len;
            GFile *dir = g_object_ref (parent);

            for (;;)
              {
                GFile *up;

                g_ptr_array_insert (change->new_dirs, at, dir);
                if (g_file_equal (dir, top))
                  break;
                up = g_file_get_parent (dir);
                if (up == NULL)
                  break;
                dir = up;
              }
          }
        }

      if (!mi_document_save (doc, NULL, error))
        {
          change_rollback (change, i);
          return FALSE;
        }
    }

  for (guint i = 0; i < change->docs->len; i++)
    {
      MiDocument *doc = g_ptr_array_index (change->docs, i);

      mi_write_guard_written (mi_document_get_file (doc), g_ptr_array_index (change->originals, i),
                              mi_document_get_bytes (doc));
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Text edits                                                              */

char *
mi_edit_get_line (MiDocument *doc,
          guint       line)
{
  const char *text = mi_document_get_text (doc, NULL);
  gsize start = mi_document_line_offset (doc, line);
  gsize end = mi_document_line_end (doc, line, FALSE);

  return g_strndup (text + start, end - start);
}

static gboolean
line_has_newline (MiDocument *doc,
                  guint       line)
{
  return mi_document_line_end (doc, line, TRUE) != mi_document_line_end (doc, line, FALSE);
}

static char *
join_lines (MiDocument  *doc,
            const char **lines)
{
  return g_strjoinv (mi_document_get_newline (doc), (char **) lines);
}

/* Replaces the value of the `**Key:** value` on @line. */
gboolean
mi_edit_replace_value (MiDocument *doc,
               guint       line,
               const char *value)
{
  g_autofree char *text = mi_edit_get_line (doc, line);
  gsize start, end;
  gsize offset = mi_document_line_offset (doc, line);

  if (!mi_markdown_split_key_value (text, NULL, NULL, &start, &end))
    return FALSE;

  if (start == end && (start == 0 || text[start - 1] != ' '))
    {
      g_autofree char *spaced = g_strconcat (" ", value, NULL);

      mi_document_replace (doc, offset + start, 0, spaced);
    }
  else
    mi_document_replace (doc, offset + start, end - start, value);
  return TRUE;
}

/* Inserts @lines as whole lines after @line (0: at the top). */
void
mi_edit_insert_lines_after (MiDocument  *doc,
                    guint        line,
                    const char **lines)
{
  g_autofree char *joined = join_lines (doc, lines);
  const char *nl = mi_document_get_newline (doc);
  g_autofree char *text = NULL;
  gsize offset;

  if (line == 0)
    {
      offset = mi_document_line_offset (doc, 1);
      text = g_strconcat (joined, nl, NULL);
    }
  else if (line_has_newline (doc, line))
    {
      offset = mi_document_line_end (doc, line, TRUE);
      text = g_strconcat (joined, nl, NULL);
    }
  else
    {
      /* The last line, without a newline: keep the file ending so. */
      offset = mi_document_line_end (doc, line, TRUE);
      text = g_strconcat (nl, joined, NULL);
    }

  mi_document_replace (doc, offset, 0, text);
}

/* Appends @lines as a new block at the end, after one blank line. */
void
mi_edit_append_block (MiDocument  *doc,
              const char **lines)
{
  g_autofree char *joined = join_lines (doc, lines);
  const char *nl = mi_document_get_newline (doc);
  gsize nl_len = strlen (nl);
  gsize len;
  const char *text = mi_document_get_text (doc, &len);
  g_autoptr(GString) insert = g_string_new (NULL);
  gboolean blank_end = FALSE;

  if (len > mi_document_get_bom_length (doc))
    {
      if (!g_str_has_suffix (text, nl) || len < nl_len)
        g_string_append (insert, nl);
      else
        blank_end = len >= 2 * nl_len && strncmp (text + len - 2 * nl_len, nl, nl_len) == 0;
      if (!blank_end)
        g_string_append (insert, nl);
    }

  g_string_append (insert, joined);
  g_string_append (insert, nl);
  mi_document_replace (doc, len, 0, insert->str);
}

/* @text, written with "\n", in the line ending @nl of the files around it. */
char *
mi_edit_with_newline (const char *text,
              const char *nl)
{
  g_auto(GStrv) lines = NULL;

  if (g_str_equal (nl, "\n"))
    return g_strdup (text);
  lines = g_strsplit (text, "\n", -1);
  return g_strjoinv (nl, lines);
}

char *
mi_edit_single_line (const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");

  g_strdelimit (copy, "\r\n", ' ');
  return g_strstrip (g_steal_pointer (&copy));
}

