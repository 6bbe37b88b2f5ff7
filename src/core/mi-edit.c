/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-edit"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mi-claim.h"
#include "mi-edit-private.h"
#include "mi-issue-private.h"
#include "mi-text.h"
#include "mi-workspace-private.h"

/*
 * How a structured edit runs, the text edits that every one is made of,
 * and MiChange: the files one edit writes, checked against the disk
 * together and written atomically one by one, put back if a later write
 * fails.
 *
 * An edit of a meta-issue (mi_edit_run_async()) takes a copy of the
 * issue's parse and documents on the calling thread, reading nothing;
 * a worker makes the text edits on the copy, checks the disk and the
 * claims of unsaved text, writes, and parses the folder once; back on the
 * calling thread the issue takes the new parse, and the workspace tells
 * of the files written. The edits of one meta-issue run one after the
 * other. mi_edit_run() makes the same steps on the calling thread: the
 * CLI's way, and the tests'.
 */

/* ---------------------------------------------------------------------- */
/* A set of file writes that succeed or fail together                     */


void
mi_change_init (MiChange *change)
{
  change->docs = g_ptr_array_new_with_free_func (g_object_unref);
  change->originals = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  change->new_dirs = g_ptr_array_new_with_free_func (g_object_unref);
  change->claims = NULL;
  change->committed = FALSE;
}

void
mi_change_clear (MiChange *change)
{
  g_clear_pointer (&change->docs, g_ptr_array_unref);
  g_clear_pointer (&change->originals, g_ptr_array_unref);
  g_clear_pointer (&change->new_dirs, g_ptr_array_unref);
  g_clear_pointer (&change->claims, g_ptr_array_unref);
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

static gboolean change_commit_locked (MiChange  *change,
                                      GError   **error);

/* Checks and writes every file of @change, no other writer of this
 * process in between (mi_document_lock_writes()). */
gboolean
mi_change_commit (MiChange  *change,
                  GError   **error)
{
  gboolean ok;

  mi_document_lock_writes ();
  ok = change_commit_locked (change, error);
  mi_document_unlock_writes ();
  return ok;
}

static gboolean
change_commit_locked (MiChange  *change,
                      GError   **error)
{
  /* Refuse before writing anything when one file changed on disk. */
  for (guint i = 0; i < change->docs->len; i++)
    if (!mi_document_check_disk (g_ptr_array_index (change->docs, i), NULL, error))
      return FALSE;

  /* … or when it would meet unsaved text of one of them. */
  for (guint i = 0; change->claims != NULL && i < change->docs->len; i++)
    {
      MiDocument *doc = g_ptr_array_index (change->docs, i);

      for (guint c = 0; c < change->claims->len; c++)
        {
          MiClaim *claim = g_ptr_array_index (change->claims, c);

          if (g_file_equal (mi_claim_get_file (claim), mi_document_get_file (doc)) &&
              !mi_claim_allows (claim, g_ptr_array_index (change->originals, i),
                                mi_document_get_bytes (doc), error))
            return FALSE;
        }
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


/* ---------------------------------------------------------------------- */
/* Running an edit                                                         */

typedef struct
{
  MiEditPrepare   prepare;
  gpointer        data;
  GDestroyNotify  data_free;
  MiIssue        *copy;      /* what the worker edits */
  GPtrArray      *claims;    /* MiClaim */
  MiIssue        *fresh;     /* the parse after the write */
  GPtrArray      *written;   /* MiWritten */
  GApplication   *held;      /* kept running until the edit is done */
} EditJob;

static GThread *forbidden_thread;

static void
written_free (MiWritten *written)
{
  g_clear_object (&written->file);
  g_clear_pointer (&written->before, g_bytes_unref);
  g_clear_pointer (&written->after, g_bytes_unref);
  g_free (written);
}

static void
edit_job_free (EditJob *job)
{
  if (job->held != NULL)
    {
      g_application_release (job->held);
      g_clear_object (&job->held);
    }
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_object (&job->copy);
  g_clear_pointer (&job->claims, g_ptr_array_unref);
  g_clear_object (&job->fresh);
  g_clear_pointer (&job->written, g_ptr_array_unref);
  g_free (job);
}

/**
 * mi_edit_forbid_thread:
 * @thread: (nullable): the thread on which no edit may read, write or
 *   parse, or NULL
 *
 * A check for the app's tests: from now on, an edit that does its work on
 * @thread (the UI's, which must only take results) is a critical.
 */
void
mi_edit_forbid_thread (GThread *thread)
{
  g_atomic_pointer_set (&forbidden_thread, thread);
}

/* Called where an edit reads, writes or parses. */
void
mi_edit_check_thread (const char *what)
{
  if (G_UNLIKELY (g_atomic_pointer_get (&forbidden_thread) == g_thread_self ()))
    g_critical ("%s on the thread that must not wait for a disk or a parse", what);
}

/* The worker's part: the text edits on the copy, the write, one parse. */
static gboolean
edit_job_run (EditJob  *job,
              GError  **error)
{
  g_auto(MiChange) change = { 0 };

  mi_edit_check_thread ("A structured edit");

  mi_change_init (&change);
  change.claims = job->claims != NULL ? g_ptr_array_ref (job->claims) : NULL;

  if (!job->prepare (job->copy, &change, job->data, error))
    return FALSE;
  if (change.docs->len == 0 && !change.committed)
    return TRUE;
  if (!change.committed && !mi_change_commit (&change, error))
    return FALSE;

  job->written = g_ptr_array_new_with_free_func ((GDestroyNotify) written_free);
  for (guint i = 0; i < change.docs->len; i++)
    {
      MiDocument *doc = g_ptr_array_index (change.docs, i);
      GBytes *before = g_ptr_array_index (change.originals, i);
      MiWritten *written = g_new0 (MiWritten, 1);

      written->file = g_object_ref (mi_document_get_file (doc));
      written->before = before != NULL ? g_bytes_ref (before) : NULL;
      written->after = g_bytes_ref (mi_document_get_bytes (doc));
      g_ptr_array_add (job->written, written);
    }

  /* Parsed again when the edit wrote in the folder (a lesson is written
   * elsewhere); the folder may be gone: nothing to take then. */
  for (guint i = 0; i < job->written->len; i++)
    {
      MiWritten *written = g_ptr_array_index (job->written, i);

      if (g_file_has_prefix (written->file, job->copy->folder))
        {
          job->fresh = mi_issue_load (job->copy->folder, NULL, NULL);
          break;
        }
    }
  return TRUE;
}

/* On the issue's thread, before the worker: copies, and the claims. */
static void
edit_job_begin (EditJob *job,
                MiIssue *issue)
{
  job->copy = mi_issue_dup_for_edit (issue);
  if (issue->workspace != NULL)
    job->claims = _mi_workspace_collect_claims (issue->workspace, issue->folder);
}

/* On the issue's thread, after the worker: the new parse, the files. */
static void
edit_job_apply (EditJob *job,
                MiIssue *issue)
{
  if (job->fresh != NULL)
    mi_issue_take_parse (issue, job->fresh);

  if (job->written != NULL && issue->workspace != NULL)
    for (guint i = 0; i < job->written->len; i++)
      _mi_workspace_emit_written (issue->workspace, g_ptr_array_index (job->written, i));
}

/**
 * mi_edit_run:
 * @prepare: makes the text edits on the copy of @issue it is given, adds
 *   the documents it changes to the change, and keeps in @data what the
 *   caller wants back
 *
 * Runs a structured edit of @issue to its end on this thread.
 */
gboolean
mi_edit_run (MiIssue        *issue,
             MiEditPrepare   prepare,
             gpointer        data,
             GError        **error)
{
  EditJob *job;
  gboolean ok;

  g_return_val_if_fail (MI_IS_ISSUE (issue), FALSE);

  job = g_new0 (EditJob, 1);
  job->prepare = prepare;
  job->data = data;
  edit_job_begin (job, issue);
  ok = edit_job_run (job, error);
  if (ok)
    edit_job_apply (job, issue);
  edit_job_free (job);
  return ok;
}

static void
edit_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  EditJob *job = task_data;
  GError *error = NULL;

  /* Cancelled before it began: nothing is written. */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!edit_job_run (job, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void start_edit (GTask *task);

static void
edit_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  MiIssue *issue = MI_ISSUE (object);
  g_autoptr(GTask) task = user_data;
  EditJob *job = g_task_get_task_data (task);
  GError *error = NULL;
  GTask *next;

  /* Done: the parse taken tells the workspace to look at what changed
   * on disk meanwhile, unless more edits wait. */
  issue->editing = FALSE;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    edit_job_apply (job, issue);
  else if (issue->workspace != NULL && g_queue_is_empty (&issue->edits))
    _mi_workspace_flush_after_edit (issue->workspace, issue);

  /* The next edit starts from this one's parse. */
  next = g_queue_pop_head (&issue->edits);
  if (next != NULL)
    start_edit (next);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* @task: (transfer full) */
static void
start_edit (GTask *task)
{
  MiIssue *issue = g_task_get_source_object (task);
  EditJob *job = g_task_get_task_data (task);
  g_autoptr(GTask) worker = NULL;

  issue->editing = TRUE;
  edit_job_begin (job, issue);

  worker = g_task_new (issue, g_task_get_cancellable (task), edit_done_cb, task);
  g_task_set_source_tag (worker, start_edit);
  /* Cancelled once it wrote, it still brings the parse of what it wrote. */
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, job, NULL);
  g_task_run_in_thread (worker, edit_thread);
}

/**
 * mi_edit_run_async:
 * @data: (transfer full): given to @prepare, and back by mi_edit_run_finish()
 *
 * Runs a structured edit of @issue on a worker, after the edits of
 * @issue that are running or waiting. The issue has taken the new parse
 * when @callback runs.
 */
void
mi_edit_run_async (MiIssue             *issue,
                   MiEditPrepare        prepare,
                   gpointer             data,
                   GDestroyNotify       data_free,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task;
  EditJob *job;

  g_return_if_fail (MI_IS_ISSUE (issue));

  job = g_new0 (EditJob, 1);
  job->prepare = prepare;
  job->data = data;
  job->data_free = data_free;
  /* An app whose last window closes goes on until its edits are written:
   * an edit is several files, and queued edits were asked for. */
  job->held = g_application_get_default ();
  if (job->held != NULL)
    {
      g_object_ref (job->held);
      g_application_hold (job->held);
    }

  task = g_task_new (issue, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) edit_job_free);
  /* What happened, happened: an edit that wrote says so even when
   * @cancellable was cancelled meanwhile. */
  g_task_set_check_cancellable (task, FALSE);

  if (issue->editing)
    g_queue_push_tail (&issue->edits, task);
  else
    start_edit (task);
}

/**
 * mi_edit_run_finish:
 *
 * Returns: (transfer none) (nullable): the data given to
 *   mi_edit_run_async(), valid while @result lives; NULL on failure
 */
gpointer
mi_edit_run_finish (MiIssue       *issue,
                    GAsyncResult  *result,
                    gpointer       source_tag,
                    GError       **error)
{
  EditJob *job;

  g_return_val_if_fail (g_task_is_valid (result, issue), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  return job->data;
}
