/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mi-render.h"
#include "mi-links.h"
#include "mi-test-util.h"

/*
 * MiRender: the blocks a preview draws, from the cmark-gfm tree. Checks the
 * structure of the fixture documents (tables with their alignment, code with
 * its language, task items with their state, links, raw HTML as text), and
 * that an incremental update after any edit gives exactly the blocks a full
 * parse gives, rebuilding only the blocks that changed.
 */

static MiRender *
render_text (const char *text)
{
  MiRender *render = mi_render_new ();

  mi_render_set_async_threshold (render, G_MAXSIZE);
  mi_render_set_text (render, text, -1);
  g_assert_false (mi_render_get_pending (render));
  return render;
}

static MiRenderBlock *
get_block (MiRender *render,
           guint     i)
{
  MiRenderBlock *block = g_list_model_get_item (G_LIST_MODEL (render), i);

  g_assert_nonnull (block);
  g_object_unref (block);  /* the model keeps it */
  return block;
}

static const MiRenderNode *
find_kind (const MiRenderNode *node,
           MiRenderKind        kind,
           guint               nth,
           guint              *seen)
{
  if (node->kind == kind && (*seen)++ == nth)
    return node;
  for (guint i = 0; i < mi_render_node_get_n_children (node); i++)
    {
      const MiRenderNode *found = find_kind (mi_render_node_get_child (node, i), kind, nth, seen);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The nth node of @kind in the whole document, and its block. */
static const MiRenderNode *
find_in_render (MiRender       *render,
                MiRenderKind    kind,
                guint           nth,
                MiRenderBlock **block_out)
{
  guint seen = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (render)); i++)
    {
      MiRenderBlock *block = get_block (render, i);
      const MiRenderNode *found = find_kind (mi_render_block_get_node (block), kind, nth, &seen);

      if (found != NULL)
        {
          if (block_out != NULL)
            *block_out = block;
          return found;
        }
    }
  return NULL;
}

static void
test_render_showcase (void)
{
  g_autofree char *text = mi_test_read_source ("tests", "fixtures", "editor", "showcase.md", NULL);
  g_autoptr(MiRender) render = render_text (text);
  const MiRenderNode *node, *row, *cell;
  MiRenderBlock *block = NULL;
  g_autofree char *plain = NULL;

  /* Headings */
  node = find_in_render (render, MI_RENDER_HEADING, 0, &block);
  g_assert_nonnull (node);
  g_assert_cmpuint (node->level, ==, 1);
  g_assert_cmpuint (mi_render_block_get_start_line (block), ==, 0);
  plain = mi_render_node_get_plain_text (node);
  g_assert_cmpstr (plain, ==, "Showcase of the preview");
  g_clear_pointer (&plain, g_free);

  /* Inlines: emphasis, strong, code, strikethrough, link, autolink, raw HTML */
  g_assert_nonnull (find_in_render (render, MI_RENDER_EMPH, 0, NULL));
  g_assert_nonnull (find_in_render (render, MI_RENDER_STRONG, 0, NULL));
  node = find_in_render (render, MI_RENDER_CODE, 0, NULL);
  g_assert_cmpstr (node->text, ==, "code");
  node = find_in_render (render, MI_RENDER_STRIKETHROUGH, 0, NULL);
  plain = mi_render_node_get_plain_text (node);
  g_assert_cmpstr (plain, ==, "struck");
  g_clear_pointer (&plain, g_free);
  node = find_in_render (render, MI_RENDER_LINK, 0, NULL);
  g_assert_cmpstr (node->url, ==, "https://gnome.org");
  node = find_in_render (render, MI_RENDER_LINK, 1, NULL);
  g_assert_cmpstr (node->url, ==, "https://example.com/path");
  node = find_in_render (render, MI_RENDER_HTML, 0, NULL);
  g_assert_cmpstr (node->text, ==, "<b>");

  /* Task items and their state, on their lines */
  node = find_in_render (render, MI_RENDER_ITEM, 0, &block);
  g_assert_cmpint (node->task, ==, MI_RENDER_TASK_UNCHECKED);
  g_assert_cmpuint (mi_render_block_get_start_line (block) + node->first_line, ==, 7);
  node = find_in_render (render, MI_RENDER_ITEM, 1, &block);
  g_assert_cmpint (node->task, ==, MI_RENDER_TASK_CHECKED);
  g_assert_cmpuint (mi_render_block_get_start_line (block) + node->first_line, ==, 8);
  node = find_in_render (render, MI_RENDER_ITEM, 2, NULL);
  g_assert_cmpint (node->task, ==, MI_RENDER_TASK_NONE);
  node = find_in_render (render, MI_RENDER_LIST, 1, NULL);
  g_assert_true (node->ordered);
  g_assert_cmpint (node->start, ==, 1);

  /* The table: 4 rows of 3 columns, a header, the alignments */
  node = find_in_render (render, MI_RENDER_TABLE, 0, NULL);
  g_assert_nonnull (node);
  g_assert_cmpuint (node->n_columns, ==, 3);
  g_assert_cmpuint (mi_render_node_get_n_children (node), ==, 4);
  row = mi_render_node_get_child (node, 0);
  g_assert_true (row->header);
  g_assert_cmpuint (mi_render_node_get_n_children (row), ==, 3);
  g_assert_cmpint (mi_render_node_get_child (row, 0)->align, ==, MI_RENDER_ALIGN_LEFT);
  g_assert_cmpint (mi_render_node_get_child (row, 1)->align, ==, MI_RENDER_ALIGN_CENTER);
  g_assert_cmpint (mi_render_node_get_child (row, 2)->align, ==, MI_RENDER_ALIGN_RIGHT);
  row = mi_render_node_get_child (node, 3);
  g_assert_false (row->header);
  cell = mi_render_node_get_child (row, 2);
  plain = mi_render_node_get_plain_text (cell);
  g_assert_cmpstr (plain, ==, "850ms");
  g_clear_pointer (&plain, g_free);

  /* Code blocks with their language */
  node = find_in_render (render, MI_RENDER_CODE_BLOCK, 0, NULL);
  g_assert_cmpstr (node->info, ==, "python");
  g_assert_cmpstr (node->text, ==, "def answer():\n    return 42");
  node = find_in_render (render, MI_RENDER_CODE_BLOCK, 1, NULL);
  g_assert_cmpstr (node->info, ==, "sql");

  /* Quote, rule, HTML block kept as text */
  node = find_in_render (render, MI_RENDER_QUOTE, 0, NULL);
  g_assert_nonnull (find_kind (node, MI_RENDER_STRONG, 0, &(guint) { 0 }));
  g_assert_nonnull (find_in_render (render, MI_RENDER_RULE, 0, NULL));
  node = find_in_render (render, MI_RENDER_HTML_BLOCK, 0, NULL);
  g_assert_cmpstr (node->text, ==, "<div class=\"warning\">raw HTML block</div>");

  /* Wikilinks, split out of the text */
  node = find_in_render (render, MI_RENDER_WIKILINK, 0, NULL);
  g_assert_cmpstr (node->url, ==, "patterns.md#meta-issue-tracking");
  node = find_in_render (render, MI_RENDER_WIKILINK, 1, NULL);
  g_assert_cmpstr (node->url, ==, "nowhere");

  /* Images alone in a paragraph become image blocks */
  node = find_in_render (render, MI_RENDER_IMAGE_BLOCK, 0, NULL);
  g_assert_cmpstr (node->url, ==, "images/chart.png");
  g_assert_cmpstr (node->text, ==, "A chart");
  node = find_in_render (render, MI_RENDER_IMAGE_BLOCK, 1, NULL);
  g_assert_cmpstr (node->url, ==, "images/diagram.svg");

  /* Task boxes in the source */
  {
    gsize offset;
    gboolean checked;
    const char *t = mi_render_get_text (render, NULL);

    g_assert_true (mi_render_find_task (render, 7, &offset, &checked));
    g_assert_false (checked);
    g_assert_cmpint (t[offset], ==, ' ');
    g_assert_cmpint (t[offset - 1], ==, '[');
    g_assert_true (mi_render_find_task (render, 8, &offset, &checked));
    g_assert_true (checked);
    g_assert_false (mi_render_find_task (render, 9, NULL, NULL));
    g_assert_false (mi_render_find_task (render, 0, NULL, NULL));
  }
}

static void
test_render_example (void)
{
  const char *names[] = {
    "README.md", "description.md", "implementation-log.md", "test-cases.md",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = mi_test_read_source ("resources", "example", "docs", "meta-issues",
                                                   "example-performance-saga", names[i], NULL);
      g_autoptr(MiRender) render = render_text (text);
      const MiRenderNode *heading = find_in_render (render, MI_RENDER_HEADING, 0, NULL);

      g_test_message ("%s: %u blocks", names[i], g_list_model_get_n_items (G_LIST_MODEL (render)));
      g_assert_nonnull (heading);
      g_assert_cmpuint (heading->level, ==, 1);
    }

  /* The README's timeline table */
  {
    g_autofree char *text = mi_test_read_source ("resources", "example", "docs", "meta-issues",
                                                 "example-performance-saga", "README.md", NULL);
    g_autoptr(MiRender) render = render_text (text);
    const MiRenderNode *table = find_in_render (render, MI_RENDER_TABLE, 0, NULL);
    g_autofree char *first = NULL;

    g_assert_nonnull (table);
    g_assert_cmpuint (table->n_columns, ==, 4);
    g_assert_cmpuint (mi_render_node_get_n_children (table), >=, 4);
    first = mi_render_node_get_plain_text (mi_render_node_get_child (mi_render_node_get_child (table, 0), 0));
    g_assert_cmpstr (first, ==, "Attempt");
  }
}

static void
assert_same_blocks (MiRender *render)
{
  gsize len;
  const char *text = mi_render_get_text (render, &len);
  g_autoptr(MiRender) full = mi_render_new ();
  guint n;

  mi_render_set_async_threshold (full, G_MAXSIZE);
  mi_render_set_text (full, text, len);

  n = g_list_model_get_n_items (G_LIST_MODEL (full));
  if (g_getenv ("MI_RENDER_DEBUG") != NULL)
    {
      for (guint i = 0; i < MAX (n, g_list_model_get_n_items (G_LIST_MODEL (render))); i++)
        {
          MiRenderBlock *a = i < g_list_model_get_n_items (G_LIST_MODEL (render)) ? get_block (render, i) : NULL;
          MiRenderBlock *b = i < n ? get_block (full, i) : NULL;

          if (i == 0)
            g_printerr ("%s\n----\n", text);
          g_printerr ("%3u: %s %u-%u k%d | %u-%u k%d\n", i,
                      a && b && mi_render_block_get_hash (a) == mi_render_block_get_hash (b) ? "  " : "!!",
                      a ? mi_render_block_get_start_line (a) : 0, a ? mi_render_block_get_end_line (a) : 0,
                      a ? (int) mi_render_block_get_kind (a) : -1,
                      b ? mi_render_block_get_start_line (b) : 0, b ? mi_render_block_get_end_line (b) : 0,
                      b ? (int) mi_render_block_get_kind (b) : -1);
        }
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (render)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      MiRenderBlock *a = get_block (render, i);
      MiRenderBlock *b = get_block (full, i);

      g_assert_cmpuint (mi_render_block_get_hash (a), ==, mi_render_block_get_hash (b));
      g_assert_cmpuint (mi_render_block_get_start_line (a), ==, mi_render_block_get_start_line (b));
      g_assert_cmpuint (mi_render_block_get_end_line (a), ==, mi_render_block_get_end_line (b));
      g_assert_cmpint (mi_render_block_get_kind (a), ==, mi_render_block_get_kind (b));
    }
}

static void
edit (MiRender   *render,
      const char *find,
      const char *replace)
{
  gsize len;
  const char *text = mi_render_get_text (render, &len);
  const char *at = strstr (text, find);

  g_assert_nonnull (at);
  mi_render_replace (render, at - text, strlen (find), replace, -1);
  mi_render_flush (render);
  g_assert_false (mi_render_get_pending (render));
  assert_same_blocks (render);
}

static void
test_render_incremental (void)
{
  g_autofree char *text = mi_test_read_source ("tests", "fixtures", "editor", "showcase.md", NULL);
  g_autoptr(MiRender) render = render_text (text);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (render));

  /* A word in a paragraph: one block rebuilt, parsed in a window */
  edit (render, "A paragraph with", "A longer paragraph with");
  g_assert_true (mi_render_get_last_incremental (render));
  g_assert_cmpuint (mi_render_get_n_rebuilt (render), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (render)), ==, n);

  /* A new line in a paragraph moves every block after it */
  edit (render, "shown as text.", "shown as text.\nA third line.");
  g_assert_cmpuint (mi_render_get_n_rebuilt (render), ==, 1);

  /* Toggling a task */
  edit (render, "- [ ] write", "- [x] write");
  g_assert_cmpuint (mi_render_get_n_rebuilt (render), ==, 1);

  /* A table row */
  edit (render, "| 003 |", "| 004 |");
  g_assert_cmpuint (mi_render_get_n_rebuilt (render), ==, 1);

  /* A new block between two others */
  edit (render, "## Code\n", "## Code\n\nNew paragraph.\n");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (render)), ==, n + 1);

  /* Merging blocks: a blank line removed */
  edit (render, "## Code\n\nNew paragraph.\n", "## Code\nNew paragraph.\n");

  /* A paragraph becomes a setext heading */
  edit (render, "A block quote", "A block quote\n===");

  /* An unclosed fence swallows the rest: falls back, still right */
  edit (render, "> A block quote", "```\n> A block quote");
  edit (render, "```\n> A block quote", "> A block quote");

  /* A list that absorbs the next paragraph */
  edit (render, "2. second\n\n", "2. second\n\n   continued\n\n");

  /* A table header row made from a paragraph */
  edit (render, "## Links\n", "## Links\n\na | b\n--|--\n");

  /* Link reference definitions */
  edit (render, "Unusual:", "[ref]: https://gnome.org\n\nUnusual: [ref]");
  edit (render, "Unusual: [ref]", "Unusual: [ref] again");

  /* Deleting everything, then typing again */
  {
    gsize len;

    mi_render_get_text (render, &len);
    mi_render_replace (render, 0, len, "", 0);
    mi_render_flush (render);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (render)), ==, 0);
    mi_render_replace (render, 0, 0, "# Again\n", -1);
    mi_render_flush (render);
    assert_same_blocks (render);
  }
}

/* Random edits in the example documents: incremental == full. */
static void
test_render_random_edits (void)
{
  const char *inserts[] = {
    "x", "\n", "\n\n", "# ", "- ", "- [ ] ", "```", "```\n", "|", "| a | b |\n|---|---|\n",
    "> ", "    ", "1. ", "---\n", "*", "**", "`", "<div>\n", "===\n", "\t", "[[x]]", "~~",
  };
  g_autofree char *text = mi_test_read_source ("resources", "example", "docs", "meta-issues",
                                               "example-performance-saga",
                                               "implementation-log.md", NULL);
  g_autoptr(MiRender) render = render_text (text);
  GRand *rand = g_rand_new_with_seed (4);
  guint incremental = 0;

  for (guint i = 0; i < 400; i++)
    {
      gsize len;
      gsize offset, length = 0;

      mi_render_get_text (render, &len);
      offset = g_rand_int_range (rand, 0, len + 1);
      if (g_rand_boolean (rand) && offset < len)
        {
          gsize want = g_rand_int_range (rand, 1, 40);

          length = MIN (len - offset, want);
        }

      /* Whole UTF-8 characters only */
      {
        const char *t = mi_render_get_text (render, NULL);

        while (offset > 0 && (t[offset] & 0xC0) == 0x80)
          offset--;
        while (offset + length < len && (t[offset + length] & 0xC0) == 0x80)
          length++;
      }

      mi_render_replace (render, offset, length,
                         inserts[g_rand_int_range (rand, 0, G_N_ELEMENTS (inserts))], -1);
      if (g_rand_int_range (rand, 0, 3) == 0)
        continue;  /* several edits before an update */
      mi_render_flush (render);
      incremental += mi_render_get_last_incremental (render);
      assert_same_blocks (render);
    }

  g_test_message ("%u incremental updates", incremental);
  g_assert_cmpuint (incremental, >, 100);
  g_rand_free (rand);
}

static void
test_render_async (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(MiRender) render = mi_render_new ();
  GMainContext *context = g_main_context_default ();

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "## Section %u\n\nSome text with **strong** words.\n\n", i);

  mi_render_set_async_threshold (render, 1024);
  mi_render_set_text (render, text->str, text->len);
  g_assert_true (mi_render_get_pending (render));
  /* Typing while the parse runs: the result is thrown away and redone */
  mi_render_replace (render, 0, 0, "Intro\n\n", -1);
  mi_render_flush (render);
  while (mi_render_get_pending (render))
    g_main_context_iteration (context, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (render)), ==, 4001);
  assert_same_blocks (render);
}

static void
test_links (void)
{
  g_autofree char *dir = mi_test_source_path ("tests", "fixtures", "editor", NULL);
  g_autofree char *showcase_path = g_build_filename (dir, "showcase.md", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GFile) showcase = g_file_new_for_path (showcase_path);
  g_autoptr(GFile) file = NULL;
  g_autofree char *fragment = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpint (mi_links_resolve (root, showcase, "https://gnome.org", FALSE, NULL, NULL), ==, MI_LINK_WEB);
  g_assert_cmpint (mi_links_resolve (root, showcase, "mailto:a@b.c", FALSE, NULL, NULL), ==, MI_LINK_WEB);
  g_assert_cmpint (mi_links_resolve (root, showcase, "ftp://example.com", FALSE, NULL, NULL), ==, MI_LINK_OTHER_SCHEME);
  g_assert_cmpint (mi_links_resolve (root, showcase, "javascript:alert(1)", FALSE, NULL, NULL), ==, MI_LINK_OTHER_SCHEME);
  g_assert_cmpint (mi_links_resolve (root, showcase, "#tasks", FALSE, NULL, NULL), ==, MI_LINK_ANCHOR);
  g_assert_cmpint (mi_links_resolve (root, showcase, "missing.md", FALSE, NULL, NULL), ==, MI_LINK_BROKEN);
  g_assert_cmpint (mi_links_resolve (root, showcase, "nowhere", TRUE, NULL, NULL), ==, MI_LINK_BROKEN);

  g_assert_cmpint (mi_links_resolve (root, showcase, "notes.md", FALSE, &file, NULL), ==, MI_LINK_FILE);
  path = g_build_filename (dir, "notes.md", NULL);
  g_assert_cmpstr (g_file_peek_path (file), ==, path);
  g_clear_object (&file);
  g_clear_pointer (&path, g_free);

  g_assert_cmpint (mi_links_resolve (root, showcase, "patterns.md#meta-issue-tracking", TRUE,
                                     &file, &fragment), ==, MI_LINK_FILE);
  path = g_build_filename (dir, "docs", "lessons-learned", "process", "patterns.md", NULL);
  g_assert_cmpstr (g_file_peek_path (file), ==, path);
  g_assert_cmpstr (fragment, ==, "meta-issue-tracking");
  g_clear_object (&file);
  g_clear_pointer (&path, g_free);

  /* A folder: its README.md */
  {
    g_autofree char *saga = mi_test_source_path ("resources", "example", "docs", "meta-issues",
                                                 "example-performance-saga", NULL);
    g_autofree char *log_path = g_build_filename (saga, "implementation-log.md", NULL);
    g_autoptr(GFile) log = g_file_new_for_path (log_path);
    g_autoptr(GFile) example_root = mi_links_find_root (log);
    g_autofree char *readme = g_build_filename (saga, "README.md", NULL);

    g_assert_nonnull (example_root);
    g_assert_cmpint (mi_links_resolve (example_root, log, "../example-performance-saga/", TRUE,
                                       &file, NULL), ==, MI_LINK_FILE);
    g_assert_cmpstr (g_file_peek_path (file), ==, readme);
    g_clear_object (&file);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/showcase", test_render_showcase);
  g_test_add_func ("/render/example", test_render_example);
  g_test_add_func ("/render/incremental", test_render_incremental);
  g_test_add_func ("/render/random-edits", test_render_random_edits);
  g_test_add_func ("/render/async", test_render_async);
  g_test_add_func ("/links/resolve", test_links);

  return g_test_run ();
}
