/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-workspace"

#include "config.h"

#include <string.h>

#include "mi-issue-private.h"
#include "mi-workspace-private.h"

/*
 * MiWorkspace's watching (mi_workspace_start_monitoring()): the folders
 * given to a MiWatcher, the changes it reports gathered for a moment, then
 * a flush on a worker that reads again the meta-issues whose files are no
 * longer what was parsed, and the new ones; back on the workspace's thread
 * the list takes them and ::file-changed says so.
 */

/* Changes on disk are gathered this long before the model reads them. */
#define FLUSH_DELAY_MS 150

/* The watcher's thread checks that each folder is there. */
static void
add_folder (GPtrArray *paths,
            GFile     *folder)
{
  char *path = g_file_get_path (folder);

  if (path != NULL)
    g_ptr_array_add (paths, path);
}

/* Watches docs/meta-issues, each meta-issue, its attempts/ and each
 * attempt's folder: the folders that hold the files of the model. Until
 * docs/meta-issues exists, the nearest folder above it that does. */
static void
watch_tree (MiWorkspace *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  /* Until docs/meta-issues is there, the folders above it, to see it come. */
  if (self->issues->len == 0)
    {
      g_autoptr(GFile) docs = g_file_get_parent (self->issues_dir);

      add_folder (paths, self->root);
      add_folder (paths, docs);
    }
  add_folder (paths, self->issues_dir);

  for (guint i = 0; i < self->issues->len; i++)
    {
      MiIssue *issue = g_ptr_array_index (self->issues, i);
      GFile *folder = mi_issue_get_folder (issue);
      g_autoptr(GFile) attempts_dir = g_file_get_child (folder, "attempts");
      GListModel *attempts = mi_issue_get_attempts (issue);

      add_folder (paths, folder);
      add_folder (paths, attempts_dir);

      for (guint a = 0; a < g_list_model_get_n_items (attempts); a++)
        {
          g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, a);

          if (mi_attempt_get_folder (attempt) != NULL)
            add_folder (paths, mi_attempt_get_folder (attempt));
        }
    }

  mi_watcher_set_folders (self->watcher, paths);
}

/* One flush: what the worker is given, and what it finds. */
typedef struct
{
  GFile      *issues_dir;
  gboolean    list_dirty;
  GPtrArray  *known;     /* slugs in the list when the flush began */
  GPtrArray  *checks;    /* FlushCheck */
  GPtrArray  *slugs;     /* the folders on disk, when list_dirty */
  GHashTable *fresh;     /* slug → MiIssue read again or new */
} FlushJob;

typedef struct
{
  char         *slug;
  MiIssueStamp *stamp;
  guint         parse_serial;  /* the issue's when the flush began */
} FlushCheck;

static void
flush_check_free (FlushCheck *check)
{
  g_free (check->slug);
  mi_issue_stamp_free (check->stamp);
  g_free (check);
}

static void
flush_job_free (FlushJob *job)
{
  g_clear_object (&job->issues_dir);
  g_clear_pointer (&job->known, g_ptr_array_unref);
  g_clear_pointer (&job->checks, g_ptr_array_unref);
  g_clear_pointer (&job->slugs, g_ptr_array_unref);
  g_clear_pointer (&job->fresh, g_hash_table_unref);
  g_free (job);
}

static void
flush_load (FlushJob     *job,
            const char   *slug,
            GCancellable *cancellable)
{
  g_autoptr(GFile) folder = g_file_get_child (job->issues_dir, slug);
  MiIssue *issue = mi_issue_load (folder, cancellable, NULL);

  if (issue != NULL)
    g_hash_table_insert (job->fresh, (char *) mi_issue_get_slug (issue), issue);
}

static void
flush_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FlushJob *job = task_data;

  /* Changed files: read again unless they are what was parsed (an edit
   * of this app, whose parse the meta-issue holds already). */
  for (guint i = 0; i < job->checks->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      FlushCheck *check = g_ptr_array_index (job->checks, i);

      if (!mi_issue_stamp_matches_disk (check->stamp))
        flush_load (job, check->slug, cancellable);
    }

  /* New folders. */
  if (job->list_dirty)
    {
      job->slugs = _mi_workspace_list_slugs (job->issues_dir);
      for (guint i = 0; i < job->slugs->len && !g_cancellable_is_cancelled (cancellable); i++)
        {
          const char *slug = g_ptr_array_index (job->slugs, i);

          if (!g_ptr_array_find_with_equal_func (job->known, slug, g_str_equal, NULL))
            flush_load (job, slug, cancellable);
        }
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean flush_changes_cb (gpointer data);

static int
compare_slugs (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean
has_dirty_not_editing (MiWorkspace *self)
{
  GHashTableIter iter;
  gpointer slug;

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &slug, NULL))
    {
      MiIssue *issue = mi_workspace_find_issue (self, slug);

      if (issue == NULL || !mi_issue_get_editing (issue))
        return TRUE;
    }
  return FALSE;
}

static void
flush_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  MiWorkspace *self = MI_WORKSPACE (object);
  FlushJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) slugs = NULL;
  GHashTableIter iter;
  gpointer slug;

  if (g_task_get_cancellable (G_TASK (result)) != self->flushing ||
      g_cancellable_is_cancelled (self->flushing))
    return;
  g_clear_object (&self->flushing);

  /* A parse read before an edit that was taken meanwhile (or one being
   * written now) would go back in time: drop it, and look again. */
  for (guint i = 0; i < job->checks->len; i++)
    {
      FlushCheck *check = g_ptr_array_index (job->checks, i);
      MiIssue *issue = mi_workspace_find_issue (self, check->slug);

      if (issue != NULL && g_hash_table_contains (job->fresh, check->slug) &&
          (issue->parse_serial != check->parse_serial || mi_issue_get_editing (issue)))
        {
          g_hash_table_remove (job->fresh, check->slug);
          g_hash_table_add (self->dirty, g_strdup (check->slug));
        }
    }

  if (job->slugs != NULL)
    {
      /* The folders on disk, and the meta-issues created meanwhile. */
      slugs = g_ptr_array_copy (job->slugs, (GCopyFunc) g_strdup, NULL);
      g_ptr_array_set_free_func (slugs, g_free);
      for (guint i = 0; i < self->issues->len; i++)
        {
          const char *slug_now = mi_issue_get_slug (g_ptr_array_index (self->issues, i));

          if (!g_ptr_array_find_with_equal_func (job->known, slug_now, g_str_equal, NULL) &&
              !g_ptr_array_find_with_equal_func (slugs, slug_now, g_str_equal, NULL))
            g_ptr_array_add (slugs, g_strdup (slug_now));
        }
      g_ptr_array_sort (slugs, compare_slugs);
    }
  else
    {
      /* The same folders: the ones in the list. */
      slugs = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < self->issues->len; i++)
        g_ptr_array_add (slugs, g_strdup (mi_issue_get_slug (g_ptr_array_index (self->issues, i))));
    }
  _mi_workspace_sync_list (self, slugs, job->fresh);

  /* Attempt folders may have come or gone. */
  watch_tree (self);

  g_hash_table_iter_init (&iter, job->fresh);
  while (g_hash_table_iter_next (&iter, &slug, NULL))
    {
      g_autoptr(GFile) folder = g_file_get_child (self->issues_dir, slug);

      _mi_workspace_emit_file_changed (self, folder);
    }
  if (job->list_dirty)
    _mi_workspace_emit_file_changed (self, self->issues_dir);

  /* Changes seen meanwhile (those of meta-issues being edited wait for
   * the edit: _mi_workspace_flush_after_edit()). */
  if (self->flush_source == 0 && (self->list_dirty || has_dirty_not_editing (self)))
    self->flush_source = g_timeout_add (FLUSH_DELAY_MS, flush_changes_cb, self);
}

/* An edit of @issue was taken: changes seen while it ran are looked at. */
void
_mi_workspace_flush_after_edit (MiWorkspace *self,
                                MiIssue     *issue)
{
  if (self->dirty != NULL && self->flush_source == 0 && self->flushing == NULL &&
      g_hash_table_contains (self->dirty, mi_issue_get_slug (issue)))
    self->flush_source = g_timeout_add (FLUSH_DELAY_MS, flush_changes_cb, self);
}

static gboolean
flush_changes_cb (gpointer data)
{
  MiWorkspace *self = data;
  g_autoptr(GTask) task = NULL;
  GHashTableIter iter;
  gpointer slug;
  FlushJob *job;

  self->flush_source = 0;

  /* One flush at a time: this one's changes wait for the running one. */
  if (self->flushing != NULL)
    return G_SOURCE_REMOVE;

  job = g_new0 (FlushJob, 1);
  job->issues_dir = g_file_dup (self->issues_dir);
  job->list_dirty = self->list_dirty;
  job->known = g_ptr_array_new_with_free_func (g_free);
  job->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) flush_check_free);
  job->fresh = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->list_dirty = FALSE;

  for (guint i = 0; i < self->issues->len; i++)
    g_ptr_array_add (job->known, g_strdup (mi_issue_get_slug (g_ptr_array_index (self->issues, i))));

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &slug, NULL))
    {
      MiIssue *issue = mi_workspace_find_issue (self, slug);
      FlushCheck *check;

      /* A folder not in the list: a new one, or one that went. */
      if (issue == NULL)
        {
          job->list_dirty = TRUE;
          g_hash_table_iter_remove (&iter);
          continue;
        }
      /* An edit of it is being written: its parse will hold what it
       * wrote; compare with that once it is taken. */
      if (mi_issue_get_editing (issue))
        continue;
      check = g_new0 (FlushCheck, 1);
      check->slug = g_strdup (slug);
      check->stamp = mi_issue_stamp_new (issue);
      check->parse_serial = issue->parse_serial;
      g_ptr_array_add (job->checks, check);
      g_hash_table_iter_remove (&iter);
    }

  self->flushing = g_cancellable_new ();
  task = g_task_new (self, self->flushing, flush_done_cb, NULL);
  g_task_set_source_tag (task, flush_changes_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) flush_job_free);
  g_task_run_in_thread (task, flush_thread);

  return G_SOURCE_REMOVE;
}

static void
on_watcher_event_cb (GFile             *file,
                     GFile             *other_file,
                     GFileMonitorEvent  event,
                     gpointer           user_data)
{
  MiWorkspace *self = user_data;
  g_autofree char *relative = NULL;
  g_auto(GStrv) parts = NULL;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      return;
    }

  relative = g_file_get_relative_path (self->issues_dir, file);
  if (relative == NULL)
    {
      /* docs/meta-issues itself, or a folder above it, came or went. */
      if (g_file_equal (file, self->issues_dir) || g_file_has_prefix (self->issues_dir, file))
        self->list_dirty = TRUE;
      else
        return;
    }
  else
    {
      parts = g_strsplit (relative, G_DIR_SEPARATOR_S, 2);
      if (parts[0] == NULL || parts[0][0] == '.')
        return;
      if (parts[1] == NULL)
        self->list_dirty = TRUE;
      g_hash_table_add (self->dirty, g_strdup (parts[0]));
    }

  if (other_file != NULL)
    {
      g_autofree char *other = g_file_get_relative_path (self->issues_dir, other_file);

      if (other != NULL && strchr (other, G_DIR_SEPARATOR) == NULL)
        self->list_dirty = TRUE;
    }

  if (self->flush_source == 0)
    self->flush_source = g_timeout_add (FLUSH_DELAY_MS, flush_changes_cb, self);
}

/**
 * mi_workspace_start_monitoring:
 * From now on, changes that any program makes to the files appear in the
 * model within a fraction of a second: meta-issues are read again (keeping
 * their objects), added or removed. Call it from the thread whose main
 * context should run the updates (the main thread for a UI).
 */
void
mi_workspace_start_monitoring (MiWorkspace *self)
{
  g_return_if_fail (MI_IS_WORKSPACE (self));

  if (self->watcher != NULL)
    return;

  self->watcher = mi_watcher_new (on_watcher_event_cb, self);
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  watch_tree (self);
}
