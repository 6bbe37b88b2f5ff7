/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mi-types.h"
#include "mi-change-group.h"
#include "mi-change-set.h"
#include "mi-changed-file.h"
#include "mi-commit-info.h"
#include "mi-credentials-request.h"

G_BEGIN_DECLS

/*
 * MiRepository: the git repository that holds a workspace, through libgit2.
 *
 * Every call opens its own libgit2 objects, so the synchronous functions may
 * run on any thread and the _async ones run them on a worker thread: the main
 * loop never waits for git. The synchronous functions are for the command line
 * and for tests; a window uses the _async / _finish pairs.
 */

#define MI_REPOSITORY_ERROR (mi_repository_error_quark ())

/**
 * MiRepositoryError:
 * What went wrong, in terms a user can act on. The message of the GError says
 * what happened and what to do; a cancelled operation gives
 * G_IO_ERROR_CANCELLED instead.
 */
typedef enum
{
  MI_REPOSITORY_ERROR_FAILED,            /* anything else: the message has git's words */
  MI_REPOSITORY_ERROR_NOT_FOUND,         /* no repository, revision or file */
  MI_REPOSITORY_ERROR_BUSY,              /* a merge, rebase, cherry-pick, revert or bisect is under way */
  MI_REPOSITORY_ERROR_LOCKED,            /* index.lock exists: another git program is running */
  MI_REPOSITORY_ERROR_NO_IDENTITY,       /* no user.name / user.email: ask, then mi_repository_set_identity() */
  MI_REPOSITORY_ERROR_NOTHING_TO_COMMIT, /* the chosen files are as in the last commit */
  MI_REPOSITORY_ERROR_INVALID_PATH,      /* a path outside the working tree, or a folder */
  MI_REPOSITORY_ERROR_NO_UPSTREAM,       /* detached HEAD, or no remote to sync with */
  MI_REPOSITORY_ERROR_UNREACHABLE,       /* the remote could not be reached */
  MI_REPOSITORY_ERROR_AUTH,              /* the remote refused the credentials */
  MI_REPOSITORY_ERROR_NON_FAST_FORWARD,  /* the remote has commits we do not: pull first */
  MI_REPOSITORY_ERROR_CONFLICT,          /* a pull conflicts: the repository is left merging */
  MI_REPOSITORY_ERROR_LOCAL_CHANGES,     /* a pull would overwrite uncommitted changes */
  MI_REPOSITORY_ERROR_REJECTED,          /* the remote refused the push for another reason */
} MiRepositoryError;

/**
 * MiPullResult:
 * What a pull did.
 */
typedef enum
{
  MI_PULL_UP_TO_DATE,
  MI_PULL_FAST_FORWARD,
  MI_PULL_MERGED,
} MiPullResult;

#define MI_TYPE_PULL_RESULT (mi_pull_result_get_type ())

GType        mi_pull_result_get_type (void) G_GNUC_CONST;

#define MI_TYPE_REPOSITORY (mi_repository_get_type ())
G_DECLARE_FINAL_TYPE (MiRepository, mi_repository, MI, REPOSITORY, GObject)

/*
 * Called on the main context of the _async call (on the calling thread for the
 * synchronous functions) when a remote wants a user name and password or
 * token. Answer @request now or later (after a dialog) with
 * mi_credentials_request_answer() or _cancel(); the operation waits. The
 * answer is kept in memory for the life of the MiRepository, never on disk.
 */
typedef void (*MiCredentialsFunc) (MiRepository         *repository,
                                   MiCredentialsRequest *request,
                                   gpointer              user_data);

/* ---------------------------------------------------------------------- */
/* MiRepository                                                            */

GQuark         mi_repository_error_quark     (void);

MiRepository  *mi_repository_open            (GFile                *folder,
                                              GError              **error);
GFile         *mi_repository_get_workdir     (MiRepository         *self);
char          *mi_repository_get_relative_path (MiRepository       *self,
                                              GFile                *file);
void           mi_repository_set_credentials_func (MiRepository    *self,
                                              MiCredentialsFunc     func,
                                              gpointer              user_data,
                                              GDestroyNotify        destroy);

/* Review */
MiChangeSet   *mi_repository_list_changes    (MiRepository         *self,
                                              GCancellable         *cancellable,
                                              GError              **error);
void           mi_repository_list_changes_async (MiRepository      *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
MiChangeSet   *mi_repository_list_changes_finish (MiRepository     *self,
                                              GAsyncResult         *result,
                                              GError              **error);

char          *mi_repository_diff_file       (MiRepository         *self,
                                              const char           *revision,
                                              const char           *path,
                                              const char           *old_path,
                                              GCancellable         *cancellable,
                                              GError              **error);
void           mi_repository_diff_file_async (MiRepository         *self,
                                              const char           *revision,
                                              const char           *path,
                                              const char           *old_path,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
char          *mi_repository_diff_file_finish (MiRepository        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* Commit */
gboolean       mi_repository_get_identity    (MiRepository         *self,
                                              char                **name,
                                              char                **email,
                                              GError              **error);
gboolean       mi_repository_set_identity    (MiRepository         *self,
                                              const char           *name,
                                              const char           *email,
                                              GError              **error);
MiCommitInfo  *mi_repository_commit          (MiRepository         *self,
                                              const char * const   *paths,
                                              const char           *message,
                                              char                **warning,
                                              GCancellable         *cancellable,
                                              GError              **error);
void           mi_repository_commit_async    (MiRepository         *self,
                                              const char * const   *paths,
                                              const char           *message,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
MiCommitInfo  *mi_repository_commit_finish   (MiRepository         *self,
                                              GAsyncResult         *result,
                                              char                **warning,
                                              GError              **error);

/* History */
GListModel    *mi_repository_get_history     (MiRepository         *self,
                                              const char           *path,
                                              GCancellable         *cancellable,
                                              GError              **error);
void           mi_repository_get_history_async (MiRepository       *self,
                                              const char           *path,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GListModel    *mi_repository_get_history_finish (MiRepository      *self,
                                              GAsyncResult         *result,
                                              GError              **error);
GBytes        *mi_repository_get_file_at     (MiRepository         *self,
                                              const char           *revision,
                                              const char           *path,
                                              GCancellable         *cancellable,
                                              GError              **error);
void           mi_repository_get_file_at_async (MiRepository       *self,
                                              const char           *revision,
                                              const char           *path,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GBytes        *mi_repository_get_file_at_finish (MiRepository      *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* Sync with the current branch's upstream. Progress: the "progress" signal. */
gboolean       mi_repository_fetch           (MiRepository         *self,
                                              GCancellable         *cancellable,
                                              GError              **error);
gboolean       mi_repository_pull            (MiRepository         *self,
                                              MiPullResult         *result,
                                              GCancellable         *cancellable,
                                              GError              **error);
gboolean       mi_repository_push            (MiRepository         *self,
                                              GCancellable         *cancellable,
                                              GError              **error);
char          *mi_repository_sync            (MiRepository         *self,
                                              GCancellable         *cancellable,
                                              GError              **error);
void           mi_repository_fetch_async     (MiRepository         *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       mi_repository_fetch_finish    (MiRepository         *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void           mi_repository_pull_async      (MiRepository         *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       mi_repository_pull_finish     (MiRepository         *self,
                                              GAsyncResult         *result,
                                              MiPullResult         *pull_result,
                                              GError              **error);
void           mi_repository_push_async      (MiRepository         *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       mi_repository_push_finish     (MiRepository         *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void           mi_repository_sync_async      (MiRepository         *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
char          *mi_repository_sync_finish     (MiRepository         *self,
                                              GAsyncResult         *result,
                                              GError              **error);

void mi_repository_ensure_libgit2 (void);

G_END_DECLS
