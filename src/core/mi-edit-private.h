/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-document.h"
#include "mi-markdown.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *docs;       /* MiDocument */
  GPtrArray *originals;  /* GBytes of the file before, NULL for a new file */
  GPtrArray *new_dirs;   /* GFile, created by the commit, deepest last */
  GPtrArray *claims;     /* MiClaim: unsaved text the writes must not meet; or NULL */
  gboolean   committed;  /* the prepare function committed it itself */
} MiChange;

/* A file a structured edit wrote. */
typedef struct
{
  GFile  *file;
  GBytes *before;        /* NULL: a new file */
  GBytes *after;
} MiWritten;

/* Makes the text edits of one structured edit on @issue, a copy of the
 * meta-issue for this edit, on the edit's worker: adds each document it
 * changes to @change before changing it. */
typedef gboolean (*MiEditPrepare) (MiIssue   *issue,
                                   MiChange  *change,
                                   gpointer   data,
                                   GError   **error);

gboolean  mi_edit_run                (MiIssue             *issue,
                                      MiEditPrepare        prepare,
                                      gpointer             data,
                                      GError             **error);
void      mi_edit_run_async          (MiIssue             *issue,
                                      MiEditPrepare        prepare,
                                      gpointer             data,
                                      GDestroyNotify       data_free,
                                      gpointer             source_tag,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gpointer  mi_edit_run_finish         (MiIssue             *issue,
                                      GAsyncResult        *result,
                                      gpointer             source_tag,
                                      GError             **error);
void      mi_edit_check_thread       (const char          *what);

/* The checks and names every structured edit of a meta-issue uses. */
gboolean  _mi_edit_check_date        (const char          *date,
                                      char               **out,
                                      GError             **error);
gboolean  _mi_edit_check_text        (const char          *text,
                                      const char          *what,
                                      char               **out,
                                      GError             **error);
char     *_mi_edit_relative_name     (MiIssue             *self,
                                      MiIssueFile          file);

void      mi_change_init             (MiChange     *change);
void      mi_change_clear            (MiChange     *change);
void      mi_change_add              (MiChange     *change,
                                      MiDocument   *doc);
gboolean  mi_change_commit           (MiChange     *change,
                                      GError      **error);

char     *mi_edit_get_line           (MiDocument   *doc,
                                      guint         line);
gboolean  mi_edit_replace_value      (MiDocument   *doc,
                                      guint         line,
                                      const char   *value);
void      mi_edit_insert_lines_after (MiDocument   *doc,
                                      guint         line,
                                      const char  **lines);
void      mi_edit_append_block       (MiDocument   *doc,
                                      const char  **lines);
char     *mi_edit_with_newline       (const char   *text,
                                      const char   *nl);
char     *mi_edit_single_line        (const char   *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MiChange, mi_change_clear)

G_END_DECLS
