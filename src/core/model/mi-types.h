/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _MiAttempt     MiAttempt;
typedef struct _MiCriterion   MiCriterion;
typedef struct _MiDocument    MiDocument;
typedef struct _MiHypothesis  MiHypothesis;
typedef struct _MiIssue       MiIssue;
typedef struct _MiLogEntry    MiLogEntry;
typedef struct _MiMeasurement MiMeasurement;
typedef struct _MiResult      MiResult;
typedef struct _MiTestCase    MiTestCase;
typedef struct _MiWorkspace   MiWorkspace;

/**
 * MiStatus:
 * The status of a meta-issue, from the README's `**Status:**` line.
 */
typedef enum
{
  MI_STATUS_UNKNOWN,
  MI_STATUS_OPEN,
  MI_STATUS_IN_PROGRESS,
  MI_STATUS_RESOLVED,
  MI_STATUS_ABANDONED,
  MI_STATUS_SUPERSEDED,
} MiStatus;

/**
 * MiOutcome:
 * How an attempt ended: ✅ / ⚠️ / ❌ / 🔄, or nothing written yet.
 */
typedef enum
{
  MI_OUTCOME_PENDING,
  MI_OUTCOME_IN_PROGRESS,
  MI_OUTCOME_FAILED,
  MI_OUTCOME_PARTIAL,
  MI_OUTCOME_SUCCESS,
} MiOutcome;

/**
 * MiVerdict:
 * A test result against its target.
 */
typedef enum
{
  MI_VERDICT_UNKNOWN,
  MI_VERDICT_PASS,
  MI_VERDICT_FAIL,
} MiVerdict;

/**
 * MiDimension:
 * What a measurement measures; values of one dimension share a base unit.
 */
typedef enum
{
  MI_DIMENSION_NONE,   /* a bare number or an unknown unit */
  MI_DIMENSION_TIME,   /* base unit: ms */
  MI_DIMENSION_SIZE,   /* base unit: B */
  MI_DIMENSION_RATIO,  /* base unit: % */
  MI_DIMENSION_COUNT,  /* base unit: (none) */
  MI_DIMENSION_RATE,   /* base unit: /s */
} MiDimension;

/**
 * MiOp:
 * The comparison of a target: `< 1,000ms`.
 */
typedef enum
{
  MI_OP_NONE,
  MI_OP_LT,
  MI_OP_LE,
  MI_OP_GT,
  MI_OP_GE,
  MI_OP_EQ,
} MiOp;

/**
 * MiIssueFile:
 * The four files at the top of a meta-issue folder.
 */
typedef enum
{
  MI_ISSUE_FILE_README,
  MI_ISSUE_FILE_DESCRIPTION,
  MI_ISSUE_FILE_LOG,
  MI_ISSUE_FILE_TEST_CASES,
  MI_ISSUE_N_FILES,
} MiIssueFile;

#define MI_TYPE_STATUS    (mi_status_get_type ())
#define MI_TYPE_OUTCOME   (mi_outcome_get_type ())
#define MI_TYPE_VERDICT   (mi_verdict_get_type ())
#define MI_TYPE_DIMENSION (mi_dimension_get_type ())
#define MI_TYPE_OP        (mi_op_get_type ())

GType        mi_status_get_type        (void) G_GNUC_CONST;
GType        mi_outcome_get_type       (void) G_GNUC_CONST;
GType        mi_verdict_get_type       (void) G_GNUC_CONST;
GType        mi_dimension_get_type     (void) G_GNUC_CONST;
GType        mi_op_get_type            (void) G_GNUC_CONST;

/* Stable identifiers, as in `meta-issues-cli show --json`: "in-progress". */
const char  *mi_status_to_id           (MiStatus     status);
const char  *mi_outcome_to_id          (MiOutcome    outcome);
const char  *mi_verdict_to_id          (MiVerdict    verdict);
const char  *mi_op_to_string           (MiOp         op);

/* What the app writes in the markdown: "In Progress", "✅ Success". */
const char  *mi_status_to_markdown     (MiStatus     status);
const char  *mi_outcome_to_markdown    (MiOutcome    outcome);

/* Translated labels for the UI. */
const char  *mi_status_get_label       (MiStatus     status);
const char  *mi_outcome_get_label      (MiOutcome    outcome);
const char  *mi_verdict_get_label      (MiVerdict    verdict);

/* Tolerant readers: case, spacing, emoji or words. */
MiStatus     mi_status_parse           (const char  *text,
                                        guint       *attempt);
MiOutcome    mi_outcome_parse          (const char  *text);
MiVerdict    mi_verdict_parse          (const char  *text);

G_END_DECLS
