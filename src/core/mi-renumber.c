/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-renumber"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mi-claim.h"
#include "mi-edit-private.h"
#include "mi-issue-private.h"
#include "mi-markdown.h"
#include "mi-renumber.h"

/*
 * Renumbering a duplicate attempt. Two branches that each added attempt 004
 * merge into two folders 004-a/ and 004-b/, two Timeline Summary rows, two
 * `## Attempt 004:` log sections and, per test case, two `- Attempt 004:`
 * results. The attempt to move gets the next free number: its folder is
 * renamed, and its row, its log heading, its results and the first heading
 * of its own two files are rewritten — only the number (and the folder name
 * in the row's link), each file keeping all its other bytes. Total Attempts
 * is updated when it was right before.
 *
 * Which row, section and results are the moved attempt's: a row whose link
 * names its folder, a section whose title gives its folder's name; what
 * names neither goes by position, in the order the merge left them (the
 * attempt's section is the j-th of that number, so are its results).
 */

typedef struct
{
  guint  line;
  int    owner;   /* index of the duplicate it names, -1 when unknown */
} Candidate;

static const char *
find_ci (const char *haystack,
         const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* "Attempt 004: Title" → 4, "Title"; FALSE when @text is no such heading. */
static gboolean
parse_attempt_heading (const char  *text,
                       guint       *number,
                       char       **title)
{
  const char *p = text;
  guint n = 0;

  while (*p == ' ' || *p == '\t')
    p++;
  if (g_ascii_strncasecmp (p, "attempt", 7) != 0)
    return FALSE;
  p += 7;
  while (*p == ' ' || *p == '#')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    n = n * 10 + (guint) (*p++ - '0');
  while (*p == ' ' || *p == ':' || *p == '-' || *p == '.')
    p++;
  *number = n;
  if (title != NULL)
    *title = g_strstrip (g_strdup (p));
  return TRUE;
}

static guint
leading_number (const char *text,
                gboolean   *ok)
{
  const char *p = text;
  guint n = 0;

  while (*p == ' ' || *p == '#')
    p++;
  if (g_ascii_strncasecmp (p, "attempt", 7) == 0)
    p += 7;
  while (*p == ' ' || *p == '#')
    p++;
  *ok = g_ascii_isdigit (*p);
  while (g_ascii_isdigit (*p))
    n = n * 10 + (guint) (*p++ - '0');
  return n;
}

/*
 * Rewrites @line of @doc: "attempts/<old_folder>" becomes
 * "attempts/<new_folder>", then the first run of digits worth @old_number
 * (after the word "attempt" when @after_word) becomes @new_number, as wide as
 * it was written ("004" → "005", "4" → "5").
 */
static void
rewrite_line (MiDocument *doc,
              guint       line,
              guint       old_number,
              guint       new_number,
              const char *old_folder,
              const char *new_folder,
              gboolean    after_word)
{
  g_autofree char *text = mi_edit_get_line (doc, line);
  gsize offset = mi_document_line_offset (doc, line);
  GString *out = g_string_new (text);
  const char *p;

  if (old_folder != NULL)
    {
      g_autofree char *from = g_strconcat ("attempts/", old_folder, NULL);
      g_autofree char *to = g_strconcat ("attempts/", new_folder, NULL);

      g_string_replace (out, from, to, 0);
    }

  p = out->str;
  if (after_word)
    {
      const char *word = find_ci (p, "attempt");

      p = word != NULL ? word + 7 : p;
    }

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          guint value = 0;

          while (g_ascii_isdigit (*p))
            value = value * 10 + (guint) (*p++ - '0');
          if (value == old_number)
            {
              g_autofree char *number = g_strdup_printf ("%0*u", (int) (p - start), new_number);
              gsize at = start - out->str;

              g_string_erase (out, at, p - start);
              g_string_insert (out, at, number);
              break;
            }
        }
      else
        p++;
    }

  if (!g_str_equal (out->str, text))
    mi_document_replace (doc, offset, strlen (text), out->str);
  g_string_free (out, TRUE);
}

/* The candidate that belongs to duplicate @k of @n_dups, or 0. */
static guint
pick (GArray *candidates,
      guint   k,
      guint   n_dups,
      guint  *position)
{
  g_autoptr(GArray) free_ones = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->owner == (int) k)
        {
          if (position != NULL)
            *position = i;
          return c->line;
        }
    }

  for (guint i = 0; i < candidates->len; i++)
    if (g_array_index (candidates, Candidate, i).owner < 0)
      g_array_append_val (free_ones, g_array_index (candidates, Candidate, i));

  /* By position, only when every duplicate has its own. */
  if (candidates->len == n_dups && k < candidates->len &&
      g_array_index (candidates, Candidate, k).owner < 0)
    {
      if (position != NULL)
        *position = k;
      return g_array_index (candidates, Candidate, k).line;
    }
  return 0;
}

static void
get_duplicates (MiIssue    *issue,
                guint       number,
                GPtrArray  *dups)
{
  GListModel *attempts = G_LIST_MODEL (issue->attempts);

  for (guint i = 0; i < g_list_model_get_n_items (attempts); i++)
    {
      MiAttempt *attempt = g_list_model_get_item (attempts, i);

      if (attempt->number == number && attempt->folder != NULL)
        g_ptr_array_add (dups, attempt);
      else
        g_object_unref (attempt);
    }
}

static guint
count_distinct (MiIssue *issue,
                guint   *max)
{
  GListModel *attempts = G_LIST_MODEL (issue->attempts);
  guint n = g_list_model_get_n_items (attempts);
  guint distinct = 0, last = G_MAXUINT;

  *max = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, i);

      if (attempt->number != last)
        distinct++;
      last = attempt->number;
      *max = MAX (*max, attempt->number);
    }
  return distinct;
}

static int
compare_lines_desc (gconstpointer a,
                    gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Rewrites the first heading of an attempt's own file, when it names the number. */
static void
rewrite_own_heading (MiDocument *doc,
                     guint       old_number,
                     guint       new_number)
{
  gsize len;
  const char *text = mi_document_get_text (doc, &len);
  g_autoptr(MiMarkdown) md = mi_markdown_parse (text, len);

  for (guint i = 1; i <= md->n_lines; i++)
    {
      if (mi_markdown_kind (md, i) == MI_LINE_HEADING)
        {
          g_autofree char *line = mi_markdown_line (md, i);
          g_autofree char *heading = mi_markdown_heading_text (line);
          guint number;

          if (heading != NULL && parse_attempt_heading (heading, &number, NULL) && number == old_number)
            rewrite_line (doc, i, old_number, new_number, NULL, NULL, TRUE);
          return;
        }
    }
}

/**
 * mi_issue_find_duplicate_attempt:
 *
 * Returns: (transfer none) (nullable): the attempt `check` reports as using
 *   the number of another one: the later folder, by name, of the first
 *   number used twice.
 */
MiAttempt *
mi_issue_find_duplicate_attempt (MiIssue *issue)
{
  GListModel *attempts;
  MiAttempt *previous = NULL;

  g_return_val_if_fail (MI_IS_ISSUE (issue), NULL);

  attempts = G_LIST_MODEL (issue->attempts);
  for (guint i = 0; i < g_list_model_get_n_items (attempts); i++)
    {
      MiAttempt *attempt = g_list_model_get_item (attempts, i);

      g_object_unref (attempt);
      if (attempt->folder == NULL)
        continue;
      if (previous != NULL && previous->number == attempt->number)
        return attempt;
      previous = attempt;
    }
  return NULL;
}

typedef struct
{
  GFile *folder;
  guint  number;   /* out */
} RenumberEdit;

static void
renumber_edit_free (RenumberEdit *edit)
{
  g_clear_object (&edit->folder);
  g_free (edit);
}

static gboolean
prepare_renumber (MiIssue   *issue,
                  MiChange  *change,
                  gpointer   data,
                  GError   **error)
{
  RenumberEdit *edit = data;
  GFile *folder = edit->folder;
  g_autoptr(GPtrArray) dups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) tests_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GFile) new_folder = NULL;
  g_autoptr(GFile) attempts_dir = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *number_text = NULL;
  MiDocument *readme, *log, *tests;
  MiAttempt *target = NULL;
  guint old_number, new_number, max, distinct, k = 0, position = G_MAXUINT;
  guint row_line = 0, log_line = 0;
  const char *rest;
  gsize width = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (issue->attempts)); i++)
    {
      MiAttempt *attempt = g_list_model_get_item (G_LIST_MODEL (issue->attempts), i);

      g_object_unref (attempt);
      if (attempt->folder != NULL && g_file_equal (attempt->folder, folder))
        target = attempt;
    }
  if (target == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_NOT_FOUND,
                   _("“%s” is not an attempt folder of meta-issue “%s”. Reload, then try again."),
                   name, issue->slug);
      return FALSE;
    }

  old_number = target->number;
  old_name = g_file_get_basename (folder);
  while (g_ascii_isdigit (old_name[width]))
    width++;
  rest = old_name + width;

  distinct = count_distinct (issue, &max);
  new_number = max + 1;
  number_text = g_strdup_printf ("%0*u", (int) MAX (width, 3), new_number);
  new_name = g_strconcat (number_text, rest, NULL);
  attempts_dir = g_file_get_parent (folder);
  new_folder = g_file_get_child (attempts_dir, new_name);
  if (g_file_query_exists (new_folder, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (new_folder);

      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_EXISTS,
                   _("“%s” already exists: move it away, then try again."), name);
      return FALSE;
    }

  get_duplicates (issue, old_number, dups);
  for (guint i = 0; i < dups->len; i++)
    if (g_ptr_array_index (dups, i) == target)
      k = i;

  readme = issue->docs[MI_ISSUE_FILE_README];
  log = issue->docs[MI_ISSUE_FILE_LOG];
  tests = issue->docs[MI_ISSUE_FILE_TEST_CASES];

  /* The log section: its title gives the folder's name. */
  if (mi_document_get_exists (log))
    {
      gsize len;
      const char *text = mi_document_get_text (log, &len);
      g_autoptr(MiMarkdown) md = mi_markdown_parse (text, len);
      g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

      for (guint i = 1; i <= md->n_lines; i++)
        {
          g_autofree char *line = NULL;
          g_autofree char *heading = NULL;
          g_autofree char *title = NULL;
          guint number;
          Candidate c = { i, -1 };

          if (mi_markdown_kind (md, i) != MI_LINE_HEADING)
            continue;
          line = mi_markdown_line (md, i);
          heading = mi_markdown_heading_text (line);
          if (heading == NULL || !parse_attempt_heading (heading, &number, &title) || number != old_number)
            continue;
          {
            g_autofree char *plain = mi_markdown_strip_inline (title);
            g_autofree char *slug = mi_slug_from_title (plain);

            for (guint d = 0; d < dups->len; d++)
              if (g_strcmp0 (((MiAttempt *) g_ptr_array_index (dups, d))->slug, slug) == 0)
                c.owner = (int) d;
          }
          g_array_append_val (candidates, c);
        }
      log_line = pick (candidates, k, dups->len, &position);
    }

  /* The timeline row: its link names the folder. */
  if (mi_document_get_exists (readme) && issue->has_timeline_table)
    {
      gsize len;
      const char *text = mi_document_get_text (readme, &len);
      g_autoptr(MiMarkdown) md = mi_markdown_parse (text, len);
      g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
      guint row_position = G_MAXUINT;

      for (guint i = issue->timeline_header_line + 1; i <= issue->timeline_last_line && i <= md->n_lines; i++)
        {
          g_autofree char *line = NULL;
          g_autoptr(GPtrArray) cells = NULL;
          g_autofree char *first = NULL;
          Candidate c = { i, -1 };
          gboolean ok;

          if (mi_markdown_kind (md, i) != MI_LINE_TABLE_ROW)
            continue;
          line = mi_markdown_line (md, i);
          cells = mi_markdown_split_row (line);
          if (cells->len == 0)
            continue;
          first = mi_markdown_strip_inline (g_ptr_array_index (cells, 0));
          if (leading_number (first, &ok) != old_number || !ok)
            continue;
          for (guint d = 0; d < dups->len; d++)
            {
              g_autofree char *folder_name = g_file_get_basename (((MiAttempt *) g_ptr_array_index (dups, d))->folder);
              g_autofree char *link = g_strconcat ("attempts/", folder_name, NULL);
              const char *at = strstr (line, link);

              if (at != NULL && (at[strlen (link)] == '/' || at[strlen (link)] == ')'))
                c.owner = (int) d;
            }
          g_array_append_val (candidates, c);
        }

      if (position != G_MAXUINT && candidates->len == dups->len)
        {
          /* The log said which one it is: the rows follow the same order. */
          row_line = pick (candidates, k, dups->len, &row_position);
          if (row_line == 0 && g_array_index (candidates, Candidate, position).owner < 0)
            row_line = g_array_index (candidates, Candidate, position).line;
        }
      else
        row_line = pick (candidates, k, dups->len, &row_position);
      if (position == G_MAXUINT)
        position = row_position;
    }
  if (position == G_MAXUINT)
    position = k;


  /* Check every file first: refuse before moving anything. */
  {
    MiDocument *all[] = { readme, log, tests };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      if (mi_document_get_exists (all[i]) && !mi_document_check_disk (all[i], NULL, error))
        return FALSE;
  }

  if (row_line > 0)
    {
      mi_change_add (change, readme);
      rewrite_line (readme, row_line, old_number, new_number, old_name, new_name, FALSE);
    }

  if (issue->total_line > 0 && issue->total_attempts >= 0 && (guint) issue->total_attempts == distinct &&
      dups->len > 1)
    {
      g_autofree char *total = g_strdup_printf ("%u", distinct + 1);

      mi_change_add (change, readme);
      mi_edit_replace_value (readme, issue->total_line, total);
    }

  if (log_line > 0)
    {
      mi_change_add (change, log);
      rewrite_line (log, log_line, old_number, new_number, NULL, NULL, TRUE);
    }

  /* Results: per test case, the position-th result of that number. */
  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (issue->test_cases)); t++)
    {
      g_autoptr(MiTestCase) tc = g_list_model_get_item (G_LIST_MODEL (issue->test_cases), t);
      g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

      for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (tc->results)); r++)
        {
          g_autoptr(MiResult) result = g_list_model_get_item (G_LIST_MODEL (tc->results), r);
          Candidate c = { result->line, -1 };

          if (result->attempt == old_number && result->line > 0)
            g_array_append_val (candidates, c);
        }
      if (candidates->len == dups->len && position < candidates->len)
        g_array_append_val (tests_lines, g_array_index (candidates, Candidate, position).line);
    }
  if (tests_lines->len > 0)
    {
      g_array_sort (tests_lines, compare_lines_desc);
      mi_change_add (change, tests);
      for (guint i = 0; i < tests_lines->len; i++)
        rewrite_line (tests, g_array_index (tests_lines, guint, i), old_number, new_number, NULL, NULL, TRUE);
    }

  /* Move the folder, then its own files' headings at their new place. */
  {
    g_autoptr(GError) local_error = NULL;
    static const char *own[] = { "solution-approach.md", "attempt-results.md" };

    for (guint i = 0; change->claims != NULL && i < change->claims->len; i++)
      if (!mi_claim_check_moved (g_ptr_array_index (change->claims, i), folder, error))
        return FALSE;

    if (!g_file_move (folder, new_folder, G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL, &local_error))
      {
        g_autofree char *name = g_file_get_parse_name (folder);

        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not rename “%s” to %s: %s"), name, new_name, local_error->message);
        return FALSE;
      }

    for (guint i = 0; i < G_N_ELEMENTS (own); i++)
      {
        g_autoptr(GFile) file = g_file_get_child (new_folder, own[i]);
        g_autoptr(MiDocument) doc = mi_document_new (file);

        if (!mi_document_load (doc, NULL, NULL) || !mi_document_get_exists (doc) || !mi_document_is_utf8 (doc))
          continue;
        mi_change_add (change, doc);
        rewrite_own_heading (doc, old_number, new_number);
      }

    if (!mi_change_commit (change, error))
      {
        g_file_move (new_folder, folder, G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL, NULL);
        return FALSE;
      }
    change->committed = TRUE;
  }

  edit->number = new_number;
  return TRUE;
}

/**
 * mi_issue_renumber_attempt:
 * @folder: the attempt's folder (attempts/NNN-name)
 *
 * Gives the attempt in @folder the next free number: renames the folder and
 * rewrites its Timeline Summary row, its log heading, its test results and
 * the first heading of its own files; updates Total Attempts. Every file is
 * checked against the disk first; on a failure nothing stays changed. Then
 * the issue is parsed again.
 *
 * Returns: the new number, 0 with @error set on failure
 */
guint
mi_issue_renumber_attempt (MiIssue  *issue,
                           GFile    *folder,
                           GError  **error)
{
  RenumberEdit edit = { folder, 0 };

  g_return_val_if_fail (MI_IS_ISSUE (issue), 0);
  g_return_val_if_fail (G_IS_FILE (folder), 0);

  if (!mi_edit_run (issue, prepare_renumber, &edit, error))
    return 0;
  return edit.number;
}

void
mi_issue_renumber_attempt_async (MiIssue             *issue,
                                 GFile               *folder,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  RenumberEdit *edit;

  g_return_if_fail (MI_IS_ISSUE (issue));
  g_return_if_fail (G_IS_FILE (folder));

  edit = g_new0 (RenumberEdit, 1);
  edit->folder = g_file_dup (folder);
  mi_edit_run_async (issue, prepare_renumber, edit, (GDestroyNotify) renumber_edit_free,
                     mi_issue_renumber_attempt_async, cancellable, callback, user_data);
}

/**
 * mi_issue_renumber_attempt_finish:
 *
 * Returns: the new number, 0 with @error set on failure
 */
guint
mi_issue_renumber_attempt_finish (MiIssue       *issue,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  RenumberEdit *edit = mi_edit_run_finish (issue, result, mi_issue_renumber_attempt_async, error);

  return edit != NULL ? edit->number : 0;
}
