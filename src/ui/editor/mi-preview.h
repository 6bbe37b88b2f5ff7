/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mi-render.h"

G_BEGIN_DECLS

#define MI_TYPE_PREVIEW (mi_preview_get_type ())
G_DECLARE_FINAL_TYPE (MiPreview, mi_preview, MI, PREVIEW, GtkWidget)

GtkWidget   *mi_preview_new               (void);
MiRender    *mi_preview_get_render        (MiPreview  *self);
void         mi_preview_set_render        (MiPreview  *self,
                                           MiRender   *render);
GFile       *mi_preview_get_file          (MiPreview  *self);
void         mi_preview_set_file          (MiPreview  *self,
                                           GFile      *file);
GFile       *mi_preview_get_root          (MiPreview  *self);
void         mi_preview_set_root          (MiPreview  *self,
                                           GFile      *root);
void         mi_preview_scroll_to_line    (MiPreview  *self,
                                           guint       line);
gboolean     mi_preview_activate_link     (MiPreview  *self,
                                           const char *uri);
char        *mi_preview_dup_markup        (MiPreview     *self,
                                          const char    *markdown);
GtkWidget   *mi_preview_build_block       (MiPreview     *self,
                                           MiRenderBlock *block);
GtkListView *mi_preview_get_list_view     (MiPreview  *self);
guint        mi_preview_get_n_built       (MiPreview  *self);

G_END_DECLS
