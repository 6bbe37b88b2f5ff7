/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * Load then save with no edit gives the same bytes, for any input: every file
 * of the fixtures and the example, and every example of the GFM spec written
 * as each of the files of a meta-issue (so each file's parser reads it).
 */

#define SPEC_PATH "/usr/share/doc/cmark-gfm/spec.txt.gz"

static const char * const issue_files[] = {
  "README.md", "description.md", "implementation-log.md", "test-cases.md",
  "attempts/001-x/solution-approach.md", "attempts/001-x/attempt-results.md",
};

static void
assert_issue_round_trip (GFile *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MiIssue) issue = mi_issue_load (folder, NULL, &error);
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  GListModel *attempts;

  g_assert_no_error (error);
  g_assert_nonnull (issue);
  g_assert_true (g_utf8_validate (mi_issue_get_title (issue), -1, NULL));

  for (guint f = 0; f < MI_ISSUE_N_FILES; f++)
    if (mi_document_get_exists (mi_issue_get_document (issue, f)))
      g_ptr_array_add (docs, mi_issue_get_document (issue, f));

  attempts = mi_issue_get_attempts (issue);
  for (guint i = 0; i < g_list_model_get_n_items (attempts); i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, i);

      if (mi_attempt_get_approach_document (attempt))
        g_ptr_array_add (docs, mi_attempt_get_approach_document (attempt));
      if (mi_attempt_get_results_document (attempt))
        g_ptr_array_add (docs, mi_attempt_get_results_document (attempt));
    }

  for (guint i = 0; i < docs->len; i++)
    {
      MiDocument *doc = g_ptr_array_index (docs, i);
      GFile *file = mi_document_get_file (doc);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize before_len, after_len;

      before = mi_test_read_file (path, &before_len);
      g_assert_nonnull (before);
      g_assert_false (mi_document_get_modified (doc));

      /* Saving the document, unchanged, over the file itself. */
      g_assert_true (mi_document_save (doc, NULL, &error));
      g_assert_no_error (error);

      after = mi_test_read_file (path, &after_len);
      if (before_len != after_len || memcmp (before, after, before_len) != 0)
        g_error ("%s changed on a save with no edit", path);
    }
}

static void
test_fixtures (void)
{
  const char *fixtures[] = {
    "lowercase-words", "readme-only", "missing-files", "extra-sections",
    "aligned-table", "crlf", "bom", "no-conventions",
  };
  guint n_issues = 0;

  for (guint i = 0; i <= G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *source = mi_test_fixture_path (i == G_N_ELEMENTS (fixtures) ? "example"
                                                                                 : fixtures[i]);
      g_autofree char *tmp = mi_test_copy_tree (source);
      g_autofree char *issues_path = g_build_filename (tmp, "docs", "meta-issues", NULL);
      g_autoptr(GDir) dir = g_dir_open (issues_path, 0, NULL);
      g_autoptr(GHashTable) before = mi_test_read_tree (tmp);
      g_autoptr(GHashTable) after = NULL;
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (issues_path, name, NULL);
          g_autoptr(GFile) folder = g_file_new_for_path (path);

          assert_issue_round_trip (folder);
          n_issues++;
        }

      /* The whole tree, byte for byte, and no file more. */
      after = mi_test_read_tree (tmp);
      mi_test_assert_same_tree (before, after);

      mi_test_remove_tree (tmp);
    }

  g_assert_cmpuint (n_issues, ==, G_N_ELEMENTS (fixtures) + 1);
}

/* The markdown of each `example` block of the spec, with → as a tab. */
static GPtrArray *
read_spec_examples (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SPEC_PATH);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) raw = g_file_read (file, NULL, &error);
  g_autoptr(GConverter) gunzip = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  GPtrArray *examples = g_ptr_array_new_with_free_func (g_free);
  GString *current = NULL;
  gboolean in_markdown = FALSE;
  char *line;

  g_assert_no_error (error);
  gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  stream = g_converter_input_stream_new (G_INPUT_STREAM (raw), gunzip);
  data = g_data_input_stream_new (stream);
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_LF);

  while ((line = g_data_input_stream_read_line (data, NULL, NULL, &error)) != NULL)
    {
      if (g_str_has_prefix (line, "````````````````````````````````") && strstr (line, "example") != NULL)
        {
          current = g_string_new (NULL);
          in_markdown = TRUE;
        }
      else if (current != NULL && in_markdown && g_str_equal (line, "."))
        in_markdown = FALSE;
      else if (current != NULL && g_str_has_prefix (line, "````````````````````````````````"))
        {
          g_autofree char *text = g_string_free (current, FALSE);
          g_auto(GStrv) parts = g_strsplit (text, "→", -1);

          g_ptr_array_add (examples, g_strjoinv ("\t", parts));
          current = NULL;
        }
      else if (current != NULL && in_markdown)
        {
          g_string_append (current, line);
          g_string_append_c (current, '\n');
        }
      g_free (line);
    }
  g_assert_no_error (error);

  return examples;
}

static void
test_gfm_spec (void)
{
  g_autoptr(GPtrArray) examples = NULL;
  g_autofree char *tmp = NULL;

  if (!g_file_test (SPEC_PATH, G_FILE_TEST_EXISTS))
    {
      /* build-aux/dev installs the cmark-gfm package, which ships it. */
      g_test_fail_printf ("%s is missing: install the cmark-gfm package", SPEC_PATH);
      return;
    }

  examples = read_spec_examples ();
  g_assert_cmpuint (examples->len, >, 600);

  tmp = mi_test_make_tmp (NULL, "mi-spec");

  for (guint i = 0; i < examples->len; i++)
    {
      const char *markdown = g_ptr_array_index (examples, i);
      g_autofree char *name = g_strdup_printf ("example-%03u", i + 1);
      g_autofree char *folder_path = g_build_filename (tmp, name, NULL);
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

      for (guint f = 0; f < G_N_ELEMENTS (issue_files); f++)
        mi_test_write_text (folder_path, issue_files[f], markdown);

      assert_issue_round_trip (folder);
      mi_test_remove_tree (folder_path);
    }

  mi_test_remove_tree (tmp);
}

/* Arbitrary bytes: NULs, lone CRs, invalid UTF-8, a BOM in the middle. */
static void
test_odd_bytes (void)
{
  static const char odd[] =
    "\xEF\xBB\xBF# Meta-Issue: \xff\xfe odd\r**Status:** \x01Open\r\n\r\n"
    "| Attempt | Date |\n|---|---|\n| 001 \xc3\x28 | x |\n\0after a NUL\n"
    "## TC-001: \xe2\x82 broken\n**Results:**\n- Attempt 001: 12\xef\xbb\xbf ms (PASS)\n";
  g_autofree char *tmp = mi_test_make_tmp (NULL, "mi-odd");

  for (guint f = 0; f < G_N_ELEMENTS (issue_files); f++)
    {
      g_autofree char *path = g_build_filename (tmp, issue_files[f], NULL);

      mi_test_write_file (path, odd, sizeof odd - 1);
    }

  {
    g_autoptr(GFile) folder = g_file_new_for_path (tmp);

    assert_issue_round_trip (folder);
  }
  mi_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roundtrip/fixtures", test_fixtures);
  g_test_add_func ("/roundtrip/gfm-spec", test_gfm_spec);
  g_test_add_func ("/roundtrip/odd-bytes", test_odd_bytes);

  return g_test_run ();
}
