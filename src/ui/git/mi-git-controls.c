/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-git-controls"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mi-commit-dialog.h"
#include "mi-credentials-dialog.h"
#include "mi-git-controls.h"
#include "mi-history-dialog.h"
#include "mi-ui-util.h"

/*
 * The git buttons of the header bar, shown only when the workspace is inside
 * a git repository: Commit, with the number of changed files under docs/
 * (read again, debounced, when the workspace's files change), and Sync
 * (fetch, pull, push) with its progress in a toast that can cancel it. It asks
 * for credentials when a remote wants them, and offers to renumber an attempt
 * when two carry the same number (after a pull, typically).
 */

#define REFRESH_DELAY_MS 300

struct _MiGitControls
{
  GtkWidget     parent_instance;

  MiWorkspace  *workspace;
  MiRepository *repository;
  GCancellable *cancellable;        /* listing changes */
  GCancellable *sync_cancellable;
  gulong        file_changed_handler;
  gulong        progress_handler;
  guint         refresh_id;
  int           n_changes;          /* -1 until known */
  guint         listing : 1;
  AdwToast     *sync_toast;
  GHashTable   *offered;            /* attempt folder paths offered for renumbering */

  GtkWidget    *box;
  GtkWidget    *commit_button;
  GtkWidget    *count_label;
  GtkWidget    *sync_button;
  GtkWidget    *sync_stack;
};

G_DEFINE_FINAL_TYPE (MiGitControls, mi_git_controls, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_N_CHANGES,
  PROP_SYNCING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_now (MiGitControls *self);

static void
show_toast (MiGitControls *self,
            AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
set_n_changes (MiGitControls *self,
               int            n_changes)
{
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;

  if (self->n_changes == n_changes)
    return;

  self->n_changes = n_changes;

  count = g_strdup_printf ("%d", MAX (n_changes, 0));
  gtk_label_set_label (GTK_LABEL (self->count_label), count);
  gtk_widget_set_visible (self->count_label, n_changes > 0);
  if (n_changes > 0)
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Commit %d Changed File",
                                            "Commit %d Changed Files", n_changes),
                               n_changes);
  gtk_widget_set_tooltip_text (self->commit_button,
                               tooltip != NULL ? tooltip : _("Commit (no changes)"));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHANGES]);
}

static void
renumbered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MiGitControls) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint number;

  number = mi_issue_renumber_attempt_finish (MI_ISSUE (object), result, &error);
  if (number == 0)
    message = g_strdup_printf (_("Could not renumber the attempt: %s"), error->message);
  else
    message = g_strdup_printf (_("The attempt is now number %03u"), number);

  show_toast (self, adw_toast_new (message));
  mi_git_controls_refresh (self);
}

/* What the Renumber button of a toast renumbers. */
typedef struct
{
  GWeakRef  controls;
  MiIssue  *issue;
  GFile    *folder;   /* the attempt's */
} RenumberOffer;

static void
renumber_offer_free (gpointer  data,
                     GClosure *closure)
{
  RenumberOffer *offer = data;

  g_weak_ref_clear (&offer->controls);
  g_clear_object (&offer->issue);
  g_clear_object (&offer->folder);
  g_free (offer);
}

static void
offer_renumber_cb (AdwToast      *toast,
                   RenumberOffer *offer)
{
  g_autoptr(MiGitControls) self = g_weak_ref_get (&offer->controls);

  if (self == NULL)
    return;

  mi_issue_renumber_attempt_async (offer->issue, offer->folder, NULL, renumbered_cb,
                                   g_steal_pointer (&self));
}

/* Two attempts with one number, after a pull or a merge: offer a fix, once. */
static void
check_duplicates (MiGitControls *self)
{
  GListModel *issues = G_LIST_MODEL (self->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(MiIssue) issue = g_list_model_get_item (issues, i);
      MiAttempt *attempt = mi_issue_find_duplicate_attempt (issue);
      g_autofree char *path = NULL;
      g_autofree char *title = NULL;
      RenumberOffer *offer;
      AdwToast *toast;

      if (attempt == NULL || mi_attempt_get_folder (attempt) == NULL)
        continue;

      path = g_file_get_path (mi_attempt_get_folder (attempt));
      if (g_hash_table_contains (self->offered, path))
        continue;
      g_hash_table_add (self->offered, g_strdup (path));

      title = g_strdup_printf (_("Two attempts of “%s” are numbered %03u"),
                               mi_issue_get_slug (issue), mi_attempt_get_number (attempt));
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Renumber"));
      adw_toast_set_timeout (toast, 0);
      offer = g_new0 (RenumberOffer, 1);
      g_weak_ref_init (&offer->controls, self);
      offer->issue = g_object_ref (issue);
      offer->folder = g_object_ref (mi_attempt_get_folder (attempt));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (offer_renumber_cb),
                             offer, renumber_offer_free, 0);
      show_toast (self, toast);
    }
}

static void
list_changes_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MiGitControls) self = user_data;
  g_autoptr(MiChangeSet) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = mi_repository_list_changes_finish (MI_REPOSITORY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->listing = FALSE;

  if (changes == NULL)
    {
      g_debug ("Could not list the changes: %s", error->message);
      set_n_changes (self, -1);
      return;
    }

  set_n_changes (self, mi_change_set_get_n_files (changes));

  if (self->workspace != NULL)
    check_duplicates (self);
}

static void
refresh_now (MiGitControls *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->repository == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->listing = TRUE;
  mi_repository_list_changes_async (self->repository, self->cancellable, list_changes_cb,
                                    g_object_ref (self));
}

static gboolean
on_refresh_timeout_cb (gpointer user_data)
{
  MiGitControls *self = user_data;

  self->refresh_id = 0;
  refresh_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_file_changed_cb (MiGitControls *self)
{
  mi_git_controls_refresh (self);
}

static void
on_committed_cb (MiGitControls *self,
                 MiCommitInfo  *info,
                 const char    *warning)
{
  g_autofree char *message = NULL;

  if (warning != NULL)
    message = g_strdup_printf (_("Committed %s. %s"), mi_commit_info_get_short_id (info), warning);
  else
    message = g_strdup_printf (_("Committed %s"), mi_commit_info_get_short_id (info));

  show_toast (self, adw_toast_new (message));
  refresh_now (self);
}

/* Credentials */

static void
credentials_dialog_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(MiCredentialsRequest) request = user_data;
  g_autofree char *username = NULL;
  g_autofree char *password = NULL;

  if (mi_credentials_dialog_run_finish (MI_CREDENTIALS_DIALOG (object), result,
                                        &username, &password, NULL))
    mi_credentials_request_answer (request, username, password);
  else
    mi_credentials_request_cancel (request);

  if (password != NULL)
    memset (password, 0, strlen (password));
}

static void
ask_credentials_cb (MiRepository         *repository,
                    MiCredentialsRequest *request,
                    gpointer              user_data)
{
  MiGitControls *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  MiCredentialsDialog *dialog;

  /* No window to ask in: unanswered, the operation stops there. */
  if (!GTK_IS_WINDOW (root))
    {
      mi_credentials_request_cancel (request);
      return;
    }

  dialog = mi_credentials_dialog_new (mi_credentials_request_get_url (request),
                                      mi_credentials_request_get_username (request),
                                      mi_credentials_request_get_retry (request));
  mi_credentials_dialog_run_async (dialog, GTK_WINDOW (root), NULL,
                                   credentials_dialog_cb, g_object_ref (request));
}

/* Sync */

static void
set_syncing (MiGitControls *self,
             gboolean       syncing)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->sync_stack), syncing ? "cancel" : "sync");
  gtk_widget_set_tooltip_text (self->sync_button, syncing ? _("Cancel Sync") : _("Sync: Fetch, Pull and Push"));
  if (!syncing && self->sync_toast != NULL)
    {
      adw_toast_dismiss (self->sync_toast);
      g_clear_object (&self->sync_toast);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

static void
on_progress_cb (MiGitControls *self,
                const char    *message,
                double         fraction,
                MiRepository  *repository)
{
  g_autofree char *title = NULL;

  if (self->sync_toast == NULL)
    return;

  if (fraction >= 0)
    title = g_strdup_printf ("%s (%d %%)", message, (int) (fraction * 100));
  else
    title = g_strdup (message);
  adw_toast_set_title (self->sync_toast, title);
}

static void
sync_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MiGitControls) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  summary = mi_repository_sync_finish (MI_REPOSITORY (object), result, &error);
  g_clear_object (&self->sync_cancellable);
  set_syncing (self, FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, adw_toast_new (_("Sync cancelled")));
  else if (summary == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  _("Could Not Sync"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_widget_add_css_class (dialog, "sync-error");
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    show_toast (self, adw_toast_new (summary));

  refresh_now (self);
}

static void
on_sync_toast_button_cb (MiGitControls *self)
{
  mi_git_controls_cancel_sync (self);
}

static void
on_sync_clicked_cb (MiGitControls *self)
{
  if (self->sync_cancellable != NULL)
    mi_git_controls_cancel_sync (self);
  else
    mi_git_controls_sync (self);
}

static void
on_commit_clicked_cb (MiGitControls *self)
{
  mi_git_controls_show_commit (self);
}

/* GObject */

static void
mi_git_controls_dispose (GObject *object)
{
  MiGitControls *self = MI_GIT_CONTROLS (object);

  mi_git_controls_set_workspace (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (mi_git_controls_parent_class)->dispose (object);
}

static void
mi_git_controls_finalize (GObject *object)
{
  MiGitControls *self = MI_GIT_CONTROLS (object);

  g_clear_pointer (&self->offered, g_hash_table_unref);

  G_OBJECT_CLASS (mi_git_controls_parent_class)->finalize (object);
}

static void
mi_git_controls_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MiGitControls *self = MI_GIT_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_N_CHANGES:
      g_value_set_int (value, self->n_changes);
      break;

    case PROP_SYNCING:
      g_value_set_boolean (value, self->sync_cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_git_controls_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MiGitControls *self = MI_GIT_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      mi_git_controls_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_git_controls_class_init (MiGitControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_git_controls_dispose;
  object_class->finalize = mi_git_controls_finalize;
  object_class->get_property = mi_git_controls_get_property;
  object_class->set_property = mi_git_controls_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         MI_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Changed files under docs/, -1 when unknown. */
  properties[PROP_N_CHANGES] =
    g_param_spec_int ("n-changes", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gitcontrols");
}

static void
mi_git_controls_init (MiGitControls *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

  self->n_changes = -1;
  self->offered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->count_label = gtk_label_new ("0");
  gtk_widget_add_css_class (self->count_label, "numeric");
  gtk_widget_add_css_class (self->count_label, "commit-count");
  gtk_widget_set_visible (self->count_label, FALSE);
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), self->count_label);

  self->commit_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->commit_button), content);
  gtk_widget_add_css_class (self->commit_button, "commit-button");
  gtk_widget_set_tooltip_text (self->commit_button, _("Commit"));
  g_signal_connect_object (self->commit_button, "clicked",
                           G_CALLBACK (on_commit_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), self->commit_button);

  self->sync_stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->sync_stack),
                       gtk_image_new_from_icon_name ("emblem-synchronizing-symbolic"), "sync");
  gtk_stack_add_named (GTK_STACK (self->sync_stack),
                       gtk_image_new_from_icon_name ("process-stop-symbolic"), "cancel");
  self->sync_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->sync_button), self->sync_stack);
  gtk_widget_add_css_class (self->sync_button, "sync-button");
  gtk_widget_set_tooltip_text (self->sync_button, _("Sync: Fetch, Pull and Push"));
  g_signal_connect_object (self->sync_button, "clicked",
                           G_CALLBACK (on_sync_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), self->sync_button);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Public API */

MiWorkspace *
mi_git_controls_get_workspace (MiGitControls *self)
{
  g_return_val_if_fail (MI_IS_GIT_CONTROLS (self), NULL);

  return self->workspace;
}

/**
 * mi_git_controls_set_workspace:
 * Shows the buttons when @workspace is inside a git repository, hides them
 * otherwise.
 */
void
mi_git_controls_set_workspace (MiGitControls *self,
                               MiWorkspace   *workspace)
{
  g_return_if_fail (MI_IS_GIT_CONTROLS (self));
  g_return_if_fail (workspace == NULL || MI_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  mi_git_controls_cancel_sync (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->file_changed_handler, self->workspace);
  if (self->repository != NULL)
    g_clear_signal_handler (&self->progress_handler, self->repository);
  g_clear_object (&self->repository);
  g_hash_table_remove_all (self->offered);
  self->listing = FALSE;

  g_set_object (&self->workspace, workspace);

  if (self->workspace != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Opening finds .git upwards: a few stat() calls, no reading. */
      self->repository = mi_repository_open (mi_workspace_get_root (workspace), &error);
      if (self->repository == NULL)
        g_debug ("No git repository: %s", error->message);
    }

  if (self->repository != NULL)
    {
      self->file_changed_handler =
        g_signal_connect_object (self->workspace, "file-changed",
                                 G_CALLBACK (on_file_changed_cb), self, G_CONNECT_SWAPPED);
      self->progress_handler =
        g_signal_connect_object (self->repository, "progress",
                                 G_CALLBACK (on_progress_cb), self, G_CONNECT_SWAPPED);
      mi_repository_set_credentials_func (self->repository, ask_credentials_cb, self, NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->repository != NULL);
  set_n_changes (self, -1);
  refresh_now (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/* The repository of the workspace, NULL when there is none. */
MiRepository *
mi_git_controls_get_repository (MiGitControls *self)
{
  g_return_val_if_fail (MI_IS_GIT_CONTROLS (self), NULL);

  return self->repository;
}

/* The number on the Commit button: -1 when unknown. */
int
mi_git_controls_get_n_changes (MiGitControls *self)
{
  g_return_val_if_fail (MI_IS_GIT_CONTROLS (self), -1);

  return self->n_changes;
}

/* Reading the changes, or about to. */
gboolean
mi_git_controls_get_busy (MiGitControls *self)
{
  g_return_val_if_fail (MI_IS_GIT_CONTROLS (self), FALSE);

  return self->listing || self->refresh_id != 0;
}

gboolean
mi_git_controls_get_syncing (MiGitControls *self)
{
  g_return_val_if_fail (MI_IS_GIT_CONTROLS (self), FALSE);

  return self->sync_cancellable != NULL;
}

/* Reads the changes again, soon: many file events make one read. */
void
mi_git_controls_refresh (MiGitControls *self)
{
  g_return_if_fail (MI_IS_GIT_CONTROLS (self));

  if (self->repository == NULL)
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, on_refresh_timeout_cb, self);
}

/**
 * mi_git_controls_show_commit:
 * Returns: (transfer none) (nullable): the Commit dialog shown
 */
GtkWindow *
mi_git_controls_show_commit (MiGitControls *self)
{
  MiCommitDialog *dialog;

  g_return_val_if_fail (MI_IS_GIT_CONTROLS (self), NULL);

  if (self->repository == NULL)
    return NULL;

  dialog = mi_commit_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 self->repository);
  g_signal_connect_object (dialog, "committed", G_CALLBACK (on_committed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/**
 * mi_git_controls_show_history:
 * Returns: (transfer none) (nullable): the History dialog of @issue
 */
GtkWindow *
mi_git_controls_show_history (MiGitControls *self,
                              MiIssue       *issue)
{
  MiHistoryDialog *dialog;

  g_return_val_if_fail (MI_IS_GIT_CONTROLS (self), NULL);
  g_return_val_if_fail (MI_IS_ISSUE (issue), NULL);

  if (self->repository == NULL)
    return NULL;

  dialog = mi_history_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  self->repository, issue);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* Fetch, pull and push, with a toast showing the progress and a Cancel button. */
void
mi_git_controls_sync (MiGitControls *self)
{
  g_return_if_fail (MI_IS_GIT_CONTROLS (self));

  if (self->repository == NULL || self->sync_cancellable != NULL)
    return;

  self->sync_cancellable = g_cancellable_new ();
  self->sync_toast = adw_toast_new (_("Syncing…"));
  adw_toast_set_timeout (self->sync_toast, 0);
  adw_toast_set_button_label (self->sync_toast, _("_Cancel"));
  g_signal_connect_object (self->sync_toast, "button-clicked",
                           G_CALLBACK (on_sync_toast_button_cb), self, G_CONNECT_SWAPPED);
  show_toast (self, g_object_ref (self->sync_toast));
  set_syncing (self, TRUE);

  mi_repository_sync_async (self->repository, self->sync_cancellable, sync_cb, g_object_ref (self));
}

void
mi_git_controls_cancel_sync (MiGitControls *self)
{
  g_return_if_fail (MI_IS_GIT_CONTROLS (self));

  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
}
