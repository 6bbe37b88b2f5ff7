/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-repository"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-markdown.h"
#include "mi-repository-private.h"

/*
 * MiRepository, the review: the files under docs/ that differ from the last
 * commit, as a MiChangeSet grouped by meta-issue, with the facts the commit
 * message suggestion needs (read here, on the worker, from HEAD and the
 * working tree); and the diff of one file for a diff view.
 */

static char *
slug_of (const char *path)
{
  const char *rest, *slash;

  if (!g_str_has_prefix (path, ISSUES_PREFIX))
    return NULL;
  rest = path + strlen (ISSUES_PREFIX);
  slash = strchr (rest, '/');
  if (slash == NULL || slash == rest)
    return NULL;
  return g_strndup (rest, slash - rest);
}

/* "docs/meta-issues/x/attempts/004-y/z.md" → "004-y" and the folder's path. */
static char *
attempt_folder_of (const char  *path,
                   char       **folder_path)
{
  g_autofree char *slug = slug_of (path);
  const char *rest, *slash;

  if (slug == NULL)
    return NULL;
  rest = path + strlen (ISSUES_PREFIX) + strlen (slug) + 1;
  if (!g_str_has_prefix (rest, "attempts/"))
    return NULL;
  rest += strlen ("attempts/");
  slash = strchr (rest, '/');
  if (slash == NULL || !g_ascii_isdigit (*rest))
    return NULL;
  if (folder_path != NULL)
    *folder_path = g_strndup (path, slash - path);
  return g_strndup (rest, slash - rest);
}

/* The status a README says, read as MiIssue reads it: the first
 * `**Status:**` line of prose or of a list. */
static MiStatus
find_status (GBytes *bytes)
{
  g_autoptr(MiMarkdown) md = NULL;
  const char *data;
  gsize len;

  if (bytes == NULL)
    return MI_STATUS_UNKNOWN;
  data = g_bytes_get_data (bytes, &len);
  md = mi_markdown_parse (data != NULL ? data : "", len);
  for (guint i = 1; i <= md->n_lines; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *key = mi_markdown_line_key_value (md, i, &value);

      if (key != NULL && g_str_equal (key, "status"))
        {
          g_autofree char *plain = mi_markdown_strip_inline (value);

          return mi_status_parse (plain, NULL);
        }
    }
  return MI_STATUS_UNKNOWN;
}

static int
added_results_cb (const git_diff_delta *delta,
                  const git_diff_hunk  *hunk,
                  const git_diff_line  *line,
                  void                 *payload)
{
  GArray *attempts = payload;
  g_autofree char *text = NULL;
  const char *p;
  guint number = 0;

  if (line->origin != GIT_DIFF_LINE_ADDITION)
    return 0;
  text = g_strndup (line->content, line->content_len);
  p = text;
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '-' && *p != '*' && *p != '+')
    return 0;
  p++;
  while (*p == ' ' || *p == '\t')
    p++;
  if (g_ascii_strncasecmp (p, "attempt", 7) != 0)
    return 0;
  p += 7;
  while (*p == ' ' || *p == '#')
    p++;
  if (!g_ascii_isdigit (*p))
    return 0;
  while (g_ascii_isdigit (*p))
    number = number * 10 + (guint) (*p++ - '0');
  g_array_append_val (attempts, number);
  return 0;
}

/* What the suggestion needs to know about @file, from HEAD and the working tree. */
static void
read_facts (MiRepository   *self,
            git_repository *repo,
            git_tree       *head_tree,
            MiChangedFile  *file)
{
  g_autofree char *folder_path = NULL;
  g_autofree char *folder = attempt_folder_of (file->path, &folder_path);
  g_autofree char *readme = NULL;
  g_autofree char *tests = NULL;
  git_oid id;

  if (file->slug == NULL)
    return;

  if (folder != NULL)
    {
      g_autofree char *old_folder_path = NULL;
      g_autofree char *old_folder = file->old_path ? attempt_folder_of (file->old_path, &old_folder_path) : NULL;
      g_autofree char *full = g_build_filename (self->workdir_path, folder_path, NULL);

      if (file->change == MI_FILE_CHANGE_ADDED && !_mi_repository_tree_entry_id (head_tree, folder_path, &id))
        file->attempt_event = ATTEMPT_ADDED;
      else if (file->change == MI_FILE_CHANGE_DELETED && !g_file_test (full, G_FILE_TEST_IS_DIR))
        file->attempt_event = ATTEMPT_REMOVED;
      else if (file->change == MI_FILE_CHANGE_RENAMED && old_folder != NULL &&
               !g_str_equal (old_folder_path, folder_path) &&
               !_mi_repository_tree_entry_id (head_tree, folder_path, &id))
        {
          file->attempt_event = ATTEMPT_MOVED;
          file->old_attempt_folder = g_steal_pointer (&old_folder);
        }
      if (file->attempt_event != ATTEMPT_NONE)
        file->attempt_folder = g_steal_pointer (&folder);
      return;
    }

  readme = g_strconcat (ISSUES_PREFIX, file->slug, "/README.md", NULL);
  tests = g_strconcat (ISSUES_PREFIX, file->slug, "/test-cases.md", NULL);

  if (g_str_equal (file->path, readme) && file->change != MI_FILE_CHANGE_DELETED)
    {
      g_autoptr(GBytes) before = _mi_repository_read_tree_file (repo, head_tree,
                                                                file->old_path ? file->old_path : file->path);
      g_autoptr(GBytes) after = _mi_repository_read_workdir_file (self, file->path);
      MiStatus old_status = find_status (before);
      MiStatus new_status = find_status (after);

      if (new_status != old_status)
        file->new_status = new_status;
    }
  else if (g_str_equal (file->path, tests) && file->change != MI_FILE_CHANGE_DELETED)
    {
      g_autoptr(GBytes) before = _mi_repository_read_tree_file (repo, head_tree,
                                                                file->old_path ? file->old_path : file->path);
      g_autoptr(GBytes) after = _mi_repository_read_workdir_file (self, file->path);
      g_autoptr(git_patch) patch = NULL;
      gsize before_len = 0, after_len = 0;
      const char *before_data = before ? g_bytes_get_data (before, &before_len) : NULL;
      const char *after_data = after ? g_bytes_get_data (after, &after_len) : NULL;

      file->result_attempts = g_array_new (FALSE, FALSE, sizeof (guint));
      git_diff_buffers (before_data, before_len, NULL, after_data, after_len, NULL, NULL,
                        NULL, NULL, NULL, added_results_cb, file->result_attempts);
    }
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  MiChangedFile *x = *(MiChangedFile **) a;
  MiChangedFile *y = *(MiChangedFile **) b;

  if ((x->slug == NULL) != (y->slug == NULL))
    return x->slug == NULL ? 1 : -1;
  if (x->slug != NULL && !g_str_equal (x->slug, y->slug))
    return strcmp (x->slug, y->slug);
  return strcmp (x->path, y->path);
}

static MiChangedFile *
changed_file_from_entry (const git_status_entry *entry)
{
  const git_diff_delta *h2i = entry->head_to_index;
  const git_diff_delta *i2w = entry->index_to_workdir;
  const char *path, *old_path = NULL;
  gboolean in_head, in_workdir;
  MiChangedFile *file;

  if (entry->status == GIT_STATUS_CURRENT || (entry->status & GIT_STATUS_IGNORED) != 0)
    return NULL;
  if (h2i == NULL && i2w == NULL)
    return NULL;

  path = i2w != NULL ? i2w->new_file.path : h2i->new_file.path;
  if (h2i != NULL && h2i->status == GIT_DELTA_RENAMED)
    old_path = h2i->old_file.path;
  else if (i2w != NULL && i2w->status == GIT_DELTA_RENAMED)
    old_path = i2w->old_file.path;

  if (h2i != NULL)
    in_head = h2i->status != GIT_DELTA_ADDED;
  else
    in_head = i2w->status != GIT_DELTA_UNTRACKED && i2w->status != GIT_DELTA_ADDED;
  if (i2w != NULL)
    in_workdir = i2w->status != GIT_DELTA_DELETED;
  else
    in_workdir = h2i->status != GIT_DELTA_DELETED;

  if (!in_head && !in_workdir)
    return NULL;

  file = g_object_new (MI_TYPE_CHANGED_FILE, NULL);
  file->path = g_strdup (path);
  file->slug = slug_of (path);
  file->staged = h2i != NULL;

  if (old_path != NULL && !g_str_equal (old_path, path))
    {
      file->change = MI_FILE_CHANGE_RENAMED;
      file->old_path = g_strdup (old_path);
    }
  else if (!in_head)
    file->change = MI_FILE_CHANGE_ADDED;
  else if (!in_workdir)
    file->change = MI_FILE_CHANGE_DELETED;
  else if ((entry->status & (GIT_STATUS_INDEX_TYPECHANGE | GIT_STATUS_WT_TYPECHANGE)) != 0)
    file->change = MI_FILE_CHANGE_TYPE_CHANGED;
  else
    file->change = MI_FILE_CHANGE_MODIFIED;

  return file;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

/**
 * mi_repository_list_changes:
 *
 * The files under docs/ that differ from the last commit (new, modified,
 * deleted, renamed — staged or not), grouped by meta-issue, with what the
 * commit dialog shows around them: the branch, a detached HEAD, what would
 * block a commit, the committer's identity.
 *
 * Returns: (transfer full): the change set
 */
MiChangeSet *
mi_repository_list_changes (MiRepository  *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_commit) head_commit = NULL;
  g_autoptr(git_tree) head_tree = NULL;
  g_autoptr(git_status_list) status = NULL;
  g_autoptr(MiChangeSet) set = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  git_status_options options;
  char *pathspec[] = { (char *) "docs/" };
  MiChangeGroup *group = NULL;
  size_t n;
  int rc;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);

  repo = _mi_repository_open_git (self, error);
  if (repo == NULL || !_mi_repository_read_head (repo, &head_commit, &head_tree, error))
    return NULL;

  set = g_object_new (MI_TYPE_CHANGE_SET, NULL);
  set->unborn = head_commit == NULL;
  set->detached = git_repository_head_detached (repo) == 1;
  if (!set->detached)
    {
      g_autoptr(git_reference) head = NULL;

      if (git_reference_lookup (&head, repo, "HEAD") == 0 && git_reference_type (head) == GIT_REFERENCE_SYMBOLIC)
        {
          const char *target = git_reference_symbolic_target (head);

          set->branch = g_strdup (g_str_has_prefix (target, "refs/heads/") ? target + 11 : target);
        }
    }
  else
    set->warning = g_strdup (_("No branch is checked out (HEAD is detached): a commit made now "
                               "belongs to no branch and is easily lost. Check out a branch "
                               "first (“git switch main”), or create one after committing."));
  set->blocker = _mi_repository_describe_state (repo);
  if (set->blocker == NULL)
    set->blocker = _mi_repository_describe_lock (repo);
  _mi_repository_read_identity (repo, &set->user_name, &set->user_email);

  git_status_options_init (&options, GIT_STATUS_OPTIONS_VERSION);
  options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                  GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX | GIT_STATUS_OPT_RENAMES_INDEX_TO_WORKDIR |
                  GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  options.pathspec.strings = pathspec;
  options.pathspec.count = 1;

  rc = git_status_list_new (&status, repo, &options);
  if (rc < 0)
    {
      _mi_repository_set_git_error (error, rc, _("Could not list the changed files"));
      return NULL;
    }

  n = git_status_list_entrycount (status);
  for (size_t i = 0; i < n; i++)
    {
      MiChangedFile *file = changed_file_from_entry (git_status_byindex (status, i));

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (file == NULL)
        continue;
      read_facts (self, repo, head_tree, file);
      g_ptr_array_add (files, file);
    }

  g_ptr_array_sort (files, compare_files);
  for (guint i = 0; i < files->len; i++)
    {
      MiChangedFile *file = g_ptr_array_index (files, i);

      g_list_store_append (set->files, file);
      g_hash_table_insert (set->by_path, file->path, file);

      if (group == NULL || g_strcmp0 (group->slug, file->slug) != 0)
        {
          group = g_object_new (MI_TYPE_CHANGE_GROUP, NULL);
          group->slug = g_strdup (file->slug);
          g_list_store_append (set->groups, group);
          g_object_unref (group);
        }
      g_list_store_append (group->files, file);
    }

  return g_steal_pointer (&set);
}

static void
list_changes_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  MiChangeSet *set = mi_repository_list_changes (source_object, cancellable, &error);

  if (set == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, set, g_object_unref);
}

void
mi_repository_list_changes_async (MiRepository        *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (MI_IS_REPOSITORY (self));

  task = _mi_repository_new_task (self, cancellable, callback, user_data, mi_repository_list_changes_async, &data);
  g_task_run_in_thread (task, list_changes_thread);
}

/**
 * mi_repository_list_changes_finish:
 * Returns: (transfer full): the change set, or %NULL with @error set
 */
MiChangeSet *
mi_repository_list_changes_finish (MiRepository  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mi_repository_diff_file:
 * @revision: (nullable): the commit to compare with, %NULL for HEAD
 * @path: the file in the working tree
 * @old_path: (nullable): its path at @revision when it was renamed
 *
 * A unified diff (`diff --git` headers, 3 lines of context) from the file at
 * @revision to the working tree's text, for a diff view. A file missing on
 * one side is compared with nothing.
 *
 * Returns: (transfer full): the diff, "" when there is no difference
 */
char *
mi_repository_diff_file (MiRepository  *self,
                         const char    *revision,
                         const char    *path,
                         const char    *old_path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(git_patch) patch = NULL;
  g_auto(git_buf) buf = GIT_BUF_INIT;
  g_autofree char *clean = NULL;
  g_autofree char *old_clean = NULL;
  git_diff_options options;
  gsize before_len = 0, after_len = 0;
  const char *before_data, *after_data;
  int rc;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);

  if ((clean = _mi_repository_clean_path (path, error)) == NULL)
    return NULL;
  if (old_path != NULL && (old_clean = _mi_repository_clean_path (old_path, error)) == NULL)
    return NULL;
  repo = _mi_repository_open_git (self, error);
  if (repo == NULL)
    return NULL;

  if (revision == NULL)
    {
      g_autoptr(git_commit) head = NULL;

      if (!_mi_repository_read_head (repo, &head, &tree, error))
        return NULL;
    }
  else
    {
      g_autoptr(git_object) object = NULL;
      g_autoptr(git_object) peeled = NULL;

      rc = git_revparse_single (&object, repo, revision);
      if (rc == 0)
        rc = git_object_peel (&peeled, object, GIT_OBJECT_TREE);
      if (rc < 0)
        {
          g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOT_FOUND,
                       _("There is no commit “%s” in this repository."), revision);
          return NULL;
        }
      tree = (git_tree *) g_steal_pointer (&peeled);
    }

  before = _mi_repository_read_tree_file (repo, tree, old_clean ? old_clean : clean);
  after = _mi_repository_read_workdir_file (self, clean);
  before_data = before ? g_bytes_get_data (before, &before_len) : NULL;
  after_data = after ? g_bytes_get_data (after, &after_len) : NULL;

  git_diff_options_init (&options, GIT_DIFF_OPTIONS_VERSION);
  rc = git_patch_from_buffers (&patch, before_data, before_len, before ? (old_clean ? old_clean : clean) : NULL,
                               after_data, after_len, after ? clean : NULL, &options);
  if (rc < 0)
    {
      _mi_repository_set_git_error (error, rc, _("Could not compare the file"));
      return NULL;
    }
  if (patch == NULL || git_patch_num_hunks (patch) == 0)
    {
      if (patch == NULL || (old_clean == NULL || g_str_equal (old_clean, clean)))
        return g_strdup ("");
    }
  rc = git_patch_to_buf (&buf, patch);
  if (rc < 0)
    {
      _mi_repository_set_git_error (error, rc, _("Could not compare the file"));
      return NULL;
    }
  return g_utf8_make_valid (buf.ptr ? buf.ptr : "", (gssize) buf.size);
}

static void
diff_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  char *diff = mi_repository_diff_file (source_object, td->revision, td->path, td->old_path,
                                        cancellable, &error);

  if (diff == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, diff, g_free);
}

void
mi_repository_diff_file_async (MiRepository        *self,
                               const char          *revision,
                               const char          *path,
                               const char          *old_path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (MI_IS_REPOSITORY (self));
  g_return_if_fail (path != NULL);

  task = _mi_repository_new_task (self, cancellable, callback, user_data, mi_repository_diff_file_async, &data);
  data->revision = g_strdup (revision);
  data->path = g_strdup (path);
  data->old_path = g_strdup (old_path);
  g_task_run_in_thread (task, diff_file_thread);
}

char *
mi_repository_diff_file_finish (MiRepository  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
