/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-workspace-search"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "mi-document.h"
#include "mi-issue.h"
#include "mi-workspace.h"

/*
 * Searching a workspace for words, in any case: the title and slug of a
 * meta-issue at once (mi_issue_matches_title()), the text of its files on
 * a worker (mi_workspace_search_async()), as those texts are not held in
 * memory. Both compare casefolded text (mi_search_fold_text()); an ASCII
 * search looks through a file ASCII-insensitively, without a folded copy
 * of it.
 */

/* What the worker reads: the files of each meta-issue, gathered on the
 * workspace's thread; the worker touches no MiIssue. */
typedef struct
{
  GPtrArray *issues;  /* of MiIssue */
  GPtrArray *files;   /* of GPtrArray of GFile, one per issue, the same order */
  char      *needle;  /* casefolded, NULL: blank, every meta-issue matches */
} SearchJob;

static void
search_job_free (SearchJob *job)
{
  g_ptr_array_unref (job->issues);
  g_ptr_array_unref (job->files);
  g_free (job->needle);
  g_free (job);
}

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);

  return strstr (folded, needle) != NULL;
}

/* Whether @text holds @needle (casefolded), in any case. An ASCII needle
 * is looked for ASCII-insensitively, with no folded copy of the text. */
static gboolean
file_text_matches (const char *text,
                   gsize       len,
                   const char *needle,
                   gboolean    needle_ascii)
{
  gsize needle_len = strlen (needle);
  char lower, upper;

  if (!needle_ascii)
    return text_matches (text, needle);

  lower = g_ascii_tolower (needle[0]);
  upper = g_ascii_toupper (needle[0]);
  for (gsize i = 0; i + needle_len <= len; i++)
    if ((text[i] == lower || text[i] == upper) &&
        g_ascii_strncasecmp (text + i, needle, needle_len) == 0)
      return TRUE;

  return FALSE;
}

/* A regular file, of a size the app reads, in UTF-8, that holds @needle. */
static gboolean
file_matches (GFile      *file,
              const char *needle,
              gboolean    needle_ascii)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *text = NULL;
  GStatBuf st;
  gsize len;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > MI_DOCUMENT_MAX_SIZE)
    return FALSE;

  if (!g_file_get_contents (path, &text, &len, NULL) ||
      !g_utf8_validate_len (text, len, NULL))
    return FALSE;

  return file_text_matches (text, len, needle, needle_ascii);
}

/* Answers with the positions in job->issues of the matches: the set of
 * MiIssue (and their references) is made by the finish function, on the
 * workspace's thread. */
static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchJob *job = task_data;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean needle_ascii = job->needle != NULL && g_str_is_ascii (job->needle);

  for (guint i = 0; i < job->issues->len; i++)
    {
      GPtrArray *files = g_ptr_array_index (job->files, i);

      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (job->needle == NULL)
        {
          g_array_append_val (hits, i);
          continue;
        }

      for (guint f = 0; f < files->len; f++)
        if (file_matches (g_ptr_array_index (files, f), job->needle, needle_ascii))
          {
            g_array_append_val (hits, i);
            break;
          }
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, g_steal_pointer (&hits), (GDestroyNotify) g_array_unref);
}

/**
 * mi_search_fold_text:
 * @text: (nullable): words as a user typed them
 *
 * Returns: (transfer full) (nullable): @text without the spaces around it,
 *   casefolded, as mi_issue_matches_title() compares it; %NULL when @text
 *   is blank
 */
char *
mi_search_fold_text (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return NULL;

  return g_utf8_casefold (stripped, -1);
}

/**
 * mi_issue_matches_title:
 * @issue: a #MiIssue
 * @casefolded_text: words from mi_search_fold_text()
 *
 * The instant part of a search: whether the title or the slug of @issue
 * holds @casefolded_text, in any case. Empty text matches.
 *
 * Returns: %TRUE when the title or slug matches
 */
gboolean
mi_issue_matches_title (MiIssue    *issue,
                        const char *casefolded_text)
{
  g_return_val_if_fail (MI_IS_ISSUE (issue), FALSE);
  g_return_val_if_fail (casefolded_text != NULL, FALSE);

  return text_matches (mi_issue_get_title (issue), casefolded_text) ||
         text_matches (mi_issue_get_slug (issue), casefolded_text);
}

/**
 * mi_workspace_search_async:
 * @self: a #MiWorkspace
 * @text: words as a user typed them (folded with mi_search_fold_text())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread when the search ends
 * @user_data: data for @callback
 *
 * Looks for @text, in any case, in the files of every meta-issue (README,
 * description, implementation log, test cases), read again from disk on a
 * worker thread. Files that are not regular, over %MI_DOCUMENT_MAX_SIZE or
 * not UTF-8 are not searched. Blank @text matches every meta-issue.
 *
 * Call it on the thread @self lives on; finish with
 * mi_workspace_search_finish().
 */
void
mi_workspace_search_async (MiWorkspace         *self,
                           const char          *text,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchJob *job;
  guint n;

  g_return_if_fail (MI_IS_WORKSPACE (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (SearchJob, 1);
  job->issues = g_ptr_array_new_with_free_func (g_object_unref);
  job->files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  job->needle = mi_search_fold_text (text);

  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n; i++)
    {
      MiIssue *issue = g_list_model_get_item (G_LIST_MODEL (self), i);
      GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

      /* The text of its files: the words a reader would search for. */
      for (guint f = 0; f < MI_ISSUE_N_FILES; f++)
        {
          MiDocument *doc = mi_issue_get_document (issue, f);

          if (doc != NULL && mi_document_get_exists (doc) && g_file_peek_path (mi_document_get_file (doc)) != NULL)
            g_ptr_array_add (files, g_object_ref (mi_document_get_file (doc)));
        }
      g_ptr_array_add (job->issues, issue);
      g_ptr_array_add (job->files, files);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mi_workspace_search_async);
  g_task_set_task_data (task, job, (GDestroyNotify) search_job_free);
  g_task_run_in_thread (task, search_thread);
}

/**
 * mi_workspace_search_finish:
 * @self: a #MiWorkspace
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type MiIssue MiIssue) (nullable): the
 *   meta-issues whose files hold the text, as a set (a #GHashTable whose
 *   keys are the #MiIssue, each referenced: ask it with
 *   g_hash_table_contains()); %NULL with %G_IO_ERROR_CANCELLED when
 *   cancelled
 */
GHashTable *
mi_workspace_search_finish (MiWorkspace   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(GArray) hits = NULL;
  GHashTable *issues;
  SearchJob *job;

  g_return_val_if_fail (MI_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mi_workspace_search_async, NULL);

  hits = g_task_propagate_pointer (G_TASK (result), error);
  if (hits == NULL)
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  issues = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  for (guint i = 0; i < hits->len; i++)
    g_hash_table_add (issues, g_object_ref (g_ptr_array_index (job->issues, g_array_index (hits, guint, i))));

  return issues;
}
