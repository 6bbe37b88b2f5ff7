/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-issue-row"

#include "config.h"

#include <glib/gi18n.h>

#include "mi-issue-row.h"

/* One meta-issue in the window's list: title, status pill, number of
 * attempts and how the last attempt ended. It only shows the MiIssue. */
struct _MiIssueRow
{
  GtkWidget  parent_instance;

  MiIssue   *issue;
  gulong     notify_handler;
  char      *status_class;

  /* Template widgets */
  GtkLabel  *title_label;
  GtkLabel  *slug_label;
  GtkLabel  *attempts_label;
  GtkLabel  *status_label;
  GtkImage  *outcome_image;
};

G_DEFINE_FINAL_TYPE (MiIssueRow, mi_issue_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ISSUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_outcome_icon_name (MiOutcome outcome)
{
  switch (outcome)
    {
    case MI_OUTCOME_SUCCESS:     return "emblem-ok-symbolic";
    case MI_OUTCOME_PARTIAL:     return "dialog-warning-symbolic";
    case MI_OUTCOME_FAILED:      return "process-stop-symbolic";
    case MI_OUTCOME_IN_PROGRESS: return "content-loading-symbolic";
    case MI_OUTCOME_PENDING:
    default:                     return NULL;
    }
}

static void
set_status_class (MiIssueRow *self,
                  const char *status_class)
{
  if (g_strcmp0 (self->status_class, status_class) == 0)
    return;

  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);

  g_free (self->status_class);
  self->status_class = g_strdup (status_class);

  if (self->status_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
}

static void
set_outcome (MiIssueRow *self,
             MiAttempt  *last)
{
  MiOutcome outcome = last != NULL ? mi_attempt_get_outcome (last) : MI_OUTCOME_PENDING;
  const char *icon_name = get_outcome_icon_name (outcome);
  static const char *outcome_classes[] = { "success", "warning", "error", "accent", NULL };
  g_autofree char *tooltip = NULL;

  for (guint i = 0; outcome_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_image), outcome_classes[i]);

  /* The image keeps its width when empty, so rows line up. */
  if (icon_name == NULL)
    {
      gtk_image_clear (self->outcome_image);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->outcome_image), NULL);
      return;
    }

  gtk_image_set_from_icon_name (self->outcome_image, icon_name);

  switch (outcome)
    {
    case MI_OUTCOME_SUCCESS:
      gtk_widget_add_css_class (GTK_WIDGET (self->outcome_image), "success");
      break;
    case MI_OUTCOME_PARTIAL:
      gtk_widget_add_css_class (GTK_WIDGET (self->outcome_image), "warning");
      break;
    case MI_OUTCOME_FAILED:
      gtk_widget_add_css_class (GTK_WIDGET (self->outcome_image), "error");
      break;
    case MI_OUTCOME_IN_PROGRESS:
      gtk_widget_add_css_class (GTK_WIDGET (self->outcome_image), "accent");
      break;
    case MI_OUTCOME_PENDING:
    default:
      break;
    }

  /* Translators: the tooltip of the icon at the end of a row: "Last attempt: Failed". */
  tooltip = g_strdup_printf (_("Last attempt: %s"), mi_outcome_get_label (outcome));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->outcome_image), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->outcome_image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}

static void
update (MiIssueRow *self)
{
  g_autofree char *attempts = NULL;
  GListModel *model;
  const char *title;
  guint n_attempts;
  MiStatus status;

  if (self->issue == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->slug_label, "");
      gtk_label_set_label (self->attempts_label, "");
      gtk_label_set_label (self->status_label, "");
      set_status_class (self, NULL);
      set_outcome (self, NULL);
      return;
    }

  title = mi_issue_get_title (self->issue);
  if (title == NULL || title[0] == '\0')
    title = mi_issue_get_slug (self->issue);

  model = mi_issue_get_attempts (self->issue);
  n_attempts = model != NULL ? g_list_model_get_n_items (model) : 0;

  /* Translators: the number of solution attempts of a meta-issue. */
  attempts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attempt", "%u attempts", n_attempts),
                              n_attempts);

  status = mi_issue_get_status (self->issue);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->slug_label, mi_issue_get_slug (self->issue));
  gtk_label_set_label (self->attempts_label, attempts);
  gtk_label_set_label (self->status_label, mi_status_get_label (status));
  set_status_class (self, mi_status_to_id (status));
  set_outcome (self, mi_issue_get_last_attempt (self->issue));
}

static void
on_issue_notify_cb (MiIssueRow *self,
                    GParamSpec *pspec,
                    MiIssue    *issue)
{
  update (self);
}

static void
mi_issue_row_dispose (GObject *object)
{
  MiIssueRow *self = MI_ISSUE_ROW (object);
  GtkWidget *child;

  if (self->issue != NULL)
    g_clear_signal_handler (&self->notify_handler, self->issue);
  g_clear_object (&self->issue);

  gtk_widget_dispose_template (GTK_WIDGET (self), MI_TYPE_ISSUE_ROW);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mi_issue_row_parent_class)->dispose (object);
}

static void
mi_issue_row_finalize (GObject *object)
{
  MiIssueRow *self = MI_ISSUE_ROW (object);

  g_clear_pointer (&self->status_class, g_free);

  G_OBJECT_CLASS (mi_issue_row_parent_class)->finalize (object);
}

static void
mi_issue_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MiIssueRow *self = MI_ISSUE_ROW (object);

  switch (prop_id)
    {
    case PROP_ISSUE:
      g_value_set_object (value, self->issue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_issue_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MiIssueRow *self = MI_ISSUE_ROW (object);

  switch (prop_id)
    {
    case PROP_ISSUE:
      mi_issue_row_set_issue (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_issue_row_class_init (MiIssueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_issue_row_dispose;
  object_class->finalize = mi_issue_row_finalize;
  object_class->get_property = mi_issue_row_get_property;
  object_class->set_property = mi_issue_row_set_property;

  properties[PROP_ISSUE] =
    g_param_spec_object ("issue", NULL, NULL,
                         MI_TYPE_ISSUE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-issue-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MiIssueRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MiIssueRow, slug_label);
  gtk_widget_class_bind_template_child (widget_class, MiIssueRow, attempts_label);
  gtk_widget_class_bind_template_child (widget_class, MiIssueRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, MiIssueRow, outcome_image);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mi-issue-row");
}

static void
mi_issue_row_init (MiIssueRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mi_issue_row_new (void)
{
  return g_object_new (MI_TYPE_ISSUE_ROW, NULL);
}

MiIssue *
mi_issue_row_get_issue (MiIssueRow *self)
{
  g_return_val_if_fail (MI_IS_ISSUE_ROW (self), NULL);

  return self->issue;
}

void
mi_issue_row_set_issue (MiIssueRow *self,
                        MiIssue    *issue)
{
  g_return_if_fail (MI_IS_ISSUE_ROW (self));
  g_return_if_fail (issue == NULL || MI_IS_ISSUE (issue));

  if (self->issue == issue)
    return;

  if (self->issue != NULL)
    g_clear_signal_handler (&self->notify_handler, self->issue);

  g_set_object (&self->issue, issue);

  if (self->issue != NULL)
    self->notify_handler = g_signal_connect_object (self->issue, "notify",
                                                    G_CALLBACK (on_issue_notify_cb), self,
                                                    G_CONNECT_SWAPPED);

  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUE]);
}
