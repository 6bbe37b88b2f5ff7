/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-preview"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "mi-preview-private.h"

/*
 * MiPreview: the native preview of a markdown file, drawn from MiRender's
 * blocks — no web view, nothing interpreted: raw HTML shows as text. A
 * GtkListView of blocks, so only the blocks on screen have widgets, and an
 * edit rebuilds only the rows of the blocks it changed.
 *
 * Inline text is a GtkLabel with Pango markup (every piece of text escaped),
 * tables are GtkGrids, code blocks read-only GtkSourceViews highlighted by
 * the fence's language, task items GtkCheckButtons that ask for their line
 * to be toggled (MiPreview::toggle-task), images GtkPictures. Links to files
 * of the workspace emit MiPreview::open-file; web links open through the
 * desktop, other schemes after a question; broken links show as broken.
 *
 * This file is the widget; the block builders, which turn each block into
 * widgets, are in mi-preview-blocks.c (see mi-preview-private.h).
 */

G_DEFINE_FINAL_TYPE (MiPreview, mi_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RENDER,
  PROP_FILE,
  PROP_ROOT,
  N_PROPS
};

enum {
  OPEN_FILE,
  TOGGLE_TASK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers: style */

static const char *
scheme_id (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? "Adwaita-dark" : "Adwaita";
}

static void
apply_scheme (GtkSourceBuffer *buffer)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (manager, scheme_id ());

  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, "classic");
  gtk_source_buffer_set_style_scheme (buffer, scheme);
}

static void
buffer_gone_cb (gpointer  data,
                GObject  *where)
{
  MiPreview *self = data;

  g_hash_table_remove (self->code_buffers, where);
}

/* Helpers: links */

static char *
slugify (const char *text)
{
  GString *slug = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '-' || c == '_')
        g_string_append_unichar (slug, g_unichar_tolower (c));
      else if (c == ' ')
        g_string_append_c (slug, '-');
    }
  return g_string_free (slug, FALSE);
}

static void
scroll_to_anchor (MiPreview  *self,
                  const char *fragment)
{
  guint n;

  if (self->render == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->render));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiRenderBlock) block = g_list_model_get_item (G_LIST_MODEL (self->render), i);
      g_autofree char *text = NULL;
      g_autofree char *slug = NULL;

      if (mi_render_block_get_kind (block) != MI_RENDER_HEADING)
        continue;
      text = mi_render_node_get_plain_text (mi_render_block_get_node (block));
      slug = slugify (text);
      if (g_strcmp0 (slug, fragment) == 0)
        {
          mi_preview_scroll_to_line (self, mi_render_block_get_start_line (block));
          return;
        }
    }
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     const char       *uri)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "open") != 0)
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, parent, NULL, NULL, NULL);
  }
#else
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
#endif
}

static void
open_uri (MiPreview  *self,
          const char *uri,
          gboolean    confirm)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (confirm)
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Open This Link?"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” is not a web address. Open it only if you trust where it leads."),
                                      uri);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "open", _("_Open"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb),
                             g_strdup (uri), (GClosureNotify) (void (*) (void)) g_free, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, window, NULL, NULL, NULL);
  }
#else
  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
#endif
}

/* Scrolling */

static gboolean
align_row_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  MiPreview *self = MI_PREVIEW (widget);
  g_autoptr(MiRenderBlock) block = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *row;
  guint index;
  double x, y;

  if (self->render == NULL)
    goto done;

  index = mi_render_find_block (self->render, self->scroll_line);
  if (index >= g_list_model_get_n_items (G_LIST_MODEL (self->render)))
    goto done;

  block = g_list_model_get_item (G_LIST_MODEL (self->render), index);
  row = g_hash_table_lookup (self->rows, block);
  if (row == NULL || gtk_widget_get_height (row) == 0 ||
      !gtk_widget_translate_coordinates (row, GTK_WIDGET (self->list), 0, 0, &x, &y))
    {
      if (++self->scroll_tries < 10)
        return G_SOURCE_CONTINUE;
      goto done;
    }

  /* The row's top at the top, plus how far into the block the line is. */
  {
    guint start = mi_render_block_get_start_line (block);
    guint end = mi_render_block_get_end_line (block);
    double into = 0;

    if (self->scroll_line > start && end > start)
      into = gtk_widget_get_height (row) * (double) (MIN (self->scroll_line, end) - start) / (end - start + 1);

    adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y + into);
  }

  if (ABS (y) > 1 && ++self->scroll_tries < 4)
    return G_SOURCE_CONTINUE;

done:
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

/* The list */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          MiPreview                *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "preview-block");
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         MiPreview                *self)
{
  MiRenderBlock *block = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *content = mi_preview_build_block (self, block);

  gtk_box_append (GTK_BOX (box), content);
  g_hash_table_insert (self->rows, block, box);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MiPreview                *self)
{
  MiRenderBlock *block = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *child;

  if (block != NULL && g_hash_table_lookup (self->rows, block) == box)
    g_hash_table_remove (self->rows, block);
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 MiPreview       *self)
{
  GHashTableIter iter;
  gpointer buffer;

  g_hash_table_iter_init (&iter, self->code_buffers);
  while (g_hash_table_iter_next (&iter, &buffer, NULL))
    apply_scheme (buffer);
}

static void
mi_preview_dispose (GObject *object)
{
  MiPreview *self = MI_PREVIEW (object);
  GHashTableIter iter;
  gpointer buffer;

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  g_hash_table_iter_init (&iter, self->code_buffers);
  while (g_hash_table_iter_next (&iter, &buffer, NULL))
    g_object_weak_unref (buffer, buffer_gone_cb, self);
  g_hash_table_remove_all (self->code_buffers);
  g_hash_table_remove_all (self->rows);

  g_clear_object (&self->selection);
  g_clear_object (&self->render);
  g_clear_object (&self->file);
  g_clear_object (&self->root);

  G_OBJECT_CLASS (mi_preview_parent_class)->dispose (object);
}

static void
mi_preview_finalize (GObject *object)
{
  MiPreview *self = MI_PREVIEW (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->code_buffers, g_hash_table_unref);

  G_OBJECT_CLASS (mi_preview_parent_class)->finalize (object);
}

static void
mi_preview_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MiPreview *self = MI_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_RENDER:
      g_value_set_object (value, self->render);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_ROOT:
      g_value_set_object (value, self->root);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_preview_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MiPreview *self = MI_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_RENDER:
      mi_preview_set_render (self, g_value_get_object (value));
      break;
    case PROP_FILE:
      mi_preview_set_file (self, g_value_get_object (value));
      break;
    case PROP_ROOT:
      mi_preview_set_root (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_preview_class_init (MiPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_preview_dispose;
  object_class->finalize = mi_preview_finalize;
  object_class->get_property = mi_preview_get_property;
  object_class->set_property = mi_preview_set_property;

  properties[PROP_RENDER] =
    g_param_spec_object ("render", NULL, NULL, MI_TYPE_RENDER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROOT] =
    g_param_spec_object ("root", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MiPreview::open-file:
   * @file: a file of the workspace a link points to
   * @fragment: (nullable): what followed `#` in the link
   */
  signals[OPEN_FILE] =
    g_signal_new ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);

  /**
   * MiPreview::toggle-task:
   * @line: the source line (0-based) of the task item whose box was clicked
   */
  signals[TOGGLE_TASK] =
    g_signal_new ("toggle-task", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mi-preview");
}

static void
mi_preview_init (MiPreview *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->rows = g_hash_table_new (NULL, NULL);
  self->code_buffers = g_hash_table_new (NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  self->selection = gtk_no_selection_new (NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                 factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "preview");

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  g_signal_connect (adw_style_manager_get_default (), "notify::dark",
                    G_CALLBACK (dark_changed_cb), self);
}

/* Internal API */

/* A code block's buffer: in the style scheme of the style shown, and kept
 * in it while the buffer lives. */
void
_mi_preview_add_code_buffer (MiPreview       *self,
                             GtkSourceBuffer *buffer)
{
  apply_scheme (buffer);
  g_hash_table_add (self->code_buffers, buffer);
  g_object_weak_ref (G_OBJECT (buffer), buffer_gone_cb, self);
}

/* The box of the task item on source @line (0-based) was clicked. */
void
_mi_preview_toggle_task (MiPreview *self,
                         guint      line)
{
  g_signal_emit (self, signals[TOGGLE_TASK], 0, line);
}

/* Public API */

GtkWidget *
mi_preview_new (void)
{
  return g_object_new (MI_TYPE_PREVIEW, NULL);
}

MiRender *
mi_preview_get_render (MiPreview *self)
{
  g_return_val_if_fail (MI_IS_PREVIEW (self), NULL);

  return self->render;
}

void
mi_preview_set_render (MiPreview *self,
                       MiRender  *render)
{
  g_return_if_fail (MI_IS_PREVIEW (self));
  g_return_if_fail (render == NULL || MI_IS_RENDER (render));

  if (!g_set_object (&self->render, render))
    return;

  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (render));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RENDER]);
}

GFile *
mi_preview_get_file (MiPreview *self)
{
  g_return_val_if_fail (MI_IS_PREVIEW (self), NULL);

  return self->file;
}

/* The file shown: links and images are relative to it. */
void
mi_preview_set_file (MiPreview *self,
                     GFile     *file)
{
  g_return_if_fail (MI_IS_PREVIEW (self));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

GFile *
mi_preview_get_root (MiPreview *self)
{
  g_return_val_if_fail (MI_IS_PREVIEW (self), NULL);

  return self->root;
}

/* The workspace, where bare [[wikilinks]] are looked for. */
void
mi_preview_set_root (MiPreview *self,
                     GFile     *root)
{
  g_return_if_fail (MI_IS_PREVIEW (self));

  if (g_set_object (&self->root, root))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT]);
}

/* Brings the block that holds source @line (0-based) to the top. */
void
mi_preview_scroll_to_line (MiPreview *self,
                           guint      line)
{
  guint index, n;

  g_return_if_fail (MI_IS_PREVIEW (self));

  if (self->render == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->render));
  if (n == 0)
    return;
  index = MIN (mi_render_find_block (self->render, line), n - 1);

  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", index);

  self->scroll_line = line;
  self->scroll_tries = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), align_row_cb, NULL, NULL);
}

/**
 * mi_preview_activate_link:
 * What clicking a link of the preview does: files of the workspace emit
 * MiPreview::open-file, anchors scroll, web links open through the desktop,
 * other schemes after a question.
 */
gboolean
mi_preview_activate_link (MiPreview  *self,
                          const char *uri)
{
  g_return_val_if_fail (MI_IS_PREVIEW (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  if (g_str_has_prefix (uri, "mi-file:"))
    {
      g_autofree char *file_uri = g_strdup (uri + strlen ("mi-file:"));
      char *hash = strchr (file_uri, '#');
      g_autoptr(GFile) file = NULL;

      if (hash != NULL)
        *hash++ = '\0';
      file = g_file_new_for_uri (file_uri);
      g_signal_emit (self, signals[OPEN_FILE], 0, file, hash);
    }
  else if (g_str_has_prefix (uri, "mi-anchor:"))
    scroll_to_anchor (self, uri + strlen ("mi-anchor:"));
  else if (g_str_has_prefix (uri, "mi-web:"))
    open_uri (self, uri + strlen ("mi-web:"), FALSE);
  else if (g_str_has_prefix (uri, "mi-other:"))
    open_uri (self, uri + strlen ("mi-other:"), TRUE);
  else
    open_uri (self, uri, TRUE);

  return TRUE;
}

/* The widgets of one block, as a row of the preview shows them. */
GtkWidget *
mi_preview_build_block (MiPreview     *self,
                        MiRenderBlock *block)
{
  GtkWidget *widget;

  g_return_val_if_fail (MI_IS_PREVIEW (self), NULL);
  g_return_val_if_fail (MI_IS_RENDER_BLOCK (block), NULL);

  self->n_built++;
  widget = _mi_preview_build_node (self, block, mi_render_block_get_node (block), 0);
  gtk_widget_add_css_class (widget, "block");
  return widget;
}

/**
 * mi_preview_dup_markup:
 * @markdown: a few paragraphs of markdown (a hypothesis, a learning…)
 *
 * The Pango markup of @markdown's paragraphs, as the preview draws their
 * inline parts (code, emphasis, links), blank lines between them; other
 * blocks as their plain text. For a GtkLabel whose `activate-link` goes to
 * mi_preview_activate_link().
 *
 * Returns: (transfer full): Pango markup
 */
char *
mi_preview_dup_markup (MiPreview  *self,
                       const char *markdown)
{
  g_autoptr(MiRender) render = NULL;
  GString *out = g_string_new (NULL);
  gboolean has_broken = FALSE;

  g_return_val_if_fail (MI_IS_PREVIEW (self), NULL);

  if (markdown == NULL)
    return g_string_free (out, FALSE);

  render = mi_render_new ();
  /* Parsed here and now, however long. */
  mi_render_set_async_threshold (render, G_MAXSIZE);
  mi_render_set_text (render, markdown, -1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (render)); i++)
    {
      g_autoptr(MiRenderBlock) block = g_list_model_get_item (G_LIST_MODEL (render), i);
      const MiRenderNode *node = mi_render_block_get_node (block);

      if (out->len > 0)
        g_string_append (out, "\n\n");

      if (mi_render_block_get_kind (block) == MI_RENDER_PARAGRAPH ||
          mi_render_block_get_kind (block) == MI_RENDER_HEADING)
        _mi_preview_append_inlines (self, out, node, &has_broken);
      else
        {
          g_autofree char *plain = mi_render_node_get_plain_text (node);
          g_autofree char *escaped = g_markup_escape_text (plain, -1);

          g_string_append (out, escaped);
        }
    }

  return g_string_free (out, FALSE);
}

GtkListView *
mi_preview_get_list_view (MiPreview *self)
{
  g_return_val_if_fail (MI_IS_PREVIEW (self), NULL);

  return self->list;
}

/* How many blocks got widgets so far (rows bound), for tests and benchmarks. */
guint
mi_preview_get_n_built (MiPreview *self)
{
  g_return_val_if_fail (MI_IS_PREVIEW (self), 0);

  return self->n_built;
}