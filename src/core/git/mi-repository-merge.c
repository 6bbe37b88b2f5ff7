/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-repository"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-repository-private.h"

/*
 * Pulling, once the upstream is fetched: its commits brought into the
 * current branch, as a fast-forward, or as a merge commit when both sides
 * have new commits; uncommitted changes that would be overwritten and
 * conflicting lines stop it with an error that names the files.
 */

typedef struct
{
  GPtrArray *paths;
} CheckoutNotes;

static int
checkout_notify_cb (git_checkout_notify_t  why,
                    const char            *path,
                    const git_diff_file   *baseline,
                    const git_diff_file   *target,
                    const git_diff_file   *workdir,
                    void                  *payload)
{
  CheckoutNotes *notes = payload;

  if (why == GIT_CHECKOUT_NOTIFY_CONFLICT && path != NULL)
    g_ptr_array_add (notes->paths, g_strdup (path));
  return 0;
}

static char *
join_paths (GPtrArray *paths)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < paths->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? "" : ", ", (const char *) g_ptr_array_index (paths, i));
  return g_string_free (text, FALSE);
}

static gboolean
set_local_changes_error (GPtrArray  *paths,
                         GError    **error)
{
  g_autofree char *list = join_paths (paths);

  if (paths->len > 0)
    g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_LOCAL_CHANGES,
                 _("Pulling would overwrite your uncommitted changes to: %s. Commit them first, "
                   "then pull again."), list);
  else
    g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_LOCAL_CHANGES,
                 _("Pulling would overwrite your uncommitted changes (%s). Commit them first, "
                   "then pull again."), _mi_repository_last_git_message ());
  return FALSE;
}

gboolean
_mi_repository_pull_upstream (Op              *op,
                              git_repository  *repo,
                              Upstream        *up,
                              MiPullResult    *result,
                              GError         **error)
{
  g_autoptr(git_remote) remote = NULL;
  g_autoptr(git_annotated_commit) theirs = NULL;
  g_autoptr(git_commit) their_commit = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  git_checkout_options checkout;
  CheckoutNotes notes = { conflicts };
  git_merge_analysis_t analysis;
  git_merge_preference_t preference;
  const char *url;
  git_oid their_id;
  int rc;

  *result = MI_PULL_UP_TO_DATE;

  if (_mi_repository_op_check_cancelled (op))
    return _mi_repository_set_cancelled (error);
  if (!_mi_repository_check_can_write (repo, error))
    return FALSE;

  rc = git_reference_name_to_id (&their_id, repo, up->tracking_ref);
  if (rc == GIT_ENOTFOUND)
    return TRUE;   /* the remote has no such branch yet */
  if (rc < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not read the remote branch"));

  if (git_remote_lookup (&remote, repo, up->remote) == 0 && git_remote_url (remote) != NULL)
    url = git_remote_url (remote);
  else
    url = up->remote;
  rc = git_annotated_commit_from_fetchhead (&theirs, repo, up->merge_ref, url, &their_id);
  if (rc < 0 || (rc = git_commit_lookup (&their_commit, repo, &their_id)) < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not read the remote branch"));

  rc = git_merge_analysis (&analysis, &preference, repo, (const git_annotated_commit **) &theirs, 1);
  if (rc < 0)
    return _mi_repository_set_git_error (error, rc, _("Could not compare with the remote branch"));

  if ((analysis & GIT_MERGE_ANALYSIS_UP_TO_DATE) != 0)
    return TRUE;

  git_checkout_options_init (&checkout, GIT_CHECKOUT_OPTIONS_VERSION);
  checkout.checkout_strategy = GIT_CHECKOUT_SAFE;
  checkout.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
  checkout.notify_cb = checkout_notify_cb;
  checkout.notify_payload = &notes;

  _mi_repository_op_emit_progress (op, _("Updating files"), -1, TRUE);

  if ((analysis & (GIT_MERGE_ANALYSIS_UNBORN | GIT_MERGE_ANALYSIS_FASTFORWARD)) != 0 &&
      (preference & GIT_MERGE_PREFERENCE_NO_FASTFORWARD) == 0)
    {
      g_autofree char *reflog = g_strdup_printf ("pull: Fast-forward");

      rc = git_checkout_tree (repo, (const git_object *) their_commit, &checkout);
      if (rc == GIT_ECONFLICT)
        return set_local_changes_error (conflicts, error);
      if (rc < 0)
        return _mi_repository_set_git_error (error, rc, _("Could not update the files"));

      if ((analysis & GIT_MERGE_ANALYSIS_UNBORN) != 0)
        {
          g_autoptr(git_reference) created = NULL;

          rc = git_reference_create (&created, repo, up->branch_ref, &their_id, 0, reflog);
        }
      else
        {
          g_autoptr(git_reference) head = NULL;
          g_autoptr(git_reference) moved = NULL;

          rc = git_repository_head (&head, repo);
          if (rc == 0)
            rc = git_reference_set_target (&moved, head, &their_id, reflog);
        }
      if (rc < 0)
        return _mi_repository_set_git_error (error, rc, _("Could not move the branch"));
      *result = MI_PULL_FAST_FORWARD;
      return TRUE;
    }

  /* A real merge: like git, it needs an identity for the merge commit. */
  {
    g_autoptr(git_signature) signature = NULL;
    g_autoptr(git_index) index = NULL;
    g_autoptr(git_commit) ours = NULL;
    g_autoptr(git_tree) tree = NULL;
    g_auto(git_buf) message = GIT_BUF_INIT;
    git_merge_options merge;
    git_oid tree_id, commit_id;
    const git_commit *parents[2];

    if (!_mi_repository_make_signature (repo, &signature, error))
      return FALSE;
    if (!_mi_repository_read_head (repo, &ours, NULL, error))
      return FALSE;

    git_merge_options_init (&merge, GIT_MERGE_OPTIONS_VERSION);
    checkout.checkout_strategy = GIT_CHECKOUT_SAFE | GIT_CHECKOUT_ALLOW_CONFLICTS;

    rc = git_merge (repo, (const git_annotated_commit **) &theirs, 1, &merge, &checkout);
    if (rc == GIT_ECONFLICT)
      return set_local_changes_error (conflicts, error);
    if (rc < 0)
      return _mi_repository_set_git_error (error, rc, _("Could not merge the remote's commits"));

    rc = git_repository_index (&index, repo);
    if (rc < 0)
      return _mi_repository_set_git_error (error, rc, _("Could not read the index"));

    if (git_index_has_conflicts (index))
      {
        g_autoptr(git_index_conflict_iterator) it = NULL;
        g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *list = NULL;
        const git_index_entry *ancestor, *our, *their;

        if (git_index_conflict_iterator_new (&it, index) == 0)
          while (git_index_conflict_next (&ancestor, &our, &their, it) == 0)
            {
              const git_index_entry *any = our ? our : their ? their : ancestor;

              g_ptr_array_add (paths, g_strdup (any->path));
            }
        list = join_paths (paths);
        g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_CONFLICT,
                     _("Your commits and the remote's change the same lines of: %s. The repository "
                       "is now merging, as git leaves it: edit those files to keep the right text "
                       "(and remove the <<<<<<< ======= >>>>>>> lines), then “git add” them and "
                       "“git commit”; or run “git merge --abort” to go back to before the pull."),
                     list);
        return FALSE;
      }

    rc = git_index_write_tree (&tree_id, index);
    if (rc == 0)
      rc = git_tree_lookup (&tree, repo, &tree_id);
    if (rc == 0)
      rc = git_repository_message (&message, repo);
    if (rc < 0)
      return _mi_repository_set_git_error (error, rc, _("Could not write the merge"));

    parents[0] = ours;
    parents[1] = their_commit;
    rc = git_commit_create (&commit_id, repo, "HEAD", signature, signature, NULL,
                            message.ptr, tree, 2, parents);
    if (rc < 0)
      return _mi_repository_set_git_error (error, rc, _("Could not commit the merge"));
    git_repository_state_cleanup (repo);
    *result = MI_PULL_MERGED;
    return TRUE;
  }
}
