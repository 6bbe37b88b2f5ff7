/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-render"

#include "config.h"

#include <string.h>

#include "mi-markdown-private.h"
#include "mi-render-private.h"

/*
 * MiRenderBlock, one top-level block of the text, and how a range of the
 * text becomes blocks: parsed by cmark-gfm, placed on the lines and bytes of
 * the text, known by a hash of their source and of what was made of it.
 */

G_DEFINE_FINAL_TYPE (MiRenderBlock, mi_render_block, G_TYPE_OBJECT)

/* Lines of the text */

GArray *
_mi_render_index_lines (const char *text,
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

gsize
_mi_render_line_end (GArray     *starts,
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

guint
_mi_render_line_of_offset (GArray *starts,
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
  gsize start = _mi_render_line_start (starts, line);
  gsize stop = _mi_render_line_end (starts, text, len, line);

  for (gsize i = start; i < stop; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* Hashes */

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

/* Blocks */

/* Parses text[start, end), which begins at line @first_line of @starts, into
 * blocks with absolute lines and bytes. */
GPtrArray *
_mi_render_parse_blocks (const char *text,
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
      block->node = _mi_render_node_new_from_cmark (c, base);
      g_ptr_array_add (blocks, block);
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      MiRenderBlock *block = g_ptr_array_index (blocks, i);

      if (block->start_line == G_MAXUINT)
        {
          MiRenderBlock *prev = i > 0 ? g_ptr_array_index (blocks, i - 1) : NULL;
          MiRenderBlock *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;
          guint last_line = _mi_render_line_of_offset (starts, end);

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

      block->start_byte = _mi_render_line_start (starts, block->start_line);
      block->end_byte = _mi_render_line_end (starts, text, len, block->end_line);
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

  g_clear_pointer (&self->node, _mi_render_node_free);

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
