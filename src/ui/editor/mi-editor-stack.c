/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-editor-stack"

#include "config.h"

#include <glib/gi18n.h>

#include "mi-editor-stack.h"

/*
 * MiEditorStack: the open files, one MiEditor per tab (AdwTabView). Each
 * editor keeps its own buffer, so switching keeps cursor, scroll position
 * and undo history. Closing a file or the whole stack with unsaved changes
 * asks Save / Discard / Cancel. The view mode (source, split, preview) and
 * line numbers are the stack's, applied to every editor.
 *
 * For the window: mi_editor_stack_open_file(), the `modified` property,
 * mi_editor_stack_close_all_async() before closing, and the `open-file`
 * signal for links to other files (return TRUE to handle it; otherwise the
 * stack opens the file in a new tab).
 */

struct _MiEditorStack
{
  GtkWidget     parent_instance;

  GtkStack     *stack;
  AdwTabBar    *tab_bar;
  AdwTabView   *tab_view;

  MiDrafts     *drafts;
  GFile        *root;
  MiEditorMode  mode;
  gboolean      show_line_numbers;
  gboolean      modified;
  gboolean      closing_all;
};

G_DEFINE_FINAL_TYPE (MiEditorStack, mi_editor_stack, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_MODE,
  PROP_SHOW_LINE_NUMBERS,
  PROP_N_EDITORS,
  N_PROPS
};

enum {
  OPEN_FILE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static MiEditor *
page_editor (AdwTabPage *page)
{
  return MI_EDITOR (adw_tab_page_get_child (page));
}

static void
update_modified (MiEditorStack *self)
{
  gboolean modified = FALSE;
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    modified |= mi_editor_get_modified (page_editor (adw_tab_view_get_nth_page (self->tab_view, i)));

  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
update_page_title (AdwTabPage *page)
{
  MiEditor *editor = page_editor (page);
  g_autofree char *title = NULL;

  if (mi_editor_get_modified (editor))
    title = g_strdup_printf ("• %s", mi_editor_get_title (editor));
  else
    title = g_strdup (mi_editor_get_title (editor));
  adw_tab_page_set_title (page, title);

  if (mi_editor_get_file (editor) != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (mi_editor_get_file (editor));

      adw_tab_page_set_tooltip (page, name);
    }
}

static GtkWindow *
parent_window (MiEditorStack *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwMessageDialog *
question_new (MiEditorStack *self,
              GPtrArray     *editors)
{
  GtkWidget *dialog;

  if (editors->len == 1)
    {
      dialog = adw_message_dialog_new (parent_window (self), _("Save Changes?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” has unsaved changes. Changes which are not saved will be lost."),
                                      mi_editor_get_title (g_ptr_array_index (editors, 0)));
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < editors->len; i++)
        g_string_append_printf (names, "\n• %s", mi_editor_get_title (g_ptr_array_index (editors, i)));

      dialog = adw_message_dialog_new (parent_window (self), _("Save Changes?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "%u file has unsaved changes:%s",
                                                   "%u files have unsaved changes:%s",
                                                   editors->len),
                                      editors->len, names->str);
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, "mi-save-question");
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Closing one page */

typedef struct
{
  MiEditorStack *self;
  AdwTabPage    *page;
} CloseData;

static void
close_data_free (CloseData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->page);
  g_free (data);
}

static void
close_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CloseData *data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = mi_editor_save_finish (MI_EDITOR (object), result, &error);

  /* Not saved (changed on disk, read-only…): the page stays, with its bar */
  adw_tab_view_close_page_finish (data->self->tab_view, data->page, saved);
  close_data_free (data);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CloseData        *data)
{
  MiEditor *editor = page_editor (data->page);

  if (g_str_equal (response, "save"))
    {
      mi_editor_save_async (editor, NULL, close_saved_cb, data);
      return;
    }

  if (g_str_equal (response, "discard"))
    {
      mi_editor_forget_draft (editor);
      adw_tab_view_close_page_finish (data->self->tab_view, data->page, TRUE);
    }
  else
    adw_tab_view_close_page_finish (data->self->tab_view, data->page, FALSE);

  close_data_free (data);
}

static gboolean
close_page_cb (AdwTabView    *view,
               AdwTabPage    *page,
               MiEditorStack *self)
{
  MiEditor *editor = page_editor (page);
  g_autoptr(GPtrArray) editors = NULL;
  AdwMessageDialog *dialog;
  CloseData *data;

  if (self->closing_all || !mi_editor_get_modified (editor))
    {
      adw_tab_view_close_page_finish (view, page, TRUE);
      return GDK_EVENT_STOP;
    }

  editors = g_ptr_array_new ();
  g_ptr_array_add (editors, editor);
  dialog = question_new (self, editors);

  data = g_new0 (CloseData, 1);
  data->self = g_object_ref (self);
  data->page = g_object_ref (page);
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
  return GDK_EVENT_STOP;
}

/* Callbacks */

static void
editor_changed_cb (MiEditor      *editor,
                   GParamSpec    *pspec,
                   MiEditorStack *self)
{
  AdwTabPage *page = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (editor));

  if (page == NULL)
    return;
  update_page_title (page);
  adw_tab_page_set_loading (page, mi_editor_get_loading (editor));
  update_modified (self);
}

static void
editor_open_file_cb (MiEditor      *editor,
                     GFile         *file,
                     const char    *fragment,
                     MiEditorStack *self)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[OPEN_FILE], 0, file, &handled);
  if (!handled)
    mi_editor_stack_open_file (self, file, NULL);
}

static void
editor_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A failure shows in the editor itself, read-only */
  if (!mi_editor_load_finish (MI_EDITOR (object), result, &error))
    g_debug ("Could not open a file: %s", error->message);
}

static void
n_pages_cb (AdwTabView    *view,
            GParamSpec    *pspec,
            MiEditorStack *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    adw_tab_view_get_n_pages (view) > 0 ? "tabs" : "empty");
  update_modified (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EDITORS]);
}

static void
close_current_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MiEditorStack *self = MI_EDITOR_STACK (widget);
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, page);
}

/* GObject */

static void
mi_editor_stack_dispose (GObject *object)
{
  MiEditorStack *self = MI_EDITOR_STACK (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->stack = NULL;
  self->tab_view = NULL;
  self->tab_bar = NULL;

  g_clear_object (&self->drafts);
  g_clear_object (&self->root);

  G_OBJECT_CLASS (mi_editor_stack_parent_class)->dispose (object);
}

static void
mi_editor_stack_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MiEditorStack *self = MI_EDITOR_STACK (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_SHOW_LINE_NUMBERS:
      g_value_set_boolean (value, self->show_line_numbers);
      break;
    case PROP_N_EDITORS:
      g_value_set_uint (value, mi_editor_stack_get_n_editors (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_editor_stack_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MiEditorStack *self = MI_EDITOR_STACK (object);

  switch (prop_id)
    {
    case PROP_MODE:
      mi_editor_stack_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_LINE_NUMBERS:
      mi_editor_stack_set_show_line_numbers (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The files fill whatever height they get (their text and preview
 * scroll), so the stack asks for one size, whatever its width. In
 * height-for-width, the tab bar, the banners and the two scrolled panes of
 * GTK 4.8 and libadwaita 1.2 can disagree by a pixel between the minimum
 * height and the minimum height at a huge width, which GTK reports as a
 * critical ("Expect overlapping widgets") for nothing a user could see.
 * (With a layout manager GTK would ask it, not get_request_mode.) */
static GtkSizeRequestMode
mi_editor_stack_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
mi_editor_stack_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  MiEditorStack *self = MI_EDITOR_STACK (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, -1, minimum, natural, NULL, NULL);
}

static void
mi_editor_stack_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  MiEditorStack *self = MI_EDITOR_STACK (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static void
mi_editor_stack_class_init (MiEditorStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_editor_stack_dispose;
  object_class->get_property = mi_editor_stack_get_property;
  object_class->set_property = mi_editor_stack_set_property;
  widget_class->get_request_mode = mi_editor_stack_get_request_mode;
  widget_class->measure = mi_editor_stack_measure;
  widget_class->size_allocate = mi_editor_stack_size_allocate;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, MI_TYPE_EDITOR_MODE, MI_EDITOR_MODE_SPLIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LINE_NUMBERS] =
    g_param_spec_boolean ("show-line-numbers", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EDITORS] =
    g_param_spec_uint ("n-editors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MiEditorStack::open-file:
   * @file: the file a link of a preview points to
   *
   * Returns: %TRUE when handled; otherwise the stack opens @file itself.
   */
  signals[OPEN_FILE] =
    g_signal_new ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_FILE);

  gtk_widget_class_install_action (widget_class, "stack.close-current", NULL, close_current_action);
  gtk_widget_class_install_property_action (widget_class, "stack.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "stack.show-line-numbers", "show-line-numbers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "stack.close-current", NULL);

  gtk_widget_class_set_css_name (widget_class, "mi-editor-stack");
}

static void
mi_editor_stack_init (MiEditorStack *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *empty = adw_status_page_new ();

  self->mode = MI_EDITOR_MODE_SPLIT;
  self->drafts = g_object_ref (mi_drafts_get_default ());

  self->tab_view = adw_tab_view_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->tab_view), TRUE);
  self->tab_bar = adw_tab_bar_new ();
  adw_tab_bar_set_view (self->tab_bar, self->tab_view);
  adw_tab_bar_set_autohide (self->tab_bar, FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tab_bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tab_view));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "text-x-generic-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Open Files"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Open a file of a meta-issue to edit it here"));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, box, "tabs");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  g_signal_connect (self->tab_view, "close-page", G_CALLBACK (close_page_cb), self);
  g_signal_connect (self->tab_view, "notify::n-pages", G_CALLBACK (n_pages_cb), self);
}

/* Public API */

GtkWidget *
mi_editor_stack_new (void)
{
  return g_object_new (MI_TYPE_EDITOR_STACK, NULL);
}

MiEditor *
mi_editor_stack_find_editor (MiEditorStack *self,
                             GFile         *file)
{
  int n;

  g_return_val_if_fail (MI_IS_EDITOR_STACK (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  n = adw_tab_view_get_n_pages (self->tab_view);
  for (int i = 0; i < n; i++)
    {
      MiEditor *editor = page_editor (adw_tab_view_get_nth_page (self->tab_view, i));
      GFile *other = mi_editor_get_file (editor);

      if (other != NULL && g_file_equal (other, file))
        return editor;
    }
  return NULL;
}

/**
 * mi_editor_stack_open_file:
 * @document: (nullable): the file's MiDocument when the caller has one
 *
 * Shows @file: its tab when it is open already, a new tab otherwise (read
 * in the background; its draft restored if it has one).
 *
 * Returns: (transfer none): the file's editor
 */
MiEditor *
mi_editor_stack_open_file (MiEditorStack *self,
                           GFile         *file,
                           MiDocument    *document)
{
  MiEditor *editor;
  AdwTabPage *page;

  g_return_val_if_fail (MI_IS_EDITOR_STACK (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  editor = mi_editor_stack_find_editor (self, file);
  if (editor != NULL)
    {
      adw_tab_view_set_selected_page (self->tab_view,
                                      adw_tab_view_get_page (self->tab_view, GTK_WIDGET (editor)));
      return editor;
    }

  editor = mi_editor_new ();
  mi_editor_set_drafts (editor, self->drafts);
  if (self->root != NULL)
    mi_editor_set_root (editor, self->root);
  mi_editor_set_mode (editor, self->mode);
  mi_editor_set_show_line_numbers (editor, self->show_line_numbers);

  page = adw_tab_view_append (self->tab_view, GTK_WIDGET (editor));
  g_signal_connect_object (editor, "notify::modified", G_CALLBACK (editor_changed_cb), self, 0);
  g_signal_connect_object (editor, "notify::title", G_CALLBACK (editor_changed_cb), self, 0);
  g_signal_connect_object (editor, "notify::loading", G_CALLBACK (editor_changed_cb), self, 0);
  g_signal_connect_object (editor, "open-file", G_CALLBACK (editor_open_file_cb), self, 0);

  mi_editor_load_async (editor, file, document, NULL, editor_loaded_cb, NULL);
  update_page_title (page);
  adw_tab_page_set_loading (page, TRUE);
  adw_tab_view_set_selected_page (self->tab_view, page);

  return editor;
}

MiEditor *
mi_editor_stack_get_current (MiEditorStack *self)
{
  AdwTabPage *page;

  g_return_val_if_fail (MI_IS_EDITOR_STACK (self), NULL);

  page = adw_tab_view_get_selected_page (self->tab_view);
  return page ? page_editor (page) : NULL;
}

guint
mi_editor_stack_get_n_editors (MiEditorStack *self)
{
  g_return_val_if_fail (MI_IS_EDITOR_STACK (self), 0);

  return adw_tab_view_get_n_pages (self->tab_view);
}

MiEditor *
mi_editor_stack_get_editor (MiEditorStack *self,
                            guint          i)
{
  g_return_val_if_fail (MI_IS_EDITOR_STACK (self), NULL);
  g_return_val_if_fail (i < mi_editor_stack_get_n_editors (self), NULL);

  return page_editor (adw_tab_view_get_nth_page (self->tab_view, i));
}

/* Whether any open file has unsaved changes. */
gboolean
mi_editor_stack_get_modified (MiEditorStack *self)
{
  g_return_val_if_fail (MI_IS_EDITOR_STACK (self), FALSE);

  return self->modified;
}

/* Closes @editor's tab, asking first when it has unsaved changes. */
void
mi_editor_stack_close_editor (MiEditorStack *self,
                              MiEditor      *editor)
{
  AdwTabPage *page;

  g_return_if_fail (MI_IS_EDITOR_STACK (self));
  g_return_if_fail (MI_IS_EDITOR (editor));

  page = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (editor));
  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, page);
}

/* Closing everything */

typedef struct
{
  GPtrArray *editors;   /* modified ones */
  guint      next;
} CloseAllData;

static void
close_all_data_free (CloseAllData *data)
{
  g_ptr_array_unref (data->editors);
  g_free (data);
}

static void
close_every_page (MiEditorStack *self)
{
  self->closing_all = TRUE;
  while (adw_tab_view_get_n_pages (self->tab_view) > 0)
    adw_tab_view_close_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, 0));
  self->closing_all = FALSE;
}

static void save_next (GTask *task);

static void
close_all_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!mi_editor_save_finish (MI_EDITOR (object), result, &error))
    {
      MiEditorStack *self = g_task_get_source_object (task);

      /* Show the file that could not be saved; nothing closes */
      adw_tab_view_set_selected_page (self->tab_view,
                                      adw_tab_view_get_page (self->tab_view, GTK_WIDGET (object)));
      g_task_return_error (task, error);
      return;
    }
  save_next (g_steal_pointer (&task));
}

static void
save_next (GTask *task)
{
  MiEditorStack *self = g_task_get_source_object (task);
  CloseAllData *data = g_task_get_task_data (task);

  if (data->next < data->editors->len)
    {
      MiEditor *editor = g_ptr_array_index (data->editors, data->next++);

      mi_editor_save_async (editor, g_task_get_cancellable (task), close_all_saved_cb, task);
      return;
    }

  close_every_page (self);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
close_all_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GTask            *task)
{
  MiEditorStack *self = g_task_get_source_object (task);
  CloseAllData *data = g_task_get_task_data (task);

  if (g_str_equal (response, "save"))
    {
      save_next (task);
      return;
    }

  if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < data->editors->len; i++)
        mi_editor_forget_draft (g_ptr_array_index (data->editors, i));
      close_every_page (self);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("Closing was cancelled"));
  g_object_unref (task);
}

/**
 * mi_editor_stack_close_all_async:
 * Closes every file, asking once (Save / Discard / Cancel) when some have
 * unsaved changes. Finishes with %TRUE when all are closed; with
 * %G_IO_ERROR_CANCELLED when the user cancelled, or the save error when a
 * file could not be saved (then nothing is closed).
 */
void
mi_editor_stack_close_all_async (MiEditorStack       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  CloseAllData *data;
  AdwMessageDialog *dialog;
  int n;

  g_return_if_fail (MI_IS_EDITOR_STACK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mi_editor_stack_close_all_async);

  data = g_new0 (CloseAllData, 1);
  data->editors = g_ptr_array_new_with_free_func (g_object_unref);
  n = adw_tab_view_get_n_pages (self->tab_view);
  for (int i = 0; i < n; i++)
    {
      MiEditor *editor = page_editor (adw_tab_view_get_nth_page (self->tab_view, i));

      if (mi_editor_get_modified (editor))
        g_ptr_array_add (data->editors, g_object_ref (editor));
    }
  g_task_set_task_data (task, data, (GDestroyNotify) close_all_data_free);

  if (data->editors->len == 0)
    {
      close_every_page (self);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  dialog = question_new (self, data->editors);
  g_signal_connect (dialog, "response", G_CALLBACK (close_all_response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
mi_editor_stack_close_all_finish (MiEditorStack  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mi_editor_stack_restore_drafts:
 * @root: (nullable): only the files below this folder; NULL for all
 *
 * Opens every file (below @root) that has a draft (after a crash): each
 * editor restores its draft and says so. Drafts of other files wait for
 * their own workspace. Returns how many were opened.
 */
guint
mi_editor_stack_restore_drafts (MiEditorStack *self,
                                GFile         *root)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_return_val_if_fail (MI_IS_EDITOR_STACK (self), 0);
  g_return_val_if_fail (root == NULL || G_IS_FILE (root), 0);

  files = mi_drafts_list (self->drafts, &error);
  if (files == NULL)
    {
      g_warning ("Could not list the drafts: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);

      if (root != NULL && !g_file_has_prefix (file, root))
        continue;
      mi_editor_stack_open_file (self, file, NULL);
      n++;
    }
  return n;
}

void
mi_editor_stack_set_drafts (MiEditorStack *self,
                            MiDrafts      *drafts)
{
  g_return_if_fail (MI_IS_EDITOR_STACK (self));
  g_return_if_fail (MI_IS_DRAFTS (drafts));

  g_set_object (&self->drafts, drafts);
}

/* The workspace the files belong to, for [[wikilinks]]. */
void
mi_editor_stack_set_root (MiEditorStack *self,
                          GFile         *root)
{
  g_return_if_fail (MI_IS_EDITOR_STACK (self));

  g_set_object (&self->root, root);
}

MiEditorMode
mi_editor_stack_get_mode (MiEditorStack *self)
{
  g_return_val_if_fail (MI_IS_EDITOR_STACK (self), MI_EDITOR_MODE_SPLIT);

  return self->mode;
}

void
mi_editor_stack_set_mode (MiEditorStack *self,
                          MiEditorMode   mode)
{
  int n;

  g_return_if_fail (MI_IS_EDITOR_STACK (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  n = adw_tab_view_get_n_pages (self->tab_view);
  for (int i = 0; i < n; i++)
    mi_editor_set_mode (page_editor (adw_tab_view_get_nth_page (self->tab_view, i)), mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

gboolean
mi_editor_stack_get_show_line_numbers (MiEditorStack *self)
{
  g_return_val_if_fail (MI_IS_EDITOR_STACK (self), FALSE);

  return self->show_line_numbers;
}

void
mi_editor_stack_set_show_line_numbers (MiEditorStack *self,
                                       gboolean       show)
{
  int n;

  g_return_if_fail (MI_IS_EDITOR_STACK (self));

  if (self->show_line_numbers == !!show)
    return;
  self->show_line_numbers = !!show;
  n = adw_tab_view_get_n_pages (self->tab_view);
  for (int i = 0; i < n; i++)
    mi_editor_set_show_line_numbers (page_editor (adw_tab_view_get_nth_page (self->tab_view, i)), show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LINE_NUMBERS]);
}

AdwTabView *
mi_editor_stack_get_tab_view (MiEditorStack *self)
{
  g_return_val_if_fail (MI_IS_EDITOR_STACK (self), NULL);

  return self->tab_view;
}
