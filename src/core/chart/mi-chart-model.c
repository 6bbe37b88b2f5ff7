/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-model"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-attempt.h"
#include "mi-chart-model.h"
#include "mi-issue.h"
#include "mi-measurement.h"
#include "mi-result.h"
#include "mi-test-case.h"

/*
 * The chart model: a snapshot of the values a chart shows, in attempt
 * order, normalised to the base unit of one dimension so that "5,100ms" and
 * "3.8 s" share an axis. A test case's dimension is its target's, else the
 * one most of its results measure; a result of another dimension (or one
 * that is not a number) is kept as written and not charted.
 */

struct _MiChartModel
{
  gatomicrefcount  ref_count;
  MiChartKind      kind;
  char            *title;
  GPtrArray       *series;    /* MiChartSeries */
  GArray          *spans;     /* MiChartSpan */
  GArray          *attempts;  /* guint, sorted, unique */
};

G_DEFINE_BOXED_TYPE (MiChartModel, mi_chart_model, mi_chart_model_ref, mi_chart_model_unref)

#define MINUS_SIGN "\xe2\x88\x92"  /* U+2212 */

static void
clear_bar (gpointer data)
{
  MiChartBar *bar = data;

  g_clear_pointer (&bar->attempt_title, g_free);
  g_clear_pointer (&bar->text, g_free);
}

static void
clear_span (gpointer data)
{
  MiChartSpan *span = data;

  g_clear_pointer (&span->title, g_free);
}

static void
series_free (gpointer data)
{
  MiChartSeries *series = data;

  g_free (series->id);
  g_free (series->title);
  g_free (series->target_text);
  g_free (series->unit);
  g_array_unref (series->bars);
  g_free (series);
}

static MiChartModel *
model_new (MiChartKind kind)
{
  MiChartModel *self = g_new0 (MiChartModel, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->spans = g_array_new (FALSE, TRUE, sizeof (MiChartSpan));
  g_array_set_clear_func (self->spans, clear_span);
  self->attempts = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
add_attempt_number (GArray *attempts,
                    guint   number)
{
  /* Results and attempts mostly come in order: look from the end. */
  for (guint i = attempts->len; i > 0; i--)
    if (g_array_index (attempts, guint, i - 1) == number)
      return;
  g_array_append_val (attempts, number);
}

static void
collect_results_attempts (GArray     *attempts,
                          MiTestCase *test_case)
{
  GListModel *results = mi_test_case_get_results (test_case);
  guint n = g_list_model_get_n_items (results);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiResult) result = g_list_model_get_item (results, i);

      add_attempt_number (attempts, mi_result_get_attempt (result));
    }
}

static void
collect_issue_attempts (GArray  *attempts,
                        MiIssue *issue)
{
  GListModel *list;
  guint n;

  if (issue == NULL)
    return;

  list = mi_issue_get_attempts (issue);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (list, i);

      add_attempt_number (attempts, mi_attempt_get_number (attempt));
    }
}

/* "1,000", "3.8", "0.71": the number as a person writes it. */
static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double magnitude = fabs (value);
  int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  GString *out = g_string_new (value < 0 ? "-" : NULL);
  const char *dot;
  gsize int_len;
  char *p;

  g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" :
                   decimals == 2 ? "%.2f" : "%.3f", magnitude);
  /* Trim trailing zeros of the fraction. */
  if (strchr (buf, '.') != NULL)
    {
      for (p = buf + strlen (buf) - 1; *p == '0'; p--)
        *p = '\0';
      if (*p == '.')
        *p = '\0';
    }

  dot = strchr (buf, '.');
  int_len = dot != NULL ? (gsize) (dot - buf) : strlen (buf);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, buf[i]);
    }
  if (dot != NULL)
    g_string_append (out, dot);

  return g_string_free (out, FALSE);
}

static gboolean
same_quantity (MiDimension  dimension,
               const char  *unit,
               MiMeasurement *measurement)
{
  if (measurement == NULL || mi_measurement_get_dimension (measurement) != dimension)
    return FALSE;
  if (dimension == MI_DIMENSION_NONE)
    {
      g_autofree char *a = g_utf8_casefold (unit, -1);
      g_autofree char *b = g_utf8_casefold (mi_measurement_get_unit (measurement), -1);

      return g_str_equal (a, b);
    }
  return TRUE;
}

/* The dimension (and, when dimensionless, the unit) the chart is drawn in. */
static void
choose_dimension (MiTestCase   *test_case,
                  MiDimension  *dimension,
                  const char  **unit)
{
  MiMeasurement *target = mi_test_case_get_target (test_case);
  GListModel *results = mi_test_case_get_results (test_case);
  guint n = g_list_model_get_n_items (results);
  guint counts[MI_DIMENSION_RATE + 1] = { 0 };
  guint best = 0;

  *dimension = MI_DIMENSION_NONE;
  *unit = "";

  if (target != NULL)
    {
      *dimension = mi_measurement_get_dimension (target);
      *unit = mi_measurement_get_unit (target);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiResult) result = g_list_model_get_item (results, i);
      MiMeasurement *m = mi_result_get_measurement (result);

      if (m != NULL && mi_measurement_get_dimension (m) <= MI_DIMENSION_RATE)
        counts[mi_measurement_get_dimension (m)]++;
    }

  for (guint d = 0; d <= MI_DIMENSION_RATE; d++)
    {
      if (counts[d] > best)
        {
          best = counts[d];
          *dimension = d;
        }
    }

  if (*dimension == MI_DIMENSION_NONE)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MiResult) result = g_list_model_get_item (results, i);
          MiMeasurement *m = mi_result_get_measurement (result);

          if (m != NULL)
            {
              *unit = mi_measurement_get_unit (m);
              break;
            }
        }
    }
}

static void
unref_maybe (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Attempt number → title, read once for all series. */
static GHashTable *
collect_titles (MiIssue *issue)
{
  GHashTable *titles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GListModel *list;
  guint n;

  if (issue == NULL)
    return titles;

  list = mi_issue_get_attempts (issue);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (list, i);
      guint number = mi_attempt_get_number (attempt);

      if (!g_hash_table_contains (titles, GUINT_TO_POINTER (number)))
        g_hash_table_insert (titles, GUINT_TO_POINTER (number),
                             g_strdup (mi_attempt_get_title (attempt)));
    }

  return titles;
}

static guint
find_attempt_index (GArray *attempts,
                    guint   number)
{
  guint lo = 0, hi = attempts->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint value = g_array_index (attempts, guint, mid);

      if (value == number)
        return mid;
      if (value < number)
        lo = mid + 1;
      else
        hi = mid;
    }

  return G_MAXUINT;
}

static MiChartSeries *
series_new (GHashTable *titles,
            MiTestCase *test_case,
            GArray     *attempts,
            gboolean    as_fraction)
{
  MiChartSeries *series = g_new0 (MiChartSeries, 1);
  MiMeasurement *target = mi_test_case_get_target (test_case);
  GListModel *results = mi_test_case_get_results (test_case);
  guint n_results = g_list_model_get_n_items (results);
  g_autoptr(GPtrArray) by_attempt = g_ptr_array_new_with_free_func (unref_maybe);
  const char *unit;
  double first = NAN;

  series->id = g_strdup (mi_test_case_get_id (test_case));
  series->title = g_strdup (mi_test_case_get_title (test_case));
  series->bars = g_array_sized_new (FALSE, TRUE, sizeof (MiChartBar), attempts->len);
  g_array_set_clear_func (series->bars, clear_bar);

  choose_dimension (test_case, &series->dimension, &unit);
  series->unit = g_strdup (unit);
  series->lower_is_better = TRUE;

  if (target != NULL && mi_measurement_get_op (target) != MI_OP_NONE)
    {
      g_autofree char *number = format_number (mi_measurement_get_value (target));
      const char *target_unit = mi_measurement_get_unit (target);
      const char *separator = target_unit[0] == '\0' || g_str_equal (target_unit, "%") ? "" : " ";

      series->has_target = TRUE;
      series->target = mi_measurement_get_base_value (target);
      series->op = mi_measurement_get_op (target);
      series->lower_is_better = mi_measurement_lower_is_better (target);
      series->target_text = g_strdup_printf ("%s %s%s%s", mi_op_to_string (series->op),
                                             number, separator, target_unit);
    }

  /* The first result written for each attempt, as mi_test_case_find_result(). */
  g_ptr_array_set_size (by_attempt, attempts->len);
  for (guint i = 0; i < n_results; i++)
    {
      MiResult *result = g_list_model_get_item (results, i);
      guint index = find_attempt_index (attempts, mi_result_get_attempt (result));

      if (index != G_MAXUINT && g_ptr_array_index (by_attempt, index) == NULL)
        g_ptr_array_index (by_attempt, index) = result;
      else
        g_object_unref (result);
    }

  for (guint i = 0; i < attempts->len; i++)
    {
      guint number = g_array_index (attempts, guint, i);
      MiResult *result = g_ptr_array_index (by_attempt, i);
      const char *title = g_hash_table_lookup (titles, GUINT_TO_POINTER (number));
      MiChartBar bar = { 0 };

      bar.attempt = number;
      bar.attempt_title = g_strdup (title);
      bar.change = NAN;
      bar.verdict = MI_VERDICT_UNKNOWN;

      if (result != NULL)
        {
          MiMeasurement *m = mi_result_get_measurement (result);

          bar.text = g_strdup (mi_result_get_text (result));
          bar.verdict = mi_result_get_verdict (result);

          if (same_quantity (series->dimension, series->unit, m) &&
              isfinite (mi_measurement_get_base_value (m)))
            {
              bar.has_value = TRUE;
              bar.base_value = mi_measurement_get_base_value (m);
              bar.value = bar.base_value;

              if (isnan (first))
                first = bar.base_value;
              else if (first != 0)
                bar.change = (bar.base_value - first) / fabs (first);
            }
        }

      if (as_fraction && bar.has_value)
        {
          if (series->has_target && series->target > 0 && bar.base_value >= 0)
            bar.value = bar.base_value / series->target;
          else
            bar.has_value = FALSE;
        }

      g_array_append_val (series->bars, bar);
    }

  return series;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned year, month, day;
  char rest;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) != 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_fraction (double fraction)
{
  g_autofree char *number = format_number (fraction);

  /* TRANSLATORS: a value as a multiple of its target: "3.8× target" */
  return g_strdup_printf (_("%s× target"), number);
}

static char *
attempt_name (const MiChartBar *bar)
{
  if (bar->attempt_title != NULL && bar->attempt_title[0] != '\0')
    /* TRANSLATORS: "Attempt 002 · Query Optimization" */
    return g_strdup_printf (_("Attempt %03u · %s"), bar->attempt, bar->attempt_title);
  return g_strdup_printf (_("Attempt %03u"), bar->attempt);
}

static void
describe_series (MiChartModel        *self,
                 const MiChartSeries *series,
                 GString             *text)
{
  gboolean first = TRUE;

  if (series->title != NULL && series->title[0] != '\0')
    g_string_append_printf (text, "%s %s", series->id, series->title);
  else
    g_string_append (text, series->id);

  if (series->has_target)
    g_string_append_printf (text, _(" (target %s, %s)"), series->target_text,
                            series->lower_is_better ? _("lower is better") : _("higher is better"));
  else
    g_string_append (text, _(" (no target)"));
  g_string_append (text, ": ");

  for (guint i = 0; i < series->bars->len; i++)
    {
      const MiChartBar *bar = &g_array_index (series->bars, MiChartBar, i);

      if (!first)
        g_string_append (text, "; ");
      first = FALSE;

      g_string_append_printf (text, _("attempt %03u "), bar->attempt);
      if (bar->text == NULL)
        {
          g_string_append (text, _("no result"));
          continue;
        }
      g_string_append (text, bar->text);
      if (bar->verdict != MI_VERDICT_UNKNOWN)
        g_string_append_printf (text, ", %s", mi_verdict_get_label (bar->verdict));
      if (self->kind == MI_CHART_KIND_TEST_CASE && bar->has_value && isfinite (bar->change))
        {
          g_autofree char *change = mi_chart_format_change (bar->change);

          g_string_append_printf (text, _(", %s against the first"), change);
        }
    }
  g_string_append (text, ".");
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

/**
 * mi_chart_model_new_for_test_case:
 * @issue: (nullable): the meta-issue, for attempts without a result and
 *   their titles
 *
 * Returns: (transfer full): one bar per attempt, in attempt order.
 */
MiChartModel *
mi_chart_model_new_for_test_case (MiIssue    *issue,
                                  MiTestCase *test_case)
{
  MiChartModel *self;
  const char *title;

  g_return_val_if_fail (issue == NULL || MI_IS_ISSUE (issue), NULL);
  g_return_val_if_fail (MI_IS_TEST_CASE (test_case), NULL);

  self = model_new (MI_CHART_KIND_TEST_CASE);
  collect_issue_attempts (self->attempts, issue);
  collect_results_attempts (self->attempts, test_case);
  g_array_sort (self->attempts, compare_uint);

  title = mi_test_case_get_title (test_case);
  if (title != NULL && title[0] != '\0')
    self->title = g_strdup_printf ("%s: %s", mi_test_case_get_id (test_case), title);
  else
    self->title = g_strdup (mi_test_case_get_id (test_case));

  {
    g_autoptr(GHashTable) titles = collect_titles (issue);

    g_ptr_array_add (self->series, series_new (titles, test_case, self->attempts, FALSE));
  }

  return self;
}

/**
 * mi_chart_model_new_for_issue:
 *
 * Returns: (transfer full): the overview: each test case a row of values as
 *   fractions of its target, and the attempts by date.
 */
MiChartModel *
mi_chart_model_new_for_issue (MiIssue *issue)
{
  MiChartModel *self;
  GListModel *test_cases;
  GListModel *attempts;
  guint n;

  g_return_val_if_fail (MI_IS_ISSUE (issue), NULL);

  self = model_new (MI_CHART_KIND_OVERVIEW);
  self->title = g_strdup (mi_issue_get_title (issue) != NULL ? mi_issue_get_title (issue)
                                                             : mi_issue_get_slug (issue));

  test_cases = mi_issue_get_test_cases (issue);
  n = g_list_model_get_n_items (test_cases);

  collect_issue_attempts (self->attempts, issue);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiTestCase) test_case = g_list_model_get_item (test_cases, i);

      collect_results_attempts (self->attempts, test_case);
    }
  g_array_sort (self->attempts, compare_uint);

  {
    g_autoptr(GHashTable) titles = collect_titles (issue);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MiTestCase) test_case = g_list_model_get_item (test_cases, i);

        g_ptr_array_add (self->series, series_new (titles, test_case, self->attempts, TRUE));
      }
  }

  attempts = mi_issue_get_attempts (issue);
  n = g_list_model_get_n_items (attempts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, i);
      MiChartSpan span = { 0 };

      span.attempt = mi_attempt_get_number (attempt);
      span.title = g_strdup (mi_attempt_get_title (attempt));
      span.outcome = mi_attempt_get_outcome (attempt);
      span.has_dates = parse_date (mi_attempt_get_start_date (attempt), &span.start);
      if (!parse_date (mi_attempt_get_end_date (attempt), &span.end) ||
          (span.has_dates && g_date_compare (&span.end, &span.start) < 0))
        span.end = span.start;
      g_array_append_val (self->spans, span);
    }

  return self;
}

MiChartModel *
mi_chart_model_ref (MiChartModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mi_chart_model_unref (MiChartModel *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_ptr_array_unref (self->series);
  g_array_unref (self->spans);
  g_array_unref (self->attempts);
  g_free (self);
}

MiChartKind
mi_chart_model_get_kind (MiChartModel *self)
{
  g_return_val_if_fail (self != NULL, MI_CHART_KIND_TEST_CASE);

  return self->kind;
}

const char *
mi_chart_model_get_title (MiChartModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

guint
mi_chart_model_get_n_series (MiChartModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->series->len;
}

const MiChartSeries *
mi_chart_model_get_series (MiChartModel *self,
                           guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->series->len, NULL);

  return g_ptr_array_index (self->series, index);
}

guint
mi_chart_model_get_n_spans (MiChartModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->spans->len;
}

const MiChartSpan *
mi_chart_model_get_span (MiChartModel *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->spans->len, NULL);

  return &g_array_index (self->spans, MiChartSpan, index);
}

guint
mi_chart_model_get_n_attempts (MiChartModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->attempts->len;
}

guint
mi_chart_model_get_attempt (MiChartModel *self,
                            guint         index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->attempts->len, 0);

  return g_array_index (self->attempts, guint, index);
}

/**
 * mi_chart_model_get_natural_size:
 * The size the chart reads best at: 800 × 450 for a test case; an overview
 * grows with its rows.
 */
void
mi_chart_model_get_natural_size (MiChartModel *self,
                                 int          *width,
                                 int          *height)
{
  gboolean has_dates = FALSE;
  int h;

  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = 800;

  if (height == NULL)
    return;

  if (self->kind == MI_CHART_KIND_TEST_CASE)
    {
      *height = 450;
      return;
    }

  for (guint i = 0; i < self->spans->len; i++)
    has_dates |= g_array_index (self->spans, MiChartSpan, i).has_dates;

  h = 84 + (int) MAX (self->series->len, 1) * 40 + 28;
  if (has_dates)
    h += 110;
  *height = CLAMP (h, 300, 1600);
}

/**
 * mi_chart_format_change:
 * @change: a relative change: -0.925
 *
 * Returns: "−93%" (with U+2212 MINUS SIGN), "+12%", "0%".
 */
char *
mi_chart_format_change (double change)
{
  double percent = round (change * 100.0);
  g_autofree char *number = NULL;

  if (!isfinite (change))
    return g_strdup ("");
  if (percent == 0)
    return g_strdup ("0%");

  number = format_number (fabs (percent));
  return g_strdup_printf ("%s%s%%", percent < 0 ? MINUS_SIGN : "+", number);
}

/**
 * mi_chart_format_value:
 * @unit: the unit of a dimensionless value, "" for none
 *
 * Returns: @base_value in a readable unit of @dimension: "1.5 s", "512 MB".
 */
char *
mi_chart_format_value (MiDimension  dimension,
                       const char  *unit,
                       double       base_value)
{
  if (dimension == MI_DIMENSION_NONE || dimension == MI_DIMENSION_COUNT)
    {
      g_autofree char *number = format_number (base_value);

      if (unit == NULL || unit[0] == '\0')
        return g_steal_pointer (&number);
      return g_strdup_printf ("%s %s", number, unit);
    }

  return mi_measurement_format_base (dimension, base_value);
}

/**
 * mi_chart_model_describe_bar:
 *
 * Returns: the tooltip of a bar, one fact a line: attempt, value, target,
 *   verdict.
 */
char *
mi_chart_model_describe_bar (MiChartModel *self,
                             guint         series_index,
                             guint         bar_index)
{
  const MiChartSeries *series;
  const MiChartBar *bar;
  GString *text;
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (series_index < self->series->len, NULL);

  series = g_ptr_array_index (self->series, series_index);
  g_return_val_if_fail (bar_index < series->bars->len, NULL);
  bar = &g_array_index (series->bars, MiChartBar, bar_index);

  text = g_string_new (NULL);
  name = attempt_name (bar);
  if (self->kind == MI_CHART_KIND_OVERVIEW)
    g_string_append_printf (text, "%s · ", series->id);
  g_string_append (text, name);
  g_string_append_c (text, '\n');

  if (bar->text == NULL)
    g_string_append (text, _("Value: no result"));
  else
    {
      g_string_append_printf (text, _("Value: %s"), bar->text);
      if (!bar->has_value && self->kind == MI_CHART_KIND_TEST_CASE)
        g_string_append_printf (text, " (%s)", _("not charted: another unit"));
      else if (bar->has_value && self->kind == MI_CHART_KIND_OVERVIEW)
        {
          g_autofree char *fraction = format_fraction (bar->value);

          g_string_append_printf (text, " (%s)", fraction);
        }
      else if (bar->has_value && isfinite (bar->change))
        {
          g_autofree char *change = mi_chart_format_change (bar->change);

          g_string_append_printf (text, " (%s)", change);
        }
    }
  g_string_append_c (text, '\n');

  if (series->has_target)
    g_string_append_printf (text, _("Target: %s"), series->target_text);
  else
    g_string_append (text, _("Target: none"));
  g_string_append_c (text, '\n');

  g_string_append_printf (text, _("Verdict: %s"), mi_verdict_get_label (bar->verdict));

  return g_string_free (text, FALSE);
}

/**
 * mi_chart_model_describe_span:
 *
 * Returns: the tooltip of an attempt on the timeline.
 */
char *
mi_chart_model_describe_span (MiChartModel *self,
                              guint         index)
{
  const MiChartSpan *span;
  GString *text;
  char start[16], end[16];

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->spans->len, NULL);

  span = &g_array_index (self->spans, MiChartSpan, index);
  text = g_string_new (NULL);

  if (span->title != NULL)
    g_string_append_printf (text, _("Attempt %03u · %s"), span->attempt, span->title);
  else
    g_string_append_printf (text, _("Attempt %03u"), span->attempt);
  g_string_append_c (text, '\n');

  if (span->has_dates)
    {
      g_date_strftime (start, sizeof start, "%Y-%m-%d", &span->start);
      g_date_strftime (end, sizeof end, "%Y-%m-%d", &span->end);
      if (g_date_compare (&span->start, &span->end) == 0)
        g_string_append (text, start);
      else
        /* TRANSLATORS: a date range */
        g_string_append_printf (text, _("%s to %s"), start, end);
      g_string_append_c (text, '\n');
    }

  g_string_append_printf (text, _("Outcome: %s"), mi_outcome_get_label (span->outcome));

  return g_string_free (text, FALSE);
}

/**
 * mi_chart_model_describe:
 *
 * Returns: the data of the chart in sentences, for screen readers and the
 *   SVG's description.
 */
char *
mi_chart_model_describe (MiChartModel *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);

  if (self->kind == MI_CHART_KIND_TEST_CASE)
    {
      describe_series (self, g_ptr_array_index (self->series, 0), text);
      return g_string_free (text, FALSE);
    }

  g_string_append_printf (text, _("%s: each test case's results as a fraction of its target."),
                          self->title);
  if (self->series->len == 0)
    g_string_append_printf (text, " %s", _("No test cases."));

  for (guint i = 0; i < self->series->len; i++)
    {
      g_string_append_c (text, ' ');
      describe_series (self, g_ptr_array_index (self->series, i), text);
    }

  if (self->spans->len > 0)
    {
      g_string_append_printf (text, " %s", _("Timeline:"));
      for (guint i = 0; i < self->spans->len; i++)
        {
          const MiChartSpan *span = &g_array_index (self->spans, MiChartSpan, i);
          char start[16], end[16];

          g_string_append_printf (text, i == 0 ? _(" attempt %03u") : _("; attempt %03u"),
                                  span->attempt);
          if (span->title != NULL)
            g_string_append_printf (text, " %s", span->title);
          if (span->has_dates)
            {
              g_date_strftime (start, sizeof start, "%Y-%m-%d", &span->start);
              g_date_strftime (end, sizeof end, "%Y-%m-%d", &span->end);
              g_string_append_printf (text, _(", %s to %s"), start, end);
            }
          g_string_append_printf (text, ", %s", mi_outcome_get_label (span->outcome));
        }
      g_string_append_c (text, '.');
    }

  return g_string_free (text, FALSE);
}
