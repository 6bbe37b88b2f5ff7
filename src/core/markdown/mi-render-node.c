/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-render"

#include "config.h"

#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "mi-render-private.h"

/*
 * The nodes of a block: a small tree made from cmark-gfm's syntax tree, with
 * [[wikilinks]] split out of the text, lines relative to the block.
 */

void
_mi_render_node_free (MiRenderNode *node)
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
    parent->children = g_ptr_array_new_with_free_func ((GDestroyNotify) _mi_render_node_free);
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

static void
convert_blocks (MiRenderNode *parent,
                cmark_node   *first,
                int           base)
{
  for (cmark_node *c = first; c != NULL; c = cmark_node_next (c))
    node_add (parent, _mi_render_node_new_from_cmark (c, base));
}

MiRenderNode *
_mi_render_node_new_from_cmark (cmark_node *cnode,
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
            _mi_render_node_free (image);
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
