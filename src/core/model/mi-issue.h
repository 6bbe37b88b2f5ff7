/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

#define MI_ISSUE_ERROR (mi_issue_error_quark ())

typedef enum
{
  MI_ISSUE_ERROR_INVALID_SLUG,
  MI_ISSUE_ERROR_EXISTS,
  MI_ISSUE_ERROR_NOT_FOUND,       /* no such test case, attempt, issue */
  MI_ISSUE_ERROR_INVALID_VALUE,   /* a date, status or value the edit cannot write */
  MI_ISSUE_ERROR_NO_PLACE,        /* the file has no place for the edit */
  MI_ISSUE_ERROR_INCOMPARABLE,    /* a value that cannot be compared with its target */
} MiIssueError;

typedef enum
{
  MI_RECORD_NONE    = 0,
  MI_RECORD_REPLACE = 1 << 0,   /* rewrite the attempt's existing result */
  MI_RECORD_FORCE   = 1 << 1,   /* record a value its target cannot be compared with */
} MiRecordFlags;

#define MI_TYPE_ISSUE (mi_issue_get_type ())
G_DECLARE_FINAL_TYPE (MiIssue, mi_issue, MI, ISSUE, GObject)

GQuark        mi_issue_error_quark          (void);

MiIssue      *mi_issue_load                 (GFile         *folder,
                                             GCancellable  *cancellable,
                                             GError       **error);
gboolean      mi_issue_reload               (MiIssue       *self,
                                             GCancellable  *cancellable,
                                             GError       **error);
GFile        *mi_issue_get_folder           (MiIssue       *self);
const char   *mi_issue_get_slug             (MiIssue       *self);
const char   *mi_issue_get_title            (MiIssue       *self);
MiStatus      mi_issue_get_status           (MiIssue       *self);
guint         mi_issue_get_status_attempt   (MiIssue       *self);
const char   *mi_issue_get_status_text      (MiIssue       *self);
const char   *mi_issue_get_created          (MiIssue       *self);
int           mi_issue_get_total_attempts   (MiIssue       *self);
const char   *mi_issue_get_duration         (MiIssue       *self);
const char   *mi_issue_get_summary          (MiIssue       *self);
const char   *mi_issue_get_problem_statement (MiIssue      *self);
const char * const *mi_issue_get_symptoms   (MiIssue       *self);
const char   *mi_issue_get_root_cause       (MiIssue       *self);
const char   *mi_issue_get_resolution       (MiIssue       *self);
const char   *mi_issue_get_current_understanding (MiIssue  *self);
GListModel   *mi_issue_get_attempts         (MiIssue       *self);
GListModel   *mi_issue_get_hypotheses       (MiIssue       *self);
GListModel   *mi_issue_get_test_cases       (MiIssue       *self);
GListModel   *mi_issue_get_log_entries      (MiIssue       *self);
GListModel   *mi_issue_get_criteria         (MiIssue       *self);
MiAttempt    *mi_issue_find_attempt         (MiIssue       *self,
                                             guint          number);
MiTestCase   *mi_issue_find_test_case       (MiIssue       *self,
                                             const char    *id);
MiAttempt    *mi_issue_get_last_attempt     (MiIssue       *self);
MiDocument   *mi_issue_get_document         (MiIssue       *self,
                                             MiIssueFile    file);
GFile        *mi_issue_get_file             (MiIssue       *self,
                                             MiIssueFile    file);
gint64        mi_issue_get_mtime            (MiIssue       *self);

/* Structured edits (mi-issue-edit.c): each rewrites the smallest span, saves
 * atomically, and parses again: on a worker for the _async calls, on the
 * calling thread for the others. Dates are YYYY-MM-DD; NULL means today. */
gboolean      mi_issue_set_status           (MiIssue       *self,
                                             MiStatus       status,
                                             guint          attempt,
                                             GError       **error);
MiAttempt    *mi_issue_add_attempt          (MiIssue       *self,
                                             const char    *title,
                                             const char    *hypothesis,
                                             const char    *date,
                                             GError       **error);
gboolean      mi_issue_record_result        (MiIssue       *self,
                                             const char    *test_case_id,
                                             guint          attempt,
                                             const char    *value,
                                             MiVerdict      verdict,
                                             MiRecordFlags  flags,
                                             GError       **error);
MiHypothesis *mi_issue_add_hypothesis       (MiIssue       *self,
                                             const char    *title,
                                             const char    *theory,
                                             const char    *date,
                                             GError       **error);
gboolean      mi_issue_add_log_entry        (MiIssue       *self,
                                             const char    *text,
                                             const char    *date,
                                             guint          attempt,
                                             GError       **error);

void          mi_issue_set_status_async     (MiIssue             *self,
                                             MiStatus             status,
                                             guint                attempt,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      mi_issue_set_status_finish    (MiIssue       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          mi_issue_add_attempt_async    (MiIssue             *self,
                                             const char          *title,
                                             const char          *hypothesis,
                                             const char          *date,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
MiAttempt    *mi_issue_add_attempt_finish   (MiIssue       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          mi_issue_record_result_async  (MiIssue             *self,
                                             const char          *test_case_id,
                                             guint                attempt,
                                             const char          *value,
                                             MiVerdict            verdict,
                                             MiRecordFlags        flags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      mi_issue_record_result_finish (MiIssue       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          mi_issue_add_hypothesis_async (MiIssue             *self,
                                             const char          *title,
                                             const char          *theory,
                                             const char          *date,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
MiHypothesis *mi_issue_add_hypothesis_finish (MiIssue      *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void          mi_issue_add_log_entry_async  (MiIssue             *self,
                                             const char          *text,
                                             const char          *date,
                                             guint                attempt,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      mi_issue_add_log_entry_finish (MiIssue       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
gboolean      mi_issue_add_test_case        (MiIssue       *self,
                                             const char    *title,
                                             const char    *target,
                                             const char    *procedure,
                                             char         **id,
                                             GError       **error);
void          mi_issue_add_test_case_async  (MiIssue             *self,
                                             const char          *title,
                                             const char          *target,
                                             const char          *procedure,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char         *mi_issue_add_test_case_finish (MiIssue       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
gboolean      mi_issue_add_criterion        (MiIssue       *self,
                                             const char    *metric,
                                             const char    *target,
                                             GError       **error);
void          mi_issue_add_criterion_async  (MiIssue             *self,
                                             const char          *metric,
                                             const char          *target,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      mi_issue_add_criterion_finish (MiIssue       *self,
                                             GAsyncResult  *result,
                                             GError       **error);
guint         mi_issue_get_default_status_attempt (MiIssue *self,
                                             MiStatus       status);
gboolean      mi_issue_get_editing          (MiIssue       *self);
void          mi_edit_forbid_thread         (GThread       *thread);

gboolean      mi_slug_validate              (const char    *slug,
                                             GError       **error);
char         *mi_slug_from_title            (const char    *title);
char         *mi_date_today                 (void);
gboolean      mi_date_validate              (const char    *date,
                                             GError       **error);

G_END_DECLS
