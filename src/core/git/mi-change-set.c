/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-change-set"

#include "config.h"

#include <string.h>

#include "mi-repository-private.h"

/*
 * MiChangeSet: what the commit dialog shows, read in one go by
 * mi_repository_list_changes(), which fills the instance structure (in
 * mi-repository-private.h): the changed files, the same files grouped by
 * meta-issue, the branch, what would block a commit, the committer's
 * identity.
 *
 * It also suggests the commit message, from what the worker read about each
 * file: an attempt folder added, removed or renumbered, a new status in a
 * README, new result lines in test-cases.md.
 */

/* struct _MiChangeSet is in mi-repository-private.h */

G_DEFINE_FINAL_TYPE (MiChangeSet, mi_change_set, G_TYPE_OBJECT)

static void
mi_change_set_finalize (GObject *object)
{
  MiChangeSet *self = MI_CHANGE_SET (object);

  g_clear_object (&self->files);
  g_clear_object (&self->groups);
  g_clear_pointer (&self->by_path, g_hash_table_unref);
  g_free (self->branch);
  g_free (self->blocker);
  g_free (self->warning);
  g_free (self->user_name);
  g_free (self->user_email);

  G_OBJECT_CLASS (mi_change_set_parent_class)->finalize (object);
}

static void
mi_change_set_class_init (MiChangeSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mi_change_set_finalize;
}

static void
mi_change_set_init (MiChangeSet *self)
{
  self->files = g_list_store_new (MI_TYPE_CHANGED_FILE);
  self->groups = g_list_store_new (MI_TYPE_CHANGE_GROUP);
  self->by_path = g_hash_table_new (g_str_hash, g_str_equal);
}

GListModel *
mi_change_set_get_files (MiChangeSet *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), NULL);
  return G_LIST_MODEL (self->files);
}

GListModel *
mi_change_set_get_groups (MiChangeSet *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), NULL);
  return G_LIST_MODEL (self->groups);
}

guint
mi_change_set_get_n_files (MiChangeSet *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->files));
}

/**
 * mi_change_set_find_file:
 * Returns: (transfer none) (nullable): the changed file at @path.
 */
MiChangedFile *
mi_change_set_find_file (MiChangeSet *self,
                         const char  *path)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), NULL);
  return g_hash_table_lookup (self->by_path, path);
}

const char *
mi_change_set_get_branch (MiChangeSet *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), NULL);
  return self->branch;
}

gboolean
mi_change_set_get_detached (MiChangeSet *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), FALSE);
  return self->detached;
}

gboolean
mi_change_set_get_unborn (MiChangeSet *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), FALSE);
  return self->unborn;
}

const char *
mi_change_set_get_blocker (MiChangeSet *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), NULL);
  return self->blocker;
}

const char *
mi_change_set_get_warning (MiChangeSet *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), NULL);
  return self->warning;
}

const char *
mi_change_set_get_user_name (MiChangeSet *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), NULL);
  return self->user_name;
}

const char *
mi_change_set_get_user_email (MiChangeSet *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_SET (self), NULL);
  return self->user_email;
}

/**
 * mi_change_set_get_paths:
 * The paths to give mi_repository_commit() for the (selected) files: both
 * paths of a rename.
 *
 * Returns: (transfer full): a %NULL-terminated array.
 */
char **
mi_change_set_get_paths (MiChangeSet *self,
                         gboolean     selected_only)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (MI_IS_CHANGE_SET (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->files));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiChangedFile) file = g_list_model_get_item (G_LIST_MODEL (self->files), i);

      if (selected_only && !file->selected)
        continue;
      if (file->old_path != NULL)
        g_strv_builder_add (builder, file->old_path);
      g_strv_builder_add (builder, file->path);
    }

  return g_strv_builder_end (builder);
}

/* "004-connection-pooling" → 4, "connection pooling" */
static guint
split_attempt_folder (const char  *folder,
                      char       **words)
{
  guint number = 0;
  const char *p = folder;

  while (g_ascii_isdigit (*p))
    number = number * 10 + (guint) (*p++ - '0');
  while (*p == '-' || *p == '_' || *p == ' ' || *p == '.')
    p++;
  if (words != NULL)
    {
      *words = g_strdup (p);
      g_strdelimit (*words, "-_", ' ');
    }
  return number;
}

static const char *
describe_file (const char *rest)   /* the path inside the meta-issue folder */
{
  if (g_str_equal (rest, "README.md"))
    return "README";
  if (g_str_equal (rest, "description.md"))
    return "description";
  if (g_str_equal (rest, "implementation-log.md"))
    return "implementation log";
  if (g_str_equal (rest, "test-cases.md"))
    return "test cases";
  return NULL;
}

static void
add_unique (GPtrArray  *array,
            char       *text)   /* takes */
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), text))
      {
        g_free (text);
        return;
      }
  g_ptr_array_add (array, text);
}

static char *
join_list (GPtrArray *items)
{
  g_ptr_array_add (items, NULL);
  {
    char *joined = g_strjoinv (", ", (char **) items->pdata);

    g_ptr_array_remove_index (items, items->len - 1);
    return joined;
  }
}

/* One line for the files of one meta-issue: "api-latency: add attempt 004 (connection pooling)". */
static char *
describe_issue (const char *slug,
                GPtrArray  *files)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) updated = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) results = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *prefix = g_strconcat (ISSUES_PREFIX, slug, "/", NULL);
  g_autofree char *joined = NULL;
  MiStatus status = MI_STATUS_UNKNOWN;
  gboolean is_new = FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      MiChangedFile *file = g_ptr_array_index (files, i);
      const char *rest = g_str_has_prefix (file->path, prefix) ? file->path + strlen (prefix) : file->path;

      if (g_str_equal (rest, "README.md") && file->change == MI_FILE_CHANGE_ADDED)
        is_new = TRUE;
    }
  if (is_new)
    g_ptr_array_add (parts, g_strdup ("new meta-issue"));

  for (guint i = 0; i < files->len; i++)
    {
      MiChangedFile *file = g_ptr_array_index (files, i);
      const char *rest = g_str_has_prefix (file->path, prefix) ? file->path + strlen (prefix) : file->path;
      g_autofree char *words = NULL;
      guint number;

      switch (file->attempt_event)
        {
        case ATTEMPT_ADDED:
          if (is_new)
            break;
          number = split_attempt_folder (file->attempt_folder, &words);
          add_unique (parts, *words ? g_strdup_printf ("add attempt %03u (%s)", number, words)
                                    : g_strdup_printf ("add attempt %03u", number));
          break;
        case ATTEMPT_REMOVED:
          number = split_attempt_folder (file->attempt_folder, NULL);
          add_unique (parts, g_strdup_printf ("remove attempt %03u", number));
          break;
        case ATTEMPT_MOVED:
          {
            guint old_number = split_attempt_folder (file->old_attempt_folder, NULL);

            number = split_attempt_folder (file->attempt_folder, &words);
            if (old_number != number)
              add_unique (parts, g_strdup_printf ("renumber attempt %03u (%s) to %03u", old_number, words, number));
            else
              add_unique (parts, g_strdup_printf ("rename attempt %03u", number));
          }
          break;
        case ATTEMPT_NONE:
        default:
          if (file->new_status != MI_STATUS_UNKNOWN)
            status = file->new_status;
          if (file->result_attempts != NULL)
            for (guint r = 0; r < file->result_attempts->len; r++)
              {
                guint a = g_array_index (file->result_attempts, guint, r);
                gboolean seen = FALSE;

                for (guint s = 0; s < results->len; s++)
                  seen = seen || g_array_index (results, guint, s) == a;
                if (!seen)
                  g_array_append_val (results, a);
              }
          {
            const char *what = describe_file (rest);

            if (what != NULL)
              add_unique (updated, g_strdup (what));
            else if (g_str_has_prefix (rest, "attempts/"))
              {
                g_autofree char *folder = g_strndup (rest + 9, strcspn (rest + 9, "/"));

                add_unique (updated, g_strdup_printf ("attempt %03u", split_attempt_folder (folder, NULL)));
              }
            else
              add_unique (updated, g_path_get_basename (rest));
          }
          break;
        }
    }

  if (status != MI_STATUS_UNKNOWN && !is_new)
    g_ptr_array_add (parts, g_utf8_strdown (mi_status_to_markdown (status), -1));

  /* A renumbered attempt's results are not new results. */
  for (guint i = 0; i < files->len; i++)
    {
      MiChangedFile *file = g_ptr_array_index (files, i);
      guint moved_to;

      if (file->attempt_event != ATTEMPT_MOVED)
        continue;
      moved_to = split_attempt_folder (file->attempt_folder, NULL);
      for (guint r = results->len; r > 0; r--)
        if (g_array_index (results, guint, r - 1) == moved_to)
          g_array_remove_index (results, r - 1);
    }

  if (results->len > 0 && !is_new)
    {
      GString *text = g_string_new (results->len == 1 ? "record results of attempt " : "record results of attempts ");

      for (guint r = 0; r < results->len; r++)
        g_string_append_printf (text, r == 0 ? "%03u" : ", %03u", g_array_index (results, guint, r));
      g_ptr_array_add (parts, g_string_free (text, FALSE));
    }

  if (parts->len == 0)
    {
      g_autofree char *list = join_list (updated);

      g_ptr_array_add (parts, g_strconcat ("update ", list, NULL));
    }

  joined = join_list (parts);
  return g_strconcat (slug, ": ", joined, NULL);
}

/**
 * mi_change_set_suggest_message:
 * A commit message for the (selected) files: "api-latency: add attempt 004
 * (connection pooling)", "flaky-ci: resolved"; for several meta-issues a
 * summary line, a blank line and one line each. Not translated: it is
 * written in the team's repository.
 *
 * Returns: (transfer full): the message, "" when no file is selected.
 */
char *
mi_change_set_suggest_message (MiChangeSet *self,
                               gboolean     selected_only)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) slugs = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
  guint n_groups;

  g_return_val_if_fail (MI_IS_CHANGE_SET (self), NULL);

  n_groups = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(MiChangeGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), g);
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (group->files));

      for (guint i = 0; i < n; i++)
        {
          MiChangedFile *file = g_list_model_get_item (G_LIST_MODEL (group->files), i);

          if (selected_only && !file->selected)
            g_object_unref (file);
          else
            g_ptr_array_add (files, file);
        }
      if (files->len == 0)
        continue;

      if (group->slug != NULL)
        {
          g_ptr_array_add (lines, describe_issue (group->slug, files));
          g_ptr_array_add (slugs, group->slug);
        }
      else
        for (guint i = 0; i < files->len; i++)
          {
            MiChangedFile *file = g_ptr_array_index (files, i);

            add_unique (others, g_strdup (g_str_has_prefix (file->path, "docs/") ? file->path + 5 : file->path));
          }
    }

  if (others->len > 0)
    {
      g_autofree char *list = others->len <= 3 ? join_list (others) : g_strdup_printf ("%u files", others->len);

      g_ptr_array_add (lines, g_strconcat ("docs: update ", list, NULL));
    }

  if (lines->len == 0)
    return g_strdup ("");
  if (lines->len == 1)
    return g_strdup (g_ptr_array_index (lines, 0));

  {
    GString *message = g_string_new (NULL);

    if (slugs->len == 0)
      g_string_append (message, "Update documentation");
    else if (slugs->len <= 3)
      {
        g_string_append (message, "Update ");
        for (guint i = 0; i < slugs->len; i++)
          g_string_append_printf (message, "%s%s", i == 0 ? "" : i + 1 == slugs->len ? " and " : ", ",
                                  (const char *) g_ptr_array_index (slugs, i));
        if (others->len > 0)
          g_string_append (message, " and other documentation");
      }
    else
      g_string_append_printf (message, "Update %u meta-issues", slugs->len);

    g_string_append (message, "\n\n");
    for (guint i = 0; i < lines->len; i++)
      g_string_append_printf (message, "%s\n", (const char *) g_ptr_array_index (lines, i));
    return g_string_free (message, FALSE);
  }
}
