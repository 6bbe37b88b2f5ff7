/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the commands of meta-issues-cli share. A command is a MiCommand in the
 * table of mi-cli.c, which also holds these helpers; the commands themselves
 * live by idea in mi-cli-<idea>.c and are declared here.
 */

#include <json-glib/json-glib.h>

#include "meta-issues.h"

G_BEGIN_DECLS

typedef enum
{
  MI_CLI_EXIT_OK      = 0,
  MI_CLI_EXIT_FAILURE = 1,
  MI_CLI_EXIT_USAGE   = 2,
} MiCliExit;

typedef struct
{
  char *directory;   /* -C DIR, NULL for the current directory */
} MiCli;

typedef struct _MiCommand MiCommand;

struct _MiCommand
{
  const char *name;
  const char *parameters;  /* translatable, N_() */
  const char *summary;     /* translatable, N_() */
  int       (*run) (MiCli           *cli,
                    const MiCommand *command,
                    char           **args);
};

void         mi_cli_print_error          (const char          *format,
                                          ...) G_GNUC_PRINTF (1, 2);
int          mi_cli_usage_error          (const MiCommand     *command,
                                          const char          *format,
                                          ...) G_GNUC_PRINTF (2, 3);
char        *mi_cli_get_display_path     (GFile               *file);
gboolean     mi_cli_parse_command_line   (MiCli               *cli,
                                          const MiCommand     *command,
                                          const GOptionEntry  *entries,
                                          char              ***args,
                                          int                  min_args,
                                          int                  max_args,
                                          int                 *exit_code);
gboolean     mi_cli_check_date           (const MiCommand     *command,
                                          const char          *date,
                                          int                 *exit_code);
gboolean     mi_cli_parse_attempt_number (const MiCommand     *command,
                                          const char          *text,
                                          guint               *number,
                                          int                 *exit_code);
MiWorkspace *mi_cli_open_workspace       (MiCli               *cli);
MiIssue     *mi_cli_load_issue           (MiCli               *cli,
                                          const char          *slug,
                                          MiWorkspace        **workspace);
void         mi_cli_print_json           (JsonNode            *node);
int          mi_cli_print_core_error     (GError              *error);

/* mi-cli-show.c */
int          mi_cli_run_list             (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);
int          mi_cli_run_show             (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);
int          mi_cli_run_check            (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);

/* mi-cli-edit.c */
int          mi_cli_run_new              (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);
int          mi_cli_run_attempt          (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);
int          mi_cli_run_status           (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);
int          mi_cli_run_record           (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);
int          mi_cli_run_log              (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);
int          mi_cli_run_test_case        (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);
int          mi_cli_run_criterion        (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);

/* mi-cli-chart.c */
int          mi_cli_run_chart            (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);

/* mi-cli-git.c */
int          mi_cli_run_commit           (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);
int          mi_cli_run_history          (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);
int          mi_cli_run_sync             (MiCli               *cli,
                                          const MiCommand     *command,
                                          char               **args);

G_END_DECLS
