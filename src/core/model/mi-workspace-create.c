/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-workspace"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-issue.h"
#include "mi-templates.h"
#include "mi-workspace-private.h"

/*
 * Creating a meta-issue (mi_workspace_create_issue() and its _async):
 * the folder and its four files from the templates, written and parsed on
 * the worker, then the new meta-issue put in the list on the workspace's
 * thread.
 */

typedef struct
{
  GFile   *root;
  GFile   *issues_dir;
  char    *title;
  char    *slug;      /* NULL: from the title */
  char    *date;      /* NULL: today */
  MiIssue *issue;     /* the new one, parsed */
} CreateJob;

static void
create_job_free (CreateJob *job)
{
  g_clear_object (&job->root);
  g_clear_object (&job->issues_dir);
  g_free (job->title);
  g_free (job->slug);
  g_free (job->date);
  g_clear_object (&job->issue);
  g_free (job);
}

static CreateJob *
create_job_new (MiWorkspace *self,
                const char  *title,
                const char  *slug,
                const char  *date)
{
  CreateJob *job = g_new0 (CreateJob, 1);

  job->root = g_file_dup (self->root);
  job->issues_dir = g_file_dup (self->issues_dir);
  job->title = g_strdup (title);
  job->slug = g_strdup (slug);
  job->date = g_strdup (date);
  return job;
}

static gboolean
write_new_file (GFile       *file,
                const char  *text,
                GError     **error)
{
  g_autoptr(MiDocument) doc = mi_document_new_for_text (file, text, -1);

  return mi_document_save (doc, NULL, error);
}

/* The worker's part: the folder, its files, and their parse. */
static gboolean
create_job_run (CreateJob  *job,
                GError    **error)
{
  static const struct { const char *template; const char *file; } files[] = {
    { "README", "README.md" },
    { "description", "description.md" },
    { "implementation-log", "implementation-log.md" },
    { "test-cases", "test-cases.md" },
  };
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) texts = NULL;

  mi_edit_check_thread ("Creating a meta-issue");

  {
    g_autofree char *trimmed = g_strstrip (g_strdup (job->title));

    if (*trimmed == '\0' || strchr (trimmed, '\n') != NULL)
      {
        g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE,
                     _("A meta-issue needs a title of one line."));
        return FALSE;
      }
  }

  if (job->slug == NULL)
    job->slug = mi_slug_from_title (job->title);
  if (!mi_slug_validate (job->slug, error))
    return FALSE;

  if (job->date == NULL)
    job->date = mi_date_today ();
  else if (!mi_date_validate (job->date, error))
    return FALSE;

  folder = g_file_get_child (job->issues_dir, job->slug);
  if (g_file_query_exists (folder, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_EXISTS,
                   _("“%s” already exists. Choose another slug with --slug, or open the existing meta-issue."),
                   name);
      return FALSE;
    }

  {
    const char *vars[] = { "title", job->title, "slug", job->slug, "date", job->date,
                           "issue_title", job->title, NULL };

    texts = g_new0 (char *, G_N_ELEMENTS (files) + 1);
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        texts[i] = mi_templates_expand (job->root, files[i].template, vars, error);
        if (texts[i] == NULL)
          return FALSE;
      }
  }

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not create the folder “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, files[i].file);

      if (!write_new_file (file, texts[i], error))
        {
          /* Take back what was written. */
          for (guint j = 0; j < i; j++)
            {
              g_autoptr(GFile) written = g_file_get_child (folder, files[j].file);

              g_file_delete (written, NULL, NULL);
            }
          g_file_delete (folder, NULL, NULL);
          return FALSE;
        }
    }

  job->issue = mi_issue_load (folder, NULL, error);
  return job->issue != NULL;
}

/* Back on the workspace's thread: the new meta-issue joins the list. */
static MiIssue *
create_job_apply (MiWorkspace *self,
                  CreateJob   *job)
{
  MiIssue *existing = mi_workspace_find_issue (self, job->slug);
  guint position;

  /* The watcher was quicker. */
  if (existing != NULL)
    return existing;

  for (position = 0; position < self->issues->len; position++)
    if (strcmp (mi_issue_get_slug (g_ptr_array_index (self->issues, position)), job->slug) > 0)
      break;

  g_ptr_array_insert (self->issues, position, g_object_ref (job->issue));
  _mi_workspace_adopt (self, job->issue);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  _mi_workspace_notify_n_items (self);

  return job->issue;
}

/**
 * mi_workspace_create_issue:
 * Creates docs/meta-issues/@slug/ with README.md, description.md,
 * implementation-log.md and test-cases.md from the templates. @slug NULL
 * derives it from @title. Nothing is left behind when it fails.
 *
 * Returns: (transfer none): the new meta-issue, now in the list.
 */
MiIssue *
mi_workspace_create_issue (MiWorkspace  *self,
                           const char   *title,
                           const char   *slug,
                           const char   *date,
                           GError      **error)
{
  CreateJob *job;
  MiIssue *issue = NULL;

  g_return_val_if_fail (MI_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  job = create_job_new (self, title, slug, date);
  if (create_job_run (job, error))
    issue = create_job_apply (self, job);
  create_job_free (job);
  return issue;
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (!create_job_run (task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * mi_workspace_create_issue_async:
 *
 * mi_workspace_create_issue() on a worker: the new meta-issue is in the
 * list when @callback runs.
 */
void
mi_workspace_create_issue_async (MiWorkspace         *self,
                                 const char          *title,
                                 const char          *slug,
                                 const char          *date,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MI_IS_WORKSPACE (self));
  g_return_if_fail (title != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mi_workspace_create_issue_async);
  g_task_set_task_data (task, create_job_new (self, title, slug, date), (GDestroyNotify) create_job_free);
  g_task_run_in_thread (task, create_thread);
}

/**
 * mi_workspace_create_issue_finish:
 *
 * Returns: (transfer none): the new meta-issue, now in the list
 */
MiIssue *
mi_workspace_create_issue_finish (MiWorkspace   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  CreateJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  return create_job_apply (self, job);
}
