/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * Searching a workspace: which meta-issues match some words, in any case,
 * by their title and slug at once (mi_issue_matches_title()) and by the
 * text of their files on a worker (mi_workspace_search_async()).
 */

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static void
write_file (const char *root,
            const char *slug,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (root, "docs", "meta-issues", slug, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Four meta-issues: words in a description, words that are not ASCII,
 * a word only in an implementation log, and nothing of those. */
static char *
make_workspace (void)
{
  g_autoptr(GError) error = NULL;
  char *root = g_dir_make_tmp ("mi-test-search-XXXXXX", &error);

  g_assert_no_error (error);

  write_file (root, "pool-exhaustion", "README.md",
              "# Connection Pool Exhaustion\n\n**Status:** Open\n");
  write_file (root, "pool-exhaustion", "description.md",
              "# Description\n\nThe PostgreSQL driver blocks under load.\n");

  write_file (root, "unicode-words", "README.md",
              "# Caf\xc3\xa9 Menu\n\n**Status:** In Progress\n");
  write_file (root, "unicode-words", "description.md",
              "# Description\n\nUnit tests \xe2\x89\xa0 production. \xc3\x89""COLE and R\xc3\x89SUM\xc3\x89.\n");

  write_file (root, "log-only", "README.md",
              "# Quiet Issue\n\n**Status:** Resolved\n");
  write_file (root, "log-only", "implementation-log.md",
              "# Implementation Log\n\n## Attempt 001: Profile\n\nThe flamegraph showed a Zebrafish allocator.\n");

  write_file (root, "other", "README.md",
              "# Other Things\n\n**Status:** Open\n");

  return root;
}

static MiWorkspace *
open_workspace (const char *root)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  g_autoptr(GError) error = NULL;
  MiWorkspace *workspace = mi_workspace_open (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (workspace)), ==, 4);

  return workspace;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
on_search_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The slugs of the meta-issues whose files hold @text, sorted, joined
 * with commas; NULL with @error set when the search failed. */
static char *
search (MiWorkspace   *workspace,
        const char    *text,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) hits = NULL;
  g_autoptr(GPtrArray) slugs = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer issue;

  mi_workspace_search_async (workspace, text, cancellable, on_search_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  hits = mi_workspace_search_finish (workspace, result, error);
  if (hits == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, hits);
  while (g_hash_table_iter_next (&iter, &issue, NULL))
    {
      g_assert_true (MI_IS_ISSUE (issue));
      g_ptr_array_add (slugs, (gpointer) mi_issue_get_slug (issue));
    }
  g_ptr_array_sort (slugs, compare_strings);
  g_ptr_array_add (slugs, NULL);

  return g_strjoinv (",", (char **) slugs->pdata);
}

static char *
search_ok (MiWorkspace *workspace,
           const char  *text)
{
  g_autoptr(GError) error = NULL;
  char *slugs = search (workspace, text, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (slugs);

  return slugs;
}

/* Whether the title or slug of @slug matches @text, as typed. */
static gboolean
title_matches (MiWorkspace *workspace,
               const char  *slug,
               const char  *text)
{
  g_autofree char *folded = mi_search_fold_text (text);
  MiIssue *issue = mi_workspace_find_issue (workspace, slug);

  g_assert_nonnull (issue);
  g_assert_nonnull (folded);

  return mi_issue_matches_title (issue, folded);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                   */

static void
test_fold (void)
{
  g_autofree char *ascii = mi_search_fold_text ("  Connection POOL \n");
  g_autofree char *other = mi_search_fold_text ("R\xc3\x89SUM\xc3\x89");

  g_assert_cmpstr (ascii, ==, "connection pool");
  g_assert_cmpstr (other, ==, "r\xc3\xa9sum\xc3\xa9");
  g_assert_null (mi_search_fold_text (NULL));
  g_assert_null (mi_search_fold_text (""));
  g_assert_null (mi_search_fold_text (" \t\n"));
}

static void
test_title (void)
{
  g_autofree char *root = make_workspace ();
  g_autoptr(MiWorkspace) workspace = open_workspace (root);

  g_assert_true (title_matches (workspace, "pool-exhaustion", "connection POOL"));
  g_assert_true (title_matches (workspace, "pool-exhaustion", "POOL-EXH"));
  g_assert_true (title_matches (workspace, "unicode-words", "CAF\xc3\x89"));
  g_assert_true (title_matches (workspace, "log-only", "Log-Only"));
  /* The files are not the title. */
  g_assert_false (title_matches (workspace, "pool-exhaustion", "postgresql"));
  g_assert_false (title_matches (workspace, "log-only", "zebrafish"));
  g_assert_false (title_matches (workspace, "other", "pool"));

  mi_test_remove_tree (root);
}

static void
test_ascii_any_case (void)
{
  g_autofree char *root = make_workspace ();
  g_autoptr(MiWorkspace) workspace = open_workspace (root);
  g_autofree char *driver = search_ok (workspace, "postgresql DRIVER");
  g_autofree char *title = search_ok (workspace, "  CONNECTION pool ");
  g_autofree char *status = search_ok (workspace, "status:** open");

  g_assert_cmpstr (driver, ==, "pool-exhaustion");
  /* The README holds the title. */
  g_assert_cmpstr (title, ==, "pool-exhaustion");
  g_assert_cmpstr (status, ==, "other,pool-exhaustion");

  mi_test_remove_tree (root);
}

static void
test_not_ascii (void)
{
  g_autofree char *root = make_workspace ();
  g_autoptr(MiWorkspace) workspace = open_workspace (root);
  g_autofree char *sign = search_ok (workspace, "UNIT TESTS \xe2\x89\xa0 PRODUCTION");
  g_autofree char *lower = search_ok (workspace, "\xc3\xa9""cole");
  g_autofree char *upper = search_ok (workspace, "caf\xc3\x89 MENU");
  g_autofree char *mixed = search_ok (workspace, "R\xc3\xa9sum\xc3\x89");

  g_assert_cmpstr (sign, ==, "unicode-words");
  g_assert_cmpstr (lower, ==, "unicode-words");
  g_assert_cmpstr (upper, ==, "unicode-words");
  g_assert_cmpstr (mixed, ==, "unicode-words");

  mi_test_remove_tree (root);
}

static void
test_log_only (void)
{
  g_autofree char *root = make_workspace ();
  g_autoptr(MiWorkspace) workspace = open_workspace (root);
  g_autofree char *word = search_ok (workspace, "ZEBRAFISH");
  g_autofree char *heading = search_ok (workspace, "attempt 001: profile");

  g_assert_cmpstr (word, ==, "log-only");
  g_assert_cmpstr (heading, ==, "log-only");

  mi_test_remove_tree (root);
}

static void
test_no_match (void)
{
  g_autofree char *root = make_workspace ();
  g_autoptr(MiWorkspace) workspace = open_workspace (root);
  g_autofree char *none = search_ok (workspace, "no such words anywhere");
  g_autofree char *accent = search_ok (workspace, "caf\xc3\xa9 menus");
  g_autofree char *all = search_ok (workspace, "   ");

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (accent, ==, "");
  /* Blank: nothing to look for, every meta-issue. */
  g_assert_cmpstr (all, ==, "log-only,other,pool-exhaustion,unicode-words");

  mi_test_remove_tree (root);
}

/* The files are read again: a change on disk is found without a reload. */
static void
test_files_read_again (void)
{
  g_autofree char *root = make_workspace ();
  g_autoptr(MiWorkspace) workspace = open_workspace (root);
  g_autofree char *before = search_ok (workspace, "zebrafish");
  g_autofree char *after = NULL;

  g_assert_cmpstr (before, ==, "log-only");
  write_file (root, "log-only", "implementation-log.md",
              "# Implementation Log\n\n## Attempt 001: Profile\n\nNothing found.\n");
  after = search_ok (workspace, "zebrafish");
  g_assert_cmpstr (after, ==, "");

  mi_test_remove_tree (root);
}

static void
test_cancelled (void)
{
  g_autofree char *root = make_workspace ();
  g_autoptr(MiWorkspace) workspace = open_workspace (root);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *slugs = NULL;

  g_cancellable_cancel (cancellable);
  slugs = search (workspace, "zebrafish", cancellable, &error);
  g_assert_null (slugs);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  mi_test_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/title", test_title);
  g_test_add_func ("/search/ascii-any-case", test_ascii_any_case);
  g_test_add_func ("/search/not-ascii", test_not_ascii);
  g_test_add_func ("/search/log-only", test_log_only);
  g_test_add_func ("/search/no-match", test_no_match);
  g_test_add_func ("/search/files-read-again", test_files_read_again);
  g_test_add_func ("/search/cancelled", test_cancelled);

  return g_test_run ();
}
