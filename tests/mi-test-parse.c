/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-test-parse"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mi-test-parse.h"

/*
 * The checks of the parser's tests (test-parse.c, test-parse-files.c): a
 * fixture workspace opened the way the application opens a folder, and
 * what was read checked through the public getters against what
 * tests/fixtures/EXPECTED.md writes down.
 *
 * Assertions are non-fatal: a test reports every mismatch of its fixture
 * ("<fixture>: <what>: expected …, read …"), not only the first one.
 */

/* Any non-NULL string: for values the conventions do not pin down. */
const char ANY[] = "<any text>";

static guint n_checks;
static guint n_failed;
static char *context;

/* ---------------------------------------------------------------------- */
/* Checks                                                                  */

static void
set_context (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
set_context (const char *format,
             ...)
{
  va_list args;

  g_free (context);
  va_start (args, format);
  context = g_strdup_vprintf (format, args);
  va_end (args);
}

static char *
quote (const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return g_strdup ("NULL");
  if (text == ANY)
    return g_strdup ("any text");
  escaped = g_strescape (text, "\xc2\xb5");
  return g_strdup_printf ("\"%s\"", escaped);
}

static gboolean
report (const char *file,
        int         line,
        gboolean    ok,
        const char *what,
        const char *expected,
        const char *read)
{
  g_autofree char *message = NULL;

  n_checks++;
  if (ok)
    return TRUE;

  n_failed++;
  message = g_strdup_printf ("%s: %s: expected %s, read %s",
                             context ? context : "", what, expected, read);
  g_assertion_message (G_LOG_DOMAIN, file, line, "check", message);
  return FALSE;
}

static gboolean
check_str_at (const char *file,
              int         line,
              const char *what,
              const char *read,
              const char *expected)
{
  g_autofree char *e = quote (expected);
  g_autofree char *r = quote (read);
  gboolean ok;

  if (expected == ANY)
    ok = read != NULL;
  else
    ok = g_strcmp0 (read, expected) == 0;
  return report (file, line, ok, what, e, r);
}

static gboolean
check_prefix_at (const char *file,
                 int         line,
                 const char *what,
                 const char *read,
                 const char *prefix)
{
  g_autofree char *q = quote (prefix);
  g_autofree char *e = g_strdup_printf ("text starting %s", q);
  g_autofree char *r = quote (read);

  return report (file, line, read != NULL && g_str_has_prefix (read, prefix), what, e, r);
}

gboolean
check_uint_at (const char *file,
               int         line,
               const char *what,
               guint64     read,
               guint64     expected)
{
  g_autofree char *e = g_strdup_printf ("%" G_GUINT64_FORMAT, expected);
  g_autofree char *r = g_strdup_printf ("%" G_GUINT64_FORMAT, read);

  return report (file, line, read == expected, what, e, r);
}

static gboolean
check_int_at (const char *file,
              int         line,
              const char *what,
              gint64      read,
              gint64      expected)
{
  g_autofree char *e = g_strdup_printf ("%" G_GINT64_FORMAT, expected);
  g_autofree char *r = g_strdup_printf ("%" G_GINT64_FORMAT, read);

  return report (file, line, read == expected, what, e, r);
}

static gboolean
check_double_at (const char *file,
                 int         line,
                 const char *what,
                 double      read,
                 double      expected)
{
  g_autofree char *e = g_strdup_printf ("%.10g", expected);
  g_autofree char *r = g_strdup_printf ("%.10g", read);
  gboolean ok = fabs (read - expected) <= 1e-9 * MAX (1.0, fabs (expected));

  return report (file, line, ok, what, e, r);
}

gboolean
check_true_at (const char *file,
               int         line,
               const char *what,
               gboolean    ok,
               const char *expected,
               const char *read)
{
  return report (file, line, ok, what, expected, read);
}

#define check_str(what, read, expected)    check_str_at (__FILE__, __LINE__, what, read, expected)
#define check_prefix(what, read, prefix)   check_prefix_at (__FILE__, __LINE__, what, read, prefix)
#define check_int(what, read, expected)    check_int_at (__FILE__, __LINE__, what, read, expected)
#define check_double(what, read, expected) check_double_at (__FILE__, __LINE__, what, read, expected)

static void
check_enum_at (const char *file,
               int         line,
               const char *what,
               GType       type,
               int         read,
               int         expected)
{
  g_autofree char *e = g_enum_to_string (type, expected);
  g_autofree char *r = g_enum_to_string (type, read);

  report (file, line, read == expected, what, e, r);
}

#define check_enum(what, type, read, expected) \
  check_enum_at (__FILE__, __LINE__, what, type, (int) (read), (int) (expected))

/* Nothing read may hold a \r or a BOM, end in white space, or be invalid
 * UTF-8. */
static void
check_clean_at (const char *file,
                int         line,
                const char *what,
                const char *text)
{
  g_autofree char *r = NULL;
  gsize len;
  gboolean ok;

  if (text == NULL)
    return;

  len = strlen (text);
  ok = g_utf8_validate (text, -1, NULL) &&
       strchr (text, '\r') == NULL &&
       strstr (text, "\xef\xbb\xbf") == NULL &&
       (len == 0 || !g_ascii_isspace (text[len - 1]));
  r = quote (text);
  report (file, line, ok, what, "valid UTF-8 without \\r, BOM or trailing white space", r);
}

#define check_clean(what, text) check_clean_at (__FILE__, __LINE__, what, text)

/* ---------------------------------------------------------------------- */
/* Opening                                                                 */

MiWorkspace *
open_workspace (const char *name,
                const char *relative)
{
  const char *root = g_getenv ("MI_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  MiWorkspace *workspace;

  g_assert_nonnull (root);
  set_context ("%s", name);

  path = g_build_filename (root, relative, NULL);
  folder = g_file_new_for_path (path);
  workspace = mi_workspace_open (folder, NULL, &error);
  n_checks++;
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  return workspace;
}

/* The workspace's only issue (transfer none), or NULL. */
MiIssue *
get_issue (MiWorkspace *workspace,
           const char  *slug)
{
  GListModel *issues = G_LIST_MODEL (workspace);
  g_autoptr(MiIssue) first = NULL;

  check_uint ("issues in the workspace", g_list_model_get_n_items (issues), 1);
  check_true ("item type", g_list_model_get_item_type (issues) == MI_TYPE_ISSUE,
              "MiIssue", g_type_name (g_list_model_get_item_type (issues)));
  first = g_list_model_get_item (issues, 0);
  if (first != NULL)
    check_str ("slug", mi_issue_get_slug (first), slug);

  return mi_workspace_find_issue (workspace, slug);
}

/* ---------------------------------------------------------------------- */
/* Issue-level                                                             */

void
assert_issue (MiIssue    *issue,
              const char *title,
              MiStatus    status,
              guint       status_attempt,
              const char *status_text,
              const char *created,
              int         total_attempts,
              const char *duration)
{
  check_str ("title", mi_issue_get_title (issue), title);
  check_str ("status", mi_status_to_id (mi_issue_get_status (issue)), mi_status_to_id (status));
  check_uint ("status attempt", mi_issue_get_status_attempt (issue), status_attempt);
  if (status_text != NULL)
    check_str ("status text", mi_issue_get_status_text (issue), status_text);
  check_str ("created", mi_issue_get_created (issue), created);
  check_int ("total attempts (as written)", mi_issue_get_total_attempts (issue), total_attempts);
  check_str ("duration", mi_issue_get_duration (issue), duration);
}

void
assert_counts (MiIssue *issue,
               guint    n_attempts,
               guint    n_hypotheses,
               guint    n_test_cases,
               guint    n_criteria,
               guint    n_log_entries)
{
  check_uint ("attempts", g_list_model_get_n_items (mi_issue_get_attempts (issue)), n_attempts);
  check_uint ("description versions", g_list_model_get_n_items (mi_issue_get_hypotheses (issue)), n_hypotheses);
  check_uint ("test cases", g_list_model_get_n_items (mi_issue_get_test_cases (issue)), n_test_cases);
  check_uint ("success criteria", g_list_model_get_n_items (mi_issue_get_criteria (issue)), n_criteria);
  check_uint ("dated log entries", g_list_model_get_n_items (mi_issue_get_log_entries (issue)), n_log_entries);
}

/* A text check that accepts NULL (expect NULL), ANY or a prefix. */
static void
check_text_prefix_at (const char *file,
                      int         line,
                      const char *what,
                      const char *read,
                      const char *prefix)
{
  if (prefix == NULL || prefix == ANY)
    check_str_at (file, line, what, read, prefix);
  else
    check_prefix_at (file, line, what, read, prefix);
}

#define check_text_prefix(what, read, prefix) check_text_prefix_at (__FILE__, __LINE__, what, read, prefix)

void
assert_sections (MiIssue    *issue,
                 const char *problem_statement,
                 const char *current_understanding,
                 const char *root_cause,
                 const char *resolution)
{
  check_text_prefix ("problem statement", mi_issue_get_problem_statement (issue), problem_statement);
  check_text_prefix ("current understanding", mi_issue_get_current_understanding (issue), current_understanding);
  check_text_prefix ("root cause", mi_issue_get_root_cause (issue), root_cause);
  check_text_prefix ("resolution", mi_issue_get_resolution (issue), resolution);
}

/* @symptoms: NULL-terminated; NULL or empty for none. */
void
assert_symptoms (MiIssue           *issue,
                 const char * const *symptoms)
{
  const char * const *read = mi_issue_get_symptoms (issue);
  guint n_read = read ? g_strv_length ((char **) read) : 0;
  guint n_expected = symptoms ? g_strv_length ((char **) symptoms) : 0;

  check_uint ("symptoms", n_read, n_expected);
  for (guint i = 0; i < MIN (n_read, n_expected); i++)
    check_str ("symptom", read[i], symptoms[i]);
}

/* ---------------------------------------------------------------------- */
/* Attempts                                                                */

char *
file_basename (GFile *file)
{
  return file ? g_file_get_basename (file) : NULL;
}

/* Checks the attempt at @index; returns it (transfer none) or NULL.
 * @result, @dates: NULL when not pinned down by the files. */
MiAttempt *
assert_attempt (MiIssue    *issue,
                guint       index,
                guint       number,
                const char *title,
                MiOutcome   outcome,
                const char *result,
                const char *dates,
                const char *start_date,
                const char *end_date)
{
  g_autoptr(MiAttempt) attempt = g_list_model_get_item (mi_issue_get_attempts (issue), index);
  g_autofree char *what = g_strdup_printf ("attempt %u", index + 1);
  g_autofree char *outer = g_strdup (context);

  if (!check_true (what, attempt != NULL, "an attempt", "none"))
    return NULL;

  set_context ("%s: attempt %03u", outer, number);
  check_uint ("number", mi_attempt_get_number (attempt), number);
  check_str ("title", mi_attempt_get_title (attempt), title);
  check_str ("outcome", mi_outcome_to_id (mi_attempt_get_outcome (attempt)), mi_outcome_to_id (outcome));
  if (result != NULL)
    check_str ("result", mi_attempt_get_result (attempt), result);
  if (dates != NULL)
    check_str ("dates", mi_attempt_get_dates (attempt), dates);
  check_str ("start date", mi_attempt_get_start_date (attempt), start_date);
  check_str ("end date", mi_attempt_get_end_date (attempt), end_date);
  set_context ("%s", outer);

  /* the list holds a reference */
  return attempt;
}

/* @folder: the folder's name, NULL when there is none. */
void
assert_attempt_files (MiAttempt  *attempt,
                      const char *folder,
                      gboolean    has_approach,
                      gboolean    has_results)
{
  g_autofree char *outer = g_strdup (context);
  g_autofree char *name = NULL;

  if (attempt == NULL)
    return;

  set_context ("%s: attempt %03u", outer, mi_attempt_get_number (attempt));
  name = file_basename (mi_attempt_get_folder (attempt));
  check_str ("folder", name, folder);
  check_str ("slug", mi_attempt_get_slug (attempt), folder ? strchr (folder, '-') + 1 : NULL);
  check_true ("solution-approach.md document", (mi_attempt_get_approach_document (attempt) != NULL) == has_approach,
              has_approach ? "a document" : "NULL", has_approach ? "NULL" : "a document");
  check_true ("attempt-results.md document", (mi_attempt_get_results_document (attempt) != NULL) == has_results,
              has_results ? "a document" : "NULL", has_results ? "NULL" : "a document");
  set_context ("%s", outer);
}

/* NULL: expect NULL; ANY: any text; else a prefix (exact for @learning). */
void
assert_attempt_texts (MiAttempt  *attempt,
                      const char *hypothesis,
                      const char *expected_outcome,
                      const char *learning)
{
  g_autofree char *outer = g_strdup (context);

  if (attempt == NULL)
    return;

  set_context ("%s: attempt %03u", outer, mi_attempt_get_number (attempt));
  check_text_prefix ("hypothesis", mi_attempt_get_hypothesis (attempt), hypothesis);
  check_text_prefix ("expected outcome", mi_attempt_get_expected_outcome (attempt), expected_outcome);
  check_str ("learning", mi_attempt_get_learning (attempt), learning);
  set_context ("%s", outer);
}

/* ---------------------------------------------------------------------- */
/* Description versions                                                    */

/* @theory: exact, or ANY. Every version has all five keys. */
void
assert_hypothesis (MiIssue    *issue,
                   guint       index,
                   guint       version,
                   const char *date,
                   const char *title,
                   const char *theory)
{
  g_autoptr(MiHypothesis) h = g_list_model_get_item (mi_issue_get_hypotheses (issue), index);
  g_autofree char *what = g_strdup_printf ("description version %u", index + 1);
  g_autofree char *outer = g_strdup (context);

  if (!check_true (what, h != NULL, "a version", "none"))
    return;

  set_context ("%s: version %u", outer, version);
  check_uint ("version", mi_hypothesis_get_version (h), version);
  check_str ("date", mi_hypothesis_get_date (h), date);
  check_str ("title", mi_hypothesis_get_title (h), title);
  check_str ("theory", mi_hypothesis_get_theory (h), theory);
  check_str ("evidence", mi_hypothesis_get_evidence (h), ANY);
  check_str ("test", mi_hypothesis_get_test (h), ANY);
  check_str ("result", mi_hypothesis_get_result (h), ANY);
  check_str ("learning", mi_hypothesis_get_learning (h), ANY);
  set_context ("%s", outer);
}

/* ---------------------------------------------------------------------- */
/* Test cases, results, criteria                                           */

void
assert_measurement (MiMeasurement *m,
                    const char    *text,
                    MiOp           op,
                    double         value,
                    const char    *unit,
                    MiDimension    dimension,
                    double         base_value,
                    const char    *qualifier)
{
  if (!check_true ("measurement", m != NULL, "a measurement", "NULL"))
    return;

  check_str ("measurement text", mi_measurement_get_text (m), text);
  check_str ("op", mi_op_to_string (mi_measurement_get_op (m)), mi_op_to_string (op));
  check_double ("number", mi_measurement_get_value (m), value);
  check_str ("unit", mi_measurement_get_unit (m), unit);
  check_enum ("dimension", MI_TYPE_DIMENSION, mi_measurement_get_dimension (m), dimension);
  check_double ("base value", mi_measurement_get_base_value (m), base_value);
  check_str ("qualifier", mi_measurement_get_qualifier (m), qualifier);
}

/* @target: the Target line's value as written, NULL when there is no
 * Target line (a target may then only come from a success criterion). */
MiTestCase *
assert_test_case (MiIssue    *issue,
                  guint       index,
                  const char *id,
                  const char *title,
                  const char *target,
                  guint       n_results)
{
  g_autoptr(MiTestCase) tc = g_list_model_get_item (mi_issue_get_test_cases (issue), index);
  g_autofree char *what = g_strdup_printf ("test case %u", index + 1);
  g_autofree char *outer = g_strdup (context);
  MiMeasurement *read_target;

  if (!check_true (what, tc != NULL, "a test case", "none"))
    return NULL;

  set_context ("%s: %s", outer, id);
  check_str ("id", mi_test_case_get_id (tc), id);
  check_str ("title", mi_test_case_get_title (tc), title);
  check_str ("procedure", mi_test_case_get_procedure (tc), ANY);
  read_target = mi_test_case_get_target (tc);
  if (target == NULL)
    check_true ("target", read_target == NULL || mi_test_case_get_target_metric (tc) != NULL,
                "none read from the file (no Target line)",
                read_target ? mi_measurement_get_text (read_target) : "NULL");
  else
    {
      check_str ("target", read_target ? mi_measurement_get_text (read_target) : NULL, target);
      check_str ("target metric (criterion)", mi_test_case_get_target_metric (tc), NULL);
    }
  check_uint ("results", g_list_model_get_n_items (mi_test_case_get_results (tc)), n_results);
  set_context ("%s", outer);

  return tc;
}

/* A result written `- Attempt NNN: <text> (PASS|FAIL)`. */
void
assert_result (MiTestCase  *tc,
               guint        index,
               guint        attempt,
               const char  *text,
               double       value,
               const char  *unit,
               MiDimension  dimension,
               double       base_value,
               MiVerdict    verdict)
{
  g_autoptr(MiResult) result = NULL;
  g_autofree char *outer = g_strdup (context);

  if (tc == NULL)
    return;

  set_context ("%s: %s: result %u", outer, mi_test_case_get_id (tc), index + 1);
  result = g_list_model_get_item (mi_test_case_get_results (tc), index);
  if (check_true ("result", result != NULL, "a result", "none"))
    {
      check_uint ("attempt", mi_result_get_attempt (result), attempt);
      check_str ("text", mi_result_get_text (result), text);
      assert_measurement (mi_result_get_measurement (result), text, MI_OP_NONE,
                          value, unit, dimension, base_value, NULL);
      check_str ("verdict", mi_verdict_to_id (mi_result_get_verdict (result)), mi_verdict_to_id (verdict));
      check_true ("verdict written", mi_result_get_written (result), "TRUE", "FALSE");
    }
  set_context ("%s", outer);
}

/* A result with no value that can be read: `- Attempt 002: pending`. */
void
assert_result_unread (MiTestCase *tc,
                      guint       index,
                      guint       attempt,
                      const char *text)
{
  g_autoptr(MiResult) result = NULL;
  g_autofree char *outer = g_strdup (context);

  if (tc == NULL)
    return;

  set_context ("%s: %s: result %u", outer, mi_test_case_get_id (tc), index + 1);
  result = g_list_model_get_item (mi_test_case_get_results (tc), index);
  if (check_true ("result", result != NULL, "a result", "none"))
    {
      MiMeasurement *m = mi_result_get_measurement (result);

      check_uint ("attempt", mi_result_get_attempt (result), attempt);
      check_str ("text", mi_result_get_text (result), text);
      check_true ("measurement", m == NULL, "NULL", m ? mi_measurement_get_text (m) : "NULL");
      check_str ("verdict", mi_verdict_to_id (mi_result_get_verdict (result)), mi_verdict_to_id (MI_VERDICT_UNKNOWN));
      check_true ("verdict written", !mi_result_get_written (result), "FALSE", "TRUE");
    }
  set_context ("%s", outer);
}

void
assert_criterion (MiIssue     *issue,
                  guint        index,
                  const char  *metric,
                  const char  *text,
                  MiOp         op,
                  double       value,
                  const char  *unit,
                  MiDimension  dimension,
                  double       base_value,
                  const char  *qualifier)
{
  g_autoptr(MiCriterion) criterion = g_list_model_get_item (mi_issue_get_criteria (issue), index);
  g_autofree char *what = g_strdup_printf ("success criterion %u", index + 1);
  g_autofree char *outer = g_strdup (context);

  if (!check_true (what, criterion != NULL, "a criterion", "none"))
    return;

  set_context ("%s: criterion \"%s\"", outer, metric);
  check_str ("metric", mi_criterion_get_metric (criterion), metric);
  assert_measurement (mi_criterion_get_target (criterion), text, op, value, unit,
                      dimension, base_value, qualifier);
  set_context ("%s", outer);
}

/* ---------------------------------------------------------------------- */
/* Log entries                                                             */

/* @per_attempt[n]: the number of entries for attempt n (index 0: before
 * any attempt section). */
void
assert_log_counts (MiIssue     *issue,
                   const guint *per_attempt,
                   guint        n_attempts)
{
  GListModel *entries = mi_issue_get_log_entries (issue);
  g_autofree guint *counts = g_new0 (guint, n_attempts + 1);
  guint others = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(MiLogEntry) entry = g_list_model_get_item (entries, i);
      guint attempt = mi_log_entry_get_attempt (entry);
      const char *date = mi_log_entry_get_date (entry);

      check_true ("log entry date", date != NULL && strlen (date) == 10 && date[4] == '-' && date[7] == '-',
                  "YYYY-MM-DD", date ? date : "NULL");
      if (attempt <= n_attempts)
        counts[attempt]++;
      else
        others++;
    }

  for (guint a = 0; a <= n_attempts; a++)
    {
      g_autofree char *what = g_strdup_printf ("dated log entries of attempt %03u", a);

      check_uint (what, counts[a], per_attempt[a]);
    }
  check_uint ("dated log entries of other attempts", others, 0);
}

void
assert_log_entry (MiIssue    *issue,
                  guint       index,
                  guint       attempt,
                  const char *date,
                  const char *text)
{
  g_autoptr(MiLogEntry) entry = g_list_model_get_item (mi_issue_get_log_entries (issue), index);
  g_autofree char *what = g_strdup_printf ("log entry %u", index + 1);
  g_autofree char *outer = g_strdup (context);

  if (!check_true (what, entry != NULL, "an entry", "none"))
    return;

  set_context ("%s: log entry %u", outer, index + 1);
  check_uint ("attempt", mi_log_entry_get_attempt (entry), attempt);
  check_str ("date", mi_log_entry_get_date (entry), date);
  check_prefix ("text", mi_log_entry_get_text (entry), text);
  set_context ("%s", outer);
}

/* ---------------------------------------------------------------------- */
/* Every string read                                                       */

static void
check_measurement_clean (const char    *what,
                         MiMeasurement *m)
{
  g_autofree char *text = g_strdup_printf ("%s text", what);
  g_autofree char *unit = g_strdup_printf ("%s unit", what);
  g_autofree char *qualifier = g_strdup_printf ("%s qualifier", what);

  if (m == NULL)
    return;
  check_clean (text, mi_measurement_get_text (m));
  check_clean (unit, mi_measurement_get_unit (m));
  check_clean (qualifier, mi_measurement_get_qualifier (m));
}

void
assert_all_strings_clean (MiIssue *issue)
{
  const char * const *symptoms = mi_issue_get_symptoms (issue);
  GListModel *model;

  check_clean ("slug", mi_issue_get_slug (issue));
  check_clean ("title", mi_issue_get_title (issue));
  check_clean ("status text", mi_issue_get_status_text (issue));
  check_clean ("created", mi_issue_get_created (issue));
  check_clean ("duration", mi_issue_get_duration (issue));
  check_clean ("summary", mi_issue_get_summary (issue));
  check_clean ("problem statement", mi_issue_get_problem_statement (issue));
  check_clean ("root cause", mi_issue_get_root_cause (issue));
  check_clean ("resolution", mi_issue_get_resolution (issue));
  check_clean ("current understanding", mi_issue_get_current_understanding (issue));
  for (guint i = 0; symptoms != NULL && symptoms[i] != NULL; i++)
    check_clean ("symptom", symptoms[i]);

  model = mi_issue_get_attempts (issue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MiAttempt) a = g_list_model_get_item (model, i);

      check_clean ("attempt slug", mi_attempt_get_slug (a));
      check_clean ("attempt title", mi_attempt_get_title (a));
      check_clean ("attempt dates", mi_attempt_get_dates (a));
      check_clean ("attempt start date", mi_attempt_get_start_date (a));
      check_clean ("attempt end date", mi_attempt_get_end_date (a));
      check_clean ("attempt hypothesis", mi_attempt_get_hypothesis (a));
      check_clean ("attempt expected outcome", mi_attempt_get_expected_outcome (a));
      check_clean ("attempt result", mi_attempt_get_result (a));
      check_clean ("attempt learning", mi_attempt_get_learning (a));
    }

  model = mi_issue_get_hypotheses (issue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MiHypothesis) h = g_list_model_get_item (model, i);

      check_clean ("version date", mi_hypothesis_get_date (h));
      check_clean ("version title", mi_hypothesis_get_title (h));
      check_clean ("theory", mi_hypothesis_get_theory (h));
      check_clean ("evidence", mi_hypothesis_get_evidence (h));
      check_clean ("test", mi_hypothesis_get_test (h));
      check_clean ("version result", mi_hypothesis_get_result (h));
      check_clean ("version learning", mi_hypothesis_get_learning (h));
    }

  model = mi_issue_get_test_cases (issue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MiTestCase) tc = g_list_model_get_item (model, i);
      GListModel *results = mi_test_case_get_results (tc);

      check_clean ("test case id", mi_test_case_get_id (tc));
      check_clean ("test case title", mi_test_case_get_title (tc));
      check_clean ("procedure", mi_test_case_get_procedure (tc));
      check_clean ("target metric", mi_test_case_get_target_metric (tc));
      check_measurement_clean ("target", mi_test_case_get_target (tc));
      for (guint r = 0; r < g_list_model_get_n_items (results); r++)
        {
          g_autoptr(MiResult) result = g_list_model_get_item (results, r);

          check_clean ("result text", mi_result_get_text (result));
          check_measurement_clean ("result", mi_result_get_measurement (result));
        }
    }

  model = mi_issue_get_log_entries (issue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MiLogEntry) entry = g_list_model_get_item (model, i);

      check_clean ("log entry date", mi_log_entry_get_date (entry));
      check_clean ("log entry text", mi_log_entry_get_text (entry));
    }

  model = mi_issue_get_criteria (issue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MiCriterion) criterion = g_list_model_get_item (model, i);

      check_clean ("criterion metric", mi_criterion_get_metric (criterion));
      check_clean ("criterion text", mi_criterion_get_text (criterion));
      check_measurement_clean ("criterion target", mi_criterion_get_target (criterion));
    }
}

/* Runs the tests, then says how many checks passed and failed. */
int
mi_test_parse_run (void)
{
  int ret;

  ret = g_test_run ();

  g_test_message ("%u checks, %u passed, %u failed", n_checks, n_checks - n_failed, n_failed);
  g_clear_pointer (&context, g_free);

  return ret;
}
