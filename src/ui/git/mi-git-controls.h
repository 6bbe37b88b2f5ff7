/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "meta-issues.h"

G_BEGIN_DECLS

#define MI_TYPE_GIT_CONTROLS (mi_git_controls_get_type ())
G_DECLARE_FINAL_TYPE (MiGitControls, mi_git_controls, MI, GIT_CONTROLS, GtkWidget)

MiWorkspace   *mi_git_controls_get_workspace  (MiGitControls *self);
void           mi_git_controls_set_workspace  (MiGitControls *self,
                                               MiWorkspace   *workspace);
MiRepository  *mi_git_controls_get_repository (MiGitControls *self);
int            mi_git_controls_get_n_changes  (MiGitControls *self);
gboolean       mi_git_controls_get_busy       (MiGitControls *self);
gboolean       mi_git_controls_get_syncing    (MiGitControls *self);
void           mi_git_controls_refresh        (MiGitControls *self);
GtkWindow     *mi_git_controls_show_commit    (MiGitControls *self);
GtkWindow     *mi_git_controls_show_history   (MiGitControls *self,
                                               MiIssue       *issue);
void           mi_git_controls_sync           (MiGitControls *self);
void           mi_git_controls_cancel_sync    (MiGitControls *self);

G_END_DECLS
