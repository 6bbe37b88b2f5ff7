/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "mi-measurement.h"

#define KIB (1024.0)
#define MIB (1024.0 * 1024.0)
#define GIB (1024.0 * 1024.0 * 1024.0)
#define TIB (1024.0 * 1024.0 * 1024.0 * 1024.0)

#define assert_close(a, b) \
  g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9 * MAX (1.0, fabs ((double) (b))))

static void
test_parse (void)
{
  struct {
    const char  *text;
    double       value;
    const char  *unit;
    MiDimension  dimension;
    double       base_value;
    const char  *base_unit;
    MiOp         op;
    const char  *qualifier;
  } cases[] = {
    /* time: base ms */
    { "5,100ms",           5100,      "ms",      MI_DIMENSION_TIME,  5100,            "ms", MI_OP_NONE, NULL },
    { "3,800ms",           3800,      "ms",      MI_DIMENSION_TIME,  3800,            "ms", MI_OP_NONE, NULL },
    { "380ms",             380,       "ms",      MI_DIMENSION_TIME,  380,             "ms", MI_OP_NONE, NULL },
    { "380 MS",            380,       "MS",      MI_DIMENSION_TIME,  380,             "ms", MI_OP_NONE, NULL },
    { "100 Ms",            100,       "Ms",      MI_DIMENSION_TIME,  100,             "ms", MI_OP_NONE, NULL },
    { "3.8 s",             3.8,       "s",       MI_DIMENSION_TIME,  3800,            "ms", MI_OP_NONE, NULL },
    { "5s",                5,         "s",       MI_DIMENSION_TIME,  5000,            "ms", MI_OP_NONE, NULL },
    { ".5 sec",            0.5,       "sec",     MI_DIMENSION_TIME,  500,             "ms", MI_OP_NONE, NULL },
    { "2 seconds",         2,         "seconds", MI_DIMENSION_TIME,  2000,            "ms", MI_OP_NONE, NULL },
    { "16.8 min",          16.8,      "min",     MI_DIMENSION_TIME,  1008000,         "ms", MI_OP_NONE, NULL },
    { "3 minutes",         3,         "minutes", MI_DIMENSION_TIME,  180000,          "ms", MI_OP_NONE, NULL },
    { "2 hours",           2,         "hours",   MI_DIMENSION_TIME,  7200000,         "ms", MI_OP_NONE, NULL },
    { "1.5h",              1.5,       "h",       MI_DIMENSION_TIME,  5400000,         "ms", MI_OP_NONE, NULL },
    { "2 days",            2,         "days",    MI_DIMENSION_TIME,  172800000,       "ms", MI_OP_NONE, NULL },
    { "250 µs",            250,       "µs",      MI_DIMENSION_TIME,  0.25,            "ms", MI_OP_NONE, NULL },
    { "250us",             250,       "us",      MI_DIMENSION_TIME,  0.25,            "ms", MI_OP_NONE, NULL },
    { "500 ns",            500,       "ns",      MI_DIMENSION_TIME,  0.0005,          "ms", MI_OP_NONE, NULL },

    /* size: base B, binary steps */
    { "280MB",             280,       "MB",      MI_DIMENSION_SIZE,  280 * MIB,       "B",  MI_OP_NONE, NULL },
    { "4.3GB",             4.3,       "GB",      MI_DIMENSION_SIZE,  4.3 * GIB,       "B",  MI_OP_NONE, NULL },
    { "512 mb",            512,       "mb",      MI_DIMENSION_SIZE,  512 * MIB,       "B",  MI_OP_NONE, NULL },
    { "512 MiB",           512,       "MiB",     MI_DIMENSION_SIZE,  512 * MIB,       "B",  MI_OP_NONE, NULL },
    { "64 kB",             64,        "kB",      MI_DIMENSION_SIZE,  64 * KIB,        "B",  MI_OP_NONE, NULL },
    { "100 bytes",         100,       "bytes",   MI_DIMENSION_SIZE,  100,             "B",  MI_OP_NONE, NULL },
    { "2 TB",              2,         "TB",      MI_DIMENSION_SIZE,  2 * TIB,         "B",  MI_OP_NONE, NULL },

    /* ratio */
    { "25%",               25,        "%",       MI_DIMENSION_RATIO, 25,              "%",  MI_OP_NONE, NULL },
    { "99.9 %",            99.9,      "%",       MI_DIMENSION_RATIO, 99.9,            "%",  MI_OP_NONE, NULL },

    /* rate: base per second */
    { "1,200/s",           1200,      "/s",      MI_DIMENSION_RATE,  1200,            "/s", MI_OP_NONE, NULL },
    { "1,200 req/s",       1200,      "req/s",   MI_DIMENSION_RATE,  1200,            "/s", MI_OP_NONE, NULL },
    { "300 rps",           300,       "rps",     MI_DIMENSION_RATE,  300,             "/s", MI_OP_NONE, NULL },
    { "50 qps",            50,        "qps",     MI_DIMENSION_RATE,  50,              "/s", MI_OP_NONE, NULL },
    { "10 ops/s",          10,        "ops/s",   MI_DIMENSION_RATE,  10,              "/s", MI_OP_NONE, NULL },
    { "20 requests/s",     20,        "requests/s", MI_DIMENSION_RATE, 20,            "/s", MI_OP_NONE, NULL },
    { "600 req/min",       600,       "req/min", MI_DIMENSION_RATE,  10,              "/s", MI_OP_NONE, NULL },
    { "120/min",           120,       "/min",    MI_DIMENSION_RATE,  2,               "/s", MI_OP_NONE, NULL },

    /* count: base "" */
    { "10 users",          10,        "users",   MI_DIMENSION_COUNT, 10,              "",   MI_OP_NONE, NULL },
    { "3 errors",          3,         "errors",  MI_DIMENSION_COUNT, 3,               "",   MI_OP_NONE, NULL },
    { "12 files",          12,        "files",   MI_DIMENSION_COUNT, 12,              "",   MI_OP_NONE, NULL },
    { "3x",                3,         "x",       MI_DIMENSION_COUNT, 3,               "",   MI_OP_NONE, NULL },
    { "7 Queries",         7,         "Queries", MI_DIMENSION_COUNT, 7,               "",   MI_OP_NONE, NULL },

    /* none: a bare number, or a unit that is not known */
    { "42",                42,        "",        MI_DIMENSION_NONE,  42,              "",   MI_OP_NONE, NULL },
    { "1,000,000",         1000000,   "",        MI_DIMENSION_NONE,  1000000,         "",   MI_OP_NONE, NULL },
    { "0.71 nDCG",         0.71,      "nDCG",    MI_DIMENSION_NONE,  0.71,            "nDCG", MI_OP_NONE, NULL },
    { "5 MB/s",            5,         "MB/s",    MI_DIMENSION_NONE,  5,               "MB/s", MI_OP_NONE, NULL },

    /* comparisons and qualifiers */
    { "< 1,000ms (avg)",   1000,      "ms",      MI_DIMENSION_TIME,  1000,            "ms", MI_OP_LT, "avg" },
    { "< 512MB (peak)",    512,       "MB",      MI_DIMENSION_SIZE,  512 * MIB,       "B",  MI_OP_LT, "peak" },
    { "< 40% (avg)",       40,        "%",       MI_DIMENSION_RATIO, 40,              "%",  MI_OP_LT, "avg" },
    { "< 1%",              1,         "%",       MI_DIMENSION_RATIO, 1,               "%",  MI_OP_LT, NULL },
    { "<512MB",            512,       "MB",      MI_DIMENSION_SIZE,  512 * MIB,       "B",  MI_OP_LT, NULL },
    { "<= 5 min",          5,         "min",     MI_DIMENSION_TIME,  300000,          "ms", MI_OP_LE, NULL },
    { "≤ 5 min",           5,         "min",     MI_DIMENSION_TIME,  300000,          "ms", MI_OP_LE, NULL },
    { "> 99.5%",           99.5,      "%",       MI_DIMENSION_RATIO, 99.5,            "%",  MI_OP_GT, NULL },
    { ">= 1,200 req/s",    1200,      "req/s",   MI_DIMENSION_RATE,  1200,            "/s", MI_OP_GE, NULL },
    { "≥ 100 rps (p50)",   100,       "rps",     MI_DIMENSION_RATE,  100,             "/s", MI_OP_GE, "p50" },
    { "= 0 errors",        0,         "errors",  MI_DIMENSION_COUNT, 0,               "",   MI_OP_EQ, NULL },
    { "== 3",              3,         "",        MI_DIMENSION_NONE,  3,               "",   MI_OP_EQ, NULL },
    { "< ~2 s",            2,         "s",       MI_DIMENSION_TIME,  2000,            "ms", MI_OP_LT, NULL },

    /* approximations, signs, spacing, what follows */
    { "~280MB",            280,       "MB",      MI_DIMENSION_SIZE,  280 * MIB,       "B",  MI_OP_NONE, NULL },
    { "~ 5 s",             5,         "s",       MI_DIMENSION_TIME,  5000,            "ms", MI_OP_NONE, NULL },
    { "-5 ms",             -5,        "ms",      MI_DIMENSION_TIME,  -5,              "ms", MI_OP_NONE, NULL },
    { "−3%",               -3,        "%",       MI_DIMENSION_RATIO, -3,              "%",  MI_OP_NONE, NULL },
    { "+12%",              12,        "%",       MI_DIMENSION_RATIO, 12,              "%",  MI_OP_NONE, NULL },
    { "5 (estimate)",      5,         "",        MI_DIMENSION_NONE,  5,               "",   MI_OP_NONE, "estimate" },
    { "380ms (93% improvement) ✅", 380, "ms",   MI_DIMENSION_TIME,  380,             "ms", MI_OP_NONE, "93% improvement" },
    { "5,100ms (FAIL)",    5100,      "ms",      MI_DIMENSION_TIME,  5100,            "ms", MI_OP_NONE, "FAIL" },
    { "2,400ms ← bottleneck", 2400,   "ms",      MI_DIMENSION_TIME,  2400,            "ms", MI_OP_NONE, NULL },
    { "5 ( )",             5,         "",        MI_DIMENSION_NONE,  5,               "",   MI_OP_NONE, NULL },
    /* commas only separate groups of three */
    { "12,34 ms",          12,        "",        MI_DIMENSION_NONE,  12,              "",   MI_OP_NONE, NULL },
    { "1234,567",          1234,      "",        MI_DIMENSION_NONE,  1234,            "",   MI_OP_NONE, NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MiMeasurement) m = NULL;

      g_test_message ("measurement: \"%s\"", cases[i].text);

      m = mi_measurement_parse (cases[i].text);
      g_assert_nonnull (m);
      g_assert_cmpstr (mi_measurement_get_text (m), ==, cases[i].text);
      assert_close (mi_measurement_get_value (m), cases[i].value);
      g_assert_cmpstr (mi_measurement_get_unit (m), ==, cases[i].unit);
      g_assert_cmpint (mi_measurement_get_dimension (m), ==, cases[i].dimension);
      assert_close (mi_measurement_get_base_value (m), cases[i].base_value);
      g_assert_cmpstr (mi_measurement_get_base_unit (m), ==, cases[i].base_unit);
      g_assert_cmpint (mi_measurement_get_op (m), ==, cases[i].op);
      g_assert_cmpstr (mi_measurement_get_qualifier (m), ==, cases[i].qualifier);
    }
}

static void
test_parse_trims (void)
{
  g_autoptr(MiMeasurement) m = mi_measurement_parse ("  \t< 1,000ms (avg)  \n");

  g_assert_nonnull (m);
  g_assert_cmpstr (mi_measurement_get_text (m), ==, "< 1,000ms (avg)");
  g_assert_cmpint (mi_measurement_get_op (m), ==, MI_OP_LT);
  assert_close (mi_measurement_get_value (m), 1000);
  g_assert_cmpstr (mi_measurement_get_qualifier (m), ==, "avg");
}

static void
test_parse_not_a_number (void)
{
  const char *cases[] = {
    "", "   ", "pending", "Pending", "TBD", "N/A", "n/a", "—", "-", "−", "~", "<",
    "< pending", "ms", "%", ",100", "about 5 s", ". 5",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MiMeasurement) m = mi_measurement_parse (cases[i]);

      g_test_message ("not a measurement: \"%s\"", cases[i]);
      g_assert_null (m);
    }

  g_assert_null (mi_measurement_parse (NULL));
  g_assert_null (mi_measurement_parse ("\xff\xfe"));
}

static void
test_properties (void)
{
  g_autoptr(MiMeasurement) m = mi_measurement_parse ("< 1,000ms (avg)");
  g_autofree char *text = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *base_unit = NULL;
  g_autofree char *qualifier = NULL;
  MiDimension dimension;
  double value;
  double base_value;
  MiOp op;

  g_assert_nonnull (m);

  g_object_get (m,
                "text", &text,
                "value", &value,
                "unit", &unit,
                "dimension", &dimension,
                "base-value", &base_value,
                "base-unit", &base_unit,
                "op", &op,
                "qualifier", &qualifier,
                NULL);

  g_assert_cmpstr (text, ==, "< 1,000ms (avg)");
  assert_close (value, 1000);
  g_assert_cmpstr (unit, ==, "ms");
  g_assert_cmpint (dimension, ==, MI_DIMENSION_TIME);
  assert_close (base_value, 1000);
  g_assert_cmpstr (base_unit, ==, "ms");
  g_assert_cmpint (op, ==, MI_OP_LT);
  g_assert_cmpstr (qualifier, ==, "avg");

  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (m), "dimension")) == MI_TYPE_DIMENSION);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (m), "op")) == MI_TYPE_OP);
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (m), "text")->flags & G_PARAM_WRITABLE);
}

static MiVerdict
judge (const char *target,
       const char *value)
{
  g_autoptr(MiMeasurement) t = mi_measurement_parse (target);
  g_autoptr(MiMeasurement) v = mi_measurement_parse (value);

  return mi_measurement_judge (t, v);
}

static void
test_judge (void)
{
  struct {
    const char *target;
    const char *value;
    MiVerdict   verdict;
  } cases[] = {
    /* the seed's test case */
    { "< 1,000ms (avg)", "5,100ms",   MI_VERDICT_FAIL },
    { "< 1,000ms (avg)", "3,800ms",   MI_VERDICT_FAIL },
    { "< 1,000ms (avg)", "380ms",     MI_VERDICT_PASS },
    { "< 512MB (peak)",  "280MB",     MI_VERDICT_PASS },
    { "< 512MB (peak)",  "4GB",       MI_VERDICT_FAIL },
    { "< 40% (avg)",     "25%",       MI_VERDICT_PASS },
    { "< 1%",            "1%",        MI_VERDICT_FAIL },

    /* across units */
    { "< 1,000ms (avg)", "3.8 s",     MI_VERDICT_FAIL },
    { "< 1 s",           "380ms",     MI_VERDICT_PASS },
    { "< 1,000ms",       "1 s",       MI_VERDICT_FAIL },
    { "<= 1,000ms",      "1 s",       MI_VERDICT_PASS },
    { "<= 1 min",        "60 s",      MI_VERDICT_PASS },
    { "<= 6 s",          "0.1 min",   MI_VERDICT_PASS },
    { "< 1 GB",          "1,023 MB",  MI_VERDICT_PASS },
    { "< 1 GB",          "1,024 MB",  MI_VERDICT_FAIL },
    { ">= 1,000 req/s",  "1,200/s",   MI_VERDICT_PASS },
    { ">= 1,000 req/s",  "50,000 req/min", MI_VERDICT_FAIL },
    { "< 1 ms",          "250 µs",    MI_VERDICT_PASS },

    /* every comparison */
    { "> 99%",           "99.5%",     MI_VERDICT_PASS },
    { "> 99%",           "99%",       MI_VERDICT_FAIL },
    { ">= 99%",          "99%",       MI_VERDICT_PASS },
    { ">= 99%",          "98.9%",     MI_VERDICT_FAIL },
    { "= 0 errors",      "0 errors",  MI_VERDICT_PASS },
    { "= 0 errors",      "2 errors",  MI_VERDICT_FAIL },
    { "== 3",            "3",         MI_VERDICT_PASS },
    { "< 5",             "3",         MI_VERDICT_PASS },
    { "> 0.7 nDCG",      "0.71 nDCG", MI_VERDICT_PASS },
    { "> 0.7 nDCG",      "0.71 ndcg", MI_VERDICT_PASS },
    { "> 0.7 nDCG",      "0.69 nDCG", MI_VERDICT_FAIL },

    /* nothing to compare */
    { "1,000ms",         "380ms",     MI_VERDICT_UNKNOWN },
    { "< 1,000ms",       "280MB",     MI_VERDICT_UNKNOWN },
    { "< 1,000ms",       "380",       MI_VERDICT_UNKNOWN },
    { "< 5",             "3 errors",  MI_VERDICT_UNKNOWN },
    { "> 0.7 nDCG",      "0.71 MRR",  MI_VERDICT_UNKNOWN },
    { "< 1,000ms",       "pending",   MI_VERDICT_UNKNOWN },
    { "TBD",             "380ms",     MI_VERDICT_UNKNOWN },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("\"%s\" against \"%s\"", cases[i].value, cases[i].target);
      g_assert_cmpint (judge (cases[i].target, cases[i].value), ==, cases[i].verdict);
    }

  g_assert_cmpint (mi_measurement_judge (NULL, NULL), ==, MI_VERDICT_UNKNOWN);
}

static void
test_lower_is_better (void)
{
  struct {
    const char *target;
    gboolean    lower_is_better;
  } cases[] = {
    { "< 1,000ms",  TRUE },
    { "<= 5 min",   TRUE },
    { "= 0 errors", TRUE },
    { "512MB",      TRUE },
    { "> 99%",      FALSE },
    { ">= 1,200/s", FALSE },
    { "≥ 0.7 nDCG", FALSE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MiMeasurement) m = mi_measurement_parse (cases[i].target);

      g_assert_nonnull (m);
      g_assert_cmpint (mi_measurement_lower_is_better (m), ==, cases[i].lower_is_better);
    }
}

static void
test_format_base (void)
{
  struct {
    MiDimension  dimension;
    double       base_value;
    const char  *text;
  } cases[] = {
    { MI_DIMENSION_TIME,  380,           "380 ms" },
    { MI_DIMENSION_TIME,  3800,          "3.8 s" },
    { MI_DIMENSION_TIME,  5100,          "5.1 s" },
    { MI_DIMENSION_TIME,  1008000,       "16.8 min" },
    { MI_DIMENSION_TIME,  12345,         "12.3 s" },
    { MI_DIMENSION_TIME,  1000,          "1 s" },
    { MI_DIMENSION_TIME,  7200000,       "2 h" },
    { MI_DIMENSION_TIME,  172800000,     "2 d" },
    { MI_DIMENSION_TIME,  0.25,          "250 µs" },
    { MI_DIMENSION_TIME,  0.0005,        "500 ns" },
    { MI_DIMENSION_TIME,  0,             "0 ms" },
    { MI_DIMENSION_TIME,  -380,          "-380 ms" },
    { MI_DIMENSION_SIZE,  293601280,     "280 MB" },
    { MI_DIMENSION_SIZE,  4617089843.0,  "4.3 GB" },
    { MI_DIMENSION_SIZE,  512,           "512 B" },
    { MI_DIMENSION_SIZE,  1536,          "1.5 KB" },
    { MI_DIMENSION_SIZE,  2 * TIB,       "2 TB" },
    { MI_DIMENSION_RATIO, 25,            "25%" },
    { MI_DIMENSION_RATIO, 33.3333,       "33.3%" },
    { MI_DIMENSION_RATIO, 0.5,           "0.5%" },
    { MI_DIMENSION_RATE,  1200,          "1,200/s" },
    { MI_DIMENSION_RATE,  0.5,           "30/min" },
    { MI_DIMENSION_COUNT, 1234567,       "1,230,000" },
    { MI_DIMENSION_COUNT, 42,            "42" },
    { MI_DIMENSION_NONE,  0.71,          "0.71" },
    { MI_DIMENSION_NONE,  0.000123456,   "0.000123" },
    { MI_DIMENSION_NONE,  1000000,       "1,000,000" },
    { MI_DIMENSION_NONE,  999.96,        "1,000" },
    { MI_DIMENSION_NONE,  9.996,         "10" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mi_measurement_format_base (cases[i].dimension, cases[i].base_value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* What the charts print reads back as the same dimension, close enough. */
static void
test_format_roundtrip (void)
{
  const char *cases[] = { "5,100ms", "3.8 s", "16.8 min", "280MB", "4.3GB", "25%", "1,200/s" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MiMeasurement) m = mi_measurement_parse (cases[i]);
      g_autofree char *text = mi_measurement_format_base (mi_measurement_get_dimension (m),
                                                          mi_measurement_get_base_value (m));
      g_autoptr(MiMeasurement) again = mi_measurement_parse (text);

      g_assert_nonnull (again);
      g_assert_cmpint (mi_measurement_get_dimension (again), ==, mi_measurement_get_dimension (m));
      g_assert_cmpfloat_with_epsilon (mi_measurement_get_base_value (again),
                                      mi_measurement_get_base_value (m),
                                      mi_measurement_get_base_value (m) * 0.005);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/measurement/parse", test_parse);
  g_test_add_func ("/measurement/parse-trims", test_parse_trims);
  g_test_add_func ("/measurement/parse-not-a-number", test_parse_not_a_number);
  g_test_add_func ("/measurement/properties", test_properties);
  g_test_add_func ("/measurement/judge", test_judge);
  g_test_add_func ("/measurement/lower-is-better", test_lower_is_better);
  g_test_add_func ("/measurement/format-base", test_format_base);
  g_test_add_func ("/measurement/format-roundtrip", test_format_roundtrip);

  return g_test_run ();
}
