/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the files of MiWorkspace share (mi-workspace.c, -monitor.c and
 * -create.c): its instance structure and the helpers of mi-workspace.c
 * that keep its list; and what mi-edit.c calls on a workspace.
 */

#include "mi-edit-private.h"
#include "mi-watcher.h"
#include "mi-workspace.h"

G_BEGIN_DECLS

struct _MiWorkspace
{
  GObject     parent_instance;

  GFile      *root;
  GFile      *issues_dir;
  GPtrArray  *issues;     /* of MiIssue, sorted by slug */

  /* Watching the files (mi_workspace_start_monitoring) */
  MiWatcher  *watcher;    /* NULL until monitoring starts */
  GHashTable *dirty;      /* slugs whose files changed */
  gboolean    list_dirty; /* folders came or went in docs/meta-issues */
  guint       flush_source;
  GCancellable *flushing; /* a flush reading on a worker */
};

/* The list (mi-workspace.c) */
void       _mi_workspace_adopt             (MiWorkspace     *self,
                                            MiIssue         *issue);
GPtrArray *_mi_workspace_list_slugs        (GFile           *issues_dir);
void       _mi_workspace_sync_list         (MiWorkspace     *self,
                                            GPtrArray       *slugs,
                                            GHashTable      *fresh);
void       _mi_workspace_emit_file_changed (MiWorkspace     *self,
                                            GFile           *file);
void       _mi_workspace_notify_n_items    (MiWorkspace     *self);

/* Claims and writes (mi-edit.c) */
GPtrArray *_mi_workspace_collect_claims    (MiWorkspace     *self,
                                            GFile           *folder);
void       _mi_workspace_emit_written      (MiWorkspace     *self,
                                            const MiWritten *written);

void       _mi_workspace_flush_after_edit (MiWorkspace   *self,
                                           MiIssue       *issue);

G_END_DECLS
