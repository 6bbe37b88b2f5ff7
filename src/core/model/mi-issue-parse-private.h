/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the files of the parser share (mi-issue-parse.c, -attempts.c,
 * -test-cases.c and mi-issue-stamp.c): the small readers of
 * mi-issue-parse.c, what the README's timeline and the log tell of each
 * attempt until the MiAttempts are made, and the readers of the files
 * that mi_issue_parse_into() calls. Only those files include it.
 */

#include "mi-issue-private.h"

G_BEGIN_DECLS

/* An attempt as a README timeline row or a log section tells it. */
typedef struct
{
  guint  number;
  char  *title;
  char  *dates;
  char  *hypothesis;
  char  *result;
  char  *learning;
  guint  line;
  guint  last_line;    /* of a log section: its last non-blank line */
} SectionInfo;

typedef struct
{
  GPtrArray *timeline;   /* SectionInfo from the README table */
  GPtrArray *log;        /* SectionInfo from the log */
} Sources;

/* The small readers */
gboolean    _mi_parse_has_prefix_ci     (const char    *text,
                                         const char    *prefix);
gboolean    _mi_parse_read_number       (const char    *p,
                                         guint         *number,
                                         const char   **end);
gboolean    _mi_parse_numbered          (const char    *text,
                                         const char    *word,
                                         guint         *number,
                                         char         **title);
gboolean    _mi_parse_is_date           (const char    *text);
gboolean    _mi_parse_test_case_heading (const char    *text,
                                         char         **id,
                                         char         **title);
guint       _mi_parse_section_end       (MiMarkdown    *md,
                                         guint          heading,
                                         guint          level);
guint       _mi_parse_last_non_blank    (MiMarkdown    *md,
                                         guint          first,
                                         guint          last);
char       *_mi_parse_heading_at        (MiMarkdown    *md,
                                         guint          line);
MiMarkdown *_mi_parse_document          (MiDocument    *doc);
void        _mi_parse_set_str           (char         **field,
                                         const char    *value);

/* The files */
void        _mi_issue_parse_log         (MiIssue       *self,
                                         MiMarkdown    *md,
                                         Sources       *sources);
void        _mi_issue_collect_attempts  (MiIssue       *self,
                                         Sources       *sources,
                                         GCancellable  *cancellable);
void        _mi_issue_parse_test_cases  (MiIssue       *self,
                                         MiMarkdown    *md);

MiCriterion *_mi_issue_find_criterion (MiIssue       *self,
                                       MiTestCase    *tc,
                                       MiMeasurement *sample);

G_END_DECLS
