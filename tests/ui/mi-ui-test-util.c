/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-ui-test-util"

#include "config.h"

#include <string.h>

#include "mi-editor.h"
#include "mi-issue-page.h"
#include "mi-issue-row.h"
#include "mi-ui-test-util.h"

/*
 * What the UI tests share: the test program's set-up (a display, a data
 * folder of its own, the application), waiting on the main loop for what a
 * test needs to see, finding widgets as a user would (shown, by type, style
 * class or text), screenshots, and the main window's fixture: a window on a
 * copy of a workspace, its pages, the sidebar's rows. The files themselves
 * are mi-test-util's.
 */

/* How long a condition may take to come true, even on a busy machine. */
#define WAIT_TIMEOUT_MS 15000

/* How often a wait looks at its condition when nothing else wakes the main
 * loop up (a file written by a thread, a clock that moves on). */
#define WAIT_POLL_MS 10

static char *tmp_root;
static MiApplication *app;

const MiUiTestFixture mi_ui_test_fixtures[] = {
  { "aligned-table", "Slow Cold Start", "Resolved", "resolved", "3 attempts" },
  { "lowercase-words", "Flaky CI", "In Progress", "in-progress", "2 attempts" },
  { "readme-only", "Just Started", "Open", "open", "0 attempts" },
  { "extra-sections", "Search Relevance Regression", "Superseded", "superseded", "2 attempts" },
  { "missing-files", "Thumbnail Worker Memory Leak", "Abandoned", "abandoned", "2 attempts" },
};
const guint mi_ui_test_n_fixtures = G_N_ELEMENTS (mi_ui_test_fixtures);

/* ---------------------------------------------------------------------- */
/* The test program                                                        */

/* GTK 4.8's GtkShortcutLabel measures its "+" separators below zero in
 * Adwaita (fixed in later GTK): not ours to fail on. */
static gboolean
log_fatal_cb (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  if (g_strcmp0 (log_domain, "Gtk") == 0 && strstr (message, "reported min width") != NULL)
    return FALSE;

  return TRUE;
}

/*
 * Sets up a UI test program called @name: a temporary folder of its own
 * with the user's data folder (drafts, the installed example) and home
 * (nobody's git configuration) in it, the display, libadwaita. Call it
 * first thing in main().
 */
void
mi_ui_test_init (int          *argc,
                 char       ***argv,
                 const char   *name)
{
  g_autofree char *prefix = g_strconcat ("mi-", name, NULL);
  g_autofree char *home = NULL;

  /* Before anything asks GLib or git for the user's folders. */
  tmp_root = mi_test_make_data_home (prefix);
  home = g_build_filename (tmp_root, "home", NULL);
  mi_test_isolate_git (home);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_test_log_set_fatal_handler (log_fatal_cb, NULL);
}

/* Runs the tests, then lets the application go and removes the folder. */
int
mi_ui_test_run (void)
{
  int ret = g_test_run ();

  if (app != NULL)
    {
      g_application_release (G_APPLICATION (app));
      g_clear_object (&app);
    }

  mi_test_remove_tree (tmp_root);
  g_clear_pointer (&tmp_root, g_free);

  return ret;
}

/* The test program's folder, removed when the tests end. */
const char *
mi_ui_test_get_tmp_root (void)
{
  g_assert_nonnull (tmp_root);
  return tmp_root;
}

/* The application the windows belong to: registered, not unique, held. */
MiApplication *
mi_ui_test_get_application (void)
{
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    return app;

  app = mi_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  return app;
}

/* ---------------------------------------------------------------------- */
/* Files                                                                   */

/* A new folder "@name-XXXXXX" in the test program's folder. */
GFile *
mi_ui_test_make_folder (const char *name)
{
  g_autofree char *path = mi_test_make_tmp (mi_ui_test_get_tmp_root (), name);

  return g_file_new_for_path (path);
}

/* $MI_SOURCE_ROOT/first/… */
GFile *
mi_ui_test_source_file (const char *first,
                        ...)
{
  const char *root = g_getenv ("MI_SOURCE_ROOT");
  g_autoptr(GFile) file = NULL;
  va_list args;

  g_assert_nonnull (root);
  file = g_file_new_for_path (root);
  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      GFile *child = g_file_get_child (file, name);

      g_object_unref (file);
      file = child;
    }
  va_end (args);

  return g_steal_pointer (&file);
}

/* The trees of mi-test-util, for GFiles. */
void
mi_ui_test_copy_tree (GFile *src,
                      GFile *dest)
{
  mi_test_copy_dir (g_file_peek_path (src), g_file_peek_path (dest));
}

void
mi_ui_test_remove_tree (GFile *file)
{
  mi_test_remove_tree (g_file_peek_path (file));
}

/* A new folder @name with each fixture's meta-issue (and the example's,
 * when @with_example) in its docs/meta-issues. */
GFile *
mi_ui_test_make_several (const char *name,
                         gboolean    with_example)
{
  GFile *folder = mi_ui_test_make_folder (name);
  g_autoptr(GFile) issues = g_file_resolve_relative_path (folder, "docs/meta-issues");

  for (guint i = 0; i < mi_ui_test_n_fixtures; i++)
    {
      const char *fixture = mi_ui_test_fixtures[i].fixture;
      g_autoptr(GFile) src = mi_ui_test_source_file ("tests", "fixtures", fixture, "docs", "meta-issues",
                                                     NULL);

      mi_ui_test_copy_tree (src, issues);
    }

  if (with_example)
    {
      g_autoptr(GFile) src = mi_ui_test_source_file ("resources", "example", "docs", "meta-issues",
                                                     NULL);

      mi_ui_test_copy_tree (src, issues);
    }

  return folder;
}

/* ---------------------------------------------------------------------- */
/* The main loop                                                           */

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
on_poll_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until @condition holds; FALSE after @ms. The
 * condition is looked at after each event, and every few milliseconds. */
gboolean
mi_ui_test_wait_within (MiUiTestCondition condition,
                        gpointer          data,
                        guint             ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, on_timeout_cb, &timed_out);
  guint poll_id = g_timeout_add (WAIT_POLL_MS, on_poll_cb, NULL);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_source_remove (poll_id);

  return condition (data);
}

/* Runs the main context until @condition holds; FALSE after 15 s. */
gboolean
mi_ui_test_wait_for (MiUiTestCondition condition,
                     gpointer          data)
{
  return mi_ui_test_wait_within (condition, data, WAIT_TIMEOUT_MS);
}

/* Lets GTK handle what is pending now (events, idle callbacks, a destroyed
 * window's unmapping): runs the main context until nothing is left. */
void
mi_ui_test_flush (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* A condition: @widget is shown on the screen. */
gboolean
mi_ui_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

typedef struct
{
  const char *path;
  const char *needle;
} FileWait;

static gboolean
file_holds (gpointer data)
{
  FileWait *wait = data;
  g_autofree char *text = mi_test_read_file (wait->path, NULL);

  return text != NULL && strstr (text, wait->needle) != NULL;
}

/* Waits until the file at @path holds @needle (an edit written, by the app
 * or by another program); returns its text then, or as it is after 15 s
 * (NULL when there is none), for the test's own assertions to fail on. */
char *
mi_ui_test_wait_for_file (const char *path,
                          const char *needle)
{
  FileWait wait = { path, needle };

  if (!mi_ui_test_wait_for (file_holds, &wait))
    g_test_message ("%s does not hold “%s”", path, needle);

  return mi_test_read_file (path, NULL);
}

/* ---------------------------------------------------------------------- */
/* Widgets                                                                 */

static void
collect_into (GtkWidget  *root,
              GType       type,
              const char *css_class,
              GPtrArray  *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_into (child, type, css_class, out);
}

/* The visible widgets of @type (with @css_class, unless NULL) below @root,
 * @root included, in widget order. */
GPtrArray *
mi_ui_test_collect_widgets (GtkWidget  *root,
                            GType       type,
                            const char *css_class)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_into (root, type, css_class, out);
  return out;
}

/* The first of mi_ui_test_collect_widgets(), or NULL. */
GtkWidget *
mi_ui_test_find_widget (GtkWidget  *root,
                        GType       type,
                        const char *css_class)
{
  g_autoptr(GPtrArray) found = mi_ui_test_collect_widgets (root, type, css_class);

  return found->len > 0 ? found->pdata[0] : NULL;
}

/* How many visible widgets of @type (with @css_class, unless NULL) the
 * list view of style class @list_class below @root shows: its rows are
 * made as it is laid out. 0 while it is not on the screen. */
guint
mi_ui_test_count_in_list (GtkWidget  *root,
                          const char *list_class,
                          GType       type,
                          const char *css_class)
{
  GtkWidget *list = mi_ui_test_find_widget (root, GTK_TYPE_LIST_VIEW, list_class);
  g_autoptr(GPtrArray) found = NULL;

  if (list == NULL || !gtk_widget_get_mapped (list))
    return 0;

  found = mi_ui_test_collect_widgets (list, type, css_class);
  return found->len;
}

/* The visible label below @root that reads @text (its markup), or NULL. */
GtkWidget *
mi_ui_test_find_label (GtkWidget  *root,
                       const char *text)
{
  g_autoptr(GPtrArray) labels = mi_ui_test_collect_widgets (root, GTK_TYPE_LABEL, NULL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      return labels->pdata[i];

  return NULL;
}

/* The visible label below @root whose markup contains @text, or NULL. */
GtkLabel *
mi_ui_test_find_label_containing (GtkWidget  *root,
                                  const char *text)
{
  g_autoptr(GPtrArray) labels = mi_ui_test_collect_widgets (root, GTK_TYPE_LABEL, NULL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (labels->pdata[i]), text) != NULL)
      return labels->pdata[i];

  return NULL;
}

/* The label below @root, shown on the screen, of @css_class that reads
 * @text, or NULL. */
GtkLabel *
mi_ui_test_find_label_with_class (GtkWidget  *root,
                                  const char *text,
                                  const char *css_class)
{
  g_autoptr(GPtrArray) labels = mi_ui_test_collect_widgets (root, GTK_TYPE_LABEL, css_class);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      return labels->pdata[i];

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  GtkWidget  *found;
} LabelWait;

static gboolean
label_is_shown (gpointer data)
{
  LabelWait *wait = data;

  wait->found = mi_ui_test_find_label (wait->root, wait->text);
  return wait->found != NULL && gtk_widget_get_mapped (wait->found);
}

/* Waits until a label below @root that reads @text is on the screen (rows
 * of list views are made when they are laid out); returns it, or NULL
 * after 15 s. */
GtkWidget *
mi_ui_test_wait_for_label (GtkWidget  *root,
                           const char *text)
{
  LabelWait wait = { root, text, NULL };

  if (!mi_ui_test_wait_for (label_is_shown, &wait))
    {
      g_test_message ("no label “%s” shown", text);
      return NULL;
    }

  return wait.found;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  const char *css_class;
  GtkLabel   *found;
} ClassWait;

static gboolean
label_with_class_is_shown (gpointer data)
{
  ClassWait *wait = data;

  wait->found = mi_ui_test_find_label_with_class (wait->root, wait->text, wait->css_class);
  return wait->found != NULL;
}

/* Waits until a label of @css_class that reads @text is on the screen below
 * @root; returns it, or NULL after 15 s. */
GtkLabel *
mi_ui_test_wait_for_label_with_class (GtkWidget  *root,
                                      const char *text,
                                      const char *css_class)
{
  ClassWait wait = { root, text, css_class, NULL };

  if (!mi_ui_test_wait_for (label_with_class_is_shown, &wait))
    {
      g_test_message ("no label “%s” of class %s shown", text, css_class);
      return NULL;
    }

  return wait.found;
}

/* The visible button below @root whose tooltip reads @tooltip, or NULL. */
GtkWidget *
mi_ui_test_find_button_with_tooltip (GtkWidget  *root,
                                     const char *tooltip)
{
  g_autoptr(GPtrArray) buttons = mi_ui_test_collect_widgets (root, GTK_TYPE_BUTTON, NULL);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), tooltip) == 0)
      return buttons->pdata[i];

  return NULL;
}

/* The first visible toplevel window of @type (with @css_class, unless
 * NULL), or NULL: a dialog, the about window. */
GtkWindow *
mi_ui_test_find_toplevel (GType       type,
                          const char *css_class)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (toplevel) &&
          (css_class == NULL || gtk_widget_has_css_class (toplevel, css_class)))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

/* Whether @window is still one of the toplevels (not destroyed). */
gboolean
mi_ui_test_is_toplevel (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == G_OBJECT (window))
        return TRUE;
    }

  return FALSE;
}

/* A condition: @window is no longer one of the toplevels. */
gboolean
mi_ui_test_is_gone (gpointer window)
{
  return !mi_ui_test_is_toplevel (window);
}

/* ---------------------------------------------------------------------- */
/* Screenshots                                                             */

/* How far in from its edges a screenshot is looked at: a window's frame,
 * its border and rounded corners, is drawn before anything else is. */
#define SCREENSHOT_INSET 8

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Draws @widget's window again and waits until the frame is painted. */
static gboolean
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (frame_clock);
  id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  mi_ui_test_wait_for (is_true, &painted);
  g_signal_handler_disconnect (frame_clock, id);

  return painted;
}

/* The widget below @widget (itself included) that is in the middle of a
 * transition, or NULL: a stack's crossfade advances a frame at a time, and
 * a snapshot taken before its first frame shows the page it leaves. */
static GtkWidget *
find_transition (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if ((GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget))) ||
      (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget))) ||
      (ADW_IS_SQUEEZER (widget) && adw_squeezer_get_transition_running (ADW_SQUEEZER (widget))) ||
      (GTK_IS_REVEALER (widget) &&
       gtk_revealer_get_reveal_child (GTK_REVEALER (widget)) !=
       gtk_revealer_get_child_revealed (GTK_REVEALER (widget))))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_transition (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What @widget shows now, rendered by its window's renderer; NULL when it
 * has no size yet. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GdkTexture *texture;

  if (width <= 0 || height <= 0)
    return NULL;

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  return texture;
}

/* The pixels of @texture, 4 bytes each (Cairo's ARGB32), rows of
 * @stride_out bytes. */
static guchar *
download_texture (GdkTexture *texture,
                  gsize      *stride_out)
{
  gsize stride = (gsize) gdk_texture_get_width (texture) * 4;
  guchar *data = g_malloc (stride * gdk_texture_get_height (texture));

  gdk_texture_download (texture, data, stride);
  *stride_out = stride;

  return data;
}

/* Whether @texture shows one colour only, inside its frame. */
static gboolean
is_blank (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  int inset = width > 4 * SCREENSHOT_INSET && height > 4 * SCREENSHOT_INSET ? SCREENSHOT_INSET : 0;
  gsize stride;
  g_autofree guchar *data = download_texture (texture, &stride);
  guint32 first;

  memcpy (&first, data + inset * stride + inset * 4, 4);
  for (int y = inset; y < height - inset; y++)
    for (int x = inset; x < width - inset; x++)
      if (memcmp (data + y * stride + x * 4, &first, 4) != 0)
        return FALSE;

  return TRUE;
}

/* Asserts that @texture (the screenshot @name) shows something: more than
 * one colour inside its window's frame. */
void
mi_ui_test_assert_not_blank (GdkTexture *texture,
                             const char *name)
{
  if (is_blank (texture))
    g_error ("%s is blank: one colour, %d x %d", name,
             gdk_texture_get_width (texture), gdk_texture_get_height (texture));
}

/* Asserts that the screenshots @a and @b (of @name, in two styles) are not
 * the same picture. */
static void
assert_differ (GdkTexture *a,
               GdkTexture *b,
               const char *name)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  g_autofree guchar *a_data = NULL;
  g_autofree guchar *b_data = NULL;
  gsize stride;

  if (width != gdk_texture_get_width (b) || height != gdk_texture_get_height (b))
    return;

  a_data = download_texture (a, &stride);
  b_data = download_texture (b, &stride);
  if (memcmp (a_data, b_data, stride * height) == 0)
    g_error ("The screenshots of %s are the same in both styles", name);
}

/*
 * Saves what @widget shows as @name (a PNG) in the build folder of the tests,
 * as an artefact to look at, and returns it. It waits for a frame of the
 * widget's window drawn after the call, so that what changed before it (a
 * page, a style, a scroll) is laid out and drawn, and for the transitions
 * below the widget to end; a frame that is still blank is waited out. The
 * test fails when there is none within 15 s, or when the widget stays blank.
 */
static GdkTexture *
take_screenshot (GtkWidget  *widget,
                 const char *name)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_MS * 1000;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (!mi_ui_test_wait_for (mi_ui_test_is_mapped, widget))
    g_error ("%s: the %s is not shown", name, G_OBJECT_TYPE_NAME (widget));

  do
    {
      GtkWidget *moving;

      if (!wait_for_frame (widget))
        g_error ("%s: the %s's window drew no frame within 15 s", name, G_OBJECT_TYPE_NAME (widget));

      moving = find_transition (widget);
      if (moving != NULL)
        {
          if (g_get_monotonic_time () > deadline)
            g_error ("%s: a %s is still in transition after 15 s", name, G_OBJECT_TYPE_NAME (moving));
          continue;
        }

      g_clear_object (&texture);
      texture = render_widget (widget);
    }
  while ((texture == NULL || is_blank (texture)) && g_get_monotonic_time () < deadline);

  if (texture == NULL)
    g_error ("%s: the %s drew nothing within 15 s", name, G_OBJECT_TYPE_NAME (widget));
  mi_ui_test_assert_not_blank (texture, name);

  path = g_build_filename (g_test_get_dir (G_TEST_BUILT), name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return g_steal_pointer (&texture);
}

/* Saves what @widget shows as @name (a PNG) in the build folder of the
 * tests, once drawn: see take_screenshot(). */
void
mi_ui_test_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_object_unref (take_screenshot (widget, name));
}

/* Screenshots of @widget in the light and the dark style:
 * screenshot-@name-light.png and screenshot-@name-dark.png, which differ. */
void
mi_ui_test_save_screenshots (GtkWidget  *widget,
                             const char *name)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *light_name = g_strdup_printf ("screenshot-%s-light.png", name);
  g_autofree char *dark_name = g_strdup_printf ("screenshot-%s-dark.png", name);
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  light = take_screenshot (widget, light_name);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  dark = take_screenshot (widget, dark_name);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  assert_differ (light, dark, name);
}

/* ---------------------------------------------------------------------- */
/* The editor                                                              */

/* A condition: @editor has read its file and its preview is up to date. */
gboolean
mi_ui_test_editor_is_ready (gpointer editor)
{
  return !mi_editor_get_loading (editor) &&
         !mi_render_get_pending (mi_editor_get_render (editor));
}

/* The id of the style scheme @editor's source uses, or NULL. */
const char *
mi_ui_test_get_scheme_id (MiEditor *editor)
{
  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (mi_editor_get_buffer (editor));

  return scheme != NULL ? gtk_source_style_scheme_get_id (scheme) : NULL;
}

typedef struct
{
  MiEditor   *editor;
  const char *id;
} SchemeWait;

static gboolean
scheme_is (gpointer data)
{
  SchemeWait *wait = data;

  return g_strcmp0 (mi_ui_test_get_scheme_id (wait->editor), wait->id) == 0;
}

/* Waits until @editor's source uses the style scheme @id; FALSE after 15 s. */
gboolean
mi_ui_test_wait_for_scheme (MiEditor   *editor,
                            const char *id)
{
  SchemeWait wait = { editor, id };

  return mi_ui_test_wait_for (scheme_is, &wait);
}

/* ---------------------------------------------------------------------- */
/* The main window                                                         */

/* A condition: the window has finished opening or reading its workspace. */
gboolean
mi_ui_test_window_is_idle (gpointer window)
{
  return !mi_window_get_busy (window);
}

static gboolean
edits_done (gpointer data)
{
  MiWorkspace *workspace = mi_window_get_workspace (data);
  guint n = workspace != NULL ? g_list_model_get_n_items (G_LIST_MODEL (workspace)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiIssue) issue = g_list_model_get_item (G_LIST_MODEL (workspace), i);

      if (mi_issue_get_editing (issue))
        return FALSE;
    }
  return TRUE;
}

/* The structured edits the window started are written, parsed and shown
 * (they run on workers: the file on disk comes before the model). */
void
mi_ui_test_wait_edits (MiWindow *window)
{
  g_assert_true (mi_ui_test_wait_for (edits_done, window));
  mi_ui_test_flush ();
}

/* A new main window, 720 × 480, presented. */
MiWindow *
mi_ui_test_new_window (void)
{
  MiWindow *window = mi_window_new (GTK_APPLICATION (mi_ui_test_get_application ()));

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 480);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* Opens @folder in @window: the loading page, then the window idle. */
void
mi_ui_test_open_and_wait (MiWindow *window,
                          GFile    *folder)
{
  mi_window_open (window, folder);
  g_assert_true (mi_window_get_busy (window));
  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "loading");

  g_assert_true (mi_ui_test_wait_for (mi_ui_test_window_is_idle, window));
}

/* A window of @width × @height on a new copy of the example, its meta-issue
 * shown; the copy's folder goes to @folder_out unless NULL. */
MiWindow *
mi_ui_test_open_example_copy (GFile **folder_out,
                              int     width,
                              int     height)
{
  g_autoptr(GFile) src = mi_ui_test_source_file ("resources", "example", NULL);
  g_autoptr(GFile) folder = mi_ui_test_make_folder ("page");
  MiWindow *window;

  mi_ui_test_copy_tree (src, folder);

  window = mi_ui_test_new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  mi_ui_test_open_and_wait (window, folder);
  g_assert_cmpstr (mi_ui_test_get_page (window), ==, "issues");
  g_assert_nonnull (mi_window_get_issue (window));

  if (folder_out != NULL)
    *folder_out = g_steal_pointer (&folder);

  return window;
}

/* Destroys @window and lets GTK finish with it. */
void
mi_ui_test_close_window (MiWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  mi_ui_test_flush ();
}

/* The stack of the window's pages: loading, issues, empty, error… */
GtkStack *
mi_ui_test_get_main_stack (MiWindow *window)
{
  g_autoptr(GPtrArray) stacks = NULL;

  stacks = mi_ui_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_STACK, NULL);

  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (stacks->pdata[i], "issues") != NULL)
      return stacks->pdata[i];

  g_assert_not_reached ();
}

const char *
mi_ui_test_get_page (MiWindow *window)
{
  return gtk_stack_get_visible_child_name (mi_ui_test_get_main_stack (window));
}

/* The sidebar's list of meta-issues. */
GtkListView *
mi_ui_test_get_list_view (MiWindow *window)
{
  GtkWidget *list_view;

  list_view = mi_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "issue-list");
  g_assert_nonnull (list_view);

  return GTK_LIST_VIEW (list_view);
}

/* The rows the sidebar's list view shows, with an issue bound. */
static GPtrArray *
get_rows (MiWindow *window)
{
  GtkWidget *list_view = GTK_WIDGET (mi_ui_test_get_list_view (window));
  g_autoptr(GPtrArray) all = mi_ui_test_collect_widgets (list_view, MI_TYPE_ISSUE_ROW, NULL);
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (mi_issue_row_get_issue (all->pdata[i]) != NULL)
      g_ptr_array_add (rows, all->pdata[i]);

  return rows;
}

/* The shown row whose title label reads @title, or NULL. */
GtkWidget *
mi_ui_test_find_row (MiWindow   *window,
                     const char *title)
{
  g_autoptr(GPtrArray) rows = get_rows (window);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *label = mi_ui_test_find_widget (rows->pdata[i], GTK_TYPE_LABEL, "heading");

      if (label != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), title) == 0)
        return rows->pdata[i];
    }

  return NULL;
}

typedef struct
{
  MiWindow *window;
  guint     n_rows;
} RowsWait;

static gboolean
rows_are_shown (gpointer data)
{
  RowsWait *wait = data;
  g_autoptr(GPtrArray) rows = get_rows (wait->window);

  return rows->len == wait->n_rows;
}

/* Waits until the sidebar shows @n_rows rows; the test fails after 15 s. */
void
mi_ui_test_wait_for_rows (MiWindow *window,
                          guint     n_rows)
{
  RowsWait wait = { window, n_rows };

  g_assert_true (mi_ui_test_wait_for (rows_are_shown, &wait));
}

/* Asserts the row of @title shows @status in a pill of class @status_id and
 * "@attempts" (as in "3 attempts"). */
void
mi_ui_test_assert_row (MiWindow   *window,
                       const char *title,
                       const char *status,
                       const char *status_id,
                       const char *attempts)
{
  GtkWidget *row = mi_ui_test_find_row (window, title);
  GtkWidget *pill;

  if (row == NULL)
    g_error ("No row titled “%s”", title);

  pill = mi_ui_test_find_widget (row, GTK_TYPE_LABEL, "status-pill");
  g_assert_nonnull (pill);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pill)), ==, status);
  g_assert_true (gtk_widget_has_css_class (pill, status_id));

  g_assert_nonnull (mi_ui_test_find_label (row, attempts));
}

/* Shows @view of the issue page (overview, attempts, test-cases,
 * understanding, log, files), as the view switcher does. */
void
mi_ui_test_show_view (MiWindow   *window,
                      const char *view)
{
  AdwViewStack *stack = mi_issue_page_get_stack (MI_ISSUE_PAGE (mi_window_get_issue_page (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", view));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, view);
  g_assert_true (mi_ui_test_wait_for (mi_ui_test_is_mapped,
                                      adw_view_stack_get_visible_child (stack)));
}

/* The path of @relative in the example's meta-issue below @folder. */
char *
mi_ui_test_issue_path (GFile      *folder,
                       const char *relative)
{
  return g_build_filename (g_file_peek_path (folder), "docs", "meta-issues",
                           "example-performance-saga", relative, NULL);
}

/* mi_ui_test_wait_for_file() for @relative in the example's meta-issue
 * below @folder. */
char *
mi_ui_test_wait_for_issue_file (GFile      *folder,
                                const char *relative,
                                const char *needle)
{
  g_autofree char *path = mi_ui_test_issue_path (folder, relative);

  return mi_ui_test_wait_for_file (path, needle);
}

/* Asserts that @relative in the example's meta-issue below @folder holds
 * @needle (an edit written), waiting for it up to 15 s. */
void
mi_ui_test_assert_issue_file (GFile      *folder,
                              const char *relative,
                              const char *needle)
{
  g_autofree char *text = mi_ui_test_wait_for_issue_file (folder, relative, needle);

  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, needle));
}

/* The bytes of @relative in the example's meta-issue below @folder. */
char *
mi_ui_test_read_issue_file (GFile      *folder,
                            const char *relative)
{
  g_autofree char *path = mi_ui_test_issue_path (folder, relative);

  return mi_test_read_text (path, NULL);
}
