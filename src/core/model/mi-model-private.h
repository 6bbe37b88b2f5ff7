/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once


/*
 * The instance structures of the small model objects. Only the parser
 * (mi-issue-parse*.c) fills them; everyone else uses the getters. All
 * strings are valid UTF-8 (the parser makes them so) and owned by the
 * object; NULL means "not written". Line numbers are 1-based lines of the
 * file the value was read from, 0 when unknown.
 */

#include <gio/gio.h>

#include "mi-attempt.h"
#include "mi-criterion.h"
#include "mi-document.h"
#include "mi-hypothesis.h"
#include "mi-log-entry.h"
#include "mi-measurement.h"
#include "mi-result.h"
#include "mi-test-case.h"

G_BEGIN_DECLS

/* Where a test case's parts are in test-cases.md, for edits (0 = none). */
typedef struct
{
  guint results_line;      /* the `**Results:**` line */
  guint last_result_line;  /* the last `- Attempt NNN:` item */
  guint last_line;         /* last non-blank line of the section */
} MiTestCasePlace;

struct _MiMeasurement
{
  GObject      parent_instance;
  char        *text;        /* as written, trimmed: "< 1,000ms (avg)" */
  double       value;       /* 1000 */
  char        *unit;        /* "ms", "" when none */
  MiDimension  dimension;
  double       base_value;  /* in the dimension's base unit */
  const char  *base_unit;   /* static: "ms", "B", "%", "", "/s" */
  MiOp         op;
  char        *qualifier;   /* "avg", NULL when none */
};

struct _MiCriterion
{
  GObject        parent_instance;
  char          *metric;
  MiMeasurement *target;    /* may be NULL when the value is unparsable */
  char          *text;      /* the list item as written */
  guint          line;
};

struct _MiResult
{
  GObject        parent_instance;
  guint          attempt;
  char          *text;        /* the value as written: "5,100ms" */
  MiMeasurement *measurement; /* NULL when unparsable */
  MiVerdict      verdict;     /* as written, else judged against the target */
  gboolean       written;     /* TRUE when PASS/FAIL was written */
  guint          line;
};

struct _MiTestCase
{
  GObject        parent_instance;
  char          *id;          /* "TC-001" */
  char          *title;
  char          *procedure;
  MiMeasurement *target;      /* **Target:**, else the matching criterion; may be NULL */
  char          *target_metric; /* the criterion's metric when taken from one */
  GListStore    *results;     /* of MiResult */
  guint          line;
  MiTestCasePlace place;
};

struct _MiHypothesis
{
  GObject  parent_instance;
  guint    version;
  char    *date;
  char    *title;
  char    *theory;
  char    *evidence;
  char    *test;
  char    *result;
  char    *learning;
  guint    line;
};

struct _MiLogEntry
{
  GObject  parent_instance;
  guint    attempt;   /* 0 when outside an attempt section */
  char    *date;
  char    *text;
  guint    line;
};

struct _MiAttempt
{
  GObject     parent_instance;
  guint       number;
  char       *slug;            /* folder name without "NNN-", NULL when no folder */
  char       *title;
  char       *dates;           /* as written: "2024-09-01 to 2024-09-07" */
  char       *start_date;
  char       *end_date;
  char       *hypothesis;
  char       *expected_outcome;
  MiOutcome   outcome;
  char       *result;          /* the log's or timeline's result text */
  char       *learning;
  GFile      *folder;          /* NULL when there is no folder */
  MiDocument *approach;        /* NULL when the file is missing */
  MiDocument *results_doc;     /* NULL when the file is missing */

  /* Where the attempt was seen, for checks. */
  guint       timeline_line;   /* README row, 0 when none */
  guint       log_line;        /* log heading, 0 when none */
  guint       log_last_line;   /* last non-blank line of its log section, 0 when none */

  /* Private to mi-attempt.c: the files returned by
   * mi_attempt_get_approach_file() and mi_attempt_get_results_file(), made
   * on first use from cache_folder (a reference to the folder they were made
   * from; they are made again when the parser sets another folder).
   */
  GFile      *cache_folder;
  GFile      *approach_file;
  GFile      *results_file;
};

MiMeasurement *mi_measurement_new_internal (void);
MiCriterion   *mi_criterion_new_internal   (void);
MiResult      *mi_result_new_internal      (void);
MiTestCase    *mi_test_case_new_internal   (void);
MiTestCase    *mi_test_case_dup_internal   (MiTestCase *self);
MiHypothesis  *mi_hypothesis_new_internal  (void);
MiLogEntry    *mi_log_entry_new_internal   (void);
MiAttempt     *mi_attempt_new_internal     (guint number);

#define mi_test_case_get_place(tc) (&(tc)->place)

G_END_DECLS

