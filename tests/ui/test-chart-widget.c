/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The chart widget as a user meets it: drawn in a window in light and dark
 * (screenshots saved into the build folder), the arrow keys moving between
 * bars with a tooltip for each, an accessible description listing the data,
 * a result recorded elsewhere showing at once, and "Insert chart into
 * README" writing the SVG.
 */

#include "config.h"

#include "mi-ui-test-util.h"

#include <string.h>

#include <adwaita.h>

#include "mi-chart.h"

#define EXAMPLE_SLUG "example-performance-saga"

/* A fresh copy of the example, opened. */
static MiWorkspace *
open_example (const char *name,
              MiIssue   **issue)
{
  g_autofree char *source = mi_test_source_path ("resources", "example", NULL);
  g_autofree char *dest_path = g_build_filename (mi_ui_test_get_tmp_root (), name, NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(GError) error = NULL;
  MiWorkspace *workspace;

  mi_test_copy_dir (source, dest_path);
  workspace = mi_workspace_open (dest, NULL, &error);
  g_assert_no_error (error);
  *issue = mi_workspace_find_issue (workspace, EXAMPLE_SLUG);
  g_assert_nonnull (*issue);
  return workspace;
}

typedef struct
{
  MiChart *chart;
  int      height;
  guint    n_items;
} LayoutWait;

/* A condition: the chart is laid out @height pixels high (unless 0) with
 * @n_items bars (unless 0). */
static gboolean
layout_is (gpointer data)
{
  LayoutWait *wait = data;
  MiChartLayout *layout = mi_chart_get_layout (wait->chart);

  return layout != NULL &&
         (wait->height == 0 || mi_chart_layout_get_height (layout) == wait->height) &&
         (wait->n_items == 0 || mi_chart_layout_get_n_items (layout) == wait->n_items);
}

static gboolean
has_focus (gpointer widget)
{
  return gtk_widget_has_focus (widget);
}

static GtkWindow *
show_chart (MiIssue    *issue,
            const char *test_case_id,
            int         width,
            int         height,
            MiChart   **chart)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  *chart = MI_CHART (mi_chart_new ());
  mi_chart_set_issue (*chart, issue);
  mi_chart_set_test_case_id (*chart, test_case_id);
  gtk_window_set_child (window, GTK_WIDGET (*chart));
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);

  g_assert_true (mi_ui_test_wait_for (layout_is, &(LayoutWait) { *chart, height, 0 }));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (*chart)), >=, 100);

  return window;
}


/* The chart follows the scheme; screenshots in light and dark. */
static void
save_screenshots (GtkWindow  *window,
                  MiChart    *chart,
                  const char *name)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *shots = g_strconcat ("chart-", name, NULL);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (mi_chart_layout_get_dark (mi_chart_get_layout (chart)));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (mi_chart_layout_get_dark (mi_chart_get_layout (chart)));

  mi_ui_test_save_screenshots (GTK_WIDGET (window), shots);
}

static void
test_chart_screenshots (void)
{
  g_autoptr(MiWorkspace) workspace = NULL;
  MiIssue *issue;
  MiChart *chart;
  GtkWindow *window;

  workspace = open_example ("screenshots", &issue);

  window = show_chart (issue, "TC-001", 800, 450, &chart);
  g_assert_cmpuint (mi_chart_layout_get_n_items (mi_chart_get_layout (chart)), ==, 3);
  save_screenshots (window, chart, "tc-001");

  /* The same widget shows the overview without a test case. */
  mi_chart_set_test_case_id (chart, NULL);
  gtk_window_set_default_size (window, 800, 380);
  g_assert_true (mi_ui_test_wait_for (layout_is, &(LayoutWait) { chart, 380, 0 }));
  g_assert_cmpint (mi_chart_model_get_kind (mi_chart_get_model (chart)), ==, MI_CHART_KIND_OVERVIEW);
  save_screenshots (window, chart, "overview");

  gtk_window_destroy (window);
}

static void
test_chart_keyboard (void)
{
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autofree char *tooltip = NULL;
  MiIssue *issue;
  MiChart *chart;
  GtkWindow *window;

  workspace = open_example ("keyboard", &issue);
  window = show_chart (issue, "TC-001", 800, 450, &chart);

  /* Focus on the chart lands on its first bar. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  mi_ui_test_wait_for (has_focus, chart);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (chart)));
  g_assert_cmpint (mi_chart_get_focus_item (chart), ==, 0);

  /* → (the binding of Right and Down) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.next-item", NULL));
  g_assert_cmpint (mi_chart_get_focus_item (chart), ==, 1);
  tooltip = mi_chart_get_item_tooltip (chart, mi_chart_get_focus_item (chart));
  g_assert_cmpstr (tooltip, ==,
                   "Attempt 002 · Query Optimization\n"
                   "Value: 3,800ms (\xe2\x88\x92" "25%)\n"
                   "Target: < 1,000 ms\n"
                   "Verdict: Fail");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.last-item", NULL));
  g_assert_cmpint (mi_chart_get_focus_item (chart), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.next-item", NULL));
  g_assert_cmpint (mi_chart_get_focus_item (chart), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.first-item", NULL));
  g_assert_cmpint (mi_chart_get_focus_item (chart), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.previous-item", NULL));
  g_assert_cmpint (mi_chart_get_focus_item (chart), ==, 0);

  /* The focus ring (shown once the keyboard is used) in a screenshot. */
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.next-item", NULL);
  gtk_window_set_focus_visible (window, TRUE);
  g_assert_true (gtk_widget_has_visible_focus (GTK_WIDGET (chart)));
  mi_ui_test_save_screenshot (GTK_WIDGET (window), "screenshot-chart-focus.png");

  gtk_window_destroy (window);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
issue_edited (gpointer data)
{
  return !mi_issue_get_editing (data);
}

static void
test_chart_follows_model (void)
{
  g_autoptr(MiWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg_path = NULL;
  const char *description;
  MiIssue *issue;
  MiChart *chart;
  GtkWindow *window;

  workspace = open_example ("follows", &issue);
  window = show_chart (issue, "TC-001", 800, 450, &chart);

  description = mi_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "TC-001 Load Test (100 users) (target < 1,000 ms, lower is better)"));
  g_assert_nonnull (strstr (description, "attempt 001 5,100ms, Fail"));
  g_assert_nonnull (strstr (description, "attempt 003 380ms, Pass"));

  /* A result recorded elsewhere shows at once. */
  g_assert_nonnull (mi_issue_add_attempt (issue, "Read replicas", NULL, "2024-11-02", &error));
  g_assert_no_error (error);
  g_assert_true (mi_issue_record_result (issue, "TC-001", 4, "290ms", MI_VERDICT_UNKNOWN, MI_RECORD_NONE, &error));
  g_assert_no_error (error);

  description = mi_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "attempt 004 290ms, Pass"));
  mi_ui_test_wait_for (layout_is, &(LayoutWait) { chart, 0, 4 });
  g_assert_cmpuint (mi_chart_layout_get_n_items (mi_chart_get_layout (chart)), ==, 4);

  /* Insert chart into README, from the widget's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.insert-into-readme", NULL));
  g_assert_true (mi_ui_test_wait_for (issue_edited, issue));
  svg_path = g_build_filename (mi_ui_test_get_tmp_root (), "follows", "docs", "meta-issues", EXAMPLE_SLUG,
                               "charts", "tc-001.svg", NULL);
  g_assert_true (g_file_test (svg_path, G_FILE_TEST_IS_REGULAR));
  /* The file changed on disk and was parsed again: the chart still shows it. */
  g_assert_nonnull (strstr (mi_chart_get_description (chart), "attempt 004 290ms, Pass"));

  /* Export from the widget, at its size. */
  {
    g_autofree char *png_path = g_build_filename (mi_ui_test_get_tmp_root (), "export.png", NULL);
    g_autoptr(GFile) png = g_file_new_for_path (png_path);
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (mi_chart_export_to_file (chart, png, FALSE, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (png_path, &data, &length, NULL));
    g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
    texture = gdk_texture_new_from_file (png, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (chart)));
    mi_ui_test_assert_not_blank (texture, "export.png");
  }

  /* … and as the export dialog does, on a worker. */
  {
    g_autofree char *svg_out = g_build_filename (mi_ui_test_get_tmp_root (), "export-async.svg", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (svg_out);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *data = NULL;

    mi_chart_export_to_file_async (chart, file, FALSE, NULL, mi_test_store_result_cb, &result);
    g_assert_true (mi_ui_test_wait_for (has_result, &result));
    g_assert_true (mi_chart_export_to_file_finish (chart, result, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (svg_out, &data, NULL, NULL));
    g_assert_true (g_str_has_prefix (data, "<?xml") || g_str_has_prefix (data, "<svg"));

    /* No chart format in the name: an error, reported the same way. */
    g_clear_object (&result);
    g_clear_object (&file);
    file = g_file_new_build_filename (mi_ui_test_get_tmp_root (), "export.txt", NULL);
    mi_chart_export_to_file_async (chart, file, FALSE, NULL, mi_test_store_result_cb, &result);
    g_assert_true (mi_ui_test_wait_for (has_result, &result));
    g_assert_false (mi_chart_export_to_file_finish (chart, result, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  mi_ui_test_init (&argc, &argv, "test-chart-widget");

  g_test_add_func ("/chart-widget/screenshots", test_chart_screenshots);
  g_test_add_func ("/chart-widget/keyboard", test_chart_keyboard);
  g_test_add_func ("/chart-widget/follows-model", test_chart_follows_model);

  return mi_ui_test_run ();
}
