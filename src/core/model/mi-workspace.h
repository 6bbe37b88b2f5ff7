/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

#define MI_WORKSPACE_ERROR (mi_workspace_error_quark ())

typedef enum
{
  MI_WORKSPACE_ERROR_NOT_FOUND,   /* no docs/meta-issues/ and no repository upwards */
} MiWorkspaceError;

#define MI_TYPE_WORKSPACE (mi_workspace_get_type ())
G_DECLARE_FINAL_TYPE (MiWorkspace, mi_workspace, MI, WORKSPACE, GObject)

GQuark        mi_workspace_error_quark   (void);

GFile        *mi_workspace_find_root     (GFile               *folder,
                                          GError             **error);
MiWorkspace  *mi_workspace_open          (GFile               *folder,
                                          GCancellable        *cancellable,
                                          GError             **error);
void          mi_workspace_open_async    (GFile               *folder,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
MiWorkspace  *mi_workspace_open_finish   (GAsyncResult        *result,
                                          GError             **error);
MiWorkspace  *mi_workspace_new           (GFile               *root);
gboolean      mi_workspace_reload        (MiWorkspace         *self,
                                          GCancellable        *cancellable,
                                          GError             **error);
void          mi_workspace_start_monitoring (MiWorkspace      *self);
GFile        *mi_workspace_get_root      (MiWorkspace         *self);
GFile        *mi_workspace_get_issues_dir (MiWorkspace        *self);
MiIssue      *mi_workspace_find_issue    (MiWorkspace         *self,
                                          const char          *slug);
MiIssue      *mi_workspace_create_issue  (MiWorkspace         *self,
                                          const char          *title,
                                          const char          *slug,
                                          const char          *date,
                                          GError             **error);
void          mi_workspace_create_issue_async  (MiWorkspace   *self,
                                          const char          *title,
                                          const char          *slug,
                                          const char          *date,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
MiIssue      *mi_workspace_create_issue_finish (MiWorkspace   *self,
                                          GAsyncResult        *result,
                                          GError             **error);
char         *mi_workspace_get_relative_path (MiWorkspace     *self,
                                          GFile               *file);

/* Searching (mi-workspace-search.c) */
char         *mi_search_fold_text        (const char          *text);
gboolean      mi_issue_matches_title     (MiIssue             *issue,
                                          const char          *casefolded_text);
void          mi_workspace_search_async  (MiWorkspace         *self,
                                          const char          *text,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GHashTable   *mi_workspace_search_finish (MiWorkspace         *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
