/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-issue"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mi-issue-parse-private.h"

/*
 * The stamps of a parsed meta-issue: the sizes, times and inodes of its
 * files and its attempt folders, which tell, without parsing, whether the
 * files are still what was parsed.
 */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

typedef struct
{
  char    *path;
  gboolean exists;
  gsize    size;
  gint64   mtime;
  guint64  inode;
} FileStamp;

struct _MiIssueStamp
{
  char      *folder;
  GArray    *files;          /* FileStamp */
  GPtrArray *attempt_names;  /* the attempt folders known, sorted */
};

static void
file_stamp_clear (FileStamp *stamp)
{
  g_free (stamp->path);
}

static void
add_stamp (MiIssueStamp *stamp,
           GFile        *file,
           MiDocument   *doc)
{
  FileStamp entry = { 0 };

  entry.path = g_file_get_path (file);
  if (entry.path == NULL)
    return;
  if (doc != NULL)
    entry.exists = mi_document_get_stamp (doc, &entry.size, &entry.mtime, &entry.inode);
  g_array_append_val (stamp->files, entry);
}

/**
 * mi_issue_stamp_new:
 *
 * What the files of @self were when parsed: their sizes, times and
 * inodes, and the attempt folders. Reads nothing;
 * mi_issue_stamp_matches_disk() compares it with the disk, on any thread.
 */
MiIssueStamp *
mi_issue_stamp_new (MiIssue *self)
{
  MiIssueStamp *stamp;
  guint n;

  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);

  stamp = g_new0 (MiIssueStamp, 1);
  stamp->folder = g_file_get_path (self->folder);
  stamp->files = g_array_new (FALSE, TRUE, sizeof (FileStamp));
  g_array_set_clear_func (stamp->files, (GDestroyNotify) file_stamp_clear);
  stamp->attempt_names = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 0; f < MI_ISSUE_N_FILES; f++)
    add_stamp (stamp, mi_document_get_file (self->docs[f]), self->docs[f]);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->attempts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (G_LIST_MODEL (self->attempts), i);
      g_autoptr(GFile) approach = NULL;
      g_autoptr(GFile) results = NULL;

      if (attempt->folder == NULL)
        continue;
      g_ptr_array_add (stamp->attempt_names, g_file_get_basename (attempt->folder));
      approach = g_file_get_child (attempt->folder, "solution-approach.md");
      results = g_file_get_child (attempt->folder, "attempt-results.md");
      add_stamp (stamp, approach, attempt->approach);
      add_stamp (stamp, results, attempt->results_doc);
    }
  g_ptr_array_sort (stamp->attempt_names, compare_names);

  return stamp;
}

void
mi_issue_stamp_free (MiIssueStamp *stamp)
{
  if (stamp == NULL)
    return;
  g_free (stamp->folder);
  g_array_unref (stamp->files);
  g_ptr_array_unref (stamp->attempt_names);
  g_free (stamp);
}

/**
 * mi_issue_stamp_matches_disk:
 *
 * Whether the disk still holds the files @stamp was taken of, as far as
 * their sizes, times and inodes tell, and the same attempt folders: when
 * it does, parsing again would give the same meta-issue.
 */
gboolean
mi_issue_stamp_matches_disk (MiIssueStamp *stamp)
{
  g_autofree char *attempts_path = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (stamp != NULL, FALSE);

  for (guint i = 0; i < stamp->files->len; i++)
    {
      FileStamp *entry = &g_array_index (stamp->files, FileStamp, i);
      GStatBuf st;
      gboolean exists = g_stat (entry->path, &st) == 0 && S_ISREG (st.st_mode);

      if (exists != entry->exists)
        return FALSE;
      if (exists &&
          ((gsize) st.st_size != entry->size ||
           (guint64) st.st_ino != entry->inode ||
           (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000 != entry->mtime))
        return FALSE;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  attempts_path = g_build_filename (stamp->folder, "attempts", NULL);
  dir = g_dir_open (attempts_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (attempts_path, name, NULL);
      const char *rest;
      guint number;

      if (_mi_parse_read_number (name, &number, &rest) && g_file_test (child, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  if (names->len != stamp->attempt_names->len)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (strcmp (g_ptr_array_index (names, i), g_ptr_array_index (stamp->attempt_names, i)) != 0)
      return FALSE;

  return TRUE;
}
