/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-cli-show"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "mi-cli-json.h"
#include "mi-cli-private.h"

/*
 * The commands of meta-issues-cli that read and write nothing: list, show,
 * check.
 */

/* The meta-issues of @workspace, in its order. */
static GPtrArray *
get_issues (MiWorkspace *workspace)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func (g_object_unref);

  if (G_IS_LIST_MODEL (workspace))
    {
      GListModel *model = G_LIST_MODEL (workspace);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (issues, g_list_model_get_item (model, i));
    }

  return issues;
}

/* list */

int
mi_cli_run_list (MiCli           *cli,
                 const MiCommand *command,
                 char           **args)
{
  gboolean json = FALSE;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) issues = NULL;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 0, 0, &exit_code))
    return exit_code;

  workspace = mi_cli_open_workspace (cli);
  if (workspace == NULL)
    return MI_CLI_EXIT_FAILURE;

  issues = get_issues (workspace);

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint i = 0; i < issues->len; i++)
        json_array_add_element (array, mi_cli_json_issue_summary (issues->pdata[i]));

      json_node_set_array (root, array);
      mi_cli_print_json (root);
    }
  else
    {
      gboolean aligned = isatty (STDOUT_FILENO);
      int slug_width = 0;
      int status_width = 0;

      for (guint i = 0; aligned && i < issues->len; i++)
        {
          MiIssue *issue = issues->pdata[i];

          slug_width = MAX (slug_width, (int) g_utf8_strlen (mi_issue_get_slug (issue), -1));
          status_width = MAX (status_width,
                              (int) strlen (mi_status_to_id (mi_issue_get_status (issue))));
        }

      for (guint i = 0; i < issues->len; i++)
        {
          MiIssue *issue = issues->pdata[i];
          const char *slug = mi_issue_get_slug (issue);
          const char *status = mi_status_to_id (mi_issue_get_status (issue));
          const char *title = mi_issue_get_title (issue);
          guint n_attempts = g_list_model_get_n_items (mi_issue_get_attempts (issue));

          if (title == NULL)
            title = "";

          if (aligned)
            {
              int slug_pad = slug_width - (int) g_utf8_strlen (slug, -1);

              g_print ("%s%*s  %-*s  %3u  %s\n",
                       slug, slug_pad, "", status_width, status, n_attempts, title);
            }
          else
            {
              g_print ("%s\t%s\t%u\t%s\n", slug, status, n_attempts, title);
            }
        }
    }

  return MI_CLI_EXIT_OK;
}

/* show */

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("%s %s\n", label, value);
}

static void
print_block (const char *heading,
             const char *text)
{
  if (text == NULL || *text == '\0')
    return;

  g_print ("\n%s\n%s\n", heading, text);
}

/* "<indent><label> <value>", the value's further lines indented under it. */
static void
print_indented (const char *indent,
                const char *label,
                const char *value)
{
  g_auto(GStrv) lines = NULL;

  if (value == NULL || *value == '\0')
    return;

  lines = g_strsplit (value, "\n", -1);
  if (label != NULL)
    g_print ("%s%s %s\n", indent, label, lines[0]);
  else
    g_print ("%s%s\n", indent, lines[0]);

  for (guint i = 1; lines[i] != NULL; i++)
    g_print ("%s  %s\n", indent, lines[i]);
}

static void
print_issue (MiWorkspace *workspace,
             MiIssue     *issue)
{
  GListModel *criteria = mi_issue_get_criteria (issue);
  GListModel *attempts = mi_issue_get_attempts (issue);
  GListModel *hypotheses = mi_issue_get_hypotheses (issue);
  GListModel *test_cases = mi_issue_get_test_cases (issue);
  GListModel *entries = mi_issue_get_log_entries (issue);
  const char * const *symptoms = mi_issue_get_symptoms (issue);
  g_autofree char *path = mi_workspace_get_relative_path (workspace, mi_issue_get_folder (issue));
  g_autofree char *status = NULL;
  int total = mi_issue_get_total_attempts (issue);

  if (mi_issue_get_status_attempt (issue) > 0)
    /* Translators: a status and the attempt it names: "Resolved (attempt 003)" */
    status = g_strdup_printf (_("%s (attempt %03u)"),
                              mi_status_get_label (mi_issue_get_status (issue)),
                              mi_issue_get_status_attempt (issue));
  else
    status = g_strdup (mi_status_get_label (mi_issue_get_status (issue)));

  g_print ("%s\n\n", mi_issue_get_title (issue) != NULL ? mi_issue_get_title (issue) : mi_issue_get_slug (issue));
  print_field (_("Slug:"), mi_issue_get_slug (issue));
  print_field (_("Folder:"), path);
  print_field (_("Status:"), status);
  print_field (_("Created:"), mi_issue_get_created (issue));
  print_field (_("Duration:"), mi_issue_get_duration (issue));
  if (total >= 0)
    g_print ("%s %d\n", _("Total attempts:"), total);

  print_block (_("Summary"), mi_issue_get_summary (issue));
  print_block (_("Problem statement"), mi_issue_get_problem_statement (issue));

  if (symptoms != NULL && symptoms[0] != NULL)
    {
      g_print ("\n%s\n", _("Symptoms"));
      for (guint i = 0; symptoms[i] != NULL; i++)
        g_print ("  - %s\n", symptoms[i]);
    }

  print_block (_("Current understanding"), mi_issue_get_current_understanding (issue));
  print_block (_("Root cause"), mi_issue_get_root_cause (issue));
  print_block (_("Resolution"), mi_issue_get_resolution (issue));

  if (g_list_model_get_n_items (criteria) > 0)
    {
      g_print ("\n%s\n", _("Success criteria"));
      for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
        {
          g_autoptr(MiCriterion) criterion = g_list_model_get_item (criteria, i);

          g_print ("  - %s\n", mi_criterion_get_text (criterion));
        }
    }

  if (g_list_model_get_n_items (attempts) > 0)
    {
      g_print ("\n%s\n", _("Attempts"));
      for (guint i = 0; i < g_list_model_get_n_items (attempts); i++)
        {
          g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, i);
          GFile *folder = mi_attempt_get_folder (attempt);
          const char *title = mi_attempt_get_title (attempt);

          g_print ("  %03u  %s  %s\n",
                   mi_attempt_get_number (attempt),
                   mi_outcome_get_label (mi_attempt_get_outcome (attempt)),
                   title != NULL ? title : "");
          print_indented ("       ", _("Dates:"), mi_attempt_get_dates (attempt));
          print_indented ("       ", _("Hypothesis:"), mi_attempt_get_hypothesis (attempt));
          print_indented ("       ", _("Expected:"), mi_attempt_get_expected_outcome (attempt));
          print_indented ("       ", _("Result:"), mi_attempt_get_result (attempt));
          print_indented ("       ", _("Learning:"), mi_attempt_get_learning (attempt));
          if (folder != NULL)
            {
              g_autofree char *folder_path = mi_workspace_get_relative_path (workspace, folder);

              print_indented ("       ", _("Folder:"), folder_path);
            }
        }
    }

  if (g_list_model_get_n_items (hypotheses) > 0)
    {
      g_print ("\n%s\n", _("Evolution of understanding"));
      for (guint i = 0; i < g_list_model_get_n_items (hypotheses); i++)
        {
          g_autoptr(MiHypothesis) hypothesis = g_list_model_get_item (hypotheses, i);
          const char *date = mi_hypothesis_get_date (hypothesis);
          const char *title = mi_hypothesis_get_title (hypothesis);

          /* Translators: a hypothesis version, its date and title: "Version 2 (2024-09-15) Refined Hypothesis" */
          g_print (_("  Version %u (%s) %s\n"),
                   mi_hypothesis_get_version (hypothesis),
                   date != NULL ? date : "?",
                   title != NULL ? title : "");
          print_indented ("    ", _("Theory:"), mi_hypothesis_get_theory (hypothesis));
          print_indented ("    ", _("Evidence:"), mi_hypothesis_get_evidence (hypothesis));
          print_indented ("    ", _("Test:"), mi_hypothesis_get_test (hypothesis));
          print_indented ("    ", _("Result:"), mi_hypothesis_get_result (hypothesis));
          print_indented ("    ", _("Learning:"), mi_hypothesis_get_learning (hypothesis));
        }
    }

  if (g_list_model_get_n_items (test_cases) > 0)
    {
      g_print ("\n%s\n", _("Test cases"));
      for (guint i = 0; i < g_list_model_get_n_items (test_cases); i++)
        {
          g_autoptr(MiTestCase) test_case = g_list_model_get_item (test_cases, i);
          MiMeasurement *target = mi_test_case_get_target (test_case);
          GListModel *results = mi_test_case_get_results (test_case);
          const char *title = mi_test_case_get_title (test_case);

          g_print ("  %s  %s\n", mi_test_case_get_id (test_case), title != NULL ? title : "");
          if (target != NULL)
            print_indented ("    ", _("Target:"), mi_measurement_get_text (target));

          for (guint j = 0; results != NULL && j < g_list_model_get_n_items (results); j++)
            {
              g_autoptr(MiResult) result = g_list_model_get_item (results, j);
              const char *text = mi_result_get_text (result);

              /* Translators: a test result: "Attempt 003: 380ms (Pass)" */
              g_print (_("    Attempt %03u: %s (%s)\n"),
                       mi_result_get_attempt (result),
                       text != NULL ? text : "",
                       mi_verdict_get_label (mi_result_get_verdict (result)));
            }
        }
    }

  if (g_list_model_get_n_items (entries) > 0)
    {
      g_print ("\n%s\n", _("Log"));
      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(MiLogEntry) entry = g_list_model_get_item (entries, i);
          const char *date = mi_log_entry_get_date (entry);
          const char *text = mi_log_entry_get_text (entry);

          g_autofree char *heading = NULL;

          if (mi_log_entry_get_attempt (entry) > 0)
            /* Translators: a log entry's date and attempt: "2024-09-01 (attempt 001)" */
            heading = g_strdup_printf (_("%s (attempt %03u)"), date != NULL ? date : "?",
                                       mi_log_entry_get_attempt (entry));
          else
            heading = g_strdup (date != NULL ? date : "?");

          g_print ("  %s\n", heading);
          print_indented ("    ", NULL, text);
        }
    }
}

int
mi_cli_run_show (MiCli           *cli,
                 const MiCommand *command,
                 char           **args)
{
  gboolean json = FALSE;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(MiIssue) issue = NULL;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 1, 1, &exit_code))
    return exit_code;

  issue = mi_cli_load_issue (cli, args[1], &workspace);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (json)
    {
      g_autoptr(JsonNode) root = mi_cli_json_issue (workspace, issue);

      mi_cli_print_json (root);
    }
  else
    {
      print_issue (workspace, issue);
    }

  return MI_CLI_EXIT_OK;
}

/* check */

static guint
print_problems (MiWorkspace *workspace,
                MiIssue     *issue)
{
  g_autoptr(GPtrArray) problems = mi_check_issue (workspace, issue);

  if (problems == NULL)
    return 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const MiProblem *problem = problems->pdata[i];

      if (problem->line > 0)
        g_print ("%s:%u: %s\n", problem->path, problem->line, problem->message);
      else
        g_print ("%s: %s\n", problem->path, problem->message);
    }

  return problems->len;
}

int
mi_cli_run_check (MiCli           *cli,
                  const MiCommand *command,
                  char           **args)
{
  int exit_code = MI_CLI_EXIT_OK;
  g_autoptr(MiWorkspace) workspace = NULL;
  guint n_problems = 0;

  if (!mi_cli_parse_command_line (cli, command, NULL, &args, 0, 1, &exit_code))
    return exit_code;

  if (args[1] != NULL)
    {
      g_autoptr(MiIssue) issue = mi_cli_load_issue (cli, args[1], &workspace);

      if (issue == NULL)
        return MI_CLI_EXIT_FAILURE;

      n_problems = print_problems (workspace, issue);
    }
  else
    {
      g_autoptr(GPtrArray) issues = NULL;

      workspace = mi_cli_open_workspace (cli);
      if (workspace == NULL)
        return MI_CLI_EXIT_FAILURE;

      issues = get_issues (workspace);

      for (guint i = 0; i < issues->len; i++)
        n_problems += print_problems (workspace, issues->pdata[i]);
    }

  return n_problems > 0 ? MI_CLI_EXIT_FAILURE : MI_CLI_EXIT_OK;
}
