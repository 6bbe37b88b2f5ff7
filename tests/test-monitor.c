/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * Changes made on disk by other programs reach the model within a second,
 * and a meta-issue that stays keeps its object (so a view keeps its
 * selection).
 */

typedef struct
{
  MiWorkspace *workspace;
  char        *tmp;
  char        *issues;
  guint        n_file_changed;
} Fixture;

static void
on_file_changed_cb (MiWorkspace *workspace,
                    GFile       *file,
                    Fixture     *fixture)
{
  fixture->n_file_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *source = mi_test_source_path ("resources", "example", NULL);
  g_autoptr(GFile) root = NULL;
  g_autoptr(GError) error = NULL;

  fixture->tmp = mi_test_copy_tree (source);
  fixture->issues = g_build_filename (fixture->tmp, "docs", "meta-issues", NULL);
  root = g_file_new_for_path (fixture->tmp);
  fixture->workspace = mi_workspace_open (root, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->workspace, "file-changed", G_CALLBACK (on_file_changed_cb), fixture);
  mi_workspace_start_monitoring (fixture->workspace);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->workspace);
  mi_test_remove_tree (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->issues);
}

typedef gboolean (*Condition) (Fixture *fixture);

/* Runs the main context until @condition holds; fails after 3 s. */
static void
wait_for (Fixture   *fixture,
          Condition  condition)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  while (!condition (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the change on disk did not reach the model within 3 s");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static MiIssue *
saga (Fixture *fixture)
{
  return mi_workspace_find_issue (fixture->workspace, "example-performance-saga");
}

static gboolean
is_abandoned (Fixture *fixture)
{
  return mi_issue_get_status (saga (fixture)) == MI_STATUS_ABANDONED;
}

static gboolean
has_two_items (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->workspace)) == 2;
}

static gboolean
has_one_item (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->workspace)) == 1;
}

static gboolean
has_four_attempts (Fixture *fixture)
{
  return g_list_model_get_n_items (mi_issue_get_attempts (saga (fixture))) == 4;
}

static void
test_external_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  MiIssue *before = saga (fixture);
  g_autofree char *readme = g_build_filename (fixture->issues, "example-performance-saga", "README.md", NULL);
  g_autofree char *text = mi_test_read_file (readme, NULL);
  g_autoptr(GString) changed = g_string_new (text);
  gint64 start = g_get_monotonic_time ();

  g_string_replace (changed, "**Status:** Resolved (Attempt 003)", "**Status:** Abandoned", 1);
  g_assert_true (g_file_set_contents (readme, changed->str, changed->len, NULL));

  wait_for (fixture, is_abandoned);
  g_test_message ("seen after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  /* The same object, read again. */
  g_assert_true (saga (fixture) == before);
  g_assert_cmpuint (fixture->n_file_changed, >, 0);
}

static void
test_folders_come_and_go (Fixture       *fixture,
                          gconstpointer  data)
{
  MiIssue *before = saga (fixture);
  g_autofree char *folder = g_build_filename (fixture->issues, "another-one", NULL);
  g_autofree char *readme = g_build_filename (folder, "README.md", NULL);
  g_autofree char *attempt = g_build_filename (fixture->issues, "example-performance-saga",
                                               "attempts", "004-replicas", NULL);
  g_autofree char *approach = g_build_filename (attempt, "solution-approach.md", NULL);
  g_autoptr(MiIssue) added = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (readme, "# Meta-Issue: Another One\n\n**Status:** Open\n", -1, NULL));
  wait_for (fixture, has_two_items);

  /* Sorted: "another-one" first; the saga kept its object. */
  added = g_list_model_get_item (G_LIST_MODEL (fixture->workspace), 0);
  g_assert_cmpstr (mi_issue_get_title (added), ==, "Another One");
  g_assert_true (saga (fixture) == before);

  /* A new attempt folder inside an issue. */
  g_assert_cmpint (g_mkdir (attempt, 0755), ==, 0);
  g_assert_true (g_file_set_contents (approach, "# Attempt 004: Replicas\n", -1, NULL));
  wait_for (fixture, has_four_attempts);

  mi_test_remove_tree (folder);
  wait_for (fixture, has_one_item);
  g_assert_true (saga (fixture) == before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/monitor/external-edit", Fixture, NULL,
              fixture_set_up, test_external_edit, fixture_tear_down);
  g_test_add ("/monitor/folders-come-and-go", Fixture, NULL,
              fixture_set_up, test_folders_come_and_go, fixture_tear_down);

  return g_test_run ();
}
