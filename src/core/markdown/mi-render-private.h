/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the files of MiRender share: the instance structures of MiRender and
 * MiRenderBlock, and the helpers each part offers the others:
 *
 *   mi-render-node.c         the tree of nodes, converted from cmark-gfm's
 *   mi-render-block.c        MiRenderBlock; a range of the text parsed into
 *                            blocks, their lines, bytes and hashes
 *   mi-render-incremental.c  bringing the blocks up to date after an edit:
 *                            a window around it, else the whole text (in a
 *                            thread for large texts), keeping what did not
 *                            change
 *   mi-render.c              MiRender: the text, the GListModel, the API
 *
 * Only those files include it: everyone else uses mi-render.h.
 */

#include <cmark-gfm.h>

#include "mi-render.h"

G_BEGIN_DECLS

struct _MiRenderBlock
{
  GObject       parent_instance;

  MiRenderNode *node;
  guint64       hash;
  guint         start_line;  /* 0-based, absolute */
  guint         end_line;
  gsize         start_byte;
  gsize         end_byte;    /* end of the last line, newline excluded */
};

struct _MiRender
{
  GObject       parent_instance;

  GString      *text;
  GArray       *line_starts;   /* gsize, for text; NULL when stale */
  GPtrArray    *blocks;        /* MiRenderBlock */
  gsize         blocks_len;    /* length of the text the blocks were made for */
  guint         blocks_n_lines;

  /* The pending edit, in the coordinates of the current text. */
  gboolean      dirty;
  gboolean      need_full;
  gsize         dirty_start;
  gsize         dirty_end;

  gboolean      has_refdefs;
  gsize         async_threshold;
  guint64       generation;
  GCancellable *cancellable;
  gboolean      parsing;

  guint         n_rebuilt;
  gboolean      last_incremental;
};

/* mi-render-node.c */
void          _mi_render_node_free           (MiRenderNode *node);
MiRenderNode *_mi_render_node_new_from_cmark (cmark_node   *cnode,
                                              int           base);

/* mi-render-block.c */
GArray       *_mi_render_index_lines         (const char   *text,
                                              gsize         len);
gsize         _mi_render_line_end            (GArray       *starts,
                                              const char   *text,
                                              gsize         len,
                                              guint         line);
guint         _mi_render_line_of_offset      (GArray       *starts,
                                              gsize         offset);
GPtrArray    *_mi_render_parse_blocks        (const char   *text,
                                              gsize         len,
                                              GArray       *starts,
                                              gsize         start,
                                              gsize         end,
                                              guint         first_line);

/* The byte where @line (0-based) begins; the last line's for a line past
 * the end. */
static inline gsize
_mi_render_line_start (GArray *starts,
                       guint   line)
{
  if (line >= starts->len)
    line = starts->len - 1;
  return g_array_index (starts, gsize, line);
}

/* mi-render-incremental.c */
void          _mi_render_parse_full          (MiRender     *self);
void          _mi_render_start_full_async    (MiRender     *self);
gboolean      _mi_render_parse_incremental   (MiRender     *self);

/* mi-render.c */
void          _mi_render_ensure_lines        (MiRender     *self);
void          _mi_render_emit_updated        (MiRender     *self);

G_END_DECLS
