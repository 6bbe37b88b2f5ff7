/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-text"

#include "config.h"

#include <string.h>

#include "mi-text.h"

/*
 * Two people changing one text: a structured edit writes the file while
 * the user's unsaved text in an editor holds changes of its own. When the
 * two changes touch different parts of the text, the structured edit is
 * carried into the user's text as one more edit; when they meet, nothing
 * is guessed (mi_text_carry()). Also the small facts about a text that
 * every reader of the files needs: its byte order mark, its encoding.
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

/* Whether @text, after any byte order mark, is valid UTF-8. */
gboolean
mi_text_is_utf8 (const char *text,
                 gsize       len)
{
  gsize bom = mi_text_bom_length (text, len);

  return g_utf8_validate_len (text + bom, len - bom, NULL);
}

/**
 * mi_text_carry:
 * @base: the file's bytes that the unsaved text started from
 * @mine: the unsaved text, without a byte order mark
 * @before: (nullable): the file's bytes before a structured edit, NULL
 *   for a new file
 * @after: the bytes the edit writes
 * @span: (out): for %MI_TEXT_CARRY_APART, where: in @mine, and in @after
 *   after its byte order mark
 * @bom: (out): the length of the byte order mark of @base and @after
 *
 * Whether a structured edit of a file can be carried into unsaved text
 * of that file. The edit concerns the text only when the text started
 * from @before; it can be carried when the two changes are apart, and
 * neither the byte order mark nor the encoding changes.
 */
MiTextCarry
mi_text_carry (GBytes      *base,
               const char  *mine,
               gsize        mine_len,
               GBytes      *before,
               GBytes      *after,
               MiTextSpan  *span,
               gsize       *bom)
{
  const char *base_text, *after_text;
  gsize base_len, after_len;

  g_return_val_if_fail (span != NULL && bom != NULL, MI_TEXT_CARRY_MEETS);

  *span = (MiTextSpan) { 0 };
  *bom = 0;
  if (base == NULL || before == NULL || after == NULL || !g_bytes_equal (base, before))
    return MI_TEXT_CARRY_NOTHING;

  base_text = g_bytes_get_data (base, &base_len);
  after_text = g_bytes_get_data (after, &after_len);
  if (base_text == NULL)
    base_text = "";
  if (after_text == NULL)
    after_text = "";

  *bom = mi_text_bom_length (base_text, base_len);
  if (mi_text_bom_length (after_text, after_len) != *bom ||
      !mi_text_is_utf8 (base_text, base_len) ||
      !mi_text_is_utf8 (after_text, after_len))
    return MI_TEXT_CARRY_MEETS;

  if (!mi_text_rebase (base_text + *bom, base_len - *bom, mine, mine_len,
                       after_text + *bom, after_len - *bom, span))
    return MI_TEXT_CARRY_MEETS;

  return MI_TEXT_CARRY_APART;
}
