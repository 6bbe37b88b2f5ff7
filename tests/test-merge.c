/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * Carrying a structured edit into text with unsaved changes of its own:
 * the text that results, and the refusals when the two changes meet. Then
 * the write guards: a guard that says no leaves every file as it was.
 */

/* Applies what mi_text_rebase() found to @mine: the text an editor shows. */
static char *
rebase (const char *base,
        const char *mine,
        const char *theirs)
{
  MiTextSpan span;
  GString *out;

  if (!mi_text_rebase (base, strlen (base), mine, strlen (mine), theirs, strlen (theirs), &span))
    return NULL;

  g_assert_cmpuint (span.offset + span.length, <=, strlen (mine));
  g_assert_cmpuint (span.text_offset + span.text_length, <=, strlen (theirs));
  out = g_string_new_len (mine, span.offset);
  g_string_append_len (out, theirs + span.text_offset, span.text_length);
  g_string_append (out, mine + span.offset + span.length);

  return g_string_free (out, FALSE);
}

#define assert_rebase(base, mine, theirs, expected) \
  G_STMT_START { \
    g_autofree char *_got = rebase ((base), (mine), (theirs)); \
    g_assert_cmpstr (_got, ==, (expected)); \
  } G_STMT_END

static void
test_rebase_apart (void)
{
  const char *base = "# Title\n\n**Status:** open\n\n## Log\n\nfirst\n";

  /* Theirs before mine, theirs after mine. */
  assert_rebase (base,
                 "# Title\n\n**Status:** open\n\n## Log\n\nfirst, typed\n",
                 "# Title\n\n**Status:** resolved\n\n## Log\n\nfirst\n",
                 "# Title\n\n**Status:** resolved\n\n## Log\n\nfirst, typed\n");
  assert_rebase (base,
                 "# A longer title\n\n**Status:** open\n\n## Log\n\nfirst\n",
                 "# Title\n\n**Status:** open\n\n## Log\n\nfirst\n\nsecond\n",
                 "# A longer title\n\n**Status:** open\n\n## Log\n\nfirst\n\nsecond\n");
  /* Mine deleted text before theirs. */
  assert_rebase (base,
                 "**Status:** open\n\n## Log\n\nfirst\n",
                 "# Title\n\n**Status:** open\n\n## Log\n\nfirst\nsecond\n",
                 "**Status:** open\n\n## Log\n\nfirst\nsecond\n");
  /* Nothing of theirs, or nothing of mine. */
  assert_rebase (base, "typed\n", base, "typed\n");
  assert_rebase (base, base, "theirs\n", "theirs\n");
  /* Multi-byte characters: the change lands on character boundaries. */
  assert_rebase ("é\nà\nü\n", "é!\nà\nü\n", "é\nà\nü?\n", "é!\nà\nü?\n");
  assert_rebase ("\xc3\xa9\n-\n\xc3\xa9\n", "\xc3\xa8\n-\n\xc3\xa9\n", "\xc3\xa9\n-\n\xc3\xa0\n",
                 "\xc3\xa8\n-\n\xc3\xa0\n");
  /* CR LF stays whole. */
  assert_rebase ("a\r\nb\r\nc\r\n", "a!\r\nb\r\nc\r\n", "a\r\nb\r\nc\r\nd\r\n", "a!\r\nb\r\nc\r\nd\r\n");
}

/* Where a common beginning or end would cut a character or a CR LF in
 * two, the difference grows to keep it whole. */
static void
test_difference_boundaries (void)
{
  MiTextSpan span;

  /* A CR becomes CR CR LF: the common beginning stops before the CR. */
  span = mi_text_difference ("a\r\n", 3, "a\r\r\n", 4);
  g_assert_cmpuint (span.offset, ==, 1);
  /* é (C3 A9) and © (C2 A9) share their last byte: the common end is empty. */
  span = mi_text_difference ("x\xc3\xa9", 3, "x\xc2\xa9", 3);
  g_assert_cmpuint (span.offset, ==, 1);
  g_assert_cmpuint (span.length, ==, 2);
  g_assert_cmpuint (span.text_length, ==, 2);
  /* è and é share their first byte: the common beginning is empty. */
  span = mi_text_difference ("\xc3\xa8y", 3, "\xc3\xa9y", 3);
  g_assert_cmpuint (span.offset, ==, 0);
  g_assert_cmpuint (span.length, ==, 2);
  /* An LF added after a CR: the CR LF that results is not split. */
  span = mi_text_difference ("a\rb", 3, "a\r\nb", 4);
  g_assert_cmpuint (span.offset, ==, 1);
  g_assert_cmpuint (span.length, ==, 1);
  g_assert_cmpuint (span.text_length, ==, 2);
}

static void
test_rebase_meeting (void)
{
  const char *base = "one\ntwo\nthree\n";
  MiTextSpan span;

  /* The same word; touching spans; an insertion where mine is. */
  g_assert_null (rebase (base, "one\nTWO\nthree\n", "one\n2\nthree\n"));
  g_assert_null (rebase (base, "one\ntwo\nthree\nmine\n", "one\ntwo\nthree\ntheirs\n"));
  g_assert_null (rebase (base, "one\ntwoX\nthree\n", "one\ntwoY\nthree\n"));
  /* Mine at both ends spans the whole text: anything of theirs meets it. */
  g_assert_null (rebase (base, "ONE\ntwo\nthreE\n", "one\nTwo\nthree\n"));
  g_assert_false (mi_text_rebase (base, strlen (base), "x", 1, "y", 1, &span));
}

/* Guards */

typedef struct
{
  char  *vetoed;   /* basename of the file to refuse */
  guint  n_calls;
  guint  n_written;
  char  *before;
  char  *after;
  char  *written;  /* what the last notification said was written */
} GuardData;

static gboolean
guard_cb (GFile    *file,
          GBytes   *before,
          GBytes   *after,
          gpointer  user_data,
          GError  **error)
{
  GuardData *data = user_data;
  g_autofree char *name = g_file_get_basename (file);

  data->n_calls++;
  g_clear_pointer (&data->before, g_free);
  g_clear_pointer (&data->after, g_free);
  data->before = before ? g_strndup (g_bytes_get_data (before, NULL), g_bytes_get_size (before)) : NULL;
  data->after = g_strndup (g_bytes_get_data (after, NULL), g_bytes_get_size (after));

  if (g_strcmp0 (name, data->vetoed) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, "%s is busy", name);
      return FALSE;
    }
  return TRUE;
}

static void
written_cb (GFile    *file,
            GBytes   *before,
            GBytes   *after,
            gpointer  user_data)
{
  GuardData *data = user_data;

  data->n_written++;
  g_clear_pointer (&data->written, g_free);
  data->written = g_strndup (g_bytes_get_data (after, NULL), g_bytes_get_size (after));
}

static void
test_guard (void)
{
  g_autofree char *source = mi_test_source_path ("tests", "fixtures", "crlf", NULL);
  g_autofree char *tmp = mi_test_copy_tree (source);
  g_autoptr(GFile) root = g_file_new_for_path (tmp);
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(MiIssue) issue = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  GuardData data = { .vetoed = "README.md" };
  GHashTableIter iter;
  gpointer path, bytes;
  guint id;

  workspace = mi_workspace_open (root, NULL, &error);
  g_assert_no_error (error);
  issue = g_list_model_get_item (G_LIST_MODEL (workspace), 0);
  before = mi_test_read_tree (tmp);

  id = mi_write_guard_add (guard_cb, written_cb, &data);

  /* Adding an attempt writes three files; the README is refused, so none
   * is written and no folder is made. */
  g_assert_null (mi_issue_add_attempt (issue, "Guarded", "Nothing lands", "2024-12-01", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==, "README.md is busy");
  g_clear_error (&error);
  g_assert_cmpuint (data.n_written, ==, 0);
  /* The same files and folders: no attempt folder made either. */
  after = mi_test_read_tree (tmp);
  mi_test_assert_same_tree (before, after);
  g_clear_pointer (&after, g_hash_table_unref);

  /* A log entry is not the README's business: the guard sees the bytes
   * before and after and lets it through. */
  data.n_calls = 0;
  g_assert_true (mi_issue_add_log_entry (issue, "Guard passed", "2024-12-01", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.n_calls, ==, 1);
  g_assert_cmpuint (data.n_written, ==, 1);
  g_assert_cmpstr (data.written, ==, data.after);
  g_assert_nonnull (data.before);
  g_assert_null (strstr (data.before, "Guard passed"));
  g_assert_nonnull (strstr (data.after, "**2024-12-01:** Guard passed"));
  after = mi_test_read_tree (tmp);
  g_hash_table_iter_init (&iter, after);
  {
    gboolean found = FALSE;

    while (g_hash_table_iter_next (&iter, &path, &bytes))
      if (g_str_has_suffix (path, "implementation-log.md"))
        {
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data.after, strlen (data.after));
          found = TRUE;
        }
    g_assert_true (found);
  }

  /* Removed, it is asked no more. */
  mi_write_guard_remove (id);
  data.n_calls = 0;
  g_assert_true (mi_issue_set_status (issue, MI_STATUS_RESOLVED, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.n_calls, ==, 0);

  g_assert_cmpuint (data.n_written, ==, 1);
  g_free (data.before);
  g_free (data.after);
  g_free (data.written);
  g_clear_object (&issue);
  g_clear_object (&workspace);
  mi_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/rebase/apart", test_rebase_apart);
  g_test_add_func ("/merge/rebase/meeting", test_rebase_meeting);
  g_test_add_func ("/merge/difference/boundaries", test_difference_boundaries);
  g_test_add_func ("/merge/guard", test_guard);

  return g_test_run ();
}
