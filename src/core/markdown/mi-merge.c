/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-merge"

#include "config.h"

#include <string.h>

#include "mi-merge.h"

/*
 * Two people changing one text: a structured edit writes the file while
 * the user's unsaved text in an editor holds changes of its own. When the
 * two changes touch different parts of the text, the structured edit is
 * carried into the user's text as one more edit; when they meet, nothing
 * is guessed. The guards let the app stop a structured edit before it
 * writes anything.
 */

/* The length of the UTF-8 byte order mark @text starts with: 3 or 0. */
gsize
mi_text_bom_length (const char *text,
                    gsize       len)
{
  return len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/**
 * mi_text_common_affixes:
 *
 * Where two texts differ: the length of their common beginning and end,
 * on character (and CR LF) boundaries, never overlapping.
 */
void
mi_text_common_affixes (const char *a,
                        gsize       a_len,
                        const char *b,
                        gsize       b_len,
                        gsize      *prefix,
                        gsize      *suffix)
{
  gsize p = 0, s = 0, max;

  while (p < a_len && p < b_len && a[p] == b[p])
    p++;
  while (p > 0 && ((p < a_len && (a[p] & 0xC0) == 0x80) ||
                   (p < b_len && (b[p] & 0xC0) == 0x80) ||
                   (a[p - 1] == '\r' && ((p < a_len && a[p] == '\n') || (p < b_len && b[p] == '\n')))))
    p--;

  max = MIN (a_len, b_len) - p;
  while (s < max && a[a_len - 1 - s] == b[b_len - 1 - s])
    s++;
  while (s > 0 && (((a[a_len - s] & 0xC0) == 0x80) ||
                   (a[a_len - s] == '\n' && a_len - s > p && a[a_len - s - 1] == '\r') ||
                   (b[b_len - s] == '\n' && b_len - s > p && b[b_len - s - 1] == '\r')))
    s--;

  *prefix = p;
  *suffix = s;
}

/**
 * mi_text_difference:
 *
 * The one replacement that turns @a into @b: a span of @a, and the span
 * of @b that takes its place.
 */
MiTextSpan
mi_text_difference (const char *a,
                    gsize       a_len,
                    const char *b,
                    gsize       b_len)
{
  gsize prefix, suffix;

  mi_text_common_affixes (a, a_len, b, b_len, &prefix, &suffix);

  return (MiTextSpan) {
    .offset = prefix,
    .length = a_len - prefix - suffix,
    .text_offset = prefix,
    .text_length = b_len - prefix - suffix,
  };
}

/**
 * mi_text_rebase:
 * @base: the text both changes start from
 * @mine: @base with one person's changes
 * @theirs: @base with another's
 * @span: (out): where: the span of @mine to replace, and the span of
 *   @theirs to put there
 *
 * Carries the change from @base to @theirs over to @mine. It can when the
 * two changes are apart: at least one byte of @base lies untouched
 * between them. Returns FALSE when they meet, leaving the choice to a
 * person; TRUE otherwise (an empty span when @theirs is @base).
 */
gboolean
mi_text_rebase (const char *base,
                gsize       base_len,
                const char *mine,
                gsize       mine_len,
                const char *theirs,
                gsize       theirs_len,
                MiTextSpan *span)
{
  MiTextSpan my_change, their_change;

  g_return_val_if_fail (span != NULL, FALSE);

  their_change = mi_text_difference (base, base_len, theirs, theirs_len);
  my_change = mi_text_difference (base, base_len, mine, mine_len);

  *span = their_change;
  if (their_change.length == 0 && their_change.text_length == 0)
    {
      *span = (MiTextSpan) { 0 };
      return TRUE;
    }
  if (my_change.length == 0 && my_change.text_length == 0)
    return TRUE;

  /* Theirs ends before mine begins: the same place in mine. */
  if (their_change.offset + their_change.length < my_change.offset)
    return TRUE;

  /* Theirs begins after mine ends: shifted by what mine added. */
  if (their_change.offset > my_change.offset + my_change.length)
    {
      span->offset = their_change.offset + mine_len - base_len;
      return TRUE;
    }

  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Guards                                                                  */

typedef struct
{
  guint         id;
  MiWriteGuard  guard;
  MiWriteNotify written;
  gpointer      user_data;
} Guard;

G_LOCK_DEFINE_STATIC (guards);
static GArray *guards;
static guint last_guard_id;

/**
 * mi_write_guard_add:
 *
 * Returns: an id for mi_write_guard_remove()
 */
guint
mi_write_guard_add (MiWriteGuard  guard,
                    MiWriteNotify written,
                    gpointer      user_data)
{
  Guard entry = { 0, guard, written, user_data };

  g_return_val_if_fail (guard != NULL || written != NULL, 0);

  G_LOCK (guards);
  if (guards == NULL)
    guards = g_array_new (FALSE, FALSE, sizeof (Guard));
  entry.id = ++last_guard_id;
  g_array_append_val (guards, entry);
  G_UNLOCK (guards);

  return entry.id;
}

void
mi_write_guard_remove (guint id)
{
  G_LOCK (guards);
  for (guint i = 0; guards != NULL && i < guards->len; i++)
    if (g_array_index (guards, Guard, i).id == id)
      {
        g_array_remove_index (guards, i);
        break;
      }
  if (guards != NULL && guards->len == 0)
    g_clear_pointer (&guards, g_array_unref);
  G_UNLOCK (guards);
}

static GArray *
copy_guards (void)
{
  GArray *copy = NULL;

  G_LOCK (guards);
  if (guards != NULL)
    {
      copy = g_array_sized_new (FALSE, FALSE, sizeof (Guard), guards->len);
      g_array_append_vals (copy, guards->data, guards->len);
    }
  G_UNLOCK (guards);

  return copy;
}

/**
 * mi_write_guard_check:
 * @before: (nullable): the file's bytes as the edit read them, NULL for a
 *   new file
 *
 * Asks every guard whether @file may become @after.
 */
gboolean
mi_write_guard_check (GFile   *file,
                      GBytes  *before,
                      GBytes  *after,
                      GError **error)
{
  g_autoptr(GArray) copy = copy_guards ();

  for (guint i = 0; copy != NULL && i < copy->len; i++)
    {
      Guard *entry = &g_array_index (copy, Guard, i);

      if (entry->guard != NULL && !entry->guard (file, before, after, entry->user_data, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * mi_write_guard_written:
 * @before: (nullable): the file's bytes before, NULL for a new file
 *
 * Tells every guard that @file is now @after.
 */
void
mi_write_guard_written (GFile  *file,
                        GBytes *before,
                        GBytes *after)
{
  g_autoptr(GArray) copy = copy_guards ();

  for (guint i = 0; copy != NULL && i < copy->len; i++)
    {
      Guard *entry = &g_array_index (copy, Guard, i);

      if (entry->written != NULL)
        entry->written (file, before, after, entry->user_data);
    }
}
