/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-issue.h"
#include "mi-markdown.h"
#include "mi-model-private.h"

G_BEGIN_DECLS

struct _MiIssue
{
  GObject      parent_instance;

  GFile       *folder;
  char        *slug;
  MiDocument  *docs[MI_ISSUE_N_FILES];   /* never NULL; may not exist on disk */

  char        *title;
  MiStatus     status;
  guint        status_attempt;
  char        *status_text;
  char        *created;
  int          total_attempts;          /* -1 when not written */
  char        *duration;
  char        *summary;
  char        *problem_statement;
  char       **symptoms;
  char        *root_cause;
  char        *resolution;
  char        *current_understanding;

  GListStore  *attempts;
  GListStore  *hypotheses;
  GListStore  *test_cases;
  GListStore  *log_entries;
  GListStore  *criteria;

  /* Places for edits: 1-based lines of their file, 0 when absent. */
  guint        title_line;               /* README */
  guint        status_line;
  guint        created_line;
  guint        total_line;
  guint        timeline_header_line;
  guint        timeline_last_line;
  GPtrArray   *timeline_columns;         /* lower-case header cells */
  guint        versions_level;           /* description: heading level of versions */
  guint        versions_last_line;
  guint        log_level;                /* log: heading level of attempt sections */
  guint        log_last_line;            /* last non-blank line of the last attempt section */
  guint        criteria_line;            /* test-cases: Success Criteria heading */
  guint        test_cases_level;         /* test-cases: heading level of the test cases */
  gboolean     has_timeline_table;

  /* Structured edits (mi-edit.c), on the thread that owns the issue. */
  MiWorkspace *workspace;                /* the workspace it is in, or NULL; not a reference */
  GQueue       edits;                    /* GTask of edits waiting for the running one */
  gboolean     editing;                  /* an edit runs on a worker */
  guint        parse_serial;             /* raised by each mi_issue_take_parse() */
};

typedef struct _MiIssueStamp MiIssueStamp;

MiIssue  *_mi_issue_new         (GFile         *folder);
void      mi_issue_parse_into  (MiIssue       *self,
                                GCancellable  *cancellable);
void      mi_issue_take_parse  (MiIssue       *self,
                                MiIssue       *fresh);

MiIssue  *mi_issue_dup_for_edit        (MiIssue       *self);
MiIssueStamp *mi_issue_stamp_new       (MiIssue       *self);
gboolean  mi_issue_stamp_matches_disk  (MiIssueStamp  *stamp);
void      mi_issue_stamp_free          (MiIssueStamp  *stamp);
guint     mi_issue_get_n_parses        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiIssueStamp, mi_issue_stamp_free)

G_END_DECLS
