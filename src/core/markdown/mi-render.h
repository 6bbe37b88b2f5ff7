/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * MiRenderKind:
 * What a node of the render model is. Blocks first, then inlines.
 */
typedef enum
{
  MI_RENDER_HEADING,
  MI_RENDER_PARAGRAPH,
  MI_RENDER_LIST,
  MI_RENDER_ITEM,
  MI_RENDER_CODE_BLOCK,
  MI_RENDER_QUOTE,
  MI_RENDER_TABLE,
  MI_RENDER_TABLE_ROW,
  MI_RENDER_TABLE_CELL,
  MI_RENDER_RULE,
  MI_RENDER_HTML_BLOCK,
  MI_RENDER_IMAGE_BLOCK,   /* a paragraph holding nothing but one image */
  /* inlines */
  MI_RENDER_TEXT,
  MI_RENDER_SOFTBREAK,
  MI_RENDER_LINEBREAK,
  MI_RENDER_CODE,
  MI_RENDER_HTML,          /* raw inline HTML: shown as text */
  MI_RENDER_EMPH,
  MI_RENDER_STRONG,
  MI_RENDER_STRIKETHROUGH,
  MI_RENDER_LINK,
  MI_RENDER_IMAGE,
  MI_RENDER_WIKILINK,      /* [[target]] or [[target|label]] */
} MiRenderKind;

typedef enum
{
  MI_RENDER_ALIGN_NONE,
  MI_RENDER_ALIGN_LEFT,
  MI_RENDER_ALIGN_CENTER,
  MI_RENDER_ALIGN_RIGHT,
} MiRenderAlign;

typedef enum
{
  MI_RENDER_TASK_NONE,
  MI_RENDER_TASK_UNCHECKED,
  MI_RENDER_TASK_CHECKED,
} MiRenderTask;

typedef struct _MiRenderNode MiRenderNode;

/**
 * MiRenderNode:
 * One node of a block, read-only. Lines are 0-based and relative to the
 * first line of the block that holds the node (so a block moved by an edit
 * above it keeps its nodes).
 */
struct _MiRenderNode
{
  MiRenderKind   kind;
  guint          first_line;
  guint          last_line;
  char          *text;      /* TEXT, CODE, HTML, CODE_BLOCK, HTML_BLOCK; alt text of IMAGE */
  char          *url;       /* LINK, IMAGE, IMAGE_BLOCK, WIKILINK */
  char          *title;     /* LINK, IMAGE */
  char          *info;      /* CODE_BLOCK: the fence's language, or NULL */
  guint          level;     /* HEADING: 1…6 */
  gboolean       ordered;   /* LIST */
  int            start;     /* LIST: number of the first item */
  gboolean       tight;     /* LIST */
  MiRenderTask   task;      /* ITEM */
  gboolean       header;    /* TABLE_ROW */
  MiRenderAlign  align;     /* TABLE_CELL */
  guint          n_columns; /* TABLE */
  GPtrArray     *children;  /* MiRenderNode, or NULL */
};

#define MI_TYPE_RENDER_BLOCK (mi_render_block_get_type ())
G_DECLARE_FINAL_TYPE (MiRenderBlock, mi_render_block, MI, RENDER_BLOCK, GObject)

#define MI_TYPE_RENDER (mi_render_get_type ())
G_DECLARE_FINAL_TYPE (MiRender, mi_render, MI, RENDER, GObject)

guint                mi_render_node_get_n_children (const MiRenderNode *node);
const MiRenderNode  *mi_render_node_get_child      (const MiRenderNode *node,
                                                    guint               i);
char                *mi_render_node_get_plain_text (const MiRenderNode *node);

const MiRenderNode  *mi_render_block_get_node       (MiRenderBlock *self);
MiRenderKind         mi_render_block_get_kind       (MiRenderBlock *self);
guint                mi_render_block_get_start_line (MiRenderBlock *self);
guint                mi_render_block_get_end_line   (MiRenderBlock *self);
guint64              mi_render_block_get_hash       (MiRenderBlock *self);

MiRender            *mi_render_new                  (void);
void                 mi_render_set_text             (MiRender      *self,
                                                     const char    *text,
                                                     gssize         len);
void                 mi_render_replace              (MiRender      *self,
                                                     gsize          offset,
                                                     gsize          length,
                                                     const char    *text,
                                                     gssize         text_len);
gboolean             mi_render_get_pending          (MiRender      *self);
void                 mi_render_flush                (MiRender      *self);
void                 mi_render_set_async_threshold  (MiRender      *self,
                                                     gsize          bytes);
const char          *mi_render_get_text             (MiRender      *self,
                                                     gsize         *len);
guint                mi_render_get_n_lines          (MiRender      *self);
gsize                mi_render_get_line_offset      (MiRender      *self,
                                                     guint          line);
guint                mi_render_get_line_at_offset   (MiRender      *self,
                                                     gsize          offset);
guint                mi_render_find_block           (MiRender      *self,
                                                     guint          line);
gboolean             mi_render_find_task            (MiRender      *self,
                                                     guint          line,
                                                     gsize         *offset,
                                                     gboolean      *checked);
guint                mi_render_get_n_rebuilt        (MiRender      *self);
gboolean             mi_render_get_last_incremental (MiRender      *self);

G_END_DECLS
