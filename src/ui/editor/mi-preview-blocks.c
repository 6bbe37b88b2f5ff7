/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-preview"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mi-links.h"
#include "mi-preview-private.h"

/*
 * The block builders of MiPreview: each block of MiRender's model becomes
 * widgets here. Paragraphs and headings are GtkLabels with Pango markup
 * (every piece of text escaped, links resolved against the workspace and
 * marked when broken), lists boxes of markers and items (task items with a
 * GtkCheckButton), code blocks read-only GtkSourceViews highlighted by the
 * fence's language, tables GtkGrids, images GtkPictures, raw HTML its text.
 * Nothing here keeps state: what the builders need of the preview (its
 * file, its workspace, where its code buffers are kept, its toggle-task
 * signal) is in mi-preview-private.h.
 */

/* Helpers: markup */

static char *
link_href (MiPreview  *self,
           const char *target,
           gboolean    wikilink,
           gboolean   *broken)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *fragment = NULL;
  MiLinkKind kind;

  *broken = FALSE;
  if (self->file == NULL)
    {
      g_autofree char *scheme = g_uri_parse_scheme (target);

      if (scheme != NULL && !wikilink)
        return g_strconcat ("mi-web:", target, NULL);
      *broken = TRUE;
      return NULL;
    }

  kind = mi_links_resolve (self->root, self->file, target, wikilink, &file, &fragment);
  switch (kind)
    {
    case MI_LINK_WEB:
      return g_strconcat ("mi-web:", target, NULL);
    case MI_LINK_OTHER_SCHEME:
      return g_strconcat ("mi-other:", target, NULL);
    case MI_LINK_ANCHOR:
      return g_strconcat ("mi-anchor:", fragment ? fragment : "", NULL);
    case MI_LINK_FILE:
      {
        g_autofree char *uri = g_file_get_uri (file);

        return g_strconcat ("mi-file:", uri, fragment ? "#" : "", fragment ? fragment : "", NULL);
      }
    case MI_LINK_BROKEN:
    default:
      *broken = TRUE;
      return NULL;
    }
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

static void
append_link (MiPreview          *self,
             GString            *out,
             const MiRenderNode *node,
             gboolean           *has_broken)
{
  gboolean wikilink = node->kind == MI_RENDER_WIKILINK;
  gboolean broken;
  g_autofree char *href = link_href (self, node->url ? node->url : "", wikilink, &broken);

  if (broken)
    {
      *has_broken = TRUE;
      g_string_append (out, "<span underline=\"error\" underline_color=\"#e01b24\">");
    }
  else
    {
      g_string_append (out, "<a href=\"");
      append_escaped (out, href);
      g_string_append (out, "\" title=\"");
      append_escaped (out, node->title && *node->title ? node->title : node->url);
      g_string_append (out, "\">");
    }

  if (wikilink)
    append_escaped (out, node->text ? node->text : node->url);
  else
    _mi_preview_append_inlines (self, out, node, has_broken);

  g_string_append (out, broken ? "</span>" : "</a>");
}

static void
append_inline (MiPreview          *self,
               GString            *out,
               const MiRenderNode *node,
               gboolean           *has_broken)
{
  switch (node->kind)
    {
    case MI_RENDER_TEXT:
      append_escaped (out, node->text);
      break;
    case MI_RENDER_SOFTBREAK:
      g_string_append_c (out, ' ');
      break;
    case MI_RENDER_LINEBREAK:
      g_string_append_c (out, '\n');
      break;
    case MI_RENDER_CODE:
      g_string_append (out, "<span font_family=\"monospace\" bgcolor=\"#888888\" bgalpha=\"20%\">\u2009");
      append_escaped (out, node->text);
      g_string_append (out, "\u2009</span>");
      break;
    case MI_RENDER_HTML:
      /* Shown, never interpreted */
      g_string_append (out, "<span font_family=\"monospace\" fgalpha=\"70%\">");
      append_escaped (out, node->text);
      g_string_append (out, "</span>");
      break;
    case MI_RENDER_EMPH:
      g_string_append (out, "<i>");
      _mi_preview_append_inlines (self, out, node, has_broken);
      g_string_append (out, "</i>");
      break;
    case MI_RENDER_STRONG:
      g_string_append (out, "<b>");
      _mi_preview_append_inlines (self, out, node, has_broken);
      g_string_append (out, "</b>");
      break;
    case MI_RENDER_STRIKETHROUGH:
      g_string_append (out, "<s>");
      _mi_preview_append_inlines (self, out, node, has_broken);
      g_string_append (out, "</s>");
      break;
    case MI_RENDER_LINK:
    case MI_RENDER_WIKILINK:
      append_link (self, out, node, has_broken);
      break;
    case MI_RENDER_IMAGE:
      g_string_append (out, "<i>");
      append_escaped (out, node->text && *node->text ? node->text : node->url);
      g_string_append (out, "</i>");
      break;
    default:
      _mi_preview_append_inlines (self, out, node, has_broken);
      break;
    }
}

void
_mi_preview_append_inlines (MiPreview          *self,
                            GString            *out,
                            const MiRenderNode *node,
                            gboolean           *has_broken)
{
  for (guint i = 0; i < mi_render_node_get_n_children (node); i++)
    append_inline (self, out, mi_render_node_get_child (node, i), has_broken);
}

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  MiPreview  *self)
{
  return mi_preview_activate_link (self, uri);
}

static GtkWidget *
inline_label (MiPreview          *self,
              const MiRenderNode *node,
              const char         *css_class)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean has_broken = FALSE;
  GtkWidget *label;

  _mi_preview_append_inlines (self, markup, node, &has_broken);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (has_broken)
    gtk_widget_add_css_class (label, "broken-link");
  g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), self);
  return label;
}

/* Helpers: blocks */

/* What the checkbox of a task item toggles: a line of its block. */
typedef struct
{
  MiPreview     *preview;
  MiRenderBlock *block;
  guint          line;    /* counted from the block's first line */
} TaskToggle;

static void
task_toggled_cb (GtkCheckButton *button,
                 TaskToggle     *toggle)
{
  if (toggle->block == NULL)
    return;
  _mi_preview_toggle_task (toggle->preview,
                           mi_render_block_get_start_line (toggle->block) + toggle->line);
}

static GtkWidget *
build_children (MiPreview          *self,
                MiRenderBlock      *block,
                const MiRenderNode *node,
                guint               depth,
                int                 spacing)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);

  for (guint i = 0; i < mi_render_node_get_n_children (node); i++)
    {
      GtkWidget *child = _mi_preview_build_node (self, block, mi_render_node_get_child (node, i), depth);

      if (child != NULL)
        gtk_box_append (GTK_BOX (box), child);
    }
  return box;
}

static GtkWidget *
build_list (MiPreview          *self,
            MiRenderBlock      *block,
            const MiRenderNode *node,
            guint               depth)
{
  static const char * const bullets[] = { "•", "◦", "▪" };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, node->tight ? 4 : 10);

  gtk_widget_add_css_class (box, "list");
  for (guint i = 0; i < mi_render_node_get_n_children (node); i++)
    {
      const MiRenderNode *item = mi_render_node_get_child (node, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *marker;
      GtkWidget *content;
      TaskToggle *toggle;

      gtk_widget_add_css_class (row, "list-item");
      if (item->task != MI_RENDER_TASK_NONE)
        {
          marker = gtk_check_button_new ();
          gtk_check_button_set_active (GTK_CHECK_BUTTON (marker),
                                       item->task == MI_RENDER_TASK_CHECKED);
          gtk_widget_add_css_class (marker, "task");
          gtk_widget_set_tooltip_text (marker, _("Toggle this task in the file"));
          toggle = g_new0 (TaskToggle, 1);
          toggle->preview = self;
          toggle->block = block;
          toggle->line = item->first_line;
          g_signal_connect_data (marker, "toggled", G_CALLBACK (task_toggled_cb), toggle,
                                 (GClosureNotify) (void (*) (void)) g_free, 0);
          gtk_widget_add_css_class (row, "task-item");
        }
      else if (node->ordered)
        {
          g_autofree char *number = g_strdup_printf ("%d.", node->start + (int) i);

          marker = gtk_label_new (number);
          gtk_label_set_xalign (GTK_LABEL (marker), 1.0);
          gtk_widget_set_size_request (marker, 24, -1);
          gtk_widget_add_css_class (marker, "numeric");
        }
      else
        {
          marker = gtk_label_new (bullets[depth % G_N_ELEMENTS (bullets)]);
          gtk_widget_set_size_request (marker, 16, -1);
        }
      gtk_widget_set_valign (marker, GTK_ALIGN_START);
      gtk_widget_add_css_class (marker, "list-marker");

      content = build_children (self, block, item, depth + 1, node->tight ? 4 : 10);
      gtk_widget_set_hexpand (content, TRUE);
      gtk_box_append (GTK_BOX (row), marker);
      gtk_box_append (GTK_BOX (row), content);
      gtk_box_append (GTK_BOX (box), row);
    }
  return box;
}

static GtkSourceLanguage *
language_for (const char *info)
{
  static const struct { const char *alias; const char *id; } aliases[] = {
    { "py", "python3" }, { "python", "python3" }, { "js", "js" }, { "javascript", "js" },
    { "ts", "typescript" }, { "sh", "sh" }, { "bash", "sh" }, { "shell", "sh" }, { "zsh", "sh" },
    { "console", "sh" }, { "yml", "yaml" }, { "c++", "cpp" }, { "rs", "rust" }, { "md", "markdown" },
    { "html", "html" }, { "xml", "xml" }, { "patch", "diff" }, { "golang", "go" }, { "rb", "ruby" },
    { "dockerfile", "docker" }, { "cs", "c-sharp" }, { "csharp", "c-sharp" }, { "kt", "kotlin" },
  };
  GtkSourceLanguageManager *manager = gtk_source_language_manager_get_default ();
  g_autofree char *id = NULL;
  g_autofree char *guess_name = NULL;

  if (info == NULL || *info == '\0')
    return NULL;

  id = g_ascii_strdown (info, -1);
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (id, aliases[i].alias) == 0)
      return gtk_source_language_manager_get_language (manager, aliases[i].id);

  if (gtk_source_language_manager_get_language (manager, id) != NULL)
    return gtk_source_language_manager_get_language (manager, id);

  guess_name = g_strconcat ("file.", id, NULL);
  return gtk_source_language_manager_guess_language (manager, guess_name, NULL);
}

static GtkWidget *
build_code (MiPreview          *self,
            const MiRenderNode *node)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkSourceBuffer *buffer;
  GtkSourceLanguage *language = language_for (node->info);
  GtkWidget *view;
  GtkWidget *scroller;

  gtk_widget_add_css_class (box, "code-block");
  gtk_widget_set_overflow (box, GTK_OVERFLOW_HIDDEN);

  buffer = gtk_source_buffer_new (NULL);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), node->text ? node->text : "", -1);
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  if (language != NULL)
    gtk_source_buffer_set_language (buffer, language);
  _mi_preview_add_code_buffer (self, buffer);

  view = gtk_source_view_new_with_buffer (buffer);
  g_object_unref (buffer);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);

  /* A text view knows its height only once laid out, later: a row of a
   * list view must know it now. Lines × line height, as the font says. */
  {
    PangoLayout *layout = gtk_widget_create_pango_layout (view, "Xg");
    PangoFontDescription *mono = pango_font_description_from_string ("monospace");
    int line_height;

    pango_layout_set_font_description (layout, mono);
    pango_layout_get_pixel_size (layout, NULL, &line_height);
    gtk_widget_set_size_request (view, -1,
                                 line_height * gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (buffer)) + 20);
    pango_font_description_free (mono);
    g_object_unref (layout);
  }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);

  if (node->info != NULL)
    {
      GtkWidget *tag = gtk_label_new (node->info);

      gtk_widget_add_css_class (tag, "code-language");
      gtk_widget_set_halign (tag, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (box), tag);
    }
  gtk_box_append (GTK_BOX (box), scroller);
  return box;
}

static GtkWidget *
build_table (MiPreview          *self,
             const MiRenderNode *node)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (grid, "table");
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  for (guint r = 0; r < mi_render_node_get_n_children (node); r++)
    {
      const MiRenderNode *row = mi_render_node_get_child (node, r);

      for (guint c = 0; c < mi_render_node_get_n_children (row); c++)
        {
          const MiRenderNode *cell = mi_render_node_get_child (row, c);
          GtkWidget *label = inline_label (self, cell, row->header ? "table-header" : "table-cell");
          float xalign = cell->align == MI_RENDER_ALIGN_CENTER ? 0.5f :
                         cell->align == MI_RENDER_ALIGN_RIGHT ? 1.0f : 0.0f;

          gtk_label_set_xalign (GTK_LABEL (label), xalign);
          gtk_label_set_wrap (GTK_LABEL (label), FALSE);
          if (!row->header && r % 2 == 0)
            gtk_widget_add_css_class (label, "even");
          if (cell->align == MI_RENDER_ALIGN_RIGHT)
            gtk_widget_add_css_class (label, "numeric");
          gtk_widget_set_hexpand (label, TRUE);
          gtk_grid_attach (GTK_GRID (grid), label, c, r, 1, 1);
        }
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_widget_set_halign (scroller, GTK_ALIGN_START);
  gtk_widget_add_css_class (scroller, "table-frame");
  return scroller;
}

static GtkWidget *
build_image (MiPreview          *self,
             const MiRenderNode *node)
{
  g_autofree char *scheme = g_uri_parse_scheme (node->url ? node->url : "");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *picture;

  if (scheme == NULL && self->file != NULL && node->url != NULL && *node->url != '\0')
    {
      g_autoptr(GFile) dir = g_file_get_parent (self->file);
      g_autofree char *path = g_uri_unescape_string (node->url, NULL);

      file = g_file_resolve_relative_path (dir, path ? path : node->url);
      texture = gdk_texture_new_from_file (file, NULL);
    }

  if (texture == NULL)
    {
      g_autoptr(GString) markup = g_string_new (NULL);
      GtkWidget *label;

      if (scheme != NULL)
        {
          g_string_append (markup, "🖼 <a href=\"");
          append_escaped (markup, scheme && (g_ascii_strcasecmp (scheme, "https") == 0 ||
                                             g_ascii_strcasecmp (scheme, "http") == 0)
                                  ? "mi-web:" : "mi-other:");
          append_escaped (markup, node->url);
          g_string_append (markup, "\">");
          append_escaped (markup, node->text && *node->text ? node->text : node->url);
          g_string_append (markup, "</a>");
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Image not found: %s"), node->url);

          g_string_append (markup, "🖼 ");
          append_escaped (markup, message);
        }

      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup->str);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "image-placeholder");
      if (scheme == NULL)
        gtk_widget_add_css_class (label, "broken-link");
      g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), self);
      return label;
    }

  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_SCALE_DOWN);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), node->text);
  gtk_widget_set_halign (picture, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (picture, node->text && *node->text ? node->text : NULL);
  gtk_widget_add_css_class (picture, "image");
  return picture;
}

GtkWidget *
_mi_preview_build_node (MiPreview          *self,
                        MiRenderBlock      *block,
                        const MiRenderNode *node,
                        guint               depth)
{
  GtkWidget *widget = NULL;

  switch (node->kind)
    {
    case MI_RENDER_HEADING:
      {
        g_autofree char *css = g_strdup_printf ("h%u", CLAMP (node->level, 1, 6));

        widget = inline_label (self, node, "heading");
        gtk_widget_add_css_class (widget, css);
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LEVEL, node->level, -1);
      }
      break;
    case MI_RENDER_PARAGRAPH:
      widget = inline_label (self, node, "paragraph");
      break;
    case MI_RENDER_LIST:
      widget = build_list (self, block, node, depth);
      break;
    case MI_RENDER_CODE_BLOCK:
      widget = build_code (self, node);
      break;
    case MI_RENDER_QUOTE:
      widget = build_children (self, block, node, depth, 8);
      gtk_widget_add_css_class (widget, "blockquote");
      break;
    case MI_RENDER_TABLE:
      widget = build_table (self, node);
      break;
    case MI_RENDER_RULE:
      widget = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_add_css_class (widget, "rule");
      break;
    case MI_RENDER_HTML_BLOCK:
      widget = gtk_label_new (node->text);
      gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
      gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (widget, "raw-html");
      break;
    case MI_RENDER_IMAGE_BLOCK:
      widget = build_image (self, node);
      break;
    default:
      widget = inline_label (self, node, "paragraph");
      break;
    }

  return widget;
}
