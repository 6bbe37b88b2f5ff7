/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-cli-git"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "mi-cli-private.h"

/*
 * The git commands of meta-issues-cli: commit, history, sync. Everything goes
 * through MiRepository, like the window's commit dialog.
 */

static GFile *
get_folder (MiCli *cli)
{
  if (cli->directory != NULL)
    return g_file_new_for_commandline_arg (cli->directory);
  else
    {
      g_autofree char *cwd = g_get_current_dir ();

      return g_file_new_for_path (cwd);
    }
}

static MiRepository *
open_repository (MiCli *cli)
{
  g_autoptr(GFile) folder = get_folder (cli);
  g_autoptr(GError) error = NULL;
  MiRepository *repository = mi_repository_open (folder, &error);

  if (repository == NULL)
    mi_cli_print_error ("%s", error->message);
  return repository;
}

/* commit */

static void
add_path (GPtrArray  *paths,
          const char *path)
{
  for (guint i = 0; i < paths->len; i++)
    if (g_str_equal (g_ptr_array_index (paths, i), path))
      return;
  g_ptr_array_add (paths, g_strdup (path));
}

/* The changed files under @prefix ("" for all), with both paths of a rename. */
static guint
add_changed_under (GPtrArray   *paths,
                   MiChangeSet *set,
                   const char  *prefix)
{
  GListModel *files = mi_change_set_get_files (set);
  guint added = 0;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(MiChangedFile) file = g_list_model_get_item (files, i);
      const char *path = mi_changed_file_get_path (file);
      const char *old_path = mi_changed_file_get_old_path (file);

      if (!g_str_has_prefix (path, prefix) && (old_path == NULL || !g_str_has_prefix (old_path, prefix)))
        continue;
      if (old_path != NULL)
        add_path (paths, old_path);
      add_path (paths, path);
      added++;
    }
  return added;
}

int
mi_cli_run_commit (MiCli           *cli,
                   const MiCommand *command,
                   char           **args)
{
  g_autofree char *message = NULL;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "message", 'm', 0, G_OPTION_ARG_STRING, &message,
      N_("The commit message"), N_("MESSAGE") },
    { NULL }
  };
  g_autoptr(MiRepository) repository = NULL;
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(MiCommitInfo) info = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) base = NULL;
  g_autofree char *warning = NULL;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 0, -1, &exit_code))
    return exit_code;

  if (message == NULL || *g_strstrip (message) == '\0')
    return mi_cli_usage_error (command, "%s", _("give the commit message with -m MESSAGE"));

  repository = open_repository (cli);
  if (repository == NULL)
    return MI_CLI_EXIT_FAILURE;

  set = mi_repository_list_changes (repository, NULL, &error);
  if (set == NULL)
    return mi_cli_print_core_error (error);

  /* Paths are relative to -C DIR, else to the current folder, like git's. */
  base = get_folder (cli);
  if (args[1] == NULL)
    add_changed_under (paths, set, "docs/meta-issues/");

  for (guint i = 1; args[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_resolve_relative_path (base, args[i]);
      g_autofree char *relative = mi_repository_get_relative_path (repository, file);
      g_autofree char *prefix = NULL;
      MiChangedFile *changed;

      if (relative == NULL)
        {
          if (g_file_equal (file, mi_repository_get_workdir (repository)))
            relative = g_strdup ("");
          else
            return mi_cli_usage_error (command, _("%s is outside the repository: give paths inside it"),
                                       args[i]);
        }

      if (*relative == '\0' ||
          g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          prefix = *relative ? g_strconcat (relative, "/", NULL) : g_strdup ("");
          if (add_changed_under (paths, set, prefix) == 0)
            {
              mi_cli_print_error (_("nothing changed in %s: edit a file there first, or give other paths"),
                                  args[i]);
              return MI_CLI_EXIT_FAILURE;
            }
          continue;
        }

      changed = mi_change_set_find_file (set, relative);
      if (changed != NULL && mi_changed_file_get_old_path (changed) != NULL)
        add_path (paths, mi_changed_file_get_old_path (changed));
      add_path (paths, relative);
    }

  if (paths->len == 0)
    {
      mi_cli_print_error ("%s", _("nothing to commit: no file under docs/meta-issues/ changed since the last commit"));
      return MI_CLI_EXIT_FAILURE;
    }

  g_ptr_array_add (paths, NULL);
  info = mi_repository_commit (repository, (const char * const *) paths->pdata, message,
                               &warning, NULL, &error);
  if (info == NULL)
    return mi_cli_print_core_error (error);

  {
    const char *branch = mi_change_set_get_branch (set);

    g_print ("[%s %s] %s\n", branch != NULL ? branch : _("detached HEAD"),
             mi_commit_info_get_short_id (info), mi_commit_info_get_summary (info));
  }
  for (guint i = 0; i + 1 < paths->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (paths, i));
  if (warning != NULL)
    mi_cli_print_error ("%s", warning);

  return MI_CLI_EXIT_OK;
}

/* history */

int
mi_cli_run_history (MiCli           *cli,
                    const MiCommand *command,
                    char           **args)
{
  int exit_code = MI_CLI_EXIT_OK;
  g_autoptr(MiIssue) issue = NULL;
  g_autoptr(MiRepository) repository = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!mi_cli_parse_command_line (cli, command, NULL, &args, 1, 1, &exit_code))
    return exit_code;

  issue = mi_cli_load_issue (cli, args[1], NULL);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  repository = open_repository (cli);
  if (repository == NULL)
    return MI_CLI_EXIT_FAILURE;

  path = mi_repository_get_relative_path (repository, mi_issue_get_folder (issue));
  if (path == NULL)
    {
      mi_cli_print_error (_("the meta-issue “%s” is not inside the git repository"), args[1]);
      return MI_CLI_EXIT_FAILURE;
    }

  history = mi_repository_get_history (repository, path, NULL, &error);
  if (history == NULL)
    return mi_cli_print_core_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(MiCommitInfo) info = g_list_model_get_item (history, i);
      GDateTime *date = mi_commit_info_get_date (info);
      g_autofree char *day = date ? g_date_time_format (date, "%Y-%m-%d") : g_strdup ("");

      g_print ("%s  %s  %s  %s\n", mi_commit_info_get_short_id (info), day,
               mi_commit_info_get_author_name (info), mi_commit_info_get_summary (info));
    }

  return MI_CLI_EXIT_OK;
}

/* sync */

static char *
read_line (gboolean echo)
{
  struct termios old, quiet;
  gboolean changed = FALSE;
  char buffer[1024];
  char *line = NULL;

  if (!echo && tcgetattr (STDIN_FILENO, &old) == 0)
    {
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      changed = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }

  if (fgets (buffer, sizeof buffer, stdin) != NULL)
    {
      buffer[strcspn (buffer, "\r\n")] = '\0';
      line = g_strdup (buffer);
    }
  memset (buffer, 0, sizeof buffer);

  if (changed)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
      g_printerr ("\n");
    }
  return line;
}

static void
ask_credentials_cb (MiRepository         *repository,
                    MiCredentialsRequest *request,
                    gpointer              user_data)
{
  g_autofree char *username = NULL;
  char *password;

  if (!isatty (STDIN_FILENO))
    {
      mi_credentials_request_cancel (request);
      return;
    }

  if (mi_credentials_request_get_retry (request))
    g_printerr ("%s\n", _("The remote refused them. Try again."));

  if (mi_credentials_request_get_username (request) != NULL)
    username = g_strdup (mi_credentials_request_get_username (request));
  else
    {
      g_printerr (_("User name for %s: "), mi_credentials_request_get_url (request));
      username = read_line (TRUE);
    }
  g_printerr (_("Password or token for %s: "), mi_credentials_request_get_url (request));
  password = read_line (FALSE);

  if (username != NULL && password != NULL)
    mi_credentials_request_answer (request, username, password);
  else
    mi_credentials_request_cancel (request);

  if (password != NULL)
    {
      memset (password, 0, strlen (password));
      g_free (password);
    }
}

static void
progress_cb (MiRepository *repository,
             const char   *message,
             double        fraction,
             gpointer      user_data)
{
  if (fraction >= 0 && fraction < 1)
    g_printerr ("\r%s (%d%%)\033[K", message, (int) (fraction * 100));
  else
    g_printerr ("\r%s\033[K", message);
}

int
mi_cli_run_sync (MiCli           *cli,
                 const MiCommand *command,
                 char           **args)
{
  int exit_code = MI_CLI_EXIT_OK;
  g_autoptr(MiRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean show_progress = isatty (STDERR_FILENO);

  if (!mi_cli_parse_command_line (cli, command, NULL, &args, 0, 0, &exit_code))
    return exit_code;

  repository = open_repository (cli);
  if (repository == NULL)
    return MI_CLI_EXIT_FAILURE;

  mi_repository_set_credentials_func (repository, ask_credentials_cb, NULL, NULL);
  if (show_progress)
    g_signal_connect (repository, "progress", G_CALLBACK (progress_cb), NULL);

  summary = mi_repository_sync (repository, NULL, &error);
  if (show_progress)
    g_printerr ("\r\033[K");

  if (summary == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !isatty (STDIN_FILENO))
        {
          mi_cli_print_error ("%s", _("the remote asks for a user name and password: run the command in a "
                                      "terminal to give them, or use an SSH remote with your key in the SSH agent"));
          return MI_CLI_EXIT_FAILURE;
        }
      return mi_cli_print_core_error (error);
    }

  g_print ("%s\n", summary);
  return MI_CLI_EXIT_OK;
}
