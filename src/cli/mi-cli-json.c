/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-cli"

#include "config.h"

#include <math.h>

#include "mi-cli-json.h"

/*
 * The JSON of `meta-issues-cli list --json` and `show --json`: stable keys,
 * ids rather than labels ("in-progress", "fail"), null for what the files do
 * not say.
 */

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_number (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);

  if (!isfinite (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

/* An unsigned count or number where 0 means "none". */
static void
add_uint_or_null (JsonBuilder *builder,
                  const char  *key,
                  guint        value)
{
  json_builder_set_member_name (builder, key);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_relative_path (JsonBuilder *builder,
                   const char  *key,
                   MiWorkspace *workspace,
                   GFile       *file)
{
  g_autofree char *path = NULL;

  if (file != NULL)
    path = mi_workspace_get_relative_path (workspace, file);

  add_string (builder, key, path);
}

static const char *
op_to_string (MiMeasurement *measurement)
{
  if (measurement == NULL || mi_measurement_get_op (measurement) == MI_OP_NONE)
    return NULL;

  return mi_op_to_string (mi_measurement_get_op (measurement));
}

/* value, unit, base_value, base_unit: null when @measurement is NULL. */
static void
add_measurement_members (JsonBuilder   *builder,
                         MiMeasurement *measurement)
{
  if (measurement == NULL)
    {
      add_string (builder, "value", NULL);
      add_string (builder, "unit", NULL);
      add_string (builder, "base_value", NULL);
      add_string (builder, "base_unit", NULL);
      return;
    }

  add_number (builder, "value", mi_measurement_get_value (measurement));
  add_string (builder, "unit", mi_measurement_get_unit (measurement));
  add_number (builder, "base_value", mi_measurement_get_base_value (measurement));
  add_string (builder, "base_unit", mi_measurement_get_base_unit (measurement));
}

static void
add_target (JsonBuilder   *builder,
            const char    *key,
            MiMeasurement *target)
{
  json_builder_set_member_name (builder, key);

  if (target == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  add_string (builder, "op", op_to_string (target));
  add_measurement_members (builder, target);
  add_string (builder, "qualifier", mi_measurement_get_qualifier (target));
  add_string (builder, "text", mi_measurement_get_text (target));
  json_builder_end_object (builder);
}

static void
add_criteria (JsonBuilder *builder,
              MiIssue     *issue)
{
  GListModel *criteria = mi_issue_get_criteria (issue);

  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(MiCriterion) criterion = g_list_model_get_item (criteria, i);
      MiMeasurement *target = mi_criterion_get_target (criterion);

      json_builder_begin_object (builder);
      add_string (builder, "metric", mi_criterion_get_metric (criterion));
      add_string (builder, "op", op_to_string (target));
      add_measurement_members (builder, target);
      add_string (builder, "qualifier", target != NULL ? mi_measurement_get_qualifier (target) : NULL);
      add_string (builder, "text", mi_criterion_get_text (criterion));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
add_attempts (JsonBuilder *builder,
              MiWorkspace *workspace,
              MiIssue     *issue)
{
  GListModel *attempts = mi_issue_get_attempts (issue);

  json_builder_set_member_name (builder, "attempts");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (attempts); i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, mi_attempt_get_number (attempt));
      add_string (builder, "slug", mi_attempt_get_slug (attempt));
      add_string (builder, "title", mi_attempt_get_title (attempt));
      add_string (builder, "outcome", mi_outcome_to_id (mi_attempt_get_outcome (attempt)));
      add_string (builder, "dates", mi_attempt_get_dates (attempt));
      add_string (builder, "start_date", mi_attempt_get_start_date (attempt));
      add_string (builder, "end_date", mi_attempt_get_end_date (attempt));
      add_string (builder, "hypothesis", mi_attempt_get_hypothesis (attempt));
      add_string (builder, "expected_outcome", mi_attempt_get_expected_outcome (attempt));
      add_string (builder, "result", mi_attempt_get_result (attempt));
      add_string (builder, "learning", mi_attempt_get_learning (attempt));
      add_relative_path (builder, "folder", workspace, mi_attempt_get_folder (attempt));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
add_results (JsonBuilder *builder,
             MiTestCase  *test_case)
{
  GListModel *results = mi_test_case_get_results (test_case);

  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);

  for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(MiResult) result = g_list_model_get_item (results, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "attempt");
      json_builder_add_int_value (builder, mi_result_get_attempt (result));
      add_measurement_members (builder, mi_result_get_measurement (result));
      add_string (builder, "verdict", mi_verdict_to_id (mi_result_get_verdict (result)));
      json_builder_set_member_name (builder, "verdict_written");
      json_builder_add_boolean_value (builder, mi_result_get_written (result));
      add_string (builder, "text", mi_result_get_text (result));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
add_test_cases (JsonBuilder *builder,
                MiIssue     *issue)
{
  GListModel *test_cases = mi_issue_get_test_cases (issue);

  json_builder_set_member_name (builder, "test_cases");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (test_cases); i++)
    {
      g_autoptr(MiTestCase) test_case = g_list_model_get_item (test_cases, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", mi_test_case_get_id (test_case));
      add_string (builder, "title", mi_test_case_get_title (test_case));
      add_string (builder, "procedure", mi_test_case_get_procedure (test_case));
      add_target (builder, "target", mi_test_case_get_target (test_case));
      add_string (builder, "target_metric", mi_test_case_get_target_metric (test_case));
      add_results (builder, test_case);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
add_hypotheses (JsonBuilder *builder,
                MiIssue     *issue)
{
  GListModel *hypotheses = mi_issue_get_hypotheses (issue);

  json_builder_set_member_name (builder, "hypotheses");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (hypotheses); i++)
    {
      g_autoptr(MiHypothesis) hypothesis = g_list_model_get_item (hypotheses, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, mi_hypothesis_get_version (hypothesis));
      add_string (builder, "date", mi_hypothesis_get_date (hypothesis));
      add_string (builder, "title", mi_hypothesis_get_title (hypothesis));
      add_string (builder, "theory", mi_hypothesis_get_theory (hypothesis));
      add_string (builder, "evidence", mi_hypothesis_get_evidence (hypothesis));
      add_string (builder, "test", mi_hypothesis_get_test (hypothesis));
      add_string (builder, "result", mi_hypothesis_get_result (hypothesis));
      add_string (builder, "learning", mi_hypothesis_get_learning (hypothesis));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
add_log (JsonBuilder *builder,
         MiIssue     *issue)
{
  GListModel *entries = mi_issue_get_log_entries (issue);

  json_builder_set_member_name (builder, "log");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(MiLogEntry) entry = g_list_model_get_item (entries, i);

      json_builder_begin_object (builder);
      add_uint_or_null (builder, "attempt", mi_log_entry_get_attempt (entry));
      add_string (builder, "date", mi_log_entry_get_date (entry));
      add_string (builder, "text", mi_log_entry_get_text (entry));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
add_symptoms (JsonBuilder *builder,
              MiIssue     *issue)
{
  const char * const *symptoms = mi_issue_get_symptoms (issue);

  json_builder_set_member_name (builder, "symptoms");
  json_builder_begin_array (builder);

  for (guint i = 0; symptoms != NULL && symptoms[i] != NULL; i++)
    json_builder_add_string_value (builder, symptoms[i]);

  json_builder_end_array (builder);
}

/**
 * mi_cli_json_issue_summary:
 * @issue: a meta-issue
 *
 * Returns: (transfer full): `{slug, title, status, attempts}`
 */
JsonNode *
mi_cli_json_issue_summary (MiIssue *issue)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "slug", mi_issue_get_slug (issue));
  add_string (builder, "title", mi_issue_get_title (issue));
  add_string (builder, "status", mi_status_to_id (mi_issue_get_status (issue)));
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, g_list_model_get_n_items (mi_issue_get_attempts (issue)));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * mi_cli_json_issue:
 * @workspace: the workspace of @issue
 * @issue: a meta-issue
 *
 * Returns: (transfer full): everything the model knows about @issue
 */
JsonNode *
mi_cli_json_issue (MiWorkspace *workspace,
                   MiIssue     *issue)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int total = mi_issue_get_total_attempts (issue);

  json_builder_begin_object (builder);
  add_string (builder, "slug", mi_issue_get_slug (issue));
  add_string (builder, "title", mi_issue_get_title (issue));
  add_string (builder, "status", mi_status_to_id (mi_issue_get_status (issue)));
  add_uint_or_null (builder, "status_attempt", mi_issue_get_status_attempt (issue));
  add_string (builder, "status_text", mi_issue_get_status_text (issue));
  add_string (builder, "created", mi_issue_get_created (issue));
  add_string (builder, "duration", mi_issue_get_duration (issue));
  json_builder_set_member_name (builder, "total_attempts");
  if (total >= 0)
    json_builder_add_int_value (builder, total);
  else
    json_builder_add_null_value (builder);
  add_relative_path (builder, "path", workspace, mi_issue_get_folder (issue));
  add_string (builder, "summary", mi_issue_get_summary (issue));
  add_string (builder, "problem_statement", mi_issue_get_problem_statement (issue));
  add_symptoms (builder, issue);
  add_string (builder, "root_cause", mi_issue_get_root_cause (issue));
  add_string (builder, "resolution", mi_issue_get_resolution (issue));
  add_string (builder, "current_understanding", mi_issue_get_current_understanding (issue));
  add_criteria (builder, issue);
  add_attempts (builder, workspace, issue);
  add_test_cases (builder, issue);
  add_hypotheses (builder, issue);
  add_log (builder, issue);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * mi_cli_json_to_string:
 * @node: a JSON node
 *
 * Returns: (transfer full): @node, pretty-printed, with a final newline
 */
char *
mi_cli_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}
