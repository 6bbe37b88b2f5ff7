/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <glib/gstdio.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * MiDocument: one file as bytes. What a user gets: the bytes on disk after a
 * save, exactly; a save that never leaves a half-written or temporary file;
 * a save refused, with the other program's bytes kept, when the file changed
 * on disk since it was read.
 */

typedef struct
{
  char *dir;    /* a temporary folder of its own */
  char *path;   /* dir/README.md */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = mi_test_make_tmp (NULL, "mi-test-document");
  fixture->path = g_build_filename (fixture->dir, "README.md", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_chmod (fixture->dir, 0755);
  mi_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
assert_file_bytes (const char *path,
                   const char *data,
                   gsize       len)
{
  gsize got_len = 0;
  g_autofree char *got = mi_test_read_file (path, &got_len);

  g_assert_nonnull (got);
  g_assert_cmpmem (got, got_len, data, len);
}

static void
assert_file_text (const char *path,
                  const char *text)
{
  assert_file_bytes (path, text, strlen (text));
}

static MiDocument *
load_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MiDocument) doc = mi_document_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (mi_document_load (doc, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&doc);
}

static MiDocument *
document_for_text (const char *text,
                   gssize      len)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/mi-test/README.md");

  return mi_document_new_for_text (file, text, len);
}

/* ---------------------------------------------------------------------- */

static void
test_load_existing (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *text = "# Meta-Issue: Test\n\n**Status:** Open\n";
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GFile) file = NULL;
  gsize len = 0;

  mi_test_write_file (fixture->path, text, -1);
  doc = load_document (fixture->path);

  g_assert_true (mi_document_get_exists (doc));
  g_assert_false (mi_document_get_modified (doc));
  g_assert_true (mi_document_is_utf8 (doc));
  g_assert_cmpmem (mi_document_get_text (doc, &len), len, text, strlen (text));
  g_assert_cmpuint (g_bytes_get_size (mi_document_get_bytes (doc)), ==, strlen (text));
  g_assert_cmpuint (mi_document_get_n_lines (doc), ==, 3);

  file = g_file_new_for_path (fixture->path);
  g_assert_true (g_file_equal (mi_document_get_file (doc), file));
}

static void
test_load_empty_file (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(MiDocument) doc = NULL;
  gsize len = 1;

  mi_test_write_file (fixture->path, "", 0);
  doc = load_document (fixture->path);

  /* An empty file is there: it exists, with no text. */
  g_assert_true (mi_document_get_exists (doc));
  g_assert_nonnull (mi_document_get_text (doc, &len));
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpuint (mi_document_get_n_lines (doc), ==, 0);
}

static void
test_load_missing (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(MiDocument) doc = load_document (fixture->path);
  const char *text;
  gsize len = 1;

  g_assert_false (mi_document_get_exists (doc));
  g_assert_false (mi_document_get_modified (doc));
  text = mi_document_get_text (doc, &len);
  g_assert_nonnull (text);
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpuint (mi_document_get_n_lines (doc), ==, 0);
  g_assert_true (mi_document_is_utf8 (doc));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_load_folder_is_error (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->dir);
  g_autoptr(MiDocument) doc = mi_document_new (file);
  g_autoptr(GError) error = NULL;

  /* A folder is not a missing file: reading it fails. */
  g_assert_false (mi_document_load (doc, NULL, &error));
  g_assert_nonnull (error);
}

static void
test_newline (void)
{
  static const char * const cases[][2] = {
    { "a\nb\n", "\n" },
    { "a\r\nb\r\n", "\r\n" },
    { "a\rb\r", "\r" },
    { "abc", "\n" },
    { "", "\n" },
    { "\xEF\xBB\xBF" "a\r\nb\n", "\r\n" },
    { "a\r", "\r" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MiDocument) doc = document_for_text (cases[i][0], -1);

      g_test_message ("case %u", i);
      g_assert_cmpstr (mi_document_get_newline (doc), ==, cases[i][1]);
    }
}

static void
test_bom_length (void)
{
  g_autoptr(MiDocument) bom = document_for_text ("\xEF\xBB\xBF# T\n", -1);
  g_autoptr(MiDocument) only_bom = document_for_text ("\xEF\xBB\xBF", -1);
  g_autoptr(MiDocument) none = document_for_text ("# T\n", -1);
  g_autoptr(MiDocument) partial = document_for_text ("\xEF\xBB", -1);
  g_autoptr(MiDocument) empty = document_for_text ("", -1);

  g_assert_cmpuint (mi_document_get_bom_length (bom), ==, 3);
  g_assert_cmpuint (mi_document_get_bom_length (only_bom), ==, 3);
  g_assert_cmpuint (mi_document_get_bom_length (none), ==, 0);
  g_assert_cmpuint (mi_document_get_bom_length (partial), ==, 0);
  g_assert_cmpuint (mi_document_get_bom_length (empty), ==, 0);
}

typedef struct
{
  const char *text;
  guint       n_lines;
  /* per line: offset, end without newline, end with newline */
  gsize       lines[4][3];
} LineCase;

static void
test_line_index (void)
{
  static const LineCase cases[] = {
    { "a\nbc\n", 2, { { 0, 1, 2 }, { 2, 4, 5 } } },
    { "a\r\nbc\r\n", 2, { { 0, 1, 3 }, { 3, 5, 7 } } },
    { "a\rbc\r", 2, { { 0, 1, 2 }, { 2, 4, 5 } } },
    { "a\nbc", 2, { { 0, 1, 2 }, { 2, 4, 4 } } },
    { "a\n\nb", 3, { { 0, 1, 2 }, { 2, 2, 3 }, { 3, 4, 4 } } },
    { "\xEF\xBB\xBF" "a\nb", 2, { { 3, 4, 5 }, { 5, 6, 6 } } },
    { "\xEF\xBB\xBF" "a\r\n", 1, { { 3, 4, 6 } } },
    { "\xEF\xBB\xBF", 1, { { 3, 3, 3 } } },
    { "x\r\n\r\ny\rz", 4, { { 0, 1, 3 }, { 3, 3, 5 }, { 5, 6, 7 }, { 7, 8, 8 } } },
    { "", 0, { { 0 } } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LineCase *c = &cases[i];
      g_autoptr(MiDocument) doc = document_for_text (c->text, -1);

      g_test_message ("case %u", i);
      g_assert_cmpuint (mi_document_get_n_lines (doc), ==, c->n_lines);
      for (guint l = 0; l < c->n_lines; l++)
        {
          g_assert_cmpuint (mi_document_line_offset (doc, l + 1), ==, c->lines[l][0]);
          g_assert_cmpuint (mi_document_line_end (doc, l + 1, FALSE), ==, c->lines[l][1]);
          g_assert_cmpuint (mi_document_line_end (doc, l + 1, TRUE), ==, c->lines[l][2]);
        }
      /* One past the last line: the end of the text. */
      g_assert_cmpuint (mi_document_line_offset (doc, c->n_lines + 1), ==,
                        c->n_lines == 0 ? mi_document_get_bom_length (doc) : strlen (c->text));
    }
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const char edited[] = "# T\n\n**Status:** Resolved (Attempt 003)\n";
  static const char shorter[] = "T\n\nintro\n\n**Status:** Resolved (Attempt 003)\n";
  g_autoptr(MiDocument) doc = NULL;
  guint notified = 0;
  const char *text;
  gsize len;

  mi_test_write_file (fixture->path, "# T\n\n**Status:** Open\n", -1);
  doc = load_document (fixture->path);
  g_signal_connect (doc, "notify::modified", G_CALLBACK (mi_test_count_notify_cb), &notified);

  g_assert_cmpuint (mi_document_get_n_lines (doc), ==, 3);
  mi_document_replace (doc, 17, 4, "Resolved (Attempt 003)");
  text = mi_document_get_text (doc, &len);
  g_assert_cmpmem (text, len, edited, sizeof edited - 1);
  g_assert_true (mi_document_get_modified (doc));
  g_assert_cmpuint (notified, ==, 1);

  /* The line index follows the new text. */
  g_assert_cmpuint (mi_document_get_n_lines (doc), ==, 3);
  g_assert_cmpuint (mi_document_line_offset (doc, 3), ==, 5);
  g_assert_cmpuint (mi_document_line_end (doc, 3, FALSE), ==, sizeof edited - 2);
  g_assert_cmpuint (mi_document_line_end (doc, 3, TRUE), ==, sizeof edited - 1);

  /* Modified already: no second notify. Insert a line, delete a span. */
  mi_document_replace (doc, 4, 0, "\nintro\n");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (mi_document_get_n_lines (doc), ==, 5);
  mi_document_replace (doc, 0, 2, "");
  text = mi_document_get_text (doc, &len);
  g_assert_cmpmem (text, len, shorter, sizeof shorter - 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Nothing on disk changed until a save. */
  assert_file_text (fixture->path, "# T\n\n**Status:** Open\n");

  /* Saving clears it, with one more notify. */
  g_assert_true (mi_document_save (doc, NULL, NULL));
  g_assert_false (mi_document_get_modified (doc));
  g_assert_cmpuint (notified, ==, 2);
  assert_file_text (fixture->path, shorter);

  /* Replacing at the very end appends. */
  mi_document_replace (doc, sizeof shorter - 1, 0, "end\n");
  text = mi_document_get_text (doc, &len);
  g_assert_cmpuint (len, ==, sizeof shorter - 1 + 4);
  g_assert_true (g_str_has_suffix (text, "003)\nend\n"));
  g_assert_cmpuint (notified, ==, 3);
}

static void
test_save_exact_bytes (Fixture       *fixture,
                       gconstpointer  user_data)
{
  /* Mixed line endings, a BOM, trailing spaces, no final newline: all kept. */
  static const char text[] = "\xEF\xBB\xBF# T  \r\n\r\n**Status:** Open  \nlast\r";
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  GStatBuf before, after;

  mi_test_write_file (fixture->path, text, sizeof text - 1);
  g_assert_cmpint (g_chmod (fixture->path, 0640), ==, 0);
  g_assert_cmpint (g_stat (fixture->path, &before), ==, 0);

  doc = load_document (fixture->path);
  g_assert_cmpmem (text + 24, 4, "Open", 4);
  mi_document_replace (doc, 24, 4, "Resolved");
  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);

  assert_file_bytes (fixture->path,
                     "\xEF\xBB\xBF# T  \r\n\r\n**Status:** Resolved  \nlast\r",
                     sizeof text - 1 + 4);

  /* Atomic: written next to it, then renamed over it, nothing left behind. */
  names = mi_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "README.md");
  g_assert_cmpint (g_stat (fixture->path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  g_assert_cmpint (after.st_mode & 07777, ==, 0640);
  g_assert_true (mi_document_get_exists (doc));
  g_assert_false (mi_document_get_modified (doc));
}

/* The permission bits of the file are kept whatever the umask: a file
 * shared with the group stays shared after a save. */
static void
test_save_keeps_mode (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const int modes[] = { 0640, 0644, 0664, 0600, 0755 };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(MiDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      GStatBuf st;
      mode_t old_umask;
      gboolean saved;

      mi_test_write_file (fixture->path, "a\n", -1);
      g_assert_cmpint (g_chmod (fixture->path, modes[i]), ==, 0);
      doc = load_document (fixture->path);
      mi_document_replace (doc, 0, 1, "b");

      old_umask = umask (077);
      saved = mi_document_save (doc, NULL, &error);
      umask (old_umask);

      g_assert_no_error (error);
      g_assert_true (saved);
      g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
      g_test_message ("mode %04o under umask 077", modes[i]);
      g_assert_cmpint (st.st_mode & 07777, ==, modes[i]);
      assert_file_text (fixture->path, "b\n");
    }
}

static void
test_save_no_edit (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char text[] = "\xEF\xBB\xBF" "a\r\nb\rc\n\n  \t\n";
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  mi_test_write_file (fixture->path, text, sizeof text - 1);
  doc = load_document (fixture->path);
  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (fixture->path, text, sizeof text - 1);

  /* Twice in a row: the second save compares with what the first wrote. */
  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (fixture->path, text, sizeof text - 1);
}

static void
assert_refused (MiDocument *doc,
                const char *path,
                const char *disk_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *names = NULL;

  g_assert_false (mi_document_save (doc, NULL, &error));
  g_assert_error (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK);
  /* The message names the file. */
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  /* Still unsaved: the user's edit is not lost. */
  g_assert_true (mi_document_get_modified (doc));

  if (disk_text != NULL)
    {
      assert_file_text (path, disk_text);
      names = mi_test_list_dir (dir);
      g_assert_cmpstr (names, ==, "README.md");
    }
  else
    {
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      names = mi_test_list_dir (dir);
      g_assert_cmpstr (names, ==, "");
    }
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  mi_test_write_file (fixture->path, "# T\n\n**Status:** Open\n", -1);
  doc = load_document (fixture->path);
  mi_document_replace (doc, 17, 4, "Resolved");

  /* Another program rewrites the file. */
  mi_test_write_file (fixture->path, "# T\n\n**Status:** In Progress\n", -1);

  assert_refused (doc, fixture->path, "# T\n\n**Status:** In Progress\n");

  /* check_disk says the same, without writing. */
  g_assert_false (mi_document_check_disk (doc, NULL, &error));
  g_assert_error (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  /* After a reload the edit can be made again and saved. */
  g_assert_true (mi_document_load (doc, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (mi_document_get_modified (doc));
  mi_document_replace (doc, 17, 11, "Resolved");
  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_text (fixture->path, "# T\n\n**Status:** Resolved\n");
}

static void
test_changed_same_length (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(MiDocument) doc = NULL;

  /* Same size, same second: only the bytes tell. */
  mi_test_write_file (fixture->path, "status: aaaa\n", -1);
  doc = load_document (fixture->path);
  mi_document_replace (doc, 8, 4, "cccc");
  mi_test_write_file (fixture->path, "status: bbbb\n", -1);

  assert_refused (doc, fixture->path, "status: bbbb\n");
}

static void
test_deleted_meanwhile (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(MiDocument) doc = NULL;

  mi_test_write_file (fixture->path, "# T\n", -1);
  doc = load_document (fixture->path);
  mi_document_replace (doc, 2, 1, "U");
  g_assert_cmpint (g_remove (fixture->path), ==, 0);

  assert_refused (doc, fixture->path, NULL);
}

static void
test_created_meanwhile (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(MiDocument) doc = mi_document_new_for_text (file, "# Mine\n", -1);

  g_assert_false (mi_document_get_exists (doc));
  g_assert_true (mi_document_get_modified (doc));

  mi_test_write_file (fixture->path, "# Theirs\n", -1);
  assert_refused (doc, fixture->path, "# Theirs\n");
}

static void
test_created_meanwhile_after_load (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  /* Loaded while missing, then someone else creates it. */
  g_autoptr(MiDocument) doc = load_document (fixture->path);

  mi_document_replace (doc, 0, 0, "# Mine\n");
  mi_test_write_file (fixture->path, "# Theirs\n", -1);
  assert_refused (doc, fixture->path, "# Theirs\n");
}

static void
test_new_for_text_saves (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(MiDocument) doc = mi_document_new_for_text (file, "# New\r\nx", -1);
  g_autoptr(MiDocument) part = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_text (fixture->path, "# New\r\nx");
  g_assert_true (mi_document_get_exists (doc));
  g_assert_false (mi_document_get_modified (doc));
  names = mi_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "README.md");

  /* An explicit length takes that many bytes, NULs included. */
  g_clear_object (&file);
  file = g_file_new_for_path (fixture->path);
  part = mi_document_new_for_text (file, "ab\0cd", 4);
  g_assert_cmpuint (g_bytes_get_size (mi_document_get_bytes (part)), ==, 4);
  g_assert_cmpmem (g_bytes_get_data (mi_document_get_bytes (part), NULL), 4, "ab\0c", 4);
}

static void
test_identical_rewrite (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  mi_test_write_file (fixture->path, "# T\nsame\n", -1);
  doc = load_document (fixture->path);
  mi_document_replace (doc, 4, 4, "diff");

  /* Another program writes the very same bytes (a new inode, a new mtime):
   * nothing a user could lose, so the save goes on. */
  g_assert_cmpint (g_remove (fixture->path), ==, 0);
  mi_test_write_file (fixture->path, "# T\nsame\n", -1);

  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_text (fixture->path, "# T\ndiff\n");
}

/* Saving into a folder the user cannot write to fails, says so, and leaves
 * the file as it was. Run in a subprocess: as root it drops to "nobody",
 * since root ignores permission bits. */
static void
test_read_only_folder (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("MI_TEST_READ_ONLY_DIR");
      g_autofree char *path = g_build_filename (dir, "README.md", NULL);
      g_autoptr(MiDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *names = NULL;

      if (geteuid () == 0)
        {
          if (setgid (65534) != 0 || setuid (65534) != 0)
            g_error ("Cannot drop root's privileges: %s", g_strerror (errno));
#ifdef __linux__
          /* setuid made the process undumpable; leak checkers need it back. */
          prctl (PR_SET_DUMPABLE, 1, 0, 0, 0);
#endif
        }

      doc = load_document (path);
      g_assert_true (mi_document_get_exists (doc));
      mi_document_replace (doc, 2, 3, "New");

      g_assert_false (mi_document_save (doc, NULL, &error));
      g_assert_nonnull (error);
      g_printerr ("message: %s\n", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_true (mi_document_get_modified (doc));

      assert_file_text (path, "# Old\n");
      names = mi_test_list_dir (dir);
      g_assert_cmpstr (names, ==, "README.md");
      return;
    }
  else
    {
      g_autofree char *dir = mi_test_make_tmp (NULL, "mi-test-document");
      g_autofree char *path = g_build_filename (dir, "README.md", NULL);

      mi_test_write_file (path, "# Old\n", -1);
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

      g_setenv ("MI_TEST_READ_ONLY_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("MI_TEST_READ_ONLY_DIR");

      g_chmod (dir, 0755);
      g_test_trap_assert_passed ();

      assert_file_text (path, "# Old\n");
      mi_test_remove_tree (dir);
    }
}

static void
test_not_utf8 (Fixture       *fixture,
               gconstpointer  user_data)
{
  static const char text[] = "# Caf\xe9\r\n\xff\xfe\x00z\n**Status:** Open\n\x80";
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *got;
  gsize len;

  mi_test_write_file (fixture->path, text, sizeof text - 1);
  doc = load_document (fixture->path);

  g_assert_false (mi_document_is_utf8 (doc));
  got = mi_document_get_text (doc, &len);
  g_assert_cmpmem (got, len, text, sizeof text - 1);
  g_assert_cmpuint (mi_document_get_n_lines (doc), ==, 4);

  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (fixture->path, text, sizeof text - 1);

  /* An edit of one span keeps every other byte. */
  g_assert_cmpmem (text + 25, 4, "Open", 4);
  mi_document_replace (doc, 25, 4, "Resolved");
  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (fixture->path,
                     "# Caf\xe9\r\n\xff\xfe\x00z\n**Status:** Resolved\n\x80",
                     sizeof text - 1 + 4);
}

typedef struct
{
  GMainLoop  *loop;
  GError     *error;
  gboolean    result;
  gboolean    done;
  GThread    *callback_thread;
} AsyncData;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncData *data = user_data;

  data->callback_thread = g_thread_self ();
  data->result = mi_document_save_finish (MI_DOCUMENT (object), result, &data->error);
  data->done = TRUE;
  g_main_loop_quit (data->loop);
}

static void
record_notify_thread_cb (GObject    *object,
                         GParamSpec *pspec,
                         GThread   **thread)
{
  *thread = g_thread_self ();
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData data = { loop, NULL, FALSE, FALSE, NULL };
  GThread *notify_thread = NULL;

  mi_test_write_file (fixture->path, "# T\n\n**Status:** Open\n", -1);
  doc = load_document (fixture->path);
  mi_document_replace (doc, 17, 4, "Resolved");
  g_signal_connect (doc, "notify::modified", G_CALLBACK (record_notify_thread_cb), &notify_thread);

  mi_document_save_async (doc, NULL, save_cb, &data);
  g_assert_false (data.done);
  g_main_loop_run (loop);

  g_assert_true (data.done);
  g_assert_no_error (data.error);
  g_assert_true (data.result);
  g_assert_true (data.callback_thread == g_thread_self ());
  assert_file_text (fixture->path, "# T\n\n**Status:** Resolved\n");
  g_assert_false (mi_document_get_modified (doc));

  /* A view bound to "modified" is told in the thread that runs it. */
  g_assert_nonnull (notify_thread);
  if (notify_thread != g_thread_self ())
    g_test_message ("notify::modified was emitted in a worker thread");
  g_assert_true (notify_thread == g_thread_self ());
}

/* The save writes the text as it was when asked; an edit made while it runs
 * stays unsaved, and the next save is not refused for the first one. */
static void
test_save_async_edit_meanwhile (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  AsyncData data = { loop, NULL, FALSE, FALSE, NULL };

  mi_test_write_file (fixture->path, "one\n", -1);
  doc = load_document (fixture->path);
  mi_document_replace (doc, 0, 3, "two");

  mi_document_save_async (doc, NULL, save_cb, &data);
  mi_document_replace (doc, 0, 3, "three");
  g_main_loop_run (loop);

  g_assert_no_error (data.error);
  g_assert_true (data.result);
  assert_file_text (fixture->path, "two\n");
  g_assert_true (mi_document_get_modified (doc));

  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_text (fixture->path, "three\n");
  g_assert_false (mi_document_get_modified (doc));
}

static void
test_save_async_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData data = { loop, NULL, TRUE, FALSE, NULL };

  mi_test_write_file (fixture->path, "# T\n", -1);
  doc = load_document (fixture->path);
  mi_document_replace (doc, 2, 1, "U");
  mi_test_write_file (fixture->path, "# Theirs\n", -1);

  mi_document_save_async (doc, NULL, save_cb, &data);
  g_main_loop_run (loop);

  g_assert_false (data.result);
  g_assert_error (data.error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&data.error);
  assert_file_text (fixture->path, "# Theirs\n");
  g_assert_true (mi_document_get_modified (doc));
}

static void
test_save_to (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const char text[] = "# T\r\n\xEF\xBB\xBFx\n";
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.md", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) original = NULL;
  g_autofree char *names = NULL;

  mi_test_write_file (fixture->path, text, sizeof text - 1);
  doc = load_document (fixture->path);
  mi_document_replace (doc, 2, 1, "U");

  g_assert_true (mi_document_save_to (doc, copy, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (copy_path, "# U\r\n\xEF\xBB\xBFx\n", sizeof text - 1);

  /* The document and its own file are as they were. */
  assert_file_bytes (fixture->path, text, sizeof text - 1);
  g_assert_true (mi_document_get_modified (doc));
  original = g_file_new_for_path (fixture->path);
  g_assert_true (g_file_equal (mi_document_get_file (doc), original));
  names = mi_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "README.md copy.md");

  /* Over an existing copy too. */
  mi_document_replace (doc, 2, 1, "V");
  g_assert_true (mi_document_save_to (doc, copy, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (copy_path, "# V\r\n\xEF\xBB\xBFx\n", sizeof text - 1);

  /* And the document can still be saved to its own file. */
  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (fixture->path, "# V\r\n\xEF\xBB\xBFx\n", sizeof text - 1);
}

/* Released: the text is read again when needed, the same bytes; a line
 * index and an edit work as before; dup_text leaves it released. */
static void
test_release_restore (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *text = "# Title\r\n\r\n**Status:** Open\r\n\r\nSome text, é and ü.\r\n";
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  mi_test_write_file (fixture->path, text, -1);
  doc = load_document (fixture->path);
  g_assert_false (mi_document_get_released (doc));
  mi_document_release (doc);
  g_assert_true (mi_document_get_released (doc));
  g_assert_true (mi_document_get_exists (doc));
  g_assert_true (mi_document_is_utf8 (doc));
  g_assert_false (mi_document_get_modified (doc));

  /* Checked against the disk by its checksum: still released. */
  g_assert_true (mi_document_check_disk (doc, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mi_document_get_released (doc));

  g_assert_cmpuint (mi_document_get_n_lines (doc), ==, 5);
  g_assert_false (mi_document_get_released (doc));
  g_assert_cmpstr (mi_document_get_newline (doc), ==, "\r\n");
  g_assert_cmpstr (mi_document_get_text (doc, &len), ==, text);

  /* Saving an edit is checked against what was read, and goes through. */
  mi_document_release (doc);
  mi_document_replace (doc, mi_document_line_offset (doc, 3) + strlen ("**Status:** "), strlen ("Open"), "Resolved");
  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_text (fixture->path, "# Title\r\n\r\n**Status:** Resolved\r\n\r\nSome text, é and ü.\r\n");

  /* Edited in memory, it keeps its text. */
  mi_document_replace (doc, 0, 1, "#");
  mi_document_release (doc);
  g_assert_false (mi_document_get_released (doc));
}

/* Changed or deleted by another program while released: the document
 * shows what is there now, and refuses to write over it, until loaded
 * again — as if it had kept its text. */
static void
test_release_changed_on_disk (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(MiDocument) doc = NULL;
  g_autoptr(MiDocument) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "other.md", NULL);

  mi_test_write_file (fixture->path, "# Mine\n\nLine two.\n", -1);
  doc = load_document (fixture->path);
  mi_document_release (doc);

  /* Same length, other bytes: the checksum tells. */
  mi_test_write_file (fixture->path, "# Ours\n\nLine two.\n", -1);
  g_assert_false (mi_document_check_disk (doc, NULL, &error));
  g_assert_error (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  /* It shows what is there now. */
  g_assert_cmpstr (mi_document_get_text (doc, NULL), ==, "# Ours\n\nLine two.\n");

  mi_document_replace (doc, 2, 4, "Theirs");
  g_assert_false (mi_document_save (doc, NULL, &error));
  g_assert_error (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  assert_file_text (fixture->path, "# Ours\n\nLine two.\n");

  /* Loaded again, it is itself again. */
  g_assert_true (mi_document_load (doc, NULL, &error));
  g_assert_cmpstr (mi_document_get_text (doc, NULL), ==, "# Ours\n\nLine two.\n");
  mi_document_replace (doc, 2, 4, "Theirs");
  g_assert_true (mi_document_save (doc, NULL, &error));
  g_assert_no_error (error);
  assert_file_text (fixture->path, "# Theirs\n\nLine two.\n");

  /* Deleted meanwhile. */
  mi_test_write_file (other, "# Other\n", -1);
  gone = load_document (other);
  mi_document_release (gone);
  g_assert_cmpint (g_unlink (other), ==, 0);
  g_assert_true (mi_document_get_exists (gone));
  g_assert_cmpstr (mi_document_get_text (gone, NULL), ==, "");
  g_assert_false (mi_document_save (gone, NULL, &error));
  g_assert_error (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/document/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("load/existing", test_load_existing);
  ADD ("load/empty-file", test_load_empty_file);
  ADD ("load/missing", test_load_missing);
  ADD ("load/folder", test_load_folder_is_error);
  g_test_add_func ("/document/newline", test_newline);
  g_test_add_func ("/document/bom-length", test_bom_length);
  g_test_add_func ("/document/line-index", test_line_index);
  ADD ("replace", test_replace);
  ADD ("save/exact-bytes", test_save_exact_bytes);
  ADD ("save/keeps-mode", test_save_keeps_mode);
  ADD ("save/no-edit", test_save_no_edit);
  ADD ("save/changed-on-disk", test_changed_on_disk);
  ADD ("save/changed-same-length", test_changed_same_length);
  ADD ("save/deleted-meanwhile", test_deleted_meanwhile);
  ADD ("save/created-meanwhile", test_created_meanwhile);
  ADD ("save/created-meanwhile-after-load", test_created_meanwhile_after_load);
  ADD ("save/new-for-text", test_new_for_text_saves);
  ADD ("save/identical-rewrite", test_identical_rewrite);
  g_test_add_func ("/document/save/read-only-folder", test_read_only_folder);
  ADD ("save/not-utf8", test_not_utf8);
  ADD ("save/async", test_save_async);
  ADD ("save/async-edit-meanwhile", test_save_async_edit_meanwhile);
  ADD ("save/async-refused", test_save_async_refused);
  ADD ("save-to", test_save_to);
  ADD ("release/restore", test_release_restore);
  ADD ("release/changed-on-disk", test_release_changed_on_disk);

#undef ADD

  return g_test_run ();
}
