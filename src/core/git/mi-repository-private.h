/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the files of MiRepository share: the instance structures of the small
 * objects that mi_repository_list_changes() and the network operations fill
 * on a worker thread, and of MiRepository itself; the data of an _async
 * call; the libgit2 helpers of mi-repository.c that mi-repository-status.c,
 * -commit.c, -history.c and the network's files call; and what those
 * (mi-repository-remote.c, -transport.c and -merge.c) share among
 * themselves. Only those files and the files of the small objects include
 * it: everyone else uses mi-repository.h.
 */

#include <git2.h>

#include "mi-repository.h"

G_BEGIN_DECLS

#define ISSUES_PREFIX "docs/meta-issues/"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, git_repository_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_reference, git_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, git_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, git_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree_entry, git_tree_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_index, git_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_blob, git_blob_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_object, git_object_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_status_list, git_status_list_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_signature, git_signature_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_remote, git_remote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_revwalk, git_revwalk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_patch, git_patch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_config, git_config_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_annotated_commit, git_annotated_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_treebuilder, git_treebuilder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_index_conflict_iterator, git_index_conflict_iterator_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (git_buf, git_buf_dispose)

/* ---------------------------------------------------------------------- */
/* MiChangedFile                                                           */

typedef enum
{
  ATTEMPT_NONE,
  ATTEMPT_ADDED,     /* the file is in an attempt folder that HEAD does not have */
  ATTEMPT_REMOVED,   /* … that the working tree no longer has */
  ATTEMPT_MOVED,     /* renamed from one attempt folder into another, new one */
} AttemptEvent;

struct _MiChangedFile
{
  GObject       parent_instance;
  char         *path;
  char         *old_path;
  char         *slug;
  MiFileChange  change;
  gboolean      staged;
  gboolean      selected;

  /* What the message suggestion needs, read by the worker. */
  AttemptEvent  attempt_event;
  char         *attempt_folder;      /* "004-connection-pooling" */
  char         *old_attempt_folder;  /* for ATTEMPT_MOVED */
  MiStatus      new_status;          /* README: the status when it changed, else UNKNOWN */
  GArray       *result_attempts;     /* test-cases.md: attempts of added result lines */
};

/* ---------------------------------------------------------------------- */
/* MiChangeGroup                                                           */

struct _MiChangeGroup
{
  GObject     parent_instance;
  char       *slug;
  GListStore *files;
};

/* ---------------------------------------------------------------------- */
/* MiChangeSet                                                             */

struct _MiChangeSet
{
  GObject     parent_instance;
  GListStore *files;
  GListStore *groups;
  GHashTable *by_path;   /* path → MiChangedFile (not owned) */
  char       *branch;
  gboolean    detached;
  gboolean    unborn;
  char       *blocker;
  char       *warning;
  char       *user_name;
  char       *user_email;
};

/* ---------------------------------------------------------------------- */
/* MiCredentialsRequest                                                    */

struct _MiCredentialsRequest
{
  GObject   parent_instance;
  char     *url;
  char     *username;
  gboolean  retry;

  GMutex    lock;
  GCond     cond;
  gboolean  done;
  char     *answer_username;
  char     *answer_password;
};

/* ---------------------------------------------------------------------- */
/* MiRepository                                                            */

struct _MiRepository
{
  GObject            parent_instance;
  GFile             *workdir;
  char              *workdir_path;   /* ends with "/" */

  GMutex             lock;           /* guards what follows */
  MiCredentialsFunc  credentials_func;
  gpointer           credentials_data;
  GDestroyNotify     credentials_destroy;
  char              *cached_url;
  char              *cached_username;
  char              *cached_password;
};

/* What an _async call hands to its worker thread and back. */
typedef struct
{
  char         **paths;
  char          *message;
  char          *revision;
  char          *path;
  char          *old_path;
  char          *warning;
  MiPullResult   pull_result;
} TaskData;

/* ---------------------------------------------------------------------- */
/* The network (mi-repository-remote.c, -transport.c, -merge.c)            */

/* What one network operation carries through libgit2's callbacks. */
typedef struct
{
  MiRepository *self;
  GCancellable *cancellable;
  GMainContext *context;       /* progress and questions go there; NULL: this thread */
  gint64        last_progress;
  guint         n_asked;
  gboolean      used_cache;
  gboolean      tried_agent;
  gboolean      auth_refused;
  gboolean      cancelled;
  char         *rejection;     /* the remote's reason for refusing a ref */
} Op;

/* The current branch and its upstream. */
typedef struct
{
  char     *branch_ref;    /* refs/heads/main */
  char     *branch_name;   /* main */
  char     *remote;        /* origin */
  char     *merge_ref;     /* refs/heads/main on the remote */
  char     *tracking_ref;  /* refs/remotes/origin/main */
  gboolean  configured;    /* branch.main.remote/merge are set */
} Upstream;

/* ---------------------------------------------------------------------- */
/* Functions shared between the files                                      */

/* MiCredentialsRequest */
void            _mi_credentials_free_secret      (char                *secret);

/* MiCommitInfo */
MiCommitInfo   *_mi_commit_info_new              (git_commit          *commit);

/* MiRepository: the helpers of mi-repository.c */
const char     *_mi_repository_last_git_message  (void);
gboolean        _mi_repository_set_git_error     (GError             **error,
                                                  int                  code,
                                                  const char          *what);
git_repository *_mi_repository_open_git          (MiRepository        *self,
                                                  GError             **error);
char           *_mi_repository_describe_state    (git_repository      *repo);
char           *_mi_repository_describe_lock     (git_repository      *repo);
gboolean        _mi_repository_check_can_write   (git_repository      *repo,
                                                  GError             **error);
void            _mi_repository_read_identity     (git_repository      *repo,
                                                  char               **name,
                                                  char               **email);
gboolean        _mi_repository_make_signature    (git_repository      *repo,
                                                  git_signature      **out,
                                                  GError             **error);
char           *_mi_repository_clean_path        (const char          *path,
                                                  GError             **error);
gboolean        _mi_repository_tree_entry_id     (git_tree            *tree,
                                                  const char          *path,
                                                  git_oid             *id);
GBytes         *_mi_repository_read_tree_file    (git_repository      *repo,
                                                  git_tree            *tree,
                                                  const char          *path);
GBytes         *_mi_repository_read_workdir_file (MiRepository        *self,
                                                  const char          *path);
gboolean        _mi_repository_read_head         (git_repository      *repo,
                                                  git_commit         **commit,
                                                  git_tree           **tree,
                                                  GError             **error);
void            _mi_repository_emit_progress     (MiRepository        *self,
                                                  const char          *message,
                                                  double               fraction);
GTask          *_mi_repository_new_task          (MiRepository        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data,
                                                  gpointer             source_tag,
                                                  TaskData           **data);

/* The network: mi-repository-transport.c */
void     _mi_repository_op_init            (Op                    *op,
                                            MiRepository          *self,
                                            GMainContext          *context,
                                            GCancellable          *cancellable);
void     _mi_repository_op_clear           (Op                    *op);
gboolean _mi_repository_op_check_cancelled (Op                    *op);
void     _mi_repository_op_emit_progress   (Op                    *op,
                                            const char            *message,
                                            double                 fraction,
                                            gboolean               force);
void     _mi_repository_op_set_callbacks   (Op                    *op,
                                            git_remote_callbacks  *callbacks);
gboolean _mi_repository_set_cancelled      (GError               **error);
gboolean _mi_repository_set_remote_error   (Op                    *op,
                                            int                    rc,
                                            const char            *url,
                                            GError               **error);

/* The network: mi-repository-merge.c */
gboolean _mi_repository_pull_upstream      (Op                    *op,
                                            git_repository        *repo,
                                            Upstream              *up,
                                            MiPullResult          *result,
                                            GError               **error);

G_END_DECLS
