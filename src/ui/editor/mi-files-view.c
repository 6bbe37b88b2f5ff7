/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-files-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mi-application.h"
#include "mi-file-manager.h"
#include "mi-file-row.h"
#include "mi-files-view.h"

/*
 * MiFilesView: the Files view of an issue page. On the left, the files of
 * the shown meta-issue (its four files, then each attempt's two); on the
 * right, the window's one MiEditorStack, where they open beside their live
 * preview. The editor mode is remembered per window (a new window starts
 * with the last one chosen), line numbers and the style scheme for all, in
 * GSettings.
 *
 * Links of a preview to markdown files of the workspace open in the stack;
 * anything else opens with the desktop. An open file whose buffer has no
 * unsaved changes follows the disk (a structured edit, another program),
 * as an ordinary undoable edit of the buffer; one with unsaved changes
 * gets a structured edit the same way, beside those changes, when the two
 * are apart (the window's write guard refuses the edit otherwise; see
 * mi_files_view_check_write() and mi_files_view_carry_written()).
 */

struct _MiFilesView
{
  GtkWidget      parent_instance;

  MiIssue       *issue;
  gulong         attempts_handler;
  GFile         *root;
  GSettings     *settings;

  /* Template widgets */
  GtkListBox    *file_list;
  MiEditorStack *editor_stack;
  GtkMenuButton *scheme_button;
};

G_DEFINE_FINAL_TYPE (MiFilesView, mi_files_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  PROP_SHOW_LINE_NUMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
select_row_of (MiFilesView *self,
               GFile       *file)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->file_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (MI_IS_FILE_ROW (child) && file != NULL && g_file_equal (mi_file_row_get_file (MI_FILE_ROW (child)), file))
        {
          gtk_list_box_select_row (self->file_list, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
  gtk_list_box_unselect_all (self->file_list);
}

static void
select_current_row (MiFilesView *self)
{
  MiEditor *editor = mi_editor_stack_get_current (self->editor_stack);

  select_row_of (self, editor != NULL ? mi_editor_get_file (editor) : NULL);
}

static void
rebuild_list (MiFilesView *self)
{
  static const struct {
    MiIssueFile  file;
    const char  *name;
  } issue_files[] = {
    { MI_ISSUE_FILE_README, "README.md" },
    { MI_ISSUE_FILE_DESCRIPTION, "description.md" },
    { MI_ISSUE_FILE_LOG, "implementation-log.md" },
    { MI_ISSUE_FILE_TEST_CASES, "test-cases.md" },
  };
  GtkWidget *child;
  GListModel *attempts;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->file_list))) != NULL)
    gtk_list_box_remove (self->file_list, child);

  if (self->issue == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (issue_files); i++)
    {
      GFile *file = mi_issue_get_file (self->issue, issue_files[i].file);

      if (file != NULL)
        gtk_list_box_append (self->file_list,
                             mi_file_row_new (file, issue_files[i].name, _("Meta-Issue")));
    }

  attempts = mi_issue_get_attempts (self->issue);
  n = g_list_model_get_n_items (attempts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, i);
      g_autofree char *section = NULL;

      /* Translators: a heading in the list of files, e.g. "Attempt 002: Caching" */
      section = g_strdup_printf (_("Attempt %03u: %s"), mi_attempt_get_number (attempt),
                                 mi_attempt_get_title (attempt));
      if (mi_attempt_get_approach_file (attempt) != NULL)
        gtk_list_box_append (self->file_list,
                             mi_file_row_new (mi_attempt_get_approach_file (attempt),
                                              "solution-approach.md", section));
      if (mi_attempt_get_results_file (attempt) != NULL)
        gtk_list_box_append (self->file_list,
                             mi_file_row_new (mi_attempt_get_results_file (attempt),
                                              "attempt-results.md", section));
    }

  select_current_row (self);
}

static gboolean
is_markdown (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL &&
         (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown"));
}

static gboolean
is_in_workspace (MiFilesView *self,
                 GFile       *file)
{
  return self->root != NULL && g_file_has_prefix (file, self->root);
}

static void
sync_editor (MiEditor *editor,
             GBytes   *written);

typedef struct
{
  GWeakRef editor;
  gpointer document;   /* compared, never dereferenced */
  guint    serial;     /* the document's when the read began */
} DiskRead;

static void
disk_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DiskRead *read = user_data;
  g_autoptr(MiEditor) editor = g_weak_ref_get (&read->editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gpointer document = read->document;
  guint serial = read->serial;
  char *contents = NULL;
  gsize len = 0;

  g_weak_ref_clear (&read->editor);
  g_free (read);

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &len, NULL, &error))
    {
      g_debug ("Could not read %s again: %s", g_file_peek_path (G_FILE (object)), error->message);
      return;
    }
  bytes = g_bytes_new_take (contents, len);

  /* Closed meanwhile, or showing another file. */
  if (editor == NULL || mi_editor_get_file (editor) == NULL ||
      !g_file_equal (mi_editor_get_file (editor), G_FILE (object)) ||
      (gpointer) mi_editor_get_document (editor) != document)
    return;

  /* The editor took other bytes meanwhile (an edit's, a save's, another
   * read's): these may be older. Unless they are the same, read again:
   * the read that no change overtakes is the one shown. */
  if (mi_document_get_serial (mi_editor_get_document (editor)) != serial)
    {
      GBytes *known = mi_document_get_disk_bytes (mi_editor_get_document (editor));

      if (known == NULL || !g_bytes_equal (known, bytes))
        sync_editor (editor, NULL);
      return;
    }

  sync_editor (editor, bytes);
}

/* Brings an editor without unsaved changes up to the file on disk (read
 * on a worker), or to @written, the bytes an edit just wrote: the
 * difference becomes one undoable edit, so the cursor and the scroll
 * position stay where they were. */
static void
sync_editor (MiEditor *editor,
             GBytes   *written)
{
  g_autofree char *old = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *text = NULL;
  MiDocument *document = mi_editor_get_document (editor);
  const char *bytes;
  gsize len, bom, old_len, prefix, suffix;

  if (document == NULL ||
      mi_editor_get_modified (editor) ||
      mi_editor_get_loading (editor) ||
      mi_editor_get_read_only (editor) ||
      mi_editor_get_conflict (editor))
    return;

  /* Another program's change: read on a worker, then come back here. */
  if (written == NULL)
    {
      DiskRead *read = g_new0 (DiskRead, 1);

      g_weak_ref_init (&read->editor, editor);
      read->document = document;
      read->serial = mi_document_get_serial (document);
      g_file_load_contents_async (mi_editor_get_file (editor), NULL, disk_read_cb, read);
      return;
    }

  /* What was read becomes what is on disk now, so a later save compares
   * against the right version. */
  mi_document_take_written (document, written);
  if (!mi_document_is_utf8 (document))
    {
      mi_editor_resolve_conflict (editor, MI_EDITOR_CONFLICT_RELOAD);
      return;
    }

  /* Both texts end with a NUL, which the comparisons below rely on. */
  bytes = mi_document_get_text (document, &len);
  bom = mi_document_get_bom_length (document);
  len -= bom;
  text = g_strndup (bytes != NULL ? bytes + bom : "", len);

  old = mi_editor_dup_text (editor);
  old_len = strlen (old);
  if (old_len == len && memcmp (old, text, len) == 0)
    return;

  mi_text_common_affixes (old, old_len, text, len, &prefix, &suffix);
  middle = g_strndup (text + prefix, len - prefix - suffix);

  if (mi_editor_apply_edit (editor, bom + prefix, old_len - prefix - suffix, middle))
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (mi_editor_get_buffer (editor)), FALSE);
  else
    mi_editor_resolve_conflict (editor, MI_EDITOR_CONFLICT_RELOAD);
}

typedef enum
{
  CARRY_NOTHING,   /* the editor has no unsaved changes, or never saw @before */
  CARRY_APART,     /* the edit and the unsaved changes are apart: carried */
  CARRY_MEETS,     /* they meet: the edit must wait */
} CarryKind;

/* What a structured edit that turns @editor's file from @before into
 * @after does to the editor's unsaved text. The base of the merge is what
 * the editor read from disk (or last saved), never the text it holds: a
 * save that failed or is still being written leaves the user's text
 * there. When the editor's base is not @before (another program changed
 * the file meanwhile, unseen by the editor) the edit is not the editor's
 * to carry: saving will show the conflict, as for any change on disk.
 * For CARRY_APART, @span says where, in the buffer's text (@mine) and in
 * @after after its byte order mark (@bom). */
static CarryKind
rebase_onto_buffer (MiEditor    *editor,
                    GBytes      *before,
                    GBytes      *after,
                    char       **mine,
                    MiTextSpan  *span,
                    gsize       *bom)
{
  MiDocument *document = mi_editor_get_document (editor);
  MiTextCarry carry;

  if (!mi_editor_get_modified (editor))
    return CARRY_NOTHING;

  if (document == NULL || before == NULL || after == NULL ||
      mi_editor_get_loading (editor) ||
      mi_editor_get_read_only (editor))
    return CARRY_NOTHING;

  *mine = mi_editor_dup_text (editor);
  carry = mi_text_carry (mi_document_get_disk_bytes (document), *mine, strlen (*mine),
                         before, after, span, bom);
  if (carry == MI_TEXT_CARRY_NOTHING)
    return CARRY_NOTHING;

  /* Bound to meet: a save being written, a conflict being shown. */
  if (carry == MI_TEXT_CARRY_MEETS || mi_editor_get_saving (editor) || mi_editor_get_conflict (editor))
    return CARRY_MEETS;

  return CARRY_APART;
}

/* Carries a structured edit into an editor with unsaved changes: one more
 * undoable edit, the user's changes kept and still unsaved; then the file
 * as written is what a later save compares with. If the buffer cannot take
 * the edit, the editor keeps its old base and saving will tell. */
static void
carry_into_editor (MiEditor *editor,
                   GBytes   *before,
                   GBytes   *after)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *middle = NULL;
  MiDocument *document = mi_editor_get_document (editor);
  MiTextSpan span;
  gsize bom = 0;

  if (rebase_onto_buffer (editor, before, after, &mine, &span, &bom) != CARRY_APART)
    return;

  if (span.length > 0 || span.text_length > 0)
    {
      middle = g_strndup ((const char *) g_bytes_get_data (after, NULL) + bom + span.text_offset,
                          span.text_length);
      if (!mi_editor_apply_edit (editor, mi_document_get_bom_length (document) + span.offset,
                                 span.length, middle))
        return;
    }

  mi_document_take_written (document, after);
}

/* Callbacks */

static void
on_row_activated_cb (MiFilesView   *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  if (MI_IS_FILE_ROW (row))
    mi_files_view_open_file (self, mi_file_row_get_file (MI_FILE_ROW (row)));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *section = mi_file_row_get_section (MI_FILE_ROW (row));
  const char *previous = before != NULL ? mi_file_row_get_section (MI_FILE_ROW (before)) : NULL;
  GtkWidget *header;

  if (g_strcmp0 (section, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_add_css_class (header, "files-section");
  gtk_list_box_row_set_header (row, header);
}

static void
on_attempts_changed_cb (MiFilesView *self)
{
  rebuild_list (self);
}

static void
on_selected_page_cb (MiFilesView *self)
{
  select_current_row (self);
}

/* A link of a preview: markdown files of the workspace open here, the
 * rest (a web page, an image, a file elsewhere) with the desktop. */
static gboolean
on_open_file_cb (MiFilesView   *self,
                 GFile         *file,
                 MiEditorStack *stack)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (is_in_workspace (self, file) || (self->root == NULL && g_file_is_native (file)))
    {
      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFile) readme = g_file_get_child (file, "README.md");

          if (g_file_query_exists (readme, NULL))
            {
              mi_files_view_open_file (self, readme);
              return TRUE;
            }
        }
      else if (is_markdown (file))
        return FALSE;
    }

  mi_file_manager_open (window, file);
  return TRUE;
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A conflict or a read-only file shows in the editor itself */
  if (!mi_editor_save_finish (MI_EDITOR (object), result, &error))
    g_debug ("Not saved: %s", error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MiFilesView *self = MI_FILES_VIEW (widget);
  MiEditor *editor = mi_editor_stack_get_current (self->editor_stack);

  /* Nothing to write: saving would only race the re-reading of the file. */
  if (editor != NULL && mi_editor_get_modified (editor))
    mi_editor_save_async (editor, NULL, save_done_cb, NULL);
}

static void
on_n_editors_cb (MiFilesView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "files.save",
                                 mi_editor_stack_get_n_editors (self->editor_stack) > 0);
}

/* GObject */

static void
mi_files_view_dispose (GObject *object)
{
  MiFilesView *self = MI_FILES_VIEW (object);
  GtkWidget *child;

  if (self->issue != NULL)
    g_clear_signal_handler (&self->attempts_handler, mi_issue_get_attempts (self->issue));
  g_clear_object (&self->issue);
  g_clear_object (&self->root);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), MI_TYPE_FILES_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mi_files_view_parent_class)->dispose (object);
}

static void
mi_files_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MiFilesView *self = MI_FILES_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, mi_editor_stack_get_mode (self->editor_stack));
      break;
    case PROP_SHOW_LINE_NUMBERS:
      g_value_set_boolean (value, mi_editor_stack_get_show_line_numbers (self->editor_stack));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_files_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MiFilesView *self = MI_FILES_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      mi_editor_stack_set_mode (self->editor_stack, g_value_get_enum (value));
      break;
    case PROP_SHOW_LINE_NUMBERS:
      mi_editor_stack_set_show_line_numbers (self->editor_stack, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_stack_notify_cb (MiFilesView *self,
                    GParamSpec  *pspec)
{
  if (g_str_equal (pspec->name, "mode"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  else if (g_str_equal (pspec->name, "show-line-numbers"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LINE_NUMBERS]);
}

/* The style schemes installed, by name, after the one that follows the
 * light or dark style: the `settings.style-scheme` action sets the key. */
static void
setup_scheme_menu (MiFilesView *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  const char * const *ids = gtk_source_style_scheme_manager_get_scheme_ids (manager);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GAction) action = g_settings_create_action (self->settings, "style-scheme");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) follow = g_menu_new ();
  g_autoptr(GMenu) schemes = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  g_action_map_add_action (G_ACTION_MAP (group), action);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));

  item = g_menu_item_new (_("Follow the System Style"), NULL);
  g_menu_item_set_action_and_target (item, "settings.style-scheme", "s", "");
  g_menu_append_item (follow, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (follow));

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (manager, ids[i]);
      g_autoptr(GMenuItem) scheme_item = g_menu_item_new (gtk_source_style_scheme_get_name (scheme), NULL);

      g_menu_item_set_action_and_target (scheme_item, "settings.style-scheme", "s", ids[i]);
      g_menu_append_item (schemes, scheme_item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (schemes));

  gtk_menu_button_set_menu_model (self->scheme_button, G_MENU_MODEL (menu));
}

static void
mi_files_view_class_init (MiFilesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_files_view_dispose;
  object_class->get_property = mi_files_view_get_property;
  object_class->set_property = mi_files_view_set_property;

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, MI_TYPE_EDITOR_MODE, MI_EDITOR_MODE_SPLIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LINE_NUMBERS] =
    g_param_spec_boolean ("show-line-numbers", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MI_TYPE_EDITOR_STACK);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-files-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MiFilesView, file_list);
  gtk_widget_class_bind_template_child (widget_class, MiFilesView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, MiFilesView, scheme_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "files.save", NULL, save_action);
  gtk_widget_class_install_property_action (widget_class, "files.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "files.show-line-numbers", "show-line-numbers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "files.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mi-files-view");
}

static void
mi_files_view_init (MiFilesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->file_list, header_func, NULL, NULL);

  g_signal_connect_object (self->editor_stack, "notify::mode",
                           G_CALLBACK (on_stack_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor_stack, "notify::show-line-numbers",
                           G_CALLBACK (on_stack_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor_stack, "notify::n-editors",
                           G_CALLBACK (on_n_editors_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor_stack, "open-file",
                           G_CALLBACK (on_open_file_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mi_editor_stack_get_tab_view (self->editor_stack), "notify::selected-page",
                           G_CALLBACK (on_selected_page_cb), self, G_CONNECT_SWAPPED);
  on_n_editors_cb (self);

  self->settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
  /* Each window keeps its own mode; the last one chosen is where the
   * next window starts. */
  g_settings_bind (self->settings, "editor-mode", self, "mode",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_SET | G_SETTINGS_BIND_GET_NO_CHANGES);
  setup_scheme_menu (self);
  g_settings_bind (self->settings, "show-line-numbers", self, "show-line-numbers", G_SETTINGS_BIND_DEFAULT);
}

/* Public API */

GtkWidget *
mi_files_view_new (void)
{
  return g_object_new (MI_TYPE_FILES_VIEW, NULL);
}

MiIssue *
mi_files_view_get_issue (MiFilesView *self)
{
  g_return_val_if_fail (MI_IS_FILES_VIEW (self), NULL);

  return self->issue;
}

/* Lists @issue's files; the open files stay open. */
void
mi_files_view_set_issue (MiFilesView *self,
                         MiIssue     *issue)
{
  g_return_if_fail (MI_IS_FILES_VIEW (self));
  g_return_if_fail (issue == NULL || MI_IS_ISSUE (issue));

  if (self->issue == issue)
    return;

  if (self->issue != NULL)
    g_clear_signal_handler (&self->attempts_handler, mi_issue_get_attempts (self->issue));
  g_set_object (&self->issue, issue);
  if (issue != NULL)
    self->attempts_handler =
      g_signal_connect_object (mi_issue_get_attempts (issue), "items-changed",
                               G_CALLBACK (on_attempts_changed_cb), self, G_CONNECT_SWAPPED);

  rebuild_list (self);
}

/* The workspace's root: links to its markdown files open here. */
void
mi_files_view_set_root (MiFilesView *self,
                        GFile       *root)
{
  g_return_if_fail (MI_IS_FILES_VIEW (self));
  g_return_if_fail (root == NULL || G_IS_FILE (root));

  g_set_object (&self->root, root);
  mi_editor_stack_set_root (self->editor_stack, root);
}

MiEditorStack *
mi_files_view_get_stack (MiFilesView *self)
{
  g_return_val_if_fail (MI_IS_FILES_VIEW (self), NULL);

  return self->editor_stack;
}

GtkListBox *
mi_files_view_get_list (MiFilesView *self)
{
  g_return_val_if_fail (MI_IS_FILES_VIEW (self), NULL);

  return self->file_list;
}

/**
 * mi_files_view_open_file:
 * Shows @file in the editor: its tab, or a new one.
 *
 * Returns: (transfer none): its editor
 */
MiEditor *
mi_files_view_open_file (MiFilesView *self,
                         GFile       *file)
{
  MiEditor *editor;

  g_return_val_if_fail (MI_IS_FILES_VIEW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  editor = mi_editor_stack_open_file (self->editor_stack, file, NULL);
  select_row_of (self, file);
  return editor;
}

/**
 * mi_files_view_sync_with_disk:
 * @file: a file, or a folder for every open file below it
 *
 * Shows what is on disk now in the editors of @file that have no unsaved
 * changes (after a structured edit, or a change by another program).
 * Editors with unsaved changes keep them; saving will tell of the conflict.
 */
void
mi_files_view_sync_with_disk (MiFilesView *self,
                              GFile       *file)
{
  guint n;

  g_return_if_fail (MI_IS_FILES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  n = mi_editor_stack_get_n_editors (self->editor_stack);
  for (guint i = 0; i < n; i++)
    {
      MiEditor *editor = mi_editor_stack_get_editor (self->editor_stack, i);
      GFile *other = mi_editor_get_file (editor);

      if (other != NULL && (g_file_equal (other, file) || g_file_has_prefix (other, file)))
        sync_editor (editor, NULL);
    }
}

/**
 * mi_files_view_carry_written:
 * @before: (nullable): the file's bytes before the edit, NULL for a new file
 * @after: the bytes written
 *
 * Shows a structured edit, just written to @file, in the file's editor:
 * without unsaved changes it follows the disk; with unsaved changes apart
 * from the edit, the edit becomes one more undoable edit of the text.
 */
void
mi_files_view_carry_written (MiFilesView *self,
                             GFile       *file,
                             GBytes      *before,
                             GBytes      *after)
{
  MiEditor *editor;

  g_return_if_fail (MI_IS_FILES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  editor = mi_editor_stack_find_editor (self->editor_stack, file);
  if (editor == NULL)
    return;

  if (mi_editor_get_modified (editor))
    carry_into_editor (editor, before, after);
  else
    sync_editor (editor, after);
}

/**
 * mi_files_view_collect_claims:
 * @folder: a meta-issue's folder
 * @claims: (element-type MiClaim): where to add them
 *
 * Adds a claim for each file under @folder open here with unsaved
 * changes: a structured edit beginning there writes none of them where it
 * would meet those changes.
 */
void
mi_files_view_collect_claims (MiFilesView *self,
                              GFile       *folder,
                              GPtrArray   *claims)
{
  guint n;

  g_return_if_fail (MI_IS_FILES_VIEW (self));
  g_return_if_fail (G_IS_FILE (folder));

  n = mi_editor_stack_get_n_editors (self->editor_stack);
  for (guint i = 0; i < n; i++)
    {
      MiEditor *editor = mi_editor_stack_get_editor (self->editor_stack, i);
      MiDocument *document = mi_editor_get_document (editor);
      GFile *file = mi_editor_get_file (editor);
      g_autofree char *mine = NULL;

      if (file == NULL || document == NULL || !g_file_has_prefix (file, folder) ||
          !mi_editor_get_modified (editor) || mi_editor_get_loading (editor) ||
          mi_editor_get_read_only (editor))
        continue;

      mine = mi_editor_dup_text (editor);
      g_ptr_array_add (claims, mi_claim_new (file, mi_editor_get_title (editor),
                                             mi_document_get_disk_bytes (document), mine,
                                             mi_editor_get_saving (editor) || mi_editor_get_conflict (editor)));
    }
}

/* Closes every open file that has no unsaved changes. */
void
mi_files_view_close_saved (MiFilesView *self)
{
  g_return_if_fail (MI_IS_FILES_VIEW (self));

  for (guint i = mi_editor_stack_get_n_editors (self->editor_stack); i > 0; i--)
    {
      MiEditor *editor = mi_editor_stack_get_editor (self->editor_stack, i - 1);

      if (!mi_editor_get_modified (editor))
        mi_editor_stack_close_editor (self->editor_stack, editor);
    }
}
