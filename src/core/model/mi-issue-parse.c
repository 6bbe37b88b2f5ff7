/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-issue"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mi-issue-parse-private.h"

/*
 * Parsing the files of a meta-issue into a fresh MiIssue. The parser is
 * tolerant (case, spacing, emoji or words, missing files and sections) and
 * remembers where each value is, for the edits of mi-issue-edit.c. This
 * file holds the small readers the parser's files share, the README and
 * the description, and mi_issue_parse_into(), which reads every file; the
 * log and the attempt folders are read in mi-issue-parse-attempts.c, the
 * test cases and success criteria in mi-issue-parse-test-cases.c. The
 * stamps that tell, without parsing, whether the files are still what was
 * parsed are in mi-issue-stamp.c.
 */

/* How many times a meta-issue was parsed, in this process: tests count. */
static gint n_parses;

static const char * const file_names[MI_ISSUE_N_FILES] = {
  "README.md", "description.md", "implementation-log.md", "test-cases.md",
};

/* ---------------------------------------------------------------------- */
/* Small readers                                                           */

gboolean
_mi_parse_has_prefix_ci (const char *text,
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

gboolean
_mi_parse_read_number (const char  *p,
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
gboolean
_mi_parse_numbered (const char  *text,
                    const char  *word,
                    guint       *number,
                    char       **title)
{
  const char *p = skip_ws (text);

  if (!_mi_parse_has_prefix_ci (p, word))
    return FALSE;
  p = skip_ws (p + strlen (word));
  if (*p == '#')
    p++;
  if (!_mi_parse_read_number (p, number, &p))
    return FALSE;
  if (g_ascii_isalnum (*p))
    return FALSE;
  if (title != NULL)
    *title = g_strdup (skip_separator (p));
  return TRUE;
}

gboolean
_mi_parse_is_date (const char *text)
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

  if (!_mi_parse_has_prefix_ci (p, "version"))
    return FALSE;
  p = skip_ws (p + strlen ("version"));
  if (*p == 'v' || *p == 'V')
    p++;
  if (!_mi_parse_read_number (p, version, &p))
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
gboolean
_mi_parse_test_case_heading (const char  *text,
                             char       **id,
                             char       **title)
{
  const char *p = skip_ws (text);
  const char *start = p;

  if (!_mi_parse_has_prefix_ci (p, "tc"))
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
guint
_mi_parse_section_end (MiMarkdown *md,
                       guint       heading,
                       guint       level)
{
  for (guint i = heading + 1; i <= md->n_lines; i++)
    if (mi_markdown_kind (md, i) == MI_LINE_HEADING && mi_markdown_level (md, i) <= level)
      return i - 1;
  return md->n_lines;
}

guint
_mi_parse_last_non_blank (MiMarkdown *md,
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

char *
_mi_parse_heading_at (MiMarkdown *md,
                      guint       line)
{
  g_autofree char *text = mi_markdown_line (md, line);

  return mi_markdown_heading_text (text);
}

MiMarkdown *
_mi_parse_document (MiDocument *doc)
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

void
_mi_parse_set_str (char       **field,
                   const char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_strdup (value);
}

/* ---------------------------------------------------------------------- */
/* The files                                                               */

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

static char *
strip_title_prefix (const char *title)
{
  const char *p = title;

  if (_mi_parse_has_prefix_ci (p, "meta-issue") || _mi_parse_has_prefix_ci (p, "meta issue"))
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
      if (_mi_parse_has_prefix_ci (g_ptr_array_index (columns, c), names[n]))
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
          g_autofree char *text = _mi_parse_heading_at (md, i);
          g_autofree char *lower = g_utf8_strdown (text, -1);
          guint end = _mi_parse_section_end (md, i, level);

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

          if (header->len < 2 || !_mi_parse_has_prefix_ci (g_ptr_array_index (header, 0), "attempt"))
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
              if (!_mi_parse_read_number (skip_ws (first), &number, &end) &&
                  !_mi_parse_numbered (first, "attempt", &number, NULL))
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
          g_autofree char *text = _mi_parse_heading_at (md, i);
          g_autofree char *date = NULL;
          g_autofree char *title = NULL;
          guint version;

          if (_mi_parse_has_prefix_ci (text, "current understanding"))
            {
              if (self->current_understanding == NULL)
                self->current_understanding = mi_markdown_text (md, i + 1, _mi_parse_section_end (md, i, level));
            }
          else if (parse_version (text, &version, &date, &title))
            {
              current = mi_hypothesis_new_internal ();
              current->version = version;
              current->date = g_steal_pointer (&date);
              current->title = mi_markdown_strip_inline (title);
              current->line = i;
              current_end = _mi_parse_section_end (md, i, level);
              g_list_store_append (self->hypotheses, current);
              g_object_unref (current);

              self->versions_level = level;
              self->versions_last_line = _mi_parse_last_non_blank (md, i, current_end);
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
            _mi_parse_set_str (&current->theory, value);
          else if (g_str_equal (key, "evidence"))
            _mi_parse_set_str (&current->evidence, value);
          else if (g_str_equal (key, "test"))
            _mi_parse_set_str (&current->test, value);
          else if (g_str_equal (key, "result"))
            _mi_parse_set_str (&current->result, value);
          else if (g_str_equal (key, "learning"))
            _mi_parse_set_str (&current->learning, value);
        }
    }
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

      md = _mi_parse_document (self->docs[f]);
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
          _mi_issue_parse_log (self, md, &sources);
          break;
        case MI_ISSUE_FILE_TEST_CASES:
          _mi_issue_parse_test_cases (self, md);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  _mi_issue_collect_attempts (self, &sources, cancellable);

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

/* Parses counted since the process started (for tests). */
guint
mi_issue_get_n_parses (void)
{
  return (guint) g_atomic_int_get (&n_parses);
}
