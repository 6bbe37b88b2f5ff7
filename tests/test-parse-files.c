/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * What a tolerant parser reads when files are missing or their bytes are
 * unusual: a README alone, missing files, CRLF line ends, a BOM, a free
 * form with invalid UTF-8; as written down in tests/fixtures/EXPECTED.md.
 * Each fixture is opened the way the application opens a folder, and
 * everything is read back through the public getters.
 *
 * Assertions are non-fatal: a test reports every mismatch of its fixture
 * ("<fixture>: <what>: expected …, read …"), not only the first one
 * (mi-test-parse.c).
 */

#include "config.h"

#include "mi-test-parse.h"

static void
test_readme_only (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("readme-only", "tests/fixtures/readme-only");
  static const char * const symptoms[] = {
    "Slow start only when the project lives on an encrypted home directory",
    "The window appears, then stays blank until indexing finishes",
    NULL
  };
  MiIssue *issue = get_issue (workspace, "just-started");

  if (issue == NULL)
    return;

  assert_issue (issue, "Just Started", MI_STATUS_OPEN, 0, "Open", "2025-06-01", 0, NULL);
  assert_counts (issue, 0, 0, 0, 0, 0);
  assert_sections (issue, "Opening a large project takes 40-90 s on some laptops", NULL, NULL, NULL);
  assert_symptoms (issue, symptoms);

  for (MiIssueFile f = MI_ISSUE_FILE_DESCRIPTION; f < MI_ISSUE_N_FILES; f++)
    {
      MiDocument *doc = mi_issue_get_document (issue, f);
      g_autofree char *name = file_basename (mi_issue_get_file (issue, f));

      check_true (name, doc == NULL || !mi_document_get_exists (doc), "missing", "present");
    }

  assert_all_strings_clean (issue);
}

static void
test_missing_files (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("missing-files", "tests/fixtures/missing-files");
  static const guint log_counts[] = { 0, 4, 0 };
  MiIssue *issue = get_issue (workspace, "memory-leak");
  MiAttempt *a;

  if (issue == NULL)
    return;

  assert_issue (issue, "Thumbnail Worker Memory Leak", MI_STATUS_ABANDONED, 0, "Abandoned",
                "2025-01-13", 2, "3 weeks");
  assert_counts (issue, 2, 0, 0, 0, 4);
  assert_sections (issue, "The thumbnail worker grew by ~60MB per hour", NULL, NULL, NULL);

  a = assert_attempt (issue, 0, 1, "Valgrind Hunt", MI_OUTCOME_FAILED, "❌ Failed (no leak found under valgrind)",
                      "2025-01-13 to 2025-01-20", "2025-01-13", "2025-01-20");
  assert_attempt_files (a, "001-valgrind", TRUE, FALSE);
  assert_attempt_texts (a, ANY, ANY,
                        "Memory is reachable at exit; it is fragmentation or a cache, not a lost pointer");
  /* Title from the timeline; its Date and Result cells are "-". */
  a = assert_attempt (issue, 1, 2, "Arena allocator", MI_OUTCOME_PENDING, NULL, NULL, NULL, NULL);
  assert_attempt_files (a, "002-arena", FALSE, FALSE);
  assert_attempt_texts (a, NULL, NULL, NULL);

  for (MiIssueFile f = MI_ISSUE_FILE_DESCRIPTION; f < MI_ISSUE_N_FILES; f++)
    {
      MiDocument *doc = mi_issue_get_document (issue, f);
      g_autofree char *name = file_basename (mi_issue_get_file (issue, f));
      gboolean present = doc != NULL && mi_document_get_exists (doc);
      gboolean expected = f == MI_ISSUE_FILE_LOG;

      check_true (name, present == expected, expected ? "present" : "missing", present ? "present" : "missing");
    }

  assert_log_counts (issue, log_counts, 2);
  assert_log_entry (issue, 0, 1, "2025-01-13", "Ran the worker under");

  assert_all_strings_clean (issue);
}

static void
test_crlf (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("crlf", "tests/fixtures/crlf");
  static const guint log_counts[] = { 0, 3, 1 };
  MiIssue *issue = get_issue (workspace, "windows-paths");
  MiAttempt *a;
  MiTestCase *tc;

  if (issue == NULL)
    return;

  assert_issue (issue, "Windows Path Handling", MI_STATUS_IN_PROGRESS, 0, "In Progress",
                "2025-05-05", 2, NULL);
  assert_counts (issue, 2, 2, 1, 1, 4);
  assert_sections (issue, "Importing a project on Windows fails for some files",
                   "Two separate faults", NULL, NULL);

  a = assert_attempt (issue, 0, 1, "Normalize Separators", MI_OUTCOME_FAILED, "❌ Failed (1.1% of files still fail)",
                      "2025-05-05 to 2025-05-09", "2025-05-05", "2025-05-09");
  assert_attempt_files (a, "001-normalize", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "No import failures.", "Long paths are a second, separate fault");
  a = assert_attempt (issue, 1, 2, "Extended-Length Paths", MI_OUTCOME_IN_PROGRESS, "🔄 In progress",
                      "2025-05-12 to ?", "2025-05-12", NULL);
  assert_attempt_files (a, NULL, FALSE, FALSE);

  assert_hypothesis (issue, 0, 1, "2025-05-05", "Separators", ANY);
  assert_hypothesis (issue, 1, 2, "2025-05-12", "Long Paths",
                     "Win32 file APIs reject paths over MAX_PATH without the extended-length prefix.");

  tc = assert_test_case (issue, 0, "TC-001", "Sample Project Import on Windows", NULL, 1);
  assert_result (tc, 0, 1, "1.1%", 1.1, "%", MI_DIMENSION_RATIO, 1.1, MI_VERDICT_FAIL);
  if (tc != NULL)
    check_true ("TC-001 procedure", g_str_has_suffix (mi_test_case_get_procedure (tc) ? mi_test_case_get_procedure (tc) : "",
                                                      "count files that fail to import."),
                "text ending \"count files that fail to import.\"",
                mi_test_case_get_procedure (tc) ? mi_test_case_get_procedure (tc) : "NULL");

  assert_criterion (issue, 0, "Import failures", "< 0.1%", MI_OP_LT, 0.1, "%", MI_DIMENSION_RATIO, 0.1, NULL);

  assert_log_counts (issue, log_counts, 2);
  assert_log_entry (issue, 2, 1, "2025-05-09", "Every remaining failure is over 260 characters. Closed as failed.");

  assert_all_strings_clean (issue);
}

static void
test_bom (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("bom", "tests/fixtures/bom");
  static const guint log_counts[] = { 0, 3 };
  MiIssue *issue = get_issue (workspace, "encoding-bug");
  MiAttempt *a;
  MiTestCase *tc;

  if (issue == NULL)
    return;

  assert_issue (issue, "CSV Import Encoding Bug", MI_STATUS_RESOLVED, 1, "Resolved (Attempt 001)",
                "2025-07-14", 1, NULL);
  assert_counts (issue, 1, 1, 1, 1, 3);
  assert_sections (issue, "CSV files exported from a spreadsheet on Windows",
                   "The importer assumed UTF-8 without BOM. Real exports have a BOM, or are not UTF-8.",
                   NULL, "Attempt 001: strip a leading BOM");

  a = assert_attempt (issue, 0, 1, "Detect Encoding", MI_OUTCOME_SUCCESS, "✅ Success (38/38 files)",
                      "2025-07-14 to 2025-07-16", "2025-07-14", "2025-07-16");
  assert_attempt_files (a, "001-detect-encoding", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "All 38 sample files import with correct headers and names.",
                        "Strip the BOM, validate, fall back");

  assert_hypothesis (issue, 0, 1, "2025-07-14", "BOM and Legacy Encodings",
                     "The BOM ends up in the first header cell, and Windows-1252 bytes are read as UTF-8.");

  tc = assert_test_case (issue, 0, "TC-001", "Support Sample Set", ">= 100%", 1);
  assert_result (tc, 0, 1, "100%", 100, "%", MI_DIMENSION_RATIO, 100, MI_VERDICT_PASS);

  assert_criterion (issue, 0, "Sample files imported correctly", ">= 100%", MI_OP_GE, 100, "%",
                    MI_DIMENSION_RATIO, 100, NULL);

  assert_log_counts (issue, log_counts, 1);
  assert_log_entry (issue, 0, 1, "2025-07-14", "Collected 38 problem files from support");

  assert_all_strings_clean (issue);
}

static void
test_no_conventions (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("no-conventions", "tests/fixtures/no-conventions");
  MiIssue *issue = get_issue (workspace, "free-form");
  static const struct {
    MiIssueFile  file;
    gsize        size;
    gboolean     utf8;
  } files[] = {
    { MI_ISSUE_FILE_DESCRIPTION, 440, FALSE },
    { MI_ISSUE_FILE_LOG,           0, TRUE },
    { MI_ISSUE_FILE_TEST_CASES,   17, TRUE },
  };

  if (issue == NULL)
    return;

  /* No "Meta-Issue:" prefix: the first level-1 heading as written. */
  assert_issue (issue, "Notes", MI_STATUS_UNKNOWN, 0, NULL, NULL, -1, NULL);
  assert_counts (issue, 0, 0, 0, 0, 0);
  assert_sections (issue, NULL, NULL, NULL, NULL);

  /* The files are read as they are, the invalid UTF-8 included. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      MiDocument *doc = mi_issue_get_document (issue, files[i].file);
      g_autofree char *name = file_basename (mi_issue_get_file (issue, files[i].file));
      GBytes *bytes;

      if (!check_true (name, doc != NULL && mi_document_get_exists (doc), "present", "missing"))
        continue;
      bytes = mi_document_get_bytes (doc);
      check_uint (name, bytes ? g_bytes_get_size (bytes) : 0, files[i].size);
      check_true (name, mi_document_is_utf8 (doc) == files[i].utf8,
                  files[i].utf8 ? "valid UTF-8" : "not UTF-8",
                  files[i].utf8 ? "not UTF-8" : "valid UTF-8");
    }

  assert_all_strings_clean (issue);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/parse/readme-only", test_readme_only);
  g_test_add_func ("/parse/missing-files", test_missing_files);
  g_test_add_func ("/parse/crlf", test_crlf);
  g_test_add_func ("/parse/bom", test_bom);
  g_test_add_func ("/parse/no-conventions", test_no_conventions);

  return mi_test_parse_run ();
}
