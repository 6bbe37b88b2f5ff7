/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-issue-edit"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-edit-private.h"
#include "mi-issue-parse-private.h"
#include "mi-issue-private.h"

/*
 * The structured edits of test-cases.md: recording a result, adding a test
 * case, adding a success criterion. Like those of mi-issue-edit.c, each is
 * a prepare function that mi-edit.c runs on a copy of the issue.
 */

typedef struct
{
  char          *test_case_id;
  guint          attempt;
  char          *value;
  MiVerdict      verdict;
  MiRecordFlags  flags;
} RecordEdit;

static void
record_edit_free (RecordEdit *edit)
{
  g_free (edit->test_case_id);
  g_free (edit->value);
  g_free (edit);
}

static gboolean
prepare_record_result (MiIssue   *self,
                       MiChange  *change,
                       gpointer   data,
                       GError   **error)
{
  RecordEdit *edit = data;
  const char *test_case_id = edit->test_case_id;
  guint attempt = edit->attempt;
  MiVerdict verdict = edit->verdict;
  g_autofree char *clean_value = NULL;
  g_autofree char *item = NULL;
  g_autoptr(MiMeasurement) measurement = NULL;
  MiDocument *doc = self->docs[MI_ISSUE_FILE_TEST_CASES];
  MiTestCasePlace *place;
  MiMeasurement *target;
  MiTestCase *tc;
  MiResult *existing;

  tc = mi_issue_find_test_case (self, test_case_id);
  if (tc == NULL)
    {
      g_autofree char *name = _mi_edit_relative_name (self, MI_ISSUE_FILE_TEST_CASES);

      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_NOT_FOUND,
                   _("There is no test case “%s” in %s. Add a “## %s: Title” section there first."),
                   test_case_id, name, test_case_id);
      return FALSE;
    }

  if (mi_issue_find_attempt (self, attempt) == NULL)
    {
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_NOT_FOUND,
                   _("Meta-issue “%s” has no attempt %03u. Add the attempt first."),
                   self->slug, attempt);
      return FALSE;
    }

  if (!_mi_edit_check_text (edit->value, _("value"), &clean_value, error))
    return FALSE;

  measurement = mi_measurement_parse (clean_value);

  /* The target: the test case's own, else the criterion it names, else
   * the only one of this value's kind; the first result too. */
  target = tc->target;
  if (target == NULL)
    {
      MiCriterion *criterion = _mi_issue_find_criterion (self, tc, measurement);

      target = criterion != NULL ? criterion->target : NULL;
    }

  /* "300MB" against "< 1,000ms": not the same thing measured. */
  if (target != NULL && !(edit->flags & MI_RECORD_FORCE) &&
      (measurement == NULL || !mi_measurement_is_comparable (target, measurement)))
    {
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INCOMPARABLE,
                   _("“%s” cannot be compared with the target of %s, “%s”: write it in a unit of the same kind, or record it anyway."),
                   clean_value, tc->id, mi_measurement_get_text (target));
      return FALSE;
    }

  existing = mi_test_case_find_result (tc, attempt);
  if (existing != NULL && !(edit->flags & MI_RECORD_REPLACE))
    {
      g_autofree char *line = mi_edit_get_line (doc, existing->line);
      g_autofree char *name = _mi_edit_relative_name (self, MI_ISSUE_FILE_TEST_CASES);

      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_EXISTS,
                   _("%s already has a result for attempt %03u, line %u of %s: “%s”. Replace it, or record it for another attempt."),
                   tc->id, attempt, existing->line, name, g_strstrip (line));
      return FALSE;
    }

  if (verdict == MI_VERDICT_UNKNOWN)
    verdict = mi_measurement_judge (target, measurement);

  item = g_strdup_printf ("Attempt %03u: %s%s", attempt, clean_value,
                          verdict == MI_VERDICT_PASS ? " (PASS)" :
                          verdict == MI_VERDICT_FAIL ? " (FAIL)" : "");

  mi_change_add (change, doc);
  place = mi_test_case_get_place (tc);

  if (existing != NULL)
    {
      g_autofree char *line = mi_edit_get_line (doc, existing->line);
      gsize offset = mi_document_line_offset (doc, existing->line);
      const char *content = strstr (line, "ttempt");

      g_assert (content != NULL && content > line);
      content--;
      mi_document_replace (doc, offset + (content - line), strlen (content), item);
    }
  else if (place->last_result_line > 0)
    {
      g_autofree char *previous = mi_edit_get_line (doc, place->last_result_line);
      const char *content = strstr (previous, "ttempt");
      g_autofree char *prefix = g_strndup (previous, content ? (gsize) (content - 1 - previous) : 0);
      g_autofree char *line = g_strconcat (content ? prefix : "- ", item, NULL);
      const char *lines[] = { line, NULL };

      mi_edit_insert_lines_after (doc, place->last_result_line, lines);
    }
  else if (place->results_line > 0)
    {
      g_autofree char *line = g_strconcat ("- ", item, NULL);
      const char *lines[] = { line, NULL };

      mi_edit_insert_lines_after (doc, place->results_line, lines);
    }
  else
    {
      g_autofree char *line = g_strconcat ("- ", item, NULL);
      const char *lines[] = { "", "**Results:**", line, NULL };

      mi_edit_insert_lines_after (doc, place->last_line, lines);
    }

  return TRUE;
}

/**
 * mi_issue_record_result:
 * @verdict: %MI_VERDICT_UNKNOWN to judge @value against the test case's target.
 * @flags: %MI_RECORD_REPLACE to rewrite an existing result of @attempt,
 *   %MI_RECORD_FORCE to record a value the target cannot be compared with
 *
 * Writes `- Attempt NNN: <value> (PASS|FAIL)` under the test case's
 * `**Results:**`. An existing result of the attempt is rewritten only with
 * %MI_RECORD_REPLACE (else %MI_ISSUE_ERROR_EXISTS names it); a value of
 * another kind than the target (MB against ms, a bare number against a
 * unit) only with %MI_RECORD_FORCE (else %MI_ISSUE_ERROR_INCOMPARABLE).
 */
gboolean
mi_issue_record_result (MiIssue        *self,
                        const char     *test_case_id,
                        guint           attempt,
                        const char     *value,
                        MiVerdict       verdict,
                        MiRecordFlags   flags,
                        GError        **error)
{
  RecordEdit edit = { (char *) test_case_id, attempt, (char *) value, verdict, flags };

  g_return_val_if_fail (MI_IS_ISSUE (self), FALSE);
  g_return_val_if_fail (test_case_id != NULL, FALSE);

  return mi_edit_run (self, prepare_record_result, &edit, error);
}

void
mi_issue_record_result_async (MiIssue             *self,
                              const char          *test_case_id,
                              guint                attempt,
                              const char          *value,
                              MiVerdict            verdict,
                              MiRecordFlags        flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  RecordEdit *edit;

  g_return_if_fail (MI_IS_ISSUE (self));
  g_return_if_fail (test_case_id != NULL);

  edit = g_new0 (RecordEdit, 1);
  edit->test_case_id = g_strdup (test_case_id);
  edit->attempt = attempt;
  edit->value = g_strdup (value);
  edit->verdict = verdict;
  edit->flags = flags;
  mi_edit_run_async (self, prepare_record_result, edit, (GDestroyNotify) record_edit_free,
                     mi_issue_record_result_async, cancellable, callback, user_data);
}

gboolean
mi_issue_record_result_finish (MiIssue       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return mi_edit_run_finish (self, result, mi_issue_record_result_async, error) != NULL;
}

/* ---------------------------------------------------------------------- */
/* Test cases and criteria                                                 */

typedef struct
{
  char *title;
  char *target;       /* or NULL */
  char *procedure;    /* or NULL */
  char *id;           /* out: "TC-004" */
} TestCaseEdit;

static void
test_case_edit_free (TestCaseEdit *edit)
{
  g_free (edit->title);
  g_free (edit->target);
  g_free (edit->procedure);
  g_free (edit->id);
  g_free (edit);
}

/* @text as a target, "< 1 s": it must compare (an operator and a value). */
static gboolean
check_target (const char  *text,
              char       **out,
              GError     **error)
{
  g_autoptr(MiMeasurement) target = NULL;

  *out = mi_edit_single_line (text);
  target = mi_measurement_parse (*out);
  if (target == NULL || mi_measurement_get_op (target) == MI_OP_NONE)
    {
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE,
                   _("“%s” is not a target: write it as a comparison with a value, such as “< 1,000ms” or “>= 99.9%%”."),
                   *out);
      g_clear_pointer (out, g_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_add_test_case (MiIssue   *self,
                       MiChange  *change,
                       gpointer   data,
                       GError   **error)
{
  TestCaseEdit *edit = data;
  MiDocument *doc = self->docs[MI_ISSUE_FILE_TEST_CASES];
  g_autofree char *clean_title = NULL;
  g_autofree char *target = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *procedure_line = NULL;
  g_autofree char *target_line = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->test_cases));
  guint next = 0, level = self->test_cases_level > 0 ? MIN (self->test_cases_level, 6) : 2;

  if (!_mi_edit_check_text (edit->title, _("test case title"), &clean_title, error))
    return FALSE;
  if (edit->target != NULL && !check_target (edit->target, &target, error))
    return FALSE;

  /* The next free number; the heading level of the others. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiTestCase) tc = g_list_model_get_item (G_LIST_MODEL (self->test_cases), i);
      const char *id = mi_test_case_get_id (tc);
      guint64 number = 0;

      if (id != NULL && strlen (id) > 3 && g_ascii_string_to_unsigned (id + 3, 10, 0, 99999, &number, NULL))
        next = MAX (next, (guint) number);
    }
  next++;

  edit->id = g_strdup_printf ("TC-%03u", next);
  heading = g_strdup_printf ("%.*s %s: %s", (int) level, "######", edit->id, clean_title);
  g_ptr_array_add (lines, heading);
  if (edit->procedure != NULL && *edit->procedure != '\0')
    {
      g_autofree char *procedure = mi_edit_single_line (edit->procedure);

      procedure_line = g_strdup_printf ("**Procedure:** %s", procedure);
      g_ptr_array_add (lines, procedure_line);
    }
  if (target != NULL)
    {
      target_line = g_strdup_printf ("**Target:** %s", target);
      g_ptr_array_add (lines, target_line);
    }
  g_ptr_array_add (lines, "");
  g_ptr_array_add (lines, "**Results:**");
  g_ptr_array_add (lines, NULL);

  mi_change_add (change, doc);
  if (!mi_document_get_exists (doc))
    {
      g_autofree char *top = g_strdup_printf ("# Test Cases%s", mi_document_get_newline (doc));

      mi_document_replace (doc, 0, 0, top);
    }
  mi_edit_append_block (doc, (const char **) lines->pdata);
  return TRUE;
}

/**
 * mi_issue_add_test_case:
 * @target: (nullable): its own target, such as "< 1 s"
 * @procedure: (nullable): how it is run
 * @id: (out) (optional): its id, "TC-004"
 *
 * Adds `## TC-NNN: Title` (the next free number) with its procedure, its
 * target and an empty `**Results:**` at the end of test-cases.md.
 */
gboolean
mi_issue_add_test_case (MiIssue     *self,
                        const char  *title,
                        const char  *target,
                        const char  *procedure,
                        char       **id,
                        GError     **error)
{
  TestCaseEdit edit = { (char *) title, (char *) target, (char *) procedure, NULL };
  gboolean ok;

  g_return_val_if_fail (MI_IS_ISSUE (self), FALSE);

  ok = mi_edit_run (self, prepare_add_test_case, &edit, error);
  if (ok && id != NULL)
    *id = g_steal_pointer (&edit.id);
  g_free (edit.id);
  return ok;
}

void
mi_issue_add_test_case_async (MiIssue             *self,
                              const char          *title,
                              const char          *target,
                              const char          *procedure,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  TestCaseEdit *edit;

  g_return_if_fail (MI_IS_ISSUE (self));

  edit = g_new0 (TestCaseEdit, 1);
  edit->title = g_strdup (title);
  edit->target = g_strdup (target);
  edit->procedure = g_strdup (procedure);
  mi_edit_run_async (self, prepare_add_test_case, edit, (GDestroyNotify) test_case_edit_free,
                     mi_issue_add_test_case_async, cancellable, callback, user_data);
}

/**
 * mi_issue_add_test_case_finish:
 *
 * Returns: (transfer full) (nullable): the new test case's id
 */
char *
mi_issue_add_test_case_finish (MiIssue       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  TestCaseEdit *edit = mi_edit_run_finish (self, result, mi_issue_add_test_case_async, error);

  return edit != NULL ? g_strdup (edit->id) : NULL;
}

typedef struct
{
  char *metric;
  char *target;
} CriterionEdit;

static void
criterion_edit_free (CriterionEdit *edit)
{
  g_free (edit->metric);
  g_free (edit->target);
  g_free (edit);
}

static gboolean
prepare_add_criterion (MiIssue   *self,
                       MiChange  *change,
                       gpointer   data,
                       GError   **error)
{
  CriterionEdit *edit = data;
  MiDocument *doc = self->docs[MI_ISSUE_FILE_TEST_CASES];
  g_autofree char *metric = NULL;
  g_autofree char *target = NULL;
  g_autofree char *item = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->criteria));
  guint last = 0;

  if (!_mi_edit_check_text (edit->metric, _("metric"), &metric, error) ||
      !check_target (edit->target, &target, error))
    return FALSE;
  if (strchr (metric, ':') != NULL)
    {
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE,
                   _("“%s” cannot be a metric: it holds a “:”, which ends the metric in the file."), metric);
      return FALSE;
    }

  item = g_strdup_printf ("%s: %s", metric, target);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiCriterion) criterion = g_list_model_get_item (G_LIST_MODEL (self->criteria), i);

      last = MAX (last, mi_criterion_get_line (criterion));
    }

  mi_change_add (change, doc);
  if (last > 0)
    {
      g_autofree char *previous = mi_edit_get_line (doc, last);
      const char *bullet = previous;
      g_autofree char *prefix = NULL;
      g_autofree char *line = NULL;
      const char *lines[] = { NULL, NULL };

      /* The previous item's bullet and indent: "- ", "* ", "  - ". */
      while (*bullet == ' ' || *bullet == '\t')
        bullet++;
      prefix = g_strndup (previous, (bullet - previous) + ((*bullet == '-' || *bullet == '*' || *bullet == '+') ? 2 : 0));
      line = g_strconcat (*prefix != '\0' ? prefix : "- ", item, NULL);
      lines[0] = line;
      mi_edit_insert_lines_after (doc, last, lines);
    }
  else if (self->criteria_line > 0)
    {
      g_autofree char *line = g_strconcat ("- ", item, NULL);
      const char *lines[] = { line, NULL };

      mi_edit_insert_lines_after (doc, self->criteria_line, lines);
    }
  else
    {
      g_autofree char *line = g_strconcat ("- ", item, NULL);
      const char *lines[] = { "## Success Criteria", line, NULL };

      if (!mi_document_get_exists (doc))
        {
          g_autofree char *top = g_strdup_printf ("# Test Cases%s", mi_document_get_newline (doc));

          mi_document_replace (doc, 0, 0, top);
        }
      mi_edit_append_block (doc, lines);
    }
  return TRUE;
}

/**
 * mi_issue_add_criterion:
 * @metric: what is measured, "Error rate"
 * @target: its target, "< 1%"
 *
 * Adds `- Metric: target` to the Success Criteria of test-cases.md (the
 * section is made at the end of the file when there is none).
 */
gboolean
mi_issue_add_criterion (MiIssue     *self,
                        const char  *metric,
                        const char  *target,
                        GError     **error)
{
  CriterionEdit edit = { (char *) metric, (char *) target };

  g_return_val_if_fail (MI_IS_ISSUE (self), FALSE);

  return mi_edit_run (self, prepare_add_criterion, &edit, error);
}

void
mi_issue_add_criterion_async (MiIssue             *self,
                              const char          *metric,
                              const char          *target,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  CriterionEdit *edit;

  g_return_if_fail (MI_IS_ISSUE (self));

  edit = g_new0 (CriterionEdit, 1);
  edit->metric = g_strdup (metric);
  edit->target = g_strdup (target);
  mi_edit_run_async (self, prepare_add_criterion, edit, (GDestroyNotify) criterion_edit_free,
                     mi_issue_add_criterion_async, cancellable, callback, user_data);
}

gboolean
mi_issue_add_criterion_finish (MiIssue       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return mi_edit_run_finish (self, result, mi_issue_add_criterion_async, error) != NULL;
}
