/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-cli-test-util"

#include "config.h"

#include <glib/gstdio.h>

#include "mi-cli-test-util.h"

/*
 * What the tests of meta-issues-cli as a user runs it share (test-cli.c,
 * test-cli-edit.c, test-cli-check.c): the command run with arguments, its
 * exit status and output kept, a copy of the example or of a fixture in a
 * temporary folder for each test, and the output read as lines or JSON.
 */

static const char *cli_path;

/* Files */

gboolean
file_exists (const char *root,
             const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Running the command */

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
run_cli_argv (Run         *run,
              const char  *cwd,
              const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *line = g_strjoinv (" ", (char **) args);

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  run->status = mi_test_spawnv (cwd, (const char * const *) argv->pdata, NULL, &run->out, &run->err);
  g_test_message ("$ meta-issues-cli %s -> %d\n%s%s", line, run->status, run->out, run->err);
}

void
run_cli (Run        *run,
         const char *cwd,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, cwd);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cli_argv (run, cwd, (const char **) args->pdata);
}

void
assert_error_output (Run *run)
{
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "meta-issues-cli: "));
}

/* Fixtures */

void
workspace_setup (Workspace     *ws,
                 gconstpointer  data)
{
  const char *source = data;

  ws->tmp = mi_test_make_tmp (NULL, "mi-cli");
  ws->root = g_build_filename (ws->tmp, "repo", NULL);

  if (source == NULL)
    {
      g_assert_cmpint (g_mkdir (ws->root, 0700), ==, 0);
      return;
    }

  {
    g_autofree char *src = mi_test_fixture_path (source);

    mi_test_copy_dir (src, ws->root);
  }
}

void
workspace_teardown (Workspace     *ws,
                    gconstpointer  data)
{
  mi_test_remove_tree (ws->tmp);
  g_free (ws->tmp);
  g_free (ws->root);
}

/* The lines of @text, without the empty string after a final newline. */
GStrv
split_lines (const char *text)
{
  GStrv lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  if (n > 0 && lines[n - 1][0] == '\0')
    {
      g_free (lines[n - 1]);
      lines[n - 1] = NULL;
    }

  return lines;
}

guint
find_line (const char *text,
           const char *prefix)
{
  g_auto(GStrv) lines = split_lines (text);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        return i + 1;
    }

  return 0;
}

gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = split_lines (text);

  return g_strv_contains ((const char * const *) lines, line);
}

JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

const char *
member_string (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  if (json_object_get_null_member (object, name))
    return NULL;
  return json_object_get_string_member (object, name);
}

/* g_test_init(), and the command to run: FALSE, after saying that it
 * skips every test, when the program runs outside meson test. */
gboolean
mi_cli_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);

  cli_path = g_getenv ("MI_CLI");
  if (cli_path == NULL || g_getenv ("MI_SOURCE_ROOT") == NULL)
    {
      g_print ("1..0 # SKIP MI_CLI and MI_SOURCE_ROOT must be set (run through meson test)\n");
      return FALSE;
    }

  return TRUE;
}
