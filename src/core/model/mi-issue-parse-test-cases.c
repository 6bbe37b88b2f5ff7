/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-issue"

#include "config.h"

#include <string.h>

#include "mi-issue-parse-private.h"

/*
 * The parser's test-cases.md: the success criteria, the test cases with
 * their procedure, target and results, and the verdict of each result,
 * written or judged against the test case's target (its own, else the
 * criterion it names, else the only criterion of its results' dimension).
 */

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
      if (*p == '(' && (_mi_parse_has_prefix_ci (p + 1, "pass") || _mi_parse_has_prefix_ci (p + 1, "fail")))
        {
          *verdict = _mi_parse_has_prefix_ci (p + 1, "pass") ? MI_VERDICT_PASS : MI_VERDICT_FAIL;
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

/* The words of @text, lower-case, a trailing plural "s" dropped. */
static GHashTable *
words_of (const char *text)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lower = g_utf8_strdown (text != NULL ? text : "", -1);
  GString *word = g_string_new (NULL);

  for (const char *p = lower; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 3 && word->str[word->len - 1] == 's')
        g_string_truncate (word, word->len - 1);
      if (word->len >= 2)
        g_hash_table_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return words;
}

/* Whether every word of @metric is a word of @words. */
static gboolean
metric_named_in (const char *metric,
                 GHashTable *words)
{
  g_autoptr(GHashTable) metric_words = words_of (metric);
  GHashTableIter iter;
  gpointer word;

  if (g_hash_table_size (metric_words) == 0)
    return FALSE;
  g_hash_table_iter_init (&iter, metric_words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (!g_hash_table_contains (words, word))
      return FALSE;
  return TRUE;
}

/**
 * _mi_issue_find_criterion:
 * @sample: (nullable): a value measured for @tc (a result, or one being
 *   recorded), or NULL
 *
 * The success criterion that is @tc's target when it has no `**Target:**`
 * line: the one whose metric's words all appear in the test case's title
 * or procedure (of @sample's dimension, when several do); else, the one
 * criterion of @sample's dimension. Never a guess between two: NULL then.
 *
 * Returns: (transfer none) (nullable): the criterion
 */
MiCriterion *
_mi_issue_find_criterion (MiIssue       *self,
                          MiTestCase    *tc,
                          MiMeasurement *sample)
{
  g_autofree char *text = g_strconcat (tc->title != NULL ? tc->title : "", " ",
                                       tc->procedure != NULL ? tc->procedure : "", NULL);
  g_autoptr(GHashTable) words = words_of (text);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->criteria));
  MiCriterion *named = NULL, *same_dimension = NULL;
  guint n_named = 0, n_same_dimension = 0;

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(MiCriterion) criterion = g_list_model_get_item (G_LIST_MODEL (self->criteria), c);
      gboolean fits;

      if (criterion->target == NULL)
        continue;
      fits = sample == NULL || mi_measurement_is_comparable (criterion->target, sample);

      if (fits && metric_named_in (criterion->metric, words))
        {
          named = criterion;
          n_named++;
        }
      if (sample != NULL && fits)
        {
          same_dimension = criterion;
          n_same_dimension++;
        }
    }

  if (n_named == 1)
    return named;
  if (n_named == 0 && n_same_dimension == 1)
    return same_dimension;
  return NULL;
}

static void
match_target (MiIssue    *self,
              MiTestCase *tc)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tc->results));
  MiMeasurement *sample = NULL;
  MiCriterion *criterion;

  if (tc->target != NULL)
    return;

  for (guint r = 0; r < n && sample == NULL; r++)
    {
      g_autoptr(MiResult) result = g_list_model_get_item (G_LIST_MODEL (tc->results), r);

      sample = result->measurement;
    }

  criterion = _mi_issue_find_criterion (self, tc, sample);
  if (criterion == NULL)
    return;
  tc->target = g_object_ref (criterion->target);
  tc->target_metric = g_strdup (criterion->metric);
}

void
_mi_issue_parse_test_cases (MiIssue    *self,
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
          g_autofree char *text = _mi_parse_heading_at (md, i);
          g_autofree char *id = NULL;
          g_autofree char *title = NULL;
          guint level = mi_markdown_level (md, i);

          if (_mi_parse_has_prefix_ci (text, "success criteria"))
            {
              self->criteria_line = i;
              criteria_last = _mi_parse_section_end (md, i, level);
            }
          else if (_mi_parse_test_case_heading (text, &id, &title))
            {
              MiTestCasePlace *place;

              tc = mi_test_case_new_internal ();
              tc->id = g_steal_pointer (&id);
              tc->title = mi_markdown_strip_inline (title);
              tc->line = i;
              if (self->test_cases_level == 0)
                self->test_cases_level = level;
              tc_last = _mi_parse_section_end (md, i, level);
              place = mi_test_case_get_place (tc);
              place->last_line = _mi_parse_last_non_blank (md, i, tc_last);
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
              _mi_parse_set_str (&tc->procedure, value);
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
        if (_mi_parse_numbered (item, "attempt", &attempt, &rest))
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
