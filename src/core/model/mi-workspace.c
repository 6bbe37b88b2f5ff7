/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-workspace"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-claim.h"
#include "mi-issue-private.h"
#include "mi-workspace-private.h"

/*
 * MiWorkspace: a repository's docs/meta-issues/, as a GListModel of MiIssue
 * sorted by slug. Opening reads every meta-issue, in parallel on as many
 * threads as there are processors; open_async does the whole of it in a
 * worker thread, so no main loop waits on the disk.
 *
 * A meta-issue parsed again (after an edit, or a change on disk) keeps its
 * object and is one items-changed of one item. While monitoring
 * (mi-workspace-monitor.c), changes on disk are gathered, then compared
 * with what each meta-issue was when parsed and read again on a worker;
 * the app's own edits are not read a second time, as their parse already
 * holds what they wrote. A new meta-issue is made in mi-workspace-create.c.
 */

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MiWorkspace, mi_workspace, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ROOT,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  FILE_CHANGED,
  COLLECT_CLAIMS,
  FILE_WRITTEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (mi-workspace-error-quark, mi_workspace_error)

static GType
list_model_get_item_type (GListModel *model)
{
  return MI_TYPE_ISSUE;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return MI_WORKSPACE (model)->issues->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  MiWorkspace *self = MI_WORKSPACE (model);

  if (position >= self->issues->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->issues, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static int
compare_slugs (gconstpointer a,
               gconstpointer b)
{
  MiIssue *x = *(MiIssue **) a;
  MiIssue *y = *(MiIssue **) b;

  return strcmp (mi_issue_get_slug (x), mi_issue_get_slug (y));
}

static void
on_issue_changed_cb (MiIssue     *issue,
                     MiWorkspace *self)
{
  const char *slug = mi_issue_get_slug (issue);
  guint lo = 0, hi = self->issues->len;

  if (!mi_issue_get_editing (issue))
    _mi_workspace_flush_after_edit (self, issue);

  /* The list is sorted by slug. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = strcmp (mi_issue_get_slug (g_ptr_array_index (self->issues, mid)), slug);

      if (cmp == 0)
        {
          if (g_ptr_array_index (self->issues, mid) == issue)
            g_list_model_items_changed (G_LIST_MODEL (self), mid, 1, 1);
          return;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
}

/* @issue is in the list from now on. */
void
_mi_workspace_adopt (MiWorkspace *self,
                     MiIssue     *issue)
{
  issue->workspace = self;
  g_signal_connect_object (issue, "changed", G_CALLBACK (on_issue_changed_cb), self, 0);
}

static void
abandon (MiWorkspace *self,
         MiIssue     *issue)
{
  if (issue->workspace == self)
    issue->workspace = NULL;
  g_signal_handlers_disconnect_by_func (issue, on_issue_changed_cb, self);
}

typedef struct
{
  char         **paths;
  MiIssue      **out;
  guint          n;
  gint           next;   /* atomic */
  GCancellable  *cancellable;
} LoadJob;

static gpointer
load_worker (gpointer data)
{
  LoadJob *job = data;

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&job->next, 1);
      g_autoptr(GFile) folder = NULL;

      if (i >= job->n || g_cancellable_is_cancelled (job->cancellable))
        break;

      folder = g_file_new_for_path (job->paths[i]);
      job->out[i] = mi_issue_load (folder, job->cancellable, NULL);
    }

  return NULL;
}

/* Reads every meta-issue folder of @issues_dir, in parallel. */
static GPtrArray *
load_issues (GFile         *issues_dir,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *path = g_file_get_path (issues_dir);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree MiIssue **out = NULL;
  GThread *threads[8];
  guint n_threads;
  LoadJob job = { 0 };
  const char *name;

  dir = g_dir_open (path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&issues);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (name[0] == '.')
        continue;
      child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (paths, g_steal_pointer (&child));
    }

  out = g_new0 (MiIssue *, paths->len + 1);
  job.paths = (char **) paths->pdata;
  job.out = out;
  job.n = paths->len;
  job.cancellable = cancellable;

  n_threads = CLAMP (g_get_num_processors (), 1, G_N_ELEMENTS (threads));
  n_threads = MIN (n_threads, MAX (1, paths->len / 16));
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("mi-load", load_worker, &job);
  load_worker (&job);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      for (guint i = 0; i < paths->len; i++)
        g_clear_object (&out[i]);
      return NULL;
    }

  for (guint i = 0; i < paths->len; i++)
    if (out[i] != NULL)
      g_ptr_array_add (issues, out[i]);

  g_ptr_array_sort (issues, compare_slugs);
  return g_steal_pointer (&issues);
}

static void
mi_workspace_finalize (GObject *object)
{
  MiWorkspace *self = (MiWorkspace *) object;

  for (guint i = 0; i < self->issues->len; i++)
    abandon (self, g_ptr_array_index (self->issues, i));

  g_cancellable_cancel (self->flushing);
  g_clear_object (&self->flushing);
  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_pointer (&self->watcher, mi_watcher_free);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_object (&self->root);
  g_clear_object (&self->issues_dir);
  g_clear_pointer (&self->issues, g_ptr_array_unref);

  G_OBJECT_CLASS (mi_workspace_parent_class)->finalize (object);
}

static void
mi_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MiWorkspace *self = MI_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      g_value_set_object (value, self->root);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->issues->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_workspace_class_init (MiWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_workspace_finalize;
  object_class->get_property = mi_workspace_get_property;

  properties[PROP_ROOT] =
    g_param_spec_object ("root", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MiWorkspace::file-changed:
   * @file: the folder of a meta-issue whose files another program
   *   changed, or docs/meta-issues when meta-issues came or went
   *
   * Emitted while monitoring, once the model holds the change.
   */
  signals[FILE_CHANGED] =
    g_signal_new ("file-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  /**
   * MiWorkspace::collect-claims:
   * @folder: the folder of the meta-issue a structured edit begins on
   * @claims: (element-type MiClaim): where to add one #MiClaim for each
   *   file under @folder with unsaved changes
   *
   * Emitted on the workspace's thread when an edit begins. The edit, on its
   * worker, writes no file whose change would meet the text of a claim.
   */
  signals[COLLECT_CLAIMS] =
    g_signal_new ("collect-claims",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_PTR_ARRAY);

  /**
   * MiWorkspace::file-written:
   * @file: a file a structured edit wrote
   * @before: (nullable): its bytes before, NULL for a new file
   * @after: its bytes now
   *
   * Emitted on the workspace's thread once the edit's meta-issue holds the
   * new parse: an editor of @file follows the edit without reading it.
   */
  signals[FILE_WRITTEN] =
    g_signal_new ("file-written",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_FILE, G_TYPE_BYTES, G_TYPE_BYTES);
}

static void
mi_workspace_init (MiWorkspace *self)
{
  self->issues = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * mi_workspace_find_root:
 * The repository root for @folder: the nearest folder, @folder or one of its
 * parents, that has docs/meta-issues/; else the nearest that is a git
 * repository (a workspace with no meta-issues yet).
 */
GFile *
mi_workspace_find_root (GFile   *folder,
                        GError **error)
{
  g_autoptr(GFile) repository = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  for (dir = g_object_ref (folder); dir != NULL; )
    {
      g_autoptr(GFile) issues = g_file_resolve_relative_path (dir, "docs/meta-issues");
      g_autoptr(GFile) git = g_file_get_child (dir, ".git");
      GFile *parent;

      if (g_file_query_file_type (issues, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        return g_steal_pointer (&dir);
      if (repository == NULL && g_file_query_exists (git, NULL))
        repository = g_object_ref (dir);

      parent = g_file_get_parent (dir);
      g_object_unref (dir);
      dir = parent;
    }

  if (repository != NULL)
    return g_steal_pointer (&repository);

  name = g_file_get_parse_name (folder);
  g_set_error (error, MI_WORKSPACE_ERROR, MI_WORKSPACE_ERROR_NOT_FOUND,
               _("No docs/meta-issues folder and no git repository in “%s” or its parents. Open a folder inside a repository, or create docs/meta-issues in it."),
               name);
  return NULL;
}

MiWorkspace *
mi_workspace_open (GFile         *folder,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(MiWorkspace) self = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GFile) root = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  root = mi_workspace_find_root (folder, error);
  if (root == NULL)
    return NULL;

  self = g_object_new (MI_TYPE_WORKSPACE, NULL);
  self->root = g_steal_pointer (&root);
  self->issues_dir = g_file_resolve_relative_path (self->root, "docs/meta-issues");

  issues = load_issues (self->issues_dir, cancellable, error);
  if (issues == NULL)
    return NULL;

  g_ptr_array_unref (self->issues);
  self->issues = g_steal_pointer (&issues);
  for (guint i = 0; i < self->issues->len; i++)
    _mi_workspace_adopt (self, g_ptr_array_index (self->issues, i));
  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  MiWorkspace *self = mi_workspace_open (task_data, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
mi_workspace_open_async (GFile               *folder,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (folder));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mi_workspace_open_async);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  g_task_run_in_thread (task, open_thread);
}

MiWorkspace *
mi_workspace_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mi_workspace_new:
 * @root: the workspace root, as mi_workspace_find_root() gives it
 *
 * A workspace of @root that has read nothing: its list stays empty until
 * mi_workspace_reload(). For a tool that works on one meta-issue (loaded
 * with mi_issue_load() from mi_workspace_get_issues_dir()) and needs the
 * workspace only for its paths and checks, without reading the others.
 */
MiWorkspace *
mi_workspace_new (GFile *root)
{
  MiWorkspace *self;

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  self = g_object_new (MI_TYPE_WORKSPACE, NULL);
  self->root = g_object_ref (root);
  self->issues_dir = g_file_resolve_relative_path (self->root, "docs/meta-issues");
  return self;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The folder names of docs/meta-issues that are meta-issues, sorted. */
GPtrArray *
_mi_workspace_list_slugs (GFile *issues_dir)
{
  g_autofree char *path = g_file_get_path (issues_dir);
  GPtrArray *slugs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (name[0] == '.')
        continue;
      child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (slugs, g_strdup (name));
    }

  g_ptr_array_sort (slugs, compare_strings);
  return slugs;
}

/*
 * Brings the list in line with @slugs, the folders on disk: meta-issues
 * that stay keep their objects (and a view's selection) and take the
 * parse @fresh has for them, if any; new ones are @fresh's (a folder
 * without one could not be read). Each change is one items-changed.
 */
void
_mi_workspace_sync_list (MiWorkspace *self,
                         GPtrArray   *slugs,
                         GHashTable  *fresh)
{
  guint old_len = self->issues->len;
  guint i = 0, s = 0;

  while (i < self->issues->len || s < slugs->len)
    {
      MiIssue *issue = i < self->issues->len ? g_ptr_array_index (self->issues, i) : NULL;
      const char *slug = s < slugs->len ? g_ptr_array_index (slugs, s) : NULL;
      MiIssue *parsed;
      int cmp;

      if (issue == NULL)
        cmp = 1;
      else if (slug == NULL)
        cmp = -1;
      else
        cmp = strcmp (mi_issue_get_slug (issue), slug);

      if (cmp == 0)
        {
          parsed = g_hash_table_lookup (fresh, slug);
          if (parsed != NULL)
            mi_issue_take_parse (issue, parsed);
          i++;
          s++;
        }
      else if (cmp < 0)
        {
          abandon (self, issue);
          g_ptr_array_remove_index (self->issues, i);
          g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
        }
      else
        {
          s++;
          parsed = g_hash_table_lookup (fresh, slug);
          if (parsed == NULL)
            continue;
          g_ptr_array_insert (self->issues, i, g_object_ref (parsed));
          _mi_workspace_adopt (self, parsed);
          g_list_model_items_changed (G_LIST_MODEL (self), i, 0, 1);
          i++;
        }
    }

  if (old_len != self->issues->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * mi_workspace_reload:
 * Reads the folder again: meta-issues added or removed on disk appear or go,
 * the others are read again if their files changed, and keep their objects.
 */
gboolean
mi_workspace_reload (MiWorkspace   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) slugs = NULL;
  g_autoptr(GHashTable) fresh = NULL;

  g_return_val_if_fail (MI_IS_WORKSPACE (self), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  slugs = _mi_workspace_list_slugs (self->issues_dir);
  fresh = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < slugs->len; i++)
    {
      const char *slug = g_ptr_array_index (slugs, i);
      MiIssue *known = mi_workspace_find_issue (self, slug);
      g_autoptr(GFile) folder = NULL;
      MiIssue *issue;

      /* What is on disk is what was parsed: nothing to read. */
      if (known != NULL)
        {
          g_autoptr(MiIssueStamp) stamp = mi_issue_stamp_new (known);

          if (mi_issue_stamp_matches_disk (stamp))
            continue;
        }

      folder = g_file_get_child (self->issues_dir, slug);
      issue = mi_issue_load (folder, cancellable, NULL);
      if (issue != NULL)
        g_hash_table_insert (fresh, (char *) mi_issue_get_slug (issue), issue);
    }

  _mi_workspace_sync_list (self, slugs, fresh);
  return TRUE;
}

GFile *
mi_workspace_get_root (MiWorkspace *self)
{
  g_return_val_if_fail (MI_IS_WORKSPACE (self), NULL);
  return self->root;
}

GFile *
mi_workspace_get_issues_dir (MiWorkspace *self)
{
  g_return_val_if_fail (MI_IS_WORKSPACE (self), NULL);
  return self->issues_dir;
}

/* The meta-issue in docs/meta-issues/@slug (transfer none), or NULL. */
MiIssue *
mi_workspace_find_issue (MiWorkspace *self,
                         const char  *slug)
{
  g_return_val_if_fail (MI_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  for (guint i = 0; i < self->issues->len; i++)
    {
      MiIssue *issue = g_ptr_array_index (self->issues, i);

      if (g_str_equal (mi_issue_get_slug (issue), slug))
        return issue;
    }
  return NULL;
}

/* @file's path relative to the root, or its full path when outside. */
char *
mi_workspace_get_relative_path (MiWorkspace *self,
                                GFile       *file)
{
  char *relative;

  g_return_val_if_fail (MI_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  relative = g_file_get_relative_path (self->root, file);
  if (relative == NULL)
    relative = g_file_get_parse_name (file);
  return relative;
}

/* Claims and writes (mi-edit.c) */

GPtrArray *
_mi_workspace_collect_claims (MiWorkspace *self,
                              GFile       *folder)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func ((GDestroyNotify) mi_claim_unref);

  g_signal_emit (self, signals[COLLECT_CLAIMS], 0, folder, claims);
  return claims;
}

void
_mi_workspace_emit_written (MiWorkspace     *self,
                            const MiWritten *written)
{
  g_signal_emit (self, signals[FILE_WRITTEN], 0, written->file, written->before, written->after);
}

/* The list's changes (mi-workspace-monitor.c, mi-workspace-create.c) */

void
_mi_workspace_emit_file_changed (MiWorkspace *self,
                                 GFile       *file)
{
  g_signal_emit (self, signals[FILE_CHANGED], 0, file);
}

void
_mi_workspace_notify_n_items (MiWorkspace *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
