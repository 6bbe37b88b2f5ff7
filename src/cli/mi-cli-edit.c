/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-cli-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "mi-cli-private.h"

/*
 * The structured edits of meta-issues-cli: new, attempt, status, record,
 * log. Each is one core call, which refuses before writing anything.
 */

/* new */

int
mi_cli_run_new (MiCli           *cli,
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

int
mi_cli_run_attempt (MiCli           *cli,
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
  g_autoptr(MiIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  MiAttempt *attempt;
  GFile *folder;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 2, -1, &exit_code))
    return exit_code;

  if (!mi_cli_check_date (command, date, &exit_code))
    return exit_code;

  if (hypothesis != NULL && !g_utf8_validate (hypothesis, -1, NULL))
    return mi_cli_usage_error (command, "%s", _("the hypothesis is not valid UTF-8 text: write it in UTF-8"));

  title = g_strjoinv (" ", args + 2);

  issue = mi_cli_load_issue (cli, args[1], NULL);
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

int
mi_cli_run_status (MiCli           *cli,
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
  g_autoptr(MiIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
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

  issue = mi_cli_load_issue (cli, args[1], NULL);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (!mi_issue_set_status (issue, status, attempt, &error))
    return mi_cli_print_core_error (error);

  return MI_CLI_EXIT_OK;
}

/* record */

int
mi_cli_run_record (MiCli           *cli,
                   const MiCommand *command,
                   char           **args)
{
  gboolean pass = FALSE;
  gboolean fail = FALSE;
  gboolean replace = FALSE;
  gboolean force = FALSE;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "pass", 0, 0, G_OPTION_ARG_NONE, &pass,
      N_("Mark the result PASS (default: judged against the target)"), NULL },
    { "fail", 0, 0, G_OPTION_ARG_NONE, &fail,
      N_("Mark the result FAIL (default: judged against the target)"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Rewrite the attempt's result when it has one already"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Record a value that cannot be compared with the target (another unit)"), NULL },
    { NULL }
  };
  g_autoptr(MiIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  MiVerdict verdict = MI_VERDICT_UNKNOWN;
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

  issue = mi_cli_load_issue (cli, args[1], NULL);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (!mi_issue_record_result (issue, args[2], attempt, args[4], verdict,
                               (replace ? MI_RECORD_REPLACE : 0) | (force ? MI_RECORD_FORCE : 0),
                               &error))
    {
      if (g_error_matches (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_EXISTS))
        mi_cli_print_error ("%s %s", error->message, _("To rewrite it, add --replace."));
      else if (g_error_matches (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INCOMPARABLE))
        mi_cli_print_error ("%s %s", error->message, _("To record it as written, add --force."));
      else
        return mi_cli_print_core_error (error);
      return MI_CLI_EXIT_FAILURE;
    }

  return MI_CLI_EXIT_OK;
}

/* log */

int
mi_cli_run_log (MiCli           *cli,
                const MiCommand *command,
                char           **args)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *attempt_text = NULL;
  guint attempt = 0;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Date of the entry (default: today)"), N_("YYYY-MM-DD") },
    { "attempt", 0, 0, G_OPTION_ARG_STRING, &attempt_text,
      N_("The attempt the entry is about (default: the last one)"), N_("N") },
    { NULL }
  };
  g_autoptr(MiIssue) issue = NULL;
  g_autoptr(GError) error = NULL;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 2, -1, &exit_code))
    return exit_code;

  if (!mi_cli_check_date (command, date, &exit_code))
    return exit_code;
  if (attempt_text != NULL && !mi_cli_parse_attempt_number (command, attempt_text, &attempt, &exit_code))
    return exit_code;

  text = g_strjoinv (" ", args + 2);

  issue = mi_cli_load_issue (cli, args[1], NULL);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (!mi_issue_add_log_entry (issue, text, date, attempt, &error))
    return mi_cli_print_core_error (error);

  return MI_CLI_EXIT_OK;
}

/* test-case */

int
mi_cli_run_test_case (MiCli           *cli,
                      const MiCommand *command,
                      char           **args)
{
  g_autofree char *target = NULL;
  g_autofree char *procedure = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "target", 0, 0, G_OPTION_ARG_STRING, &target,
      N_("Its target, such as “< 1 s”"), N_("TARGET") },
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &procedure,
      N_("How it is run"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(MiIssue) issue = NULL;
  g_autoptr(GError) error = NULL;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 2, -1, &exit_code))
    return exit_code;

  if ((target != NULL && !g_utf8_validate (target, -1, NULL)) ||
      (procedure != NULL && !g_utf8_validate (procedure, -1, NULL)))
    return mi_cli_usage_error (command, "%s", _("the target and the procedure must be UTF-8 text"));

  title = g_strjoinv (" ", args + 2);

  issue = mi_cli_load_issue (cli, args[1], NULL);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (!mi_issue_add_test_case (issue, title, target, procedure, &id, &error))
    return mi_cli_print_core_error (error);

  g_print ("%s\n", id);
  return MI_CLI_EXIT_OK;
}

/* criterion */

int
mi_cli_run_criterion (MiCli           *cli,
                      const MiCommand *command,
                      char           **args)
{
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { NULL }
  };
  g_autoptr(MiIssue) issue = NULL;
  g_autoptr(GError) error = NULL;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 3, 3, &exit_code))
    return exit_code;

  issue = mi_cli_load_issue (cli, args[1], NULL);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (!mi_issue_add_criterion (issue, args[2], args[3], &error))
    return mi_cli_print_core_error (error);

  return MI_CLI_EXIT_OK;
}
