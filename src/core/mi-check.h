/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-types.h"

G_BEGIN_DECLS

typedef struct
{
  char  *path;      /* relative to the workspace root */
  guint  line;      /* 1-based, 0 when the problem is a whole file or folder */
  char  *message;
} MiProblem;

void        mi_problem_free (MiProblem *problem);
GPtrArray  *mi_check_issue  (MiWorkspace *workspace,
                             MiIssue     *issue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiProblem, mi_problem_free)

G_END_DECLS
