/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The editor as a user sees it: the preview's structure for the fixture
 * documents, task boxes that edit their line, links that open files, drafts
 * that survive a crash, the changed-on-disk bar and its three choices,
 * read-only files, structured edits, tabs and the save question. Saves
 * screenshots of the split view, light and dark, into the build folder.
 */

#include "config.h"

#include <math.h>

#include "mi-ui-test-util.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "mi-editor-stack.h"
#include "mi-editor.h"
#include "mi-preview.h"
#include "mi-test-util.h"

static AdwApplication *app;

/* Helpers */

static char *
fixture_path (const char *name)
{
  return mi_test_source_path ("tests", "fixtures", "editor", name, NULL);
}

static GFile *
write_temp (const char *name,
            const char *content,
            gssize      len)
{
  g_autofree char *path = g_build_filename (mi_ui_test_get_tmp_root (), name, NULL);

  mi_test_write_file (path, content, len);
  return g_file_new_for_path (path);
}

typedef struct
{
  GtkWindow     *window;
  MiEditorStack *stack;
} Fixture;

static void
fixture_open (Fixture *f)
{
  f->window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (f->window, 1200, 760);
  f->stack = MI_EDITOR_STACK (mi_editor_stack_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), GTK_WIDGET (f->stack));
  gtk_window_present (f->window);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (f->window);
  mi_ui_test_flush ();
}

static MiEditor *
open_and_wait (Fixture *f,
               GFile   *file)
{
  MiEditor *editor = mi_editor_stack_open_file (f->stack, file, NULL);

  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  return editor;
}

static void
type_text (MiEditor   *editor,
           const char *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (mi_editor_get_buffer (editor));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &end, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static char *
buffer_text (MiEditor *editor)
{
  return mi_editor_dup_text (editor);
}

/* Widgets */

/* Every block of the editor's document, built as the preview builds rows. */
static GtkWidget *
build_all (MiEditor *editor)
{
  MiRender *render = mi_editor_get_render (editor);
  MiPreview *preview = mi_editor_get_preview (editor);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (render)); i++)
    {
      g_autoptr(MiRenderBlock) block = g_list_model_get_item (G_LIST_MODEL (render), i);

      gtk_box_append (GTK_BOX (box), mi_preview_build_block (preview, block));
    }
  return g_object_ref_sink (box);
}

/* The id of the language a code block's view highlights, or NULL. */
static const char *
get_code_language (GtkTextView *view)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (view));
  GtkSourceLanguage *language = gtk_source_buffer_get_language (buffer);

  return language != NULL ? gtk_source_language_get_id (language) : NULL;
}

static char *
href_of (GtkLabel   *label,
         const char *text)
{
  const char *markup = gtk_label_get_label (label);
  const char *at = strstr (markup, text);
  const char *href;

  g_assert_nonnull (at);
  href = g_strrstr_len (markup, at - markup, "href=\"");
  g_assert_nonnull (href);
  href += strlen ("href=\"");
  return g_strndup (href, strchr (href, '"') - href);
}

/* The message dialog shown, if any. */
static AdwMessageDialog *
find_dialog (void)
{
  return ADW_MESSAGE_DIALOG (mi_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

/* Tests */

static void
test_editor_preview_structure (void)
{
  g_autofree char *path = fixture_path ("showcase.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) pictures = NULL;
  g_autoptr(GtkWidget) all = NULL;
  Fixture f;
  MiEditor *editor;
  GtkGrid *grid;
  GtkLabel *label;

  fixture_open (&f);
  editor = open_and_wait (&f, file);
  g_assert_false (mi_editor_get_read_only (editor));
  g_assert_false (mi_editor_get_modified (editor));

  all = build_all (editor);

  /* The table: 4 rows × 3 columns, header bold, aligned left, centre, right */
  grids = mi_ui_test_collect_widgets (all, GTK_TYPE_GRID, NULL);
  g_assert_cmpuint (grids->len, ==, 1);
  grid = g_ptr_array_index (grids, 0);
  for (int r = 0; r < 4; r++)
    for (int c = 0; c < 3; c++)
      g_assert_nonnull (gtk_grid_get_child_at (grid, c, r));
  g_assert_null (gtk_grid_get_child_at (grid, 3, 0));
  g_assert_null (gtk_grid_get_child_at (grid, 0, 4));
  label = GTK_LABEL (gtk_grid_get_child_at (grid, 0, 0));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Attempt");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "table-header"));
  g_assert_cmpfloat (gtk_label_get_xalign (label), ==, 0.0);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (grid, 1, 2))), ==, 0.5);
  label = GTK_LABEL (gtk_grid_get_child_at (grid, 2, 3));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "850ms");
  g_assert_cmpfloat (gtk_label_get_xalign (label), ==, 1.0);

  /* Code blocks, highlighted by their language, read-only */
  views = mi_ui_test_collect_widgets (all, GTK_SOURCE_TYPE_VIEW, NULL);
  g_assert_cmpuint (views->len, ==, 2);
  g_assert_cmpstr (get_code_language (g_ptr_array_index (views, 0)), ==, "python3");
  g_assert_cmpstr (get_code_language (g_ptr_array_index (views, 1)), ==, "sql");
  g_assert_false (gtk_text_view_get_editable (g_ptr_array_index (views, 0)));

  /* Task items and their state */
  checks = mi_ui_test_collect_widgets (all, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_cmpuint (checks->len, ==, 2);
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 1)));

  /* Raw HTML shown as text, never interpreted */
  label = mi_ui_test_find_label_containing (all, "raw html<span");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "<b>raw html</b>"));
  label = mi_ui_test_find_label_containing (all, "<div class=\"warning\">");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "raw-html"));

  /* Emphasis, strong, code, strikethrough */
  label = mi_ui_test_find_label_containing (all, "<i>emphasis</i>");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<b>strong</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<s>struck</s>"));

  /* Images: PNG and SVG relative to the file */
  pictures = mi_ui_test_collect_widgets (all, GTK_TYPE_PICTURE, NULL);
  g_assert_cmpuint (pictures->len, ==, 2);
  g_assert_nonnull (gtk_picture_get_paintable (g_ptr_array_index (pictures, 0)));
  g_assert_nonnull (gtk_picture_get_paintable (g_ptr_array_index (pictures, 1)));

  /* Broken links are shown as broken */
  label = mi_ui_test_find_label_containing (all, "a missing file");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "broken-link"));
  g_assert_null (strstr (gtk_label_get_label (label), "missing.md\""));

  /* The list view built rows only for what is on screen */
  g_assert_cmpuint (mi_preview_get_n_built (mi_editor_get_preview (editor)), >, 0);

  fixture_close (&f);
}

static void
test_editor_render_fixtures (void)
{
  const char *saga[] = {
    "README.md", "description.md", "implementation-log.md", "test-cases.md",
    "attempts/001-baseline/attempt-results.md", "attempts/002-query-optimization/solution-approach.md",
  };
  Fixture f;

  fixture_open (&f);
  for (guint i = 0; i < G_N_ELEMENTS (saga); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("MI_SOURCE_ROOT"), "resources", "example", "docs",
                                                "meta-issues", "example-performance-saga", saga[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      MiEditor *editor = open_and_wait (&f, file);
      g_autoptr(GtkWidget) all = build_all (editor);
      g_autoptr(GPtrArray) grids = NULL;

      grids = mi_ui_test_collect_widgets (all, GTK_TYPE_GRID, NULL);
      g_test_message ("%s: %u tables", saga[i], grids->len);
      if (i == 0)
        {
          /* The README's timeline: Attempt | Date | Approach | Result */
          GtkGrid *grid;

          g_assert_cmpuint (grids->len, >=, 1);
          grid = g_ptr_array_index (grids, 0);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 3, 0))), ==, "Result");
          g_assert_nonnull (gtk_grid_get_child_at (grid, 0, 3));
        }
    }
  g_assert_cmpuint (mi_editor_stack_get_n_editors (f.stack), ==, G_N_ELEMENTS (saga));
  fixture_close (&f);
}

static void
test_editor_task_toggle (void)
{
  g_autofree char *source = NULL;
  g_autofree char *path = fixture_path ("showcase.md");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkWidget) all = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  Fixture f;
  MiEditor *editor;

  g_file_get_contents (path, &source, NULL, NULL);
  file = write_temp ("tasks.md", source, -1);
  fixture_open (&f);
  editor = open_and_wait (&f, file);

  all = build_all (editor);
  checks = mi_ui_test_collect_widgets (all, GTK_TYPE_CHECK_BUTTON, NULL);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);   /* line 8 */
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), FALSE);  /* line 9 */

  text = buffer_text (editor);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[7], ==, "- [x] write the parser");
  g_assert_cmpstr (lines[8], ==, "- [ ] measure the baseline");
  g_assert_cmpstr (lines[9], ==, "- plain item");
  g_assert_true (mi_editor_get_modified (editor));

  /* An undoable edit like any other */
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (mi_editor_get_buffer (editor)));
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (mi_editor_get_buffer (editor)));
  g_clear_pointer (&text, g_free);
  text = buffer_text (editor);
  g_assert_cmpstr (text, ==, source);

  /* The preview follows */
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  mi_editor_toggle_task (editor, 7);
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  g_clear_object (&all);
  g_clear_pointer (&checks, g_ptr_array_unref);
  all = build_all (editor);
  checks = mi_ui_test_collect_widgets (all, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));

  mi_editor_discard_changes (editor);
  fixture_close (&f);
}

static gboolean
stack_open_file_cb (MiEditorStack *stack,
                    GFile         *file,
                    GFile        **out)
{
  g_set_object (out, file);
  return TRUE;
}

static void
test_editor_links (void)
{
  g_autofree char *path = fixture_path ("showcase.md");
  g_autofree char *notes = fixture_path ("notes.md");
  g_autofree char *patterns = fixture_path ("docs/lessons-learned/process/patterns.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) opened = NULL;
  g_autoptr(GtkWidget) all = NULL;
  g_autofree char *href = NULL;
  GtkLabel *label;
  gboolean handled = FALSE;
  Fixture f;
  MiEditor *editor;

  fixture_open (&f);
  g_signal_connect (f.stack, "open-file", G_CALLBACK (stack_open_file_cb), &opened);
  editor = open_and_wait (&f, file);
  all = build_all (editor);

  /* A relative link */
  label = mi_ui_test_find_label_containing (all, "the notes");
  href = href_of (label, "the notes");
  g_signal_emit_by_name (label, "activate-link", href, &handled);
  g_assert_true (handled);
  g_assert_nonnull (opened);
  g_assert_cmpstr (g_file_peek_path (opened), ==, notes);
  g_clear_object (&opened);
  g_clear_pointer (&href, g_free);

  /* A wikilink, found under docs/ */
  href = href_of (label, "patterns.md#meta-issue-tracking</a>");
  g_signal_emit_by_name (label, "activate-link", href, &handled);
  g_assert_nonnull (opened);
  g_assert_cmpstr (g_file_peek_path (opened), ==, patterns);
  g_clear_object (&opened);

  /* Broken: no link at all */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "broken-link"));
  g_assert_null (strstr (gtk_label_get_label (label), "missing.md"));
  g_assert_null (strstr (gtk_label_get_label (label), "href=\"mi-file:" "nowhere"));

  /* Web links go to the desktop, not to open-file */
  label = mi_ui_test_find_label_containing (all, "gnome.org");
  g_clear_pointer (&href, g_free);
  href = href_of (label, ">link</a>");
  g_assert_cmpstr (href, ==, "mi-web:https://gnome.org");
  label = mi_ui_test_find_label_containing (all, ">ftp</a>");
  g_clear_pointer (&href, g_free);
  href = href_of (label, ">ftp</a>");
  g_assert_cmpstr (href, ==, "mi-other:ftp://example.com/file");

  /* A scheme that is not the web's asks first; Cancel opens nothing. */
  g_assert_null (find_dialog ());
  g_signal_emit_by_name (label, "activate-link", href, &handled);
  g_assert_true (handled);
  {
    AdwMessageDialog *dialog = find_dialog ();

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Open This Link?");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“ftp://example.com/file” is not a web address"));
    g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
    g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "open"), ==, ADW_RESPONSE_DESTRUCTIVE);
    /* As a click does: the response, then the dialog closes. */
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    mi_ui_test_wait_for (no_dialog, NULL);
    g_assert_null (find_dialog ());
  }

  /* Without a handler, the stack opens the file in a tab */
  g_signal_handlers_disconnect_by_func (f.stack, stack_open_file_cb, &opened);
  label = mi_ui_test_find_label_containing (all, "the notes");
  g_clear_pointer (&href, g_free);
  href = href_of (label, "the notes");
  g_signal_emit_by_name (label, "activate-link", href, &handled);
  g_assert_cmpuint (mi_editor_stack_get_n_editors (f.stack), ==, 2);
  g_assert_cmpstr (mi_editor_get_title (mi_editor_stack_get_current (f.stack)), ==, "notes.md");

  fixture_close (&f);
}

static gboolean
draft_exists (gpointer data)
{
  return mi_drafts_load (mi_drafts_get_default (), data, NULL, NULL) != NULL;
}

static gboolean
no_draft (gpointer data)
{
  return !draft_exists (data);
}

static gboolean
is_saved (gpointer editor)
{
  return !mi_editor_get_modified (editor);
}

static void
test_editor_draft_restore (void)
{
  g_autoptr(GFile) file = write_temp ("draft.md", "# Draft\n\nSaved text.\n", -1);
  g_autofree char *typed = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GBytes) leftover = NULL;
  Fixture f;
  MiEditor *editor;

  /* Type, wait for the draft, then go away without saving (a crash) */
  fixture_open (&f);
  editor = mi_editor_stack_open_file (f.stack, file, NULL);
  mi_editor_set_draft_delay (editor, 100);
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  type_text (editor, "Unsaved line.\n");
  typed = buffer_text (editor);
  g_assert_true (mi_ui_test_wait_for (draft_exists, file));
  fixture_close (&f);

  /* The file on disk is untouched */
  saved = mi_test_read_text (g_file_peek_path (file), NULL);
  g_assert_cmpstr (saved, ==, "# Draft\n\nSaved text.\n");

  /* Next start: restored, and said so */
  fixture_open (&f);
  g_assert_cmpuint (mi_editor_stack_restore_drafts (f.stack, NULL), >=, 1);
  editor = mi_editor_stack_find_editor (f.stack, file);
  g_assert_nonnull (editor);
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  g_assert_true (mi_editor_get_draft_restored (editor));
  g_assert_true (mi_editor_get_modified (editor));
  g_assert_nonnull (strstr (mi_editor_get_message (editor), "restored"));
  {
    g_autofree char *now = buffer_text (editor);

    g_assert_cmpstr (now, ==, typed);
  }

  /* Saving writes it and removes the draft */
  mi_editor_save_async (editor, NULL, NULL, NULL);
  g_assert_true (mi_ui_test_wait_for (is_saved, editor));
  g_clear_pointer (&saved, g_free);
  saved = mi_ui_test_wait_for_file (g_file_peek_path (file), "Unsaved line.");
  g_assert_cmpstr (saved, ==, typed);
  mi_ui_test_wait_for (no_draft, file);
  leftover = mi_drafts_load (mi_drafts_get_default (), file, NULL, NULL);
  g_assert_null (leftover);
  g_assert_false (mi_editor_get_draft_restored (editor));
  fixture_close (&f);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} SaveResult;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveResult *r = user_data;

  r->ok = mi_editor_save_finish (MI_EDITOR (object), result, &r->error);
  r->done = TRUE;
}

static gboolean
save_now (MiEditor  *editor,
          GError   **error)
{
  SaveResult r = { 0 };

  mi_editor_save_async (editor, NULL, saved_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

static void
rewrite_externally (GFile      *file,
                    const char *text)
{
  g_autofree char *path = g_file_get_path (file);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static gboolean
showing_disk (gpointer data)
{
  return mi_editor_get_showing_disk (data);
}

static gboolean
conflict_resolved (gpointer data)
{
  return !mi_editor_get_conflict (data);
}

static void
test_editor_conflict (void)
{
  g_autoptr(GFile) file = write_temp ("conflict.md", "# Conflict\n", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *disk = NULL;
  g_autofree char *mine = NULL;
  Fixture f;
  MiEditor *editor;

  fixture_open (&f);
  editor = open_and_wait (&f, file);

  type_text (editor, "\nMy line.\n");
  rewrite_externally (file, "# Conflict\n\nTheir line.\n");

  /* Save refuses, the bar shows, nothing was written */
  g_assert_false (save_now (editor, &error));
  g_assert_error (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_true (mi_editor_get_conflict (editor));
  disk = mi_test_read_text (g_file_peek_path (file), NULL);
  g_assert_cmpstr (disk, ==, "# Conflict\n\nTheir line.\n");
  g_clear_pointer (&disk, g_free);

  /* Show Both: mine stays, theirs is shown beside it, the bar stays */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-both", NULL);
  g_assert_true (mi_ui_test_wait_for (showing_disk, editor));
  g_assert_true (mi_editor_get_conflict (editor));
  mine = buffer_text (editor);
  g_assert_cmpstr (mine, ==, "# Conflict\n\nMy line.\n");
  {
    GtkWidget *disk_view = NULL;
    g_autoptr(GPtrArray) views = NULL;
    GtkTextIter s, e;
    g_autofree char *shown = NULL;

    views = mi_ui_test_collect_widgets (GTK_WIDGET (editor), GTK_SOURCE_TYPE_VIEW, NULL);
    for (guint i = 0; i < views->len; i++)
      if (g_ptr_array_index (views, i) != mi_editor_get_view (editor) &&
          gtk_widget_is_ancestor (g_ptr_array_index (views, i), GTK_WIDGET (editor)) &&
          !gtk_widget_is_ancestor (g_ptr_array_index (views, i), GTK_WIDGET (mi_editor_get_preview (editor))))
        disk_view = g_ptr_array_index (views, i);
    g_assert_nonnull (disk_view);
    g_assert_true (gtk_widget_is_visible (disk_view));
    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (disk_view)), &s, &e);
    shown = gtk_text_iter_get_text (&s, &e);
    g_assert_cmpstr (shown, ==, "# Conflict\n\nTheir line.\n");
  }

  /* Keep Mine: written over theirs */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.keep-mine", NULL);
  g_assert_true (mi_ui_test_wait_for (conflict_resolved, editor));
  g_assert_false (mi_editor_get_modified (editor));
  g_assert_false (mi_editor_get_showing_disk (editor));
  disk = mi_test_read_text (g_file_peek_path (file), NULL);
  g_assert_cmpstr (disk, ==, "# Conflict\n\nMy line.\n");
  g_clear_pointer (&disk, g_free);

  /* And saving works again afterwards */
  type_text (editor, "More.\n");
  g_assert_true (save_now (editor, &error));
  g_assert_no_error (error);

  /* Reload: theirs, and Undo brings mine back */
  type_text (editor, "Mine again.\n");
  rewrite_externally (file, "Theirs again.\n");
  g_assert_false (save_now (editor, &error));
  g_clear_error (&error);
  g_assert_true (mi_editor_get_conflict (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.reload", NULL);
  g_assert_true (mi_ui_test_wait_for (conflict_resolved, editor));
  g_assert_false (mi_editor_get_modified (editor));
  g_clear_pointer (&mine, g_free);
  mine = buffer_text (editor);
  g_assert_cmpstr (mine, ==, "Theirs again.\n");
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (mi_editor_get_buffer (editor)));
  g_clear_pointer (&mine, g_free);
  mine = buffer_text (editor);
  g_assert_cmpstr (mine, ==, "# Conflict\n\nMy line.\nMore.\nMine again.\n");
  disk = mi_test_read_text (g_file_peek_path (file), NULL);
  g_assert_cmpstr (disk, ==, "Theirs again.\n");

  mi_editor_discard_changes (editor);
  fixture_close (&f);
}

static void
test_editor_read_only (void)
{
  g_autofree char *path = fixture_path ("latin1.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Fixture f;
  MiEditor *editor;

  fixture_open (&f);
  editor = open_and_wait (&f, file);
  g_assert_true (mi_editor_get_read_only (editor));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (mi_editor_get_view (editor))));
  g_assert_nonnull (strstr (mi_editor_get_message (editor), "not UTF-8"));
  text = buffer_text (editor);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "# Caf"));
  g_assert_false (save_now (editor, &error));
  g_assert_error (error, MI_DOCUMENT_ERROR, MI_DOCUMENT_ERROR_READ_ONLY);
  g_assert_false (mi_editor_apply_edit (editor, 0, 0, "x"));
  g_clear_error (&error);

  /* Over the size limit: its beginning, read-only */
  {
    gsize size = MI_EDITOR_MAX_SIZE + 1024;
    g_autofree char *big = g_malloc (size);
    g_autoptr(GFile) large = NULL;
    MiEditor *large_editor;

    for (gsize i = 0; i < size; i++)
      big[i] = (i % 64 == 63) ? '\n' : 'a';
    large = write_temp ("large.md", big, size);
    large_editor = open_and_wait (&f, large);
    g_assert_true (mi_editor_get_read_only (large_editor));
    g_assert_nonnull (strstr (mi_editor_get_message (large_editor), "read-only"));
    g_assert_cmpint (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (mi_editor_get_buffer (large_editor))),
                     <=, MI_EDITOR_SHOWN_SIZE);
  }
  fixture_close (&f);
}

static void
test_editor_apply_edit (void)
{
  g_autoptr(GFile) file = write_temp ("edit.md", "\xEF\xBB\xBF**Status:** Open\n\nText.\n", -1);
  g_autofree char *text = NULL;
  Fixture f;
  MiEditor *editor;
  GtkTextBuffer *buffer;

  fixture_open (&f);
  editor = open_and_wait (&f, file);
  buffer = GTK_TEXT_BUFFER (mi_editor_get_buffer (editor));

  /* The user types; a structured edit (file offsets, BOM included) lands */
  type_text (editor, "Typed.\n");
  g_assert_true (mi_editor_apply_edit (editor, 3 + strlen ("**Status:** "), strlen ("Open"), "Resolved"));
  text = buffer_text (editor);
  g_assert_cmpstr (text, ==, "**Status:** Resolved\n\nText.\nTyped.\n");

  /* One undo step: only the structured edit goes */
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  text = buffer_text (editor);
  g_assert_cmpstr (text, ==, "**Status:** Open\n\nText.\nTyped.\n");

  /* The BOM survives a save */
  gtk_text_buffer_redo (buffer);
  g_assert_true (save_now (editor, NULL));
  g_clear_pointer (&text, g_free);
  text = mi_test_read_text (g_file_peek_path (file), NULL);
  g_assert_cmpstr (text, ==, "\xEF\xBB\xBF**Status:** Resolved\n\nText.\nTyped.\n");
  fixture_close (&f);
}

/* As a click does: the response, then the dialog closes. */
static void
respond (const char *response)
{
  AdwMessageDialog *dialog = find_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
closed_all_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SaveResult *r = user_data;

  r->ok = mi_editor_stack_close_all_finish (MI_EDITOR_STACK (object), result, &r->error);
  r->done = TRUE;
}

static gboolean
no_editors (gpointer stack)
{
  return mi_editor_stack_get_n_editors (stack) == 0;
}

static void
test_editor_stack (void)
{
  g_autoptr(GFile) a = write_temp ("a.md", "# A\n\nline two\nline three\n", -1);
  g_autoptr(GFile) b = write_temp ("b.md", "# B\n", -1);
  g_autofree char *text = NULL;
  GtkTextIter iter;
  SaveResult r = { 0 };
  Fixture f;
  MiEditor *ea, *eb;

  fixture_open (&f);
  ea = open_and_wait (&f, a);
  eb = open_and_wait (&f, b);
  g_assert_true (mi_editor_stack_get_current (f.stack) == eb);
  g_assert_true (mi_editor_stack_open_file (f.stack, a, NULL) == ea);
  g_assert_true (mi_editor_stack_get_current (f.stack) == ea);

  /* Each keeps its cursor and undo history */
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (mi_editor_get_buffer (ea)), &iter, 2, 4);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (mi_editor_get_buffer (ea)), &iter);
  type_text (eb, "typed in b\n");
  mi_editor_stack_open_file (f.stack, b, NULL);
  mi_editor_stack_open_file (f.stack, a, NULL);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (mi_editor_get_buffer (ea)), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (mi_editor_get_buffer (ea))));
  g_assert_cmpint (gtk_text_iter_get_line (&iter), ==, 2);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&iter), ==, 4);
  g_assert_true (gtk_text_buffer_get_can_undo (GTK_TEXT_BUFFER (mi_editor_get_buffer (eb))));
  g_assert_true (mi_editor_stack_get_modified (f.stack));

  /* The mode is the stack's */
  mi_editor_stack_set_mode (f.stack, MI_EDITOR_MODE_PREVIEW);
  g_assert_cmpint (mi_editor_get_mode (ea), ==, MI_EDITOR_MODE_PREVIEW);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (mi_editor_get_view (eb))) &&
                  gtk_widget_is_drawable (GTK_WIDGET (mi_editor_get_view (eb))));
  mi_editor_stack_set_mode (f.stack, MI_EDITOR_MODE_SPLIT);

  /* Closing a modified file asks; Cancel keeps it */
  mi_editor_stack_close_editor (f.stack, eb);
  g_assert_true (mi_ui_test_wait_for (dialog_shown, NULL));
  respond ("cancel");
  g_assert_true (mi_ui_test_wait_for (no_dialog, NULL));
  g_assert_cmpuint (mi_editor_stack_get_n_editors (f.stack), ==, 2);

  /* Closing everything asks once; Save saves, then all close */
  mi_editor_stack_close_all_async (f.stack, NULL, closed_all_cb, &r);
  g_assert_true (mi_ui_test_wait_for (dialog_shown, NULL));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog ()), "b.md"));
  respond ("save");
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (mi_editor_stack_get_n_editors (f.stack), ==, 0);
  text = mi_test_read_text (g_file_peek_path (b), NULL);
  g_assert_cmpstr (text, ==, "# B\ntyped in b\n");

  /* Discard: closes, file untouched, no draft left */
  eb = open_and_wait (&f, b);
  type_text (eb, "dropped\n");
  mi_editor_stack_close_editor (f.stack, eb);
  g_assert_true (mi_ui_test_wait_for (dialog_shown, NULL));
  respond ("discard");
  mi_ui_test_wait_for (no_editors, f.stack);
  g_assert_cmpuint (mi_editor_stack_get_n_editors (f.stack), ==, 0);
  g_clear_pointer (&text, g_free);
  text = mi_test_read_text (g_file_peek_path (b), NULL);
  g_assert_cmpstr (text, ==, "# B\ntyped in b\n");
  g_assert_false (draft_exists (b));

  fixture_close (&f);
}

static void
test_editor_search (void)
{
  g_autoptr(GFile) file = write_temp ("search.md", "one two one\nthree one\n", -1);
  g_autofree char *text = NULL;
  GtkWidget *entry = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  Fixture f;
  MiEditor *editor;

  fixture_open (&f);
  editor = open_and_wait (&f, file);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace", NULL);
  entries = mi_ui_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_SEARCH_ENTRY, NULL);
  entry = g_ptr_array_index (entries, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "one");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = mi_ui_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_ENTRY, NULL);
  for (guint i = 0; i < entries->len; i++)
    if (!gtk_widget_is_ancestor (g_ptr_array_index (entries, i), entry) &&
        g_ptr_array_index (entries, i) != (gpointer) entry)
      gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, i)), "1");
  /* The search entry answers a moment after typing: the first of three. */
  g_assert_nonnull (mi_ui_test_wait_for_label (GTK_WIDGET (editor), "1 of 3"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace-all", NULL);
  text = buffer_text (editor);
  g_assert_cmpstr (text, ==, "1 two 1\nthree 1\n");

  /* One undo step */
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (mi_editor_get_buffer (editor)));
  g_clear_pointer (&text, g_free);
  text = buffer_text (editor);
  g_assert_cmpstr (text, ==, "one two one\nthree one\n");

  mi_editor_discard_changes (editor);
  fixture_close (&f);
}

/* Screenshots */

/* A condition: the source is scrolled down, and the preview with it. */
static gboolean
is_scrolled (gpointer editor)
{
  GtkWidget *list = mi_ui_test_find_widget (GTK_WIDGET (mi_editor_get_preview (editor)), GTK_TYPE_LIST_VIEW, NULL);
  GtkAdjustment *source = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (mi_editor_get_view (editor)));

  return gtk_adjustment_get_value (source) > 0 && list != NULL &&
         gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list))) > 0;
}


static void
test_editor_screenshots (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *path = fixture_path ("showcase.md");
  g_autofree char *readme = g_build_filename (g_getenv ("MI_SOURCE_ROOT"), "resources", "example", "docs",
                                              "meta-issues", "example-performance-saga", "README.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) readme_file = g_file_new_for_path (readme);
  Fixture f;
  MiEditor *editor;

  fixture_open (&f);
  mi_editor_stack_set_show_line_numbers (f.stack, TRUE);
  open_and_wait (&f, readme_file);
  editor = open_and_wait (&f, file);
  gtk_paned_set_position (GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (mi_editor_get_preview (editor)),
                                                              GTK_TYPE_PANED)), 560);

  mi_ui_test_save_screenshots (GTK_WIDGET (f.window), "editor-split");

  /* Scrolled to the table, the preview follows */
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (mi_ui_test_wait_for_scheme (editor, "Adwaita-dark"));
  {
    GtkTextIter iter;
    GtkTextBuffer *buffer = GTK_TEXT_BUFFER (mi_editor_get_buffer (editor));
    GtkTextMark *mark;

    /* A mark, not an iter: the lines are measured again in the dark style. */
    gtk_text_buffer_get_iter_at_line (buffer, &iter, 16);
    mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (mi_editor_get_view (editor)), mark, 0, TRUE, 0, 0);
    g_assert_true (mi_ui_test_wait_for (is_scrolled, editor));
    mi_ui_test_save_screenshot (GTK_WIDGET (f.window), "screenshot-editor-scrolled-dark.png");
    gtk_text_buffer_delete_mark (buffer, mark);
  }

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  fixture_close (&f);
}

/* The source is in the desktop's monospace font, and follows it; sizes in
 * points. */
static gboolean
has_font_size (gpointer data)
{
  gpointer *args = data;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (args[0]));
  const PangoFontDescription *desc = pango_context_get_font_description (context);

  double size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;

  /* CSS turns points into pixels at 96 per inch. */
  if (!pango_font_description_get_size_is_absolute (desc))
    size *= 96.0 / 72.0;
  return fabs (size - GPOINTER_TO_INT (args[1]) * 96.0 / 72.0) < 0.5;
}

static void
test_editor_monospace (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  g_autoptr(GSettings) desktop = NULL;
  g_autofree char *path = fixture_path ("showcase.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const PangoFontDescription *desc;
  gpointer args[2];
  GtkSourceView *view;
  MiEditor *editor;
  Fixture f;

  /* build-aux/dev installs gsettings-desktop-schemas. */
  g_assert_nonnull (schema);
  desktop = g_settings_new ("org.gnome.desktop.interface");
  g_settings_set_string (desktop, "monospace-font-name", "DejaVu Sans Mono 15");

  fixture_open (&f);
  editor = open_and_wait (&f, file);
  view = mi_editor_get_view (editor);
  args[0] = view;
  args[1] = GINT_TO_POINTER (15);
  g_assert_true (mi_ui_test_wait_for (has_font_size, args));
  desc = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (view)));
  g_assert_cmpstr (pango_font_description_get_family (desc), ==, "DejaVu Sans Mono");

  g_settings_set_string (desktop, "monospace-font-name", "DejaVu Sans Mono 9");
  args[1] = GINT_TO_POINTER (9);
  g_assert_true (mi_ui_test_wait_for (has_font_size, args));

  g_settings_reset (desktop, "monospace-font-name");
  fixture_close (&f);
}

/* The source's style scheme: Adwaita following light and dark, or the one
 * chosen in the settings, in its own dark or light variant when it names
 * one (classic → classic-dark), as it is otherwise (cobalt). */
static void
test_editor_style_scheme (void)
{
  g_autoptr(GSettings) settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *path = fixture_path ("showcase.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MiEditor *editor;
  Fixture f;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture_open (&f);
  editor = open_and_wait (&f, file);
  g_assert_cmpstr (mi_ui_test_get_scheme_id (editor), ==, "Adwaita");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (mi_ui_test_wait_for_scheme (editor, "Adwaita-dark"));

  g_settings_set_string (settings, "style-scheme", "classic");
  g_assert_true (mi_ui_test_wait_for_scheme (editor, "classic-dark"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (mi_ui_test_wait_for_scheme (editor, "classic"));

  g_settings_set_string (settings, "style-scheme", "cobalt");
  g_assert_true (mi_ui_test_wait_for_scheme (editor, "cobalt"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  mi_ui_test_flush ();
  g_assert_cmpstr (mi_ui_test_get_scheme_id (editor), ==, "cobalt");

  /* A dark scheme that names its light variant: oblivion → tango in the
   * light style. */
  g_settings_set_string (settings, "style-scheme", "oblivion");
  g_assert_true (mi_ui_test_wait_for_scheme (editor, "oblivion"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (mi_ui_test_wait_for_scheme (editor, "tango"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);

  /* Not installed (a scheme from another machine): Adwaita. */
  g_settings_set_string (settings, "style-scheme", "no-such-scheme");
  g_assert_true (mi_ui_test_wait_for_scheme (editor, "Adwaita-dark"));

  g_settings_reset (settings, "style-scheme");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (mi_ui_test_wait_for_scheme (editor, "Adwaita"));
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  mi_ui_test_init (&argc, &argv, "test-editor");

  app = adw_application_new ("io.github.metaissues.MetaIssues.TestEditor", G_APPLICATION_NON_UNIQUE);
  /* The app's style.css, as MiApplication has it */
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/editor/preview-structure", test_editor_preview_structure);
  g_test_add_func ("/editor/monospace", test_editor_monospace);
  g_test_add_func ("/editor/style-scheme", test_editor_style_scheme);
  g_test_add_func ("/editor/render-fixtures", test_editor_render_fixtures);
  g_test_add_func ("/editor/task-toggle", test_editor_task_toggle);
  g_test_add_func ("/editor/links", test_editor_links);
  g_test_add_func ("/editor/draft-restore", test_editor_draft_restore);
  g_test_add_func ("/editor/conflict", test_editor_conflict);
  g_test_add_func ("/editor/read-only", test_editor_read_only);
  g_test_add_func ("/editor/apply-edit", test_editor_apply_edit);
  g_test_add_func ("/editor/stack", test_editor_stack);
  g_test_add_func ("/editor/search", test_editor_search);
  g_test_add_func ("/editor/screenshots", test_editor_screenshots);

  ret = mi_ui_test_run ();
  g_clear_object (&app);

  return ret;
}
