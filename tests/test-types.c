/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "mi-types.h"

static void
test_ids (void)
{
  g_assert_cmpstr (mi_status_to_id (MI_STATUS_UNKNOWN), ==, "unknown");
  g_assert_cmpstr (mi_status_to_id (MI_STATUS_OPEN), ==, "open");
  g_assert_cmpstr (mi_status_to_id (MI_STATUS_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (mi_status_to_id (MI_STATUS_RESOLVED), ==, "resolved");
  g_assert_cmpstr (mi_status_to_id (MI_STATUS_ABANDONED), ==, "abandoned");
  g_assert_cmpstr (mi_status_to_id (MI_STATUS_SUPERSEDED), ==, "superseded");

  g_assert_cmpstr (mi_outcome_to_id (MI_OUTCOME_PENDING), ==, "pending");
  g_assert_cmpstr (mi_outcome_to_id (MI_OUTCOME_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (mi_outcome_to_id (MI_OUTCOME_FAILED), ==, "failed");
  g_assert_cmpstr (mi_outcome_to_id (MI_OUTCOME_PARTIAL), ==, "partial");
  g_assert_cmpstr (mi_outcome_to_id (MI_OUTCOME_SUCCESS), ==, "success");

  g_assert_cmpstr (mi_verdict_to_id (MI_VERDICT_UNKNOWN), ==, "unknown");
  g_assert_cmpstr (mi_verdict_to_id (MI_VERDICT_PASS), ==, "pass");
  g_assert_cmpstr (mi_verdict_to_id (MI_VERDICT_FAIL), ==, "fail");

  g_assert_cmpstr (mi_op_to_string (MI_OP_NONE), ==, "");
  g_assert_cmpstr (mi_op_to_string (MI_OP_LT), ==, "<");
  g_assert_cmpstr (mi_op_to_string (MI_OP_LE), ==, "<=");
  g_assert_cmpstr (mi_op_to_string (MI_OP_GT), ==, ">");
  g_assert_cmpstr (mi_op_to_string (MI_OP_GE), ==, ">=");
  g_assert_cmpstr (mi_op_to_string (MI_OP_EQ), ==, "=");
}

/* The GEnum nicks are the ids, so `--json` and properties agree. */
static void
test_enum_types (void)
{
  struct {
    GType       type;
    int         value;
    const char *nick;
  } cases[] = {
    { MI_TYPE_STATUS,    MI_STATUS_IN_PROGRESS,  "in-progress" },
    { MI_TYPE_STATUS,    MI_STATUS_SUPERSEDED,   "superseded" },
    { MI_TYPE_OUTCOME,   MI_OUTCOME_IN_PROGRESS, "in-progress" },
    { MI_TYPE_OUTCOME,   MI_OUTCOME_SUCCESS,     "success" },
    { MI_TYPE_VERDICT,   MI_VERDICT_FAIL,        "fail" },
    { MI_TYPE_DIMENSION, MI_DIMENSION_TIME,      "time" },
    { MI_TYPE_DIMENSION, MI_DIMENSION_RATE,      "rate" },
    { MI_TYPE_OP,        MI_OP_LE,               "le" },
  };
  guint i;

  g_assert_true (G_TYPE_IS_ENUM (MI_TYPE_STATUS));
  g_assert_cmpstr (g_type_name (MI_TYPE_STATUS), ==, "MiStatus");
  g_assert_cmpstr (g_type_name (MI_TYPE_OUTCOME), ==, "MiOutcome");
  g_assert_cmpstr (g_type_name (MI_TYPE_VERDICT), ==, "MiVerdict");
  g_assert_cmpstr (g_type_name (MI_TYPE_DIMENSION), ==, "MiDimension");
  g_assert_cmpstr (g_type_name (MI_TYPE_OP), ==, "MiOp");

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GEnumClass *klass = g_type_class_ref (cases[i].type);
      GEnumValue *value = g_enum_get_value (klass, cases[i].value);

      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, cases[i].nick);
      g_type_class_unref (klass);
    }

  for (i = MI_STATUS_UNKNOWN; i <= MI_STATUS_SUPERSEDED; i++)
    {
      GEnumClass *klass = g_type_class_ref (MI_TYPE_STATUS);

      g_assert_cmpstr (g_enum_get_value (klass, i)->value_nick, ==, mi_status_to_id (i));
      g_type_class_unref (klass);
    }
}

static void
test_markdown (void)
{
  g_assert_cmpstr (mi_status_to_markdown (MI_STATUS_OPEN), ==, "Open");
  g_assert_cmpstr (mi_status_to_markdown (MI_STATUS_IN_PROGRESS), ==, "In Progress");
  g_assert_cmpstr (mi_status_to_markdown (MI_STATUS_RESOLVED), ==, "Resolved");
  g_assert_cmpstr (mi_status_to_markdown (MI_STATUS_ABANDONED), ==, "Abandoned");
  g_assert_cmpstr (mi_status_to_markdown (MI_STATUS_SUPERSEDED), ==, "Superseded");

  g_assert_cmpstr (mi_outcome_to_markdown (MI_OUTCOME_SUCCESS), ==, "✅ Success");
  g_assert_cmpstr (mi_outcome_to_markdown (MI_OUTCOME_PARTIAL), ==, "⚠️ Partial");
  g_assert_cmpstr (mi_outcome_to_markdown (MI_OUTCOME_FAILED), ==, "❌ Failed");
  g_assert_cmpstr (mi_outcome_to_markdown (MI_OUTCOME_IN_PROGRESS), ==, "🔄 In Progress");
  g_assert_cmpstr (mi_outcome_to_markdown (MI_OUTCOME_PENDING), ==, "");
}

/* What the app writes, it reads back. */
static void
test_roundtrip (void)
{
  guint i;

  for (i = MI_STATUS_OPEN; i <= MI_STATUS_SUPERSEDED; i++)
    {
      guint attempt = 99;

      g_assert_cmpint (mi_status_parse (mi_status_to_markdown (i), &attempt), ==, i);
      g_assert_cmpuint (attempt, ==, 0);
      g_assert_cmpint (mi_status_parse (mi_status_to_id (i), NULL), ==, i);
    }

  for (i = MI_OUTCOME_PENDING; i <= MI_OUTCOME_SUCCESS; i++)
    {
      g_assert_cmpint (mi_outcome_parse (mi_outcome_to_markdown (i)), ==, i);
      g_assert_cmpint (mi_outcome_parse (mi_outcome_to_id (i)), ==, i);
    }

  for (i = MI_VERDICT_UNKNOWN; i <= MI_VERDICT_FAIL; i++)
    g_assert_cmpint (mi_verdict_parse (mi_verdict_to_id (i)), ==, i);
}

/* No translations are installed for the tests: the labels are the English
 * source strings.
 */
static void
test_labels (void)
{
  g_assert_cmpstr (mi_status_get_label (MI_STATUS_IN_PROGRESS), ==, "In Progress");
  g_assert_cmpstr (mi_status_get_label (MI_STATUS_UNKNOWN), ==, "Unknown");
  g_assert_cmpstr (mi_outcome_get_label (MI_OUTCOME_PENDING), ==, "Pending");
  g_assert_cmpstr (mi_outcome_get_label (MI_OUTCOME_SUCCESS), ==, "Success");
  g_assert_cmpstr (mi_verdict_get_label (MI_VERDICT_PASS), ==, "Pass");
  g_assert_cmpstr (mi_verdict_get_label (MI_VERDICT_FAIL), ==, "Fail");
}

static void
test_status_parse (void)
{
  struct {
    const char *text;
    MiStatus    status;
    guint       attempt;
  } cases[] = {
    { "Resolved (Attempt 003)",         MI_STATUS_RESOLVED,    3 },
    { "resolved (attempt 3)",           MI_STATUS_RESOLVED,    3 },
    { "Resolved - Attempt 3",           MI_STATUS_RESOLVED,    3 },
    { "  **Resolved**  (Attempt 012) ", MI_STATUS_RESOLVED,    12 },
    { "✅ Resolved",                    MI_STATUS_RESOLVED,    0 },
    { "Closed",                         MI_STATUS_RESOLVED,    0 },
    { "done",                           MI_STATUS_RESOLVED,    0 },
    { "FIXED (Attempt 2)",              MI_STATUS_RESOLVED,    2 },
    { "Open",                           MI_STATUS_OPEN,        0 },
    { " open ",                         MI_STATUS_OPEN,        0 },
    { "In Progress",                    MI_STATUS_IN_PROGRESS, 0 },
    { "In progress",                    MI_STATUS_IN_PROGRESS, 0 },
    { "in progress",                    MI_STATUS_IN_PROGRESS, 0 },
    { "in-progress",                    MI_STATUS_IN_PROGRESS, 0 },
    { "In Progress 🔄",                 MI_STATUS_IN_PROGRESS, 0 },
    { "🔄 **In Progress** (Attempt 004)", MI_STATUS_IN_PROGRESS, 4 },
    { "Abandoned",                      MI_STATUS_ABANDONED,   0 },
    { "ABANDONED (attempt 5)",          MI_STATUS_ABANDONED,   5 },
    { "Superseded",                     MI_STATUS_SUPERSEDED,  0 },
    { "superseded by [[other-issue]]",  MI_STATUS_SUPERSEDED,  0 },
    { "",                               MI_STATUS_UNKNOWN,     0 },
    { "   ",                            MI_STATUS_UNKNOWN,     0 },
    { "maybe",                          MI_STATUS_UNKNOWN,     0 },
    { "Not resolved",                   MI_STATUS_UNKNOWN,     0 },
    { "Attempt 3",                      MI_STATUS_UNKNOWN,     3 },
    { "Opening soon",                   MI_STATUS_UNKNOWN,     0 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint attempt = 99;

      g_test_message ("status: \"%s\"", cases[i].text);
      g_assert_cmpint (mi_status_parse (cases[i].text, &attempt), ==, cases[i].status);
      g_assert_cmpuint (attempt, ==, cases[i].attempt);
      g_assert_cmpint (mi_status_parse (cases[i].text, NULL), ==, cases[i].status);
    }

  g_assert_cmpint (mi_status_parse (NULL, NULL), ==, MI_STATUS_UNKNOWN);
}

static void
test_outcome_parse (void)
{
  struct {
    const char *text;
    MiOutcome   outcome;
  } cases[] = {
    /* the seeds */
    { "❌ Failed (incorrect assumption)",           MI_OUTCOME_FAILED },
    { "⚠️ Partial (30% improvement, not enough)",  MI_OUTCOME_PARTIAL },
    { "✅ Success (met all targets)",               MI_OUTCOME_SUCCESS },
    { "❌ Failed (2% improvement)",                 MI_OUTCOME_FAILED },
    { "⚠️ Partial (30% improvement)",              MI_OUTCOME_PARTIAL },
    { "✅ Success (93% improvement)",               MI_OUTCOME_SUCCESS },
    { "In progress",                                MI_OUTCOME_IN_PROGRESS },
    { "in-progress",                                MI_OUTCOME_IN_PROGRESS },

    /* emoji anywhere, before words */
    { "⚠ partial",                                  MI_OUTCOME_PARTIAL },
    { "Partial ⚠️",                                MI_OUTCOME_PARTIAL },
    { "Met all targets ✔️",                         MI_OUTCOME_SUCCESS },
    { "✗",                                          MI_OUTCOME_FAILED },
    { "🔄",                                         MI_OUTCOME_IN_PROGRESS },
    { "⏳ waiting for load test",                   MI_OUTCOME_IN_PROGRESS },
    { "**Result:** ❌",                              MI_OUTCOME_FAILED },

    /* words */
    { "Success",                                    MI_OUTCOME_SUCCESS },
    { "succeeded",                                  MI_OUTCOME_SUCCESS },
    { "Successful, all targets met",                MI_OUTCOME_SUCCESS },
    { "PASS",                                       MI_OUTCOME_SUCCESS },
    { "passed",                                     MI_OUTCOME_SUCCESS },
    { "Resolved",                                   MI_OUTCOME_SUCCESS },
    { "partially",                                  MI_OUTCOME_PARTIAL },
    { "**Partial** (half the targets)",             MI_OUTCOME_PARTIAL },
    { "FAILED",                                     MI_OUTCOME_FAILED },
    { "fail",                                       MI_OUTCOME_FAILED },
    { "Failure: wrong root cause",                  MI_OUTCOME_FAILED },
    { "abandoned",                                  MI_OUTCOME_FAILED },
    { "In Progress",                                MI_OUTCOME_IN_PROGRESS },
    { "ongoing",                                    MI_OUTCOME_IN_PROGRESS },
    { "WIP",                                        MI_OUTCOME_IN_PROGRESS },
    { "running",                                    MI_OUTCOME_IN_PROGRESS },

    /* nothing that says how it ended */
    { "",                                           MI_OUTCOME_PENDING },
    { "pending",                                    MI_OUTCOME_PENDING },
    { "TBD",                                        MI_OUTCOME_PENDING },
    { "93% improvement, all targets met",           MI_OUTCOME_PENDING },
    { "in",                                         MI_OUTCOME_PENDING },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("outcome: \"%s\"", cases[i].text);
      g_assert_cmpint (mi_outcome_parse (cases[i].text), ==, cases[i].outcome);
    }

  g_assert_cmpint (mi_outcome_parse (NULL), ==, MI_OUTCOME_PENDING);
}

static void
test_verdict_parse (void)
{
  struct {
    const char *text;
    MiVerdict   verdict;
  } cases[] = {
    { "PASS",                 MI_VERDICT_PASS },
    { "pass",                 MI_VERDICT_PASS },
    { "Passed",               MI_VERDICT_PASS },
    { "ok",                   MI_VERDICT_PASS },
    { "OK",                   MI_VERDICT_PASS },
    { "✅",                   MI_VERDICT_PASS },
    { "(PASS) ✅",            MI_VERDICT_PASS },
    { "380ms (PASS) ✅",      MI_VERDICT_PASS },
    { "fail",                 MI_VERDICT_FAIL },
    { "FAIL",                 MI_VERDICT_FAIL },
    { "Failed",               MI_VERDICT_FAIL },
    { "❌",                   MI_VERDICT_FAIL },
    { "5,100ms (FAIL)",       MI_VERDICT_FAIL },
    { "",                     MI_VERDICT_UNKNOWN },
    { "pending",              MI_VERDICT_UNKNOWN },
    { "passing grade",        MI_VERDICT_UNKNOWN },
    { "bypass",               MI_VERDICT_UNKNOWN },
    { "failover",             MI_VERDICT_UNKNOWN },
    { "token",                MI_VERDICT_UNKNOWN },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("verdict: \"%s\"", cases[i].text);
      g_assert_cmpint (mi_verdict_parse (cases[i].text), ==, cases[i].verdict);
    }

  g_assert_cmpint (mi_verdict_parse (NULL), ==, MI_VERDICT_UNKNOWN);
}

/* Broken UTF-8 does not crash the readers. */
static void
test_invalid_utf8 (void)
{
  g_assert_cmpint (mi_status_parse ("Resolved \xff\xfe (Attempt 7)", NULL), ==, MI_STATUS_RESOLVED);
  g_assert_cmpint (mi_outcome_parse ("\xc3 Failed"), ==, MI_OUTCOME_FAILED);
  g_assert_cmpint (mi_verdict_parse ("\xe2\x9c PASS"), ==, MI_VERDICT_PASS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/ids", test_ids);
  g_test_add_func ("/types/enum-types", test_enum_types);
  g_test_add_func ("/types/markdown", test_markdown);
  g_test_add_func ("/types/roundtrip", test_roundtrip);
  g_test_add_func ("/types/labels", test_labels);
  g_test_add_func ("/types/status-parse", test_status_parse);
  g_test_add_func ("/types/outcome-parse", test_outcome_parse);
  g_test_add_func ("/types/verdict-parse", test_verdict_parse);
  g_test_add_func ("/types/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
