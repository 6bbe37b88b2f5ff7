/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-render"

#include "config.h"

#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "mi-markdown-private.h"
#include "mi-render.h"

/*
 * MiRender: a markdown text as a list of blocks (a GListModel of
 * MiRenderBlock), each a small tree of nodes built from the cmark-gfm syntax
 * tree, for a preview to draw. It never touches GTK.
 *
 * A block is known by a hash of its source bytes. An edit re-parses only a
 * window around the change: the blocks either side of it are parsed again as
 * context, and when they come out the same the rest of the document is known
 * to be unchanged, so its blocks are kept (and moved by the edit's size).
 * Anything doubtful (an unclosed fence that swallows what follows, link
 * reference definitions) falls back to a full parse, in a worker thread for
 * large texts. A full parse keeps the blocks whose hash did not change, so
 * only changed blocks are ever rebuilt.
 */

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

G_DEFINE_FINAL_TYPE (MiRenderBlock, mi_render_block, G_TYPE_OBJECT)

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

static void mi_render_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MiRender, mi_render, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mi_render_list_model_iface_init))

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define DEFAULT_ASYNC_THRESHOLD (256 * 1024)

/* Nodes */

static void
node_free (MiRenderNode *node)
{
  if (node == NULL)
    return;

  g_free (node->text);
  g_free (node->url);
  g_free (node->title);
  g_free (node->info);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node);
}

static MiRenderNode *
node_new (MiRenderKind kind)
{
  MiRenderNode *node = g_new0 (MiRenderNode, 1);

  node->kind = kind;
  return node;
}

static void
node_add (MiRenderNode *parent,
          MiRenderNode *child)
{
  if (child == NULL)
    return;
  if (parent->children == NULL)
    parent->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  g_ptr_array_add (parent->children, child);
}

guint
mi_render_node_get_n_children (const MiRenderNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  return node->children ? node->children->len : 0;
}

const MiRenderNode *
mi_render_node_get_child (const MiRenderNode *node,
                          guint               i)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (node->children != NULL && i < node->children->len, NULL);

  return g_ptr_array_index (node->children, i);
}

static void
append_plain (const MiRenderNode *node,
              GString            *out)
{
  switch (node->kind)
    {
    case MI_RENDER_SOFTBREAK:
      g_string_append_c (out, ' ');
      break;
    case MI_RENDER_LINEBREAK:
      g_string_append_c (out, '\n');
      break;
    case MI_RENDER_WIKILINK:
      g_string_append (out, node->text ? node->text : node->url);
      return;
    default:
      if (node->text != NULL && node->kind != MI_RENDER_IMAGE)
        g_string_append (out, node->text);
      break;
    }

  for (guint i = 0; node->children && i < node->children->len; i++)
    append_plain (g_ptr_array_index (node->children, i), out);
}

/* The text of a node and its children, without formatting. */
char *
mi_render_node_get_plain_text (const MiRenderNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  append_plain (node, out);
  return g_string_free (out, FALSE);
}

/* Conversion from cmark-gfm */

static gboolean
type_is (cmark_node *node,
         const char *name)
{
  const char *type = cmark_node_get_type_string (node);

  return type != NULL && strcmp (type, name) == 0;
}

static void
set_lines (MiRenderNode *node,
           cmark_node   *cnode,
           int           base)
{
  int start = cmark_node_get_start_line (cnode);
  int end = cmark_node_get_end_line (cnode);

  node->first_line = start >= base ? (guint) (start - base) : 0;
  node->last_line = end >= start && end >= base ? (guint) (end - base) : node->first_line;
}

/* Text with [[wikilinks]] split out. */
static void
add_text (MiRenderNode *parent,
          const char   *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *open = strstr (p, "[[");
      const char *close = open ? strstr (open + 2, "]]") : NULL;
      MiRenderNode *node;

      if (open == NULL || close == NULL || close == open + 2 ||
          memchr (open + 2, '\n', close - open - 2) != NULL)
        {
          node = node_new (MI_RENDER_TEXT);
          node->text = g_strdup (p);
          node_add (parent, node);
          return;
        }

      if (open > p)
        {
          node = node_new (MI_RENDER_TEXT);
          node->text = g_strndup (p, open - p);
          node_add (parent, node);
        }

      node = node_new (MI_RENDER_WIKILINK);
      {
        g_autofree char *inner = g_strndup (open + 2, close - open - 2);
        char *bar = strchr (inner, '|');

        if (bar != NULL)
          {
            *bar = '\0';
            node->text = g_strdup (g_strstrip (bar + 1));
          }
        node->url = g_strdup (g_strstrip (inner));
      }
      node_add (parent, node);
      p = close + 2;
    }
}

static void convert_inlines (MiRenderNode *parent,
                             cmark_node   *first,
                             int           base);

static MiRenderNode *
convert_inline (cmark_node *cnode,
                int         base)
{
  MiRenderNode *node = NULL;

  switch (cmark_node_get_type (cnode))
    {
    case CMARK_NODE_SOFTBREAK:
      return node_new (MI_RENDER_SOFTBREAK);
    case CMARK_NODE_LINEBREAK:
      return node_new (MI_RENDER_LINEBREAK);
    case CMARK_NODE_CODE:
      node = node_new (MI_RENDER_CODE);
      node->text = g_strdup (cmark_node_get_literal (cnode));
      return node;
    case CMARK_NODE_HTML_INLINE:
      node = node_new (MI_RENDER_HTML);
      node->text = g_strdup (cmark_node_get_literal (cnode));
      return node;
    case CMARK_NODE_EMPH:
      node = node_new (MI_RENDER_EMPH);
      break;
    case CMARK_NODE_STRONG:
      node = node_new (MI_RENDER_STRONG);
      break;
    case CMARK_NODE_LINK:
      node = node_new (MI_RENDER_LINK);
      node->url = g_strdup (cmark_node_get_url (cnode));
      node->title = g_strdup (cmark_node_get_title (cnode));
      break;
    case CMARK_NODE_IMAGE:
      node = node_new (MI_RENDER_IMAGE);
      node->url = g_strdup (cmark_node_get_url (cnode));
      node->title = g_strdup (cmark_node_get_title (cnode));
      convert_inlines (node, cmark_node_first_child (cnode), base);
      node->text = mi_render_node_get_plain_text (node);
      g_clear_pointer (&node->children, g_ptr_array_unref);
      return node;
    default:
      if (type_is (cnode, "strikethrough"))
        node = node_new (MI_RENDER_STRIKETHROUGH);
      else
        {
          /* Anything else: its literal text, if any. */
          const char *literal = cmark_node_get_literal (cnode);

          node = node_new (MI_RENDER_TEXT);
          node->text = g_strdup (literal ? literal : "");
          return node;
        }
      break;
    }

  convert_inlines (node, cmark_node_first_child (cnode), base);
  return node;
}

static void
convert_inlines (MiRenderNode *parent,
                 cmark_node   *first,
                 int           base)
{
  GString *pending = NULL;

  for (cmark_node *c = first; c != NULL; c = cmark_node_next (c))
    {
      if (cmark_node_get_type (c) == CMARK_NODE_TEXT)
        {
          /* cmark splits text at brackets: join it back for wikilinks. */
          if (pending == NULL)
            pending = g_string_new (NULL);
          g_string_append (pending, cmark_node_get_literal (c));
          continue;
        }

      if (pending != NULL)
        {
          add_text (parent, pending->str);
          g_string_free (pending, TRUE);
          pending = NULL;
        }
      node_add (parent, convert_inline (c, base));
    }

  if (pending != NULL)
    {
      add_text (parent, pending->str);
      g_string_free (pending, TRUE);
    }
}

static char *
strip_final_newline (const char *literal)
{
  gsize len = literal ? strlen (literal) : 0;

  if (len > 0 && literal[len - 1] == '\n')
    len--;
  return g_strndup (literal ? literal : "", len);
}

static MiRenderNode *convert_block (cmark_node *cnode,
                                    int         base);

static void
convert_blocks (MiRenderNode *parent,
                cmark_node   *first,
                int           base)
{
  for (cmark_node *c = first; c != NULL; c = cmark_node_next (c))
    node_add (parent, convert_block (c, base));
}

static MiRenderNode *
convert_block (cmark_node *cnode,
               int         base)
{
  MiRenderNode *node = NULL;

  switch (cmark_node_get_type (cnode))
    {
    case CMARK_NODE_HEADING:
      node = node_new (MI_RENDER_HEADING);
      node->level = cmark_node_get_heading_level (cnode);
      convert_inlines (node, cmark_node_first_child (cnode), base);
      break;

    case CMARK_NODE_PARAGRAPH:
      {
        cmark_node *only = cmark_node_first_child (cnode);

        if (only != NULL && cmark_node_next (only) == NULL &&
            cmark_node_get_type (only) == CMARK_NODE_IMAGE)
          {
            MiRenderNode *image = convert_inline (only, base);

            node = node_new (MI_RENDER_IMAGE_BLOCK);
            node->url = g_steal_pointer (&image->url);
            node->title = g_steal_pointer (&image->title);
            node->text = g_steal_pointer (&image->text);
            node_free (image);
          }
        else
          {
            node = node_new (MI_RENDER_PARAGRAPH);
            convert_inlines (node, only, base);
          }
      }
      break;

    case CMARK_NODE_LIST:
      node = node_new (MI_RENDER_LIST);
      node->ordered = cmark_node_get_list_type (cnode) == CMARK_ORDERED_LIST;
      node->start = cmark_node_get_list_start (cnode);
      node->tight = cmark_node_get_list_tight (cnode);
      convert_blocks (node, cmark_node_first_child (cnode), base);
      break;

    case CMARK_NODE_ITEM:
      node = node_new (MI_RENDER_ITEM);
      if (type_is (cnode, "tasklist"))
        node->task = cmark_gfm_extensions_get_tasklist_item_checked (cnode)
                     ? MI_RENDER_TASK_CHECKED : MI_RENDER_TASK_UNCHECKED;
      convert_blocks (node, cmark_node_first_child (cnode), base);
      break;

    case CMARK_NODE_CODE_BLOCK:
      {
        const char *info = cmark_node_get_fence_info (cnode);

        node = node_new (MI_RENDER_CODE_BLOCK);
        node->text = strip_final_newline (cmark_node_get_literal (cnode));
        if (info != NULL && *info != '\0')
          {
            g_auto(GStrv) words = g_strsplit_set (info, " \t{,", 2);

            if (words[0] != NULL && *words[0] != '\0')
              node->info = g_strdup (words[0]);
          }
      }
      break;

    case CMARK_NODE_BLOCK_QUOTE:
      node = node_new (MI_RENDER_QUOTE);
      convert_blocks (node, cmark_node_first_child (cnode), base);
      break;

    case CMARK_NODE_THEMATIC_BREAK:
      node = node_new (MI_RENDER_RULE);
      break;

    case CMARK_NODE_HTML_BLOCK:
      node = node_new (MI_RENDER_HTML_BLOCK);
      node->text = strip_final_newline (cmark_node_get_literal (cnode));
      break;

    default:
      if (type_is (cnode, "table"))
        {
          uint8_t *aligns = cmark_gfm_extensions_get_table_alignments (cnode);
          guint column;

          node = node_new (MI_RENDER_TABLE);
          node->n_columns = cmark_gfm_extensions_get_table_columns (cnode);
          for (cmark_node *row = cmark_node_first_child (cnode); row; row = cmark_node_next (row))
            {
              MiRenderNode *r = node_new (MI_RENDER_TABLE_ROW);

              set_lines (r, row, base);
              r->header = cmark_gfm_extensions_get_table_row_is_header (row);
              column = 0;
              for (cmark_node *cell = cmark_node_first_child (row); cell; cell = cmark_node_next (cell), column++)
                {
                  MiRenderNode *c = node_new (MI_RENDER_TABLE_CELL);

                  set_lines (c, cell, base);
                  if (aligns != NULL && column < node->n_columns)
                    c->align = aligns[column] == 'l' ? MI_RENDER_ALIGN_LEFT :
                               aligns[column] == 'c' ? MI_RENDER_ALIGN_CENTER :
                               aligns[column] == 'r' ? MI_RENDER_ALIGN_RIGHT :
                               MI_RENDER_ALIGN_NONE;
                  convert_inlines (c, cmark_node_first_child (cell), base);
                  node_add (r, c);
                }
              node_add (node, r);
            }
        }
      else
        {
          /* An unknown block: its text, as text. */
          const char *literal = cmark_node_get_literal (cnode);

          node = node_new (MI_RENDER_HTML_BLOCK);
          node->text = strip_final_newline (literal);
        }
      break;
    }

  set_lines (node, cnode, base);
  return node;
}

/* Lines and hashes */

static GArray *
index_lines (const char *text,
             gsize       len)
{
  GArray *starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), len / 32 + 2);
  gsize zero = 0;
  const char *p = text;
  const char *end = text + len;

  g_array_append_val (starts, zero);
  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      gsize next = ++p - text;

      g_array_append_val (starts, next);
    }
  return starts;
}

static inline gsize
line_start (GArray *starts,
            guint   line)
{
  if (line >= starts->len)
    line = starts->len - 1;
  return g_array_index (starts, gsize, line);
}

static gsize
line_end (GArray     *starts,
          const char *text,
          gsize       len,
          guint       line)
{
  gsize end;

  if (line + 1 >= starts->len)
    return len;
  end = g_array_index (starts, gsize, line + 1) - 1;
  if (end > 0 && text[end - 1] == '\r')
    end--;
  return end;
}

static guint64
hash_bytes (guint64     h,
            const char *p,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) p[i];
      h *= G_GUINT64_CONSTANT (1099511628211);
    }
  return h;
}

static guint
line_of_offset (GArray *starts,
                gsize   offset)
{
  guint lo = 0, hi = starts->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
line_is_blank (const char *text,
               gsize       len,
               GArray     *starts,
               guint       line)
{
  gsize start = line_start (starts, line);
  gsize stop = line_end (starts, text, len, line);

  for (gsize i = start; i < stop; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static guint64
hash_string (guint64     h,
             const char *s)
{
  if (s == NULL)
    return hash_bytes (h, "\xff", 1);
  return hash_bytes (h, s, strlen (s) + 1);
}

static guint64
hash_node (const MiRenderNode *node,
           guint64             h)
{
  guint fields[] = {
    node->kind, node->first_line, node->last_line, node->level, node->ordered,
    (guint) node->start, node->tight, node->task, node->header, node->align,
    node->n_columns, mi_render_node_get_n_children (node),
  };

  h = hash_bytes (h, (const char *) fields, sizeof fields);
  h = hash_string (h, node->text);
  h = hash_string (h, node->url);
  h = hash_string (h, node->title);
  h = hash_string (h, node->info);
  for (guint i = 0; node->children && i < node->children->len; i++)
    h = hash_node (g_ptr_array_index (node->children, i), h);
  return h;
}

/* A line such as `[label]: url`: a link reference definition, which changes
 * links anywhere in the document. */
static gboolean
has_refdef (const char *text,
            gsize       start,
            gsize       end)
{
  gsize i = start;

  while (i < end)
    {
      const char *nl = memchr (text + i, '\n', end - i);
      gsize stop = nl ? (gsize) (nl - text) : end;
      gsize j = i;

      while (j < stop && j - i < 3 && text[j] == ' ')
        j++;
      if (j < stop && text[j] == '[')
        {
          const char *close = g_strstr_len (text + j, stop - j, "]:");

          if (close != NULL)
            return TRUE;
        }
      i = stop + 1;
    }
  return FALSE;
}

/* Parses text[start, end), which begins at line @first_line of @starts, into
 * blocks with absolute lines and bytes. */
static GPtrArray *
parse_range (const char *text,
             gsize       len,
             GArray     *starts,
             gsize       start,
             gsize       end,
             guint       first_line)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_object_unref);
  cmark_node *root = _mi_markdown_parse_cmark (text + start, end - start);

  for (cmark_node *c = cmark_node_first_child (root); c != NULL; c = cmark_node_next (c))
    {
      MiRenderBlock *block = g_object_new (MI_TYPE_RENDER_BLOCK, NULL);
      int base = cmark_node_get_start_line (c);
      int last = cmark_node_get_end_line (c);

      /* cmark-gfm leaves no position on the paragraph that the table
       * extension splits off a table's header: found below, from the
       * neighbours. */
      if (base < 1)
        {
          block->start_line = G_MAXUINT;
          base = 1;
        }
      else
        {
          block->start_line = first_line + base - 1;
          block->end_line = first_line + MAX (last, base) - 1;
        }
      block->node = convert_block (c, base);
      g_ptr_array_add (blocks, block);
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      MiRenderBlock *block = g_ptr_array_index (blocks, i);

      if (block->start_line == G_MAXUINT)
        {
          MiRenderBlock *prev = i > 0 ? g_ptr_array_index (blocks, i - 1) : NULL;
          MiRenderBlock *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;
          guint last_line = line_of_offset (starts, end);

          block->start_line = prev ? prev->end_line + 1 : first_line;
          block->end_line = next && next->start_line != G_MAXUINT && next->start_line > block->start_line
                            ? next->start_line - 1 : MIN (block->start_line, last_line);
          /* Without the blank lines around it */
          while (block->start_line < block->end_line &&
                 line_is_blank (text, len, starts, block->start_line))
            block->start_line++;
          while (block->end_line > block->start_line &&
                 line_is_blank (text, len, starts, block->end_line))
            block->end_line--;
        }

      block->start_byte = line_start (starts, block->start_line);
      block->end_byte = line_end (starts, text, len, block->end_line);
      if (block->end_byte > end)
        block->end_byte = end;
      if (block->end_byte < block->start_byte)
        block->end_byte = block->start_byte;
      /* The source and what was made of it: positions from cmark-gfm are
       * not always right, the content must be. */
      block->hash = hash_node (block->node,
                               hash_bytes (G_GUINT64_CONSTANT (14695981039346656037),
                                           text + block->start_byte,
                                           block->end_byte - block->start_byte));
    }

  cmark_node_free (root);

  return blocks;
}

/* MiRenderBlock */

static void
mi_render_block_finalize (GObject *object)
{
  MiRenderBlock *self = MI_RENDER_BLOCK (object);

  g_clear_pointer (&self->node, node_free);

  G_OBJECT_CLASS (mi_render_block_parent_class)->finalize (object);
}

static void
mi_render_block_class_init (MiRenderBlockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mi_render_block_finalize;
}

static void
mi_render_block_init (MiRenderBlock *self)
{
}

const MiRenderNode *
mi_render_block_get_node (MiRenderBlock *self)
{
  g_return_val_if_fail (MI_IS_RENDER_BLOCK (self), NULL);

  return self->node;
}

MiRenderKind
mi_render_block_get_kind (MiRenderBlock *self)
{
  g_return_val_if_fail (MI_IS_RENDER_BLOCK (self), MI_RENDER_PARAGRAPH);

  return self->node->kind;
}

/* The block's first line in the text, 0-based. It changes when lines are
 * added or removed above the block; its nodes' lines are relative to it. */
guint
mi_render_block_get_start_line (MiRenderBlock *self)
{
  g_return_val_if_fail (MI_IS_RENDER_BLOCK (self), 0);

  return self->start_line;
}

guint
mi_render_block_get_end_line (MiRenderBlock *self)
{
  g_return_val_if_fail (MI_IS_RENDER_BLOCK (self), 0);

  return self->end_line;
}

guint64
mi_render_block_get_hash (MiRenderBlock *self)
{
  g_return_val_if_fail (MI_IS_RENDER_BLOCK (self), 0);

  return self->hash;
}

/* MiRender: applying a new list of blocks */

static void
ensure_lines (MiRender *self)
{
  if (self->line_starts == NULL)
    self->line_starts = index_lines (self->text->str, self->text->len);
}

/* Replaces self->blocks[pos, pos + n_old) with @fresh, keeping the old
 * objects whose hash reappears, and tells the views about the part that
 * really changed. */
static void
splice_blocks (MiRender  *self,
               guint      pos,
               guint      n_old,
               GPtrArray *fresh)
{
  g_autoptr(GHashTable) by_hash = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) g_queue_free);
  g_autoptr(GPtrArray) result = g_ptr_array_new_full (fresh->len, g_object_unref);
  guint prefix = 0, suffix = 0;
  guint n_new;

  for (guint i = 0; i < n_old; i++)
    {
      MiRenderBlock *old = g_ptr_array_index (self->blocks, pos + i);
      GQueue *queue = g_hash_table_lookup (by_hash, &old->hash);

      if (queue == NULL)
        {
          queue = g_queue_new ();
          g_hash_table_insert (by_hash, &old->hash, queue);
        }
      g_queue_push_tail (queue, old);
    }

  self->n_rebuilt = 0;
  for (guint i = 0; i < fresh->len; i++)
    {
      MiRenderBlock *block = g_ptr_array_index (fresh, i);
      GQueue *queue = g_hash_table_lookup (by_hash, &block->hash);
      MiRenderBlock *old = queue ? g_queue_pop_head (queue) : NULL;

      if (old != NULL)
        {
          old->start_line = block->start_line;
          old->end_line = block->end_line;
          old->start_byte = block->start_byte;
          old->end_byte = block->end_byte;
          g_ptr_array_add (result, g_object_ref (old));
        }
      else
        {
          g_ptr_array_add (result, g_object_ref (block));
          self->n_rebuilt++;
        }
    }

  n_new = result->len;
  while (prefix < n_old && prefix < n_new &&
         g_ptr_array_index (self->blocks, pos + prefix) == g_ptr_array_index (result, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         g_ptr_array_index (self->blocks, pos + n_old - 1 - suffix) ==
         g_ptr_array_index (result, n_new - 1 - suffix))
    suffix++;

  if (prefix + suffix == n_old && prefix + suffix == n_new)
    return;

  g_ptr_array_remove_range (self->blocks, pos + prefix, n_old - prefix - suffix);
  for (guint i = prefix; i < n_new - suffix; i++)
    g_ptr_array_insert (self->blocks, pos + i, g_object_ref (g_ptr_array_index (result, i)));

  g_list_model_items_changed (G_LIST_MODEL (self), pos + prefix,
                              n_old - prefix - suffix, n_new - prefix - suffix);
}

static void
apply_full (MiRender  *self,
            GPtrArray *fresh,
            gboolean   has_refdefs)
{
  self->has_refdefs = has_refdefs;
  self->blocks_len = self->text->len;
  ensure_lines (self);
  self->blocks_n_lines = self->line_starts->len;
  self->dirty = FALSE;
  self->need_full = FALSE;
  self->last_incremental = FALSE;
  splice_blocks (self, 0, self->blocks->len, fresh);
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
parse_full_sync (MiRender *self)
{
  g_autoptr(GPtrArray) fresh = NULL;

  ensure_lines (self);
  fresh = parse_range (self->text->str, self->text->len, self->line_starts,
                       0, self->text->len, 0);
  apply_full (self, fresh,
              has_refdef (self->text->str, 0, self->text->len));
}

typedef struct
{
  GBytes    *text;
  guint64    generation;
  GPtrArray *blocks;
  gboolean   has_refdefs;
} ParseData;

static void
parse_data_free (ParseData *data)
{
  g_clear_pointer (&data->text, g_bytes_unref);
  g_clear_pointer (&data->blocks, g_ptr_array_unref);
  g_free (data);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseData *data = task_data;
  gsize len;
  const char *text = g_bytes_get_data (data->text, &len);
  g_autoptr(GArray) starts = index_lines (text ? text : "", len);

  data->blocks = parse_range (text ? text : "", len, starts, 0, len, 0);
  data->has_refdefs = has_refdef (text ? text : "", 0, len);
  g_task_return_boolean (task, TRUE);
}

static void start_full_async (MiRender *self);

static void
parse_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  MiRender *self = MI_RENDER (object);
  ParseData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  self->parsing = FALSE;
  if (data->generation != self->generation)
    {
      /* Typed meanwhile: the blocks would not match the text. Again. */
      start_full_async (self);
      return;
    }

  apply_full (self, data->blocks, data->has_refdefs);
}

static void
start_full_async (MiRender *self)
{
  g_autoptr(GTask) task = NULL;
  ParseData *data;

  self->need_full = TRUE;
  if (self->parsing)
    return;

  data = g_new0 (ParseData, 1);
  data->text = g_bytes_new (self->text->str, self->text->len);
  data->generation = self->generation;

  self->parsing = TRUE;
  task = g_task_new (self, self->cancellable, parse_done_cb, NULL);
  g_task_set_source_tag (task, start_full_async);
  g_task_set_task_data (task, data, (GDestroyNotify) parse_data_free);
  g_task_run_in_thread (task, parse_thread);
}

static void
parse_full (MiRender *self)
{
  if (self->text->len > self->async_threshold)
    start_full_async (self);
  else
    parse_full_sync (self);
}

static gboolean
same_block (MiRenderBlock *a,
            MiRenderBlock *b,
            int            dlines,
            gssize         dbytes)
{
  return a->hash == b->hash &&
         (gint64) a->start_line == (gint64) b->start_line + dlines &&
         (gint64) a->end_line == (gint64) b->end_line + dlines &&
         (gint64) a->start_byte == (gint64) b->start_byte + dbytes;
}

/* The window parse. FALSE when it cannot be trusted. */
static gboolean
parse_incremental (MiRender *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  GPtrArray *blocks = self->blocks;
  gssize dbytes = (gssize) self->text->len - (gssize) self->blocks_len;
  gsize ds = self->dirty_start;
  gsize de_old = (gsize) ((gssize) self->dirty_end - dbytes);
  guint n = blocks->len;
  guint i0, i1p;   /* first block touched; first block after the edit */
  gsize ws, we;
  guint first_line, ra, rb;
  int dlines;
  MiRenderBlock *ctx_before = NULL, *ctx_after = NULL;

  if (n == 0 || self->has_refdefs)
    return FALSE;

  ensure_lines (self);
  dlines = (int) self->line_starts->len - (int) self->blocks_n_lines;

  i0 = 0;
  while (i0 < n && ((MiRenderBlock *) g_ptr_array_index (blocks, i0))->end_byte < ds)
    i0++;
  i1p = i0;
  while (i1p < n && ((MiRenderBlock *) g_ptr_array_index (blocks, i1p))->start_byte <= de_old)
    i1p++;

  if (i0 > 0)
    ctx_before = g_ptr_array_index (blocks, i0 - 1);
  if (i1p < n)
    ctx_after = g_ptr_array_index (blocks, i1p);

  ws = ctx_before ? ctx_before->start_byte : 0;
  we = ctx_after ? (gsize) ((gssize) ctx_after->end_byte + dbytes) : self->text->len;
  if (we > self->text->len || ws > we)
    return FALSE;

  /* Reference definitions, before or after the edit, change other blocks. */
  if (has_refdef (self->text->str, ws, we))
    return FALSE;

  first_line = mi_render_get_line_at_offset (self, ws);
  if (line_start (self->line_starts, first_line) != ws)
    return FALSE;

  fresh = parse_range (self->text->str, self->text->len, self->line_starts,
                       ws, we, first_line);

  if (ctx_before != NULL &&
      (fresh->len == 0 || !same_block (g_ptr_array_index (fresh, 0), ctx_before, 0, 0)))
    return FALSE;
  if (ctx_after != NULL &&
      (fresh->len == 0 ||
       !same_block (g_ptr_array_index (fresh, fresh->len - 1), ctx_after, dlines, dbytes)))
    return FALSE;
  if (ctx_before != NULL && ctx_after != NULL && fresh->len < 2 && ctx_before != ctx_after)
    return FALSE;

  ra = ctx_before ? i0 - 1 : 0;
  rb = ctx_after ? i1p + 1 : n;   /* exclusive */

  /* The blocks after the window move with the edit. */
  for (guint i = rb; i < n; i++)
    {
      MiRenderBlock *block = g_ptr_array_index (blocks, i);

      block->start_line += dlines;
      block->end_line += dlines;
      block->start_byte += dbytes;
      block->end_byte += dbytes;
    }

  self->blocks_len = self->text->len;
  self->blocks_n_lines = self->line_starts->len;
  self->dirty = FALSE;
  self->last_incremental = TRUE;
  splice_blocks (self, ra, rb - ra, fresh);
  g_signal_emit (self, signals[UPDATED], 0);
  return TRUE;
}

/* GListModel */

static GType
mi_render_get_item_type (GListModel *model)
{
  return MI_TYPE_RENDER_BLOCK;
}

static guint
mi_render_get_n_items (GListModel *model)
{
  return MI_RENDER (model)->blocks->len;
}

static gpointer
mi_render_get_item (GListModel *model,
                    guint       position)
{
  MiRender *self = MI_RENDER (model);

  if (position >= self->blocks->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->blocks, position));
}

static void
mi_render_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mi_render_get_item_type;
  iface->get_n_items = mi_render_get_n_items;
  iface->get_item = mi_render_get_item;
}

static void
mi_render_dispose (GObject *object)
{
  MiRender *self = MI_RENDER (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (mi_render_parent_class)->dispose (object);
}

static void
mi_render_finalize (GObject *object)
{
  MiRender *self = MI_RENDER (object);

  g_string_free (self->text, TRUE);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mi_render_parent_class)->finalize (object);
}

static void
mi_render_class_init (MiRenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mi_render_dispose;
  object_class->finalize = mi_render_finalize;

  /**
   * MiRender::updated:
   * The blocks match the text again (after items-changed, if any).
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mi_render_init (MiRender *self)
{
  self->text = g_string_new (NULL);
  self->blocks = g_ptr_array_new_with_free_func (g_object_unref);
  self->async_threshold = DEFAULT_ASYNC_THRESHOLD;
  self->cancellable = g_cancellable_new ();
}

MiRender *
mi_render_new (void)
{
  return g_object_new (MI_TYPE_RENDER, NULL);
}

/**
 * mi_render_set_text:
 * Replaces the whole text. Small texts are parsed at once, large ones in a
 * worker thread (MiRender::updated tells when).
 */
void
mi_render_set_text (MiRender   *self,
                    const char *text,
                    gssize      len)
{
  g_return_if_fail (MI_IS_RENDER (self));
  g_return_if_fail (text != NULL || len == 0);

  if (len < 0)
    len = strlen (text);

  g_string_truncate (self->text, 0);
  g_string_append_len (self->text, text, len);
  g_clear_pointer (&self->line_starts, g_array_unref);
  self->generation++;
  self->dirty = TRUE;
  parse_full (self);
}

/**
 * mi_render_replace:
 * Replaces @length bytes at @offset with @text, as an edit of the buffer
 * did. The blocks follow at the next mi_render_flush().
 */
void
mi_render_replace (MiRender   *self,
                   gsize       offset,
                   gsize       length,
                   const char *text,
                   gssize      text_len)
{
  gsize old_end;

  g_return_if_fail (MI_IS_RENDER (self));
  g_return_if_fail (offset <= self->text->len && length <= self->text->len - offset);

  if (text_len < 0)
    text_len = text ? strlen (text) : 0;

  old_end = offset + length;
  if (!self->dirty)
    {
      self->dirty = TRUE;
      self->dirty_start = offset;
      self->dirty_end = offset + text_len;
    }
  else
    {
      gsize end = self->dirty_end;

      if (end > offset)
        end = end >= old_end ? end - length + text_len : offset + text_len;
      self->dirty_start = MIN (self->dirty_start, offset);
      self->dirty_end = MAX (end, offset + (gsize) text_len);
    }

  if (length > 0)
    g_string_erase (self->text, offset, length);
  if (text_len > 0)
    g_string_insert_len (self->text, offset, text, text_len);
  g_clear_pointer (&self->line_starts, g_array_unref);
  self->generation++;
}

gboolean
mi_render_get_pending (MiRender *self)
{
  g_return_val_if_fail (MI_IS_RENDER (self), FALSE);

  return self->dirty || self->parsing;
}

/**
 * mi_render_flush:
 * Brings the blocks up to date with the edits made by mi_render_replace():
 * at once when a window around the edits can be parsed alone, else by a
 * full parse (in a thread for large texts).
 */
void
mi_render_flush (MiRender *self)
{
  g_return_if_fail (MI_IS_RENDER (self));

  if (!self->dirty)
    return;

  if (self->parsing || self->need_full)
    {
      start_full_async (self);
      return;
    }

  if (!parse_incremental (self))
    parse_full (self);
}

/* Texts over @bytes get their full parses in a worker thread. */
void
mi_render_set_async_threshold (MiRender *self,
                               gsize     bytes)
{
  g_return_if_fail (MI_IS_RENDER (self));

  self->async_threshold = bytes;
}

const char *
mi_render_get_text (MiRender *self,
                    gsize    *len)
{
  g_return_val_if_fail (MI_IS_RENDER (self), NULL);

  if (len != NULL)
    *len = self->text->len;
  return self->text->str;
}

guint
mi_render_get_n_lines (MiRender *self)
{
  g_return_val_if_fail (MI_IS_RENDER (self), 0);

  ensure_lines (self);
  return self->line_starts->len;
}

/* The byte offset where @line (0-based) begins. */
gsize
mi_render_get_line_offset (MiRender *self,
                           guint     line)
{
  g_return_val_if_fail (MI_IS_RENDER (self), 0);

  ensure_lines (self);
  return line_start (self->line_starts, line);
}

guint
mi_render_get_line_at_offset (MiRender *self,
                              gsize     offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (MI_IS_RENDER (self), 0);

  ensure_lines (self);
  hi = self->line_starts->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->line_starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* The index of the block that holds @line, or of the first block after it
 * (the number of blocks when there is none). */
guint
mi_render_find_block (MiRender *self,
                      guint     line)
{
  guint lo = 0, hi;

  g_return_val_if_fail (MI_IS_RENDER (self), 0);

  hi = self->blocks->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      MiRenderBlock *block = g_ptr_array_index (self->blocks, mid);

      if (block->end_line < line)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * mi_render_find_task:
 * Finds the box of a task list item (`[ ]` or `[x]`) on @line: @offset is
 * the byte of its mark (the space or the x), @checked its state.
 */
gboolean
mi_render_find_task (MiRender *self,
                     guint     line,
                     gsize    *offset,
                     gboolean *checked)
{
  const char *text;
  gsize start, end, i;

  g_return_val_if_fail (MI_IS_RENDER (self), FALSE);

  ensure_lines (self);
  if (line >= self->line_starts->len)
    return FALSE;

  text = self->text->str;
  start = line_start (self->line_starts, line);
  end = line_end (self->line_starts, text, self->text->len, line);

  /* Indentation and block quote marks, the list marker, then the box. */
  i = start;
  while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '>'))
    i++;
  if (i < end && (text[i] == '-' || text[i] == '*' || text[i] == '+'))
    i++;
  else
    {
      gsize digits = i;

      while (i < end && g_ascii_isdigit (text[i]))
        i++;
      if (i == digits || i >= end || (text[i] != '.' && text[i] != ')'))
        return FALSE;
      i++;
    }
  while (i < end && (text[i] == ' ' || text[i] == '\t'))
    i++;
  if (i + 2 >= end || text[i] != '[' || text[i + 2] != ']')
    return FALSE;
  if (text[i + 1] != ' ' && text[i + 1] != 'x' && text[i + 1] != 'X')
    return FALSE;

  if (offset != NULL)
    *offset = i + 1;
  if (checked != NULL)
    *checked = text[i + 1] != ' ';
  return TRUE;
}

/* How many blocks the last update built anew (the others were kept). */
guint
mi_render_get_n_rebuilt (MiRender *self)
{
  g_return_val_if_fail (MI_IS_RENDER (self), 0);

  return self->n_rebuilt;
}

/* Whether the last update parsed only a window around the edit. */
gboolean
mi_render_get_last_incremental (MiRender *self)
{
  g_return_val_if_fail (MI_IS_RENDER (self), FALSE);

  return self->last_incremental;
}
