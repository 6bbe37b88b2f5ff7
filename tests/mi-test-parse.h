/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The checks of the parser's tests (mi-test-parse.c): non-fatal, each
 * mismatch reported with the fixture and the value's name.
 */

#include "meta-issues.h"

G_BEGIN_DECLS

#define KIB (1024.0)
#define MIB (1024.0 * 1024.0)
#define GIB (1024.0 * 1024.0 * 1024.0)

/* Any non-NULL string: for values the conventions do not pin down. */
extern const char ANY[];

#define check_uint(what, read, expected)     check_uint_at (__FILE__, __LINE__, what, read, expected)
#define check_true(what, ok, expected, read) check_true_at (__FILE__, __LINE__, what, ok, expected, read)

gboolean     check_uint_at            (const char         *file,
                                       int                 line,
                                       const char         *what,
                                       guint64             read,
                                       guint64             expected);
gboolean     check_true_at            (const char         *file,
                                       int                 line,
                                       const char         *what,
                                       gboolean            ok,
                                       const char         *expected,
                                       const char         *read);

MiWorkspace *open_workspace           (const char         *name,
                                       const char         *relative);
MiIssue     *get_issue                (MiWorkspace        *workspace,
                                       const char         *slug);

void         assert_issue             (MiIssue            *issue,
                                       const char         *title,
                                       MiStatus            status,
                                       guint               status_attempt,
                                       const char         *status_text,
                                       const char         *created,
                                       int                 total_attempts,
                                       const char         *duration);
void         assert_counts            (MiIssue            *issue,
                                       guint               n_attempts,
                                       guint               n_hypotheses,
                                       guint               n_test_cases,
                                       guint               n_criteria,
                                       guint               n_log_entries);
void         assert_sections          (MiIssue            *issue,
                                       const char         *problem_statement,
                                       const char         *current_understanding,
                                       const char         *root_cause,
                                       const char         *resolution);
void         assert_symptoms          (MiIssue            *issue,
                                       const char * const *symptoms);

char        *file_basename            (GFile              *file);
MiAttempt   *assert_attempt           (MiIssue            *issue,
                                       guint               index,
                                       guint               number,
                                       const char         *title,
                                       MiOutcome           outcome,
                                       const char         *result,
                                       const char         *dates,
                                       const char         *start_date,
                                       const char         *end_date);
void         assert_attempt_files     (MiAttempt          *attempt,
                                       const char         *folder,
                                       gboolean            has_approach,
                                       gboolean            has_results);
void         assert_attempt_texts     (MiAttempt          *attempt,
                                       const char         *hypothesis,
                                       const char         *expected_outcome,
                                       const char         *learning);

void         assert_hypothesis        (MiIssue            *issue,
                                       guint               index,
                                       guint               version,
                                       const char         *date,
                                       const char         *title,
                                       const char         *theory);

void         assert_measurement       (MiMeasurement      *m,
                                       const char         *text,
                                       MiOp                op,
                                       double              value,
                                       const char         *unit,
                                       MiDimension         dimension,
                                       double              base_value,
                                       const char         *qualifier);
MiTestCase  *assert_test_case         (MiIssue            *issue,
                                       guint               index,
                                       const char         *id,
                                       const char         *title,
                                       const char         *target,
                                       guint               n_results);
void         assert_result            (MiTestCase         *tc,
                                       guint               index,
                                       guint               attempt,
                                       const char         *text,
                                       double              value,
                                       const char         *unit,
                                       MiDimension         dimension,
                                       double              base_value,
                                       MiVerdict           verdict);
void         assert_result_unread     (MiTestCase         *tc,
                                       guint               index,
                                       guint               attempt,
                                       const char         *text);
void         assert_criterion         (MiIssue            *issue,
                                       guint               index,
                                       const char         *metric,
                                       const char         *text,
                                       MiOp                op,
                                       double              value,
                                       const char         *unit,
                                       MiDimension         dimension,
                                       double              base_value,
                                       const char         *qualifier);

void         assert_log_counts        (MiIssue            *issue,
                                       const guint        *per_attempt,
                                       guint               n_attempts);
void         assert_log_entry         (MiIssue            *issue,
                                       guint               index,
                                       guint               attempt,
                                       const char         *date,
                                       const char         *text);

void         assert_all_strings_clean (MiIssue            *issue);

int          mi_test_parse_run        (void);

G_END_DECLS
