/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-issue"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mi-issue-private.h"

/*
 * Parsing the files of a meta-issue into a fresh MiIssue. The parser is
 * tolerant (case, spacing, emoji or words, missing files and sections) and
 * remembers where each value is, for the edits of mi-issue-edit.c. Also
 * the stamps that tell, without parsing, whether the files are still what
 * was parsed.
 */

/* How many times a meta-issue was parsed, in this process: tests count. */
static gint n_parses;

static const char * const file_names[MI_ISSUE_N_FILES] = {
  "README.md", "description.md", "implementation-log.md", "test-cases.md",
};

/* ---------------------------------------------------------------------- */
/* Small readers                                                           */

static gboolean
has_prefix_ci (const char *text,
               const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static const char *
skip_ws (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* Skips a separator between a number and a title: ":", "-", "–", "—". */
static const char *
skip_separator (const char *p)
{
  p = skip_ws (p);
  if (*p == ':' || *p == '-' || *p == '.')
    p++;
  else if (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
    p += strlen ("–");
  return skip_ws (p);
}

static gboolean
read_number (const char  *p,
             guint       *number,
             const char **end)
{
  guint64 n = 0;
  const char *q = p;

  while (g_ascii_isdigit (*q) && q - p < 9)
    n = n * 10 + (guint) (*q++ - '0');
  if (q == p)
    return FALSE;
  *number = (guint) n;
  *end = q;
  return TRUE;
}

/* "Attempt 001: Caching Layer", "attempt #3 - Title", "Attempt 001 Results". */
static gboolean
parse_numbered (const char  *text,
                const char  *word,
                guint       *number,
                char       **title)
{
  const char *p = skip_ws (text);

  if (!has_prefix_ci (p, word))
    return FALSE;
  p = skip_ws (p + strlen (word));
  if (*p == '#')
    p++;
  if (!read_number (p, number, &p))
    return FALSE;
  if (g_ascii_isalnum (*p))
    return FALSE;
  if (title != NULL)
    *title = g_strdup (skip_separator (p));
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  for (guint i = 0; i < 10; i++)
    {
      gboolean dash = (i == 4 || i == 7);

      if (text[i] == '\0')
        return FALSE;
      if (dash ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

/* "Version 2 (2024-09-15) - Refined Hypothesis", "Version 1: Processing". */
static gboolean
parse_version (const char  *text,
               guint       *version,
               char       **date,
               char       **title)
{
  const char *p = skip_ws (text);

  if (!has_prefix_ci (p, "version"))
    return FALSE;
  p = skip_ws (p + strlen ("version"));
  if (*p == 'v' || *p == 'V')
    p++;
  if (!read_number (p, version, &p))
    return FALSE;
  p = skip_ws (p);
  *date = NULL;
  if (*p == '(')
    {
      const char *close = strchr (p, ')');

      if (close != NULL)
        {
          *date = g_strstrip (g_strndup (p + 1, close - p - 1));
          p = close + 1;
        }
    }
  *title = g_strdup (skip_separator (p));
  return TRUE;
}

/* "TC-001: Load Test (100 users)": id "TC-001". */
static gboolean
parse_test_case_heading (const char  *text,
                         char       **id,
                         char       **title)
{
  const char *p = skip_ws (text);
  const char *start = p;

  if (!has_prefix_ci (p, "tc"))
    return FALSE;
  p += 2;
  if (*p == '-' || *p == '_' || *p == ' ')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.')
    p++;
  *id = g_ascii_strup (start, p - start);
  *title = g_strdup (skip_separator (p));
  return TRUE;
}

/* The last line of the section whose heading is at @heading (level @level):
 * the line before the next heading of that level or higher. */
static guint
section_end (MiMarkdown *md,
             guint       heading,
             guint       level)
{
  for (guint i = heading + 1; i <= md->n_lines; i++)
    if (mi_markdown_kind (md, i) == MI_LINE_HEADING && mi_markdown_level (md, i) <= level)
      return i - 1;
  return md->n_lines;
}

static guint
last_non_blank (MiMarkdown *md,
                guint       first,
                guint       last)
{
  for (guint i = last; i >= first && i > 0; i--)
    {
      g_autofree char *text = mi_markdown_line (md, i);

      if (*g_strstrip (text) != '\0')
        return i;
    }
  return first;
}

static char *
heading_at (MiMarkdown *md,
            guint       line)
{
  g_autofree char *text = mi_markdown_line (md, line);

  return mi_markdown_heading_text (text);
}

static MiMarkdown *
parse_document (MiDocument *doc)
{
  const char *text;
  gsize len;

  if (!mi_document_get_exists (doc))
    return NULL;
  text = mi_document_get_text (doc, &len);
  if (len > MI_DOCUMENT_MAX_SIZE)
    return NULL;
  return mi_markdown_parse (text, len);
}

static void
set_str (char       **field,
         const char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_strdup (value);
}

/* ---------------------------------------------------------------------- */
/* The files                                                               */

typedef struct
{
  guint  number;
  char  *title;
  char  *dates;
  char  *hypothesis;
  char  *result;
  char  *learning;
  guint  line;
} SectionInfo;

static void
section_info_free (SectionInfo *info)
{
  g_free (info->title);
  g_free (info->dates);
  g_free (info->hypothesis);
  g_free (info->result);
  g_free (info->learning);
  g_free (info);
}

typedef struct
{
  GPtrArray *timeline;   /* SectionInfo from the README table */
  GPtrArray *log;        /* SectionInfo from the log */
} Sources;

static char *
strip_title_prefix (const char *title)
{
  const char *p = title;

  if (has_prefix_ci (p, "meta-issue") || has_prefix_ci (p, "meta issue"))
    {
      const char *rest = skip_separator (p + strlen ("meta-issue"));

      if (rest != p + strlen ("meta-issue"))
        return g_strdup (rest);
    }
  return g_strdup (title);
}

static int
column_index (GPtrArray   *columns,
              const char  *const *names)
{
  for (guint c = 0; c < columns->len; c++)
    for (guint n = 0; names[n] != NULL; n++)
      if (has_prefix_ci (g_ptr_array_index (columns, c), names[n]))
        return c;
  return -1;
}

static const char *
cell (GPtrArray *cells,
      int        index)
{
  if (index < 0 || (guint) index >= cells->len)
    return NULL;
  return g_ptr_array_index (cells, index);
}

static void
parse_readme (MiIssue    *self,
              MiMarkdown *md,
              Sources    *sources)
{
  static const char * const date_names[] = { "date", "when", NULL };
  static const char * const approach_names[] = { "approach", "title", "description", "what", NULL };
  static const char * const result_names[] = { "result", "outcome", "status", NULL };
  guint i = 1;

  while (i <= md->n_lines)
    {
      MiLineKind kind = mi_markdown_kind (md, i);

      if (kind == MI_LINE_HEADING)
        {
          guint level = mi_markdown_level (md, i);
          g_autofree char *text = heading_at (md, i);
          g_autofree char *lower = g_utf8_strdown (text, -1);
          guint end = section_end (md, i, level);

          if (level == 1 && self->title_line == 0)
            {
              self->title = strip_title_prefix (text);
              self->title_line = i;
            }
          else if (g_str_has_prefix (lower, "problem statement") || g_str_has_prefix (lower, "problem"))
            {
              guint stop = end;

              for (guint j = i + 1; j <= end; j++)
                {
                  g_autofree char *value = NULL;
                  g_autofree char *key = mi_markdown_line_key_value (md, j, &value);

                  if (key != NULL)
                    {
                      stop = j - 1;
                      break;
                    }
                }
              if (self->problem_statement == NULL)
                self->problem_statement = mi_markdown_text (md, i + 1, stop);
            }
          else if (g_str_has_prefix (lower, "root cause"))
            {
              if (self->root_cause == NULL)
                self->root_cause = mi_markdown_text (md, i + 1, end);
            }
          else if (g_str_has_prefix (lower, "resolution"))
            {
              if (self->resolution == NULL)
                self->resolution = mi_markdown_text (md, i + 1, end);
            }
          else if (g_str_equal (lower, "overview") || g_str_equal (lower, "summary"))
            {
              if (self->summary == NULL)
                self->summary = mi_markdown_text (md, i + 1, end);
            }
          i++;
          continue;
        }

      if (kind == MI_LINE_TABLE_HEADER && !self->has_timeline_table)
        {
          g_autofree char *text = mi_markdown_line (md, i);
          g_autoptr(GPtrArray) header = mi_markdown_split_row (text);
          int date_col, approach_col, result_col;

          if (header->len < 2 || !has_prefix_ci (g_ptr_array_index (header, 0), "attempt"))
            {
              i++;
              continue;
            }

          self->has_timeline_table = TRUE;
          self->timeline_header_line = i;
          self->timeline_last_line = i + 1;
          self->timeline_columns = g_ptr_array_new_with_free_func (g_free);
          for (guint c = 0; c < header->len; c++)
            g_ptr_array_add (self->timeline_columns, g_utf8_strdown (g_ptr_array_index (header, c), -1));

          date_col = column_index (self->timeline_columns, date_names);
          approach_col = column_index (self->timeline_columns, approach_names);
          result_col = column_index (self->timeline_columns, result_names);

          for (i = i + 1; i <= md->n_lines; i++)
            {
              MiLineKind row_kind = mi_markdown_kind (md, i);
              g_autofree char *row_text = NULL;
              g_autoptr(GPtrArray) cells = NULL;
              g_autofree char *first = NULL;
              SectionInfo *info;
              guint number;
              const char *end;

              if (row_kind == MI_LINE_TABLE_DELIM)
                continue;
              if (row_kind != MI_LINE_TABLE_ROW)
                break;

              self->timeline_last_line = i;
              row_text = mi_markdown_line (md, i);
              cells = mi_markdown_split_row (row_text);
              first = mi_markdown_strip_inline (cell (cells, 0) ? cell (cells, 0) : "");
              if (!read_number (skip_ws (first), &number, &end) &&
                  !parse_numbered (first, "attempt", &number, NULL))
                continue;

              info = g_new0 (SectionInfo, 1);
              info->number = number;
              info->line = i;
              if (cell (cells, date_col))
                info->dates = mi_markdown_strip_inline (cell (cells, date_col));
              if (cell (cells, approach_col))
                info->title = mi_markdown_strip_inline (cell (cells, approach_col));
              if (cell (cells, result_col))
                info->result = mi_markdown_strip_inline (cell (cells, result_col));
              g_ptr_array_add (sources->timeline, info);
            }
          continue;
        }

      if (mi_markdown_can_hold_key (kind))
        {
          g_autofree char *value = NULL;
          g_autofree char *key = mi_markdown_line_key_value (md, i, &value);

          if (key == NULL)
            ;
          else if (g_str_equal (key, "status") && self->status_line == 0)
            {
              self->status_line = i;
              self->status_text = mi_markdown_strip_inline (value);
              self->status = mi_status_parse (self->status_text, &self->status_attempt);
            }
          else if (g_str_equal (key, "created") && self->created_line == 0)
            {
              self->created_line = i;
              self->created = mi_markdown_strip_inline (value);
            }
          else if (g_str_equal (key, "total attempts") && self->total_line == 0)
            {
              char *end = NULL;
              long n = strtol (value, &end, 10);

              self->total_line = i;
              if (end != value && n >= 0)
                self->total_attempts = (int) n;
            }
          else if (g_str_equal (key, "duration") && self->duration == NULL)
            self->duration = mi_markdown_strip_inline (value);
          else if (g_str_equal (key, "symptoms") && self->symptoms == NULL)
            {
              g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

              for (guint j = i + 1; j <= md->n_lines; j++)
                {
                  MiLineKind k = mi_markdown_kind (md, j);

                  if (k == MI_LINE_ITEM && mi_markdown_level (md, j) == 1)
                    {
                      g_autofree char *item = mi_markdown_line (md, j);
                      g_autofree char *text = mi_markdown_item_text (item);

                      g_strv_builder_add (builder, text);
                    }
                  else if (k != MI_LINE_BLANK && k != MI_LINE_ITEM && k != MI_LINE_ITEM_TEXT)
                    break;
                }
              self->symptoms = g_strv_builder_end (builder);
            }
        }

      i++;
    }
}

static void
parse_description (MiIssue    *self,
                   MiMarkdown *md)
{
  MiHypothesis *current = NULL;
  guint current_end = 0;

  for (guint i = 1; i <= md->n_lines; i++)
    {
      MiLineKind kind = mi_markdown_kind (md, i);

      if (current != NULL && i > current_end)
        current = NULL;

      if (kind == MI_LINE_HEADING)
        {
          guint level = mi_markdown_level (md, i);
          g_autofree char *text = heading_at (md, i);
          g_autofree char *date = NULL;
          g_autofree char *title = NULL;
          guint version;

          if (has_prefix_ci (text, "current understanding"))
            {
              if (self->current_understanding == NULL)
                self->current_understanding = mi_markdown_text (md, i + 1, section_end (md, i, level));
            }
          else if (parse_version (text, &version, &date, &title))
            {
              current = mi_hypothesis_new_internal ();
              current->version = version;
              current->date = g_steal_pointer (&date);
              current->title = mi_markdown_strip_inline (title);
              current->line = i;
              current_end = section_end (md, i, level);
              g_list_store_append (self->hypotheses, current);
              g_object_unref (current);

              self->versions_level = level;
              self->versions_last_line = last_non_blank (md, i, current_end);
            }
          continue;
        }

      if (current != NULL && mi_markdown_can_hold_key (kind))
        {
          g_autofree char *value = NULL;
          g_autofree char *key = mi_markdown_line_key_value (md, i, &value);

          if (key == NULL)
            continue;
          if (g_str_equal (key, "theory"))
            set_str (&current->theory, value);
          else if (g_str_equal (key, "evidence"))
            set_str (&current->evidence, value);
          else if (g_str_equal (key, "test"))
            set_str (&current->test, value);
          else if (g_str_equal (key, "result"))
            set_str (&current->result, value);
          else if (g_str_equal (key, "learning"))
            set_str (&current->learning, value);
        }
    }
}

static void
parse_log (MiIssue    *self,
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
          g_autofree char *text = heading_at (md, i);
          g_autofree char *title = NULL;
          guint level = mi_markdown_level (md, i);
          guint number;

          if (parse_numbered (text, "attempt", &number, &title))
            {
              section = g_new0 (SectionInfo, 1);
              section->number = number;
              section->title = mi_markdown_strip_inline (title);
              section->line = i;
              section_last = section_end (md, i, level);
              g_ptr_array_add (sources->log, section);

              self->log_level = level;
              self->log_last_line = last_non_blank (md, i, section_last);
            }
          continue;
        }

      if (mi_markdown_can_hold_key (kind))
        {
          g_autofree char *value = NULL;
          g_autofree char *key = mi_markdown_line_key_value (md, i, &value);

          if (key == NULL)
            continue;

          if (is_date (key))
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
            set_str (&section->dates, value);
          else if (g_str_equal (key, "hypothesis"))
            set_str (&section->hypothesis, value);
          else if (g_str_equal (key, "result") || g_str_equal (key, "outcome"))
            set_str (&section->result, value);
          else if (g_str_equal (key, "learning"))
            set_str (&section->learning, value);
        }
    }
}

/* "5,100ms (FAIL) ✅" → value "5,100ms", verdict FAIL written. */
static void
split_result (const char *text,
              char      **value,
              MiVerdict  *verdict,
              gboolean   *written)
{
  g_autofree char *copy = g_strdup (text);
  char *cut = NULL;

  *verdict = MI_VERDICT_UNKNOWN;
  *written = FALSE;

  for (char *p = copy; *p != '\0'; p++)
    {
      if (*p == '(' && (has_prefix_ci (p + 1, "pass") || has_prefix_ci (p + 1, "fail")))
        {
          *verdict = has_prefix_ci (p + 1, "pass") ? MI_VERDICT_PASS : MI_VERDICT_FAIL;
          *written = TRUE;
          cut = p;
          break;
        }
      if (g_str_has_prefix (p, "✅") || g_str_has_prefix (p, "❌") ||
          g_str_has_prefix (p, "⚠") || g_str_has_prefix (p, "—") ||
          g_str_has_prefix (p, " - "))
        {
          if (g_str_has_prefix (p, "✅") || g_str_has_prefix (p, "❌"))
            {
              *verdict = g_str_has_prefix (p, "✅") ? MI_VERDICT_PASS : MI_VERDICT_FAIL;
              *written = TRUE;
            }
          cut = p;
          break;
        }
    }

  if (cut != NULL)
    *cut = '\0';
  *value = g_strstrip (g_steal_pointer (&copy));
}

static void
match_target (MiIssue    *self,
              MiTestCase *tc)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tc->results));
  MiMeasurement *sample = NULL;

  if (tc->target != NULL)
    return;

  for (guint r = 0; r < n && sample == NULL; r++)
    {
      g_autoptr(MiResult) result = g_list_model_get_item (G_LIST_MODEL (tc->results), r);

      sample = result->measurement;
    }
  if (sample == NULL)
    return;

  for (guint c = 0; c < g_list_model_get_n_items (G_LIST_MODEL (self->criteria)); c++)
    {
      g_autoptr(MiCriterion) criterion = g_list_model_get_item (G_LIST_MODEL (self->criteria), c);
      MiMeasurement *target = criterion->target;

      if (target == NULL || target->dimension != sample->dimension)
        continue;
      if (target->dimension == MI_DIMENSION_NONE && g_strcmp0 (target->unit, sample->unit) != 0)
        continue;

      tc->target = g_object_ref (target);
      tc->target_metric = g_strdup (criterion->metric);
      return;
    }
}

static void
parse_test_cases (MiIssue    *self,
                  MiMarkdown *md)
{
  MiTestCase *tc = NULL;
  guint tc_last = 0;
  guint criteria_last = 0;

  for (guint i = 1; i <= md->n_lines; i++)
    {
      MiLineKind kind = mi_markdown_kind (md, i);

      if (tc != NULL && i > tc_last)
        tc = NULL;

      if (kind == MI_LINE_HEADING)
        {
          g_autofree char *text = heading_at (md, i);
          g_autofree char *id = NULL;
          g_autofree char *title = NULL;
          guint level = mi_markdown_level (md, i);

          if (has_prefix_ci (text, "success criteria"))
            {
              self->criteria_line = i;
              criteria_last = section_end (md, i, level);
            }
          else if (parse_test_case_heading (text, &id, &title))
            {
              MiTestCasePlace *place;

              tc = mi_test_case_new_internal ();
              tc->id = g_steal_pointer (&id);
              tc->title = mi_markdown_strip_inline (title);
              tc->line = i;
              tc_last = section_end (md, i, level);
              place = mi_test_case_get_place (tc);
              place->last_line = last_non_blank (md, i, tc_last);
              g_list_store_append (self->test_cases, tc);
              g_object_unref (tc);
            }
          continue;
        }

      if (kind == MI_LINE_ITEM && i <= criteria_last && tc == NULL)
        {
          g_autofree char *line = mi_markdown_line (md, i);
          g_autofree char *item = mi_markdown_item_text (line);
          g_autofree char *plain = mi_markdown_strip_inline (item);
          const char *colon = strchr (plain, ':');
          MiCriterion *criterion;

          if (colon == NULL)
            continue;

          criterion = mi_criterion_new_internal ();
          criterion->metric = g_strstrip (g_strndup (plain, colon - plain));
          criterion->target = mi_measurement_parse (colon + 1);
          criterion->text = g_strdup (plain);
          criterion->line = i;
          g_list_store_append (self->criteria, criterion);
          g_object_unref (criterion);
          continue;
        }

      if (tc == NULL || !mi_markdown_can_hold_key (kind))
        continue;

      {
        g_autofree char *value = NULL;
        g_autofree char *key = mi_markdown_line_key_value (md, i, &value);
        g_autofree char *line = NULL;
        g_autofree char *item = NULL;
        g_autofree char *rest = NULL;
        guint attempt;

        if (key != NULL)
          {
            if (g_str_equal (key, "procedure"))
              set_str (&tc->procedure, value);
            else if (g_str_equal (key, "target") && tc->target == NULL)
              tc->target = mi_measurement_parse (value);
            else if (g_str_equal (key, "results"))
              mi_test_case_get_place (tc)->results_line = i;
            continue;
          }

        if (kind != MI_LINE_ITEM)
          continue;

        line = mi_markdown_line (md, i);
        item = mi_markdown_item_text (line);
        if (parse_numbered (item, "attempt", &attempt, &rest))
          {
            MiResult *result = mi_result_new_internal ();

            result->attempt = attempt;
            split_result (rest, &result->text, &result->verdict, &result->written);
            result->measurement = mi_measurement_parse (result->text);
            result->line = i;
            g_list_store_append (tc->results, result);
            g_object_unref (result);
            mi_test_case_get_place (tc)->last_result_line = i;
          }
      }
    }

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (self->test_cases)); t++)
    {
      g_autoptr(MiTestCase) test_case = g_list_model_get_item (G_LIST_MODEL (self->test_cases), t);

      match_target (self, test_case);

      for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (test_case->results)); r++)
        {
          g_autoptr(MiResult) result = g_list_model_get_item (G_LIST_MODEL (test_case->results), r);

          if (!result->written)
            result->verdict = mi_measurement_judge (test_case->target, result->measurement);
        }
    }
}

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
          g_autofree char *text = heading_at (md, i);
          g_autofree char *title = NULL;
          guint number;

          if (level == 1 && attempt->title == NULL)
            {
              if (parse_numbered (text, "attempt", &number, &title))
                set_str (&attempt->title, title);
              else
                set_str (&attempt->title, text);
            }
          else if (has_prefix_ci (text, "hypothesis") && attempt->hypothesis == NULL)
            attempt->hypothesis = mi_markdown_text (md, i + 1, section_end (md, i, level));
          else if (has_prefix_ci (text, "expected outcome") && attempt->expected_outcome == NULL)
            attempt->expected_outcome = mi_markdown_text (md, i + 1, section_end (md, i, level));
          continue;
        }

      if (mi_markdown_can_hold_key (kind))
        {
          g_autofree char *value = NULL;
          g_autofree char *key = mi_markdown_line_key_value (md, i, &value);

          if (key == NULL)
            continue;
          if (g_str_equal (key, "hypothesis"))
            set_str (&attempt->hypothesis, value);
          else if (g_str_equal (key, "expected outcome"))
            set_str (&attempt->expected_outcome, value);
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
  if (parts[0] != NULL && is_date (g_strstrip (parts[0])))
    attempt->start_date = g_strndup (parts[0], 10);
  if (parts[0] != NULL && parts[1] != NULL)
    {
      const char *end = g_strstrip (parts[1]);

      if (is_date (end))
        attempt->end_date = g_strndup (end, 10);
      else if (attempt->start_date != NULL && strlen (end) >= 5 &&
               g_ascii_isdigit (end[0]) && end[2] == '-')
        /* "2024-09-01 - 09-07": the year of the start. */
        attempt->end_date = g_strdup_printf ("%.4s-%.5s", attempt->start_date, end);
    }
}

static void
collect_attempts (MiIssue      *self,
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

      if (!read_number (name, &number, &rest) || !g_file_test (child_path, G_FILE_TEST_IS_DIR))
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
          g_autoptr(MiMarkdown) md = parse_document (attempt->approach);

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
              /* The log's title wins over the approach file's. */
              approach_title = g_steal_pointer (&attempt->title);
              set_str (&attempt->title, info->title);
              set_str (&attempt->title, approach_title);
              set_str (&attempt->hypothesis, info->hypothesis);
              set_str (&attempt->learning, info->learning);
            }
          else if (s == 1 && attempt->timeline_line == 0)
            {
              attempt->timeline_line = info->line;
              set_str (&attempt->title, info->title);
            }
          else
            continue;

          set_str (&attempt->dates, info->dates);
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

/**
 * mi_issue_parse_into:
 * Reads every file of the folder into @self, a fresh object.
 */
void
mi_issue_parse_into (MiIssue      *self,
                     GCancellable *cancellable)
{
  Sources sources;

  g_atomic_int_inc (&n_parses);

  sources.timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) section_info_free);
  sources.log = g_ptr_array_new_with_free_func ((GDestroyNotify) section_info_free);

  for (guint f = 0; f < MI_ISSUE_N_FILES; f++)
    {
      g_autoptr(GFile) file = g_file_get_child (self->folder, file_names[f]);
      g_autoptr(MiMarkdown) md = NULL;

      self->docs[f] = mi_document_new (file);
      if (!mi_document_load (self->docs[f], cancellable, NULL))
        continue;

      md = parse_document (self->docs[f]);
      if (md == NULL)
        continue;

      switch (f)
        {
        case MI_ISSUE_FILE_README:
          parse_readme (self, md, &sources);
          break;
        case MI_ISSUE_FILE_DESCRIPTION:
          parse_description (self, md);
          break;
        case MI_ISSUE_FILE_LOG:
          parse_log (self, md, &sources);
          break;
        case MI_ISSUE_FILE_TEST_CASES:
          parse_test_cases (self, md);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  collect_attempts (self, &sources, cancellable);

  if (self->title == NULL)
    self->title = g_strdup (self->slug);

  /* Parsed: the texts are let go until an edit needs them (read again then). */
  for (guint f = 0; f < MI_ISSUE_N_FILES; f++)
    mi_document_release (self->docs[f]);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->attempts)); i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (G_LIST_MODEL (self->attempts), i);

      if (attempt->approach != NULL)
        mi_document_release (attempt->approach);
      if (attempt->results_doc != NULL)
        mi_document_release (attempt->results_doc);
    }

  g_ptr_array_unref (sources.timeline);
  g_ptr_array_unref (sources.log);
}

/* ---------------------------------------------------------------------- */
/* Stamps                                                                  */

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

      if (read_number (name, &number, &rest) && g_file_test (child, G_FILE_TEST_IS_DIR))
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

/* Parses counted since the process started (for tests). */
guint
mi_issue_get_n_parses (void)
{
  return (guint) g_atomic_int_get (&n_parses);
}
