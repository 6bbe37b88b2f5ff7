/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mi-form-dialog.h"

/*
 * The base of the window's small forms (New Attempt, Record Result …): an
 * AdwMessageDialog run once, asynchronously, as GNOME Console runs its
 * close dialog. The run ends at the first response, or when the dialog
 * goes away without one (its window destroyed, a newer form shown, the
 * cancellable cancelled): the accept response gives the subclass's typed
 * values, anything else G_IO_ERROR_CANCELLED. Either way the dialog is
 * destroyed then. (The caller's callback often holds its window: the run
 * must not wait for the window's dispose to end.)
 *
 * The dialog hides on close: a response button closes the window before
 * it emits ::response, and a destroyed window would end the run as
 * cancelled first. So only a destroy from outside unrealizes it while it
 * runs.
 */

typedef struct
{
  GTask     *task;                /* the run, until it ends */
  GtkWindow *parent;              /* weak, while it runs */
  gulong     cancelled_handler;
  gulong     parent_handler;
} MiFormDialogPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MiFormDialog, mi_form_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char *
get_accept_response (MiFormDialog *self)
{
  return adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (self));
}

static void
end_run (MiFormDialog *self,
         const char   *response)
{
  MiFormDialogPrivate *priv = mi_form_dialog_get_instance_private (self);
  g_autoptr(GTask) task = g_steal_pointer (&priv->task);
  gboolean accepted;

  if (task == NULL)
    return;

  if (g_task_get_cancellable (task) != NULL)
    g_clear_signal_handler (&priv->cancelled_handler, g_task_get_cancellable (task));
  if (priv->parent != NULL)
    g_clear_signal_handler (&priv->parent_handler, priv->parent);
  g_clear_weak_pointer (&priv->parent);

  accepted = response != NULL &&
             g_strcmp0 (response, get_accept_response (self)) == 0 &&
             mi_form_dialog_get_valid (self);

  /* Off the screen before the caller hears of it. The task keeps the
   * dialog, and so its rows, alive until then: maybe longer than its
   * window, which GTK would not forget (it keeps a destroyed dialog's
   * parent), so let go of it now. */
  gtk_window_destroy (GTK_WINDOW (self));
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);

  if (accepted)
    MI_FORM_DIALOG_GET_CLASS (self)->accept (self, task);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The dialog was closed"));
}

static void
on_response_cb (MiFormDialog *self,
                const char   *response)
{
  end_run (self, response);
}

static void
on_cancelled_cb (MiFormDialog *self,
                 GCancellable *cancellable)
{
  end_run (self, NULL);
}

static void
on_parent_unrealize_cb (MiFormDialog *self)
{
  /* Its window destroyed: GTK would destroy the dialog only once the
   * window is disposed. */
  end_run (self, NULL);
}

static void
mi_form_dialog_unrealize (GtkWidget *widget)
{
  /* Destroyed from outside while it runs. */
  end_run (MI_FORM_DIALOG (widget), NULL);

  GTK_WIDGET_CLASS (mi_form_dialog_parent_class)->unrealize (widget);
}

static void
mi_form_dialog_class_init (MiFormDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->unrealize = mi_form_dialog_unrealize;
}

static void
mi_form_dialog_init (MiFormDialog *self)
{
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);

  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

/**
 * mi_form_dialog_run_async:
 * @parent: the window it belongs to
 * @cancellable: (nullable): closes the dialog when cancelled (on the main
 *   thread)
 *
 * Shows the dialog on @parent. It runs once: call the subclass's typed
 * `_run_finish` in @callback. The dialog is destroyed when the run ends.
 */
void
mi_form_dialog_run_async (MiFormDialog        *self,
                          GtkWindow           *parent,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  MiFormDialogPrivate *priv = mi_form_dialog_get_instance_private (self);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MI_IS_FORM_DIALOG (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (priv->task == NULL);
  g_return_if_fail (MI_FORM_DIALOG_GET_CLASS (self)->accept != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mi_form_dialog_run_async);

  if (g_task_return_error_if_cancelled (task))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  priv->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    priv->cancelled_handler = g_signal_connect_object (cancellable, "cancelled",
                                                       G_CALLBACK (on_cancelled_cb), self,
                                                       G_CONNECT_SWAPPED);
  g_set_weak_pointer (&priv->parent, parent);
  priv->parent_handler = g_signal_connect_object (parent, "unrealize",
                                                  G_CALLBACK (on_parent_unrealize_cb), self,
                                                  G_CONNECT_SWAPPED);

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * mi_form_dialog_run_finish:
 *
 * For the subclasses' `_run_finish`.
 *
 * Returns: (transfer full) (nullable): what the subclass's @accept
 *   returned on the task (never %NULL), or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when the dialog was closed without the accept
 *   response)
 */
gpointer
mi_form_dialog_run_finish (MiFormDialog  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (MI_IS_FORM_DIALOG (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mi_form_dialog_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Whether the accept response is enabled: the form may be sent. */
gboolean
mi_form_dialog_get_valid (MiFormDialog *self)
{
  g_return_val_if_fail (MI_IS_FORM_DIALOG (self), FALSE);

  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self),
                                                  get_accept_response (self));
}

void
mi_form_dialog_set_valid (MiFormDialog *self,
                          gboolean      valid)
{
  g_return_if_fail (MI_IS_FORM_DIALOG (self));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self),
                                           get_accept_response (self), valid);
}
