/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "meta-issues.h"
#include "mi-form-dialog.h"

G_BEGIN_DECLS

#define MI_TYPE_LESSON_DIALOG (mi_lesson_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiLessonDialog, mi_lesson_dialog, MI, LESSON_DIALOG, MiFormDialog)

MiLessonDialog *mi_lesson_dialog_new          (MiIssue              *issue);
void            mi_lesson_dialog_run_async    (MiLessonDialog       *self,
                                               GtkWindow            *parent,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean        mi_lesson_dialog_run_finish   (MiLessonDialog       *self,
                                               GAsyncResult         *result,
                                               char                **category,
                                               char                **name,
                                               GError              **error);
const char     *mi_lesson_dialog_get_category (MiLessonDialog       *self);
void            mi_lesson_dialog_set_category (MiLessonDialog       *self,
                                               const char           *category);
const char     *mi_lesson_dialog_get_name     (MiLessonDialog       *self);
void            mi_lesson_dialog_set_name     (MiLessonDialog       *self,
                                               const char           *name);

G_END_DECLS
