/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mi-markdown.h"

/*
 * mi-markdown: the kind of every line of a document as cmark-gfm sees it, and
 * the helpers that read the line-shaped conventions (`**Key:** value`,
 * headings, list items, table rows). Line numbers must not move with the line
 * endings or a BOM: edits address lines by number.
 */

typedef struct
{
  guint       line;
  MiLineKind  kind;
  guint       level;   /* checked for headings and list lines */
} ExpectedLine;

/* One line per entry, joined with the line ending under test. */
static const char * const document_lines[] = {
  "# Title",                          /*  1 */
  "",                                 /*  2 */
  "Setext Heading",                   /*  3 */
  "==============",                   /*  4 */
  "",                                 /*  5 */
  "A paragraph line one",             /*  6 */
  "and line two.",                    /*  7 */
  "",                                 /*  8 */
  "- item one",                       /*  9 */
  "  continuation of item one",       /* 10 */
  "  - nested item",                  /* 11 */
  "- item two",                       /* 12 */
  "",                                 /* 13 */
  "| A | B |",                        /* 14 */
  "|---|:-:|",                        /* 15 */
  "| 1 | 2 |",                        /* 16 */
  "| 3 | 4 |",                        /* 17 */
  "",                                 /* 18 */
  "```",                              /* 19 */
  "## Attempt 009: Fake",             /* 20 */
  "**Status:** Open",                 /* 21 */
  "```",                              /* 22 */
  "",                                 /* 23 */
  "    indented code",                /* 24 */
  "    more code",                    /* 25 */
  "",                                 /* 26 */
  "<div>",                            /* 27 */
  "html",                             /* 28 */
  "</div>",                           /* 29 */
  "",                                 /* 30 */
  "<!-- a comment -->",               /* 31 */
  "",                                 /* 32 */
  "<!--",                             /* 33 */
  "## Attempt 010: Hidden",           /* 34 */
  "-->",                              /* 35 */
  "",                                 /* 36 */
  "> quoted line",                    /* 37 */
  "> - quoted item",                  /* 38 */
  "",                                 /* 39 */
  "---",                              /* 40 */
  "",                                 /* 41 */
  "Setext Two",                       /* 42 */
  "----------",                       /* 43 */
  "",                                 /* 44 */
  "last paragraph",                   /* 45 */
  NULL
};

static const ExpectedLine expected_lines[] = {
  {  1, MI_LINE_HEADING, 1 },
  {  2, MI_LINE_BLANK, 0 },
  {  3, MI_LINE_HEADING, 1 },
  {  4, MI_LINE_OTHER, 0 },
  {  5, MI_LINE_BLANK, 0 },
  {  6, MI_LINE_TEXT, 0 },
  {  7, MI_LINE_TEXT, 0 },
  {  8, MI_LINE_BLANK, 0 },
  {  9, MI_LINE_ITEM, 1 },
  { 10, MI_LINE_ITEM_TEXT, 1 },
  { 11, MI_LINE_ITEM, 2 },
  { 12, MI_LINE_ITEM, 1 },
  { 13, MI_LINE_BLANK, 0 },
  { 14, MI_LINE_TABLE_HEADER, 0 },
  { 15, MI_LINE_TABLE_DELIM, 0 },
  { 16, MI_LINE_TABLE_ROW, 0 },
  { 17, MI_LINE_TABLE_ROW, 0 },
  { 18, MI_LINE_BLANK, 0 },
  { 19, MI_LINE_CODE, 0 },
  { 20, MI_LINE_CODE, 0 },
  { 21, MI_LINE_CODE, 0 },
  { 22, MI_LINE_CODE, 0 },
  { 23, MI_LINE_BLANK, 0 },
  { 24, MI_LINE_CODE, 0 },
  { 25, MI_LINE_CODE, 0 },
  { 26, MI_LINE_BLANK, 0 },
  { 27, MI_LINE_HTML, 0 },
  { 28, MI_LINE_HTML, 0 },
  { 29, MI_LINE_HTML, 0 },
  { 30, MI_LINE_BLANK, 0 },
  { 31, MI_LINE_HTML, 0 },
  { 32, MI_LINE_BLANK, 0 },
  { 33, MI_LINE_HTML, 0 },
  { 34, MI_LINE_HTML, 0 },
  { 35, MI_LINE_HTML, 0 },
  { 36, MI_LINE_BLANK, 0 },
  { 37, MI_LINE_QUOTE, 0 },
  { 38, MI_LINE_QUOTE, 0 },
  { 39, MI_LINE_BLANK, 0 },
  { 40, MI_LINE_OTHER, 0 },
  { 41, MI_LINE_BLANK, 0 },
  { 42, MI_LINE_HEADING, 2 },
  { 43, MI_LINE_OTHER, 0 },
  { 44, MI_LINE_BLANK, 0 },
  { 45, MI_LINE_TEXT, 0 },
};

static const char *
kind_name (MiLineKind kind)
{
  static const char * const names[] = {
    "BLANK", "TEXT", "HEADING", "ITEM", "ITEM_TEXT", "TABLE_HEADER",
    "TABLE_DELIM", "TABLE_ROW", "CODE", "HTML", "QUOTE", "OTHER",
  };

  if ((guint) kind < G_N_ELEMENTS (names))
    return names[kind];
  return "?";
}

static char *
build_document (const char *bom,
                const char *newline,
                gboolean    final_newline)
{
  GString *str = g_string_new (bom);

  for (guint i = 0; document_lines[i] != NULL; i++)
    {
      g_string_append (str, document_lines[i]);
      if (document_lines[i + 1] != NULL || final_newline)
        g_string_append (str, newline);
    }

  return g_string_free (str, FALSE);
}

static void
assert_document_kinds (const char *bom,
                       const char *newline,
                       gboolean    final_newline)
{
  g_autofree char *text = build_document (bom, newline, final_newline);
  g_autoptr(MiMarkdown) md = mi_markdown_parse (text, strlen (text));
  g_autoptr(GString) wrong = g_string_new (NULL);

  g_assert_cmpuint (md->n_lines, ==, G_N_ELEMENTS (expected_lines));
  g_assert_cmpuint (md->bom_len, ==, strlen (bom));

  for (guint i = 0; i < G_N_ELEMENTS (expected_lines); i++)
    {
      const ExpectedLine *e = &expected_lines[i];
      MiLineKind kind = mi_markdown_kind (md, e->line);
      g_autofree char *line = mi_markdown_line (md, e->line);

      /* Every wrong line is listed, then the test fails. */
      if (kind != e->kind)
        g_string_append_printf (wrong, "line %u “%s”: %s, expected %s; ",
                                e->line, line, kind_name (kind), kind_name (e->kind));
      else if ((e->kind == MI_LINE_HEADING || e->kind == MI_LINE_ITEM || e->kind == MI_LINE_ITEM_TEXT) &&
               mi_markdown_level (md, e->line) != e->level)
        g_string_append_printf (wrong, "line %u “%s”: level %u, expected %u; ",
                                e->line, line, mi_markdown_level (md, e->line), e->level);

      /* The line's text is the line as written, without BOM or line ending. */
      g_assert_cmpstr (line, ==, document_lines[e->line - 1]);
    }

  g_assert_cmpstr (wrong->str, ==, "");

  /* Out of range lines are blank, and empty. */
  g_assert_cmpint (mi_markdown_kind (md, 0), ==, MI_LINE_BLANK);
  g_assert_cmpint (mi_markdown_kind (md, md->n_lines + 1), ==, MI_LINE_BLANK);
}

static void
test_kinds_lf (void)
{
  assert_document_kinds ("", "\n", TRUE);
  assert_document_kinds ("", "\n", FALSE);
}

static void
test_kinds_crlf (void)
{
  assert_document_kinds ("", "\r\n", TRUE);
  assert_document_kinds ("", "\r\n", FALSE);
}

static void
test_kinds_cr (void)
{
  assert_document_kinds ("", "\r", TRUE);
}

static void
test_kinds_bom (void)
{
  assert_document_kinds ("\xEF\xBB\xBF", "\n", TRUE);
  assert_document_kinds ("\xEF\xBB\xBF", "\r\n", TRUE);
}

/* Whatever the kinds, they are the same line by line with any line ending
 * and with a BOM: edits address lines by number. */
static void
test_kinds_stable (void)
{
  g_autofree char *lf = build_document ("", "\n", TRUE);
  g_autoptr(MiMarkdown) reference = mi_markdown_parse (lf, strlen (lf));
  static const char * const variants[][2] = {
    { "", "\r\n" },
    { "", "\r" },
    { "\xEF\xBB\xBF", "\n" },
    { "\xEF\xBB\xBF", "\r\n" },
  };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autofree char *text = build_document (variants[v][0], variants[v][1], TRUE);
      g_autoptr(MiMarkdown) md = mi_markdown_parse (text, strlen (text));

      g_assert_cmpuint (md->n_lines, ==, reference->n_lines);
      for (guint line = 1; line <= md->n_lines; line++)
        {
          g_autofree char *a = mi_markdown_line (reference, line);
          g_autofree char *b = mi_markdown_line (md, line);

          g_assert_cmpstr (kind_name (mi_markdown_kind (md, line)), ==,
                           kind_name (mi_markdown_kind (reference, line)));
          g_assert_cmpuint (mi_markdown_level (md, line), ==, mi_markdown_level (reference, line));
          g_assert_cmpstr (b, ==, a);
        }
    }
}

/* Bytes that are not UTF-8 keep their line; the line's text is made valid. */
static void
test_not_utf8 (void)
{
  const char *text = "# T\xff\n\n**Status:** Op\x80" "en\n";
  g_autoptr(MiMarkdown) md = mi_markdown_parse (text, strlen (text));
  g_autofree char *title = mi_markdown_line (md, 1);
  g_autofree char *status = mi_markdown_line (md, 3);

  g_assert_cmpuint (md->n_lines, ==, 3);
  g_assert_cmpint (mi_markdown_kind (md, 1), ==, MI_LINE_HEADING);
  g_assert_cmpint (mi_markdown_kind (md, 3), ==, MI_LINE_TEXT);
  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_true (g_utf8_validate (status, -1, NULL));
  g_assert_true (g_str_has_prefix (title, "# T"));
  g_assert_cmpuint (mi_markdown_content_end (md, 3), ==, strlen (text) - 1);
}

static void
test_line_offsets (void)
{
  const char *text = "\xEF\xBB\xBF# T\r\n\r\nbody  \r\n";
  g_autoptr(MiMarkdown) md = mi_markdown_parse (text, strlen (text));

  g_assert_cmpuint (md->n_lines, ==, 3);
  /* Line 1 starts after the BOM. */
  g_assert_cmpuint (mi_markdown_line_start (md, 1), ==, 3);
  g_assert_cmpuint (mi_markdown_content_end (md, 1), ==, 6);
  g_assert_cmpuint (mi_markdown_line_start (md, 2), ==, 8);
  g_assert_cmpuint (mi_markdown_content_end (md, 2), ==, 8);
  g_assert_cmpuint (mi_markdown_line_start (md, 3), ==, 10);
  g_assert_cmpuint (mi_markdown_content_end (md, 3), ==, 16);
  g_assert_cmpuint (mi_markdown_line_start (md, 4), ==, strlen (text));
  g_assert_cmpint (mi_markdown_kind (md, 1), ==, MI_LINE_HEADING);
  g_assert_cmpint (mi_markdown_kind (md, 2), ==, MI_LINE_BLANK);
  g_assert_cmpint (mi_markdown_kind (md, 3), ==, MI_LINE_TEXT);
}

static void
test_empty_document (void)
{
  g_autoptr(MiMarkdown) md = mi_markdown_parse ("", 0);
  g_autofree char *line = mi_markdown_line (md, 1);

  g_assert_cmpuint (md->n_lines, ==, 0);
  g_assert_cmpstr (line, ==, "");
  g_assert_null (mi_markdown_text (md, 1, 1));
}

typedef struct
{
  const char *line;
  const char *key;
  const char *value;
  gsize       value_start;
  gsize       value_end;
} KeyValue;

static void
test_split_key_value (void)
{
  static const KeyValue matches[] = {
    { "**Status:** Open", "Status", "Open", 12, 16 },
    { "**Status**: Open", "Status", "Open", 12, 16 },
    { "__Status:__ Open", "Status", "Open", 12, 16 },
    { "- **Status:** Open", "Status", "Open", 14, 18 },
    { "**Status:**", "Status", "", 11, 11 },
    { "**Created:** 2024-09-01  ", "Created", "2024-09-01", 13, 23 },
    { "**Total Attempts:** 3", "Total Attempts", "3", 20, 21 },
    { "**Result:** ❌ Failed (2% improvement)", "Result", "❌ Failed (2% improvement)", 12, 39 },
  };
  static const char * const non_matches[] = {
    "Status: Open",
    "**bold** text",
    "** :**",
    "",
    "**",
    "****: x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (matches); i++)
    {
      const KeyValue *kv = &matches[i];
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      gsize start = G_MAXSIZE, end = G_MAXSIZE;

      g_test_message ("line “%s”", kv->line);
      g_assert_true (mi_markdown_split_key_value (kv->line, &key, &value, &start, &end));
      g_assert_cmpstr (key, ==, kv->key);
      g_assert_cmpstr (value, ==, kv->value);
      g_assert_cmpuint (start, ==, kv->value_start);
      g_assert_cmpuint (end, ==, kv->value_end);
      /* The span is the value as written: an edit replaces exactly it. */
      g_assert_cmpmem (kv->line + start, end - start, kv->value, strlen (kv->value));
    }

  /* All outputs are optional. */
  g_assert_true (mi_markdown_split_key_value ("**Status:** Open", NULL, NULL, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (non_matches); i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      g_test_message ("line “%s”", non_matches[i]);
      g_assert_false (mi_markdown_split_key_value (non_matches[i], &key, &value, NULL, NULL));
      g_assert_null (key);
      g_assert_null (value);
    }
}

/* The keys MiIssue and the review's commit message both read: on prose and
 * list lines only, plain and lower-case. */
static void
test_line_key_value (void)
{
  static const char text[] =
    "# **Status:** Heading\n"
    "\n"
    "**Status:** Open\n"
    "- **Total Attempts:** 3\n"
    "\n"
    "```\n"
    "**Status:** Resolved\n"
    "```\n"
    "\n"
    "> **Status:** Closed\n"
    "\n"
    "Plain text\n";
  static const struct {
    guint       line;
    const char *key;
    const char *value;
  } lines[] = {
    { 1, NULL, NULL },                 /* a heading */
    { 2, NULL, NULL },
    { 3, "status", "Open" },
    { 4, "total attempts", "3" },
    { 7, NULL, NULL },                 /* in a code block */
    { 10, NULL, NULL },                /* in a quote */
    { 12, NULL, NULL },                /* no key */
  };
  g_autoptr(MiMarkdown) md = mi_markdown_parse (text, strlen (text));

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *key = mi_markdown_line_key_value (md, lines[i].line, &value);

      g_test_message ("line %u", lines[i].line);
      g_assert_cmpstr (key, ==, lines[i].key);
      g_assert_cmpstr (value, ==, lines[i].value);
    }
}

static void
test_heading_text (void)
{
  static const char * const cases[][2] = {
    { "## Attempt 001: Caching Layer ##", "Attempt 001: Caching Layer" },
    { "## Attempt 001: Caching Layer", "Attempt 001: Caching Layer" },
    { "# Title #hashtag", "Title #hashtag" },
    { "# C#", "C#" },
    { "### Version 2 (2024-09-15) - Refined Hypothesis   ", "Version 2 (2024-09-15) - Refined Hypothesis" },
    { "# **Bold** title", "Bold title" },
    { "#", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mi_markdown_heading_text (cases[i][0]);

      g_assert_cmpstr (text, ==, cases[i][1]);
    }
}

static void
assert_row (const char         *line,
            const char * const *cells)
{
  g_autoptr(GPtrArray) row = mi_markdown_split_row (line);

  g_test_message ("row “%s”", line);
  g_assert_cmpuint (row->len, ==, g_strv_length ((char **) cells));
  for (guint i = 0; i < row->len; i++)
    g_assert_cmpstr (g_ptr_array_index (row, i), ==, cells[i]);
}

static void
test_split_row (void)
{
  assert_row ("| Attempt | Date | Approach | Result |",
              (const char *[]) { "Attempt", "Date", "Approach", "Result", NULL });
  assert_row ("| a \\| b | c |",
              (const char *[]) { "a | b", "c", NULL });
  assert_row ("| `x|y` | c |",
              (const char *[]) { "`x|y`", "c", NULL });
  assert_row ("| `x\\|y` | c |",
              (const char *[]) { "`x|y`", "c", NULL });
  assert_row ("a | b",
              (const char *[]) { "a", "b", NULL });
  assert_row ("| a | b",
              (const char *[]) { "a", "b", NULL });
  assert_row ("a | b |",
              (const char *[]) { "a", "b", NULL });
  assert_row ("  | 001 |   2024-09-01 |  ",
              (const char *[]) { "001", "2024-09-01", NULL });
  assert_row ("| a |  | c |",
              (const char *[]) { "a", "", "c", NULL });
  assert_row ("|:---|:-:|---:|---|",
              (const char *[]) { ":---", ":-:", "---:", "---", NULL });
}

static void
test_item_text (void)
{
  static const char * const cases[][2] = {
    { "- [x] done", "done" },
    { "- [X] done", "done" },
    { "- [ ] todo", "todo" },
    { "1. first", "first" },
    { "10) tenth", "tenth" },
    { "* star", "star" },
    { "+ plus", "plus" },
    { "  - nested  ", "nested" },
    { "- Attempt 001: 5,100ms (FAIL)", "Attempt 001: 5,100ms (FAIL)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mi_markdown_item_text (cases[i][0]);

      g_assert_cmpstr (text, ==, cases[i][1]);
    }
}

static void
test_strip_inline (void)
{
  g_autofree char *a = mi_markdown_strip_inline ("**bold** and [link](url) and `code`");
  g_autofree char *b = mi_markdown_strip_inline ("  __under__ [no link] (x)  ");
  g_autofree char *c = mi_markdown_strip_inline ("plain");

  g_assert_cmpstr (a, ==, "bold and link and code");
  g_assert_cmpstr (b, ==, "under [no link] (x)");
  g_assert_cmpstr (c, ==, "plain");
}

static void
test_text (void)
{
  const char *text =
    "## Section\n"      /* 1 */
    "\n"                /* 2 */
    "First line  \n"    /* 3 */
    "second line\n"     /* 4 */
    "\n"                /* 5 */
    "---\n"             /* 6 */
    "\n"                /* 7 */
    "## Next\n";        /* 8 */
  g_autoptr(MiMarkdown) md = mi_markdown_parse (text, strlen (text));
  g_autofree char *section = mi_markdown_text (md, 2, 7);
  g_autofree char *with_heading = mi_markdown_text (md, 1, 4);
  g_autofree char *one = mi_markdown_text (md, 4, 4);

  g_assert_cmpuint (md->n_lines, ==, 8);
  /* The hard break of line 3 keeps its two spaces: the text renders as written. */
  g_assert_cmpstr (section, ==, "First line  \nsecond line");
  g_assert_cmpstr (with_heading, ==, "## Section\n\nFirst line  \nsecond line");
  g_assert_cmpstr (one, ==, "second line");
  /* At the end of the text the spaces break nothing: trimmed. */
  {
    g_autofree char *last = mi_markdown_text (md, 3, 3);

    g_assert_cmpstr (last, ==, "First line");
  }
  /* Nothing but blank lines and a break: no text. */
  g_assert_null (mi_markdown_text (md, 5, 7));
}

static void
test_text_crlf (void)
{
  const char *text = "\xEF\xBB\xBF" "a\r\n\r\nb\r\n";
  g_autoptr(MiMarkdown) md = mi_markdown_parse (text, strlen (text));
  g_autofree char *all = mi_markdown_text (md, 1, 3);

  g_assert_cmpstr (all, ==, "a\n\nb");
}

typedef struct
{
  const char *text;
  guint       n_lines;
  gsize       starts[4];
} IndexCase;

static void
test_index_lines (void)
{
  static const IndexCase cases[] = {
    { "", 0, { 0 } },
    { "a", 1, { 0, 1 } },
    { "a\n", 1, { 0, 2 } },
    { "a\r\nb", 2, { 0, 3, 4 } },
    { "a\rb\n", 2, { 0, 2, 4 } },
    { "\n\n", 2, { 0, 1, 2 } },
    { "a\r\r\nb", 3, { 0, 2, 4, 5 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const IndexCase *c = &cases[i];
      guint n_lines = G_MAXUINT;
      g_autofree gsize *starts = mi_markdown_index_lines (c->text, strlen (c->text), &n_lines);

      g_test_message ("text %u", i);
      g_assert_cmpuint (n_lines, ==, c->n_lines);
      for (guint l = 0; l <= n_lines; l++)
        g_assert_cmpuint (starts[l], ==, c->starts[l]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/kinds/lf", test_kinds_lf);
  g_test_add_func ("/markdown/kinds/crlf", test_kinds_crlf);
  g_test_add_func ("/markdown/kinds/cr", test_kinds_cr);
  g_test_add_func ("/markdown/kinds/bom", test_kinds_bom);
  g_test_add_func ("/markdown/kinds/stable", test_kinds_stable);
  g_test_add_func ("/markdown/not-utf8", test_not_utf8);
  g_test_add_func ("/markdown/line-offsets", test_line_offsets);
  g_test_add_func ("/markdown/empty", test_empty_document);
  g_test_add_func ("/markdown/split-key-value", test_split_key_value);
  g_test_add_func ("/markdown/line-key-value", test_line_key_value);
  g_test_add_func ("/markdown/heading-text", test_heading_text);
  g_test_add_func ("/markdown/split-row", test_split_row);
  g_test_add_func ("/markdown/item-text", test_item_text);
  g_test_add_func ("/markdown/strip-inline", test_strip_inline);
  g_test_add_func ("/markdown/text", test_text);
  g_test_add_func ("/markdown/text-crlf", test_text_crlf);
  g_test_add_func ("/markdown/index-lines", test_index_lines);

  return g_test_run ();
}
