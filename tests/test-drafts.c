/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mi-drafts.h"
#include "mi-test-util.h"

/*
 * MiDrafts: unsaved text survives in a draft per file, found again by the
 * file's path, listed at start, removed on save or discard; asynchronous
 * saves and removals happen in the order they were asked for.
 */

static char *tmp_root;

static void
test_drafts_default (void)
{
  MiDrafts *drafts = mi_drafts_get_default ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "meta-issues", "drafts", NULL);

  g_assert_true (mi_drafts_get_default () == drafts);
  g_assert_cmpstr (g_file_peek_path (mi_drafts_get_directory (drafts)), ==, expected);
}

static void
test_drafts_roundtrip (void)
{
  g_autofree char *dir_path = g_build_filename (tmp_root, "drafts-a", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(MiDrafts) drafts = mi_drafts_new (dir);
  g_autoptr(GFile) file = g_file_new_for_path ("/some/repo/docs/meta-issues/x/README.md");
  g_autoptr(GFile) other = g_file_new_for_path ("/some/repo/docs/meta-issues/x/test-cases.md");
  g_autoptr(GFile) draft_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) saved = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "# Unsaved\n\nwith ünïcode and\r\nCRLF\n";

  /* Nothing yet */
  bytes = mi_drafts_load (drafts, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (bytes);
  list = mi_drafts_list (drafts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (mi_drafts_save (drafts, file, text, strlen (text), &error));
  g_assert_no_error (error);

  /* Under the folder, private, one file */
  draft_file = mi_drafts_get_draft_file (drafts, file);
  g_assert_true (g_file_has_parent (draft_file, dir));
  g_assert_true (g_file_query_exists (draft_file, NULL));

  bytes = mi_drafts_load (drafts, file, &saved, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_nonnull (saved);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, strlen (text));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Another file has none */
  bytes = mi_drafts_load (drafts, other, NULL, &error);
  g_assert_null (bytes);

  list = mi_drafts_list (drafts, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (g_file_equal (g_ptr_array_index (list, 0), file));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Saving again replaces */
  g_assert_true (mi_drafts_save (drafts, file, "v2", 2, &error));
  bytes = mi_drafts_load (drafts, file, NULL, &error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "v2", 2);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_assert_true (mi_drafts_remove (drafts, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (draft_file, NULL));
  /* Removing nothing is fine */
  g_assert_true (mi_drafts_remove (drafts, file, &error));
  g_assert_no_error (error);
}

static void
test_drafts_async_order (void)
{
  g_autofree char *dir_path = g_build_filename (tmp_root, "drafts-b", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(MiDrafts) drafts = mi_drafts_new (dir);
  g_autoptr(GFile) file = g_file_new_for_path ("/repo/a.md");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GAsyncResult) saved = NULL;
      g_autoptr(GAsyncResult) removed = NULL;
      g_autoptr(GBytes) text = g_bytes_new_static ("draft", 5);

      /* A save then a removal: the draft must be gone */
      mi_drafts_save_async (drafts, file, text, NULL, mi_test_store_result_cb, &saved);
      mi_drafts_remove_async (drafts, file, NULL, mi_test_store_result_cb, &removed);
      mi_test_wait_result (&saved);
      mi_test_wait_result (&removed);
      g_assert_true (mi_drafts_save_finish (drafts, saved, &error));
      g_assert_true (mi_drafts_remove_finish (drafts, removed, &error));
      g_assert_no_error (error);

      list = mi_drafts_list (drafts, &error);
      g_assert_cmpuint (list->len, ==, 0);
      g_clear_pointer (&list, g_ptr_array_unref);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_root = mi_test_make_data_home ("mi-test-drafts");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drafts/default", test_drafts_default);
  g_test_add_func ("/drafts/roundtrip", test_drafts_roundtrip);
  g_test_add_func ("/drafts/async-order", test_drafts_async_order);

  ret = g_test_run ();
  mi_test_remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
