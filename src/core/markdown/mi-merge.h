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

/* A structured edit (every write of core's edits, renumbering, lessons,
 * chart exports) asks each guard before it writes @file: a guard that
 * returns FALSE, with @error set, stops the whole edit before any file is
 * written. Once every file of the edit is written, each guard's @written
 * hears of each file, with the bytes before (NULL for a new file) and
 * after. The app uses them to keep a structured edit from splitting an
 * editor's unsaved text from the file, and to carry the edit into that
 * text. Guards run on the thread that makes the edit. */
typedef gboolean (*MiWriteGuard)   (GFile    *file,
                                    GBytes   *before,
                                    GBytes   *after,
                                    gpointer  user_data,
                                    GError  **error);
typedef void     (*MiWriteNotify)  (GFile    *file,
                                    GBytes   *before,
                                    GBytes   *after,
                                    gpointer  user_data);

guint     mi_write_guard_add     (MiWriteGuard   guard,
                                  MiWriteNotify  written,
                                  gpointer       user_data);
void      mi_write_guard_remove  (guint          id);
gboolean  mi_write_guard_check   (GFile         *file,
                                  GBytes        *before,
                                  GBytes        *after,
                                  GError       **error);
void      mi_write_guard_written (GFile         *file,
                                  GBytes        *before,
                                  GBytes        *after);

G_END_DECLS
