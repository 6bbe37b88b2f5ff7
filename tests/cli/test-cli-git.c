/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "mi-test-util.h"

/*
 * meta-issues-cli commit, history and sync against real repositories made
 * with the git command in temporary folders; results read back with git.
 */

static const char *cli_path;

typedef struct
{
  char *home;
  char *remote;   /* a bare repository */
  char *repo;     /* a clone of it with the example committed */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *tmp = mi_test_make_tmp (NULL, "mi-cli-git");
  g_autofree char *example = mi_test_source_path ("resources", "example", "docs", NULL);
  g_autofree char *docs = NULL;

  fixture->home = g_build_filename (tmp, "home", NULL);
  fixture->remote = g_build_filename (tmp, "remote.git", NULL);
  fixture->repo = g_build_filename (tmp, "repo", NULL);
  docs = g_build_filename (fixture->repo, "docs", NULL);
  mi_test_isolate_git (fixture->home);

  mi_test_git (tmp, "init", "-q", "--bare", "-b", "main", fixture->remote, NULL);
  mi_test_git (tmp, "clone", "-q", fixture->remote, fixture->repo, NULL);
  mi_test_git (fixture->repo, "config", "user.name", "Ada Tester", NULL);
  mi_test_git (fixture->repo, "config", "user.email", "ada@example.org", NULL);
  mi_test_git (fixture->repo, "checkout", "-q", "-b", "main", NULL);
  mi_test_copy_dir (example, docs);
  mi_test_git (fixture->repo, "add", "docs", NULL);
  mi_test_git (fixture->repo, "commit", "-q", "-m", "Example", NULL);
  mi_test_git (fixture->repo, "push", "-q", "-u", "origin", "main", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *tmp = g_path_get_dirname (fixture->repo);

  mi_test_remove_tree (tmp);
  g_free (fixture->home);
  g_free (fixture->remote);
  g_free (fixture->repo);
}

static void
test_commit_default_paths (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  const char *names;
  const char *staged;
  g_autofree char *other = g_build_filename (fixture->repo, "NOTES.txt", NULL);
  int status;

  /* A meta-issue change made with the CLI, and an unrelated staged file. */
  g_free (mi_test_spawn (fixture->repo, NULL, cli_path, "status", "example-performance-saga", "abandoned",
                         NULL));
  g_assert_true (g_file_set_contents (other, "not part of the commit\n", -1, NULL));
  mi_test_git (fixture->repo, "add", "NOTES.txt", NULL);

  out = mi_test_spawn (fixture->repo, &status, cli_path, "commit", "-m", "example-performance-saga: abandoned",
                       NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "example-performance-saga: abandoned"));

  names = mi_test_git (fixture->repo, "show", "--name-only", "--format=%s%n%an", "HEAD", NULL);
  g_assert_cmpstr (names, ==, "example-performance-saga: abandoned\nAda Tester\n\n"
                              "docs/meta-issues/example-performance-saga/README.md");

  /* The other staged change is still staged, and not committed. */
  staged = mi_test_git (fixture->repo, "diff", "--cached", "--name-only", NULL);
  g_assert_cmpstr (staged, ==, "NOTES.txt");
}

static void
test_commit_usage_and_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *head_before = mi_test_git (fixture->repo, "rev-parse", "HEAD", NULL);
  const char *head_after;
  int status;

  g_free (mi_test_spawn (fixture->repo, &status, cli_path, "commit", NULL));
  g_assert_cmpint (status, ==, 2);

  /* Nothing changed: a failure, and no commit. */
  g_free (mi_test_spawn (fixture->repo, &status, cli_path, "commit", "-m", "nothing", NULL));
  g_assert_cmpint (status, ==, 1);
  head_after = mi_test_git (fixture->repo, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (head_before, ==, head_after);
}

static void
test_history_and_sync (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *history = NULL;
  const char *remote_log;
  int status;

  g_free (mi_test_spawn (fixture->repo, NULL, cli_path, "log", "example-performance-saga", "Checked again",
                         "--date", "2024-11-01", NULL));
  g_free (mi_test_spawn (fixture->repo, NULL, cli_path, "commit", "-m", "example-performance-saga: log",
                         NULL));

  history = mi_test_spawn (fixture->repo, &status, cli_path, "history", "example-performance-saga",
                           NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (history, "example-performance-saga: log"));
  g_assert_nonnull (strstr (history, "Example"));
  g_assert_true (strstr (history, "example-performance-saga: log") < strstr (history, "Example"));

  g_free (mi_test_spawn (fixture->repo, &status, cli_path, "sync", NULL));
  g_assert_cmpint (status, ==, 0);
  remote_log = mi_test_git (fixture->remote, "log", "-1", "--format=%s", "main", NULL);
  g_assert_cmpstr (remote_log, ==, "example-performance-saga: log");

  g_free (mi_test_spawn (fixture->repo, &status, cli_path, "history", "no-such-issue", NULL));
  g_assert_cmpint (status, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("MI_CLI");
  g_assert_nonnull (cli_path);

  g_test_add ("/cli-git/commit-default-paths", Fixture, NULL,
              fixture_set_up, test_commit_default_paths, fixture_tear_down);
  g_test_add ("/cli-git/commit-usage-and-nothing", Fixture, NULL,
              fixture_set_up, test_commit_usage_and_nothing, fixture_tear_down);
  g_test_add ("/cli-git/history-and-sync", Fixture, NULL,
              fixture_set_up, test_history_and_sync, fixture_tear_down);

  return g_test_run ();
}
