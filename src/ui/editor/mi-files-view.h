/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "meta-issues.h"
#include "mi-editor-stack.h"

G_BEGIN_DECLS

#define MI_TYPE_FILES_VIEW (mi_files_view_get_type ())
G_DECLARE_FINAL_TYPE (MiFilesView, mi_files_view, MI, FILES_VIEW, GtkWidget)

GtkWidget     *mi_files_view_new            (void);
MiIssue       *mi_files_view_get_issue      (MiFilesView *self);
void           mi_files_view_set_issue      (MiFilesView *self,
                                             MiIssue     *issue);
void           mi_files_view_set_root       (MiFilesView *self,
                                             GFile       *root);
MiEditorStack *mi_files_view_get_stack      (MiFilesView *self);
GtkListBox    *mi_files_view_get_list       (MiFilesView *self);
MiEditor      *mi_files_view_open_file      (MiFilesView *self,
                                             GFile       *file);
void           mi_files_view_sync_with_disk (MiFilesView *self,
                                             GFile       *file);
void           mi_files_view_carry_written  (MiFilesView *self,
                                             GFile       *file,
                                             GBytes      *before,
                                             GBytes      *after);
void           mi_files_view_collect_claims (MiFilesView *self,
                                             GFile       *folder,
                                             GPtrArray   *claims);
void           mi_files_view_close_saved    (MiFilesView *self);

G_END_DECLS
