/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mi-repository-private.h"

/*
 * MiRepository: everything the app does with git, through libgit2.
 *
 * The object holds only paths: each call opens its own git_repository, so a
 * worker thread never shares libgit2 objects with another. The small objects
 * the calls return (MiChangedFile, MiChangeGroup, MiChangeSet, MiCommitInfo,
 * MiCredentialsRequest) are plain data, made on the worker and handed over.
 *
 * This file holds the object, the libgit2 helpers that every part uses
 * (declared in mi-repository-private.h), the async plumbing and opening a
 * repository. The parts, in the order of mi-repository.h:
 *
 *   mi-repository-status.c     review: the changed files, the diff of one
 *   mi-repository-commit.c     the identity, committing the chosen files
 *   mi-repository-history.c    the commits of a path, a file at a commit
 *   mi-repository-remote.c     fetch, pull, push and sync
 *   mi-repository-transport.c  their progress, cancellation and credentials
 *                              through libgit2's callbacks
 *   mi-repository-merge.c      a pull's fast-forward or merge
 */

/* ---------------------------------------------------------------------- */
/* Enums                                                                   */

G_DEFINE_ENUM_TYPE (MiPullResult, mi_pull_result,
  G_DEFINE_ENUM_VALUE (MI_PULL_UP_TO_DATE, "up-to-date"),
  G_DEFINE_ENUM_VALUE (MI_PULL_FAST_FORWARD, "fast-forward"),
  G_DEFINE_ENUM_VALUE (MI_PULL_MERGED, "merged"))

G_DEFINE_QUARK (mi-repository-error-quark, mi_repository_error)

/* ---------------------------------------------------------------------- */
/* MiRepository                                                            */

/* struct _MiRepository is in mi-repository-private.h */

G_DEFINE_FINAL_TYPE (MiRepository, mi_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKDIR,
  N_PROPS
};

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* libgit2 is initialised once per process, by whoever uses it first. */
void
mi_repository_ensure_libgit2 (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      git_libgit2_init ();
      g_once_init_leave (&initialized, 1);
    }
}

const char *
_mi_repository_last_git_message (void)
{
  const git_error *e = git_error_last ();

  return e != NULL && e->message != NULL ? e->message : _("unknown error");
}

/* Sets @error from libgit2's last error; returns FALSE. */
gboolean
_mi_repository_set_git_error (GError     **error,
                              int          code,
                              const char  *what)
{
  MiRepositoryError mi_code = MI_REPOSITORY_ERROR_FAILED;

  switch (code)
    {
    case GIT_ENOTFOUND: mi_code = MI_REPOSITORY_ERROR_NOT_FOUND; break;
    case GIT_ELOCKED: mi_code = MI_REPOSITORY_ERROR_LOCKED; break;
    case GIT_EAUTH: mi_code = MI_REPOSITORY_ERROR_AUTH; break;
    case GIT_ENONFASTFORWARD: mi_code = MI_REPOSITORY_ERROR_NON_FAST_FORWARD; break;
    default: break;
    }

  g_set_error (error, MI_REPOSITORY_ERROR, mi_code, "%s: %s", what, _mi_repository_last_git_message ());
  return FALSE;
}

git_repository *
_mi_repository_open_git (MiRepository  *self,
                         GError       **error)
{
  git_repository *repo = NULL;
  int rc;

  mi_repository_ensure_libgit2 ();
  rc = git_repository_open_ext (&repo, self->workdir_path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
  if (rc < 0)
    {
      _mi_repository_set_git_error (error, rc, _("Could not open the git repository"));
      return NULL;
    }
  return repo;
}

/* Why git would refuse to commit now, as a message; NULL when nothing is in the way. */
char *
_mi_repository_describe_state (git_repository *repo)
{
  switch (git_repository_state (repo))
    {
    case GIT_REPOSITORY_STATE_NONE:
      return NULL;
    case GIT_REPOSITORY_STATE_MERGE:
      return g_strdup (_("A merge is under way in this repository. Finish it first — resolve the "
                         "conflicts, then “git add” the files and “git commit” — or abandon it with "
                         "“git merge --abort”, then try again."));
    case GIT_REPOSITORY_STATE_REVERT:
    case GIT_REPOSITORY_STATE_REVERT_SEQUENCE:
      return g_strdup (_("A revert is under way in this repository. Finish it with “git revert "
                         "--continue” or abandon it with “git revert --abort”, then try again."));
    case GIT_REPOSITORY_STATE_CHERRYPICK:
    case GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE:
      return g_strdup (_("A cherry-pick is under way in this repository. Finish it with “git "
                         "cherry-pick --continue” or abandon it with “git cherry-pick --abort”, "
                         "then try again."));
    case GIT_REPOSITORY_STATE_BISECT:
      return g_strdup (_("A bisect is under way in this repository. End it with “git bisect "
                         "reset”, then try again."));
    case GIT_REPOSITORY_STATE_REBASE:
    case GIT_REPOSITORY_STATE_REBASE_INTERACTIVE:
    case GIT_REPOSITORY_STATE_REBASE_MERGE:
      return g_strdup (_("A rebase is under way in this repository. Finish it with “git rebase "
                         "--continue” or abandon it with “git rebase --abort”, then try again."));
    case GIT_REPOSITORY_STATE_APPLY_MAILBOX:
    case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE:
      return g_strdup (_("“git am” is applying patches in this repository. Finish it with “git am "
                         "--continue” or abandon it with “git am --abort”, then try again."));
    default:
      return g_strdup (_("Another git operation is under way in this repository. Finish or "
                         "abandon it, then try again."));
    }
}

char *
_mi_repository_describe_lock (git_repository *repo)
{
  g_autofree char *lock = g_build_filename (git_repository_path (repo), "index.lock", NULL);

  if (!g_file_test (lock, G_FILE_TEST_EXISTS))
    return NULL;

  return g_strdup_printf (_("The file %s exists: another git program is working in this "
                            "repository, or one stopped without cleaning up. Wait for it to finish "
                            "and try again; if no git program is running, delete that file yourself."),
                          lock);
}

gboolean
_mi_repository_check_can_write (git_repository  *repo,
                                GError         **error)
{
  g_autofree char *state = _mi_repository_describe_state (repo);
  g_autofree char *lock = NULL;

  if (state != NULL)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_BUSY, state);
      return FALSE;
    }

  lock = _mi_repository_describe_lock (repo);
  if (lock != NULL)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_LOCKED, lock);
      return FALSE;
    }

  return TRUE;
}

/* The user's name and e-mail: GIT_AUTHOR_* in the environment, else git's config. */
void
_mi_repository_read_identity (git_repository  *repo,
                              char           **name,
                              char           **email)
{
  g_autoptr(git_config) config = NULL;
  const char *value;

  *name = g_strdup (g_getenv ("GIT_AUTHOR_NAME"));
  *email = g_strdup (g_getenv ("GIT_AUTHOR_EMAIL"));
  if (*name != NULL && *email != NULL)
    return;

  if (git_repository_config_snapshot (&config, repo) < 0)
    return;
  if (*name == NULL && git_config_get_string (&value, config, "user.name") == 0 && *value != '\0')
    *name = g_strdup (value);
  if (*email == NULL && git_config_get_string (&value, config, "user.email") == 0 && *value != '\0')
    *email = g_strdup (value);
}

gboolean
_mi_repository_make_signature (git_repository  *repo,
                               git_signature  **out,
                               GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  int rc;

  _mi_repository_read_identity (repo, &name, &email);
  if (name == NULL || email == NULL)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_IDENTITY,
                           _("Git does not know who you are: give your name and e-mail address "
                             "(they are recorded in every commit), or set them with "
                             "“git config user.name …” and “git config user.email …”, then try again."));
      return FALSE;
    }

  rc = git_signature_now (out, name, email);
  if (rc < 0)
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_IDENTITY,
                   _("Your name or e-mail address in git's settings cannot be used (%s): correct them, "
                     "then try again."), _mi_repository_last_git_message ());
      return FALSE;
    }
  return TRUE;
}

/* A path relative to the working tree, "/" separated, with nothing that leaves it. */
char *
_mi_repository_clean_path (const char  *path,
                           GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (path == NULL || *path == '\0' || g_path_is_absolute (path))
    goto invalid;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], "..") || (kept->len == 0 && g_ascii_strcasecmp (parts[i], ".git") == 0))
        goto invalid;
      g_ptr_array_add (kept, parts[i]);
    }
  if (kept->len == 0)
    goto invalid;
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);

invalid:
  g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_INVALID_PATH,
               _("“%s” is not a path inside the repository: give paths relative to its top folder."),
               path ? path : "");
  return NULL;
}

gboolean
_mi_repository_tree_entry_id (git_tree   *tree,
                              const char *path,
                              git_oid    *id)
{
  g_autoptr(git_tree_entry) entry = NULL;

  if (tree == NULL || git_tree_entry_bypath (&entry, tree, path) < 0)
    return FALSE;
  git_oid_cpy (id, git_tree_entry_id (entry));
  return TRUE;
}

GBytes *
_mi_repository_read_tree_file (git_repository *repo,
                               git_tree       *tree,
                               const char     *path)
{
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_blob) blob = NULL;

  if (tree == NULL || git_tree_entry_bypath (&entry, tree, path) < 0)
    return NULL;
  if (git_tree_entry_type (entry) != GIT_OBJECT_BLOB)
    return NULL;
  if (git_blob_lookup (&blob, repo, git_tree_entry_id (entry)) < 0)
    return NULL;
  return g_bytes_new (git_blob_rawcontent (blob), (gsize) git_blob_rawsize (blob));
}

GBytes *
_mi_repository_read_workdir_file (MiRepository *self,
                                  const char   *path)
{
  g_autofree char *full = g_build_filename (self->workdir_path, path, NULL);
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (full, &data, &len, NULL))
    return NULL;
  return g_bytes_new_take (data, len);
}

/* HEAD's commit and tree; both NULL on an unborn branch. */
gboolean
_mi_repository_read_head (git_repository  *repo,
                          git_commit     **commit,
                          git_tree       **tree,
                          GError         **error)
{
  g_autoptr(git_reference) head = NULL;
  g_autoptr(git_object) object = NULL;
  int rc;

  *commit = NULL;
  if (tree != NULL)
    *tree = NULL;

  rc = git_repository_head (&head, repo);
  if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND)
    return TRUE;
  if (rc < 0 || (rc = git_reference_peel (&object, head, GIT_OBJECT_COMMIT)) < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not read the last commit (HEAD)"));

  *commit = (git_commit *) g_steal_pointer (&object);
  if (tree != NULL && (rc = git_commit_tree (tree, *commit)) < 0)
    {
      g_clear_pointer (commit, git_commit_free);
      return _mi_repository_set_git_error (error, rc, _("Could not read the last commit's files"));
    }
  return TRUE;
}

static void
mi_repository_finalize (GObject *object)
{
  MiRepository *self = MI_REPOSITORY (object);

  if (self->credentials_destroy != NULL)
    self->credentials_destroy (self->credentials_data);
  g_clear_object (&self->workdir);
  g_free (self->workdir_path);
  g_free (self->cached_url);
  g_free (self->cached_username);
  _mi_credentials_free_secret (self->cached_password);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (mi_repository_parent_class)->finalize (object);
}

static void
mi_repository_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MiRepository *self = MI_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_WORKDIR:
      g_value_set_object (value, self->workdir);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_repository_class_init (MiRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_repository_finalize;
  object_class->get_property = mi_repository_get_property;

  properties[PROP_WORKDIR] =
    g_param_spec_object ("workdir", NULL, NULL, G_TYPE_FILE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MiRepository::progress:
   * @message: what is happening, translated: "Receiving objects: 12 of 40"
   * @fraction: from 0 to 1, or -1 when unknown
   *
   * Emitted during fetch, pull and push: on the main context of the _async
   * call, on the calling thread for the synchronous functions.
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_DOUBLE);
}

static void
mi_repository_init (MiRepository *self)
{
  g_mutex_init (&self->lock);
}

/* The "progress" signal, for mi-repository-transport.c. */
void
_mi_repository_emit_progress (MiRepository *self,
                              const char   *message,
                              double        fraction)
{
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, message, fraction);
}

/* ---------------------------------------------------------------------- */
/* Async plumbing                                                          */

/* TaskData is in mi-repository-private.h */

static void
task_data_free (gpointer data)
{
  TaskData *td = data;

  g_strfreev (td->paths);
  g_free (td->message);
  g_free (td->revision);
  g_free (td->path);
  g_free (td->old_path);
  g_free (td->warning);
  g_free (td);
}

GTask *
_mi_repository_new_task (MiRepository        *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data,
                         gpointer             source_tag,
                         TaskData           **data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  *data = g_new0 (TaskData, 1);
  g_task_set_task_data (task, *data, task_data_free);
  return task;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

/**
 * mi_repository_open:
 * @folder: any folder inside the working tree
 *
 * Finds the repository that holds @folder, upwards like git.
 *
 * Returns: (transfer full): the repository, or %NULL with
 *   %MI_REPOSITORY_ERROR_NOT_FOUND
 */
MiRepository *
mi_repository_open (GFile   *folder,
                    GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(git_repository) repo = NULL;
  MiRepository *self;
  int rc;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  mi_repository_ensure_libgit2 ();
  path = g_file_get_path (folder);
  rc = path ? git_repository_open_ext (&repo, path, 0, NULL) : GIT_ENOTFOUND;
  if (rc < 0)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      if (rc == GIT_ENOTFOUND)
        g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOT_FOUND,
                     _("%s is not inside a git repository. Run “git init” in the folder that holds "
                       "docs/, or clone the team's repository."), name);
      else
        g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_FAILED,
                     _("Could not open the git repository of %s: %s"), name, _mi_repository_last_git_message ());
      return NULL;
    }

  if (git_repository_is_bare (repo))
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOT_FOUND,
                   _("%s is a bare repository: it has no files to edit. Clone it, then open the clone."),
                   name);
      return NULL;
    }

  self = g_object_new (MI_TYPE_REPOSITORY, NULL);
  self->workdir_path = g_strdup (git_repository_workdir (repo));
  self->workdir = g_file_new_for_path (self->workdir_path);
  return self;
}

/**
 * mi_repository_get_workdir:
 * Returns: (transfer none): the top folder of the working tree.
 */
GFile *
mi_repository_get_workdir (MiRepository *self)
{
  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);
  return self->workdir;
}

/**
 * mi_repository_get_relative_path:
 * Returns: (transfer full) (nullable): @file's path as git names it
 *   ("docs/meta-issues/x/README.md"), %NULL when it is outside the working tree.
 */
char *
mi_repository_get_relative_path (MiRepository *self,
                                 GFile        *file)
{
  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_file_get_relative_path (self->workdir, file);
}

/**
 * mi_repository_set_credentials_func:
 * Sets the function asked for a user name and password or token. Without
 * one, remotes that need them fail with %MI_REPOSITORY_ERROR_AUTH; SSH
 * remotes use the SSH agent either way.
 */
void
mi_repository_set_credentials_func (MiRepository      *self,
                                    MiCredentialsFunc  func,
                                    gpointer           user_data,
                                    GDestroyNotify     destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (MI_IS_REPOSITORY (self));

  g_mutex_lock (&self->lock);
  old_destroy = self->credentials_destroy;
  old_data = self->credentials_data;
  self->credentials_func = func;
  self->credentials_data = user_data;
  self->credentials_destroy = destroy;
  g_mutex_unlock (&self->lock);

  if (old_destroy != NULL)
    old_destroy (old_data);
}
