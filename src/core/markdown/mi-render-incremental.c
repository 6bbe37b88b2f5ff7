/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-render"

#include "config.h"

#include <string.h>

#include "mi-render-private.h"

/*
 * How MiRender brings its blocks up to date with its text (mi-render.c says
 * how it goes): the window parse around an edit, the full parse, at once or
 * in a worker thread, and the splice that keeps every block whose hash
 * reappears.
 */

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
  _mi_render_ensure_lines (self);
  self->blocks_n_lines = self->line_starts->len;
  self->dirty = FALSE;
  self->need_full = FALSE;
  self->last_incremental = FALSE;
  splice_blocks (self, 0, self->blocks->len, fresh);
  _mi_render_emit_updated (self);
}

static void
parse_full_sync (MiRender *self)
{
  g_autoptr(GPtrArray) fresh = NULL;

  _mi_render_ensure_lines (self);
  fresh = _mi_render_parse_blocks (self->text->str, self->text->len, self->line_starts,
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
  g_autoptr(GArray) starts = _mi_render_index_lines (text ? text : "", len);

  data->blocks = _mi_render_parse_blocks (text ? text : "", len, starts, 0, len, 0);
  data->has_refdefs = has_refdef (text ? text : "", 0, len);
  g_task_return_boolean (task, TRUE);
}

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
      _mi_render_start_full_async (self);
      return;
    }

  apply_full (self, data->blocks, data->has_refdefs);
}

void
_mi_render_start_full_async (MiRender *self)
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
  g_task_set_source_tag (task, _mi_render_start_full_async);
  g_task_set_task_data (task, data, (GDestroyNotify) parse_data_free);
  g_task_run_in_thread (task, parse_thread);
}

void
_mi_render_parse_full (MiRender *self)
{
  if (self->text->len > self->async_threshold)
    _mi_render_start_full_async (self);
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
gboolean
_mi_render_parse_incremental (MiRender *self)
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

  _mi_render_ensure_lines (self);
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
  if (_mi_render_line_start (self->line_starts, first_line) != ws)
    return FALSE;

  fresh = _mi_render_parse_blocks (self->text->str, self->text->len, self->line_starts,
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
  _mi_render_emit_updated (self);
  return TRUE;
}
