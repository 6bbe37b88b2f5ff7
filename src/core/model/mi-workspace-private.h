/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-edit-private.h"
#include "mi-workspace.h"

G_BEGIN_DECLS

GPtrArray *_mi_workspace_collect_claims (MiWorkspace     *self,
                                         GFile           *folder);
void       _mi_workspace_emit_written   (MiWorkspace     *self,
                                         const MiWritten *written);

G_END_DECLS
