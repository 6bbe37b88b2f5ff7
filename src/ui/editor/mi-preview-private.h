/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "mi-preview.h"

G_BEGIN_DECLS

/*
 * MiPreview is split by idea:
 *   mi-preview.c         the widget: its list of blocks, scrolling, links,
 *                        the style scheme of its code blocks
 *   mi-preview-blocks.c  the block builders, which turn each block of the
 *                        render model (paragraph, heading, list, code
 *                        block, quote, table, image…) into widgets
 */

struct _MiPreview
{
  GtkWidget       parent_instance;

  GtkWidget      *scroller;
  GtkListView    *list;
  GtkNoSelection *selection;

  MiRender       *render;
  GFile          *file;
  GFile          *root;

  GHashTable     *rows;          /* MiRenderBlock → its row's box */
  GHashTable     *code_buffers;  /* GtkSourceBuffer set, for the style scheme */
  guint           n_built;

  guint           scroll_tick;
  guint           scroll_line;
  guint           scroll_tries;
};

/* mi-preview.c */
void        _mi_preview_add_code_buffer (MiPreview          *self,
                                         GtkSourceBuffer    *buffer);
void        _mi_preview_toggle_task     (MiPreview          *self,
                                         guint               line);

/* mi-preview-blocks.c */
GtkWidget  *_mi_preview_build_node      (MiPreview          *self,
                                         MiRenderBlock      *block,
                                         const MiRenderNode *node,
                                         guint               depth);
void        _mi_preview_append_inlines  (MiPreview          *self,
                                         GString            *out,
                                         const MiRenderNode *node,
                                         gboolean           *has_broken);

G_END_DECLS
