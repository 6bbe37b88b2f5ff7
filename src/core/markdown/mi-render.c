/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-render"

#include "config.h"

#include <string.h>

#include "mi-render-private.h"

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

/* For the other parts of MiRender (mi-render-private.h) */

void
_mi_render_ensure_lines (MiRender *self)
{
  if (self->line_starts == NULL)
    self->line_starts = _mi_render_index_lines (self->text->str, self->text->len);
}

void
_mi_render_emit_updated (MiRender *self)
{
  g_signal_emit (self, signals[UPDATED], 0);
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
  _mi_render_parse_full (self);
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
      _mi_render_start_full_async (self);
      return;
    }

  if (!_mi_render_parse_incremental (self))
    _mi_render_parse_full (self);
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

  _mi_render_ensure_lines (self);
  return self->line_starts->len;
}

/* The byte offset where @line (0-based) begins. */
gsize
mi_render_get_line_offset (MiRender *self,
                           guint     line)
{
  g_return_val_if_fail (MI_IS_RENDER (self), 0);

  _mi_render_ensure_lines (self);
  return _mi_render_line_start (self->line_starts, line);
}

guint
mi_render_get_line_at_offset (MiRender *self,
                              gsize     offset)
{
  g_return_val_if_fail (MI_IS_RENDER (self), 0);

  _mi_render_ensure_lines (self);
  return _mi_render_line_of_offset (self->line_starts, offset);
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

  _mi_render_ensure_lines (self);
  if (line >= self->line_starts->len)
    return FALSE;

  text = self->text->str;
  start = _mi_render_line_start (self->line_starts, line);
  end = _mi_render_line_end (self->line_starts, text, self->text->len, line);

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
