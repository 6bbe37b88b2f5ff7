/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-cli-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mi-cli-private.h"

/*
 * meta-issues-cli chart SLUG [TC-ID] -o FILE.png|FILE.svg
 *                       [--width W] [--height H] [--dark]
 *
 * A test case's chart, or without TC-ID the overview of the meta-issue.
 * The format comes from the file name; the size defaults to the chart's
 * natural size.
 */

int
mi_cli_run_chart (MiCli           *cli,
                  const MiCommand *command,
                  char           **args)
{
  g_autofree char *output = NULL;
  gboolean dark = FALSE;
  int width = 0;
  int height = 0;
  int exit_code = MI_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the chart to FILE (.png or .svg)"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width,
      N_("Width in pixels (default: 800)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height,
      N_("Height in pixels (default: the chart's natural height)"), N_("H") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark,
      N_("Use the colours for a dark background"), NULL },
    { NULL }
  };
  g_autoptr(MiIssue) issue = NULL;
  g_autoptr(MiChartModel) model = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  MiChartFormat format;
  gboolean ok;
  int natural_width, natural_height;

  if (!mi_cli_parse_command_line (cli, command, entries, &args, 1, 2, &exit_code))
    return exit_code;

  if (output == NULL)
    return mi_cli_usage_error (command, "%s", _("give the file to write with -o FILE.png or -o FILE.svg"));

  if (!mi_chart_format_for_name (output, &format, &error))
    return mi_cli_usage_error (command, "%s", error->message);

  if ((width != 0 && (width < MI_CHART_MIN_SIZE || width > MI_CHART_MAX_SIZE)) ||
      (height != 0 && (height < MI_CHART_MIN_SIZE || height > MI_CHART_MAX_SIZE)))
    return mi_cli_usage_error (command, _("--width and --height take a number of pixels from %d to %d"),
                               MI_CHART_MIN_SIZE, MI_CHART_MAX_SIZE);

  issue = mi_cli_load_issue (cli, args[1], NULL);
  if (issue == NULL)
    return MI_CLI_EXIT_FAILURE;

  if (args[2] != NULL)
    {
      MiTestCase *test_case = mi_issue_find_test_case (issue, args[2]);

      if (test_case == NULL)
        {
          mi_cli_print_error (_("meta-issue “%s” has no test case “%s”: "
                                "run “meta-issues-cli show %s” to see its test cases"),
                              args[1], args[2], args[1]);
          return MI_CLI_EXIT_FAILURE;
        }
      model = mi_chart_model_new_for_test_case (issue, test_case);
    }
  else
    model = mi_chart_model_new_for_issue (issue);

  mi_chart_model_get_natural_size (model, &natural_width, &natural_height);
  if (width == 0)
    width = natural_width;
  if (height == 0)
    height = natural_height;

  file = g_file_new_for_commandline_arg (output);
  ok = mi_chart_export (model, file, format, width, height, dark, &error);
  mi_chart_release_fonts ();
  if (!ok)
    return mi_cli_print_core_error (error);

  return MI_CLI_EXIT_OK;
}
