/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-markdown"

#include "config.h"

#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "mi-markdown-private.h"

static const char * const extension_names[] = {
  "table", "strikethrough", "autolink", "tasklist",
};

static void
ensure_extensions (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      g_once_init_leave (&once, 1);
    }
}

/* The one cmark-gfm parser setup: @text parsed with the extensions
 * meta-issues reads (tables, strikethrough, autolinks, task lists), in any
 * thread. Free the document node it returns with cmark_node_free(). */
cmark_node *
_mi_markdown_parse_cmark (const char *text,
                          gsize       len)
{
  cmark_parser *parser;
  cmark_node *root;

  ensure_extensions ();

  parser = cmark_parser_new (CMARK_OPT_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    {
      cmark_syntax_extension *ext = cmark_find_syntax_extension (extension_names[i]);

      if (ext != NULL)
        cmark_parser_attach_syntax_extension (parser, ext);
    }
  cmark_parser_feed (parser, text, len);
  root = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  return root;
}

static void
mark_lines (MiMarkdown *md,
            int         first,
            int         last,
            MiLineKind  kind,
            guint       level,
            gboolean    keep_items)
{
  if (first < 1)
    first = 1;
  if (last > (int) md->n_lines)
    last = md->n_lines;

  for (int i = first; i <= last; i++)
    {
      if (keep_items && md->lines[i].kind == MI_LINE_ITEM)
        continue;
      md->lines[i].kind = kind;
      md->lines[i].level = MIN (level, 255);
    }
}

static int
count_lines (const char *text)
{
  int n = 0;
  const char *p;

  if (text == NULL || *text == '\0')
    return 1;
  for (p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  if (p[-1] != '\n')
    n++;
  return MAX (n, 1);
}

static gboolean
is_fenced (cmark_node *node)
{
  int length = 0, offset = 0;
  char character = 0;

  /* cmark-gfm writes through these pointers unchecked: never pass NULL. */
  return cmark_node_get_fenced (node, &length, &offset, &character) != 0;
}

static gboolean
is_blank_line (MiMarkdown *md,
               guint       line)
{
  if (line < 1 || line > md->n_lines)
    return FALSE;
  for (gsize i = md->starts[line - 1]; i < md->starts[line]; i++)
    if (!g_ascii_isspace (md->text[i]))
      return FALSE;
  return TRUE;
}

static void
classify (MiMarkdown *md,
          cmark_node *root)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type ev;
  guint item_depth = 0;
  guint quote_depth = 0;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      int first = cmark_node_get_start_line (node);
      int last = cmark_node_get_end_line (node);

      /* cmark-gfm ends some blocks at column 0 of the line after them. */
      if (cmark_node_get_end_column (node) == 0 && last > first)
        last--;
      if (last < first)
        last = first;

      /* An HTML block spans the lines of its literal. */
      if (type == CMARK_NODE_HTML_BLOCK)
        last = first + count_lines (cmark_node_get_literal (node)) - 1;

      /* An indented code block's trailing blank lines are not its own. */
      if (type == CMARK_NODE_CODE_BLOCK && !is_fenced (node))
        while (last > first && is_blank_line (md, last))
          last--;

      if (type == CMARK_NODE_ITEM)
        {
          if (ev == CMARK_EVENT_ENTER)
            {
              item_depth++;
              if (quote_depth == 0)
                mark_lines (md, first, first, MI_LINE_ITEM, item_depth, FALSE);
            }
          else
            item_depth--;
          continue;
        }

      if (type == CMARK_NODE_BLOCK_QUOTE)
        {
          if (ev == CMARK_EVENT_ENTER)
            {
              if (quote_depth == 0)
                mark_lines (md, first, last, MI_LINE_QUOTE, 1, FALSE);
              quote_depth++;
            }
          else
            quote_depth--;
          continue;
        }

      if (ev != CMARK_EVENT_ENTER || quote_depth > 0)
        continue;

      switch ((int) type)
        {
        case CMARK_NODE_HEADING:
          mark_lines (md, first, first, MI_LINE_HEADING, cmark_node_get_heading_level (node), FALSE);
          if (last > first)
            mark_lines (md, first + 1, last, MI_LINE_OTHER, 0, FALSE);
          break;

        case CMARK_NODE_PARAGRAPH:
          mark_lines (md, first, last,
                      item_depth > 0 ? MI_LINE_ITEM_TEXT : MI_LINE_TEXT,
                      item_depth, TRUE);
          break;

        case CMARK_NODE_CODE_BLOCK:
          mark_lines (md, first, last, MI_LINE_CODE, item_depth, FALSE);
          break;

        case CMARK_NODE_HTML_BLOCK:
          mark_lines (md, first, last, MI_LINE_HTML, item_depth, FALSE);
          break;

        case CMARK_NODE_THEMATIC_BREAK:
          mark_lines (md, first, last, MI_LINE_OTHER, 0, FALSE);
          break;

        default:
          {
            const char *name = cmark_node_get_type_string (node);

            if (g_strcmp0 (name, "table_row") == 0 || g_strcmp0 (name, "table_header") == 0)
              {
                if (cmark_gfm_extensions_get_table_row_is_header (node) || g_strcmp0 (name, "table_header") == 0)
                  {
                    mark_lines (md, first, first, MI_LINE_TABLE_HEADER, item_depth, FALSE);
                    mark_lines (md, first + 1, first + 1, MI_LINE_TABLE_DELIM, item_depth, FALSE);
                  }
                else
                  mark_lines (md, first, first, MI_LINE_TABLE_ROW, item_depth, FALSE);
              }
          }
          break;
        }
    }

  cmark_iter_free (iter);
}

/**
 * mi_markdown_index_lines:
 * Splits at "\n", "\r\n" and a lone "\r", as CommonMark does. Returns
 * n_lines + 1 offsets; text that ends with a newline has no empty last line.
 */
gsize *
mi_markdown_index_lines (const char *text,
                         gsize       len,
                         guint      *n_lines)
{
  g_autoptr(GArray) starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 64);
  gsize zero = 0;
  gsize i = 0;

  g_array_append_val (starts, zero);

  while (i < len)
    {
      const char *nl = memchr (text + i, '\n', len - i);
      const char *cr = memchr (text + i, '\r', (nl ? (gsize) (nl - text) : len) - i);
      gsize next;

      if (cr != NULL)
        next = (gsize) (cr - text) + ((gsize) (cr - text) + 1 < len && cr[1] == '\n' ? 2 : 1);
      else if (nl != NULL)
        next = (gsize) (nl - text) + 1;
      else
        next = len;

      g_array_append_val (starts, next);
      i = next;
    }

  *n_lines = starts->len - 1;
  return (gsize *) g_array_free (g_steal_pointer (&starts), FALSE);
}

MiMarkdown *
mi_markdown_parse (const char *text,
                   gsize       len)
{
  MiMarkdown *md = g_new0 (MiMarkdown, 1);
  cmark_node *root;

  md->text = text;
  md->len = len;
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    md->bom_len = 3;
  md->starts = mi_markdown_index_lines (text, len, &md->n_lines);
  md->lines = g_new0 (MiLineInfo, md->n_lines + 1);

  root = _mi_markdown_parse_cmark (text + md->bom_len, len - md->bom_len);
  classify (md, root);
  cmark_node_free (root);

  return md;
}

void
mi_markdown_free (MiMarkdown *md)
{
  if (md == NULL)
    return;

  g_free (md->starts);
  g_free (md->lines);
  g_free (md);
}

MiLineKind
mi_markdown_kind (MiMarkdown *md,
                  guint       line)
{
  if (line < 1 || line > md->n_lines)
    return MI_LINE_BLANK;
  return md->lines[line].kind;
}

guint
mi_markdown_level (MiMarkdown *md,
                   guint       line)
{
  if (line < 1 || line > md->n_lines)
    return 0;
  return md->lines[line].level;
}

gsize
mi_markdown_line_start (MiMarkdown *md,
                        guint       line)
{
  g_assert (line >= 1 && line <= md->n_lines + 1);

  if (line == 1)
    return md->bom_len;
  return md->starts[line - 1];
}

gsize
mi_markdown_content_end (MiMarkdown *md,
                         guint       line)
{
  gsize end;

  g_assert (line >= 1 && line <= md->n_lines);

  end = md->starts[line];
  if (end > md->starts[line - 1] && md->text[end - 1] == '\n')
    end--;
  if (end > md->starts[line - 1] && md->text[end - 1] == '\r')
    end--;
  return MAX (end, mi_markdown_line_start (md, line));
}

static char *
dup_valid (const char *text,
           gsize       len)
{
  if (g_utf8_validate_len (text, len, NULL))
    return g_strndup (text, len);
  return g_utf8_make_valid (text, len);
}

char *
mi_markdown_line (MiMarkdown *md,
                  guint       line)
{
  gsize start, end;

  if (line < 1 || line > md->n_lines)
    return g_strdup ("");

  start = mi_markdown_line_start (md, line);
  end = mi_markdown_content_end (md, line);
  return dup_valid (md->text + start, end - start);
}

/* The lines first..last, joined with "\n", trimmed of blank lines and
 * spaces; a hard line break (two spaces or more at the end of a line
 * followed by more of the paragraph) keeps its two spaces. */
char *
mi_markdown_text (MiMarkdown *md,
                  guint       first,
                  guint       last)
{
  g_autoptr(GString) str = g_string_new (NULL);

  /* A closing thematic break belongs to no section. */
  while (last >= first && last > 0 &&
         (mi_markdown_kind (md, last) == MI_LINE_OTHER || mi_markdown_kind (md, last) == MI_LINE_BLANK))
    last--;

  for (guint i = first; i <= last && i <= md->n_lines; i++)
    {
      g_autofree char *line = mi_markdown_line (md, i);
      gsize len = strlen (line);
      gboolean hard_break = len >= 2 && line[len - 1] == ' ' && line[len - 2] == ' ' &&
                            i < last && mi_markdown_kind (md, i + 1) != MI_LINE_BLANK;

      g_strchomp (line);
      if (hard_break && line[0] != '\0')
        {
          g_autofree char *kept = g_strconcat (line, "  ", NULL);

          g_free (g_steal_pointer (&line));
          line = g_steal_pointer (&kept);
        }
      if (str->len > 0 || line[0] != '\0')
        {
          if (str->len > 0)
            g_string_append_c (str, '\n');
          g_string_append (str, line);
        }
    }

  g_strstrip (str->str);
  str->len = strlen (str->str);
  if (str->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&str), FALSE);
}

static gsize
skip_spaces (const char *s,
             gsize       i)
{
  while (s[i] == ' ' || s[i] == '\t')
    i++;
  return i;
}

static gsize
skip_list_marker (const char *s,
                  gsize       i)
{
  gsize j = skip_spaces (s, i);

  if ((s[j] == '-' || s[j] == '*' || s[j] == '+') && (s[j + 1] == ' ' || s[j + 1] == '\t'))
    return skip_spaces (s, j + 1);

  if (g_ascii_isdigit (s[j]))
    {
      gsize k = j;

      while (g_ascii_isdigit (s[k]))
        k++;
      if ((s[k] == '.' || s[k] == ')') && (s[k + 1] == ' ' || s[k + 1] == '\t'))
        return skip_spaces (s, k + 1);
    }

  return i;
}

/**
 * mi_markdown_split_key_value:
 * Reads `**Key:** value`, `**Key**: value` or `__Key:__ value`, also as a list
 * item. @value_start and @value_end are byte offsets in @line of the value as
 * written, without surrounding spaces: the span an edit replaces.
 */
gboolean
mi_markdown_split_key_value (const char  *line,
                             char       **key,
                             char       **value,
                             gsize       *value_start,
                             gsize       *value_end)
{
  gsize i = skip_list_marker (line, 0);
  char delim;
  gsize key_start, key_end, j, end;

  i = skip_spaces (line, i);
  if (!((line[i] == '*' && line[i + 1] == '*') || (line[i] == '_' && line[i + 1] == '_')))
    return FALSE;
  delim = line[i];
  key_start = i + 2;

  for (j = key_start; line[j] != '\0'; j++)
    if (line[j] == delim && line[j + 1] == delim)
      break;
  if (line[j] == '\0' || j == key_start)
    return FALSE;

  key_end = j;
  j += 2;

  if (key_end > key_start && line[key_end - 1] == ':')
    key_end--;
  else if (line[j] == ':')
    j++;
  else
    return FALSE;

  while (key_end > key_start && (line[key_end - 1] == ' ' || line[key_end - 1] == '\t'))
    key_end--;
  if (key_end == key_start)
    return FALSE;

  j = skip_spaces (line, j);
  end = strlen (line);
  while (end > j && g_ascii_isspace (line[end - 1]))
    end--;

  if (key != NULL)
    *key = g_strndup (line + key_start, key_end - key_start);
  if (value != NULL)
    *value = g_strndup (line + j, end - j);
  if (value_start != NULL)
    *value_start = j;
  if (value_end != NULL)
    *value_end = end;

  return TRUE;
}

/* Whether a line of @kind can hold a `**Key:** value`: a paragraph line, in
 * a list item or not. */
gboolean
mi_markdown_can_hold_key (MiLineKind kind)
{
  return kind == MI_LINE_TEXT || kind == MI_LINE_ITEM || kind == MI_LINE_ITEM_TEXT;
}

/**
 * mi_markdown_line_key_value:
 * @value: (out) (optional): the value, as mi_markdown_split_key_value() reads it
 *
 * Reads the `**Key:** value` of @line, on a line that can hold one.
 *
 * Returns: (transfer full) (nullable): the key, plain and lower-case
 *   ("status"); %NULL when the line holds none.
 */
char *
mi_markdown_line_key_value (MiMarkdown  *md,
                            guint        line,
                            char       **value)
{
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  g_autofree char *plain = NULL;

  if (!mi_markdown_can_hold_key (mi_markdown_kind (md, line)))
    return NULL;
  text = mi_markdown_line (md, line);
  if (!mi_markdown_split_key_value (text, &key, value, NULL, NULL))
    return NULL;
  plain = mi_markdown_strip_inline (key);
  return g_utf8_strdown (plain, -1);
}

char *
mi_markdown_heading_text (const char *line)
{
  gsize i = skip_spaces (line, 0);
  g_autofree char *copy = NULL;
  char *end;

  while (line[i] == '#')
    i++;
  copy = g_strdup (line + i);
  g_strstrip (copy);

  /* A closing sequence of #s, preceded by a space. */
  end = copy + strlen (copy);
  while (end > copy && end[-1] == '#')
    end--;
  if (end == copy || end[-1] == ' ' || end[-1] == '\t')
    {
      if (end != copy)
        *end = '\0';
      g_strchomp (copy);
    }

  return mi_markdown_strip_inline (copy);
}

char *
mi_markdown_item_text (const char *line)
{
  gsize i = skip_list_marker (line, 0);
  g_autofree char *copy = g_strdup (line + i);

  /* A task list item's box. */
  if (copy[0] == '[' && (copy[1] == ' ' || copy[1] == 'x' || copy[1] == 'X') && copy[2] == ']')
    memmove (copy, copy + 3, strlen (copy + 3) + 1);

  return g_strstrip (g_steal_pointer (&copy));
}

GPtrArray *
mi_markdown_split_row (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *copy = g_strstrip (g_strdup (line));
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = copy;
  gboolean in_code = FALSE;

  if (*p == '|')
    p++;

  for (; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] == '|')
        {
          g_string_append_c (cell, '|');
          p++;
          continue;
        }
      if (*p == '`')
        in_code = !in_code;
      if (*p == '|' && !in_code)
        {
          g_ptr_array_add (cells, g_strstrip (g_strdup (cell->str)));
          g_string_truncate (cell, 0);
          continue;
        }
      g_string_append_c (cell, *p);
    }

  if (*g_strstrip (cell->str) != '\0')
    g_ptr_array_add (cells, g_strdup (cell->str));

  return cells;
}

/* Plain text of a short inline span: emphasis markers and code ticks
 * dropped, a link replaced by its text. */
char *
mi_markdown_strip_inline (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_'))
        {
          p++;
          continue;
        }
      if (*p == '`')
        continue;
      if (*p == '[')
        {
          const char *close = strchr (p, ']');

          if (close != NULL && close[1] == '(' && strchr (close, ')') != NULL)
            {
              g_string_append_len (out, p + 1, close - p - 1);
              p = strchr (close, ')');
              continue;
            }
        }
      g_string_append_c (out, *p);
    }

  return g_strstrip (g_string_free (out, FALSE));
}
