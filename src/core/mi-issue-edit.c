/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-issue-edit"

#include "config.h"

#include <string.h>


#include <glib/gi18n-lib.h>

#include "mi-edit-private.h"
#include "mi-issue-private.h"
#include "mi-templates.h"
#include "mi-workspace.h"

/*
 * The structured edits of a meta-issue. Each is a text edit of the smallest
 * span that holds the value (a value inside one line, one inserted line or
 * block), written in the canonical form of the guide, with the file's own
 * line endings. All files an edit touches are checked against the disk first
 * and then written atomically one by one; if a write fails, those already
 * written are put back. Then the issue is parsed again.
 *
 * The edits of test-cases.md are in mi-issue-edit-tests.c. Each edit is a
 * prepare function that mi-edit.c runs on a copy of the issue, on a worker for the _async calls (the app's) and on the calling
 * thread for the others (the CLI's): the same steps, the same bytes.
 */

gboolean
_mi_edit_check_date (const char  *date,
                     char       **out,
                     GError     **error)
{
  if (date == NULL)
    {
      *out = mi_date_today ();
      return TRUE;
    }
  if (!mi_date_validate (date, error))
    return FALSE;
  *out = g_strdup (date);
  return TRUE;
}

gboolean
_mi_edit_check_text (const char  *text,
                     const char  *what,
                     char       **out,
                     GError     **error)
{
  *out = mi_edit_single_line (text);
  if (**out == '\0')
    {
      g_clear_pointer (out, g_free);
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE,
                   _("The %s is empty: write it on one line."), what);
      return FALSE;
    }
  return TRUE;
}

char *
_mi_edit_relative_name (MiIssue     *self,
                        MiIssueFile  file)
{
  g_autofree char *base = g_file_get_basename (mi_issue_get_file (self, file));

  return g_build_filename (self->slug, base, NULL);
}

static guint
max_attempt_number (MiIssue *self,
                    guint   *n_distinct)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attempts));
  guint max = 0;

  *n_distinct = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (G_LIST_MODEL (self->attempts), i);

      if (i == 0 || attempt->number != max)
        (*n_distinct)++;
      max = MAX (max, attempt->number);
    }
  return max;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

typedef struct
{
  MiStatus status;
  guint    attempt;
} StatusEdit;

/**
 * mi_issue_get_default_status_attempt:
 *
 * The attempt a status of @status refers to when none is named: the last
 * attempt for In Progress and Resolved ("Resolved (Attempt 003)"), none
 * for the others. The app and the CLI write the same status this way.
 */
guint
mi_issue_get_default_status_attempt (MiIssue  *self,
                                     MiStatus  status)
{
  MiAttempt *last;

  g_return_val_if_fail (MI_IS_ISSUE (self), 0);

  if (status != MI_STATUS_IN_PROGRESS && status != MI_STATUS_RESOLVED)
    return 0;
  last = mi_issue_get_last_attempt (self);
  return last != NULL ? mi_attempt_get_number (last) : 0;
}

static gboolean
prepare_set_status (MiIssue   *self,
                    MiChange  *change,
                    gpointer   data,
                    GError   **error)
{
  StatusEdit *edit = data;
  MiDocument *readme;
  g_autofree char *value = NULL;
  guint attempt = edit->attempt;

  if (edit->status == MI_STATUS_UNKNOWN)
    {
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE,
                   _("Choose a status: open, in-progress, resolved, abandoned or superseded."));
      return FALSE;
    }

  readme = self->docs[MI_ISSUE_FILE_README];
  if (!mi_document_get_exists (readme))
    {
      g_autofree char *name = _mi_edit_relative_name (self, MI_ISSUE_FILE_README);

      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_NO_PLACE,
                   _("%s is missing: the status is written there. Create it from the template first."),
                   name);
      return FALSE;
    }

  if (attempt == 0)
    attempt = mi_issue_get_default_status_attempt (self, edit->status);
  if (attempt > 0)
    value = g_strdup_printf ("%s (Attempt %03u)", mi_status_to_markdown (edit->status), attempt);
  else
    value = g_strdup (mi_status_to_markdown (edit->status));

  mi_change_add (change, readme);

  if (self->status_line > 0)
    mi_edit_replace_value (readme, self->status_line, value);
  else
    {
      g_autofree char *line = g_strdup_printf ("**Status:** %s", value);
      const char *lines[] = { "", line, NULL };

      mi_edit_insert_lines_after (readme, self->title_line, self->title_line > 0 ? lines : lines + 1);
    }

  return TRUE;
}

/**
 * mi_issue_set_status:
 * @attempt: the attempt the status refers to; 0 for the default one
 *   (mi_issue_get_default_status_attempt())
 *
 * Rewrites the value of the README's `**Status:**` line.
 */
gboolean
mi_issue_set_status (MiIssue   *self,
                     MiStatus   status,
                     guint      attempt,
                     GError   **error)
{
  StatusEdit edit = { status, attempt };

  g_return_val_if_fail (MI_IS_ISSUE (self), FALSE);

  return mi_edit_run (self, prepare_set_status, &edit, error);
}

void
mi_issue_set_status_async (MiIssue             *self,
                           MiStatus             status,
                           guint                attempt,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  StatusEdit *edit;

  g_return_if_fail (MI_IS_ISSUE (self));

  edit = g_new0 (StatusEdit, 1);
  edit->status = status;
  edit->attempt = attempt;
  mi_edit_run_async (self, prepare_set_status, edit, g_free, mi_issue_set_status_async,
                     cancellable, callback, user_data);
}

gboolean
mi_issue_set_status_finish (MiIssue       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return mi_edit_run_finish (self, result, mi_issue_set_status_async, error) != NULL;
}

typedef struct
{
  char  *title;
  char  *hypothesis;
  char  *date;
  guint  number;     /* out */
} AttemptEdit;

static void
attempt_edit_free (AttemptEdit *edit)
{
  g_free (edit->title);
  g_free (edit->hypothesis);
  g_free (edit->date);
  g_free (edit);
}

static gboolean
prepare_add_attempt (MiIssue   *self,
                     MiChange  *change,
                     gpointer   data,
                     GError   **error)
{
  AttemptEdit *edit = data;
  g_autofree char *clean_title = NULL;
  g_autofree char *clean_hypothesis = NULL;
  g_autofree char *day = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *folder_name = NULL;
  g_autofree char *number_text = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFile) attempts_dir = NULL;
  g_autoptr(GFile) folder = NULL;
  MiDocument *readme = self->docs[MI_ISSUE_FILE_README];
  MiDocument *log = self->docs[MI_ISSUE_FILE_LOG];
  guint n_distinct, number;

  if (!_mi_edit_check_text (edit->title, _("attempt title"), &clean_title, error) ||
      !_mi_edit_check_date (edit->date, &day, error))
    return FALSE;
  clean_hypothesis = mi_edit_single_line (edit->hypothesis);

  number = max_attempt_number (self, &n_distinct) + 1;
  number_text = g_strdup_printf ("%03u", number);
  slug = mi_slug_from_title (clean_title);
  folder_name = g_strdup_printf ("%s-%s", number_text, slug);

  attempts_dir = g_file_get_child (self->folder, "attempts");
  folder = g_file_get_child (attempts_dir, folder_name);
  if (g_file_query_exists (folder, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_EXISTS,
                   _("“%s” already exists. Reload to see it."), name);
      return FALSE;
    }


  /* The attempt's two files. */
  {
    g_autoptr(GFile) issues_dir = g_file_get_parent (self->folder);
    g_autoptr(GFile) docs_dir = issues_dir ? g_file_get_parent (issues_dir) : NULL;
    const char *vars[] = {
      "title", clean_title,
      "number", number_text,
      "date", day,
      "hypothesis", *clean_hypothesis ? clean_hypothesis : _("What we think is wrong, and why this attempt should fix it."),
      "issue_title", self->title,
      "slug", slug,
      NULL
    };
    static const struct { const char *template; const char *file; } files[] = {
      { "solution-approach", "solution-approach.md" },
      { "attempt-results", "attempt-results.md" },
    };

    root = docs_dir ? g_file_get_parent (docs_dir) : NULL;
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *text = mi_templates_expand (root, files[i].template, vars, error);
        g_autofree char *converted = NULL;
        g_autoptr(GFile) file = g_file_get_child (folder, files[i].file);
        g_autoptr(MiDocument) doc = NULL;

        if (text == NULL)
          return FALSE;
        converted = mi_edit_with_newline (text, mi_document_get_newline (readme));
        doc = mi_document_new_for_text (file, converted, -1);
        mi_change_add (change, doc);
      }
  }

  /* README: values first (lines keep their numbers), then the row. */
  if (mi_document_get_exists (readme))
    {
      mi_change_add (change, readme);

      if (self->total_line > 0)
        {
          g_autofree char *total = g_strdup_printf ("%u", n_distinct + 1);

          mi_edit_replace_value (readme, self->total_line, total);
        }

      if (self->status_line > 0)
        {
          g_autofree char *status = g_strdup_printf ("%s (Attempt %s)",
                                                     mi_status_to_markdown (MI_STATUS_IN_PROGRESS),
                                                     number_text);

          mi_edit_replace_value (readme, self->status_line, status);
        }

      if (self->has_timeline_table)
        {
          g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
          g_auto(GStrv) row_cells = NULL;
          g_autofree char *row = NULL;
          g_autofree char *inner = NULL;
          const char *lines[2] = { NULL, NULL };

          for (guint c = 0; c < self->timeline_columns->len; c++)
            {
              const char *name = g_ptr_array_index (self->timeline_columns, c);

              if (g_str_has_prefix (name, "attempt"))
                {
                  g_autofree char *link = g_strdup_printf ("[%s](./attempts/%s/)", number_text, folder_name);

                  g_strv_builder_add (cells, link);
                }
              else if (g_str_has_prefix (name, "date") || g_str_has_prefix (name, "when"))
                g_strv_builder_add (cells, day);
              else if (g_str_has_prefix (name, "approach") || g_str_has_prefix (name, "title") ||
                       g_str_has_prefix (name, "description") || g_str_has_prefix (name, "what"))
                g_strv_builder_add (cells, clean_title);
              else if (g_str_has_prefix (name, "result") || g_str_has_prefix (name, "outcome") ||
                       g_str_has_prefix (name, "status"))
                g_strv_builder_add (cells, mi_outcome_to_markdown (MI_OUTCOME_IN_PROGRESS));
              else
                g_strv_builder_add (cells, "");
            }

          row_cells = g_strv_builder_end (cells);
          inner = g_strjoinv (" | ", row_cells);
          row = g_strdup_printf ("| %s |", inner);
          lines[0] = row;
          mi_edit_insert_lines_after (readme, self->timeline_last_line, lines);
        }
    }

  /* The log's new section. */
  {
    guint level = self->log_level > 0 ? MIN (self->log_level, 6) : 2;
    g_autofree char *heading = g_strdup_printf ("%.*s Attempt %s: %s", (int) level, "######",
                                                number_text, clean_title);
    g_autofree char *date_line = g_strdup_printf ("**Date:** %s", day);
    g_autofree char *hypothesis_line = g_strdup_printf ("**Hypothesis:** %s", clean_hypothesis);
    g_autofree char *result_line = g_strdup_printf ("**Result:** %s", mi_outcome_to_markdown (MI_OUTCOME_IN_PROGRESS));
    const char *lines[] = { heading, "", date_line, hypothesis_line, result_line, NULL };

    if (*clean_hypothesis == '\0')
      {
        lines[3] = lines[4];
        lines[4] = NULL;
      }

    mi_change_add (change, log);
    if (!mi_document_get_exists (log))
      {
        const char *vars[] = { "title", self->title, "issue_title", self->title, "date", day, NULL };
        g_autofree char *text = mi_templates_expand (root, "implementation-log", vars, error);

        if (text == NULL)
          return FALSE;
        mi_document_replace (log, 0, 0, text);
      }
    mi_edit_append_block (log, lines);
  }

  edit->number = number;
  return TRUE;
}

/**
 * mi_issue_add_attempt:
 * Adds attempts/NNN-<slug>/ (the next free number) with both files from the
 * templates, a Timeline Summary row, a log section, and updates the README's
 * `Total Attempts` and `Status … (Attempt NNN)`.
 *
 * Returns: (transfer none): the new attempt.
 */
MiAttempt *
mi_issue_add_attempt (MiIssue     *self,
                      const char  *title,
                      const char  *hypothesis,
                      const char  *date,
                      GError     **error)
{
  AttemptEdit edit = { (char *) title, (char *) hypothesis, (char *) date, 0 };

  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);

  if (!mi_edit_run (self, prepare_add_attempt, &edit, error))
    return NULL;
  return mi_issue_find_attempt (self, edit.number);
}

void
mi_issue_add_attempt_async (MiIssue             *self,
                            const char          *title,
                            const char          *hypothesis,
                            const char          *date,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  AttemptEdit *edit;

  g_return_if_fail (MI_IS_ISSUE (self));

  edit = g_new0 (AttemptEdit, 1);
  edit->title = g_strdup (title);
  edit->hypothesis = g_strdup (hypothesis);
  edit->date = g_strdup (date);
  mi_edit_run_async (self, prepare_add_attempt, edit, (GDestroyNotify) attempt_edit_free,
                     mi_issue_add_attempt_async, cancellable, callback, user_data);
}

/**
 * mi_issue_add_attempt_finish:
 *
 * Returns: (transfer none): the new attempt
 */
MiAttempt *
mi_issue_add_attempt_finish (MiIssue       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  AttemptEdit *edit = mi_edit_run_finish (self, result, mi_issue_add_attempt_async, error);

  return edit != NULL ? mi_issue_find_attempt (self, edit->number) : NULL;
}

typedef struct
{
  char  *title;
  char  *theory;
  char  *date;
  guint  version;    /* out */
} HypothesisEdit;

static void
hypothesis_edit_free (HypothesisEdit *edit)
{
  g_free (edit->title);
  g_free (edit->theory);
  g_free (edit->date);
  g_free (edit);
}

static MiHypothesis *
find_hypothesis (MiIssue *self,
                 guint    version)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hypotheses));

  for (guint i = 0; i < n; i++)
    {
      MiHypothesis *hypothesis = g_list_model_get_item (G_LIST_MODEL (self->hypotheses), i);

      g_object_unref (hypothesis);
      if (hypothesis->version == version)
        return hypothesis;
    }
  return NULL;
}

static gboolean
prepare_add_hypothesis (MiIssue   *self,
                        MiChange  *change,
                        gpointer   data,
                        GError   **error)
{
  HypothesisEdit *edit = data;
  g_autofree char *clean_title = NULL;
  g_autofree char *clean_theory = NULL;
  g_autofree char *day = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *theory_line = NULL;
  MiDocument *doc = self->docs[MI_ISSUE_FILE_DESCRIPTION];
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hypotheses));
  guint version = 0;
  guint level = self->versions_level > 0 ? self->versions_level : 3;

  if (!_mi_edit_check_text (edit->title, _("hypothesis title"), &clean_title, error) ||
      !_mi_edit_check_date (edit->date, &day, error))
    return FALSE;
  clean_theory = mi_edit_single_line (edit->theory);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiHypothesis) hypothesis = g_list_model_get_item (G_LIST_MODEL (self->hypotheses), i);

      version = MAX (version, hypothesis->version);
    }
  version++;

  heading = g_strdup_printf ("%.*s Version %u (%s) - %s", (int) MIN (level, 6), "######",
                             version, day, clean_title);
  theory_line = g_strdup_printf ("**Theory:** %s", clean_theory);

  mi_change_add (change, doc);

  if (self->versions_last_line > 0)
    {
      const char *lines[] = { "", heading, "", theory_line, NULL };

      mi_edit_insert_lines_after (doc, self->versions_last_line, lines);
    }
  else
    {
      const char *lines[] = { heading, "", theory_line, NULL };

      if (!mi_document_get_exists (doc))
        {
          g_autofree char *top = g_strdup_printf ("# Description: %s%s%s## Evolution of Understanding%s",
                                                  self->title,
                                                  mi_document_get_newline (doc), mi_document_get_newline (doc),
                                                  mi_document_get_newline (doc));

          mi_document_replace (doc, 0, 0, top);
        }
      mi_edit_append_block (doc, lines);
    }

  edit->version = version;
  return TRUE;
}

/**
 * mi_issue_add_hypothesis:
 * Adds `### Version N (date) - Title` with its `**Theory:**` after the last
 * version of description.md.
 *
 * Returns: (transfer none): the new version.
 */
MiHypothesis *
mi_issue_add_hypothesis (MiIssue     *self,
                         const char  *title,
                         const char  *theory,
                         const char  *date,
                         GError     **error)
{
  HypothesisEdit edit = { (char *) title, (char *) theory, (char *) date, 0 };

  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);

  if (!mi_edit_run (self, prepare_add_hypothesis, &edit, error))
    return NULL;
  return find_hypothesis (self, edit.version);
}

void
mi_issue_add_hypothesis_async (MiIssue             *self,
                               const char          *title,
                               const char          *theory,
                               const char          *date,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  HypothesisEdit *edit;

  g_return_if_fail (MI_IS_ISSUE (self));

  edit = g_new0 (HypothesisEdit, 1);
  edit->title = g_strdup (title);
  edit->theory = g_strdup (theory);
  edit->date = g_strdup (date);
  mi_edit_run_async (self, prepare_add_hypothesis, edit, (GDestroyNotify) hypothesis_edit_free,
                     mi_issue_add_hypothesis_async, cancellable, callback, user_data);
}

/**
 * mi_issue_add_hypothesis_finish:
 *
 * Returns: (transfer none): the new version
 */
MiHypothesis *
mi_issue_add_hypothesis_finish (MiIssue       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  HypothesisEdit *edit = mi_edit_run_finish (self, result, mi_issue_add_hypothesis_async, error);

  return edit != NULL ? find_hypothesis (self, edit->version) : NULL;
}

typedef struct
{
  char  *text;
  char  *date;
  guint  attempt;   /* 0: the last attempt's section */
} LogEdit;

static void
log_edit_free (LogEdit *edit)
{
  g_free (edit->text);
  g_free (edit->date);
  g_free (edit);
}

static gboolean
prepare_add_log_entry (MiIssue   *self,
                       MiChange  *change,
                       gpointer   data,
                       GError   **error)
{
  LogEdit *edit = data;
  g_autofree char *clean_text = NULL;
  g_autofree char *day = NULL;
  g_autofree char *entry = NULL;
  MiDocument *doc = self->docs[MI_ISSUE_FILE_LOG];

  if (!_mi_edit_check_text (edit->text, _("log entry"), &clean_text, error) ||
      !_mi_edit_check_date (edit->date, &day, error))
    return FALSE;

  entry = g_strdup_printf ("**%s:** %s", day, clean_text);

  if (edit->attempt > 0)
    {
      MiAttempt *attempt = mi_issue_find_attempt (self, edit->attempt);
      g_autofree char *name = _mi_edit_relative_name (self, MI_ISSUE_FILE_LOG);
      const char *lines[] = { "", entry, NULL };

      if (attempt == NULL)
        {
          g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_NOT_FOUND,
                       _("Meta-issue “%s” has no attempt %03u. Add the attempt first."),
                       self->slug, edit->attempt);
          return FALSE;
        }
      if (attempt->log_last_line == 0)
        {
          g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_NO_PLACE,
                       _("%s has no section for attempt %03u: add a “## Attempt %03u: Title” heading there first."),
                       name, edit->attempt, edit->attempt);
          return FALSE;
        }

      /* At the end of that attempt's section, as the parse found it. */
      mi_change_add (change, doc);
      mi_edit_insert_lines_after (doc, attempt->log_last_line, lines);
      return TRUE;
    }

  mi_change_add (change, doc);

  if (self->log_last_line > 0)
    {
      const char *lines[] = { "", entry, NULL };

      mi_edit_insert_lines_after (doc, self->log_last_line, lines);
    }
  else
    {
      const char *lines[] = { entry, NULL };

      if (!mi_document_get_exists (doc))
        {
          g_autofree char *top = g_strdup_printf ("# Implementation Log%s", mi_document_get_newline (doc));

          mi_document_replace (doc, 0, 0, top);
        }
      mi_edit_append_block (doc, lines);
    }

  return TRUE;
}

/**
 * mi_issue_add_log_entry:
 * @attempt: the attempt the entry is about, 0 for the last one
 *
 * Adds a `**YYYY-MM-DD:** text` paragraph at the end of the attempt's
 * section of the implementation log (with 0: the last attempt's, or the
 * end of the file when it has none).
 */
gboolean
mi_issue_add_log_entry (MiIssue     *self,
                        const char  *text,
                        const char  *date,
                        guint        attempt,
                        GError     **error)
{
  LogEdit edit = { (char *) text, (char *) date, attempt };

  g_return_val_if_fail (MI_IS_ISSUE (self), FALSE);

  return mi_edit_run (self, prepare_add_log_entry, &edit, error);
}

void
mi_issue_add_log_entry_async (MiIssue             *self,
                              const char          *text,
                              const char          *date,
                              guint                attempt,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LogEdit *edit;

  g_return_if_fail (MI_IS_ISSUE (self));

  edit = g_new0 (LogEdit, 1);
  edit->text = g_strdup (text);
  edit->date = g_strdup (date);
  edit->attempt = attempt;
  mi_edit_run_async (self, prepare_add_log_entry, edit, (GDestroyNotify) log_edit_free,
                     mi_issue_add_log_entry_async, cancellable, callback, user_data);
}

gboolean
mi_issue_add_log_entry_finish (MiIssue       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return mi_edit_run_finish (self, result, mi_issue_add_log_entry_async, error) != NULL;
}
