/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

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
 *
 * This file is the dispatch: main, the table of commands, usage, and what
 * the commands share (their options, the workspace, errors). The commands
 * live by idea: mi-cli-show.c (list, show, check), mi-cli-edit.c (new,
 * attempt, status, record, log), mi-cli-chart.c, mi-cli-git.c (commit,
 * history, sync).
 */

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

/* Where the workspace is looked for: -C DIR, else the current folder. Prints
 * the error and returns NULL when that is not a folder. */
static GFile *
get_start_folder (MiCli *cli)
{
  g_autoptr(GFile) folder = NULL;

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

  return g_steal_pointer (&folder);
}

/* The whole workspace that holds @folder, every meta-issue read. */
static MiWorkspace *
open_workspace (GFile *folder)
{
  g_autoptr(GError) error = NULL;
  MiWorkspace *workspace;

  workspace = mi_workspace_open (folder, NULL, &error);
  if (workspace == NULL)
    {
      mi_cli_print_error ("%s", error->message);
      return NULL;
    }

  return workspace;
}

MiWorkspace *
mi_cli_open_workspace (MiCli *cli)
{
  g_autoptr(GFile) folder = get_start_folder (cli);

  if (folder == NULL)
    return NULL;

  return open_workspace (folder);
}

static MiIssue *
lookup_issue (MiWorkspace *workspace,
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

/*
 * The meta-issue @slug, for a command that names one: only
 * docs/meta-issues/@slug is read, not the other meta-issues. @workspace, when
 * not NULL, receives a workspace of the same root for paths and checks (its
 * list is empty: mi_workspace_new()).
 *
 * A slug that mi_slug_validate() refuses never becomes a path. Such a slug
 * (a folder named by hand, "My Notes"), and any slug not found that way, is
 * looked up in the whole workspace as before, so the meta-issue is still
 * found or the error is the same as ever. Prints the error and returns NULL
 * when there is no such meta-issue.
 */
MiIssue *
mi_cli_load_issue (MiCli        *cli,
                   const char   *slug,
                   MiWorkspace **workspace)
{
  g_autoptr(GFile) start = NULL;
  g_autoptr(MiWorkspace) found_in = NULL;
  g_autoptr(MiIssue) issue = NULL;

  start = get_start_folder (cli);
  if (start == NULL)
    return NULL;

  if (mi_slug_validate (slug, NULL))
    {
      g_autoptr(GFile) root = mi_workspace_find_root (start, NULL);

      if (root != NULL)
        {
          g_autoptr(GFile) folder = NULL;

          found_in = mi_workspace_new (root);
          folder = g_file_get_child (mi_workspace_get_issues_dir (found_in), slug);
          issue = mi_issue_load (folder, NULL, NULL);
        }
    }

  if (issue == NULL)
    {
      MiIssue *listed;

      g_clear_object (&found_in);
      found_in = open_workspace (start);
      if (found_in == NULL)
        return NULL;

      listed = lookup_issue (found_in, slug);
      if (listed == NULL)
        return NULL;
      issue = g_object_ref (listed);
    }

  if (workspace != NULL)
    *workspace = g_steal_pointer (&found_in);

  return g_steal_pointer (&issue);
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

static const MiCommand commands[] = {
  { "list", N_("[--json]"),
    N_("List the meta-issues of the workspace: slug, status, attempts, title"), mi_cli_run_list },
  { "show", N_("SLUG [--json]"),
    N_("Show everything the files say about a meta-issue"), mi_cli_run_show },
  { "new", N_("TITLE [--slug SLUG] [--date YYYY-MM-DD]"),
    N_("Create a meta-issue and print its folder"), mi_cli_run_new },
  { "attempt", N_("SLUG TITLE [--hypothesis TEXT] [--date YYYY-MM-DD]"),
    N_("Add the next attempt to a meta-issue and print its folder"), mi_cli_run_attempt },
  { "status", N_("SLUG STATUS [--attempt N]"),
    N_("Set the status: open, in-progress, resolved, abandoned or superseded"), mi_cli_run_status },
  { "record", N_("SLUG TC-ID ATTEMPT VALUE [--pass|--fail] [--replace] [--force]"),
    N_("Record the result of a test case for an attempt"), mi_cli_run_record },
  { "log", N_("SLUG TEXT [--attempt N] [--date YYYY-MM-DD]"),
    N_("Add a dated entry to the implementation log"), mi_cli_run_log },
  { "test-case", N_("SLUG TITLE [--target TARGET] [--procedure TEXT]"),
    N_("Add the next test case (TC-NNN) and print its id"), mi_cli_run_test_case },
  { "criterion", N_("SLUG METRIC TARGET"),
    N_("Add a success criterion, such as “Error rate” “< 1%”"), mi_cli_run_criterion },
  { "check", N_("[SLUG]"),
    N_("Print the problems a reviewer would flag, one per line; exit 1 when there are any"), mi_cli_run_check },
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
