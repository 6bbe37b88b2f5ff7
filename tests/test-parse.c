/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * What a tolerant parser reads from the bundled example and from every
 * fixture workspace, as written down in tests/fixtures/EXPECTED.md. Each
 * fixture is opened the way the application opens a folder, and everything
 * is read back through the public getters.
 *
 * Assertions are non-fatal: a test reports every mismatch of its fixture
 * ("<fixture>: <what>: expected …, read …"), not only the first one.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "meta-issues.h"

#define KIB (1024.0)
#define MIB (1024.0 * 1024.0)
#define GIB (1024.0 * 1024.0 * 1024.0)

/* Any non-NULL string: for values the conventions do not pin down. */
static const char ANY[] = "<any text>";

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

static gboolean
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

static gboolean
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
#define check_uint(what, read, expected)   check_uint_at (__FILE__, __LINE__, what, read, expected)
#define check_int(what, read, expected)    check_int_at (__FILE__, __LINE__, what, read, expected)
#define check_double(what, read, expected) check_double_at (__FILE__, __LINE__, what, read, expected)
#define check_true(what, ok, expected, read) check_true_at (__FILE__, __LINE__, what, ok, expected, read)

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

static MiWorkspace *
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
static MiIssue *
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

static void
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

static void
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

static void
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
static void
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

static char *
file_basename (GFile *file)
{
  return file ? g_file_get_basename (file) : NULL;
}

/* Checks the attempt at @index; returns it (transfer none) or NULL.
 * @result, @dates: NULL when not pinned down by the files. */
static MiAttempt *
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
static void
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
static void
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
static void
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

static void
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
static MiTestCase *
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
static void
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
static void
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

static void
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
static void
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

static void
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

static void
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

/* ---------------------------------------------------------------------- */
/* The fixtures                                                            */

static void
test_example (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("example", "resources/example");
  static const char * const symptoms[] = {
    "Response time >5s under 100 concurrent users (target: <1s)",
    "Memory usage climbing to 4GB+ (target: <512MB)",
    "CPU spiking to 100% during operations (target: <40%)",
    NULL
  };
  static const guint log_counts[] = { 0, 5, 5, 6 };
  MiIssue *issue = get_issue (workspace, "example-performance-saga");
  MiAttempt *a;
  MiTestCase *tc;

  if (issue == NULL)
    return;

  assert_issue (issue, "Performance Optimization Saga", MI_STATUS_RESOLVED, 3,
                "Resolved (Attempt 003)", "2024-09-01", 3, "~6 weeks");
  assert_counts (issue, 3, 3, 3, 4, 16);
  assert_sections (issue,
                   "System performance degraded significantly under realistic load conditions",
                   "The API does not slow down under load",
                   ANY, ANY);
  assert_symptoms (issue, symptoms);

  a = assert_attempt (issue, 0, 1, "Caching Layer", MI_OUTCOME_FAILED, "❌ Failed (2% improvement)",
                      "2024-09-01 to 2024-09-07", "2024-09-01", "2024-09-07");
  assert_attempt_files (a, "001-baseline", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "70%+ cache hit rate", "Processing not the bottleneck");
  a = assert_attempt (issue, 1, 2, "Query Optimization", MI_OUTCOME_PARTIAL, "⚠️ Partial (30% improvement)",
                      "2024-09-15 to 2024-09-25", "2024-09-15", "2024-09-25");
  assert_attempt_files (a, "002-query-optimization", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "Query time per request from ~2,000ms", "Queries slow but not primary issue");
  a = assert_attempt (issue, 2, 3, "Connection Pooling", MI_OUTCOME_SUCCESS, "✅ Success (93% improvement)",
                      "2024-10-01 to 2024-10-12", "2024-10-01", "2024-10-12");
  assert_attempt_files (a, "003-connection-pooling", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "90%+ improvement in response time", "Connection management was root cause");

  assert_hypothesis (issue, 0, 1, "2024-09-01", "Initial Hypothesis",
                     "Data processing is the bottleneck: building report payloads (aggregation, JSON serialisation) for every request burns CPU and time.");
  assert_hypothesis (issue, 1, 2, "2024-09-15", "Refined Hypothesis",
                     "Slow database queries are the bottleneck, and they load the database so heavily that even opening a connection to it becomes slow.");
  assert_hypothesis (issue, 2, 3, "2024-10-01", "Final Understanding",
                     "Connection management plus synchronous blocking is the root cause: a new connection per request, opened and used with blocking calls, serialises the whole process behind the database handshake.");

  tc = assert_test_case (issue, 0, "TC-001", "Load Test (100 users)", NULL, 3);
  assert_result (tc, 0, 1, "5,100ms", 5100, "ms", MI_DIMENSION_TIME, 5100, MI_VERDICT_FAIL);
  assert_result (tc, 1, 2, "3,800ms", 3800, "ms", MI_DIMENSION_TIME, 3800, MI_VERDICT_FAIL);
  assert_result (tc, 2, 3, "380ms", 380, "ms", MI_DIMENSION_TIME, 380, MI_VERDICT_PASS);
  tc = assert_test_case (issue, 1, "TC-002", "Memory Under Sustained Load", "< 512MB (peak)", 3);
  if (tc != NULL)
    assert_measurement (mi_test_case_get_target (tc), "< 512MB (peak)", MI_OP_LT, 512, "MB",
                        MI_DIMENSION_SIZE, 512 * MIB, "peak");
  assert_result (tc, 0, 1, "4.3GB", 4.3, "GB", MI_DIMENSION_SIZE, 4.3 * GIB, MI_VERDICT_FAIL);
  assert_result (tc, 1, 2, "3.9GB", 3.9, "GB", MI_DIMENSION_SIZE, 3.9 * GIB, MI_VERDICT_FAIL);
  assert_result (tc, 2, 3, "280MB", 280, "MB", MI_DIMENSION_SIZE, 280 * MIB, MI_VERDICT_PASS);
  tc = assert_test_case (issue, 2, "TC-003", "CPU Under Load", "< 40% (avg)", 3);
  assert_result (tc, 0, 1, "100%", 100, "%", MI_DIMENSION_RATIO, 100, MI_VERDICT_FAIL);
  assert_result (tc, 1, 2, "85%", 85, "%", MI_DIMENSION_RATIO, 85, MI_VERDICT_FAIL);
  assert_result (tc, 2, 3, "25%", 25, "%", MI_DIMENSION_RATIO, 25, MI_VERDICT_PASS);

  assert_criterion (issue, 0, "Response time", "< 1,000ms (avg)", MI_OP_LT, 1000, "ms", MI_DIMENSION_TIME, 1000, "avg");
  assert_criterion (issue, 1, "Memory", "< 512MB (peak)", MI_OP_LT, 512, "MB", MI_DIMENSION_SIZE, 512 * MIB, "peak");
  assert_criterion (issue, 2, "CPU", "< 40% (avg)", MI_OP_LT, 40, "%", MI_DIMENSION_RATIO, 40, "avg");
  assert_criterion (issue, 3, "Error rate", "< 1%", MI_OP_LT, 1, "%", MI_DIMENSION_RATIO, 1, NULL);

  assert_log_counts (issue, log_counts, 3);
  assert_log_entry (issue, 0, 1, "2024-09-01", "Reproduced the problem on the staging cluster");
  assert_log_entry (issue, 15, 3, "2024-10-12", "Deployed to production behind a gradual rollout");

  assert_all_strings_clean (issue);
}

static void
test_lowercase_words (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("lowercase-words", "tests/fixtures/lowercase-words");
  static const guint log_counts[] = { 0, 3, 2 };
  MiIssue *issue = get_issue (workspace, "flaky-ci");
  MiAttempt *a;
  MiTestCase *tc;

  if (issue == NULL)
    return;

  assert_issue (issue, "Flaky CI", MI_STATUS_IN_PROGRESS, 0, "in progress", "2025-03-02", 2, "ongoing");
  assert_counts (issue, 2, 2, 2, 2, 5);
  assert_sections (issue, NULL, "The flaky tests all reach real hosts", NULL, NULL);

  a = assert_attempt (issue, 0, 1, "retry flaky tests", MI_OUTCOME_FAILED, "Failed (still flaky)",
                      "2025-03-02 to 2025-03-06", "2025-03-02", "2025-03-06");
  assert_attempt_files (a, "001-retry-flaky-tests", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "no red builds caused by flakes", "the failures are network timeouts, not races");
  a = assert_attempt (issue, 1, 2, "isolate network", MI_OUTCOME_IN_PROGRESS, "In progress",
                      "2025-03-10 to ?", "2025-03-10", NULL);
  assert_attempt_files (a, "002-isolate-network", TRUE, TRUE);

  assert_hypothesis (issue, 0, 1, "2025-03-02", "timing-dependent tests",
                     "a few tests have races and fail at random.");
  assert_hypothesis (issue, 1, 2, "2025-03-09", "shared network",
                     "tests depend on real network hosts and on runner load.");

  tc = assert_test_case (issue, 0, "TC-001", "net/ group duration", "<= 5 min", 2);
  if (tc != NULL)
    assert_measurement (mi_test_case_get_target (tc), "<= 5 min", MI_OP_LE, 5, "min",
                        MI_DIMENSION_TIME, 300000, NULL);
  assert_result (tc, 0, 1, "16.8 min", 16.8, "min", MI_DIMENSION_TIME, 1008000, MI_VERDICT_FAIL);
  assert_result (tc, 1, 2, "3.8 s", 3.8, "s", MI_DIMENSION_TIME, 3800, MI_VERDICT_PASS);
  tc = assert_test_case (issue, 1, "TC-002", "flaky failure rate", "< 1%", 1);
  assert_result (tc, 0, 1, "15%", 15, "%", MI_DIMENSION_RATIO, 15, MI_VERDICT_FAIL);

  assert_criterion (issue, 0, "Build time", "<= 5 min", MI_OP_LE, 5, "min", MI_DIMENSION_TIME, 300000, NULL);
  assert_criterion (issue, 1, "flaky failure rate", "< 1%", MI_OP_LT, 1, "%", MI_DIMENSION_RATIO, 1, NULL);

  assert_log_counts (issue, log_counts, 2);
  assert_log_entry (issue, 4, 2, "2025-03-12", "outbound network blocked in the CI container");

  assert_all_strings_clean (issue);
}

static void
test_readme_only (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("readme-only", "tests/fixtures/readme-only");
  static const char * const symptoms[] = {
    "Slow start only when the project lives on an encrypted home directory",
    "The window appears, then stays blank until indexing finishes",
    NULL
  };
  MiIssue *issue = get_issue (workspace, "just-started");

  if (issue == NULL)
    return;

  assert_issue (issue, "Just Started", MI_STATUS_OPEN, 0, "Open", "2025-06-01", 0, NULL);
  assert_counts (issue, 0, 0, 0, 0, 0);
  assert_sections (issue, "Opening a large project takes 40-90 s on some laptops", NULL, NULL, NULL);
  assert_symptoms (issue, symptoms);

  for (MiIssueFile f = MI_ISSUE_FILE_DESCRIPTION; f < MI_ISSUE_N_FILES; f++)
    {
      MiDocument *doc = mi_issue_get_document (issue, f);
      g_autofree char *name = file_basename (mi_issue_get_file (issue, f));

      check_true (name, doc == NULL || !mi_document_get_exists (doc), "missing", "present");
    }

  assert_all_strings_clean (issue);
}

static void
test_missing_files (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("missing-files", "tests/fixtures/missing-files");
  static const guint log_counts[] = { 0, 4, 0 };
  MiIssue *issue = get_issue (workspace, "memory-leak");
  MiAttempt *a;

  if (issue == NULL)
    return;

  assert_issue (issue, "Thumbnail Worker Memory Leak", MI_STATUS_ABANDONED, 0, "Abandoned",
                "2025-01-13", 2, "3 weeks");
  assert_counts (issue, 2, 0, 0, 0, 4);
  assert_sections (issue, "The thumbnail worker grew by ~60MB per hour", NULL, NULL, NULL);

  a = assert_attempt (issue, 0, 1, "Valgrind Hunt", MI_OUTCOME_FAILED, "❌ Failed (no leak found under valgrind)",
                      "2025-01-13 to 2025-01-20", "2025-01-13", "2025-01-20");
  assert_attempt_files (a, "001-valgrind", TRUE, FALSE);
  assert_attempt_texts (a, ANY, ANY,
                        "Memory is reachable at exit; it is fragmentation or a cache, not a lost pointer");
  /* Title from the timeline; its Date and Result cells are "-". */
  a = assert_attempt (issue, 1, 2, "Arena allocator", MI_OUTCOME_PENDING, NULL, NULL, NULL, NULL);
  assert_attempt_files (a, "002-arena", FALSE, FALSE);
  assert_attempt_texts (a, NULL, NULL, NULL);

  for (MiIssueFile f = MI_ISSUE_FILE_DESCRIPTION; f < MI_ISSUE_N_FILES; f++)
    {
      MiDocument *doc = mi_issue_get_document (issue, f);
      g_autofree char *name = file_basename (mi_issue_get_file (issue, f));
      gboolean present = doc != NULL && mi_document_get_exists (doc);
      gboolean expected = f == MI_ISSUE_FILE_LOG;

      check_true (name, present == expected, expected ? "present" : "missing", present ? "present" : "missing");
    }

  assert_log_counts (issue, log_counts, 2);
  assert_log_entry (issue, 0, 1, "2025-01-13", "Ran the worker under");

  assert_all_strings_clean (issue);
}

static void
test_extra_sections (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("extra-sections", "tests/fixtures/extra-sections");
  static const guint log_counts[] = { 0, 3, 3 };
  MiIssue *issue = get_issue (workspace, "search-relevance");
  GListModel *entries;
  MiAttempt *a;
  MiTestCase *tc;

  if (issue == NULL)
    return;

  assert_issue (issue, "Search Relevance Regression", MI_STATUS_SUPERSEDED, 0, "Superseded",
                "2025-04-07", 2, "5 weeks");
  assert_counts (issue, 2, 3, 2, 2, 6);
  assert_sections (issue, NULL, "The new cluster uses the", NULL, "None here.");

  a = assert_attempt (issue, 0, 1, "Field Boosts", MI_OUTCOME_FAILED, "❌ Failed (nDCG@10 0.71, unchanged)",
                      "2025-04-07 to 2025-04-18", "2025-04-07", "2025-04-18");
  assert_attempt_files (a, "001-field-boosts", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "nDCG@10 back to ~0.84.", "Boosts reorder results but cannot find missing ones");
  /* The fenced example's Date and Result belong to no attempt. */
  a = assert_attempt (issue, 1, 2, "Synonym Expansion", MI_OUTCOME_PARTIAL, "⚠️ Partial (+0.03 nDCG@10 on a sample)",
                      "2025-04-22 to 2025-05-06", "2025-04-22", "2025-05-06");
  assert_attempt_files (a, "002-synonyms", TRUE, TRUE);
  assert_attempt_texts (a, ANY, ANY, "Recall problem confirmed; synonyms only a small part of it");

  /* `## Attempt 009: Not Real` is inside a fenced code block. */
  a = mi_issue_find_attempt (issue, 9);
  check_true ("attempt 009 (fenced code block)", a == NULL, "no such attempt",
              a ? mi_attempt_get_title (a) : "NULL");

  assert_hypothesis (issue, 0, 1, "2025-04-07", "Ranking Weights",
                     "The new cluster's default BM25 parameters and field boosts rank body text over titles.");
  assert_hypothesis (issue, 1, 2, "2025-04-22", "Missing Synonyms",
                     "The synonym list was not migrated, so queries lose recall.");
  assert_hypothesis (issue, 2, 3, "2025-05-06", "Tokenizer (different problem)",
                     "Words with diacritics are split by the tokenizer and never match.");

  tc = assert_test_case (issue, 0, "TC-001", "Judged Query Set", ">= 0.80", 2);
  if (tc != NULL)
    assert_measurement (mi_test_case_get_target (tc), ">= 0.80", MI_OP_GE, 0.8, "",
                        MI_DIMENSION_NONE, 0.8, NULL);
  assert_result (tc, 0, 1, "0.71 nDCG", 0.71, "nDCG", MI_DIMENSION_NONE, 0.71, MI_VERDICT_FAIL);
  assert_result_unread (tc, 1, 2, "pending");
  tc = assert_test_case (issue, 1, "TC-002", "Query Latency", "< 300ms (p95)", 2);
  assert_result (tc, 0, 1, "240ms", 240, "ms", MI_DIMENSION_TIME, 240, MI_VERDICT_PASS);
  assert_result (tc, 1, 2, "280ms", 280, "ms", MI_DIMENSION_TIME, 280, MI_VERDICT_PASS);

  assert_criterion (issue, 0, "nDCG@10", ">= 0.80", MI_OP_GE, 0.8, "", MI_DIMENSION_NONE, 0.8, NULL);
  assert_criterion (issue, 1, "Query latency", "< 300ms (p95)", MI_OP_LT, 300, "ms", MI_DIMENSION_TIME, 300, "p95");

  /* The fenced `**2025-01-01:**` is not an entry. */
  assert_log_counts (issue, log_counts, 2);
  entries = mi_issue_get_log_entries (issue);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(MiLogEntry) entry = g_list_model_get_item (entries, i);

      check_true ("log entry date", g_strcmp0 (mi_log_entry_get_date (entry), "2025-01-01") != 0,
                  "not the fenced 2025-01-01", mi_log_entry_get_date (entry));
    }
  assert_log_entry (issue, 3, 2, "2025-04-22", "Re-imported");
  assert_log_entry (issue, 4, 2, "2025-04-29", "Sample of 200 queries: nDCG@10 0.74.");
  assert_log_entry (issue, 5, 2, "2025-05-06", "Found the tokenizer split on diacritics");

  assert_all_strings_clean (issue);
}

static void
test_aligned_table (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("aligned-table", "tests/fixtures/aligned-table");
  MiIssue *issue = get_issue (workspace, "cold-start");
  MiAttempt *a;

  if (issue == NULL)
    return;

  assert_issue (issue, "Slow Cold Start", MI_STATUS_RESOLVED, 3, "Resolved (Attempt 003)",
                "2025-02-10", 3, "4 weeks");
  assert_counts (issue, 3, 0, 0, 0, 0);
  assert_sections (issue, "First launch after boot takes 6.2 s", NULL, NULL,
                   "Attempt 003: plugins load after the first frame");

  a = assert_attempt (issue, 0, 1, "Lazy Init", MI_OUTCOME_FAILED, "❌ Failed (5.9 s)",
                      "2025-02-10 - 02-14", "2025-02-10", "2025-02-14");
  assert_attempt_files (a, "001-lazy-init", TRUE, TRUE);
  assert_attempt_texts (a, "Services created in", "Cold start under 1.5 s.", NULL);
  a = assert_attempt (issue, 1, 2, "Preload Fonts", MI_OUTCOME_PARTIAL, "⚠️ Partial (3.2 s)",
                      "2025-02-17 - 02-26", "2025-02-17", "2025-02-26");
  assert_attempt_files (a, "002-preload-fonts", TRUE, TRUE);
  a = assert_attempt (issue, 2, 3, "Deferred Plugins", MI_OUTCOME_SUCCESS, "✅ Success (1.2 s)",
                      "2025-03-03 - 03-07", "2025-03-03", "2025-03-07");
  assert_attempt_files (a, "003-deferred-plugins", TRUE, TRUE);

  assert_all_strings_clean (issue);
}

static void
test_crlf (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("crlf", "tests/fixtures/crlf");
  static const guint log_counts[] = { 0, 3, 1 };
  MiIssue *issue = get_issue (workspace, "windows-paths");
  MiAttempt *a;
  MiTestCase *tc;

  if (issue == NULL)
    return;

  assert_issue (issue, "Windows Path Handling", MI_STATUS_IN_PROGRESS, 0, "In Progress",
                "2025-05-05", 2, NULL);
  assert_counts (issue, 2, 2, 1, 1, 4);
  assert_sections (issue, "Importing a project on Windows fails for some files",
                   "Two separate faults", NULL, NULL);

  a = assert_attempt (issue, 0, 1, "Normalize Separators", MI_OUTCOME_FAILED, "❌ Failed (1.1% of files still fail)",
                      "2025-05-05 to 2025-05-09", "2025-05-05", "2025-05-09");
  assert_attempt_files (a, "001-normalize", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "No import failures.", "Long paths are a second, separate fault");
  a = assert_attempt (issue, 1, 2, "Extended-Length Paths", MI_OUTCOME_IN_PROGRESS, "🔄 In progress",
                      "2025-05-12 to ?", "2025-05-12", NULL);
  assert_attempt_files (a, NULL, FALSE, FALSE);

  assert_hypothesis (issue, 0, 1, "2025-05-05", "Separators", ANY);
  assert_hypothesis (issue, 1, 2, "2025-05-12", "Long Paths",
                     "Win32 file APIs reject paths over MAX_PATH without the extended-length prefix.");

  tc = assert_test_case (issue, 0, "TC-001", "Sample Project Import on Windows", NULL, 1);
  assert_result (tc, 0, 1, "1.1%", 1.1, "%", MI_DIMENSION_RATIO, 1.1, MI_VERDICT_FAIL);
  if (tc != NULL)
    check_true ("TC-001 procedure", g_str_has_suffix (mi_test_case_get_procedure (tc) ? mi_test_case_get_procedure (tc) : "",
                                                      "count files that fail to import."),
                "text ending \"count files that fail to import.\"",
                mi_test_case_get_procedure (tc) ? mi_test_case_get_procedure (tc) : "NULL");

  assert_criterion (issue, 0, "Import failures", "< 0.1%", MI_OP_LT, 0.1, "%", MI_DIMENSION_RATIO, 0.1, NULL);

  assert_log_counts (issue, log_counts, 2);
  assert_log_entry (issue, 2, 1, "2025-05-09", "Every remaining failure is over 260 characters. Closed as failed.");

  assert_all_strings_clean (issue);
}

static void
test_bom (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("bom", "tests/fixtures/bom");
  static const guint log_counts[] = { 0, 3 };
  MiIssue *issue = get_issue (workspace, "encoding-bug");
  MiAttempt *a;
  MiTestCase *tc;

  if (issue == NULL)
    return;

  assert_issue (issue, "CSV Import Encoding Bug", MI_STATUS_RESOLVED, 1, "Resolved (Attempt 001)",
                "2025-07-14", 1, NULL);
  assert_counts (issue, 1, 1, 1, 1, 3);
  assert_sections (issue, "CSV files exported from a spreadsheet on Windows",
                   "The importer assumed UTF-8 without BOM. Real exports have a BOM, or are not UTF-8.",
                   NULL, "Attempt 001: strip a leading BOM");

  a = assert_attempt (issue, 0, 1, "Detect Encoding", MI_OUTCOME_SUCCESS, "✅ Success (38/38 files)",
                      "2025-07-14 to 2025-07-16", "2025-07-14", "2025-07-16");
  assert_attempt_files (a, "001-detect-encoding", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "All 38 sample files import with correct headers and names.",
                        "Strip the BOM, validate, fall back");

  assert_hypothesis (issue, 0, 1, "2025-07-14", "BOM and Legacy Encodings",
                     "The BOM ends up in the first header cell, and Windows-1252 bytes are read as UTF-8.");

  tc = assert_test_case (issue, 0, "TC-001", "Support Sample Set", ">= 100%", 1);
  assert_result (tc, 0, 1, "100%", 100, "%", MI_DIMENSION_RATIO, 100, MI_VERDICT_PASS);

  assert_criterion (issue, 0, "Sample files imported correctly", ">= 100%", MI_OP_GE, 100, "%",
                    MI_DIMENSION_RATIO, 100, NULL);

  assert_log_counts (issue, log_counts, 1);
  assert_log_entry (issue, 0, 1, "2025-07-14", "Collected 38 problem files from support");

  assert_all_strings_clean (issue);
}

static void
test_no_conventions (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("no-conventions", "tests/fixtures/no-conventions");
  MiIssue *issue = get_issue (workspace, "free-form");
  static const struct {
    MiIssueFile  file;
    gsize        size;
    gboolean     utf8;
  } files[] = {
    { MI_ISSUE_FILE_DESCRIPTION, 440, FALSE },
    { MI_ISSUE_FILE_LOG,           0, TRUE },
    { MI_ISSUE_FILE_TEST_CASES,   17, TRUE },
  };

  if (issue == NULL)
    return;

  /* No "Meta-Issue:" prefix: the first level-1 heading as written. */
  assert_issue (issue, "Notes", MI_STATUS_UNKNOWN, 0, NULL, NULL, -1, NULL);
  assert_counts (issue, 0, 0, 0, 0, 0);
  assert_sections (issue, NULL, NULL, NULL, NULL);

  /* The files are read as they are, the invalid UTF-8 included. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      MiDocument *doc = mi_issue_get_document (issue, files[i].file);
      g_autofree char *name = file_basename (mi_issue_get_file (issue, files[i].file));
      GBytes *bytes;

      if (!check_true (name, doc != NULL && mi_document_get_exists (doc), "present", "missing"))
        continue;
      bytes = mi_document_get_bytes (doc);
      check_uint (name, bytes ? g_bytes_get_size (bytes) : 0, files[i].size);
      check_true (name, mi_document_is_utf8 (doc) == files[i].utf8,
                  files[i].utf8 ? "valid UTF-8" : "not UTF-8",
                  files[i].utf8 ? "not UTF-8" : "valid UTF-8");
    }

  assert_all_strings_clean (issue);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/parse/example", test_example);
  g_test_add_func ("/parse/lowercase-words", test_lowercase_words);
  g_test_add_func ("/parse/readme-only", test_readme_only);
  g_test_add_func ("/parse/missing-files", test_missing_files);
  g_test_add_func ("/parse/extra-sections", test_extra_sections);
  g_test_add_func ("/parse/aligned-table", test_aligned_table);
  g_test_add_func ("/parse/crlf", test_crlf);
  g_test_add_func ("/parse/bom", test_bom);
  g_test_add_func ("/parse/no-conventions", test_no_conventions);

  ret = g_test_run ();

  g_test_message ("%u checks, %u passed, %u failed", n_checks, n_checks - n_failed, n_failed);
  g_clear_pointer (&context, g_free);

  return ret;
}
