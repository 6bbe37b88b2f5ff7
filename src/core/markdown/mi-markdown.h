/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The block structure of a markdown file, line by line, as cmark-gfm sees it.
 * The conventions of meta-issues are all line-shaped (a `**Key:** value`
 * line, a heading, a list item, a table row), so the parser of the model reads
 * lines classified here and every edit is a text edit of whole lines or of a
 * span inside one line: the rest of the file keeps its bytes.
 */

typedef enum
{
  MI_LINE_BLANK,
  MI_LINE_TEXT,          /* a paragraph line outside lists and quotes */
  MI_LINE_HEADING,       /* level 1–6 */
  MI_LINE_ITEM,          /* first line of a list item; level = nesting depth */
  MI_LINE_ITEM_TEXT,     /* further paragraph lines of a list item */
  MI_LINE_TABLE_HEADER,
  MI_LINE_TABLE_DELIM,
  MI_LINE_TABLE_ROW,
  MI_LINE_CODE,
  MI_LINE_HTML,
  MI_LINE_QUOTE,
  MI_LINE_OTHER,         /* thematic breaks, setext underlines, … */
} MiLineKind;

typedef struct
{
  guint8 kind;
  guint8 level;
} MiLineInfo;

typedef struct
{
  const char *text;       /* not owned */
  gsize       len;
  gsize       bom_len;    /* 3 when the text starts with a UTF-8 BOM */
  guint       n_lines;
  gsize      *starts;     /* n_lines + 1 offsets: line i (1-based) is [starts[i-1], starts[i]) */
  MiLineInfo *lines;      /* n_lines + 1 entries, index 1-based (0 unused) */
} MiMarkdown;

gsize      *mi_markdown_index_lines      (const char  *text,
                                          gsize        len,
                                          guint       *n_lines);
MiMarkdown *mi_markdown_parse            (const char  *text,
                                          gsize        len);
void        mi_markdown_free             (MiMarkdown  *md);

MiLineKind  mi_markdown_kind             (MiMarkdown  *md,
                                          guint        line);
guint       mi_markdown_level            (MiMarkdown  *md,
                                          guint        line);
char       *mi_markdown_line             (MiMarkdown  *md,
                                          guint        line);
gsize       mi_markdown_line_start       (MiMarkdown  *md,
                                          guint        line);
gsize       mi_markdown_content_end      (MiMarkdown  *md,
                                          guint        line);
char       *mi_markdown_text             (MiMarkdown  *md,
                                          guint        first,
                                          guint        last);

gboolean    mi_markdown_split_key_value  (const char  *line,
                                          char       **key,
                                          char       **value,
                                          gsize       *value_start,
                                          gsize       *value_end);
gboolean    mi_markdown_can_hold_key     (MiLineKind   kind);
char       *mi_markdown_line_key_value   (MiMarkdown  *md,
                                          guint        line,
                                          char       **value);
char       *mi_markdown_heading_text     (const char  *line);
char       *mi_markdown_item_text        (const char  *line);
GPtrArray  *mi_markdown_split_row        (const char  *line);
char       *mi_markdown_strip_inline     (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiMarkdown, mi_markdown_free)

G_END_DECLS
