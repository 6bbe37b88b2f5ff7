/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The editor in the window, the Files view, as a user meets it: a file
 * opened, typed in and saved (the bytes on disk, the model read again),
 * its style scheme and mode, structured edits carried into unsaved typing
 * or refused where the typing is, after a failed save and after another
 * program's write, the Attempts view's buttons opening files, the save
 * question when closing, drafts of a crashed session. Saves screenshots
 * (light and dark) of the split editor and its menu.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "mi-issue-page.h"
#include "mi-ui-test-util.h"

/* The editor in the window: the Files view */

static MiFilesView *
get_files_view (MiWindow *window)
{
  return mi_issue_page_get_files_view (MI_ISSUE_PAGE (mi_window_get_issue_page (window)));
}

static gboolean
editor_is_saved (gpointer data)
{
  return !mi_editor_get_modified (data);
}

/* Opens @name from the list of the Files view, as a click would. */
static MiEditor *
open_from_files_view (MiWindow   *window,
                      const char *name)
{
  MiFilesView *files_view = get_files_view (window);
  GtkListBox *list = mi_files_view_get_list (files_view);
  MiEditor *editor;

  mi_ui_test_show_view (window, "files");
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      if (mi_ui_test_find_label (GTK_WIDGET (row), name) != NULL)
        {
          g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
          break;
        }
    }

  editor = mi_editor_stack_get_current (mi_files_view_get_stack (files_view));
  g_assert_nonnull (editor);
  g_assert_cmpstr (mi_editor_get_title (editor), ==, name);
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  g_assert_false (mi_editor_get_read_only (editor));

  return editor;
}

/* Replaces the first @old of the buffer with @new, as typing would. */
static void
type_over (MiEditor   *editor,
           const char *old,
           const char *new)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (mi_editor_get_buffer (editor));
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, old, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &match_start, &match_end);
  gtk_text_buffer_insert (buffer, &match_start, new, -1);
  gtk_text_buffer_end_user_action (buffer);
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
}

static void
save_from_files_view (MiWindow *window,
                      MiEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_files_view (window)), "files.save", NULL));
  g_assert_true (mi_ui_test_wait_for (editor_is_saved, editor));
}

typedef struct
{
  MiIssue    *issue;
  GtkWidget  *page;
  const char *text;
} ModelWait;

static gboolean
overview_shows_abandoned (gpointer data)
{
  ModelWait *wait = data;

  return mi_issue_get_status (wait->issue) == MI_STATUS_ABANDONED &&
         mi_ui_test_find_label_with_class (wait->page, "Abandoned", "status-pill") != NULL;
}

static gboolean
readme_was_read_again (gpointer data)
{
  ModelWait *wait = data;
  const char *text = mi_document_get_text (mi_issue_get_document (wait->issue, MI_ISSUE_FILE_README), NULL);

  return text != NULL && strstr (text, wait->text) != NULL;
}

static char *
dup_buffer_text (MiEditor *editor)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (mi_editor_get_buffer (editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* Open README.md from the Files view, type, save: the bytes on disk are
 * the buffer's, and the Overview shows the new status once the model read
 * the file again. Screenshots of the split editor. */
static void
test_window_editor_save (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1280, 800);
  MiIssue *issue = mi_window_get_issue (window);
  ModelWait wait = { issue, mi_window_get_issue_page (window), NULL };
  MiEditorStack *stack = mi_files_view_get_stack (get_files_view (window));
  g_autofree char *before = mi_ui_test_read_issue_file (folder, "README.md");
  g_autofree char *after = NULL;
  g_autoptr(GString) expected = g_string_new (before);
  MiEditor *editor;

  /* The mode comes from the settings, and goes back to them. */
  g_assert_cmpint (mi_editor_stack_get_mode (stack), ==, MI_EDITOR_MODE_SPLIT);

  editor = open_from_files_view (window, "README.md");
  g_assert_cmpuint (mi_editor_stack_get_n_editors (stack), ==, 1);
  type_over (editor, "**Status:** Resolved (Attempt 003)", "**Status:** Abandoned");
  g_assert_true (mi_editor_get_modified (editor));
  g_assert_true (mi_editor_stack_get_modified (stack));

  mi_ui_test_save_screenshots (GTK_WIDGET (window), "files-split");

  save_from_files_view (window, editor);
  after = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_cmpuint (g_string_replace (expected, "**Status:** Resolved (Attempt 003)", "**Status:** Abandoned", 1), ==, 1);
  g_assert_cmpstr (after, ==, expected->str);

  mi_ui_test_show_view (window, "overview");
  g_assert_true (mi_ui_test_wait_within (overview_shows_abandoned, &wait, 3000));
  g_assert_true (mi_window_get_issue (window) == issue);

  /* A style scheme chosen from the toolbar's menu: remembered, and the
   * open editor follows. The menu lists every installed scheme. */
  {
    g_autoptr(GSettings) settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
    g_autofree char *chosen = NULL;
    GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
    g_autoptr(GPtrArray) menu_buttons = NULL;
    GtkMenuButton *button = NULL;
    GMenuModel *menu;

    menu_buttons = mi_ui_test_collect_widgets (GTK_WIDGET (get_files_view (window)), GTK_TYPE_MENU_BUTTON, NULL);
    for (guint i = 0; i < menu_buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (menu_buttons->pdata[i]), "Style Scheme") == 0)
        button = menu_buttons->pdata[i];
    g_assert_nonnull (button);
    menu = gtk_menu_button_get_menu_model (button);

    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    g_assert_cmpint (g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION)), ==,
                     g_strv_length ((char **) gtk_source_style_scheme_manager_get_scheme_ids (manager)));
    gtk_menu_button_popup (button);
    mi_ui_test_save_screenshots (GTK_WIDGET (gtk_menu_button_get_popover (button)), "scheme-menu");
    gtk_menu_button_popdown (button);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_files_view (window)),
                                               "settings.style-scheme", "s", "kate"));
    chosen = g_settings_get_string (settings, "style-scheme");
    g_assert_cmpstr (chosen, ==, "kate");
    g_assert_true (mi_ui_test_wait_for_scheme (editor, adw_style_manager_get_dark (adw_style_manager_get_default ())
                                                       ? "kate-dark" : "kate"));
    g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (mi_editor_get_buffer (editor))),
                     ==, adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "kate-dark" : "kate");
    g_settings_reset (settings, "style-scheme");
  }

  /* Editor only: remembered per window. Another window keeps its own
   * mode; a window opened next starts with the last one chosen. */
  {
    g_autoptr(GSettings) settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
    g_autofree char *mode = NULL;
    MiWindow *other = mi_ui_test_new_window ();
    MiWindow *next = NULL;

    g_assert_cmpint (mi_editor_stack_get_mode (mi_files_view_get_stack (get_files_view (other))), ==, MI_EDITOR_MODE_SPLIT);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_files_view (window)), "files.mode", "s", "source"));
    g_assert_cmpint (mi_editor_get_mode (editor), ==, MI_EDITOR_MODE_SOURCE);
    mode = g_settings_get_string (settings, "editor-mode");
    g_assert_cmpstr (mode, ==, "source");
    g_assert_cmpint (mi_editor_stack_get_mode (mi_files_view_get_stack (get_files_view (other))), ==, MI_EDITOR_MODE_SPLIT);

    next = mi_ui_test_new_window ();
    g_assert_cmpint (mi_editor_stack_get_mode (mi_files_view_get_stack (get_files_view (next))), ==, MI_EDITOR_MODE_SOURCE);
    mi_ui_test_close_window (next);
    mi_ui_test_close_window (other);

    g_settings_reset (settings, "editor-mode");
    g_assert_cmpint (mi_editor_get_mode (editor), ==, MI_EDITOR_MODE_SOURCE);
  }

  mi_ui_test_close_window (window);
}

/* A structured edit of a file with unsaved changes in the editor: apart
 * from those changes, it is written to disk and carried into the buffer as
 * one more undoable edit, the typing kept and still unsaved; where the
 * typing is, it is refused before anything is written. Saving afterwards
 * meets no conflict. */
static void
test_window_editor_structured_edit (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  MiIssue *issue = mi_window_get_issue (window);
  ModelWait wait = { issue, mi_window_get_issue_page (window), "**Status:** In Progress (Attempt 003)" };
  const char *typed_old = "Multiple solution approaches were required";
  const char *typed_new = "Three solution approaches, typed in the editor, were required";
  const char *refused = "Your unsaved changes to README.md are where this edit writes: "
                        "save or discard them first";
  g_autofree char *before = mi_ui_test_read_issue_file (folder, "README.md");
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GString) expected = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  MiEditor *editor;

  editor = open_from_files_view (window, "README.md");
  buffer = GTK_TEXT_BUFFER (mi_editor_get_buffer (editor));
  type_over (editor, typed_old, typed_new);
  gtk_text_buffer_get_iter_at_line (buffer, &cursor, 30);
  gtk_text_buffer_place_cursor (buffer, &cursor);

  /* Apart from the typing: written, with the status only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "in-progress"));
  mi_ui_test_wait_edits (window);
  text = mi_ui_test_wait_for_issue_file (folder, "README.md", "**Status:** In Progress (Attempt 003)");
  expected = g_string_new (before);
  g_assert_cmpuint (g_string_replace (expected, "**Status:** Resolved (Attempt 003)",
                                      "**Status:** In Progress (Attempt 003)", 1), ==, 1);
  g_assert_cmpstr (text, ==, expected->str);
  g_assert_cmpint (mi_issue_get_status (issue), ==, MI_STATUS_IN_PROGRESS);

  /* The buffer: the file on disk with the typing in it, still unsaved. */
  g_assert_cmpuint (g_string_replace (expected, typed_old, typed_new, 1), ==, 1);
  shown = dup_buffer_text (editor);
  g_assert_cmpstr (shown, ==, expected->str);
  g_assert_true (mi_editor_get_modified (editor));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 30);

  /* One undoable edit: undo takes the status back out of the buffer (not
   * off the disk), the typing stays; redo brings it again. */
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&shown, g_free);
  shown = dup_buffer_text (editor);
  g_assert_nonnull (strstr (shown, "**Status:** Resolved (Attempt 003)"));
  g_assert_nonnull (strstr (shown, typed_new));
  gtk_text_buffer_redo (buffer);
  g_clear_pointer (&shown, g_free);
  shown = dup_buffer_text (editor);
  g_assert_cmpstr (shown, ==, expected->str);

  /* Where the typing is: refused, nothing written, a toast says why. */
  type_over (editor, "**Status:** In Progress", "**Status:** In Review");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "resolved"));
  mi_ui_test_wait_edits (window);
  g_assert_nonnull (mi_ui_test_wait_for_label (GTK_WIDGET (window), refused));
  g_clear_pointer (&text, g_free);
  text = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_nonnull (strstr (text, "**Status:** In Progress (Attempt 003)"));
  g_assert_null (strstr (text, typed_new));
  g_assert_cmpint (mi_issue_get_status (issue), ==, MI_STATUS_IN_PROGRESS);
  g_assert_true (mi_editor_get_modified (editor));
  g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (window), refused));

  /* A save afterwards meets no conflict: the disk is what the buffer
   * carried the edit from. */
  type_over (editor, "**Status:** In Review", "**Status:** In Progress");
  save_from_files_view (window, editor);
  g_assert_false (mi_editor_get_conflict (editor));
  g_clear_pointer (&text, g_free);
  text = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_cmpstr (text, ==, expected->str);
  g_assert_true (mi_ui_test_wait_within (readme_was_read_again, &wait, 3000));

  mi_ui_test_close_window (window);
}

/* The workspace read README.md again: the issue holds a new document for
 * it. The test keeps a reference to the old one, so that no new one can
 * take its address. */
typedef struct
{
  MiIssue    *issue;
  MiDocument *old;
} ReadAgainWait;

static gboolean
readme_document_replaced (gpointer data)
{
  ReadAgainWait *wait = data;

  return mi_issue_get_document (wait->issue, MI_ISSUE_FILE_README) != wait->old;
}

/* There, and resolved as it was: read again if the workspace saw the
 * folder (a new document), or not at all if the file came back before it
 * looked (the same file, inode and time: nothing to read). */
static gboolean
readme_back (gpointer data)
{
  ReadAgainWait *wait = data;
  MiDocument *readme = mi_issue_get_document (wait->issue, MI_ISSUE_FILE_README);

  return mi_document_get_exists (readme) &&
         mi_issue_get_status (wait->issue) == MI_STATUS_RESOLVED;
}

static gboolean
editor_not_saving (gpointer data)
{
  return !mi_editor_get_saving (MI_EDITOR (data));
}

/* A save that failed leaves the typing in the editor's document: a
 * structured edit afterwards still merges from what the disk held, and
 * the typing stays in the buffer. */
static void
test_window_editor_edit_after_failed_save (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  MiIssue *issue = mi_window_get_issue (window);
  g_autoptr(MiDocument) old = g_object_ref (mi_issue_get_document (issue, MI_ISSUE_FILE_README));
  ReadAgainWait wait = { issue, old };
  g_autofree char *readme = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  const char *typed_old = "Multiple solution approaches were required";
  const char *typed_new = "Three solution approaches, typed in the editor, were required";
  MiEditor *editor;

  readme = mi_ui_test_issue_path (folder, "README.md");
  aside = g_strconcat (readme, ".aside", NULL);
  editor = open_from_files_view (window, "README.md");
  type_over (editor, typed_old, typed_new);

  /* README.md is a folder for a moment: the save fails. */
  g_assert_cmpint (g_rename (readme, aside), ==, 0);
  g_assert_cmpint (g_mkdir (readme, 0755), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_files_view (window)), "files.save", NULL));
  g_assert_true (mi_ui_test_wait_for (editor_not_saving, editor));
  g_assert_true (mi_editor_get_modified (editor));
  g_assert_cmpint (g_rmdir (readme), ==, 0);
  g_assert_cmpint (g_rename (aside, readme), ==, 0);
  /* The workspace saw the folder come and go: let it read the file again. */
  g_assert_true (mi_ui_test_wait_within (readme_back, &wait, 3000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "in-progress"));
  mi_ui_test_wait_edits (window);
  text = mi_ui_test_wait_for_issue_file (folder, "README.md", "**Status:** In Progress (Attempt 003)");
  g_assert_nonnull (strstr (text, "**Status:** In Progress (Attempt 003)"));
  g_assert_null (strstr (text, typed_new));

  shown = dup_buffer_text (editor);
  g_assert_nonnull (strstr (shown, typed_new));
  g_assert_nonnull (strstr (shown, "**Status:** In Progress (Attempt 003)"));
  g_assert_true (mi_editor_get_modified (editor));

  /* No draft left for the next test's workspace. */
  mi_editor_discard_changes (editor);
  mi_ui_test_close_window (window);
}

/* Another program rewrites the open file with a byte order mark while the
 * editor holds typing: the structured edit that follows is written, and
 * not carried into the buffer (the editor never saw that file); the
 * buffer keeps exactly the typing, and saving will show the conflict. */
typedef struct
{
  MiEditor   *editor;
  const char *needle;
} BufferWait;

static gboolean
buffer_contains (gpointer data)
{
  BufferWait *wait = data;
  g_autofree char *text = dup_buffer_text (wait->editor);

  return strstr (text, wait->needle) != NULL;
}

/* An open file without unsaved changes follows another program's change
 * (read on a worker), as one undoable edit. */
static void
test_window_editor_follows_disk (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  g_autofree char *readme = NULL;
  g_autofree char *original = NULL;
  g_autoptr(GString) edited = NULL;
  BufferWait wait = { NULL, "Several solution approaches" };
  MiEditor *editor;

  readme = mi_ui_test_issue_path (folder, "README.md");
  original = mi_ui_test_read_issue_file (folder, "README.md");
  editor = open_from_files_view (window, "README.md");
  g_assert_false (mi_editor_get_modified (editor));
  wait.editor = editor;

  edited = g_string_new (original);
  g_assert_cmpuint (g_string_replace (edited, "Multiple solution approaches", "Several solution approaches", 1), ==, 1);
  g_assert_true (g_file_set_contents (readme, edited->str, edited->len, NULL));

  g_assert_true (mi_ui_test_wait_within (buffer_contains, &wait, 3000));
  g_assert_false (mi_editor_get_modified (editor));
  {
    g_autofree char *shown = dup_buffer_text (editor);

    g_assert_cmpstr (shown, ==, edited->str);
  }

  mi_ui_test_close_window (window);
}

static void
test_window_editor_edit_after_external_change (void)
{
  g_autoptr(GFile) folder = NULL;
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  MiIssue *issue = mi_window_get_issue (window);
  g_autoptr(MiDocument) old = NULL;
  ReadAgainWait wait = { issue, NULL };
  g_autofree char *readme = NULL;
  g_autofree char *original = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  MiEditor *editor;

  readme = mi_ui_test_issue_path (folder, "README.md");
  original = mi_ui_test_read_issue_file (folder, "README.md");
  editor = open_from_files_view (window, "README.md");
  type_over (editor, "Multiple solution approaches", "Several solution approaches");
  typed = dup_buffer_text (editor);

  with_bom = g_strconcat ("\xEF\xBB\xBF", original, NULL);
  old = g_object_ref (mi_issue_get_document (issue, MI_ISSUE_FILE_README));
  wait.old = old;
  g_assert_true (g_file_set_contents (readme, with_bom, -1, NULL));
  /* Read again by the workspace (a new document), not by asking the old
   * one for its text (that would find it changed, and refuse edits). */
  g_assert_true (mi_ui_test_wait_within (readme_document_replaced, &wait, 3000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "s", "in-progress"));
  mi_ui_test_wait_edits (window);
  text = mi_ui_test_wait_for_issue_file (folder, "README.md", "**Status:** In Progress (Attempt 003)");
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (text, "**Status:** In Progress (Attempt 003)"));

  shown = dup_buffer_text (editor);
  g_assert_cmpstr (shown, ==, typed);
  g_assert_true (mi_editor_get_modified (editor));

  /* Saving meets the conflict instead of writing over the edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_files_view (window)), "files.save", NULL));
  g_assert_true (mi_ui_test_wait_for (editor_not_saving, editor));
  g_assert_true (mi_editor_get_conflict (editor));
  g_clear_pointer (&text, g_free);
  text = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_nonnull (strstr (text, "**Status:** In Progress (Attempt 003)"));

  /* No draft left for the next test's workspace. */
  mi_editor_discard_changes (editor);
  mi_ui_test_close_window (window);
}

static gboolean
approach_button_is_shown (gpointer data)
{
  GtkWidget *button = mi_ui_test_find_button_with_tooltip (data, "Open the Solution Approach");

  return button != NULL && gtk_widget_get_mapped (button);
}

/* The Attempts view's buttons open the attempt's files in the editor. */
static void
test_window_editor_attempt_file (void)
{
  MiWindow *window = mi_ui_test_open_example_copy (NULL, 1100, 760);
  MiIssuePage *page = MI_ISSUE_PAGE (mi_window_get_issue_page (window));
  MiEditorStack *stack = mi_files_view_get_stack (get_files_view (window));
  g_autofree char *uri = NULL;
  MiAttempt *attempt;
  GtkWidget *button;
  MiEditor *editor;

  mi_ui_test_show_view (window, "attempts");
  g_assert_true (mi_ui_test_wait_for (approach_button_is_shown, mi_issue_page_get_attempts_view (page)));
  attempt = mi_issue_find_attempt (mi_window_get_issue (window), mi_issue_page_get_selected_attempt (page));
  g_assert_nonnull (attempt);

  button = mi_ui_test_find_button_with_tooltip (GTK_WIDGET (mi_issue_page_get_attempts_view (page)), "Open the Solution Approach");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (mi_issue_page_get_stack (page)), ==, "files");
  g_assert_cmpuint (mi_editor_stack_get_n_editors (stack), ==, 1);
  editor = mi_editor_stack_get_current (stack);
  g_assert_true (g_file_equal (mi_editor_get_file (editor), mi_attempt_get_approach_file (attempt)));
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  g_assert_cmpstr (mi_editor_get_title (editor), ==, "solution-approach.md");

  /* The results file: a second tab; the first again: the same tab. */
  mi_ui_test_show_view (window, "attempts");
  button = mi_ui_test_find_button_with_tooltip (GTK_WIDGET (mi_issue_page_get_attempts_view (page)), "Open the Attempt Results");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (mi_editor_stack_get_n_editors (stack), ==, 2);
  g_assert_true (g_file_equal (mi_editor_get_file (mi_editor_stack_get_current (stack)),
                               mi_attempt_get_results_file (attempt)));
  uri = g_file_get_uri (mi_attempt_get_approach_file (attempt));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", uri));
  g_assert_cmpuint (mi_editor_stack_get_n_editors (stack), ==, 2);
  g_assert_true (mi_editor_stack_get_current (stack) == editor);

  mi_ui_test_close_window (window);
}

static gboolean
save_question_shown (gpointer data)
{
  return mi_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "mi-save-question") != NULL;
}

/* Whether the drafts folder holds @data (a guint) drafts. */
static gboolean
n_drafts_is (gpointer data)
{
  g_autoptr(GPtrArray) drafts = mi_drafts_list (mi_drafts_get_default (), NULL);

  return drafts != NULL && drafts->len == GPOINTER_TO_UINT (data);
}

static void
answer_save_question (const char *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (mi_ui_test_wait_for (save_question_shown, NULL));
  dialog = ADW_MESSAGE_DIALOG (mi_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "mi-save-question"));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  mi_ui_test_flush ();
}

/* Closing the window, or opening another workspace, with unsaved text
 * asks; Cancel keeps everything, Discard closes. */
static void
test_window_editor_close (void)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) other = mi_ui_test_make_folder ("other");
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  MiWorkspace *workspace = mi_window_get_workspace (window);
  g_autofree char *before = mi_ui_test_read_issue_file (folder, "README.md");
  g_autofree char *text = NULL;
  MiEditor *editor;

  editor = open_from_files_view (window, "README.md");
  type_over (editor, "**Status:** Resolved (Attempt 003)", "**Status:** Open");

  /* Another workspace: asks; Cancel keeps this one. */
  mi_window_open (window, other);
  answer_save_question ("cancel");
  g_assert_true (mi_window_get_workspace (window) == workspace);
  g_assert_false (mi_window_get_busy (window));
  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");
  g_assert_true (mi_editor_get_modified (editor));

  /* Close: asks; Cancel keeps the window and the text. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  answer_save_question ("cancel");
  g_assert_true (mi_ui_test_is_toplevel (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (mi_editor_get_modified (editor));

  /* Close again: Discard closes, the file keeps its bytes. */
  gtk_window_close (GTK_WINDOW (window));
  answer_save_question ("discard");
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_is_gone, window));
  g_object_unref (window);

  text = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_cmpstr (text, ==, before);
  /* Nor is a draft of the text left. */
  g_assert_true (mi_ui_test_wait_for (n_drafts_is, GUINT_TO_POINTER (0)));
}

/* Opening another workspace with unsaved text, Discard: the file keeps
 * its bytes and the other workspace opens. */
static void
test_window_editor_open_discard (void)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) other = NULL;
  g_autoptr(GFile) src = mi_ui_test_source_file ("resources", "example", NULL);
  MiWindow *window = mi_ui_test_open_example_copy (&folder, 1100, 760);
  g_autofree char *before = mi_ui_test_read_issue_file (folder, "README.md");
  g_autofree char *text = NULL;
  MiEditor *editor;

  other = mi_ui_test_make_folder ("other");
  mi_ui_test_copy_tree (src, other);
  editor = open_from_files_view (window, "README.md");
  type_over (editor, "**Status:** Resolved (Attempt 003)", "**Status:** Open");

  mi_window_open (window, other);
  answer_save_question ("discard");
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_window_is_idle, window));
  g_assert_true (g_file_equal (mi_workspace_get_root (mi_window_get_workspace (window)), other));
  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");

  text = mi_ui_test_read_issue_file (folder, "README.md");
  g_assert_cmpstr (text, ==, before);

  mi_ui_test_close_window (window);
}

/* Unsaved text of a crashed session opens at startup, and a toast says so. */
static void
test_window_editor_drafts (void)
{
  g_autoptr(GFile) src = mi_ui_test_source_file ("resources", "example", NULL);
  g_autoptr(GFile) folder = mi_ui_test_make_folder ("drafts");
  g_autoptr(GFile) readme = NULL;
  g_autoptr(GFile) other = NULL;
  g_autoptr(GFile) elsewhere = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  const char *draft = "# A draft nobody saved\n";
  MiEditorStack *stack;
  MiWindow *window;
  MiEditor *editor;

  mi_ui_test_copy_tree (src, folder);
  readme = g_file_resolve_relative_path (folder, "docs/meta-issues/example-performance-saga/README.md");
  g_assert_true (mi_drafts_save (mi_drafts_get_default (), readme, draft, strlen (draft), &error));
  g_assert_no_error (error);
  /* A draft of a file of another workspace: it waits for that one. */
  other = mi_ui_test_make_folder ("elsewhere");
  elsewhere = g_file_resolve_relative_path (other, "notes.md");
  g_assert_true (g_file_replace_contents (elsewhere, "# Notes\n", 8, NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_true (mi_drafts_save (mi_drafts_get_default (), elsewhere, draft, strlen (draft), &error));
  g_assert_no_error (error);

  window = mi_ui_test_new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  mi_ui_test_open_and_wait (window, folder);

  stack = mi_files_view_get_stack (get_files_view (window));
  g_assert_cmpuint (mi_editor_stack_get_n_editors (stack), ==, 1);
  editor = mi_editor_stack_get_editor (stack, 0);
  g_assert_true (g_file_equal (mi_editor_get_file (editor), readme));
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_editor_is_ready, editor));
  g_assert_true (mi_editor_get_draft_restored (editor));
  g_assert_true (mi_editor_get_modified (editor));
  {
    g_autofree char *shown = dup_buffer_text (editor);

    g_assert_cmpstr (shown, ==, draft);
  }
  g_assert_nonnull (mi_ui_test_find_label (GTK_WIDGET (window), "Unsaved changes to 1 file were restored"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (mi_issue_page_get_stack (MI_ISSUE_PAGE (mi_window_get_issue_page (window)))),
                   ==, "files");

  /* Links of the preview: a markdown file of the workspace opens here,
   * a folder with its README. */
  {
    g_autoptr(GFile) description = g_file_resolve_relative_path (folder, "docs/meta-issues/example-performance-saga/description.md");
    g_autoptr(GFile) issue_folder = g_file_get_parent (readme);
    gboolean handled = TRUE;

    g_signal_emit_by_name (stack, "open-file", description, &handled);
    g_assert_false (handled);
    handled = FALSE;
    g_signal_emit_by_name (stack, "open-file", issue_folder, &handled);
    g_assert_true (handled);
    g_assert_true (mi_editor_stack_get_current (stack) == editor);
  }

  /* Discarded: the draft goes; the other workspace's stays. */
  mi_editor_discard_changes (editor);
  g_assert_true (mi_ui_test_wait_for (n_drafts_is, GUINT_TO_POINTER (1)));
  left = mi_drafts_list (mi_drafts_get_default (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_true (g_file_equal (g_ptr_array_index (left, 0), elsewhere));
  g_assert_true (mi_drafts_remove (mi_drafts_get_default (), elsewhere, &error));
  g_assert_no_error (error);

  mi_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  mi_ui_test_init (&argc, &argv, "test-window-editor");

  g_test_add_func ("/window/editor-save", test_window_editor_save);
  g_test_add_func ("/window/editor-structured-edit", test_window_editor_structured_edit);
  g_test_add_func ("/window/editor-edit-after-failed-save", test_window_editor_edit_after_failed_save);
  g_test_add_func ("/window/editor-edit-after-external-change", test_window_editor_edit_after_external_change);
  g_test_add_func ("/window/editor-follows-disk", test_window_editor_follows_disk);
  g_test_add_func ("/window/editor-attempt-file", test_window_editor_attempt_file);
  g_test_add_func ("/window/editor-close", test_window_editor_close);
  g_test_add_func ("/window/editor-open-discard", test_window_editor_open_discard);
  g_test_add_func ("/window/editor-drafts", test_window_editor_drafts);

  return mi_ui_test_run ();
}
