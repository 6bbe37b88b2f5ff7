/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "meta-issues.h"
#include "mi-issue-private.h"
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


/* ---------------------------------------------------------------------- */
/* The app's own edits: one parse and one refresh each                     */

typedef struct
{
  Fixture  *fixture;
  gboolean  done;
  gboolean  ok;
  guint     n_items_changed;
  guint     n_issue_changed;
  GError   *error;
} Count;

/* A status edit that may fail: its error is kept. */
static void
edit_result_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Count *count = user_data;

  count->ok = mi_issue_set_status_finish (MI_ISSUE (object), result, &count->error);
  count->done = TRUE;
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Count      *count)
{
  count->n_items_changed++;
}

static void
count_issue_changed_cb (MiIssue *issue,
                        Count   *count)
{
  count->n_issue_changed++;
}

static void
edit_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Count *count = user_data;
  g_autoptr(GError) error = NULL;
  GTask *task = G_TASK (result);
  gpointer tag = g_task_get_source_tag (task);

  if (tag == mi_issue_set_status_async)
    count->ok = mi_issue_set_status_finish (MI_ISSUE (object), result, &error);
  else if (tag == mi_issue_add_attempt_async)
    count->ok = mi_issue_add_attempt_finish (MI_ISSUE (object), result, &error) != NULL;
  else if (tag == mi_issue_record_result_async)
    count->ok = mi_issue_record_result_finish (MI_ISSUE (object), result, &error);
  else if (tag == mi_issue_add_hypothesis_async)
    count->ok = mi_issue_add_hypothesis_finish (MI_ISSUE (object), result, &error) != NULL;
  else if (tag == mi_issue_add_log_entry_async)
    count->ok = mi_issue_add_log_entry_finish (MI_ISSUE (object), result, &error);
  else if (tag == mi_issue_insert_chart_async)
    count->ok = mi_issue_insert_chart_finish (MI_ISSUE (object), result, &error);
  else
    g_assert_not_reached ();
  g_assert_no_error (error);
  count->done = TRUE;
}

static void
run_counted (Fixture *fixture,
             guint    action)
{
  MiIssue *issue = saga (fixture);
  Count count = { fixture, FALSE, FALSE, 0, 0 };
  gulong items_id, issue_id;
  guint parses;
  gint64 settle;

  items_id = g_signal_connect (fixture->workspace, "items-changed", G_CALLBACK (count_items_changed_cb), &count);
  issue_id = g_signal_connect (issue, "changed", G_CALLBACK (count_issue_changed_cb), &count);
  parses = mi_issue_get_n_parses ();

  switch (action)
    {
    case 0:
      mi_issue_set_status_async (issue, MI_STATUS_IN_PROGRESS, 0, NULL, edit_done_cb, &count);
      break;
    case 1:
      mi_issue_add_attempt_async (issue, "Counted", "One parse", "2024-12-01", NULL, edit_done_cb, &count);
      break;
    case 2:
      mi_issue_record_result_async (issue, "TC-001", 3, "420ms", MI_VERDICT_UNKNOWN, MI_RECORD_REPLACE, NULL, edit_done_cb, &count);
      break;
    case 3:
      mi_issue_add_hypothesis_async (issue, "Counted", "One refresh", "2024-12-01", NULL, edit_done_cb, &count);
      break;
    case 4:
      mi_issue_add_log_entry_async (issue, "Counted once", "2024-12-01", 0, NULL, edit_done_cb, &count);
      break;
    case 5:
      mi_issue_insert_chart_async (issue, "TC-001", 0, 0, NULL, edit_done_cb, &count);
      break;
    default:
      g_assert_not_reached ();
    }

  while (!count.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (count.ok);

  /* The watcher sees the app's own write: it must not read it again. */
  settle = g_get_monotonic_time () + 600 * 1000;
  while (g_get_monotonic_time () < settle)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  g_test_message ("action %u: %u parses, %u items-changed, %u changed",
                  action, mi_issue_get_n_parses () - parses, count.n_items_changed, count.n_issue_changed);
  g_assert_cmpuint (mi_issue_get_n_parses () - parses, ==, 1);
  g_assert_cmpuint (count.n_items_changed, ==, 1);
  g_assert_cmpuint (count.n_issue_changed, ==, 1);

  g_signal_handler_disconnect (fixture->workspace, items_id);
  g_signal_handler_disconnect (issue, issue_id);
}

static void
test_own_edits (Fixture       *fixture,
                gconstpointer  data)
{
  for (guint action = 0; action < 6; action++)
    run_counted (fixture, action);

  /* … and a change by another program is still read. */
  {
    g_autofree char *readme = g_build_filename (fixture->issues, "example-performance-saga", "README.md", NULL);
    g_autofree char *text = mi_test_read_file (readme, NULL);
    g_autoptr(GString) changed = g_string_new (text);

    g_assert_cmpuint (g_string_replace (changed, "**Status:** In Progress (Attempt 004)", "**Status:** Abandoned", 1), ==, 1);
    g_assert_true (g_file_set_contents (readme, changed->str, changed->len, NULL));
    wait_for (fixture, is_abandoned);
  }
}

/* Edits of one meta-issue started together run one after the other, each
 * from the parse the last one left: none is refused as changed on disk. */
static void
test_queued_edits (Fixture       *fixture,
                   gconstpointer  data)
{
  MiIssue *issue = saga (fixture);
  Count counts[3] = { { fixture }, { fixture }, { fixture } };
  g_autofree char *log_path = g_build_filename (fixture->issues, "example-performance-saga",
                                                "implementation-log.md", NULL);
  g_autofree char *log = NULL;

  mi_issue_add_log_entry_async (issue, "First of three", "2024-12-01", 0, NULL, edit_done_cb, &counts[0]);
  mi_issue_add_log_entry_async (issue, "Second of three", "2024-12-01", 0, NULL, edit_done_cb, &counts[1]);
  mi_issue_set_status_async (issue, MI_STATUS_ABANDONED, 0, NULL, edit_done_cb, &counts[2]);
  g_assert_true (mi_issue_get_editing (issue));

  while (!counts[0].done || !counts[1].done || !counts[2].done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (counts[0].ok && counts[1].ok && counts[2].ok);
  g_assert_false (mi_issue_get_editing (issue));

  log = mi_test_read_file (log_path, NULL);
  g_assert_nonnull (strstr (log, "**2024-12-01:** First of three"));
  g_assert_true (strstr (log, "First of three") < strstr (log, "**2024-12-01:** Second of three"));
  g_assert_cmpint (mi_issue_get_status (issue), ==, MI_STATUS_ABANDONED);
}

/* Opening a repository without docs/meta-issues creates nothing; the
 * first meta-issue written there by another program still appears. */
static gboolean
has_first_issue (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 1;
}

static void
test_opening_creates_nothing (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("mi-test-monitor-XXXXXX", NULL);
  g_autofree char *git = g_build_filename (tmp, ".git", NULL);
  g_autofree char *docs = g_build_filename (tmp, "docs", NULL);
  g_autofree char *folder = g_build_filename (tmp, "docs", "meta-issues", "first-one", NULL);
  g_autofree char *readme = g_build_filename (folder, "README.md", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (tmp);
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  g_assert_cmpint (g_mkdir (git, 0755), ==, 0);
  workspace = mi_workspace_open (root, NULL, &error);
  g_assert_no_error (error);
  mi_workspace_start_monitoring (workspace);
  g_assert_false (g_file_test (docs, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (workspace)), ==, 0);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (readme, "# Meta-Issue: First One\n\n**Status:** Open\n", -1, NULL));

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!has_first_issue (workspace) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_true (has_first_issue (workspace));

  g_clear_object (&workspace);
  mi_test_remove_tree (tmp);
}

/* A queued edit cancelled before it runs writes nothing and says so; the
 * running one is written and parsed; the next edit is not refused. */
static void
test_cancelled_edit (Fixture       *fixture,
                     gconstpointer  data)
{
  MiIssue *issue = saga (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *log_path = g_build_filename (fixture->issues, "example-performance-saga",
                                                "implementation-log.md", NULL);
  g_autofree char *log = NULL;
  Count first = { fixture }, third = { fixture };
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  mi_issue_add_log_entry_async (issue, "Written before the cancel", "2024-12-01", 0, NULL, edit_done_cb, &first);
  mi_issue_add_log_entry_async (issue, "Never written", "2024-12-01", 0, cancellable, mi_test_store_result_cb, &result);
  g_cancellable_cancel (cancellable);

  while (!first.done || result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (first.ok);
  g_assert_false (mi_issue_add_log_entry_finish (issue, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);

  log = mi_test_read_file (log_path, NULL);
  g_assert_nonnull (strstr (log, "Written before the cancel"));
  g_assert_null (strstr (log, "Never written"));

  mi_issue_add_log_entry_async (issue, "After the cancel", "2024-12-01", 0, NULL, edit_done_cb, &third);
  while (!third.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (third.ok);
}

/* An editor's save and a structured edit of the same file at once: both
 * cannot find the file as they read it; one is written, the other refused,
 * and the file holds the one that was written. */
static void
test_save_meets_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  MiIssue *issue = saga (fixture);
  g_autofree char *readme_path = g_build_filename (fixture->issues, "example-performance-saga", "README.md", NULL);
  g_autoptr(GFile) readme = g_file_new_for_path (readme_path);
  g_autoptr(MiDocument) editor_doc = mi_document_new (readme);
  g_autoptr(GError) save_error = NULL;
  GAsyncResult *save_result = NULL;
  Count edit = { fixture };
  g_autofree char *text = NULL;
  gsize len;
  gboolean saved, edited;

  g_assert_true (mi_document_load (editor_doc, NULL, NULL));
  mi_document_get_text (editor_doc, &len);
  mi_document_replace (editor_doc, len, 0, "Typed at the end.\n");

  mi_document_save_async (editor_doc, NULL, mi_test_store_result_cb, &save_result);
  mi_issue_set_status_async (issue, MI_STATUS_ABANDONED, 0, NULL, edit_result_cb, &edit);

  while (save_result == NULL || !edit.done)
    g_main_context_iteration (NULL, TRUE);
  saved = mi_document_save_finish (editor_doc, save_result, &save_error);
  edited = edit.ok;
  g_clear_object (&save_result);

  g_assert_true (saved != edited);
  text = mi_test_read_file (readme_path, NULL);
  if (saved)
    {
      g_assert_error (edit.error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK);
      g_assert_nonnull (strstr (text, "Typed at the end."));
      g_assert_null (strstr (text, "**Status:** Abandoned"));
    }
  else
    {
      g_assert_error (save_error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK);
      g_assert_null (strstr (text, "Typed at the end."));
      g_assert_nonnull (strstr (text, "**Status:** Abandoned"));
    }
  g_clear_error (&edit.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/monitor/external-edit", Fixture, NULL,
              fixture_set_up, test_external_edit, fixture_tear_down);
  g_test_add ("/monitor/own-edits", Fixture, NULL,
              fixture_set_up, test_own_edits, fixture_tear_down);
  g_test_add ("/monitor/queued-edits", Fixture, NULL,
              fixture_set_up, test_queued_edits, fixture_tear_down);
  g_test_add_func ("/monitor/opening-creates-nothing", test_opening_creates_nothing);
  g_test_add ("/monitor/cancelled-edit", Fixture, NULL,
              fixture_set_up, test_cancelled_edit, fixture_tear_down);
  g_test_add ("/monitor/save-meets-edit", Fixture, NULL,
              fixture_set_up, test_save_meets_edit, fixture_tear_down);
  g_test_add ("/monitor/folders-come-and-go", Fixture, NULL,
              fixture_set_up, test_folders_come_and_go, fixture_tear_down);

  return g_test_run ();
}
