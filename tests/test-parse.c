/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * What a tolerant parser reads from meta-issues written by the
 * conventions, in their variants: the bundled example, lower-case words,
 * extra sections and fenced code, an aligned table; as written down in
 * tests/fixtures/EXPECTED.md. Each fixture is opened the way the
 * application opens a folder, and everything is read back through the
 * public getters. The files missing or odd are test-parse-files.c's.
 *
 * Assertions are non-fatal: a test reports every mismatch of its fixture
 * ("<fixture>: <what>: expected …, read …"), not only the first one
 * (mi-test-parse.c).
 */

#include "config.h"

#include "mi-test-parse.h"

static void
test_example (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("example", "resources/example");
  static const char * const symptoms[] = {
    "Response time >5s under 100 concurrent users (target: <1s)",
    "Memory usage climbing to 4GB+ (target: <512MB)",
    "CPU spiking to 100% during operations (target: <40%)",
    NULL
  };
  static const guint log_counts[] = { 0, 5, 5, 6 };
  MiIssue *issue = get_issue (workspace, "example-performance-saga");
  MiAttempt *a;
  MiTestCase *tc;

  if (issue == NULL)
    return;

  assert_issue (issue, "Performance Optimization Saga", MI_STATUS_RESOLVED, 3,
                "Resolved (Attempt 003)", "2024-09-01", 3, "~6 weeks");
  assert_counts (issue, 3, 3, 3, 4, 16);
  assert_sections (issue,
                   "System performance degraded significantly under realistic load conditions",
                   "The API does not slow down under load",
                   ANY, ANY);
  assert_symptoms (issue, symptoms);

  a = assert_attempt (issue, 0, 1, "Caching Layer", MI_OUTCOME_FAILED, "❌ Failed (2% improvement)",
                      "2024-09-01 to 2024-09-07", "2024-09-01", "2024-09-07");
  assert_attempt_files (a, "001-baseline", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "70%+ cache hit rate", "Processing not the bottleneck");
  a = assert_attempt (issue, 1, 2, "Query Optimization", MI_OUTCOME_PARTIAL, "⚠️ Partial (30% improvement)",
                      "2024-09-15 to 2024-09-25", "2024-09-15", "2024-09-25");
  assert_attempt_files (a, "002-query-optimization", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "Query time per request from ~2,000ms", "Queries slow but not primary issue");
  a = assert_attempt (issue, 2, 3, "Connection Pooling", MI_OUTCOME_SUCCESS, "✅ Success (93% improvement)",
                      "2024-10-01 to 2024-10-12", "2024-10-01", "2024-10-12");
  assert_attempt_files (a, "003-connection-pooling", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "90%+ improvement in response time", "Connection management was root cause");

  assert_hypothesis (issue, 0, 1, "2024-09-01", "Initial Hypothesis",
                     "Data processing is the bottleneck: building report payloads (aggregation, JSON serialisation) for every request burns CPU and time.");
  assert_hypothesis (issue, 1, 2, "2024-09-15", "Refined Hypothesis",
                     "Slow database queries are the bottleneck, and they load the database so heavily that even opening a connection to it becomes slow.");
  assert_hypothesis (issue, 2, 3, "2024-10-01", "Final Understanding",
                     "Connection management plus synchronous blocking is the root cause: a new connection per request, opened and used with blocking calls, serialises the whole process behind the database handshake.");

  tc = assert_test_case (issue, 0, "TC-001", "Load Test (100 users)", NULL, 3);
  assert_result (tc, 0, 1, "5,100ms", 5100, "ms", MI_DIMENSION_TIME, 5100, MI_VERDICT_FAIL);
  assert_result (tc, 1, 2, "3,800ms", 3800, "ms", MI_DIMENSION_TIME, 3800, MI_VERDICT_FAIL);
  assert_result (tc, 2, 3, "380ms", 380, "ms", MI_DIMENSION_TIME, 380, MI_VERDICT_PASS);
  tc = assert_test_case (issue, 1, "TC-002", "Memory Under Sustained Load", "< 512MB (peak)", 3);
  if (tc != NULL)
    assert_measurement (mi_test_case_get_target (tc), "< 512MB (peak)", MI_OP_LT, 512, "MB",
                        MI_DIMENSION_SIZE, 512 * MIB, "peak");
  assert_result (tc, 0, 1, "4.3GB", 4.3, "GB", MI_DIMENSION_SIZE, 4.3 * GIB, MI_VERDICT_FAIL);
  assert_result (tc, 1, 2, "3.9GB", 3.9, "GB", MI_DIMENSION_SIZE, 3.9 * GIB, MI_VERDICT_FAIL);
  assert_result (tc, 2, 3, "280MB", 280, "MB", MI_DIMENSION_SIZE, 280 * MIB, MI_VERDICT_PASS);
  tc = assert_test_case (issue, 2, "TC-003", "CPU Under Load", "< 40% (avg)", 3);
  assert_result (tc, 0, 1, "100%", 100, "%", MI_DIMENSION_RATIO, 100, MI_VERDICT_FAIL);
  assert_result (tc, 1, 2, "85%", 85, "%", MI_DIMENSION_RATIO, 85, MI_VERDICT_FAIL);
  assert_result (tc, 2, 3, "25%", 25, "%", MI_DIMENSION_RATIO, 25, MI_VERDICT_PASS);

  assert_criterion (issue, 0, "Response time", "< 1,000ms (avg)", MI_OP_LT, 1000, "ms", MI_DIMENSION_TIME, 1000, "avg");
  assert_criterion (issue, 1, "Memory", "< 512MB (peak)", MI_OP_LT, 512, "MB", MI_DIMENSION_SIZE, 512 * MIB, "peak");
  assert_criterion (issue, 2, "CPU", "< 40% (avg)", MI_OP_LT, 40, "%", MI_DIMENSION_RATIO, 40, "avg");
  assert_criterion (issue, 3, "Error rate", "< 1%", MI_OP_LT, 1, "%", MI_DIMENSION_RATIO, 1, NULL);

  assert_log_counts (issue, log_counts, 3);
  assert_log_entry (issue, 0, 1, "2024-09-01", "Reproduced the problem on the staging cluster");
  assert_log_entry (issue, 15, 3, "2024-10-12", "Deployed to production behind a gradual rollout");

  assert_all_strings_clean (issue);
}

static void
test_lowercase_words (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("lowercase-words", "tests/fixtures/lowercase-words");
  static const guint log_counts[] = { 0, 3, 2 };
  MiIssue *issue = get_issue (workspace, "flaky-ci");
  MiAttempt *a;
  MiTestCase *tc;

  if (issue == NULL)
    return;

  assert_issue (issue, "Flaky CI", MI_STATUS_IN_PROGRESS, 0, "in progress", "2025-03-02", 2, "ongoing");
  assert_counts (issue, 2, 2, 2, 2, 5);
  assert_sections (issue, NULL, "The flaky tests all reach real hosts", NULL, NULL);

  a = assert_attempt (issue, 0, 1, "retry flaky tests", MI_OUTCOME_FAILED, "Failed (still flaky)",
                      "2025-03-02 to 2025-03-06", "2025-03-02", "2025-03-06");
  assert_attempt_files (a, "001-retry-flaky-tests", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "no red builds caused by flakes", "the failures are network timeouts, not races");
  a = assert_attempt (issue, 1, 2, "isolate network", MI_OUTCOME_IN_PROGRESS, "In progress",
                      "2025-03-10 to ?", "2025-03-10", NULL);
  assert_attempt_files (a, "002-isolate-network", TRUE, TRUE);

  assert_hypothesis (issue, 0, 1, "2025-03-02", "timing-dependent tests",
                     "a few tests have races and fail at random.");
  assert_hypothesis (issue, 1, 2, "2025-03-09", "shared network",
                     "tests depend on real network hosts and on runner load.");

  tc = assert_test_case (issue, 0, "TC-001", "net/ group duration", "<= 5 min", 2);
  if (tc != NULL)
    assert_measurement (mi_test_case_get_target (tc), "<= 5 min", MI_OP_LE, 5, "min",
                        MI_DIMENSION_TIME, 300000, NULL);
  assert_result (tc, 0, 1, "16.8 min", 16.8, "min", MI_DIMENSION_TIME, 1008000, MI_VERDICT_FAIL);
  assert_result (tc, 1, 2, "3.8 s", 3.8, "s", MI_DIMENSION_TIME, 3800, MI_VERDICT_PASS);
  tc = assert_test_case (issue, 1, "TC-002", "flaky failure rate", "< 1%", 1);
  assert_result (tc, 0, 1, "15%", 15, "%", MI_DIMENSION_RATIO, 15, MI_VERDICT_FAIL);

  assert_criterion (issue, 0, "Build time", "<= 5 min", MI_OP_LE, 5, "min", MI_DIMENSION_TIME, 300000, NULL);
  assert_criterion (issue, 1, "flaky failure rate", "< 1%", MI_OP_LT, 1, "%", MI_DIMENSION_RATIO, 1, NULL);

  assert_log_counts (issue, log_counts, 2);
  assert_log_entry (issue, 4, 2, "2025-03-12", "outbound network blocked in the CI container");

  assert_all_strings_clean (issue);
}

static void
test_extra_sections (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("extra-sections", "tests/fixtures/extra-sections");
  static const guint log_counts[] = { 0, 3, 3 };
  MiIssue *issue = get_issue (workspace, "search-relevance");
  GListModel *entries;
  MiAttempt *a;
  MiTestCase *tc;

  if (issue == NULL)
    return;

  assert_issue (issue, "Search Relevance Regression", MI_STATUS_SUPERSEDED, 0, "Superseded",
                "2025-04-07", 2, "5 weeks");
  assert_counts (issue, 2, 3, 2, 2, 6);
  assert_sections (issue, NULL, "The new cluster uses the", NULL, "None here.");

  a = assert_attempt (issue, 0, 1, "Field Boosts", MI_OUTCOME_FAILED, "❌ Failed (nDCG@10 0.71, unchanged)",
                      "2025-04-07 to 2025-04-18", "2025-04-07", "2025-04-18");
  assert_attempt_files (a, "001-field-boosts", TRUE, TRUE);
  assert_attempt_texts (a, ANY, "nDCG@10 back to ~0.84.", "Boosts reorder results but cannot find missing ones");
  /* The fenced example's Date and Result belong to no attempt. */
  a = assert_attempt (issue, 1, 2, "Synonym Expansion", MI_OUTCOME_PARTIAL, "⚠️ Partial (+0.03 nDCG@10 on a sample)",
                      "2025-04-22 to 2025-05-06", "2025-04-22", "2025-05-06");
  assert_attempt_files (a, "002-synonyms", TRUE, TRUE);
  assert_attempt_texts (a, ANY, ANY, "Recall problem confirmed; synonyms only a small part of it");

  /* `## Attempt 009: Not Real` is inside a fenced code block. */
  a = mi_issue_find_attempt (issue, 9);
  check_true ("attempt 009 (fenced code block)", a == NULL, "no such attempt",
              a ? mi_attempt_get_title (a) : "NULL");

  assert_hypothesis (issue, 0, 1, "2025-04-07", "Ranking Weights",
                     "The new cluster's default BM25 parameters and field boosts rank body text over titles.");
  assert_hypothesis (issue, 1, 2, "2025-04-22", "Missing Synonyms",
                     "The synonym list was not migrated, so queries lose recall.");
  assert_hypothesis (issue, 2, 3, "2025-05-06", "Tokenizer (different problem)",
                     "Words with diacritics are split by the tokenizer and never match.");

  tc = assert_test_case (issue, 0, "TC-001", "Judged Query Set", ">= 0.80", 2);
  if (tc != NULL)
    assert_measurement (mi_test_case_get_target (tc), ">= 0.80", MI_OP_GE, 0.8, "",
                        MI_DIMENSION_NONE, 0.8, NULL);
  assert_result (tc, 0, 1, "0.71 nDCG", 0.71, "nDCG", MI_DIMENSION_NONE, 0.71, MI_VERDICT_FAIL);
  assert_result_unread (tc, 1, 2, "pending");
  tc = assert_test_case (issue, 1, "TC-002", "Query Latency", "< 300ms (p95)", 2);
  assert_result (tc, 0, 1, "240ms", 240, "ms", MI_DIMENSION_TIME, 240, MI_VERDICT_PASS);
  assert_result (tc, 1, 2, "280ms", 280, "ms", MI_DIMENSION_TIME, 280, MI_VERDICT_PASS);

  assert_criterion (issue, 0, "nDCG@10", ">= 0.80", MI_OP_GE, 0.8, "", MI_DIMENSION_NONE, 0.8, NULL);
  assert_criterion (issue, 1, "Query latency", "< 300ms (p95)", MI_OP_LT, 300, "ms", MI_DIMENSION_TIME, 300, "p95");

  /* The fenced `**2025-01-01:**` is not an entry. */
  assert_log_counts (issue, log_counts, 2);
  entries = mi_issue_get_log_entries (issue);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(MiLogEntry) entry = g_list_model_get_item (entries, i);

      check_true ("log entry date", g_strcmp0 (mi_log_entry_get_date (entry), "2025-01-01") != 0,
                  "not the fenced 2025-01-01", mi_log_entry_get_date (entry));
    }
  assert_log_entry (issue, 3, 2, "2025-04-22", "Re-imported");
  assert_log_entry (issue, 4, 2, "2025-04-29", "Sample of 200 queries: nDCG@10 0.74.");
  assert_log_entry (issue, 5, 2, "2025-05-06", "Found the tokenizer split on diacritics");

  assert_all_strings_clean (issue);
}

static void
test_aligned_table (void)
{
  g_autoptr(MiWorkspace) workspace = open_workspace ("aligned-table", "tests/fixtures/aligned-table");
  MiIssue *issue = get_issue (workspace, "cold-start");
  MiAttempt *a;

  if (issue == NULL)
    return;

  assert_issue (issue, "Slow Cold Start", MI_STATUS_RESOLVED, 3, "Resolved (Attempt 003)",
                "2025-02-10", 3, "4 weeks");
  assert_counts (issue, 3, 0, 0, 0, 0);
  assert_sections (issue, "First launch after boot takes 6.2 s", NULL, NULL,
                   "Attempt 003: plugins load after the first frame");

  a = assert_attempt (issue, 0, 1, "Lazy Init", MI_OUTCOME_FAILED, "❌ Failed (5.9 s)",
                      "2025-02-10 - 02-14", "2025-02-10", "2025-02-14");
  assert_attempt_files (a, "001-lazy-init", TRUE, TRUE);
  assert_attempt_texts (a, "Services created in", "Cold start under 1.5 s.", NULL);
  a = assert_attempt (issue, 1, 2, "Preload Fonts", MI_OUTCOME_PARTIAL, "⚠️ Partial (3.2 s)",
                      "2025-02-17 - 02-26", "2025-02-17", "2025-02-26");
  assert_attempt_files (a, "002-preload-fonts", TRUE, TRUE);
  a = assert_attempt (issue, 2, 3, "Deferred Plugins", MI_OUTCOME_SUCCESS, "✅ Success (1.2 s)",
                      "2025-03-03 - 03-07", "2025-03-03", "2025-03-07");
  assert_attempt_files (a, "003-deferred-plugins", TRUE, TRUE);

  assert_all_strings_clean (issue);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/parse/example", test_example);
  g_test_add_func ("/parse/lowercase-words", test_lowercase_words);
  g_test_add_func ("/parse/extra-sections", test_extra_sections);
  g_test_add_func ("/parse/aligned-table", test_aligned_table);

  return mi_test_parse_run ();
}
