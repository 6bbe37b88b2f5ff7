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
  guint  n_calls;    /* claims asked for */
  guint  n_written;
  char  *readme;     /* the unsaved README an editor holds, or NULL */
  char  *before;     /* what the last file-written said */
  char  *after;
} ClaimData;

static char *
bytes_dup (GBytes *bytes)
{
  return bytes != NULL ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : NULL;
}

static void
collect_claims_cb (MiWorkspace *workspace,
                   GFile       *folder,
                   GPtrArray   *claims,
                   ClaimData   *data)
{
  g_autoptr(GFile) readme = g_file_get_child (folder, "README.md");
  g_autoptr(GBytes) base = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  data->n_calls++;
  if (data->readme == NULL)
    return;
  g_assert_true (g_file_get_contents (g_file_peek_path (readme), &contents, &len, NULL));
  base = g_bytes_new_take (g_steal_pointer (&contents), len);
  g_ptr_array_add (claims, mi_claim_new (readme, "README.md", base, data->readme, FALSE));
}

static void
file_written_cb (MiWorkspace *workspace,
                 GFile       *file,
                 GBytes      *before,
                 GBytes      *after,
                 ClaimData   *data)
{
  data->n_written++;
  g_clear_pointer (&data->before, g_free);
  g_clear_pointer (&data->after, g_free);
  data->before = bytes_dup (before);
  data->after = bytes_dup (after);
}

/* An editor's unsaved README, a claim: an edit that would meet it writes
 * nothing; one apart from it goes ahead and tells what it wrote. */
static void
test_claims (void)
{
  g_autofree char *source = mi_test_source_path ("tests", "fixtures", "crlf", NULL);
  g_autofree char *tmp = mi_test_copy_tree (source);
  g_autoptr(GFile) root = g_file_new_for_path (tmp);
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(MiIssue) issue = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *readme_path = NULL;
  g_autofree char *readme = NULL;
  ClaimData data = { 0 };
  GHashTableIter iter;
  gpointer path, bytes;
  gulong claims_id, written_id;
  char *status;

  workspace = mi_workspace_open (root, NULL, &error);
  g_assert_no_error (error);
  issue = g_list_model_get_item (G_LIST_MODEL (workspace), 0);
  before = mi_test_read_tree (tmp);

  /* The unsaved text changes the status, where adding an attempt writes
   * too ("In Progress (Attempt 003)"). */
  readme_path = g_build_filename (tmp, "docs", "meta-issues", "windows-paths", "README.md", NULL);
  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  status = strstr (readme, "**Status:** In Progress");
  g_assert_nonnull (status);
  data.readme = g_strdup (readme);
  memcpy (data.readme + (status - readme), "**Status:** In Progresz", strlen ("**Status:** In Progresz"));

  claims_id = g_signal_connect (workspace, "collect-claims", G_CALLBACK (collect_claims_cb), &data);
  written_id = g_signal_connect (workspace, "file-written", G_CALLBACK (file_written_cb), &data);

  /* Adding an attempt writes three files; the README is claimed, so none
   * is written and no folder is made. */
  g_assert_null (mi_issue_add_attempt (issue, "Claimed", "Nothing lands", "2024-12-01", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "README.md"));
  g_clear_error (&error);
  g_assert_cmpuint (data.n_calls, ==, 1);
  g_assert_cmpuint (data.n_written, ==, 0);
  /* The same files and folders: no attempt folder made either. */
  after = mi_test_read_tree (tmp);
  mi_test_assert_same_tree (before, after);
  g_clear_pointer (&after, g_hash_table_unref);

  /* A log entry is not the README's business: it goes ahead, and the
   * workspace says what it wrote. */
  g_assert_true (mi_issue_add_log_entry (issue, "Claim passed", "2024-12-01", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.n_calls, ==, 2);
  g_assert_cmpuint (data.n_written, ==, 1);
  g_assert_nonnull (data.before);
  g_assert_null (strstr (data.before, "Claim passed"));
  g_assert_nonnull (strstr (data.after, "**2024-12-01:** Claim passed"));
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

  /* A change apart from the unsaved one is carried: the title line. */
  g_clear_pointer (&data.readme, g_free);
  g_clear_pointer (&readme, g_free);
  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  data.readme = g_strconcat (readme, "Unsaved words at the end.\r\n", NULL);
  g_assert_true (mi_issue_set_status (issue, MI_STATUS_ABANDONED, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.n_written, ==, 2);
  g_assert_nonnull (strstr (data.after, "**Status:** Abandoned"));

  /* Disconnected, it is asked no more. */
  g_signal_handler_disconnect (workspace, claims_id);
  g_signal_handler_disconnect (workspace, written_id);
  data.n_calls = 0;
  g_assert_true (mi_issue_set_status (issue, MI_STATUS_RESOLVED, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.n_calls, ==, 0);
  g_assert_cmpuint (data.n_written, ==, 2);

  g_free (data.readme);
  g_free (data.before);
  g_free (data.after);
  g_clear_object (&issue);
  g_clear_object (&workspace);
  mi_test_remove_tree (tmp);
}

/* Unsaved text of a file not written yet meets an edit that creates it;
 * a claimed file is in the way of moving its folder, and only its own. */
static void
test_claim_rules (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/tmp/ws/docs/meta-issues/a/attempts/002-x");
  g_autoptr(GFile) other = g_file_new_for_path ("/tmp/ws/docs/meta-issues/a/attempts/003-y");
  g_autoptr(GFile) file = g_file_get_child (folder, "attempt-results.md");
  g_autoptr(GBytes) after = g_bytes_new_static ("# Results\n", 10);
  g_autoptr(GBytes) base = g_bytes_new_static ("# Results\n", 10);
  g_autoptr(MiClaim) unborn = mi_claim_new (file, "attempt-results.md", NULL, "Typed first", FALSE);
  g_autoptr(MiClaim) saved = mi_claim_new (file, "attempt-results.md", base, "# Results\n", FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_false (mi_claim_allows (unborn, NULL, after, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);

  /* The same text as on disk: nothing unsaved meets the edit. */
  g_assert_true (mi_claim_allows (saved, base, after, &error));
  g_assert_no_error (error);

  g_assert_false (mi_claim_check_moved (saved, folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "attempt-results.md"));
  g_clear_error (&error);
  g_assert_true (mi_claim_check_moved (saved, other, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/rebase/apart", test_rebase_apart);
  g_test_add_func ("/text/rebase/meeting", test_rebase_meeting);
  g_test_add_func ("/text/difference/boundaries", test_difference_boundaries);
  g_test_add_func ("/text/claims", test_claims);
  g_test_add_func ("/text/claim-rules", test_claim_rules);

  return g_test_run ();
}
