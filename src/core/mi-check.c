/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-check.h"
#include "mi-issue-private.h"
#include "mi-model-private.h"
#include "mi-workspace.h"

/*
 * Checks: the problems a reviewer of a meta-issue would flag. Each problem
 * names a file or folder (relative to the workspace root), a 1-based line when
 * there is one, and says what to do about it.
 */

typedef struct
{
  MiWorkspace *workspace;
  MiIssue     *issue;
  GPtrArray   *problems;
} MiChecker;

static char *
get_display_path (MiWorkspace *workspace,
                  GFile       *file)
{
  char *path;

  path = mi_workspace_get_relative_path (workspace, file);
  if (path == NULL)
    path = g_file_get_parse_name (file);

  return path;
}

static void
add_problem_take (MiChecker *checker,
                  GFile     *file,
                  guint      line,
                  char      *message)
{
  MiProblem *problem;

  g_assert (G_IS_FILE (file));
  g_assert (message != NULL);

  problem = g_new0 (MiProblem, 1);
  problem->path = get_display_path (checker->workspace, file);
  problem->line = line;
  problem->message = message;

  g_ptr_array_add (checker->problems, problem);
}

static void add_problem (MiChecker  *checker,
                         GFile      *file,
                         guint       line,
                         const char *format,
                         ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (MiChecker  *checker,
             GFile      *file,
             guint       line,
             const char *format,
             ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem_take (checker, file, line, message);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const MiProblem *pa = *(const MiProblem * const *) a;
  const MiProblem *pb = *(const MiProblem * const *) b;
  int cmp;

  cmp = g_strcmp0 (pa->path, pb->path);
  if (cmp != 0)
    return cmp;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;

  return g_strcmp0 (pa->message, pb->message);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : (ua > ub ? 1 : 0);
}

static gboolean
attempt_has_file (MiDocument *document)
{
  return document != NULL && mi_document_get_exists (document);
}

static void
check_attempts (MiChecker *checker,
                GArray    *numbers)
{
  GListModel *attempts = mi_issue_get_attempts (checker->issue);
  GFile *readme = mi_issue_get_file (checker->issue, MI_ISSUE_FILE_README);
  g_autoptr(GHashTable) folders = NULL;
  gboolean has_timeline = FALSE;
  guint n_items;

  folders = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  n_items = g_list_model_get_n_items (attempts);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, i);

      if (attempt->timeline_line > 0)
        has_timeline = TRUE;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, i);
      gboolean known = FALSE;

      for (guint j = 0; j < numbers->len; j++)
        {
          if (g_array_index (numbers, guint, j) == attempt->number)
            {
              known = TRUE;
              break;
            }
        }
      if (!known)
        g_array_append_val (numbers, attempt->number);

      if (attempt->folder == NULL)
        {
          if (attempt->timeline_line > 0)
            add_problem (checker, readme, attempt->timeline_line,
                         /* Translators: %03u is an attempt number, "002" */
                         _("attempt %03u is in the Timeline Summary table but has no folder: "
                           "create attempts/%03u-<name>/ with solution-approach.md and "
                           "attempt-results.md, or remove the row"),
                         attempt->number, attempt->number);
          continue;
        }

      /* A second folder with the same number is reported as a duplicate. */
      if (has_timeline && attempt->timeline_line == 0 &&
          !g_hash_table_contains (folders, GUINT_TO_POINTER (attempt->number)))
        add_problem (checker, attempt->folder, 0,
                     /* Translators: %03u is an attempt number, "002" */
                     _("attempt %03u has no row in the Timeline Summary table of README.md: "
                       "add a row to the Timeline Summary table"),
                     attempt->number);

      if (g_hash_table_contains (folders, GUINT_TO_POINTER (attempt->number)))
        {
          GFile *first = g_hash_table_lookup (folders, GUINT_TO_POINTER (attempt->number));
          g_autofree char *first_path = get_display_path (checker->workspace, first);

          add_problem (checker, attempt->folder, 0,
                       /* Translators: %03u is an attempt number, %s the path of another folder */
                       _("attempt number %03u is also used by %s: "
                         "renumber one of the two folders"),
                       attempt->number, first_path);
        }
      else
        {
          g_hash_table_insert (folders,
                               GUINT_TO_POINTER (attempt->number),
                               g_object_ref (attempt->folder));
        }

      if (!attempt_has_file (attempt->approach))
        add_problem (checker, attempt->folder, 0, "%s",
                     _("solution-approach.md is missing: "
                       "write the hypothesis and the plan of the attempt in it"));

      if (!attempt_has_file (attempt->results_doc))
        add_problem (checker, attempt->folder, 0, "%s",
                     _("attempt-results.md is missing: "
                       "write what the attempt achieved and what it taught in it"));
    }

  g_array_sort (numbers, compare_uint);
}

static void
check_gaps (MiChecker *checker,
            GArray    *numbers)
{
  g_autoptr(GFile) attempts_dir = NULL;
  guint expected = 1;

  if (numbers->len == 0)
    return;

  attempts_dir = g_file_get_child (mi_issue_get_folder (checker->issue), "attempts");

  for (guint i = 0; i < numbers->len; i++)
    {
      guint number = g_array_index (numbers, guint, i);

      if (number == 0)
        continue;

      if (number == expected + 1)
        add_problem (checker, attempts_dir, 0,
                     /* Translators: %03u is an attempt number, "002" */
                     _("attempt %03u is missing: create its folder or renumber the attempts after it"),
                     expected);
      else if (number > expected + 1)
        add_problem (checker, attempts_dir, 0,
                     /* Translators: %03u are attempt numbers: "attempts 002 to 004 are missing" */
                     _("attempts %03u to %03u are missing: "
                       "create their folders or renumber the attempts after them"),
                     expected, number - 1);

      expected = number + 1;
    }
}

static void
check_status (MiChecker *checker)
{
  GListModel *attempts = mi_issue_get_attempts (checker->issue);
  GFile *readme = mi_issue_get_file (checker->issue, MI_ISSUE_FILE_README);
  guint status_attempt = mi_issue_get_status_attempt (checker->issue);
  gboolean has_success = FALSE;
  guint line;

  if (mi_issue_get_status (checker->issue) != MI_STATUS_RESOLVED)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (attempts); i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, i);

      if (attempt->outcome == MI_OUTCOME_SUCCESS)
        has_success = TRUE;
    }

  line = checker->issue->status_line;

  if (!has_success)
    add_problem (checker, readme, line, "%s",
                 _("the status is Resolved but no attempt succeeded: "
                   "mark the attempt that solved the problem “✅ Success” in the "
                   "Timeline Summary table and the implementation log, or change the status"));

  if (status_attempt > 0 && mi_issue_find_attempt (checker->issue, status_attempt) == NULL)
    add_problem (checker, readme, line,
                 /* Translators: %03u is an attempt number, "003" */
                 _("the status names attempt %03u, which does not exist: "
                   "correct the attempt number on the Status line"),
                 status_attempt);
}

static void
check_total_attempts (MiChecker *checker,
                      GArray    *numbers)
{
  int total = mi_issue_get_total_attempts (checker->issue);
  GFile *readme = mi_issue_get_file (checker->issue, MI_ISSUE_FILE_README);

  if (total < 0 || (guint) total == numbers->len)
    return;

  add_problem (checker, readme,
               checker->issue->total_line,
               /* Translators: the first %d is the number written in the README,
                * the second the number of attempts found */
               g_dngettext (GETTEXT_PACKAGE,
                            "**Total Attempts:** says %d but the meta-issue has %u attempt: "
                            "update the Total Attempts line",
                            "**Total Attempts:** says %d but the meta-issue has %u attempts: "
                            "update the Total Attempts line",
                            numbers->len),
               total, numbers->len);
}

static void
check_test_cases (MiChecker *checker)
{
  GListModel *criteria = mi_issue_get_criteria (checker->issue);
  GListModel *test_cases = mi_issue_get_test_cases (checker->issue);
  GFile *file = mi_issue_get_file (checker->issue, MI_ISSUE_FILE_TEST_CASES);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(MiCriterion) criterion = g_list_model_get_item (criteria, i);

      if (mi_criterion_get_target (criterion) == NULL)
        add_problem (checker, file, mi_criterion_get_line (criterion),
                     /* Translators: %s is the name of a metric, "Response time" */
                     _("the target of “%s” is not a measurement: "
                       "write a comparison and a value with its unit, like “< 1,000ms”"),
                     mi_criterion_get_metric (criterion) != NULL ? mi_criterion_get_metric (criterion) : "");
    }

  for (guint i = 0; i < g_list_model_get_n_items (test_cases); i++)
    {
      g_autoptr(MiTestCase) test_case = g_list_model_get_item (test_cases, i);
      GListModel *results = mi_test_case_get_results (test_case);
      const char *id = mi_test_case_get_id (test_case);

      if (results == NULL)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (results); j++)
        {
          g_autoptr(MiResult) result = g_list_model_get_item (results, j);
          guint attempt = mi_result_get_attempt (result);
          guint line = mi_result_get_line (result);
          const char *text = mi_result_get_text (result);

          if (mi_issue_find_attempt (checker->issue, attempt) == NULL)
            add_problem (checker, file, line,
                         /* Translators: %s is a test case id, "TC-001"; %03u an attempt number */
                         _("%s has a result for attempt %03u, which does not exist: "
                           "correct the attempt number or add the attempt"),
                         id, attempt);

          if (mi_result_get_measurement (result) == NULL)
            add_problem (checker, file, line,
                         /* Translators: %s is a test case id, %03u an attempt number,
                          * the last %s the value as written */
                         _("%s: the result of attempt %03u, “%s”, is not a measurement: "
                           "write a number with its unit, like “380ms”"),
                         id, attempt, text != NULL ? text : "");
        }
    }
}

void
mi_problem_free (MiProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * mi_check_issue:
 * @workspace: the workspace holding @issue
 * @issue: the meta-issue to check
 *
 * Looks for the problems a reviewer would flag in @issue: attempts missing
 * from the timeline or from disk, duplicate or missing attempt numbers,
 * values that cannot be read, counts that disagree.
 *
 * Returns: (transfer full) (element-type MiProblem): the problems, sorted by
 *   path then line; empty when there are none
 */
GPtrArray *
mi_check_issue (MiWorkspace *workspace,
                MiIssue     *issue)
{
  MiChecker checker;
  g_autoptr(GArray) numbers = NULL;

  g_return_val_if_fail (MI_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (MI_IS_ISSUE (issue), NULL);

  checker.workspace = workspace;
  checker.issue = issue;
  checker.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) mi_problem_free);

  numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  check_attempts (&checker, numbers);
  check_gaps (&checker, numbers);
  check_status (&checker);
  check_total_attempts (&checker, numbers);
  check_test_cases (&checker);

  g_ptr_array_sort (checker.problems, compare_problems);

  return checker.problems;
}
