/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-workspace"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-claim.h"
#include "mi-edit-private.h"
#include "mi-issue-private.h"
#include "mi-templates.h"
#include "mi-watcher.h"
#include "mi-workspace-private.h"

/*
 * MiWorkspace: a repository's docs/meta-issues/, as a GListModel of MiIssue
 * sorted by slug. Opening reads every meta-issue, in parallel on as many
 * threads as there are processors; open_async does the whole of it in a
 * worker thread, so no main loop waits on the disk.
 *
 * A meta-issue parsed again (after an edit, or a change on disk) keeps its
 * object and is one items-changed of one item. While monitoring, changes
 * on disk are gathered, then compared with what each meta-issue was when
 * parsed and read again on a worker; the app's own edits are not read a
 * second time, as their parse already holds what they wrote.
 */
struct _MiWorkspace
{
  GObject     parent_instance;

  GFile      *root;
  GFile      *issues_dir;
  GPtrArray  *issues;     /* of MiIssue, sorted by slug */

  /* Watching the files (mi_workspace_start_monitoring) */
  MiWatcher  *watcher;    /* NULL until monitoring starts */
  GHashTable *dirty;      /* slugs whose files changed */
  gboolean    list_dirty; /* folders came or went in docs/meta-issues */
  guint       flush_source;
  GCancellable *flushing; /* a flush reading on a worker */
};

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

/* Changes on disk are gathered this long before the model reads them. */
#define FLUSH_DELAY_MS 150

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
static void
adopt (MiWorkspace *self,
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
    adopt (self, g_ptr_array_index (self->issues, i));
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
static GPtrArray *
list_slugs (GFile *issues_dir)
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
static void
sync_list (MiWorkspace *self,
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
          adopt (self, parsed);
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

  slugs = list_slugs (self->issues_dir);
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

  sync_list (self, slugs, fresh);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Monitoring                                                              */

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
      job->slugs = list_slugs (job->issues_dir);
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

  if (job->slugs != NULL)
    slugs = g_ptr_array_ref (job->slugs);
  else
    {
      /* The same folders: the ones in the list. */
      slugs = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < self->issues->len; i++)
        g_ptr_array_add (slugs, g_strdup (mi_issue_get_slug (g_ptr_array_index (self->issues, i))));
    }
  sync_list (self, slugs, job->fresh);

  /* Attempt folders may have come or gone. */
  watch_tree (self);

  g_hash_table_iter_init (&iter, job->fresh);
  while (g_hash_table_iter_next (&iter, &slug, NULL))
    {
      g_autoptr(GFile) folder = g_file_get_child (self->issues_dir, slug);

      g_signal_emit (self, signals[FILE_CHANGED], 0, folder);
    }
  if (job->list_dirty)
    g_signal_emit (self, signals[FILE_CHANGED], 0, self->issues_dir);

  /* Changes seen meanwhile. */
  if ((self->list_dirty || g_hash_table_size (self->dirty) > 0) && self->flush_source == 0)
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

/* Creating a meta-issue */

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
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      job->date = g_date_time_format (now, "%Y-%m-%d");
    }
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
  adopt (self, job->issue);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

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
