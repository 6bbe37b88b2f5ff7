/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-issue-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mi-attempts-view.h"
#include "mi-chart.h"
#include "mi-preview.h"
#include "mi-files-view.h"
#include "mi-issue-page.h"
#include "mi-test-matrix.h"
#include "mi-ui-util.h"

/* One meta-issue, in six views: Overview, Attempts, Test cases,
 * Understanding, Log, and Files (its markdown in the window's editor). Each view shows the issue's models; a re-parse
 * changes the models, and the views follow their notifications. */
struct _MiIssuePage
{
  GtkWidget            parent_instance;

  MiIssue             *issue;
  GPtrArray           *handlers;       /* (element-type Handler) on the issue and its models */
  GtkStringList       *symptoms;
  GtkSortListModel    *timeline;       /* hypotheses, newest version first */
  GtkSortListModel    *log;            /* log entries, newest first */
  char                *shown_problem;  /* the prose each box shows, to build it again only when it changed */
  char                *shown_root_cause;
  char                *shown_resolution;
  char                *shown_understanding;

  /* Template widgets */
  AdwViewStack        *view_stack;
  GtkMenuButton       *status_button;
  AdwPreferencesPage  *overview_page;
  GtkLabel            *status_label;
  GtkLabel            *created_label;
  AdwActionRow        *created_row;
  GtkLabel            *duration_label;
  AdwActionRow        *duration_row;
  GtkLabel            *attempts_label;
  AdwActionRow        *folder_row;
  AdwPreferencesGroup *problem_group;
  GtkBox              *problem_box;
  AdwPreferencesGroup *symptoms_group;
  GtkListBox          *symptoms_list;
  AdwPreferencesGroup *criteria_group;
  GtkListBox          *criteria_list;
  AdwPreferencesGroup *results_group;
  GtkWidget           *overview_chart;
  AdwPreferencesGroup *root_cause_group;
  GtkBox              *root_cause_box;
  AdwPreferencesGroup *resolution_group;
  GtkBox              *resolution_box;
  MiPreview           *prose_preview;  /* builds the prose sections' blocks; never shown */
  MiAttemptsView      *attempts_view;
  GtkStack            *test_stack;
  GtkBox              *chart_box;
  GtkWidget           *chart;         /* one test case, chosen with chart_picker */
  GMenu               *chart_menu;
  GtkDropDown         *chart_picker;
  GtkStringList       *chart_choices;  /* test case ids */
  MiTestMatrix        *test_matrix;
  GtkLabel            *understanding_label;
  GtkListBox          *timeline_list;
  GtkStack            *log_stack;
  GtkListBox          *log_list;
  MiFilesView         *files_view;
};

G_DEFINE_FINAL_TYPE (MiIssuePage, mi_issue_page, GTK_TYPE_WIDGET)

typedef struct
{
  GObject *instance;
  gulong   id;
} Handler;

static void
handler_free (gpointer data)
{
  Handler *handler = data;

  g_signal_handler_disconnect (handler->instance, handler->id);
  g_object_unref (handler->instance);
  g_free (handler);
}

static void
watch (MiIssuePage *self,
       gpointer     instance,
       const char  *signal,
       GCallback    callback)
{
  Handler *handler = g_new0 (Handler, 1);

  handler->instance = g_object_ref (instance);
  handler->id = g_signal_connect_object (instance, signal, callback, self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->handlers, handler);
}

/* A section of the README as the preview draws it: paragraphs, lists,
 * emphasis, links. */
static void
set_prose (MiIssuePage         *self,
           AdwPreferencesGroup *group,
           GtkBox              *box,
           char               **shown,
           const char          *text)
{
  g_autoptr(MiRender) render = NULL;
  GtkWidget *child;

  /* The same text: the same widgets, measured already. */
  if (*shown != NULL && g_strcmp0 (*shown, text) == 0)
    return;
  g_free (*shown);
  *shown = g_strdup (text != NULL ? text : "");

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  gtk_widget_set_visible (GTK_WIDGET (group), !mi_ui_is_blank (text));
  if (mi_ui_is_blank (text))
    return;

  render = mi_render_new ();
  /* Parsed here and now, however long. */
  mi_render_set_async_threshold (render, G_MAXSIZE);
  mi_render_set_text (render, text, -1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (render)); i++)
    {
      g_autoptr(MiRenderBlock) block = g_list_model_get_item (G_LIST_MODEL (render), i);

      gtk_box_append (box, mi_preview_build_block (self->prose_preview, block));
    }
}

static void
set_value (AdwActionRow *row,
           GtkLabel     *label,
           const char   *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), !mi_ui_is_blank (text));
  gtk_label_set_label (label, text != NULL ? text : "");
}

static void set_prose_label (MiIssuePage *self,
                             GtkLabel    *label,
                             const char  *name,
                             const char  *text);

static void
update_overview (MiIssuePage *self)
{
  g_autofree char *attempts = NULL;
  g_autofree char *folder = NULL;
  const char * const *symptoms;
  guint n_attempts;
  guint n_old;

  if (self->issue == NULL)
    return;

  mi_ui_set_status_pill (self->status_label, mi_issue_get_status (self->issue));
  set_value (self->created_row, self->created_label, mi_issue_get_created (self->issue));
  set_value (self->duration_row, self->duration_label, mi_issue_get_duration (self->issue));

  n_attempts = g_list_model_get_n_items (mi_issue_get_attempts (self->issue));
  attempts = g_strdup_printf ("%u", n_attempts);
  gtk_label_set_label (self->attempts_label, attempts);

  folder = mi_ui_dup_display_path (mi_issue_get_folder (self->issue));
  adw_action_row_set_subtitle (self->folder_row, folder);

  set_prose (self, self->problem_group, self->problem_box, &self->shown_problem,
             mi_issue_get_problem_statement (self->issue));
  set_prose (self, self->root_cause_group, self->root_cause_box, &self->shown_root_cause,
             mi_issue_get_root_cause (self->issue));
  set_prose (self, self->resolution_group, self->resolution_box, &self->shown_resolution,
             mi_issue_get_resolution (self->issue));

  /* The symptoms are strings: a string list the list box shows. */
  symptoms = mi_issue_get_symptoms (self->issue);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->symptoms));
  {
    gboolean same = TRUE;
    guint n_new = symptoms != NULL ? g_strv_length ((char **) symptoms) : 0;

    if (n_new != n_old)
      same = FALSE;
    for (guint i = 0; same && i < n_new; i++)
      same = g_strcmp0 (gtk_string_list_get_string (self->symptoms, i), symptoms[i]) == 0;
    if (!same)
      gtk_string_list_splice (self->symptoms, 0, n_old, symptoms);
    gtk_widget_set_visible (GTK_WIDGET (self->symptoms_group), n_new > 0);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->criteria_group),
                          g_list_model_get_n_items (mi_issue_get_criteria (self->issue)) > 0);

  {
    const char *current = mi_issue_get_current_understanding (self->issue);

    if (self->shown_understanding == NULL || g_strcmp0 (self->shown_understanding, current != NULL ? current : "") != 0)
      {
        g_free (self->shown_understanding);
        self->shown_understanding = g_strdup (current != NULL ? current : "");

        if (mi_ui_is_blank (current))
          {
            gtk_label_set_use_markup (self->understanding_label, FALSE);
            gtk_label_set_label (self->understanding_label,
                                 _("The description has no “Current Understanding” section yet."));
            gtk_widget_add_css_class (GTK_WIDGET (self->understanding_label), "dim-label");
          }
        else
          {
            set_prose_label (self, self->understanding_label, NULL, current);
            gtk_widget_remove_css_class (GTK_WIDGET (self->understanding_label), "dim-label");
          }
      }
  }

  gtk_stack_set_visible_child_name (self->test_stack,
                                    g_list_model_get_n_items (mi_issue_get_test_cases (self->issue)) > 0
                                    ? "matrix" : "empty");
  gtk_stack_set_visible_child_name (self->log_stack,
                                    g_list_model_get_n_items (mi_issue_get_log_entries (self->issue)) > 0
                                    ? "entries" : "empty");
}

static void update_chart_menu (MiIssuePage *self);
static void update_chart_picker (MiIssuePage *self);

/* The meta-issue was parsed again: its properties notified and its models
 * changed where they differ; show the result once. */
static void
on_issue_changed_cb (MiIssuePage *self)
{
  update_overview (self);
  update_chart_menu (self);
  update_chart_picker (self);
}

static void
on_chart_picker_selected_cb (MiIssuePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->chart_picker);
  const char *id = NULL;

  if (selected != GTK_INVALID_LIST_POSITION)
    id = gtk_string_list_get_string (self->chart_choices, selected);
  mi_chart_set_test_case_id (MI_CHART (self->chart), id);
}

/* The test cases to chart on the Test cases page, keeping the one shown. */
static void
update_chart_picker (MiIssuePage *self)
{
  g_autofree char *shown = g_strdup (mi_chart_get_test_case_id (MI_CHART (self->chart)));
  GListModel *test_cases = self->issue != NULL ? mi_issue_get_test_cases (self->issue) : NULL;
  guint n = test_cases != NULL ? g_list_model_get_n_items (test_cases) : 0;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint keep = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiTestCase) test_case = g_list_model_get_item (test_cases, i);

      if (g_strcmp0 (mi_test_case_get_id (test_case), shown) == 0)
        keep = i;
      g_ptr_array_add (ids, g_strdup (mi_test_case_get_id (test_case)));
    }
  g_ptr_array_add (ids, NULL);

  g_signal_handlers_block_by_func (self->chart_picker, on_chart_picker_selected_cb, self);
  gtk_string_list_splice (self->chart_choices, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->chart_choices)),
                          (const char * const *) ids->pdata);
  gtk_drop_down_set_selected (self->chart_picker, n > 0 ? keep : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->chart_picker, on_chart_picker_selected_cb, self);

  gtk_widget_set_visible (GTK_WIDGET (self->chart_picker), n > 1);
  on_chart_picker_selected_cb (self);
  gtk_widget_set_visible (GTK_WIDGET (self->results_group), n > 0);
}

static void
on_attempts_row_activated_cb (MiIssuePage *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "attempts");
}

static GtkWidget *
create_symptom_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

static GtkWidget *
create_criterion_row (gpointer item,
                      gpointer user_data)
{
  MiCriterion *criterion = item;
  MiMeasurement *target = mi_criterion_get_target (criterion);
  GtkWidget *row = adw_action_row_new ();
  const char *metric = mi_criterion_get_metric (criterion);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 !mi_ui_is_blank (metric) ? metric : mi_criterion_get_text (criterion));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  if (target != NULL)
    {
      GtkWidget *label = gtk_label_new (mi_measurement_get_text (target));

      gtk_widget_add_css_class (label, "target-cell");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static gboolean
on_activate_link_cb (GtkLabel    *label,
                     const char  *uri,
                     MiIssuePage *self)
{
  return mi_preview_activate_link (self->prose_preview, uri);
}

/* @label shows @text as the preview draws inline markdown (code,
 * emphasis, links), after @name in bold when given. */
static void
set_prose_label (MiIssuePage *self,
                 GtkLabel    *label,
                 const char  *name,
                 const char  *text)
{
  g_autofree char *inline_markup = mi_preview_dup_markup (self->prose_preview, text);
  g_autofree char *markup = NULL;

  if (name != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      markup = g_strdup_printf ("<b>%s</b>  %s", escaped, inline_markup);
    }
  gtk_label_set_markup (label, markup != NULL ? markup : inline_markup);
}

/* A label for prose: it wraps, can be selected, and its links go where
 * the preview's go. */
static GtkWidget *
prose_label_new (MiIssuePage *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  g_signal_connect_object (label, "activate-link", G_CALLBACK (on_activate_link_cb), self, 0);
  return label;
}

static void
append_field (MiIssuePage *self,
              GtkBox      *box,
              const char  *name,
              const char  *text)
{
  GtkWidget *label;

  if (mi_ui_is_blank (text))
    return;

  label = prose_label_new (self);
  set_prose_label (self, GTK_LABEL (label), name, text);
  gtk_box_append (box, label);
}

/* A version of the description: a dot on the time line, then the text. */
static GtkWidget *
create_timeline_row (gpointer item,
                     gpointer user_data)
{
  MiIssuePage *self = user_data;
  MiHypothesis *hypothesis = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *rail = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption;
  GtkWidget *title;
  g_autofree char *caption_text = NULL;
  g_autoptr(MiHypothesis) first = g_list_model_get_item (G_LIST_MODEL (self->timeline), 0);
  const char *date = mi_hypothesis_get_date (hypothesis);

  gtk_widget_add_css_class (rail, "timeline-rail");
  gtk_widget_add_css_class (dot, "timeline-dot");
  gtk_widget_add_css_class (line, "timeline-line");
  gtk_widget_set_halign (dot, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (line, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (line, TRUE);
  gtk_box_append (GTK_BOX (rail), dot);
  gtk_box_append (GTK_BOX (rail), line);

  if (mi_ui_is_blank (date))
    caption_text = g_strdup_printf (_("Version %u"), mi_hypothesis_get_version (hypothesis));
  else
    /* Translators: "Version 2 · 2024-09-08" */
    caption_text = g_strdup_printf (_("Version %u · %s"), mi_hypothesis_get_version (hypothesis), date);

  caption = gtk_label_new (caption_text);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_add_css_class (caption, "dim-label");

  title = gtk_label_new (mi_hypothesis_get_title (hypothesis));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");

  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (content), caption);
  gtk_box_append (GTK_BOX (content), title);
  append_field (self, GTK_BOX (content), _("Theory"), mi_hypothesis_get_theory (hypothesis));
  append_field (self, GTK_BOX (content), _("Evidence"), mi_hypothesis_get_evidence (hypothesis));
  append_field (self, GTK_BOX (content), _("Test"), mi_hypothesis_get_test (hypothesis));
  append_field (self, GTK_BOX (content), _("Result"), mi_hypothesis_get_result (hypothesis));
  append_field (self, GTK_BOX (content), _("Learning"), mi_hypothesis_get_learning (hypothesis));

  gtk_box_append (GTK_BOX (box), rail);
  gtk_box_append (GTK_BOX (box), content);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "timeline-row");

  if (first == hypothesis)
    gtk_widget_add_css_class (row, "current");

  return row;
}

static GtkWidget *
create_log_row (gpointer item,
                gpointer user_data)
{
  MiIssuePage *self = user_data;
  MiLogEntry *entry = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption;
  GtkWidget *text;
  g_autofree char *caption_text = NULL;
  const char *date = mi_log_entry_get_date (entry);

  if (mi_log_entry_get_attempt (entry) == 0)
    caption_text = g_strdup (date != NULL ? date : "");
  else if (mi_ui_is_blank (date))
    caption_text = g_strdup_printf (_("Attempt %03u"), mi_log_entry_get_attempt (entry));
  else
    caption_text = g_strdup_printf (_("Attempt %03u · %s"), mi_log_entry_get_attempt (entry), date);

  caption = gtk_label_new (caption_text);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_add_css_class (caption, "dim-label");

  text = prose_label_new (self);
  set_prose_label (self, GTK_LABEL (text), NULL, mi_log_entry_get_text (entry));

  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "log-entry");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static int
compare_versions_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  guint va = mi_hypothesis_get_version ((MiHypothesis *) a);
  guint vb = mi_hypothesis_get_version ((MiHypothesis *) b);

  if (va != vb)
    return va > vb ? -1 : 1;
  return mi_hypothesis_get_line ((MiHypothesis *) a) > mi_hypothesis_get_line ((MiHypothesis *) b) ? -1 : 1;
}

static int
compare_log_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  guint la = mi_log_entry_get_line ((MiLogEntry *) a);
  guint lb = mi_log_entry_get_line ((MiLogEntry *) b);

  return la == lb ? 0 : la > lb ? -1 : 1;
}


/* The chart's menu: export the overview, or write one test case's chart
 * beside the files with a link under the test case. */
static void
update_chart_menu (MiIssuePage *self)
{
  g_autoptr(GMenu) section = g_menu_new ();
  GListModel *test_cases;

  if (self->chart_menu == NULL)
    return;

  g_menu_remove_all (self->chart_menu);
  g_menu_append (self->chart_menu, _("_Export Chart…"), "win.export-chart");

  test_cases = self->issue != NULL ? mi_issue_get_test_cases (self->issue) : NULL;
  for (guint i = 0; test_cases != NULL && i < g_list_model_get_n_items (test_cases); i++)
    {
      g_autoptr(MiTestCase) test_case = g_list_model_get_item (test_cases, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      /* Translators: %s is a test case id, e.g. "TC-001". */
      label = g_strdup_printf (_("Insert %s Chart into README"), mi_test_case_get_id (test_case));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.insert-chart", "s", mi_test_case_get_id (test_case));
      g_menu_append_item (section, item);
    }
  g_menu_append_section (self->chart_menu, NULL, G_MENU_MODEL (section));
}

static void
mi_issue_page_dispose (GObject *object)
{
  MiIssuePage *self = MI_ISSUE_PAGE (object);

  g_clear_pointer (&self->shown_problem, g_free);
  g_clear_pointer (&self->shown_root_cause, g_free);
  g_clear_pointer (&self->shown_resolution, g_free);
  g_clear_pointer (&self->shown_understanding, g_free);
  g_clear_pointer (&self->handlers, g_ptr_array_unref);
  g_clear_object (&self->issue);

  g_clear_object (&self->chart_menu);
  g_clear_object (&self->chart_choices);
  g_clear_object (&self->prose_preview);
  gtk_widget_dispose_template (GTK_WIDGET (self), MI_TYPE_ISSUE_PAGE);

  g_clear_object (&self->symptoms);
  g_clear_object (&self->timeline);
  g_clear_object (&self->log);

  G_OBJECT_CLASS (mi_issue_page_parent_class)->dispose (object);
}

static void
mi_issue_page_class_init (MiIssuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_issue_page_dispose;

  g_type_ensure (MI_TYPE_ATTEMPTS_VIEW);
  g_type_ensure (MI_TYPE_TEST_MATRIX);
  g_type_ensure (MI_TYPE_FILES_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-issue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, overview_page);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, created_label);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, created_row);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, duration_label);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, attempts_label);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, problem_group);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, problem_box);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, status_button);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, symptoms_group);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, symptoms_list);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, root_cause_group);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, root_cause_box);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, resolution_group);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, resolution_box);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, attempts_view);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, test_stack);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, results_group);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, test_matrix);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, understanding_label);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, log_stack);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, log_list);
  gtk_widget_class_bind_template_child (widget_class, MiIssuePage, files_view);
  gtk_widget_class_bind_template_callback (widget_class, on_attempts_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mi-issue-page");
}

/* A link of the prose to a file of the workspace: open it in the editor,
 * as the window opens any file (win.open-file). */
static void
on_prose_open_file_cb (MiPreview   *preview,
                       GFile       *file,
                       const char  *fragment,
                       MiIssuePage *self)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-file", "s", uri);
}

static void
mi_issue_page_init (MiIssuePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->handlers = g_ptr_array_new_with_free_func (handler_free);
  self->prose_preview = g_object_ref_sink (MI_PREVIEW (mi_preview_new ()));
  g_signal_connect_object (self->prose_preview, "open-file", G_CALLBACK (on_prose_open_file_cb), self, 0);
  g_signal_connect_object (self->understanding_label, "activate-link",
                           G_CALLBACK (on_activate_link_cb), self, 0);
  self->symptoms = gtk_string_list_new (NULL);
  self->timeline = gtk_sort_list_model_new (NULL, GTK_SORTER (gtk_custom_sorter_new (compare_versions_cb, NULL, NULL)));
  self->log = gtk_sort_list_model_new (NULL, GTK_SORTER (gtk_custom_sorter_new (compare_log_cb, NULL, NULL)));

  /* Overview: every test case against its target, and the timeline. */
  self->overview_chart = mi_chart_new ();
  gtk_widget_set_size_request (self->overview_chart, -1, 240);
  adw_preferences_group_add (self->results_group, self->overview_chart);

  /* Test cases: one test case's attempts against its target. */
  self->chart = mi_chart_new ();
  gtk_widget_set_size_request (self->chart, -1, 260);
  {
    GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *button = gtk_menu_button_new ();

    self->chart_choices = gtk_string_list_new (NULL);
    self->chart_picker = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->chart_choices)), NULL));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->chart_picker), _("Test Case to Chart"));
    gtk_widget_set_hexpand (GTK_WIDGET (self->chart_picker), TRUE);
    gtk_widget_set_halign (GTK_WIDGET (self->chart_picker), GTK_ALIGN_START);
    g_signal_connect_swapped (self->chart_picker, "notify::selected",
                              G_CALLBACK (on_chart_picker_selected_cb), self);
    gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->chart_picker));

    self->chart_menu = g_menu_new ();
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-send-symbolic");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (self->chart_menu));
    gtk_widget_set_tooltip_text (button, _("Export Chart"));
    gtk_widget_set_halign (button, GTK_ALIGN_END);
    gtk_widget_set_hexpand (button, TRUE);
    gtk_widget_add_css_class (button, "flat");
    gtk_widget_add_css_class (button, "chart-menu-button");
    gtk_box_append (GTK_BOX (header), button);
    gtk_box_append (self->chart_box, header);
  }
  gtk_box_append (self->chart_box, self->chart);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_box), TRUE);

  gtk_list_box_bind_model (self->symptoms_list, G_LIST_MODEL (self->symptoms),
                           create_symptom_row, self, NULL);
  gtk_list_box_bind_model (self->timeline_list, G_LIST_MODEL (self->timeline),
                           create_timeline_row, self, NULL);
  gtk_list_box_bind_model (self->log_list, G_LIST_MODEL (self->log),
                           create_log_row, self, NULL);
}

GtkWidget *
mi_issue_page_new (void)
{
  return g_object_new (MI_TYPE_ISSUE_PAGE, NULL);
}

MiIssue *
mi_issue_page_get_issue (MiIssuePage *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), NULL);

  return self->issue;
}

void
mi_issue_page_set_issue (MiIssuePage *self,
                         MiIssue     *issue)
{
  g_return_if_fail (MI_IS_ISSUE_PAGE (self));
  g_return_if_fail (issue == NULL || MI_IS_ISSUE (issue));

  if (self->issue == issue)
    return;

  g_ptr_array_set_size (self->handlers, 0);
  g_set_object (&self->issue, issue);
  /* Another folder: its links resolve elsewhere, build the prose again. */
  g_clear_pointer (&self->shown_problem, g_free);
  g_clear_pointer (&self->shown_root_cause, g_free);
  g_clear_pointer (&self->shown_resolution, g_free);
  g_clear_pointer (&self->shown_understanding, g_free);

  if (issue != NULL)
    {
      watch (self, issue, "changed", G_CALLBACK (on_issue_changed_cb));
    }

  /* Relative links of the prose resolve from the issue's folder. */
  {
    GFile *readme = issue != NULL ? mi_issue_get_file (issue, MI_ISSUE_FILE_README) : NULL;
    g_autoptr(GFile) root = readme != NULL ? mi_links_find_root (readme) : NULL;

    mi_preview_set_file (self->prose_preview, readme);
    mi_preview_set_root (self->prose_preview, root);
  }

  gtk_sort_list_model_set_model (self->timeline, issue != NULL ? mi_issue_get_hypotheses (issue) : NULL);
  gtk_sort_list_model_set_model (self->log, issue != NULL ? mi_issue_get_log_entries (issue) : NULL);
  gtk_list_box_bind_model (self->criteria_list,
                           issue != NULL ? mi_issue_get_criteria (issue) : NULL,
                           create_criterion_row, self, NULL);
  mi_attempts_view_set_issue (self->attempts_view, issue);
  mi_test_matrix_set_issue (self->test_matrix, issue);
  mi_chart_set_issue (MI_CHART (self->chart), issue);
  mi_chart_set_issue (MI_CHART (self->overview_chart), issue);
  update_chart_picker (self);
  mi_files_view_set_issue (self->files_view, issue);
  update_chart_menu (self);

  update_overview (self);
}

AdwViewStack *
mi_issue_page_get_stack (MiIssuePage *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), NULL);

  return self->view_stack;
}

/**
 * mi_issue_page_get_timeline:
 *
 * Returns: (transfer none): the description's versions as the Understanding
 *   view shows them, newest first
 */
GListModel *
mi_issue_page_get_timeline (MiIssuePage *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), NULL);

  return G_LIST_MODEL (self->timeline);
}

/**
 * mi_issue_page_get_log:
 *
 * Returns: (transfer none): the log entries as the Log view shows them,
 *   newest first
 */
GListModel *
mi_issue_page_get_log (MiIssuePage *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), NULL);

  return G_LIST_MODEL (self->log);
}

guint
mi_issue_page_get_selected_attempt (MiIssuePage *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), 0);

  return mi_attempts_view_get_selected_number (self->attempts_view);
}

MiAttemptsView *
mi_issue_page_get_attempts_view (MiIssuePage *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), NULL);

  return self->attempts_view;
}

MiTestMatrix *
mi_issue_page_get_test_matrix (MiIssuePage *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), NULL);

  return self->test_matrix;
}

/**
 * mi_issue_page_get_chart:
 *
 * Returns: (transfer none): the chart of the Test cases page
 */
GtkWidget *
mi_issue_page_get_chart (MiIssuePage *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), NULL);

  return self->chart;
}

GtkBox *
mi_issue_page_get_chart_box (MiIssuePage *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), NULL);

  return self->chart_box;
}

MiFilesView *
mi_issue_page_get_files_view (MiIssuePage *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), NULL);

  return self->files_view;
}

/**
 * mi_issue_page_open_file:
 * Opens @file in the editor of the Files view, and shows that view.
 *
 * Returns: (transfer none): its editor
 */
MiEditor *
mi_issue_page_open_file (MiIssuePage *self,
                         GFile       *file)
{
  MiEditor *editor;

  g_return_val_if_fail (MI_IS_ISSUE_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  editor = mi_files_view_open_file (self->files_view, file);
  adw_view_stack_set_visible_child_name (self->view_stack, "files");
  return editor;
}

/**
 * mi_issue_page_choose_status:
 *
 * Shows the Overview with its status menu open, for the keyboard.
 */
void
mi_issue_page_choose_status (MiIssuePage *self)
{
  g_return_if_fail (MI_IS_ISSUE_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  gtk_menu_button_popup (self->status_button);
}
