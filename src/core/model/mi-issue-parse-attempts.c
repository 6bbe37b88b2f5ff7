/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-issue"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-issue-parse-private.h"

/*
 * The parser's attempts: the sections of implementation-log.md (its dated
 * entries and what each attempt section says), the folders under
 * attempts/ with their solution-approach.md and attempt-results.md, and
 * the MiAttempts made of those, the README's timeline and the log.
 */

static void
parse_approach (MiAttempt  *attempt,
                MiMarkdown *md)
{
  for (guint i = 1; i <= md->n_lines; i++)
    {
      MiLineKind kind = mi_markdown_kind (md, i);

      if (kind == MI_LINE_HEADING)
        {
          guint level = mi_markdown_level (md, i);
          g_autofree char *text = _mi_parse_heading_at (md, i);
          g_autofree char *title = NULL;
          guint number;

          if (level == 1 && attempt->title == NULL)
            {
              if (_mi_parse_numbered (text, "attempt", &number, &title))
                _mi_parse_set_str (&attempt->title, title);
              else
                _mi_parse_set_str (&attempt->title, text);
            }
          else if (_mi_parse_has_prefix_ci (text, "hypothesis") && attempt->hypothesis == NULL)
            attempt->hypothesis = mi_markdown_text (md, i + 1, _mi_parse_section_end (md, i, level));
          else if (_mi_parse_has_prefix_ci (text, "expected outcome") && attempt->expected_outcome == NULL)
            attempt->expected_outcome = mi_markdown_text (md, i + 1, _mi_parse_section_end (md, i, level));
          continue;
        }

      if (mi_markdown_can_hold_key (kind))
        {
          g_autofree char *value = NULL;
          g_autofree char *key = mi_markdown_line_key_value (md, i, &value);

          if (key == NULL)
            continue;
          if (g_str_equal (key, "hypothesis"))
            _mi_parse_set_str (&attempt->hypothesis, value);
          else if (g_str_equal (key, "expected outcome"))
            _mi_parse_set_str (&attempt->expected_outcome, value);
        }
    }
}

static MiDocument *
load_optional (GFile        *file,
               GCancellable *cancellable)
{
  g_autoptr(MiDocument) doc = mi_document_new (file);

  if (!mi_document_load (doc, cancellable, NULL) || !mi_document_get_exists (doc))
    return NULL;
  return g_steal_pointer (&doc);
}

static int
compare_attempts (gconstpointer a,
                  gconstpointer b)
{
  MiAttempt *x = *(MiAttempt **) a;
  MiAttempt *y = *(MiAttempt **) b;

  if (x->number != y->number)
    return x->number < y->number ? -1 : 1;
  return g_strcmp0 (x->slug, y->slug);
}

static MiAttempt *
find_in (GPtrArray *attempts,
         guint      number)
{
  for (guint i = 0; i < attempts->len; i++)
    {
      MiAttempt *attempt = g_ptr_array_index (attempts, i);

      if (attempt->number == number)
        return attempt;
    }
  return NULL;
}

static void
split_dates (MiAttempt *attempt)
{
  g_auto(GStrv) parts = NULL;

  if (attempt->dates == NULL)
    return;

  parts = g_regex_split_simple ("\\s+(?:to|until|-|–|—)\\s+", attempt->dates, 0, 0);
  if (parts[0] != NULL && _mi_parse_is_date (g_strstrip (parts[0])))
    attempt->start_date = g_strndup (parts[0], 10);
  if (parts[0] != NULL && parts[1] != NULL)
    {
      const char *end = g_strstrip (parts[1]);

      if (_mi_parse_is_date (end))
        attempt->end_date = g_strndup (end, 10);
      else if (attempt->start_date != NULL && strlen (end) >= 5 &&
               g_ascii_isdigit (end[0]) && end[2] == '-')
        /* "2024-09-01 - 09-07": the year of the start. */
        attempt->end_date = g_strdup_printf ("%.4s-%.5s", attempt->start_date, end);
    }
}

void
_mi_issue_collect_attempts (MiIssue      *self,
                            Sources      *sources,
                            GCancellable *cancellable)
{
  g_autoptr(GFile) dir = g_file_get_child (self->folder, "attempts");
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GPtrArray) attempts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) gdir = path ? g_dir_open (path, 0, NULL) : NULL;
  const char *name;

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *child_path = g_build_filename (path, name, NULL);
      g_autoptr(GFile) approach_file = NULL;
      g_autoptr(GFile) results_file = NULL;
      MiAttempt *attempt;
      const char *rest;
      guint number;

      if (!_mi_parse_read_number (name, &number, &rest) || !g_file_test (child_path, G_FILE_TEST_IS_DIR))
        continue;
      if (*rest == '-' || *rest == '_' || *rest == ' ' || *rest == '.')
        rest++;

      attempt = mi_attempt_new_internal (number);
      attempt->slug = g_strdup (rest);
      attempt->folder = g_file_new_for_path (child_path);
      approach_file = g_file_get_child (attempt->folder, "solution-approach.md");
      results_file = g_file_get_child (attempt->folder, "attempt-results.md");
      attempt->approach = load_optional (approach_file, cancellable);
      attempt->results_doc = load_optional (results_file, cancellable);
      if (attempt->approach != NULL)
        {
          g_autoptr(MiMarkdown) md = _mi_parse_document (attempt->approach);

          if (md != NULL)
            parse_approach (attempt, md);
        }
      g_ptr_array_add (attempts, attempt);
    }

  /* Attempts named only in the timeline or the log. */
  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *infos = s == 0 ? sources->log : sources->timeline;

      for (guint i = 0; i < infos->len; i++)
        {
          SectionInfo *info = g_ptr_array_index (infos, i);

          if (find_in (attempts, info->number) == NULL)
            g_ptr_array_add (attempts, mi_attempt_new_internal (info->number));
        }
    }

  g_ptr_array_sort (attempts, compare_attempts);

  /* The log first, then the timeline, then the folder's own file. */
  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *infos = s == 0 ? sources->log : sources->timeline;

      for (guint i = 0; i < infos->len; i++)
        {
          SectionInfo *info = g_ptr_array_index (infos, i);
          MiAttempt *attempt = find_in (attempts, info->number);
          g_autofree char *approach_title = NULL;

          if (s == 0 && attempt->log_line == 0)
            {
              attempt->log_line = info->line;
              attempt->log_last_line = info->last_line;
              /* The log's title wins over the approach file's. */
              approach_title = g_steal_pointer (&attempt->title);
              _mi_parse_set_str (&attempt->title, info->title);
              _mi_parse_set_str (&attempt->title, approach_title);
              _mi_parse_set_str (&attempt->hypothesis, info->hypothesis);
              _mi_parse_set_str (&attempt->learning, info->learning);
            }
          else if (s == 1 && attempt->timeline_line == 0)
            {
              attempt->timeline_line = info->line;
              _mi_parse_set_str (&attempt->title, info->title);
            }
          else
            continue;

          _mi_parse_set_str (&attempt->dates, info->dates);
          if (attempt->result == NULL && info->result != NULL && *info->result != '\0')
            {
              attempt->result = g_strdup (info->result);
              attempt->outcome = mi_outcome_parse (info->result);
            }
        }
    }

  for (guint i = 0; i < attempts->len; i++)
    {
      MiAttempt *attempt = g_ptr_array_index (attempts, i);

      if (attempt->title == NULL && attempt->slug != NULL)
        attempt->title = g_strdup (attempt->slug);
      if (attempt->title == NULL)
        attempt->title = g_strdup_printf (_("Attempt %03u"), attempt->number);
      split_dates (attempt);
    }

  g_list_store_splice (self->attempts, 0, 0, attempts->pdata, attempts->len);
}

void
_mi_issue_parse_log (MiIssue    *self,
                     MiMarkdown *md,
                     Sources    *sources)
{
  SectionInfo *section = NULL;
  guint section_last = 0;

  for (guint i = 1; i <= md->n_lines; i++)
    {
      MiLineKind kind = mi_markdown_kind (md, i);

      if (section != NULL && i > section_last)
        section = NULL;

      if (kind == MI_LINE_HEADING)
        {
          g_autofree char *text = _mi_parse_heading_at (md, i);
          g_autofree char *title = NULL;
          guint level = mi_markdown_level (md, i);
          guint number;

          if (_mi_parse_numbered (text, "attempt", &number, &title))
            {
              section = g_new0 (SectionInfo, 1);
              section->number = number;
              section->title = mi_markdown_strip_inline (title);
              section->line = i;
              section_last = _mi_parse_section_end (md, i, level);
              g_ptr_array_add (sources->log, section);

              section->last_line = _mi_parse_last_non_blank (md, i, section_last);
              self->log_level = level;
              self->log_last_line = section->last_line;
            }
          continue;
        }

      if (mi_markdown_can_hold_key (kind))
        {
          g_autofree char *value = NULL;
          g_autofree char *key = mi_markdown_line_key_value (md, i, &value);

          if (key == NULL)
            continue;

          if (_mi_parse_is_date (key))
            {
              MiLogEntry *entry = mi_log_entry_new_internal ();

              entry->attempt = section ? section->number : 0;
              entry->date = g_strdup (key);
              entry->text = g_strdup (value);
              entry->line = i;
              g_list_store_append (self->log_entries, entry);
              g_object_unref (entry);
            }
          else if (section == NULL)
            ;
          else if (g_str_equal (key, "date") || g_str_equal (key, "dates"))
            _mi_parse_set_str (&section->dates, value);
          else if (g_str_equal (key, "hypothesis"))
            _mi_parse_set_str (&section->hypothesis, value);
          else if (g_str_equal (key, "result") || g_str_equal (key, "outcome"))
            _mi_parse_set_str (&section->result, value);
          else if (g_str_equal (key, "learning"))
            _mi_parse_set_str (&section->learning, value);
        }
    }
}
