/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/*
 * meta-issues-cli commit, history and sync against real repositories made
 * with the git command in temporary folders; results read back with git.
 */

static const char *cli_path;
static const char *source_root;

typedef struct
{
  char *home;
  char *remote;   /* a bare repository */
  char *repo;     /* a clone of it with the example committed */
} Fixture;

static char *
run (const char  *cwd,
     int         *status,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;
  va_list args;

  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("%s: %s", first, err);
  if (status != NULL)
    *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  else if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("%s %s failed: %s", first, (char *) g_ptr_array_index (argv, 1), err);
  return out;
}

static void
copy_dir (const char *from,
          const char *to)
{
  g_free (run (NULL, NULL, "cp", "-r", from, to, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mi-cli-git-XXXXXX", &error);
  g_autofree char *example = g_build_filename (source_root, "resources", "example", "docs", NULL);

  g_assert_no_error (error);
  fixture->home = g_build_filename (tmp, "home", NULL);
  fixture->remote = g_build_filename (tmp, "remote.git", NULL);
  fixture->repo = g_build_filename (tmp, "repo", NULL);
  g_mkdir (fixture->home, 0700);
  g_setenv ("HOME", fixture->home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", fixture->home, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);

  g_free (run (tmp, NULL, "git", "init", "-q", "--bare", "-b", "main", fixture->remote, NULL));
  g_free (run (tmp, NULL, "git", "clone", "-q", fixture->remote, fixture->repo, NULL));
  g_free (run (fixture->repo, NULL, "git", "config", "user.name", "Ada Tester", NULL));
  g_free (run (fixture->repo, NULL, "git", "config", "user.email", "ada@example.org", NULL));
  g_free (run (fixture->repo, NULL, "git", "checkout", "-q", "-b", "main", NULL));
  copy_dir (example, fixture->repo);
  g_free (run (fixture->repo, NULL, "git", "add", "docs", NULL));
  g_free (run (fixture->repo, NULL, "git", "commit", "-q", "-m", "Example", NULL));
  g_free (run (fixture->repo, NULL, "git", "push", "-q", "-u", "origin", "main", NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *tmp = g_path_get_dirname (fixture->repo);

  g_free (run (NULL, NULL, "rm", "-rf", tmp, NULL));
  g_free (fixture->home);
  g_free (fixture->remote);
  g_free (fixture->repo);
}

static void
test_commit_default_paths (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *names = NULL;
  g_autofree char *staged = NULL;
  g_autofree char *other = g_build_filename (fixture->repo, "NOTES.txt", NULL);
  int status;

  /* A meta-issue change made with the CLI, and an unrelated staged file. */
  g_free (run (fixture->repo, NULL, cli_path, "status", "example-performance-saga", "abandoned", NULL));
  g_assert_true (g_file_set_contents (other, "not part of the commit\n", -1, NULL));
  g_free (run (fixture->repo, NULL, "git", "add", "NOTES.txt", NULL));

  out = run (fixture->repo, &status, cli_path, "commit", "-m", "example-performance-saga: abandoned", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "example-performance-saga: abandoned"));

  names = run (fixture->repo, NULL, "git", "show", "--name-only", "--format=%s%n%an", "HEAD", NULL);
  g_assert_cmpstr (names, ==, "example-performance-saga: abandoned\nAda Tester\n\n"
                              "docs/meta-issues/example-performance-saga/README.md\n");

  /* The other staged change is still staged, and not committed. */
  staged = run (fixture->repo, NULL, "git", "diff", "--cached", "--name-only", NULL);
  g_assert_cmpstr (staged, ==, "NOTES.txt\n");
}

static void
test_commit_usage_and_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *head_before = run (fixture->repo, NULL, "git", "rev-parse", "HEAD", NULL);
  g_autofree char *head_after = NULL;
  int status;

  g_free (run (fixture->repo, &status, cli_path, "commit", NULL));
  g_assert_cmpint (status, ==, 2);

  /* Nothing changed: a failure, and no commit. */
  g_free (run (fixture->repo, &status, cli_path, "commit", "-m", "nothing", NULL));
  g_assert_cmpint (status, ==, 1);
  head_after = run (fixture->repo, NULL, "git", "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (head_before, ==, head_after);
}

static void
test_history_and_sync (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *history = NULL;
  g_autofree char *remote_log = NULL;
  int status;

  g_free (run (fixture->repo, NULL, cli_path, "log", "example-performance-saga", "Checked again", "--date", "2024-11-01", NULL));
  g_free (run (fixture->repo, NULL, cli_path, "commit", "-m", "example-performance-saga: log", NULL));

  history = run (fixture->repo, &status, cli_path, "history", "example-performance-saga", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (history, "example-performance-saga: log"));
  g_assert_nonnull (strstr (history, "Example"));
  g_assert_true (strstr (history, "example-performance-saga: log") < strstr (history, "Example"));

  g_free (run (fixture->repo, &status, cli_path, "sync", NULL));
  g_assert_cmpint (status, ==, 0);
  remote_log = run (fixture->remote, NULL, "git", "log", "-1", "--format=%s", "main", NULL);
  g_assert_cmpstr (remote_log, ==, "example-performance-saga: log\n");

  g_free (run (fixture->repo, &status, cli_path, "history", "no-such-issue", NULL));
  g_assert_cmpint (status, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("MI_CLI");
  source_root = g_getenv ("MI_SOURCE_ROOT");
  g_assert_nonnull (cli_path);
  g_assert_nonnull (source_root);

  g_test_add ("/cli-git/commit-default-paths", Fixture, NULL,
              fixture_set_up, test_commit_default_paths, fixture_tear_down);
  g_test_add ("/cli-git/commit-usage-and-nothing", Fixture, NULL,
              fixture_set_up, test_commit_usage_and_nothing, fixture_tear_down);
  g_test_add ("/cli-git/history-and-sync", Fixture, NULL,
              fixture_set_up, test_history_and_sync, fixture_tear_down);

  return g_test_run ();
}
