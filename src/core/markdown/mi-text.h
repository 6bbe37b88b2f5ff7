/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One replacement in a text: @length bytes at @offset become @text_length
 * bytes of some other text, starting at @text_offset there. */
typedef struct
{
  gsize offset;
  gsize length;
  gsize text_offset;
  gsize text_length;
} MiTextSpan;

gsize     mi_text_bom_length     (const char  *text,
                                  gsize        len);
void      mi_text_common_affixes (const char  *a,
                                  gsize        a_len,
                                  const char  *b,
                                  gsize        b_len,
                                  gsize       *prefix,
                                  gsize       *suffix);
MiTextSpan mi_text_difference    (const char  *a,
                                  gsize        a_len,
                                  const char  *b,
                                  gsize        b_len);
gboolean  mi_text_rebase         (const char  *base,
                                  gsize        base_len,
                                  const char  *mine,
                                  gsize        mine_len,
                                  const char  *theirs,
                                  gsize        theirs_len,
                                  MiTextSpan  *span);

gboolean  mi_text_is_utf8        (const char  *text,
                                  gsize        len);

typedef enum
{
  MI_TEXT_CARRY_NOTHING,  /* the unsaved text is not based on the bytes the edit changes */
  MI_TEXT_CARRY_APART,    /* the edit and the unsaved changes are apart: it can be carried */
  MI_TEXT_CARRY_MEETS,    /* they meet: a person has to choose */
} MiTextCarry;

MiTextCarry mi_text_carry        (GBytes      *base,
                                  const char  *mine,
                                  gsize        mine_len,
                                  GBytes      *before,
                                  GBytes      *after,
                                  MiTextSpan  *span,
                                  gsize       *bom);

G_END_DECLS
