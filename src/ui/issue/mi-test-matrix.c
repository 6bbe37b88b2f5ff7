/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-test-matrix"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mi-test-matrix.h"
#include "mi-ui-util.h"

/* The Test cases page's matrix: one row per test case, a column for its
 * target, then one column per attempt whose cell is the value measured,
 * coloured by its verdict. The attempt columns are rebuilt when the
 * attempts change; the rows follow the test cases model. */
struct _MiTestMatrix
{
  GtkWidget      parent_instance;

  MiIssue       *issue;
  GListModel    *attempts;
  gulong         attempts_handler;
  GArray        *numbers;   /* guint: the attempt of each attempt column */

  GtkColumnView *column_view;
};

G_DEFINE_FINAL_TYPE (MiTestMatrix, mi_test_matrix, GTK_TYPE_WIDGET)

static GtkWidget *
new_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  return label;
}

/* A label that wraps to two lines before it ellipsizes: the titles and
 * targets of test cases ("< 1,000ms (avg)") are read, not glanced at. */
static GtkWidget *
new_wrapping_label (int width_chars)
{
  GtkWidget *label = new_cell_label ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), width_chars);

  return label;
}

static void
on_setup_target_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  gtk_list_item_set_child (item, new_wrapping_label (10));
}

static void
on_setup_label_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  gtk_list_item_set_child (item, new_cell_label ());
}

static void
on_setup_case_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *id = new_cell_label ();
  GtkWidget *title = new_wrapping_label (14);

  gtk_widget_add_css_class (id, "caption-heading");
  gtk_widget_add_css_class (id, "dim-label");
  gtk_box_append (GTK_BOX (box), id);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  gtk_list_item_set_child (item, box);
}

static void
on_bind_case_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  MiTestCase *test_case = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *id = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (id);

  gtk_label_set_label (GTK_LABEL (id), mi_test_case_get_id (test_case));
  gtk_label_set_label (GTK_LABEL (title), mi_test_case_get_title (test_case));
  gtk_widget_set_tooltip_text (box, mi_test_case_get_procedure (test_case));
}

static void
on_bind_target_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  MiTestCase *test_case = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  MiMeasurement *target = mi_test_case_get_target (test_case);

  gtk_label_set_label (GTK_LABEL (label), target != NULL ? mi_measurement_get_text (target) : "—");
  gtk_widget_add_css_class (label, "target-cell");
  gtk_widget_set_tooltip_text (label, mi_test_case_get_target_metric (test_case));
}

/* @user_data: the number of the column's attempt */
static void
on_bind_result_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  MiTestCase *test_case = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint number = GPOINTER_TO_UINT (user_data);
  MiResult *result = mi_test_case_find_result (test_case, number);
  MiVerdict verdict = result != NULL ? mi_result_get_verdict (result) : MI_VERDICT_UNKNOWN;

  if (result == NULL)
    {
      gtk_label_set_label (GTK_LABEL (label), "—");
      mi_ui_set_state_class (label, "verdict-", "verdict-none");
      gtk_widget_set_tooltip_text (label, _("Not measured"));
      return;
    }

  gtk_label_set_label (GTK_LABEL (label), mi_result_get_text (result));
  mi_ui_set_state_class (label, "verdict-", mi_ui_verdict_css_class (verdict));
  gtk_widget_set_tooltip_text (label, mi_verdict_get_label (verdict));
}

/* @number: the attempt of the column, given to @bind; 0 for none */
static GtkColumnViewColumn *
new_column (const char *title,
            GCallback   setup,
            GCallback   bind,
            guint       number)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, GUINT_TO_POINTER (number));

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);

  return column;
}

static void
clear_columns (MiTestMatrix *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
rebuild_columns (MiTestMatrix *self)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = self->attempts != NULL ? g_list_model_get_n_items (self->attempts) : 0;
  GtkColumnViewColumn *column;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (self->attempts, i);
      guint number = mi_attempt_get_number (attempt);
      gboolean seen = FALSE;

      for (guint j = 0; j < numbers->len; j++)
        seen |= g_array_index (numbers, guint, j) == number;
      if (!seen)
        g_array_append_val (numbers, number);
    }

  /* The same attempts: the columns stay, the cells rebind with the rows. */
  if (self->numbers != NULL &&
      self->numbers->len == numbers->len &&
      (numbers->len == 0 ||
       memcmp (self->numbers->data, numbers->data, numbers->len * sizeof (guint)) == 0) &&
      g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view)) > 0)
    return;

  g_clear_pointer (&self->numbers, g_array_unref);
  self->numbers = g_steal_pointer (&numbers);

  clear_columns (self);

  if (self->issue == NULL)
    return;

  column = new_column (_("Test Case"), G_CALLBACK (on_setup_case_cb), G_CALLBACK (on_bind_case_cb), 0);
  gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  column = new_column (_("Target"), G_CALLBACK (on_setup_target_cb), G_CALLBACK (on_bind_target_cb), 0);
  gtk_column_view_column_set_fixed_width (column, 132);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  for (guint i = 0; i < self->numbers->len; i++)
    {
      guint number = g_array_index (self->numbers, guint, i);
      /* Translators: the header of the column of one attempt's results. */
      g_autofree char *title = g_strdup_printf (_("Attempt %03u"), number);

      column = new_column (title, G_CALLBACK (on_setup_label_cb), G_CALLBACK (on_bind_result_cb), number);
      gtk_column_view_column_set_fixed_width (column, 104);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

static void
on_attempts_changed_cb (MiTestMatrix *self,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GListModel   *model)
{
  rebuild_columns (self);
}

static void
mi_test_matrix_dispose (GObject *object)
{
  MiTestMatrix *self = MI_TEST_MATRIX (object);

  mi_test_matrix_set_issue (self, NULL);
  if (self->column_view != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->column_view));
      self->column_view = NULL;
    }
  g_clear_pointer (&self->numbers, g_array_unref);

  G_OBJECT_CLASS (mi_test_matrix_parent_class)->dispose (object);
}

static void
mi_test_matrix_class_init (MiTestMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_test_matrix_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mi-test-matrix");
}

static void
mi_test_matrix_init (MiTestMatrix *self)
{
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "test-matrix");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Test results by attempt"),
                                  -1);
  gtk_widget_set_parent (GTK_WIDGET (self->column_view), GTK_WIDGET (self));
}

GtkWidget *
mi_test_matrix_new (void)
{
  return g_object_new (MI_TYPE_TEST_MATRIX, NULL);
}

void
mi_test_matrix_set_issue (MiTestMatrix *self,
                          MiIssue      *issue)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (MI_IS_TEST_MATRIX (self));
  g_return_if_fail (issue == NULL || MI_IS_ISSUE (issue));

  if (self->issue == issue)
    return;

  if (self->attempts != NULL)
    g_clear_signal_handler (&self->attempts_handler, self->attempts);
  g_clear_object (&self->attempts);
  g_set_object (&self->issue, issue);
  g_clear_pointer (&self->numbers, g_array_unref);

  if (issue != NULL)
    {
      self->attempts = g_object_ref (mi_issue_get_attempts (issue));
      self->attempts_handler = g_signal_connect_object (self->attempts, "items-changed",
                                                        G_CALLBACK (on_attempts_changed_cb), self,
                                                        G_CONNECT_SWAPPED);
      selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (mi_issue_get_test_cases (issue))));
    }

  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (self->column_view, selection);
      rebuild_columns (self);
    }
}

GtkColumnView *
mi_test_matrix_get_column_view (MiTestMatrix *self)
{
  g_return_val_if_fail (MI_IS_TEST_MATRIX (self), NULL);

  return self->column_view;
}
