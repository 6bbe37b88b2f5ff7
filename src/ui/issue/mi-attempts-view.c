/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-attempts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "mi-attempts-view.h"
#include "mi-preview.h"
#include "mi-ui-util.h"

/* The Attempts page: the list of a meta-issue's attempts and, beside it,
 * the one selected — hypothesis, expected outcome, result, learning and
 * its two files. A re-parse replaces the attempt objects; the selection
 * follows the attempt's number across it. */
struct _MiAttemptsView
{
  GtkWidget           parent_instance;

  MiIssue            *issue;
  GListModel         *attempts;
  GtkSingleSelection *selection;
  gulong              before_handler;
  gulong              after_handler;
  guint               selected_number;
  guint               restoring : 1;

  /* Template widgets */
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *number_label;
  GtkLabel           *title_label;
  GtkLabel           *outcome_label;
  GtkLabel           *dates_label;
  AdwPreferencesGroup *hypothesis_group;
  GtkLabel           *hypothesis_label;
  AdwPreferencesGroup *expected_group;
  GtkLabel           *expected_label;
  AdwPreferencesGroup *result_group;
  GtkLabel           *result_label;
  AdwPreferencesGroup *learning_group;
  GtkLabel           *learning_label;
  GtkWidget          *approach_button;
  GtkWidget          *results_button;
  GtkWidget          *folder_button;
  AdwActionRow       *folder_row;

  MiPreview          *prose_preview;  /* writes the markup of the texts; never shown */
};

G_DEFINE_FINAL_TYPE (MiAttemptsView, mi_attempts_view, GTK_TYPE_WIDGET)

/* The text as the preview draws it: `code`, *emphasis*, links. */
static void
set_text (MiAttemptsView      *self,
          AdwPreferencesGroup *group,
          GtkLabel            *label,
          const char          *text)
{
  g_autofree char *markup = mi_preview_dup_markup (self->prose_preview, text);

  gtk_widget_set_visible (GTK_WIDGET (group), !mi_ui_is_blank (text));
  gtk_label_set_markup (label, markup);
}

static gboolean
on_activate_link_cb (GtkLabel       *label,
                     const char     *uri,
                     MiAttemptsView *self)
{
  return mi_preview_activate_link (self->prose_preview, uri);
}

static void
set_file_target (GtkWidget  *button,
                 const char *action,
                 GFile      *file)
{
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

  /* The action only with its target: a string action with none warns. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          uri != NULL ? g_variant_new_string (uri) : NULL);
  if (uri != NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_sensitive (button, file != NULL && g_file_query_exists (file, NULL));
}

static void
update_detail (MiAttemptsView *self)
{
  MiAttempt *attempt = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *number = NULL;
  g_autofree char *folder_name = NULL;

  if (attempt == NULL)
    return;

  /* Translators: the number of an attempt, above its title. */
  number = g_strdup_printf (_("Attempt %03u"), mi_attempt_get_number (attempt));
  gtk_label_set_label (self->number_label, number);
  gtk_label_set_label (self->title_label, mi_attempt_get_title (attempt));
  mi_ui_set_outcome_pill (self->outcome_label, mi_attempt_get_outcome (attempt));
  gtk_label_set_label (self->dates_label,
                       mi_attempt_get_dates (attempt) != NULL ? mi_attempt_get_dates (attempt) : "");

  /* Relative links of the texts resolve from the attempt's files. */
  {
    GFile *file = mi_attempt_get_approach_file (attempt) != NULL ? mi_attempt_get_approach_file (attempt)
                                                               : mi_attempt_get_results_file (attempt);
    g_autoptr(GFile) root = file != NULL ? mi_links_find_root (file) : NULL;

    mi_preview_set_file (self->prose_preview, file);
    mi_preview_set_root (self->prose_preview, root);
  }
  set_text (self, self->hypothesis_group, self->hypothesis_label, mi_attempt_get_hypothesis (attempt));
  set_text (self, self->expected_group, self->expected_label, mi_attempt_get_expected_outcome (attempt));
  set_text (self, self->result_group, self->result_label, mi_attempt_get_result (attempt));
  set_text (self, self->learning_group, self->learning_label, mi_attempt_get_learning (attempt));

  set_file_target (self->approach_button, "win.open-file", mi_attempt_get_approach_file (attempt));
  set_file_target (self->results_button, "win.open-file", mi_attempt_get_results_file (attempt));
  set_file_target (self->folder_button, "win.reveal-file", mi_attempt_get_folder (attempt));

  if (mi_attempt_get_folder (attempt) != NULL)
    folder_name = g_file_get_basename (mi_attempt_get_folder (attempt));
  adw_action_row_set_subtitle (self->folder_row, folder_name != NULL ? folder_name : "");
}

static void
update_stack (MiAttemptsView *self)
{
  gboolean empty = self->attempts == NULL || g_list_model_get_n_items (self->attempts) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "attempts");
}

static void
on_selected_item_cb (MiAttemptsView     *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  MiAttempt *attempt = gtk_single_selection_get_selected_item (selection);

  if (!self->restoring && attempt != NULL)
    self->selected_number = mi_attempt_get_number (attempt);

  update_detail (self);
}

/* Runs before the selection sees a change of the model. */
static void
on_attempts_changed_before_cb (MiAttemptsView *self,
                               guint           position,
                               guint           removed,
                               guint           added,
                               GListModel     *model)
{
  self->restoring = TRUE;
}

/* Runs after it: selects the attempt of the same number again. */
static void
on_attempts_changed_after_cb (MiAttemptsView *self,
                              guint           position,
                              guint           removed,
                              guint           added,
                              GListModel     *model)
{
  self->restoring = FALSE;
  mi_attempts_view_select_number (self, self->selected_number);
  update_detail (self);
  update_stack (self);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             MiAttemptsView           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (icon, 16, -1);
  gtk_widget_add_css_class (icon, "outcome-icon");
  gtk_widget_add_css_class (box, "attempt-row");

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), caption);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_list_item_set_child (item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MiAttemptsView           *self)
{
  MiAttempt *attempt = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *caption = gtk_widget_get_next_sibling (title);
  GtkWidget *icon = gtk_widget_get_next_sibling (labels);
  MiOutcome outcome = mi_attempt_get_outcome (attempt);
  const char *icon_name = mi_ui_outcome_icon_name (outcome);
  const char *dates = mi_attempt_get_dates (attempt);
  g_autofree char *text = NULL;

  if (mi_ui_is_blank (dates))
    text = g_strdup_printf (_("Attempt %03u"), mi_attempt_get_number (attempt));
  else
    /* Translators: "Attempt 002 · 2024-09-08 - 09-14" */
    text = g_strdup_printf (_("Attempt %03u · %s"), mi_attempt_get_number (attempt), dates);

  gtk_label_set_label (GTK_LABEL (title), mi_attempt_get_title (attempt));
  gtk_label_set_label (GTK_LABEL (caption), text);

  if (icon_name != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  else
    gtk_image_clear (GTK_IMAGE (icon));
  gtk_widget_set_tooltip_text (icon, mi_outcome_get_label (outcome));
  mi_ui_set_state_class (icon, "outcome-", NULL);
  for (guint i = 0; i < 4; i++)
    {
      static const char *classes[] = { "success", "warning", "error", "accent" };

      gtk_widget_remove_css_class (icon, classes[i]);
    }
  if (mi_ui_outcome_css_class (outcome) != NULL)
    gtk_widget_add_css_class (icon, mi_ui_outcome_css_class (outcome));
}

static void
mi_attempts_view_dispose (GObject *object)
{
  MiAttemptsView *self = MI_ATTEMPTS_VIEW (object);

  mi_attempts_view_set_issue (self, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->prose_preview);

  gtk_widget_dispose_template (GTK_WIDGET (self), MI_TYPE_ATTEMPTS_VIEW);

  G_OBJECT_CLASS (mi_attempts_view_parent_class)->dispose (object);
}

static void
mi_attempts_view_class_init (MiAttemptsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_attempts_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-attempts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, stack);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, number_label);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, dates_label);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, hypothesis_group);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, hypothesis_label);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, expected_group);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, expected_label);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, result_group);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, result_label);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, learning_group);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, learning_label);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, approach_button);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, results_button);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, folder_button);
  gtk_widget_class_bind_template_child (widget_class, MiAttemptsView, folder_row);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* A link of the prose to a file of the workspace: open it in the editor,
 * as the window opens any file (win.open-file). */
static void
on_prose_open_file_cb (MiPreview      *preview,
                       GFile          *file,
                       const char     *fragment,
                       MiAttemptsView *self)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-file", "s", uri);
}

static void
mi_attempts_view_init (MiAttemptsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->prose_preview = g_object_ref_sink (MI_PREVIEW (mi_preview_new ()));
  g_signal_connect_object (self->prose_preview, "open-file", G_CALLBACK (on_prose_open_file_cb), self, 0);
  g_signal_connect_object (self->hypothesis_label, "activate-link", G_CALLBACK (on_activate_link_cb), self, 0);
  g_signal_connect_object (self->expected_label, "activate-link", G_CALLBACK (on_activate_link_cb), self, 0);
  g_signal_connect_object (self->result_label, "activate-link", G_CALLBACK (on_activate_link_cb), self, 0);
  g_signal_connect_object (self->learning_label, "activate-link", G_CALLBACK (on_activate_link_cb), self, 0);

  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_stack (self);
}

GtkWidget *
mi_attempts_view_new (void)
{
  return g_object_new (MI_TYPE_ATTEMPTS_VIEW, NULL);
}

void
mi_attempts_view_set_issue (MiAttemptsView *self,
                            MiIssue        *issue)
{
  g_return_if_fail (MI_IS_ATTEMPTS_VIEW (self));
  g_return_if_fail (issue == NULL || MI_IS_ISSUE (issue));

  if (self->issue == issue)
    return;

  if (self->attempts != NULL)
    {
      g_clear_signal_handler (&self->before_handler, self->attempts);
      g_clear_signal_handler (&self->after_handler, self->attempts);
    }
  g_clear_object (&self->attempts);
  g_set_object (&self->issue, issue);
  self->selected_number = 0;

  if (issue != NULL)
    {
      self->attempts = g_object_ref (mi_issue_get_attempts (issue));
      /* Connected around the selection's own handler: see the callbacks. */
      self->before_handler = g_signal_connect_object (self->attempts, "items-changed",
                                                      G_CALLBACK (on_attempts_changed_before_cb),
                                                      self, G_CONNECT_SWAPPED);
    }

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, self->attempts);

  if (self->attempts != NULL)
    {
      guint n = g_list_model_get_n_items (self->attempts);

      self->after_handler = g_signal_connect_object (self->attempts, "items-changed",
                                                     G_CALLBACK (on_attempts_changed_after_cb),
                                                     self, G_CONNECT_SWAPPED);
      /* The newest attempt first: it is the one being worked on. */
      if (n > 0)
        gtk_single_selection_set_selected (self->selection, n - 1);
    }

  update_detail (self);
  update_stack (self);
}

GtkSingleSelection *
mi_attempts_view_get_selection (MiAttemptsView *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPTS_VIEW (self), NULL);

  return self->selection;
}

guint
mi_attempts_view_get_selected_number (MiAttemptsView *self)
{
  MiAttempt *attempt;

  g_return_val_if_fail (MI_IS_ATTEMPTS_VIEW (self), 0);

  attempt = gtk_single_selection_get_selected_item (self->selection);

  return attempt != NULL ? mi_attempt_get_number (attempt) : 0;
}

void
mi_attempts_view_select_number (MiAttemptsView *self,
                                guint           number)
{
  guint n;

  g_return_if_fail (MI_IS_ATTEMPTS_VIEW (self));

  if (self->attempts == NULL)
    return;

  n = g_list_model_get_n_items (self->attempts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (self->attempts, i);

      if (mi_attempt_get_number (attempt) == number)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}
