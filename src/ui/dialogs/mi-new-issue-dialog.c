/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-new-issue-dialog"

#include "config.h"

#include "meta-issues.h"
#include "mi-new-issue-dialog.h"
#include "mi-ui-util.h"

/* New Meta-Issue: its title and its folder name (the slug). The folder
 * name follows the title until it is typed by hand; a name core would
 * refuse is marked, and the form cannot be sent with it. */
struct _MiNewIssueDialog
{
  MiFormDialog  parent_instance;

  guint         slug_edited : 1;   /* typed by hand: the title no longer writes it */
  guint         setting_slug : 1;  /* the title writing it */

  /* Template widgets */
  AdwEntryRow  *title_row;
  AdwEntryRow  *slug_row;
};

G_DEFINE_FINAL_TYPE (MiNewIssueDialog, mi_new_issue_dialog, MI_TYPE_FORM_DIALOG)

typedef struct
{
  char *title;
  char *slug;
} Values;

static void
values_free (Values *values)
{
  g_free (values->title);
  g_free (values->slug);
  g_free (values);
}

static void
validate (MiNewIssueDialog *self)
{
  const char *slug = mi_new_issue_dialog_get_slug (self);
  gboolean slug_ok = mi_slug_validate (slug, NULL);

  if (slug_ok || slug[0] == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->slug_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->slug_row), "error");

  mi_form_dialog_set_valid (MI_FORM_DIALOG (self),
                            !mi_ui_is_blank (mi_new_issue_dialog_get_title (self)) && slug_ok);
}

static void
on_title_changed_cb (MiNewIssueDialog *self)
{
  if (!self->slug_edited)
    {
      g_autofree char *slug = mi_slug_from_title (mi_new_issue_dialog_get_title (self));

      self->setting_slug = TRUE;
      mi_new_issue_dialog_set_slug (self, slug);
      self->setting_slug = FALSE;
    }

  validate (self);
}

static void
on_slug_changed_cb (MiNewIssueDialog *self)
{
  if (!self->setting_slug)
    self->slug_edited = TRUE;

  validate (self);
}

static void
mi_new_issue_dialog_accept (MiFormDialog *dialog,
                            GTask        *task)
{
  MiNewIssueDialog *self = MI_NEW_ISSUE_DIALOG (dialog);
  Values *values = g_new0 (Values, 1);

  values->title = g_strdup (mi_new_issue_dialog_get_title (self));
  values->slug = g_strdup (mi_new_issue_dialog_get_slug (self));
  g_task_return_pointer (task, values, (GDestroyNotify) values_free);
}

static void
mi_new_issue_dialog_class_init (MiNewIssueDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MiFormDialogClass *form_class = MI_FORM_DIALOG_CLASS (klass);

  form_class->accept = mi_new_issue_dialog_accept;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-new-issue-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiNewIssueDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, MiNewIssueDialog, slug_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_slug_changed_cb);
}

static void
mi_new_issue_dialog_init (MiNewIssueDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  validate (self);
}

MiNewIssueDialog *
mi_new_issue_dialog_new (void)
{
  return g_object_new (MI_TYPE_NEW_ISSUE_DIALOG, NULL);
}

/**
 * mi_new_issue_dialog_run_async:
 * @parent: the window it belongs to
 * @cancellable: (nullable): closes the dialog when cancelled
 *
 * Shows the dialog, the title focused, until it is answered or closed.
 */
void
mi_new_issue_dialog_run_async (MiNewIssueDialog    *self,
                               GtkWindow           *parent,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (MI_IS_NEW_ISSUE_DIALOG (self));

  mi_form_dialog_run_async (MI_FORM_DIALOG (self), parent, cancellable, callback, user_data);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * mi_new_issue_dialog_run_finish:
 * @title: (out) (optional): the meta-issue's title, not blank
 * @slug: (out) (optional): its folder name, valid for mi_slug_validate()
 *
 * Returns: %TRUE when the meta-issue is to be created; %FALSE with
 *   %G_IO_ERROR_CANCELLED when the dialog was closed without it
 */
gboolean
mi_new_issue_dialog_run_finish (MiNewIssueDialog  *self,
                                GAsyncResult      *result,
                                char             **title,
                                char             **slug,
                                GError           **error)
{
  Values *values;

  g_return_val_if_fail (MI_IS_NEW_ISSUE_DIALOG (self), FALSE);

  values = mi_form_dialog_run_finish (MI_FORM_DIALOG (self), result, error);
  if (values == NULL)
    return FALSE;

  if (title != NULL)
    *title = g_steal_pointer (&values->title);
  if (slug != NULL)
    *slug = g_steal_pointer (&values->slug);
  values_free (values);

  return TRUE;
}

const char *
mi_new_issue_dialog_get_title (MiNewIssueDialog *self)
{
  g_return_val_if_fail (MI_IS_NEW_ISSUE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->title_row));
}

/* As if typed: the folder name follows unless it was typed by hand. */
void
mi_new_issue_dialog_set_title (MiNewIssueDialog *self,
                               const char       *title)
{
  g_return_if_fail (MI_IS_NEW_ISSUE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
}

/* The folder name under docs/meta-issues/. */
const char *
mi_new_issue_dialog_get_slug (MiNewIssueDialog *self)
{
  g_return_val_if_fail (MI_IS_NEW_ISSUE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->slug_row));
}

/* As if typed, unless the title is writing it: then it stops following
 * the title. */
void
mi_new_issue_dialog_set_slug (MiNewIssueDialog *self,
                              const char       *slug)
{
  g_return_if_fail (MI_IS_NEW_ISSUE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->slug_row), slug != NULL ? slug : "");
}
