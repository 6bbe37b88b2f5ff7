/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * MiWorkspace: a repository's docs/meta-issues/ as a list of meta-issues
 * sorted by slug. What a user gets: the rows of the model, the same whether
 * opened at once or in a thread, following the folders on disk, and the
 * files a new meta-issue is made of.
 */

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

/* Writes docs/meta-issues/@slug/README.md under @root. */
static void
write_readme (const char *root,
              const char *slug,
              const char *text)
{
  g_autofree char *path = g_build_filename (root, "docs", "meta-issues", slug, "README.md", NULL);

  mi_test_write_file (path, text, -1);
}

static MiWorkspace *
open_workspace (const char *folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  MiWorkspace *workspace = mi_workspace_open (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  return workspace;
}

static MiIssue *
get_issue (GListModel *model,
           guint       position)
{
  /* The model holds a reference; return a borrowed one. */
  g_autoptr(MiIssue) issue = g_list_model_get_item (model, position);

  g_assert_nonnull (issue);
  return issue;
}

/* The rows, as "slug=title" joined by "\n". */
static char *
model_rows (GListModel *model)
{
  GString *str = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      MiIssue *issue = get_issue (model, i);

      if (i > 0)
        g_string_append_c (str, '\n');
      g_string_append_printf (str, "%s=%s", mi_issue_get_slug (issue), mi_issue_get_title (issue));
    }

  return g_string_free (str, FALSE);
}

static char *
model_slugs (GListModel *model)
{
  GString *str = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, mi_issue_get_slug (get_issue (model, i)));
    }

  return g_string_free (str, FALSE);
}

static gboolean
has_repository_above (const char *path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  while (dir != NULL)
    {
      g_autoptr(GFile) git = g_file_get_child (dir, ".git");
      g_autoptr(GFile) issues = g_file_resolve_relative_path (dir, "docs/meta-issues");
      GFile *parent;

      if (g_file_query_exists (git, NULL) || g_file_query_exists (issues, NULL))
        return TRUE;
      parent = g_file_get_parent (dir);
      g_object_unref (dir);
      dir = parent;
    }

  return FALSE;
}

/*
 * A copy of the model kept only from items-changed, as a view keeps its
 * rows: if the signals are right, it equals the model.
 */
typedef struct
{
  GListModel *model;
  GPtrArray  *rows;      /* of MiIssue */
  guint       n_signals;
  guint       last_position;
  guint       last_removed;
  guint       last_added;
} Mirror;

static void
mirror_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->rows->len);
  g_ptr_array_remove_range (mirror->rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->rows, position + i, g_list_model_get_item (model, position + i));

  mirror->n_signals++;
  mirror->last_position = position;
  mirror->last_removed = removed;
  mirror->last_added = added;
}

static void
mirror_init (Mirror     *mirror,
             GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  memset (mirror, 0, sizeof *mirror);
  mirror->model = model;
  mirror->rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (mirror->rows, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);
}

static void
mirror_assert_equal (Mirror *mirror)
{
  guint n = g_list_model_get_n_items (mirror->model);

  g_assert_cmpuint (mirror->rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (g_ptr_array_index (mirror->rows, i) == get_issue (mirror->model, i));
}

static void
mirror_clear (Mirror *mirror)
{
  g_signal_handlers_disconnect_by_data (mirror->model, mirror);
  g_clear_pointer (&mirror->rows, g_ptr_array_unref);
}

/* Every fixture's meta-issues and the example, in one docs/meta-issues. */
static const char * const all_fixture_rows =
  "cold-start=Slow Cold Start\n"
  "encoding-bug=CSV Import Encoding Bug\n"
  "example-performance-saga=Performance Optimization Saga\n"
  "flaky-ci=Flaky CI\n"
  "free-form=Notes\n"
  "just-started=Just Started\n"
  "memory-leak=Thumbnail Worker Memory Leak\n"
  "search-relevance=Search Relevance Regression\n"
  "windows-paths=Windows Path Handling";

static char *
make_several (void)
{
  g_autofree char *fixtures = mi_test_source_path ("tests", "fixtures", NULL);
  g_autofree char *example = mi_test_source_path ("resources", "example", "docs", "meta-issues", NULL);
  g_autoptr(GDir) dir = g_dir_open (fixtures, 0, NULL);
  char *root = mi_test_make_tmp (NULL, "mi-test-workspace");
  g_autofree char *issues = g_build_filename (root, "docs", "meta-issues", NULL);
  const char *name;

  g_assert_nonnull (dir);
  mi_test_copy_dir (example, issues);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *fixture_issues = g_build_filename (fixtures, name, "docs", "meta-issues", NULL);
      g_autoptr(GDir) slugs = g_dir_open (fixture_issues, 0, NULL);
      const char *slug;

      while (slugs != NULL && (slug = g_dir_read_name (slugs)) != NULL)
        {
          g_autofree char *from = g_build_filename (fixture_issues, slug, NULL);
          g_autofree char *to = g_build_filename (issues, slug, NULL);

          g_assert_false (g_file_test (to, G_FILE_TEST_EXISTS));
          mi_test_copy_dir (from, to);
        }
    }

  return root;
}

/* ---------------------------------------------------------------------- */
/* find_root                                                               */

static void
test_find_root (void)
{
  g_autofree char *example = mi_test_source_path ("resources", "example", NULL);
  g_autofree char *root = mi_test_copy_tree (example);
  g_autofree char *deep = g_build_filename (root, "docs", "meta-issues", "example-performance-saga",
                                            "attempts", "001-baseline", NULL);
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(GFile) deep_file = g_file_new_for_path (deep);
  g_autoptr(GFile) issues_file = g_file_resolve_relative_path (root_file, "docs/meta-issues");
  g_autoptr(GFile) found = NULL;
  g_autoptr(GFile) found_deep = NULL;
  g_autoptr(GFile) found_issues = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (deep, G_FILE_TEST_IS_DIR));

  found = mi_workspace_find_root (root_file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (found, root_file));

  /* From inside an attempt folder: found upwards. */
  found_deep = mi_workspace_find_root (deep_file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (found_deep, root_file));

  found_issues = mi_workspace_find_root (issues_file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (found_issues, root_file));

  mi_test_remove_tree (root);
}

static void
test_find_root_repository (void)
{
  g_autofree char *root = mi_test_make_tmp (NULL, "mi-test-workspace");
  g_autofree char *sub = g_build_filename (root, "src", "lib", NULL);
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(GFile) sub_file = g_file_new_for_path (sub);
  g_autoptr(GFile) found = NULL;
  g_autoptr(GFile) issues_dir = NULL;
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = G_MAXUINT;

  /* A repository with no docs/meta-issues yet. */
  mi_test_make_dir (root, ".git", NULL);
  mi_test_make_dir (sub, NULL);

  found = mi_workspace_find_root (sub_file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (found, root_file));

  workspace = open_workspace (sub);
  g_assert_true (g_file_equal (mi_workspace_get_root (workspace), root_file));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (workspace)), ==, 0);
  g_object_get (workspace, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (workspace)) == MI_TYPE_ISSUE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (workspace), 0));
  issues_dir = g_file_resolve_relative_path (root_file, "docs/meta-issues");
  g_assert_true (g_file_equal (mi_workspace_get_issues_dir (workspace), issues_dir));

  /* Opening reads, it does not write. */
  g_assert_false (g_file_query_exists (issues_dir, NULL));

  mi_test_remove_tree (root);
}

static void
test_find_root_worktree (void)
{
  g_autofree char *root = mi_test_make_tmp (NULL, "mi-test-workspace");
  g_autofree char *git = g_build_filename (root, ".git", NULL);
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(GFile) found = NULL;
  g_autoptr(GError) error = NULL;

  /* A worktree or submodule: .git is a file. */
  mi_test_write_file (git, "gitdir: /elsewhere/.git/worktrees/x\n", -1);
  found = mi_workspace_find_root (root_file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (found, root_file));

  mi_test_remove_tree (root);
}

static void
test_find_root_none (void)
{
  g_autofree char *root = mi_test_make_tmp (NULL, "mi-test-workspace");
  g_autofree char *sub = g_build_filename (root, "plain", NULL);
  g_autoptr(GFile) sub_file = g_file_new_for_path (sub);
  g_autoptr(GFile) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MiWorkspace) workspace = NULL;

  if (has_repository_above (root))
    {
      g_test_skip ("the temporary folder is inside a repository");
      mi_test_remove_tree (root);
      return;
    }

  mi_test_make_dir (sub, NULL);
  found = mi_workspace_find_root (sub_file, &error);
  g_assert_null (found);
  g_assert_error (error, MI_WORKSPACE_ERROR, MI_WORKSPACE_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  /* The message names the folder. */
  g_assert_nonnull (strstr (error->message, sub));
  g_clear_error (&error);

  workspace = mi_workspace_open (sub_file, NULL, &error);
  g_assert_null (workspace);
  g_assert_error (error, MI_WORKSPACE_ERROR, MI_WORKSPACE_ERROR_NOT_FOUND);

  mi_test_remove_tree (root);
}

/* ---------------------------------------------------------------------- */
/* Opening                                                                 */

static void
test_open_example (void)
{
  g_autofree char *example = mi_test_source_path ("resources", "example", NULL);
  g_autofree char *root = mi_test_copy_tree (example);
  g_autoptr(MiWorkspace) workspace = open_workspace (root);
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(GFile) folder = NULL;
  GListModel *model = G_LIST_MODEL (workspace);
  MiIssue *issue;

  g_assert_true (g_file_equal (mi_workspace_get_root (workspace), root_file));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  issue = get_issue (model, 0);
  g_assert_cmpstr (mi_issue_get_slug (issue), ==, "example-performance-saga");
  g_assert_cmpstr (mi_issue_get_title (issue), ==, "Performance Optimization Saga");
  g_assert_cmpint (mi_issue_get_status (issue), ==, MI_STATUS_RESOLVED);

  folder = g_file_resolve_relative_path (root_file, "docs/meta-issues/example-performance-saga");
  g_assert_true (g_file_equal (mi_issue_get_folder (issue), folder));

  /* Parsed, the files' texts are let go (a workspace of 1,000 holds no
   * 27 MB of text); the first use reads the file again. */
  for (guint f = 0; f < MI_ISSUE_N_FILES; f++)
    g_assert_true (mi_document_get_released (mi_issue_get_document (issue, f)));
  g_assert_nonnull (strstr (mi_document_get_text (mi_issue_get_document (issue, MI_ISSUE_FILE_README), NULL),
                            "**Status:** Resolved (Attempt 003)"));
  g_assert_false (mi_document_get_released (mi_issue_get_document (issue, MI_ISSUE_FILE_README)));

  mi_test_remove_tree (root);
}

static void
test_open_several (void)
{
  g_autofree char *root = make_several ();
  g_autofree char *issues = g_build_filename (root, "docs", "meta-issues", NULL);
  g_autofree char *trash = g_build_filename (issues, ".trash", "old-issue", "README.md", NULL);
  g_autofree char *notes = g_build_filename (issues, "notes.md", NULL);
  g_autofree char *hidden = g_build_filename (issues, ".DS_Store", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *slugs = NULL;

  /* Neither hidden folders nor plain files are meta-issues; an empty folder is. */
  mi_test_write_file (trash, "# Meta-Issue: Deleted\n", -1);
  mi_test_write_file (notes, "# Meta-Issue: Notes\n", -1);
  mi_test_write_file (hidden, "x", -1);
  mi_test_make_dir (issues, "zz-empty", NULL);

  workspace = open_workspace (root);
  rows = model_rows (G_LIST_MODEL (workspace));
  expected = g_strconcat (all_fixture_rows, "\nzz-empty=zz-empty", NULL);
  g_assert_cmpstr (rows, ==, expected);

  /* Sorted by slug, as bytes. */
  slugs = model_slugs (G_LIST_MODEL (workspace));
  g_assert_cmpstr (slugs, ==,
                   "cold-start encoding-bug example-performance-saga flaky-ci free-form "
                   "just-started memory-leak search-relevance windows-paths zz-empty");

  g_assert_null (mi_workspace_find_issue (workspace, ".trash"));
  g_assert_null (mi_workspace_find_issue (workspace, "notes.md"));

  mi_test_remove_tree (root);
}

typedef struct
{
  GMainLoop    *loop;
  MiWorkspace  *workspace;
  GError       *error;
  gboolean      done;
  gboolean      loop_was_running;
  GThread      *thread;
} OpenData;

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  OpenData *data = user_data;

  data->done = TRUE;
  data->thread = g_thread_self ();
  data->loop_was_running = g_main_loop_is_running (data->loop);
  data->workspace = mi_workspace_open_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static MiWorkspace *
open_workspace_async (const char  *folder,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  OpenData data = { loop, NULL, NULL, FALSE, FALSE, NULL };

  mi_workspace_open_async (file, NULL, open_cb, &data);
  /* It returns at once: the reading happens elsewhere. */
  g_assert_false (data.done);
  g_main_loop_run (loop);

  g_assert_true (data.done);
  g_assert_true (data.loop_was_running);
  g_assert_true (data.thread == g_thread_self ());
  if (data.error != NULL)
    g_propagate_error (error, data.error);
  return data.workspace;
}

static void
test_open_async (void)
{
  g_autofree char *root = make_several ();
  g_autoptr(MiWorkspace) sync = open_workspace (root);
  g_autoptr(MiWorkspace) async = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_rows = NULL;
  g_autofree char *async_rows = NULL;

  async = open_workspace_async (root, &error);
  g_assert_no_error (error);
  g_assert_nonnull (async);

  sync_rows = model_rows (G_LIST_MODEL (sync));
  async_rows = model_rows (G_LIST_MODEL (async));
  g_assert_cmpstr (async_rows, ==, sync_rows);
  g_assert_cmpstr (async_rows, ==, all_fixture_rows);

  mi_test_remove_tree (root);
}

static void
test_open_async_not_found (void)
{
  g_autofree char *root = mi_test_make_tmp (NULL, "mi-test-workspace");
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  if (has_repository_above (root))
    {
      g_test_skip ("the temporary folder is inside a repository");
      mi_test_remove_tree (root);
      return;
    }

  workspace = open_workspace_async (root, &error);
  g_assert_null (workspace);
  g_assert_error (error, MI_WORKSPACE_ERROR, MI_WORKSPACE_ERROR_NOT_FOUND);

  mi_test_remove_tree (root);
}

/* ---------------------------------------------------------------------- */
/* Following the disk                                                      */

static void
test_reload (void)
{
  g_autofree char *root = make_several ();
  g_autofree char *cold_start = g_build_filename (root, "docs", "meta-issues", "cold-start", NULL);
  g_autofree char *flaky_readme = g_build_filename (root, "docs", "meta-issues", "flaky-ci", "README.md", NULL);
  g_autoptr(MiWorkspace) workspace = open_workspace (root);
  g_autoptr(GError) error = NULL;
  g_autofree char *slugs = NULL;
  g_autofree char *after_remove = NULL;
  MiIssue *flaky;
  guint n_notify = 0;
  guint n_items = 0;
  Mirror mirror;

  mirror_init (&mirror, G_LIST_MODEL (workspace));
  g_signal_connect (workspace, "notify::n-items", G_CALLBACK (mi_test_count_notify_cb), &n_notify);
  flaky = mi_workspace_find_issue (workspace, "flaky-ci");
  g_assert_nonnull (flaky);

  /* Nothing changed: nothing to tell. */
  g_assert_true (mi_workspace_reload (workspace, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.n_signals, ==, 0);
  g_assert_cmpuint (n_notify, ==, 0);

  /* Another program adds one, removes one, retitles one. */
  write_readme (root, "aaa-new", "# Meta-Issue: Brand New\n\n**Status:** Open\n");
  mi_test_remove_tree (cold_start);
  mi_test_write_file (flaky_readme, "# Meta-Issue: Flaky CI, Renamed\n\n**Status:** Resolved\n", -1);

  g_assert_true (mi_workspace_reload (workspace, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.n_signals, >, 0);
  mirror_assert_equal (&mirror);

  slugs = model_slugs (G_LIST_MODEL (workspace));
  g_assert_cmpstr (slugs, ==,
                   "aaa-new encoding-bug example-performance-saga flaky-ci free-form "
                   "just-started memory-leak search-relevance windows-paths");
  g_assert_cmpstr (mi_issue_get_title (get_issue (G_LIST_MODEL (workspace), 0)), ==, "Brand New");
  g_assert_cmpstr (mi_issue_get_title (mi_workspace_find_issue (workspace, "flaky-ci")), ==,
                   "Flaky CI, Renamed");
  g_assert_cmpint (mi_issue_get_status (mi_workspace_find_issue (workspace, "flaky-ci")), ==,
                   MI_STATUS_RESOLVED);
  g_assert_null (mi_workspace_find_issue (workspace, "cold-start"));

  /* A row that stays keeps its object (and a view's selection). */
  g_assert_true (mi_workspace_find_issue (workspace, "flaky-ci") == flaky);

  /* Only a removal: one fewer row, and n-items says so. */
  {
    g_autofree char *flaky_dir = g_path_get_dirname (flaky_readme);

    mi_test_remove_tree (flaky_dir);
  }
  g_assert_true (mi_workspace_reload (workspace, NULL, &error));
  g_assert_no_error (error);
  mirror_assert_equal (&mirror);
  after_remove = model_slugs (G_LIST_MODEL (workspace));
  g_assert_cmpstr (after_remove, ==,
                   "aaa-new encoding-bug example-performance-saga free-form "
                   "just-started memory-leak search-relevance windows-paths");
  g_object_get (workspace, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 8);
  g_assert_cmpuint (n_notify, >=, 1);

  /* Everything gone, docs/meta-issues too: an empty list, not an error. */
  {
    g_autofree char *docs = g_build_filename (root, "docs", NULL);

    mi_test_remove_tree (docs);
  }
  g_assert_true (mi_workspace_reload (workspace, NULL, &error));
  g_assert_no_error (error);
  mirror_assert_equal (&mirror);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (workspace)), ==, 0);

  mirror_clear (&mirror);
  mi_test_remove_tree (root);
}

/* The problems mi_check_issue() finds in @issue, one "path:line: message" a line. */
static char *
check_lines (MiWorkspace *workspace,
             MiIssue     *issue)
{
  g_autoptr(GPtrArray) problems = mi_check_issue (workspace, issue);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      MiProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (str, "%s:%u: %s\n", problem->path, problem->line, problem->message);
    }

  return g_string_free (str, FALSE);
}

static void
test_new (void)
{
  g_autofree char *root = make_several ();
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(MiWorkspace) opened = open_workspace (root);
  g_autoptr(MiWorkspace) workspace = mi_workspace_new (root_file);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(MiIssue) alone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *alone_problems = NULL;
  g_autofree char *listed_problems = NULL;
  g_autofree char *rows = NULL;
  MiIssue *listed;
  Mirror mirror;

  /* Nothing read: the root and its docs/meta-issues, an empty list. */
  g_assert_true (g_file_equal (mi_workspace_get_root (workspace), root_file));
  g_assert_true (g_file_equal (mi_workspace_get_issues_dir (workspace), mi_workspace_get_issues_dir (opened)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (workspace)), ==, 0);
  g_assert_null (mi_workspace_find_issue (workspace, "memory-leak"));

  /* One meta-issue read alone has the paths and problems it has in the
   * whole workspace. */
  folder = g_file_get_child (mi_workspace_get_issues_dir (workspace), "memory-leak");
  alone = mi_issue_load (folder, NULL, &error);
  g_assert_no_error (error);
  listed = mi_workspace_find_issue (opened, "memory-leak");
  g_assert_nonnull (listed);
  g_assert_cmpstr (mi_issue_get_title (alone), ==, mi_issue_get_title (listed));
  path = mi_workspace_get_relative_path (workspace, mi_issue_get_folder (alone));
  g_assert_cmpstr (path, ==, "docs/meta-issues/memory-leak");
  alone_problems = check_lines (workspace, alone);
  listed_problems = check_lines (opened, listed);
  g_assert_cmpstr (alone_problems, ==, listed_problems);
  g_assert_true (g_str_has_prefix (alone_problems, "docs/meta-issues/memory-leak/attempts/001-valgrind:"));

  /* Reloading reads them all, told by items-changed. */
  mirror_init (&mirror, G_LIST_MODEL (workspace));
  g_assert_true (mi_workspace_reload (workspace, NULL, &error));
  g_assert_no_error (error);
  mirror_assert_equal (&mirror);
  rows = model_rows (G_LIST_MODEL (workspace));
  g_assert_cmpstr (rows, ==, all_fixture_rows);

  mirror_clear (&mirror);
  mi_test_remove_tree (root);
}

static void
test_find_issue (void)
{
  g_autofree char *root = make_several ();
  g_autoptr(MiWorkspace) workspace = open_workspace (root);
  MiIssue *issue;

  issue = mi_workspace_find_issue (workspace, "memory-leak");
  g_assert_nonnull (issue);
  g_assert_cmpstr (mi_issue_get_slug (issue), ==, "memory-leak");
  g_assert_cmpstr (mi_issue_get_title (issue), ==, "Thumbnail Worker Memory Leak");
  /* The row of the model, not a copy. */
  g_assert_true (issue == get_issue (G_LIST_MODEL (workspace), 6));

  g_assert_nonnull (mi_workspace_find_issue (workspace, "cold-start"));
  g_assert_nonnull (mi_workspace_find_issue (workspace, "windows-paths"));
  g_assert_null (mi_workspace_find_issue (workspace, "no-such-issue"));
  g_assert_null (mi_workspace_find_issue (workspace, "Memory-Leak"));
  g_assert_null (mi_workspace_find_issue (workspace, ""));

  mi_test_remove_tree (root);
}

static void
test_relative_path (void)
{
  g_autofree char *example = mi_test_source_path ("resources", "example", NULL);
  g_autofree char *root = mi_test_copy_tree (example);
  g_autoptr(MiWorkspace) workspace = open_workspace (root);
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(GFile) readme = g_file_resolve_relative_path (root_file, "docs/meta-issues/example-performance-saga/README.md");
  g_autofree char *outside_path = g_build_filename (g_get_tmp_dir (), "elsewhere", "x.md", NULL);
  g_autoptr(GFile) outside = g_file_new_for_path (outside_path);
  g_autofree char *relative = mi_workspace_get_relative_path (workspace, readme);
  g_autofree char *full = mi_workspace_get_relative_path (workspace, outside);

  g_assert_cmpstr (relative, ==, "docs/meta-issues/example-performance-saga/README.md");
  g_assert_cmpstr (full, ==, outside_path);

  mi_test_remove_tree (root);
}

/* ---------------------------------------------------------------------- */
/* Creating                                                                */

static void
test_create_issue (void)
{
  g_autofree char *root = mi_test_make_tmp (NULL, "mi-test-workspace");
  g_autofree char *issues = g_build_filename (root, "docs", "meta-issues", NULL);
  g_autofree char *folder = g_build_filename (issues, "flaky-login-test", NULL);
  g_autofree char *readme_path = g_build_filename (folder, "README.md", NULL);
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(MiWorkspace) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *names = NULL;
  g_autofree char *slugs = NULL;
  g_autofree char *reopened_rows = NULL;
  g_autofree char *rows = NULL;
  MiIssue *issue;
  guint n_notify = 0;
  Mirror mirror;

  mi_test_make_dir (root, ".git", NULL);
  workspace = open_workspace (root);
  mirror_init (&mirror, G_LIST_MODEL (workspace));
  g_signal_connect (workspace, "notify::n-items", G_CALLBACK (mi_test_count_notify_cb), &n_notify);

  issue = mi_workspace_create_issue (workspace, "Flaky Login Test", NULL, "2025-01-02", &error);
  g_assert_no_error (error);
  g_assert_nonnull (issue);
  g_assert_cmpstr (mi_issue_get_slug (issue), ==, "flaky-login-test");
  g_assert_cmpstr (mi_issue_get_title (issue), ==, "Flaky Login Test");
  g_assert_cmpint (mi_issue_get_status (issue), ==, MI_STATUS_OPEN);
  g_assert_cmpstr (mi_issue_get_created (issue), ==, "2025-01-02");

  /* The model tells a view where the new row went. */
  g_assert_cmpuint (mirror.n_signals, ==, 1);
  g_assert_cmpuint (mirror.last_position, ==, 0);
  g_assert_cmpuint (mirror.last_removed, ==, 0);
  g_assert_cmpuint (mirror.last_added, ==, 1);
  g_assert_cmpuint (n_notify, ==, 1);
  mirror_assert_equal (&mirror);
  g_assert_true (get_issue (G_LIST_MODEL (workspace), 0) == issue);

  /* The files: exactly the four, nothing temporary left behind. */
  names = mi_test_list_dir (folder);
  g_assert_cmpstr (names, ==, "README.md description.md implementation-log.md test-cases.md");
  readme = mi_test_read_file (readme_path, NULL);
  g_assert_nonnull (readme);
  g_assert_true (g_str_has_prefix (readme, "# Meta-Issue: Flaky Login Test\n"));
  g_assert_nonnull (strstr (readme, "\n**Status:** Open"));
  g_assert_nonnull (strstr (readme, "\n**Created:** 2025-01-02"));
  g_assert_null (strstr (readme, "{{"));
  g_assert_true (g_utf8_validate (readme, -1, NULL));

  /* More, each at its sorted place. */
  g_assert_nonnull (mi_workspace_create_issue (workspace, "Alpha", NULL, "2025-01-03", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.last_position, ==, 0);
  g_assert_nonnull (mi_workspace_create_issue (workspace, "Zeta", "zeta", "2025-01-04", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.last_position, ==, 2);
  g_assert_nonnull (mi_workspace_create_issue (workspace, "Middle", "m", "2025-01-05", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.last_position, ==, 2);
  g_assert_cmpuint (mirror.n_signals, ==, 4);
  mirror_assert_equal (&mirror);

  slugs = model_slugs (G_LIST_MODEL (workspace));
  g_assert_cmpstr (slugs, ==, "alpha flaky-login-test m zeta");

  /* A slug taken: refused, nothing changes. */
  g_assert_null (mi_workspace_create_issue (workspace, "Again", "flaky-login-test", "2025-01-06", &error));
  g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (mirror.n_signals, ==, 4);
  {
    g_autofree char *unchanged = mi_test_read_file (readme_path, NULL);

    g_assert_cmpstr (unchanged, ==, readme);
  }

  /* Bad input: refused before anything is written. */
  g_assert_null (mi_workspace_create_issue (workspace, "Bad", "Bad Slug", "2025-01-06", &error));
  g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_SLUG);
  g_clear_error (&error);
  g_assert_null (mi_workspace_create_issue (workspace, "   ", NULL, "2025-01-06", &error));
  g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (mi_workspace_create_issue (workspace, "Dated", NULL, "2025-13-01", &error));
  g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (mirror.n_signals, ==, 4);
  {
    g_autofree char *on_disk = mi_test_list_dir (issues);

    g_assert_cmpstr (on_disk, ==, "alpha flaky-login-test m zeta");
  }

  /* What was made is what a fresh read finds. */
  rows = model_rows (G_LIST_MODEL (workspace));
  reopened = open_workspace (root);
  reopened_rows = model_rows (G_LIST_MODEL (reopened));
  g_assert_cmpstr (reopened_rows, ==, rows);

  mirror_clear (&mirror);
  mi_test_remove_tree (root);
}

/* ---------------------------------------------------------------------- */
/* Size                                                                    */

#define N_MANY 300

static void
assert_many (MiWorkspace *workspace)
{
  GListModel *model = G_LIST_MODEL (workspace);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_MANY);
  for (guint i = 0; i < N_MANY; i++)
    {
      MiIssue *issue = get_issue (model, i);
      g_autofree char *slug = g_strdup_printf ("issue-%03u", i);
      g_autofree char *title = g_strdup_printf ("Issue number %u", i);

      g_assert_cmpstr (mi_issue_get_slug (issue), ==, slug);
      g_assert_cmpstr (mi_issue_get_title (issue), ==, title);
      g_assert_cmpint (mi_issue_get_status (issue), ==, i % 2 ? MI_STATUS_RESOLVED : MI_STATUS_OPEN);
    }
}

static void
test_many (void)
{
  g_autofree char *root = mi_test_make_tmp (NULL, "mi-test-workspace");
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(MiWorkspace) async = NULL;
  g_autoptr(GError) error = NULL;

  /* Written in reverse, so the order on disk is not the sorted one. */
  for (guint i = N_MANY; i-- > 0; )
    {
      g_autofree char *slug = g_strdup_printf ("issue-%03u", i);
      g_autofree char *text = g_strdup_printf ("# Meta-Issue: Issue number %u\n\n**Status:** %s\n",
                                               i, i % 2 ? "Resolved" : "Open");

      write_readme (root, slug, text);
    }

  workspace = open_workspace (root);
  assert_many (workspace);

  async = open_workspace_async (root, &error);
  g_assert_no_error (error);
  assert_many (async);

  mi_test_remove_tree (root);
}

static void
test_huge_readme (void)
{
  g_autofree char *root = mi_test_make_tmp (NULL, "mi-test-workspace");
  g_autofree char *path = g_build_filename (root, "docs", "meta-issues", "huge", "README.md", NULL);
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_sized_new (MI_DOCUMENT_MAX_SIZE + 64);
  MiIssue *issue;

  write_readme (root, "small", "# Meta-Issue: Small\n");

  /* A heading, then lines of text, MI_DOCUMENT_MAX_SIZE + 1 bytes in all. */
  g_string_append (text, "# Meta-Issue: Huge\n\n**Status:** Open\n\n");
  while (text->len < MI_DOCUMENT_MAX_SIZE + 1)
    g_string_append (text, "| cell | cell | cell | **Key:** value [[link]] `code` |\n");
  g_string_truncate (text, MI_DOCUMENT_MAX_SIZE + 1);
  {
    g_autofree char *dir = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  }
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);

  workspace = open_workspace (root);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (workspace)), ==, 2);

  /* Not parsed: the title falls back to the slug. */
  issue = mi_workspace_find_issue (workspace, "huge");
  g_assert_nonnull (issue);
  g_assert_cmpstr (mi_issue_get_title (issue), ==, "huge");
  g_assert_cmpstr (mi_issue_get_title (mi_workspace_find_issue (workspace, "small")), ==, "Small");

  mi_test_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workspace/find-root/workspace", test_find_root);
  g_test_add_func ("/workspace/find-root/repository", test_find_root_repository);
  g_test_add_func ("/workspace/find-root/worktree", test_find_root_worktree);
  g_test_add_func ("/workspace/find-root/none", test_find_root_none);
  g_test_add_func ("/workspace/open/example", test_open_example);
  g_test_add_func ("/workspace/open/several", test_open_several);
  g_test_add_func ("/workspace/open/async", test_open_async);
  g_test_add_func ("/workspace/open/async-not-found", test_open_async_not_found);
  g_test_add_func ("/workspace/reload", test_reload);
  g_test_add_func ("/workspace/new", test_new);
  g_test_add_func ("/workspace/find-issue", test_find_issue);
  g_test_add_func ("/workspace/relative-path", test_relative_path);
  g_test_add_func ("/workspace/create-issue", test_create_issue);
  g_test_add_func ("/workspace/many", test_many);
  g_test_add_func ("/workspace/huge-readme", test_huge_readme);

  return g_test_run ();
}
