/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-chart"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "mi-chart.h"

/*
 * MiChart shows a test case's results against its target, or with no test
 * case the overview of the meta-issue. It draws with the core's layout and
 * cairo renderer (the same that writes PNG and SVG files), follows the
 * model (a result recorded elsewhere shows at once), and lets a pointer
 * or the keyboard reach each bar: tooltips say attempt, value, target and
 * verdict; the arrow keys move between bars; the accessible description
 * lists all the data.
 */

struct _MiChart
{
  GtkWidget      parent_instance;

  MiIssue       *issue;
  char          *test_case_id;
  MiTestCase    *test_case;          /* whose results are watched */

  gulong         attempts_handler;
  gulong         test_cases_handler;
  gulong         notify_handler;
  gulong         results_handler;

  MiChartModel  *model;
  MiChartLayout *layout;             /* at the last drawn size and scheme */
  char          *description;
  int            focus_item;         /* -1: none */
  int            hover_item;
};

G_DEFINE_FINAL_TYPE (MiChart, mi_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ISSUE,
  PROP_TEST_CASE_ID,
  PROP_FOCUS_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MIN_DRAW_SIZE 80

static gboolean
is_dark (MiChart *self)
{
  GdkRGBA color;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), &color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
#endif

  /* Light text is drawn on a dark background. */
  return 0.299 * color.red + 0.587 * color.green + 0.114 * color.blue > 0.5;
}

static guint
get_n_items (MiChart *self)
{
  return self->layout != NULL ? mi_chart_layout_get_n_items (self->layout) : 0;
}

/* The layout at the widget's size and colours, made again when they change. */
static MiChartLayout *
ensure_layout (MiChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean dark;

  if (self->model == NULL || width < MIN_DRAW_SIZE || height < MIN_DRAW_SIZE)
    return NULL;

  dark = is_dark (self);
  if (self->layout != NULL &&
      mi_chart_layout_get_width (self->layout) == width &&
      mi_chart_layout_get_height (self->layout) == height &&
      mi_chart_layout_get_dark (self->layout) == dark)
    return self->layout;

  g_clear_pointer (&self->layout, mi_chart_layout_unref);
  self->layout = mi_chart_layout_new (self->model, width, height, dark);

  if (self->focus_item >= (int) get_n_items (self))
    self->focus_item = (int) get_n_items (self) - 1;
  else if (self->focus_item < 0 && gtk_widget_has_focus (GTK_WIDGET (self)) && get_n_items (self) > 0)
    self->focus_item = 0;  /* it had the focus before it had bars */
  self->hover_item = -1;

  return self->layout;
}

static void
update_actions (MiChart *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", self->model != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.insert-into-readme",
                                 self->model != NULL && self->test_case != NULL);
}

static void rebuild (MiChart *self);

static void
on_model_changed_cb (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  rebuild (MI_CHART (user_data));
}

static void
on_issue_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  rebuild (MI_CHART (user_data));
}

static void
watch_test_case (MiChart    *self,
                 MiTestCase *test_case)
{
  if (self->test_case == test_case)
    return;

  if (self->test_case != NULL)
    {
      g_clear_signal_handler (&self->results_handler, mi_test_case_get_results (self->test_case));
      g_clear_object (&self->test_case);
    }

  if (test_case != NULL)
    {
      self->test_case = g_object_ref (test_case);
      self->results_handler = g_signal_connect (mi_test_case_get_results (test_case),
                                                "items-changed",
                                                G_CALLBACK (on_model_changed_cb), self);
    }
}

/* Reads the model again: a new result, attempt or title shows at once. */
static void
rebuild (MiChart *self)
{
  MiTestCase *test_case = NULL;
  const char *title = "";

  g_clear_pointer (&self->model, mi_chart_model_unref);
  g_clear_pointer (&self->layout, mi_chart_layout_unref);
  g_clear_pointer (&self->description, g_free);

  if (self->issue != NULL && self->test_case_id != NULL)
    {
      test_case = mi_issue_find_test_case (self->issue, self->test_case_id);
      if (test_case != NULL)
        self->model = mi_chart_model_new_for_test_case (self->issue, test_case);
    }
  else if (self->issue != NULL)
    self->model = mi_chart_model_new_for_issue (self->issue);

  watch_test_case (self, test_case);

  if (self->model != NULL)
    {
      title = mi_chart_model_get_title (self->model);
      self->description = mi_chart_model_describe (self->model);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description != NULL ? self->description : "",
                                  -1);
  update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
unwatch_issue (MiChart *self)
{
  watch_test_case (self, NULL);

  if (self->issue == NULL)
    return;

  g_clear_signal_handler (&self->attempts_handler, mi_issue_get_attempts (self->issue));
  g_clear_signal_handler (&self->test_cases_handler, mi_issue_get_test_cases (self->issue));
  g_clear_signal_handler (&self->notify_handler, self->issue);
  g_clear_object (&self->issue);
}

static void
move_focus (MiChart *self,
            int      item)
{
  int n;

  ensure_layout (self);
  n = (int) get_n_items (self);
  if (n == 0)
    return;

  mi_chart_set_focus_item (self, CLAMP (item, 0, n - 1));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------------- */
/* Callbacks                                                               */

/* Focus on the chart is focus on one of its bars: the first at first. */
static void
on_has_focus_cb (GObject    *object,
                 GParamSpec *pspec,
                 MiChart    *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focus_item < 0)
    move_focus (self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              MiChart                  *self)
{
  int item = self->layout != NULL ? mi_chart_layout_find_item (self->layout, x, y) : -1;

  if (item != self->hover_item)
    {
      self->hover_item = item;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             MiChart                  *self)
{
  if (self->hover_item != -1)
    {
      self->hover_item = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               MiChart          *self)
{
  int item = self->layout != NULL ? mi_chart_layout_find_item (self->layout, x, y) : -1;

  if (item >= 0)
    mi_chart_set_focus_item (self, item);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
focus_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MiChart *self = MI_CHART (widget);

  ensure_layout (self);

  if (g_str_equal (action_name, "chart.next-item"))
    move_focus (self, self->focus_item + 1);
  else if (g_str_equal (action_name, "chart.previous-item"))
    move_focus (self, MAX (self->focus_item - 1, 0));
  else if (g_str_equal (action_name, "chart.first-item"))
    move_focus (self, 0);
  else if (g_str_equal (action_name, "chart.last-item"))
    move_focus (self, (int) get_n_items (self) - 1);
}

static void
show_error (MiChart    *self,
            const char *heading,
            GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
suggest_file_name (MiChart *self)
{
  if (self->test_case_id != NULL)
    {
      g_autofree char *svg = mi_chart_get_file_name (self->test_case_id);

      svg[strlen (svg) - strlen (".svg")] = '\0';
      return g_strconcat (svg, ".png", NULL);
    }

  return g_strconcat (self->issue != NULL ? mi_issue_get_slug (self->issue) : "chart",
                      "-overview.png", NULL);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MiChart) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mi_chart_export_to_file_finish (self, result, &error))
    show_error (self, _("Could Not Export the Chart"), error);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       MiChart         *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        mi_chart_export_to_file_async (self, file, FALSE, NULL, exported_cb, g_object_ref (self));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MiChart *self = MI_CHART (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();
  g_autofree char *name = suggest_file_name (self);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (png, _("PNG image"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG image"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), svg);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
inserted_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MiChart) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mi_issue_insert_chart_finish (MI_ISSUE (object), result, &error))
    show_error (self, _("Could Not Insert the Chart"), error);
}

static void
insert_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MiChart *self = MI_CHART (widget);

  if (self->issue == NULL || self->test_case_id == NULL)
    return;

  mi_issue_insert_chart_async (self->issue, self->test_case_id, 0, 0, NULL, inserted_cb, g_object_ref (self));
}

/* ---------------------------------------------------------------------- */
/* GtkWidget                                                               */

static void
mi_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  MiChart *self = MI_CHART (widget);
  int width = 640, height = 360;

  if (self->model != NULL)
    mi_chart_model_get_natural_size (self->model, &width, &height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = MAX (width, 240);
    }
  else
    {
      *minimum = 200;
      *natural = MAX (height, 200);
    }
}

static void
mi_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  MiChart *self = MI_CHART (widget);
  MiChartLayout *layout = ensure_layout (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (layout == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  mi_chart_layout_draw (layout, cr, FALSE);

  if (self->hover_item >= 0 && self->hover_item < (int) get_n_items (self))
    {
      const MiChartItem *item = mi_chart_layout_get_item (layout, self->hover_item);

      cairo_set_source_rgba (cr, 1, 1, 1, is_dark (self) ? 0.12 : 0.25);
      cairo_rectangle (cr, item->box.x, item->box.y, item->box.width, item->box.height);
      cairo_fill (cr);
    }

  if (self->focus_item >= 0 && self->focus_item < (int) get_n_items (self) &&
      gtk_widget_has_visible_focus (widget))
    {
      const MiChartItem *item = mi_chart_layout_get_item (layout, self->focus_item);
      MiChartRgba rgba;

      mi_chart_palette_get (mi_chart_layout_get_dark (layout), MI_CHART_COLOR_FOCUS, &rgba);
      cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, item->box.x - 3, item->box.y - 3,
                       item->box.width + 6, item->box.height + 6);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static gboolean
mi_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip)
{
  MiChart *self = MI_CHART (widget);
  const MiChartItem *item;
  g_autofree char *text = NULL;
  int index;

  if (ensure_layout (self) == NULL)
    return FALSE;

  index = keyboard_mode ? self->focus_item : mi_chart_layout_find_item (self->layout, x, y);
  if (index < 0 || index >= (int) get_n_items (self))
    return FALSE;

  item = mi_chart_layout_get_item (self->layout, index);
  text = mi_chart_layout_describe_item (self->layout, index);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int) item->box.x, (int) item->box.y,
                              MAX (1, (int) item->box.width), MAX (1, (int) item->box.height) });
  return TRUE;
}

static void
mi_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mi_chart_parent_class)->css_changed (widget, change);

  /* The colour scheme may have changed: the layout follows in snapshot. */
  gtk_widget_queue_draw (widget);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                 */

static void
mi_chart_dispose (GObject *object)
{
  MiChart *self = (MiChart *) object;

  unwatch_issue (self);
  g_clear_pointer (&self->model, mi_chart_model_unref);
  g_clear_pointer (&self->layout, mi_chart_layout_unref);

  G_OBJECT_CLASS (mi_chart_parent_class)->dispose (object);
}

static void
mi_chart_finalize (GObject *object)
{
  MiChart *self = (MiChart *) object;

  g_clear_pointer (&self->test_case_id, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (mi_chart_parent_class)->finalize (object);
}

static void
mi_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MiChart *self = MI_CHART (object);

  switch (prop_id)
    {
    case PROP_ISSUE:
      g_value_set_object (value, self->issue);
      break;

    case PROP_TEST_CASE_ID:
      g_value_set_string (value, self->test_case_id);
      break;

    case PROP_FOCUS_ITEM:
      g_value_set_int (value, self->focus_item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MiChart *self = MI_CHART (object);

  switch (prop_id)
    {
    case PROP_ISSUE:
      mi_chart_set_issue (self, g_value_get_object (value));
      break;

    case PROP_TEST_CASE_ID:
      mi_chart_set_test_case_id (self, g_value_get_string (value));
      break;

    case PROP_FOCUS_ITEM:
      mi_chart_set_focus_item (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_chart_class_init (MiChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_chart_dispose;
  object_class->finalize = mi_chart_finalize;
  object_class->get_property = mi_chart_get_property;
  object_class->set_property = mi_chart_set_property;

  widget_class->measure = mi_chart_measure;
  widget_class->snapshot = mi_chart_snapshot;
  widget_class->query_tooltip = mi_chart_query_tooltip;
  widget_class->css_changed = mi_chart_css_changed;

  properties[PROP_ISSUE] =
    g_param_spec_object ("issue", NULL, NULL,
                         MI_TYPE_ISSUE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEST_CASE_ID] =
    g_param_spec_string ("test-case-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOCUS_ITEM] =
    g_param_spec_int ("focus-item", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.next-item", NULL, focus_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.previous-item", NULL, focus_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.first-item", NULL, focus_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.last-item", NULL, focus_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.insert-into-readme", NULL, insert_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.next-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.next-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.previous-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.previous-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.first-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.last-item", NULL);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mi_chart_init (MiChart *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->focus_item = -1;
  self->hover_item = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_has_focus_cb), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  update_actions (self);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

GtkWidget *
mi_chart_new (void)
{
  return g_object_new (MI_TYPE_CHART, NULL);
}

MiIssue *
mi_chart_get_issue (MiChart *self)
{
  g_return_val_if_fail (MI_IS_CHART (self), NULL);

  return self->issue;
}

/**
 * mi_chart_set_issue:
 * @issue: (nullable): the meta-issue to chart
 */
void
mi_chart_set_issue (MiChart *self,
                    MiIssue *issue)
{
  g_return_if_fail (MI_IS_CHART (self));
  g_return_if_fail (issue == NULL || MI_IS_ISSUE (issue));

  if (self->issue == issue)
    return;

  unwatch_issue (self);

  if (issue != NULL)
    {
      self->issue = g_object_ref (issue);
      self->attempts_handler = g_signal_connect (mi_issue_get_attempts (issue), "items-changed",
                                                 G_CALLBACK (on_model_changed_cb), self);
      self->test_cases_handler = g_signal_connect (mi_issue_get_test_cases (issue), "items-changed",
                                                   G_CALLBACK (on_model_changed_cb), self);
      self->notify_handler = g_signal_connect (issue, "notify::title",
                                               G_CALLBACK (on_issue_notify_cb), self);
    }

  self->focus_item = -1;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUE]);
}

const char *
mi_chart_get_test_case_id (MiChart *self)
{
  g_return_val_if_fail (MI_IS_CHART (self), NULL);

  return self->test_case_id;
}

/**
 * mi_chart_set_test_case_id:
 * @test_case_id: (nullable): "TC-001", or %NULL for the overview
 */
void
mi_chart_set_test_case_id (MiChart    *self,
                           const char *test_case_id)
{
  g_return_if_fail (MI_IS_CHART (self));

  if (g_strcmp0 (self->test_case_id, test_case_id) == 0)
    return;

  g_free (self->test_case_id);
  self->test_case_id = g_strdup (test_case_id);
  self->focus_item = -1;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEST_CASE_ID]);
}

/**
 * mi_chart_get_model:
 *
 * Returns: (transfer none) (nullable): what the chart shows now
 */
MiChartModel *
mi_chart_get_model (MiChart *self)
{
  g_return_val_if_fail (MI_IS_CHART (self), NULL);

  return self->model;
}

/**
 * mi_chart_get_layout:
 *
 * Returns: (transfer none) (nullable): the layout at the widget's size, or
 *   %NULL when it is too small or shows nothing
 */
MiChartLayout *
mi_chart_get_layout (MiChart *self)
{
  g_return_val_if_fail (MI_IS_CHART (self), NULL);

  return ensure_layout (self);
}

/**
 * mi_chart_get_description:
 *
 * Returns: (nullable): the accessible description: the data in sentences
 */
const char *
mi_chart_get_description (MiChart *self)
{
  g_return_val_if_fail (MI_IS_CHART (self), NULL);

  return self->description;
}

int
mi_chart_get_focus_item (MiChart *self)
{
  g_return_val_if_fail (MI_IS_CHART (self), -1);

  return self->focus_item;
}

void
mi_chart_set_focus_item (MiChart *self,
                         int      item)
{
  g_return_if_fail (MI_IS_CHART (self));
  g_return_if_fail (item >= -1);

  if (self->focus_item == item)
    return;

  self->focus_item = item;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_ITEM]);
}

/**
 * mi_chart_get_item_tooltip:
 *
 * Returns: (transfer full) (nullable): what the tooltip of @item says
 */
char *
mi_chart_get_item_tooltip (MiChart *self,
                           int      item)
{
  g_return_val_if_fail (MI_IS_CHART (self), NULL);

  if (ensure_layout (self) == NULL || item < 0 || item >= (int) get_n_items (self))
    return NULL;

  return mi_chart_layout_describe_item (self->layout, item);
}

/**
 * mi_chart_export_to_file:
 * @file: a .png or .svg file
 * @dark: the colours for a dark background
 *
 * Writes what the chart shows, at the widget's size (its natural size when
 * it is not shown).
 */
/* What an export writes: the format from @file's name, the chart's size
 * on screen (its natural size when it has none). */
static gboolean
export_settings (MiChart        *self,
                 GFile          *file,
                 MiChartFormat  *format,
                 int            *width,
                 int            *height,
                 GError        **error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (!mi_chart_format_for_name (name, format, error))
    return FALSE;

  if (self->model == NULL)
    {
      g_set_error_literal (error, MI_CHART_ERROR, MI_CHART_ERROR_FAILED,
                           _("There is no chart to export: choose a meta-issue first."));
      return FALSE;
    }

  *width = gtk_widget_get_width (GTK_WIDGET (self));
  *height = gtk_widget_get_height (GTK_WIDGET (self));
  if (*width < MI_CHART_MIN_SIZE || *height < MI_CHART_MIN_SIZE)
    mi_chart_model_get_natural_size (self->model, width, height);
  return TRUE;
}

gboolean
mi_chart_export_to_file (MiChart  *self,
                         GFile    *file,
                         gboolean  dark,
                         GError  **error)
{
  MiChartFormat format;
  int width, height;

  g_return_val_if_fail (MI_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!export_settings (self, file, &format, &width, &height, error))
    return FALSE;

  return mi_chart_export (self->model, file, format, width, height, dark, error);
}

/**
 * mi_chart_export_to_file_async:
 *
 * mi_chart_export_to_file() drawn and written on a worker.
 */
void
mi_chart_export_to_file_async (MiChart             *self,
                               GFile               *file,
                               gboolean             dark,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  MiChartFormat format;
  int width, height;

  g_return_if_fail (MI_IS_CHART (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!export_settings (self, file, &format, &width, &height, &error))
    {
      g_task_report_error (self, callback, user_data, mi_chart_export_to_file_async,
                           g_steal_pointer (&error));
      return;
    }

  mi_chart_export_async (self->model, file, format, width, height, dark, cancellable, callback, user_data);
}

gboolean
mi_chart_export_to_file_finish (MiChart       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  if (g_async_result_is_tagged (result, mi_chart_export_to_file_async))
    return g_task_propagate_boolean (G_TASK (result), error);
  return mi_chart_export_finish (result, error);
}
