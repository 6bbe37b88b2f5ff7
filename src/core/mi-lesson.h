/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"

G_BEGIN_DECLS

/*
 * The lesson of a resolved meta-issue, extracted to
 * docs/lessons-learned/<category>/<Name>.md from the "lesson" template.
 */
gboolean  mi_lesson_validate_name  (const char   *name,
                                    GError      **error);
char     *mi_lesson_suggest_name   (MiIssue      *issue);
GFile    *mi_lesson_get_file       (GFile        *root,
                                    const char   *category,
                                    const char   *name);
char     *mi_lesson_render         (GFile        *root,
                                    MiIssue      *issue,
                                    const char   *category,
                                    const char   *date,
                                    GError      **error);
GFile    *mi_lesson_extract        (GFile        *root,
                                    MiIssue      *issue,
                                    const char   *category,
                                    const char   *name,
                                    const char   *date,
                                    GError      **error);
void      mi_lesson_extract_async  (GFile               *root,
                                    MiIssue             *issue,
                                    const char          *category,
                                    const char          *name,
                                    const char          *date,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
GFile    *mi_lesson_extract_finish (MiIssue             *issue,
                                    GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
