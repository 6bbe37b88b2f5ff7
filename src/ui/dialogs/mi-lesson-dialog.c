/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-lesson-dialog"

#include "config.h"

#include "mi-lesson-dialog.h"

/* Extract Lesson: the category folder under docs/lessons-learned/ and the
 * lesson's file name, both checked as core checks them; the name is
 * suggested from the meta-issue. */
struct _MiLessonDialog
{
  MiFormDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow  *category_row;
  AdwEntryRow  *name_row;
};

G_DEFINE_FINAL_TYPE (MiLessonDialog, mi_lesson_dialog, MI_TYPE_FORM_DIALOG)

typedef struct
{
  char *category;
  char *name;
} Values;

static void
values_free (Values *values)
{
  g_free (values->category);
  g_free (values->name);
  g_free (values);
}

static void
validate (MiLessonDialog *self)
{
  mi_form_dialog_set_valid (MI_FORM_DIALOG (self),
                            mi_lesson_validate_name (mi_lesson_dialog_get_category (self), NULL) &&
                            mi_lesson_validate_name (mi_lesson_dialog_get_name (self), NULL));
}

static void
on_changed_cb (MiLessonDialog *self)
{
  validate (self);
}

static void
mi_lesson_dialog_accept (MiFormDialog *dialog,
                         GTask        *task)
{
  MiLessonDialog *self = MI_LESSON_DIALOG (dialog);
  Values *values = g_new0 (Values, 1);

  values->category = g_strdup (mi_lesson_dialog_get_category (self));
  values->name = g_strdup (mi_lesson_dialog_get_name (self));
  g_task_return_pointer (task, values, (GDestroyNotify) values_free);
}

static void
mi_lesson_dialog_class_init (MiLessonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MiFormDialogClass *form_class = MI_FORM_DIALOG_CLASS (klass);

  form_class->accept = mi_lesson_dialog_accept;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-lesson-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiLessonDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, MiLessonDialog, name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
mi_lesson_dialog_init (MiLessonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  validate (self);
}

/**
 * mi_lesson_dialog_new:
 * @issue: the resolved meta-issue
 *
 * Returns: (transfer none): a new dialog (owned by GTK, as windows are),
 *   the category "general" and the name suggested from @issue filled in
 */
MiLessonDialog *
mi_lesson_dialog_new (MiIssue *issue)
{
  MiLessonDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MI_IS_ISSUE (issue), NULL);

  self = g_object_new (MI_TYPE_LESSON_DIALOG, NULL);
  name = mi_lesson_suggest_name (issue);
  mi_lesson_dialog_set_name (self, name);

  return self;
}

/**
 * mi_lesson_dialog_run_async:
 * @parent: the window it belongs to
 * @cancellable: (nullable): closes the dialog when cancelled
 *
 * Shows the dialog, the category focused, until it is answered or closed.
 */
void
mi_lesson_dialog_run_async (MiLessonDialog      *self,
                            GtkWindow           *parent,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (MI_IS_LESSON_DIALOG (self));

  mi_form_dialog_run_async (MI_FORM_DIALOG (self), parent, cancellable, callback, user_data);
  gtk_widget_grab_focus (GTK_WIDGET (self->category_row));
}

/**
 * mi_lesson_dialog_run_finish:
 * @category: (out) (optional): the category, a valid folder name
 * @name: (out) (optional): the lesson's name, a valid file name
 *
 * Returns: %TRUE when the lesson is to be extracted; %FALSE with
 *   %G_IO_ERROR_CANCELLED when the dialog was closed without it
 */
gboolean
mi_lesson_dialog_run_finish (MiLessonDialog  *self,
                             GAsyncResult    *result,
                             char           **category,
                             char           **name,
                             GError         **error)
{
  Values *values;

  g_return_val_if_fail (MI_IS_LESSON_DIALOG (self), FALSE);

  values = mi_form_dialog_run_finish (MI_FORM_DIALOG (self), result, error);
  if (values == NULL)
    return FALSE;

  if (category != NULL)
    *category = g_steal_pointer (&values->category);
  if (name != NULL)
    *name = g_steal_pointer (&values->name);
  values_free (values);

  return TRUE;
}

const char *
mi_lesson_dialog_get_category (MiLessonDialog *self)
{
  g_return_val_if_fail (MI_IS_LESSON_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->category_row));
}

void
mi_lesson_dialog_set_category (MiLessonDialog *self,
                               const char     *category)
{
  g_return_if_fail (MI_IS_LESSON_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->category_row), category != NULL ? category : "");
}

const char *
mi_lesson_dialog_get_name (MiLessonDialog *self)
{
  g_return_val_if_fail (MI_IS_LESSON_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

void
mi_lesson_dialog_set_name (MiLessonDialog *self,
                           const char     *name)
{
  g_return_if_fail (MI_IS_LESSON_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}
