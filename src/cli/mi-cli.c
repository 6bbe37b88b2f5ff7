/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "meta-issues.h"
#include "mi-cli-json.h"
#include "mi-cli-private.h"

/*
 * meta-issues-cli: the command-line face of src/core, for people and CI.
 *
 * Exit codes: 0 success, 1 failure (no workspace, unknown meta-issue, an edit
 * that core refused, problems found by `check`), 2 usage errors (unknown
 * command or option, missing arguments, values that cannot be understood).
 * Nothing is written when a command fails: every edit goes through core,
 * which refuses before writing.
 */

static const MiCommand *find_command (const char *name);

void
mi_cli_print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the prefix of every error message; %s is the message */
  g_printerr (_("meta-issues-cli: %s\n"), message);
}

/* Prints a usage error and a hint, returns MI_CLI_EXIT_USAGE. */
int
mi_cli_usage_error (const MiCommand *command,
             const char      *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  mi_cli_print_error ("%s", message);

  if (command != NULL)
    g_printerr (_("Usage: meta-issues-cli %s %s\n"
                  "Run “meta-issues-cli %s --help” for its options.\n"),
                command->name, _(command->parameters), command->name);
  else
    g_printerr ("%s\n", _("Run “meta-issues-cli --help” for the list of commands."));

  return MI_CLI_EXIT_USAGE;
}

/* The path to show for @file: relative to the current directory when it is
 * inside it, else absolute. */
char *
mi_cli_get_display_path (GFile *file)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GFile) here = g_file_new_for_path (cwd);
  char *relative;

  relative = g_file_get_relative_path (here, file);
  if (relative != NULL)
    return relative;

  return g_file_get_parse_name (file);
}

static gboolean
validate_utf8 (const MiCommand  *command,
               char            **args,
               int              *exit_code)
{
  for (guint i = 0; args[i] != NULL; i++)
    {
      if (!g_utf8_validate (args[i], -1, NULL))
        {
          *exit_code = mi_cli_usage_error (command, "%s",
                                    _("an argument is not valid UTF-8 text: "
                                      "write it in UTF-8"));
          return FALSE;
        }
    }

  return TRUE;
}

/*
 * Parses the options of @command from @args (the command name first, then its
 * arguments), leaving only the positional arguments after the name. Checks
 * there are between @min_args and @max_args of them (-1: no maximum).
 */
gboolean
mi_cli_parse_command_line (MiCli              *cli,
                    const MiCommand    *command,
                    const GOptionEntry *entries,
                    char             ***args,
                    int                 min_args,
                    int                 max_args,
                    int                *exit_code)
{
  g_autofree char *directory = NULL;
  g_autofree char *parameter_string = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int n_args;
  const GOptionEntry common_entries[] = {
    { "directory", 'C', 0, G_OPTION_ARG_FILENAME, &directory,
      N_("Use the workspace that holds DIR instead of the current directory"), N_("DIR") },
    { NULL }
  };

  parameter_string = g_strdup_printf ("%s %s", command->name, _(command->parameters));
  context = g_option_context_new (parameter_string);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, args, &error))
    {
      *exit_code = mi_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  if (directory != NULL)
    {
      g_free (cli->directory);
      cli->directory = g_steal_pointer (&directory);
    }

  if (!validate_utf8 (command, *args, exit_code))
    return FALSE;

  n_args = (int) g_strv_length (*args) - 1;

  if (n_args < min_args)
    {
      *exit_code = mi_cli_usage_error (command, _("“%s” needs more arguments"), command->name);
      return FALSE;
    }

  if (max_args >= 0 && n_args > max_args)
    {
      *exit_code = mi_cli_usage_error (command, _("too many arguments for “%s”: %s"),
                                command->name, (*args)[max_args + 1]);
      return FALSE;
    }

  return TRUE;
}

gboolean
mi_cli_check_date (const MiCommand *command,
            const char      *date,
            int             *exit_code)
{
  g_autoptr(GError) error = NULL;

  if (date == NULL || mi_date_validate (date, &error))
    return TRUE;

  *exit_code = mi_cli_usage_error (command, "%s", error->message);
  return FALSE;
}

gboolean
mi_cli_parse_attempt_number (const MiCommand *command,
                      const char      *text,
                      guint           *number,
                      int             *exit_code)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 999, &value, NULL))
    {
      *exit_code = mi_cli_usage_error (command,
                                _("“%s” is not an attempt number: "
                                  "write a number from 1 to 999, like 3 or 003"),
                                text);
      return FALSE;
    }

  *number = (guint) value;
  return TRUE;
}

MiWorkspace *
mi_cli_open_workspace (MiCli *cli)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  MiWorkspace *workspace;

  if (cli->directory != NULL)
    folder = g_file_new_for_commandline_arg (cli->directory);
  else
    {
      g_autofree char *cwd = g_get_current_dir ();

      folder = g_file_new_for_path (cwd);
    }

  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      mi_cli_print_error (_("%s is not a folder: give -C a folder inside the repository"), name);
      return NULL;
    }

  workspace = mi_workspace_open (folder, NULL, &error);
  if (workspace == NULL)
    {
      mi_cli_print_error ("%s", error->message);
      return NULL;
    }

  return workspace;
}

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

MiIssue *
mi_cli_lookup_issue (MiWorkspace *workspace,
              const char  *slug)
{
  MiIssue *issue;
  g_autofree char *dir = NULL;

  issue = mi_workspace_find_issue (workspace, slug);
  if (issue != NULL)
    return issue;

  dir = mi_workspace_get_relative_path (workspace, mi_workspace_get_issues_dir (workspace));
  mi_cli_print_error (_("there is no meta-issue “%s” in %s: "
                 "run “meta-issues-cli list” to see the meta-issues of this workspace"),
               slug, dir != NULL && *dir != '\0' ? dir : "docs/meta-issues");

  return NULL;
}

void
mi_cli_print_json (JsonNode *node)
{
  g_autofree char *text = mi_cli_json_to_string (node);

  fputs (text, stdout);
}

int
mi_cli_print_core_error (GError *error)
{
  mi_cli_print_error ("%s", error->message);
  return MI_CLI_EXIT_FAILURE;
}

/* list */

static int
run_list (MiCli           *cli,
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

static int
run_show (MiCli           *cli,
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
  MiIssue *issue;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 1, 1, &exit_code))
    return exit_code;

  workspace = mi_cli_open_workspace (cli);
  if (workspace == NULL)
    return MI_CLI_EXIT_FAILURE;

  issue = mi_cli_lookup_issue (workspace, args[1]);
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

/* new */

static int
run_new (MiCli           *cli,
         const MiCommand *command,
         char           **args)
{
  g_autofree char *slug = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = NULL;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "slug", 0, 0, G_OPTION_ARG_STRING, &slug,
      N_("Name of the folder (default: made from the title)"), N_("SLUG") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Creation date (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  MiIssue *issue;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 1, -1, &exit_code))
    return exit_code;

  if (!mi_cli_check_date (command, date, &exit_code))
    return exit_code;

  if (slug != NULL && !mi_slug_validate (slug, &error))
    return mi_cli_usage_error (command, "%s", error->message);

  title = g_strjoinv (" ", args + 1);

  workspace = mi_cli_open_workspace (cli);
  if (workspace == NULL)
    return MI_CLI_EXIT_FAILURE;

  issue = mi_workspace_create_issue (workspace, title, slug, date, &error);
  if (issue == NULL)
    return mi_cli_print_core_error (error);

  path = mi_cli_get_display_path (mi_issue_get_folder (issue));
  g_print ("%s\n", path);

  return MI_CLI_EXIT_OK;
}

/* attempt */

static int
run_attempt (MiCli           *cli,
             const MiCommand *command,
             char           **args)
{
  g_autofree char *hypothesis = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "hypothesis", 0, 0, G_OPTION_ARG_STRING, &hypothesis,
      N_("What the attempt assumes"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Start date (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  MiIssue *issue;
  MiAttempt *attempt;
  GFile *folder;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 2, -1, &exit_code))
    return exit_code;

  if (!mi_cli_check_date (command, date, &exit_code))
    return exit_code;

  if (hypothesis != NULL && !g_utf8_validate (hypothesis, -1, NULL))
    return mi_cli_usage_error (command, "%s", _("the hypothesis is not valid UTF-8 text: write it in UTF-8"));

  title = g_strjoinv (" ", args + 2);

  workspace = mi_cli_open_workspace (cli);
  if (workspace == NULL)
    return MI_CLI_EXIT_FAILURE;

  issue = mi_cli_lookup_issue (workspace, args[1]);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  attempt = mi_issue_add_attempt (issue, title, hypothesis, date, &error);
  if (attempt == NULL)
    return mi_cli_print_core_error (error);

  folder = mi_attempt_get_folder (attempt);
  if (folder != NULL)
    {
      g_autofree char *path = mi_cli_get_display_path (folder);

      g_print ("%s\n", path);
    }

  return MI_CLI_EXIT_OK;
}

/* status */

static MiStatus
parse_status (const char *text,
              guint      *attempt)
{
  static const MiStatus statuses[] = {
    MI_STATUS_OPEN,
    MI_STATUS_IN_PROGRESS,
    MI_STATUS_RESOLVED,
    MI_STATUS_ABANDONED,
    MI_STATUS_SUPERSEDED,
  };

  *attempt = 0;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (g_ascii_strcasecmp (text, mi_status_to_id (statuses[i])) == 0)
        return statuses[i];
    }

  return mi_status_parse (text, attempt);
}

static int
run_status (MiCli           *cli,
            const MiCommand *command,
            char           **args)
{
  int attempt_option = -1;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "attempt", 0, 0, G_OPTION_ARG_INT, &attempt_option,
      N_("The attempt the status refers to, as in “Resolved (Attempt 003)”"), N_("N") },
    { NULL }
  };
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  MiIssue *issue;
  MiStatus status;
  guint attempt = 0;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 2, 2, &exit_code))
    return exit_code;

  status = parse_status (args[2], &attempt);
  if (status == MI_STATUS_UNKNOWN)
    return mi_cli_usage_error (command,
                        _("“%s” is not a status: use open, in-progress, resolved, "
                          "abandoned or superseded"),
                        args[2]);

  if (attempt_option == 0 || attempt_option > 999)
    return mi_cli_usage_error (command, "%s",
                        _("the attempt number must be from 1 to 999: use --attempt=3 for attempt 003"));
  else if (attempt_option > 0)
    attempt = (guint) attempt_option;
  else if (attempt_option < -1)
    return mi_cli_usage_error (command, "%s",
                        _("the attempt number must be from 1 to 999: use --attempt=3 for attempt 003"));

  workspace = mi_cli_open_workspace (cli);
  if (workspace == NULL)
    return MI_CLI_EXIT_FAILURE;

  issue = mi_cli_lookup_issue (workspace, args[1]);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (!mi_issue_set_status (issue, status, attempt, &error))
    return mi_cli_print_core_error (error);

  return MI_CLI_EXIT_OK;
}

/* record */

static int
run_record (MiCli           *cli,
            const MiCommand *command,
            char           **args)
{
  gboolean pass = FALSE;
  gboolean fail = FALSE;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "pass", 0, 0, G_OPTION_ARG_NONE, &pass,
      N_("Mark the result PASS (default: judged against the target)"), NULL },
    { "fail", 0, 0, G_OPTION_ARG_NONE, &fail,
      N_("Mark the result FAIL (default: judged against the target)"), NULL },
    { NULL }
  };
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  MiVerdict verdict = MI_VERDICT_UNKNOWN;
  MiIssue *issue;
  guint attempt = 0;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 4, 4, &exit_code))
    return exit_code;

  if (pass && fail)
    return mi_cli_usage_error (command, "%s", _("--pass and --fail cannot be used together: choose one"));
  if (pass)
    verdict = MI_VERDICT_PASS;
  else if (fail)
    verdict = MI_VERDICT_FAIL;

  if (!mi_cli_parse_attempt_number (command, args[3], &attempt, &exit_code))
    return exit_code;

  workspace = mi_cli_open_workspace (cli);
  if (workspace == NULL)
    return MI_CLI_EXIT_FAILURE;

  issue = mi_cli_lookup_issue (workspace, args[1]);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (!mi_issue_record_result (issue, args[2], attempt, args[4], verdict, &error))
    return mi_cli_print_core_error (error);

  return MI_CLI_EXIT_OK;
}

/* log */

static int
run_log (MiCli           *cli,
         const MiCommand *command,
         char           **args)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Date of the entry (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  MiIssue *issue;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 2, -1, &exit_code))
    return exit_code;

  if (!mi_cli_check_date (command, date, &exit_code))
    return exit_code;

  text = g_strjoinv (" ", args + 2);

  workspace = mi_cli_open_workspace (cli);
  if (workspace == NULL)
    return MI_CLI_EXIT_FAILURE;

  issue = mi_cli_lookup_issue (workspace, args[1]);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (!mi_issue_add_log_entry (issue, text, date, &error))
    return mi_cli_print_core_error (error);

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

static int
run_check (MiCli           *cli,
           const MiCommand *command,
           char           **args)
{
  int exit_code = MI_CLI_EXIT_OK;
  g_autoptr(MiWorkspace) workspace = NULL;
  guint n_problems = 0;

  if (!mi_cli_parse_command_line (cli, command, NULL, &args, 0, 1, &exit_code))
    return exit_code;

  workspace = mi_cli_open_workspace (cli);
  if (workspace == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (args[1] != NULL)
    {
      MiIssue *issue = mi_cli_lookup_issue (workspace, args[1]);

      if (issue == NULL)
        return MI_CLI_EXIT_FAILURE;

      n_problems = print_problems (workspace, issue);
    }
  else
    {
      g_autoptr(GPtrArray) issues = get_issues (workspace);

      for (guint i = 0; i < issues->len; i++)
        n_problems += print_problems (workspace, issues->pdata[i]);
    }

  return n_problems > 0 ? MI_CLI_EXIT_FAILURE : MI_CLI_EXIT_OK;
}

static const MiCommand commands[] = {
  { "list", N_("[--json]"),
    N_("List the meta-issues of the workspace: slug, status, attempts, title"), run_list },
  { "show", N_("SLUG [--json]"),
    N_("Show everything the files say about a meta-issue"), run_show },
  { "new", N_("TITLE [--slug SLUG] [--date YYYY-MM-DD]"),
    N_("Create a meta-issue and print its folder"), run_new },
  { "attempt", N_("SLUG TITLE [--hypothesis TEXT] [--date YYYY-MM-DD]"),
    N_("Add the next attempt to a meta-issue and print its folder"), run_attempt },
  { "status", N_("SLUG STATUS [--attempt N]"),
    N_("Set the status: open, in-progress, resolved, abandoned or superseded"), run_status },
  { "record", N_("SLUG TC-ID ATTEMPT VALUE [--pass|--fail]"),
    N_("Record the result of a test case for an attempt"), run_record },
  { "log", N_("SLUG TEXT [--date YYYY-MM-DD]"),
    N_("Add a dated entry to the implementation log"), run_log },
  { "check", N_("[SLUG]"),
    N_("Print the problems a reviewer would flag, one per line; exit 1 when there are any"), run_check },
  { "chart", N_("SLUG [TC-ID] -o FILE.png|FILE.svg [--width W] [--height H] [--dark]"),
    N_("Draw a test case's chart, or the overview of a meta-issue, to PNG or SVG"), mi_cli_run_chart },
  { "commit", N_("-m MESSAGE [PATH…]"),
    N_("Commit exactly these files (default: every changed file under docs/meta-issues/)"), mi_cli_run_commit },
  { "history", N_("SLUG"),
    N_("List the commits that changed a meta-issue, newest first"), mi_cli_run_history },
  { "sync", N_("[-C DIR]"),
    N_("Fetch, pull (merging when needed) and push the current branch"), mi_cli_run_sync },
};

static const MiCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

static char *
build_commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));
  int width = 0;

  g_string_append_c (text, '\n');

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-*s  %s\n", width, commands[i].name, _(commands[i].summary));

  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “meta-issues-cli COMMAND --help” for the arguments and options of a command.\n"
                           "Without --json, “list” separates its columns with tabs when its output is not a terminal.\n"
                           "Exit status: 0 on success, 1 on failure or when “check” finds problems, 2 on usage errors."));

  return g_string_free (text, FALSE);
}

int
main (int    argc,
      char **argv)
{
  MiCli cli = { NULL };
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "directory", 'C', 0, G_OPTION_ARG_FILENAME, &cli.directory,
      N_("Use the workspace that holds DIR instead of the current directory"), N_("DIR") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) command_args = NULL;
  g_autofree char *description = NULL;
  const MiCommand *command;
  int exit_code;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("meta-issues-cli");

  description = build_commands_description ();

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (context, _("Read, edit and check the meta-issues of a repository."));
  g_option_context_set_description (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      exit_code = mi_cli_usage_error (NULL, "%s", error->message);
      g_free (cli.directory);
      return exit_code;
    }

  if (version)
    {
      g_print ("meta-issues-cli %s\n", PACKAGE_VERSION);
      g_free (cli.directory);
      return MI_CLI_EXIT_OK;
    }

  if (args[0] == NULL || args[1] == NULL)
    {
      exit_code = mi_cli_usage_error (NULL, "%s", _("no command given"));
      g_free (cli.directory);
      return exit_code;
    }

  command = find_command (args[1]);
  if (command == NULL)
    {
      exit_code = mi_cli_usage_error (NULL, _("“%s” is not a command"), args[1]);
      g_free (cli.directory);
      return exit_code;
    }

  command_args = g_strdupv (args + 1);
  exit_code = command->run (&cli, command, command_args);

  g_free (cli.directory);

  return exit_code;
}
