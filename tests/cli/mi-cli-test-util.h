/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mi-test-util.h"

G_BEGIN_DECLS

/*
 * The helpers of the tests of meta-issues-cli as a user runs it
 * (mi-cli-test-util.c).
 */

#define EXAMPLE_SLUG "example-performance-saga"
#define EXAMPLE_DIR  "docs/meta-issues/" EXAMPLE_SLUG

typedef struct
{
  char *tmp;    /* the temporary folder, removed at teardown */
  char *root;   /* the workspace root inside it */
} Workspace;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

/* A test of @func on a copy of the workspace @source (a name for
 * mi_test_fixture_path()), or on an empty folder when @source is NULL. */
#define MI_CLI_TEST_ADD(path, source, func) \
  g_test_add (path, Workspace, source, workspace_setup, func, workspace_teardown)

gboolean    mi_cli_test_init    (int             *argc,
                                 char          ***argv);

gboolean    file_exists         (const char      *root,
                                 const char      *relative);

void        run_clear           (Run             *run);
void        run_cli_argv        (Run             *run,
                                 const char      *cwd,
                                 const char     **args);
void        run_cli             (Run             *run,
                                 const char      *cwd,
                                 ...) G_GNUC_NULL_TERMINATED;
void        assert_error_output (Run             *run);

void        workspace_setup     (Workspace       *ws,
                                 gconstpointer    data);
void        workspace_teardown  (Workspace       *ws,
                                 gconstpointer    data);

GStrv       split_lines         (const char      *text);
guint       find_line           (const char      *text,
                                 const char      *prefix);
gboolean    has_line            (const char      *text,
                                 const char      *line);
JsonNode   *parse_json          (const char      *text);
const char *member_string       (JsonObject      *object,
                                 const char      *name);


G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

G_END_DECLS
