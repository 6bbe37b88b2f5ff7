/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-repository"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <git2.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mi-markdown.h"
#include "mi-repository.h"

/*
 * MiRepository: everything the app does with git, through libgit2.
 *
 * The object holds only paths: each call opens its own git_repository, so a
 * worker thread never shares libgit2 objects with another. The small objects
 * the calls return (MiChangedFile, MiChangeGroup, MiChangeSet, MiCommitInfo,
 * MiCredentialsRequest) are plain data, made on the worker and handed over.
 *
 * Committing "exactly the chosen files": the new tree is HEAD's tree (the
 * empty tree on an unborn branch) with only the chosen paths replaced by their
 * working-tree content (git_tree_create_updated, which rewrites only the trees
 * along those paths); then the repository's index is updated for those paths
 * only, so other staged changes stay staged.
 */

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
/* Enums                                                                   */

G_DEFINE_ENUM_TYPE (MiFileChange, mi_file_change,
  G_DEFINE_ENUM_VALUE (MI_FILE_CHANGE_ADDED, "added"),
  G_DEFINE_ENUM_VALUE (MI_FILE_CHANGE_MODIFIED, "modified"),
  G_DEFINE_ENUM_VALUE (MI_FILE_CHANGE_DELETED, "deleted"),
  G_DEFINE_ENUM_VALUE (MI_FILE_CHANGE_RENAMED, "renamed"),
  G_DEFINE_ENUM_VALUE (MI_FILE_CHANGE_TYPE_CHANGED, "type-changed"))

G_DEFINE_ENUM_TYPE (MiPullResult, mi_pull_result,
  G_DEFINE_ENUM_VALUE (MI_PULL_UP_TO_DATE, "up-to-date"),
  G_DEFINE_ENUM_VALUE (MI_PULL_FAST_FORWARD, "fast-forward"),
  G_DEFINE_ENUM_VALUE (MI_PULL_MERGED, "merged"))

G_DEFINE_QUARK (mi-repository-error-quark, mi_repository_error)

const char *
mi_file_change_to_id (MiFileChange change)
{
  switch (change)
    {
    case MI_FILE_CHANGE_ADDED: return "added";
    case MI_FILE_CHANGE_MODIFIED: return "modified";
    case MI_FILE_CHANGE_DELETED: return "deleted";
    case MI_FILE_CHANGE_RENAMED: return "renamed";
    case MI_FILE_CHANGE_TYPE_CHANGED: return "type-changed";
    default: return "modified";
    }
}

const char *
mi_file_change_get_label (MiFileChange change)
{
  switch (change)
    {
    case MI_FILE_CHANGE_ADDED: return _("New");
    case MI_FILE_CHANGE_MODIFIED: return _("Modified");
    case MI_FILE_CHANGE_DELETED: return _("Deleted");
    case MI_FILE_CHANGE_RENAMED: return _("Renamed");
    case MI_FILE_CHANGE_TYPE_CHANGED: return _("Type changed");
    default: return _("Modified");
    }
}

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

G_DEFINE_FINAL_TYPE (MiChangedFile, mi_changed_file, G_TYPE_OBJECT)

enum {
  FILE_PROP_0,
  FILE_PROP_PATH,
  FILE_PROP_OLD_PATH,
  FILE_PROP_SLUG,
  FILE_PROP_CHANGE,
  FILE_PROP_STAGED,
  FILE_PROP_SELECTED,
  FILE_N_PROPS
};

static GParamSpec *file_properties[FILE_N_PROPS];

static void
mi_changed_file_finalize (GObject *object)
{
  MiChangedFile *self = MI_CHANGED_FILE (object);

  g_free (self->path);
  g_free (self->old_path);
  g_free (self->slug);
  g_free (self->attempt_folder);
  g_free (self->old_attempt_folder);
  g_clear_pointer (&self->result_attempts, g_array_unref);

  G_OBJECT_CLASS (mi_changed_file_parent_class)->finalize (object);
}

static void
mi_changed_file_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MiChangedFile *self = MI_CHANGED_FILE (object);

  switch (prop_id)
    {
    case FILE_PROP_PATH: g_value_set_string (value, self->path); break;
    case FILE_PROP_OLD_PATH: g_value_set_string (value, self->old_path); break;
    case FILE_PROP_SLUG: g_value_set_string (value, self->slug); break;
    case FILE_PROP_CHANGE: g_value_set_enum (value, self->change); break;
    case FILE_PROP_STAGED: g_value_set_boolean (value, self->staged); break;
    case FILE_PROP_SELECTED: g_value_set_boolean (value, self->selected); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_changed_file_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MiChangedFile *self = MI_CHANGED_FILE (object);

  switch (prop_id)
    {
    case FILE_PROP_SELECTED: mi_changed_file_set_selected (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_changed_file_class_init (MiChangedFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mi_changed_file_finalize;
  object_class->get_property = mi_changed_file_get_property;
  object_class->set_property = mi_changed_file_set_property;

  file_properties[FILE_PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  file_properties[FILE_PROP_OLD_PATH] = g_param_spec_string ("old-path", NULL, NULL, NULL, ro);
  file_properties[FILE_PROP_SLUG] = g_param_spec_string ("slug", NULL, NULL, NULL, ro);
  file_properties[FILE_PROP_CHANGE] = g_param_spec_enum ("change", NULL, NULL, MI_TYPE_FILE_CHANGE,
                                                         MI_FILE_CHANGE_MODIFIED, ro);
  file_properties[FILE_PROP_STAGED] = g_param_spec_boolean ("staged", NULL, NULL, FALSE, ro);
  file_properties[FILE_PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, FILE_N_PROPS, file_properties);
}

static void
mi_changed_file_init (MiChangedFile *self)
{
  self->selected = TRUE;
}

const char *
mi_changed_file_get_path (MiChangedFile *self)
{
  g_return_val_if_fail (MI_IS_CHANGED_FILE (self), NULL);
  return self->path;
}

const char *
mi_changed_file_get_old_path (MiChangedFile *self)
{
  g_return_val_if_fail (MI_IS_CHANGED_FILE (self), NULL);
  return self->old_path;
}

MiFileChange
mi_changed_file_get_change (MiChangedFile *self)
{
  g_return_val_if_fail (MI_IS_CHANGED_FILE (self), MI_FILE_CHANGE_MODIFIED);
  return self->change;
}

const char *
mi_changed_file_get_slug (MiChangedFile *self)
{
  g_return_val_if_fail (MI_IS_CHANGED_FILE (self), NULL);
  return self->slug;
}

gboolean
mi_changed_file_get_staged (MiChangedFile *self)
{
  g_return_val_if_fail (MI_IS_CHANGED_FILE (self), FALSE);
  return self->staged;
}

gboolean
mi_changed_file_get_selected (MiChangedFile *self)
{
  g_return_val_if_fail (MI_IS_CHANGED_FILE (self), FALSE);
  return self->selected;
}

void
mi_changed_file_set_selected (MiChangedFile *self,
                              gboolean       selected)
{
  g_return_if_fail (MI_IS_CHANGED_FILE (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), file_properties[FILE_PROP_SELECTED]);
}

/* ---------------------------------------------------------------------- */
/* MiChangeGroup                                                           */

struct _MiChangeGroup
{
  GObject     parent_instance;
  char       *slug;
  GListStore *files;
};

G_DEFINE_FINAL_TYPE (MiChangeGroup, mi_change_group, G_TYPE_OBJECT)

enum {
  GROUP_PROP_0,
  GROUP_PROP_SLUG,
  GROUP_PROP_FILES,
  GROUP_N_PROPS
};

static GParamSpec *group_properties[GROUP_N_PROPS];

static void
mi_change_group_finalize (GObject *object)
{
  MiChangeGroup *self = MI_CHANGE_GROUP (object);

  g_free (self->slug);
  g_clear_object (&self->files);

  G_OBJECT_CLASS (mi_change_group_parent_class)->finalize (object);
}

static void
mi_change_group_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MiChangeGroup *self = MI_CHANGE_GROUP (object);

  switch (prop_id)
    {
    case GROUP_PROP_SLUG: g_value_set_string (value, self->slug); break;
    case GROUP_PROP_FILES: g_value_set_object (value, self->files); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_change_group_class_init (MiChangeGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_change_group_finalize;
  object_class->get_property = mi_change_group_get_property;

  group_properties[GROUP_PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  group_properties[GROUP_PROP_FILES] =
    g_param_spec_object ("files", NULL, NULL, G_TYPE_LIST_MODEL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, GROUP_N_PROPS, group_properties);
}

static void
mi_change_group_init (MiChangeGroup *self)
{
  self->files = g_list_store_new (MI_TYPE_CHANGED_FILE);
}

const char *
mi_change_group_get_slug (MiChangeGroup *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_GROUP (self), NULL);
  return self->slug;
}

GListModel *
mi_change_group_get_files (MiChangeGroup *self)
{
  g_return_val_if_fail (MI_IS_CHANGE_GROUP (self), NULL);
  return G_LIST_MODEL (self->files);
}

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

/* ---------------------------------------------------------------------- */
/* MiCommitInfo                                                            */

struct _MiCommitInfo
{
  GObject    parent_instance;
  char      *id;
  char      *short_id;
  char      *summary;
  char      *message;
  char      *author_name;
  char      *author_email;
  GDateTime *date;
};

G_DEFINE_FINAL_TYPE (MiCommitInfo, mi_commit_info, G_TYPE_OBJECT)

enum {
  COMMIT_PROP_0,
  COMMIT_PROP_ID,
  COMMIT_PROP_SHORT_ID,
  COMMIT_PROP_SUMMARY,
  COMMIT_PROP_MESSAGE,
  COMMIT_PROP_AUTHOR_NAME,
  COMMIT_PROP_AUTHOR_EMAIL,
  COMMIT_PROP_DATE,
  COMMIT_N_PROPS
};

static GParamSpec *commit_properties[COMMIT_N_PROPS];

static void
mi_commit_info_finalize (GObject *object)
{
  MiCommitInfo *self = MI_COMMIT_INFO (object);

  g_free (self->id);
  g_free (self->short_id);
  g_free (self->summary);
  g_free (self->message);
  g_free (self->author_name);
  g_free (self->author_email);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (mi_commit_info_parent_class)->finalize (object);
}

static void
mi_commit_info_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MiCommitInfo *self = MI_COMMIT_INFO (object);

  switch (prop_id)
    {
    case COMMIT_PROP_ID: g_value_set_string (value, self->id); break;
    case COMMIT_PROP_SHORT_ID: g_value_set_string (value, self->short_id); break;
    case COMMIT_PROP_SUMMARY: g_value_set_string (value, self->summary); break;
    case COMMIT_PROP_MESSAGE: g_value_set_string (value, self->message); break;
    case COMMIT_PROP_AUTHOR_NAME: g_value_set_string (value, self->author_name); break;
    case COMMIT_PROP_AUTHOR_EMAIL: g_value_set_string (value, self->author_email); break;
    case COMMIT_PROP_DATE: g_value_set_boxed (value, self->date); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_commit_info_class_init (MiCommitInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mi_commit_info_finalize;
  object_class->get_property = mi_commit_info_get_property;

  commit_properties[COMMIT_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  commit_properties[COMMIT_PROP_SHORT_ID] = g_param_spec_string ("short-id", NULL, NULL, NULL, ro);
  commit_properties[COMMIT_PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  commit_properties[COMMIT_PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  commit_properties[COMMIT_PROP_AUTHOR_NAME] = g_param_spec_string ("author-name", NULL, NULL, NULL, ro);
  commit_properties[COMMIT_PROP_AUTHOR_EMAIL] = g_param_spec_string ("author-email", NULL, NULL, NULL, ro);
  commit_properties[COMMIT_PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME, ro);
  g_object_class_install_properties (object_class, COMMIT_N_PROPS, commit_properties);
}

static void
mi_commit_info_init (MiCommitInfo *self)
{
}

static MiCommitInfo *
commit_info_new (git_commit *commit)
{
  MiCommitInfo *self = g_object_new (MI_TYPE_COMMIT_INFO, NULL);
  const git_signature *author = git_commit_author (commit);
  const char *summary = git_commit_summary (commit);
  char hex[GIT_OID_HEXSZ + 1];
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  git_oid_tostr (hex, sizeof hex, git_commit_id (commit));
  self->id = g_strdup (hex);
  self->short_id = g_strndup (hex, 7);
  self->summary = g_utf8_make_valid (summary ? summary : "", -1);
  self->message = g_utf8_make_valid (git_commit_message (commit) ? git_commit_message (commit) : "", -1);
  self->author_name = g_utf8_make_valid (author->name ? author->name : "", -1);
  self->author_email = g_utf8_make_valid (author->email ? author->email : "", -1);
  utc = g_date_time_new_from_unix_utc (author->when.time);
  zone = g_time_zone_new_offset (author->when.offset * 60);
  self->date = utc ? g_date_time_to_timezone (utc, zone) : NULL;
  return self;
}

const char *
mi_commit_info_get_id (MiCommitInfo *self)
{
  g_return_val_if_fail (MI_IS_COMMIT_INFO (self), NULL);
  return self->id;
}

const char *
mi_commit_info_get_short_id (MiCommitInfo *self)
{
  g_return_val_if_fail (MI_IS_COMMIT_INFO (self), NULL);
  return self->short_id;
}

const char *
mi_commit_info_get_summary (MiCommitInfo *self)
{
  g_return_val_if_fail (MI_IS_COMMIT_INFO (self), NULL);
  return self->summary;
}

const char *
mi_commit_info_get_message (MiCommitInfo *self)
{
  g_return_val_if_fail (MI_IS_COMMIT_INFO (self), NULL);
  return self->message;
}

const char *
mi_commit_info_get_author_name (MiCommitInfo *self)
{
  g_return_val_if_fail (MI_IS_COMMIT_INFO (self), NULL);
  return self->author_name;
}

const char *
mi_commit_info_get_author_email (MiCommitInfo *self)
{
  g_return_val_if_fail (MI_IS_COMMIT_INFO (self), NULL);
  return self->author_email;
}

GDateTime *
mi_commit_info_get_date (MiCommitInfo *self)
{
  g_return_val_if_fail (MI_IS_COMMIT_INFO (self), NULL);
  return self->date;
}

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

G_DEFINE_FINAL_TYPE (MiCredentialsRequest, mi_credentials_request, G_TYPE_OBJECT)

static void
free_secret (char *secret)
{
  if (secret != NULL)
    {
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
}

static void
mi_credentials_request_finalize (GObject *object)
{
  MiCredentialsRequest *self = MI_CREDENTIALS_REQUEST (object);

  g_free (self->url);
  g_free (self->username);
  g_free (self->answer_username);
  free_secret (self->answer_password);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (mi_credentials_request_parent_class)->finalize (object);
}

static void
mi_credentials_request_class_init (MiCredentialsRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mi_credentials_request_finalize;
}

static void
mi_credentials_request_init (MiCredentialsRequest *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

const char *
mi_credentials_request_get_url (MiCredentialsRequest *self)
{
  g_return_val_if_fail (MI_IS_CREDENTIALS_REQUEST (self), NULL);
  return self->url;
}

const char *
mi_credentials_request_get_username (MiCredentialsRequest *self)
{
  g_return_val_if_fail (MI_IS_CREDENTIALS_REQUEST (self), NULL);
  return self->username;
}

gboolean
mi_credentials_request_get_retry (MiCredentialsRequest *self)
{
  g_return_val_if_fail (MI_IS_CREDENTIALS_REQUEST (self), FALSE);
  return self->retry;
}

void
mi_credentials_request_answer (MiCredentialsRequest *self,
                               const char           *username,
                               const char           *password)
{
  g_return_if_fail (MI_IS_CREDENTIALS_REQUEST (self));
  g_return_if_fail (username != NULL && password != NULL);

  g_mutex_lock (&self->lock);
  if (!self->done)
    {
      self->answer_username = g_strdup (username);
      self->answer_password = g_strdup (password);
      self->done = TRUE;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);
}

void
mi_credentials_request_cancel (MiCredentialsRequest *self)
{
  g_return_if_fail (MI_IS_CREDENTIALS_REQUEST (self));

  g_mutex_lock (&self->lock);
  self->done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

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

static void
op_init (Op           *op,
         MiRepository *self,
         GMainContext *context,
         GCancellable *cancellable)
{
  memset (op, 0, sizeof *op);
  op->self = self;
  op->context = context;
  op->cancellable = cancellable;
}

static void
op_clear (Op *op)
{
  g_clear_pointer (&op->rejection, g_free);
}

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

static const char *
last_git_message (void)
{
  const git_error *e = git_error_last ();

  return e != NULL && e->message != NULL ? e->message : _("unknown error");
}

/* Sets @error from libgit2's last error; returns FALSE. */
static gboolean
set_git_error (GError     **error,
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

  g_set_error (error, MI_REPOSITORY_ERROR, mi_code, "%s: %s", what, last_git_message ());
  return FALSE;
}

static gboolean
set_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));
  return FALSE;
}

static git_repository *
open_git (MiRepository  *self,
          GError       **error)
{
  git_repository *repo = NULL;
  int rc;

  mi_repository_ensure_libgit2 ();
  rc = git_repository_open_ext (&repo, self->workdir_path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
  if (rc < 0)
    {
      set_git_error (error, rc, _("Could not open the git repository"));
      return NULL;
    }
  return repo;
}

/* Why git would refuse to commit now, as a message; NULL when nothing is in the way. */
static char *
describe_state (git_repository *repo)
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

static char *
describe_lock (git_repository *repo)
{
  g_autofree char *lock = g_build_filename (git_repository_path (repo), "index.lock", NULL);

  if (!g_file_test (lock, G_FILE_TEST_EXISTS))
    return NULL;

  return g_strdup_printf (_("The file %s exists: another git program is working in this "
                            "repository, or one stopped without cleaning up. Wait for it to finish "
                            "and try again; if no git program is running, delete that file yourself."),
                          lock);
}

static gboolean
check_can_write (git_repository  *repo,
                 GError         **error)
{
  g_autofree char *state = describe_state (repo);
  g_autofree char *lock = NULL;

  if (state != NULL)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_BUSY, state);
      return FALSE;
    }

  lock = describe_lock (repo);
  if (lock != NULL)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_LOCKED, lock);
      return FALSE;
    }

  return TRUE;
}

/* The user's name and e-mail: GIT_AUTHOR_* in the environment, else git's config. */
static void
read_identity (git_repository  *repo,
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

static gboolean
make_signature (git_repository  *repo,
                git_signature  **out,
                GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  int rc;

  read_identity (repo, &name, &email);
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
                     "then try again."), last_git_message ());
      return FALSE;
    }
  return TRUE;
}

/* A path relative to the working tree, "/" separated, with nothing that leaves it. */
static char *
clean_path (const char  *path,
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

static gboolean
tree_entry_id (git_tree   *tree,
               const char *path,
               git_oid    *id)
{
  g_autoptr(git_tree_entry) entry = NULL;

  if (tree == NULL || git_tree_entry_bypath (&entry, tree, path) < 0)
    return FALSE;
  git_oid_cpy (id, git_tree_entry_id (entry));
  return TRUE;
}

static GBytes *
read_tree_file (git_repository *repo,
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

static GBytes *
read_workdir_file (MiRepository *self,
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
static gboolean
read_head (git_repository  *repo,
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
    return set_git_error (error, rc, _("Could not read the last commit (HEAD)"));

  *commit = (git_commit *) g_steal_pointer (&object);
  if (tree != NULL && (rc = git_commit_tree (tree, *commit)) < 0)
    {
      g_clear_pointer (commit, git_commit_free);
      return set_git_error (error, rc, _("Could not read the last commit's files"));
    }
  return TRUE;
}

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

static MiStatus
find_status (GBytes *bytes)
{
  gsize len;
  const char *data;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  if (bytes == NULL)
    return MI_STATUS_UNKNOWN;
  data = g_bytes_get_data (bytes, &len);
  text = g_strndup (data, len);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (strstr (lines[i], "tatus") == NULL)
        continue;
      if (mi_markdown_split_key_value (lines[i], &key, &value, NULL, NULL) &&
          g_ascii_strcasecmp (g_strstrip (key), "status") == 0)
        return mi_status_parse (value, NULL);
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

      if (file->change == MI_FILE_CHANGE_ADDED && !tree_entry_id (head_tree, folder_path, &id))
        file->attempt_event = ATTEMPT_ADDED;
      else if (file->change == MI_FILE_CHANGE_DELETED && !g_file_test (full, G_FILE_TEST_IS_DIR))
        file->attempt_event = ATTEMPT_REMOVED;
      else if (file->change == MI_FILE_CHANGE_RENAMED && old_folder != NULL &&
               !g_str_equal (old_folder_path, folder_path) && !tree_entry_id (head_tree, folder_path, &id))
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
      g_autoptr(GBytes) before = read_tree_file (repo, head_tree, file->old_path ? file->old_path : file->path);
      g_autoptr(GBytes) after = read_workdir_file (self, file->path);
      MiStatus old_status = find_status (before);
      MiStatus new_status = find_status (after);

      if (new_status != old_status)
        file->new_status = new_status;
    }
  else if (g_str_equal (file->path, tests) && file->change != MI_FILE_CHANGE_DELETED)
    {
      g_autoptr(GBytes) before = read_tree_file (repo, head_tree, file->old_path ? file->old_path : file->path);
      g_autoptr(GBytes) after = read_workdir_file (self, file->path);
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
  free_secret (self->cached_password);
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

/* ---------------------------------------------------------------------- */
/* Progress, cancellation and credentials through libgit2's callbacks      */

typedef struct
{
  MiRepository *self;
  char         *message;
  double        fraction;
} ProgressData;

static void
progress_data_free (gpointer data)
{
  ProgressData *progress = data;

  g_object_unref (progress->self);
  g_free (progress->message);
  g_free (progress);
}

static gboolean
emit_progress_cb (gpointer data)
{
  ProgressData *progress = data;

  g_signal_emit (progress->self, signals[SIGNAL_PROGRESS], 0, progress->message, progress->fraction);
  return G_SOURCE_REMOVE;
}

static void
emit_progress (Op         *op,
               const char *message,
               double      fraction,
               gboolean    force)
{
  gint64 now = g_get_monotonic_time ();
  ProgressData *progress;

  if (!force && now - op->last_progress < 100 * 1000)
    return;
  op->last_progress = now;

  if (op->context == NULL)
    {
      g_signal_emit (op->self, signals[SIGNAL_PROGRESS], 0, message, fraction);
      return;
    }

  progress = g_new0 (ProgressData, 1);
  progress->self = g_object_ref (op->self);
  progress->message = g_strdup (message);
  progress->fraction = fraction;
  g_main_context_invoke_full (op->context, G_PRIORITY_DEFAULT, emit_progress_cb, progress,
                              progress_data_free);
}

static gboolean
op_check_cancelled (Op *op)
{
  if (g_cancellable_is_cancelled (op->cancellable))
    op->cancelled = TRUE;
  return op->cancelled;
}

static int
transfer_progress_cb (const git_indexer_progress *stats,
                      void                       *payload)
{
  Op *op = payload;
  g_autofree char *message = NULL;
  double fraction = -1;

  if (op_check_cancelled (op))
    return GIT_EUSER;

  if (stats->total_objects > 0)
    {
      fraction = (double) (stats->received_objects + stats->indexed_deltas) /
                 (double) (stats->total_objects + stats->total_deltas);
      if (stats->received_objects < stats->total_objects)
        message = g_strdup_printf (_("Receiving objects: %u of %u"),
                                   stats->received_objects, stats->total_objects);
      else
        message = g_strdup_printf (_("Resolving deltas: %u of %u"),
                                   stats->indexed_deltas, stats->total_deltas);
    }
  else
    message = g_strdup (_("Receiving objects"));

  emit_progress (op, message, fraction, FALSE);
  return 0;
}

static int
sideband_progress_cb (const char *str,
                      int         len,
                      void       *payload)
{
  return op_check_cancelled (payload) ? GIT_EUSER : 0;
}

static int
push_transfer_progress_cb (unsigned int current,
                           unsigned int total,
                           size_t       bytes,
                           void        *payload)
{
  Op *op = payload;
  g_autofree char *message = NULL;

  if (op_check_cancelled (op))
    return GIT_EUSER;

  message = g_strdup_printf (_("Sending objects: %u of %u"), current, total);
  emit_progress (op, message, total > 0 ? (double) current / total : -1, FALSE);
  return 0;
}

static int
push_update_reference_cb (const char *refname,
                          const char *status,
                          void       *data)
{
  Op *op = data;

  if (status != NULL && op->rejection == NULL)
    op->rejection = g_strdup (status);
  return 0;
}

typedef struct
{
  MiRepository         *self;
  MiCredentialsRequest *request;
} AskData;

static void
ask_data_free (gpointer data)
{
  AskData *ask = data;

  g_object_unref (ask->self);
  g_object_unref (ask->request);
  g_free (ask);
}

static gboolean
ask_cb (gpointer data)
{
  AskData *ask = data;
  MiCredentialsFunc func;
  gpointer func_data;

  g_mutex_lock (&ask->self->lock);
  func = ask->self->credentials_func;
  func_data = ask->self->credentials_data;
  g_mutex_unlock (&ask->self->lock);

  if (func != NULL)
    func (ask->self, ask->request, func_data);
  else
    mi_credentials_request_cancel (ask->request);
  return G_SOURCE_REMOVE;
}

/* Asks the user through the credentials function and waits for the answer. */
static gboolean
ask_credentials (Op          *op,
                 const char  *url,
                 const char  *username,
                 gboolean     retry,
                 char       **out_username,
                 char       **out_password)
{
  g_autoptr(MiCredentialsRequest) request = g_object_new (MI_TYPE_CREDENTIALS_REQUEST, NULL);
  AskData *ask = g_new0 (AskData, 1);
  gboolean answered;

  request->url = g_strdup (url);
  request->username = g_strdup (username);
  request->retry = retry;
  ask->self = g_object_ref (op->self);
  ask->request = g_object_ref (request);

  if (op->context == NULL)
    {
      ask_cb (ask);
      ask_data_free (ask);
      /* The synchronous functions need an answer before the function returns. */
      mi_credentials_request_cancel (request);
    }
  else
    g_main_context_invoke_full (op->context, G_PRIORITY_DEFAULT, ask_cb, ask, ask_data_free);

  g_mutex_lock (&request->lock);
  while (!request->done && !g_cancellable_is_cancelled (op->cancellable))
    g_cond_wait_until (&request->cond, &request->lock, g_get_monotonic_time () + 100 * 1000);
  answered = request->answer_password != NULL;
  if (answered)
    {
      *out_username = g_strdup (request->answer_username);
      *out_password = g_strdup (request->answer_password);
    }
  request->done = TRUE;
  g_mutex_unlock (&request->lock);

  return answered;
}

static int
credentials_cb (git_credential **out,
                const char      *url,
                const char      *username_from_url,
                unsigned int     allowed_types,
                void            *payload)
{
  Op *op = payload;
  MiRepository *self = op->self;

  if (op_check_cancelled (op))
    return GIT_EUSER;

  if ((allowed_types & GIT_CREDENTIAL_SSH_KEY) != 0)
    {
      if (op->tried_agent)
        {
          op->auth_refused = TRUE;
          return GIT_EAUTH;
        }
      op->tried_agent = TRUE;
      return git_credential_ssh_key_from_agent (out, username_from_url ? username_from_url : "git");
    }

  if ((allowed_types & GIT_CREDENTIAL_USERNAME) != 0 && (allowed_types & GIT_CREDENTIAL_USERPASS_PLAINTEXT) == 0)
    return git_credential_username_new (out, username_from_url ? username_from_url : "git");

  if ((allowed_types & GIT_CREDENTIAL_USERPASS_PLAINTEXT) != 0)
    {
      g_autofree char *username = NULL;
      char *password = NULL;
      int rc;

      g_mutex_lock (&self->lock);
      if (!op->used_cache && self->cached_password != NULL && g_strcmp0 (self->cached_url, url) == 0)
        {
          op->used_cache = TRUE;
          username = g_strdup (self->cached_username);
          password = g_strdup (self->cached_password);
        }
      else if (op->used_cache || op->n_asked > 0)
        {
          /* What we gave was refused: forget it. */
          g_clear_pointer (&self->cached_url, g_free);
          g_clear_pointer (&self->cached_username, g_free);
          g_clear_pointer (&self->cached_password, free_secret);
        }
      g_mutex_unlock (&self->lock);

      if (password == NULL)
        {
          if (op->n_asked >= 2)
            {
              op->auth_refused = TRUE;
              return GIT_EAUTH;
            }
          op->n_asked++;
          if (!ask_credentials (op, url, username_from_url, op->used_cache || op->n_asked > 1,
                                &username, &password))
            {
              if (!op_check_cancelled (op))
                op->auth_refused = TRUE;
              return GIT_EUSER;
            }
          op->used_cache = TRUE;   /* from now on, the cache holds this answer */
          g_mutex_lock (&self->lock);
          g_free (self->cached_url);
          g_free (self->cached_username);
          free_secret (self->cached_password);
          self->cached_url = g_strdup (url);
          self->cached_username = g_strdup (username);
          self->cached_password = g_strdup (password);
          g_mutex_unlock (&self->lock);
        }

      rc = git_credential_userpass_plaintext_new (out, username, password);
      free_secret (password);
      return rc;
    }

  op->auth_refused = TRUE;
  return GIT_EAUTH;
}

static void
op_set_callbacks (Op                   *op,
                  git_remote_callbacks *callbacks)
{
  callbacks->credentials = credentials_cb;
  callbacks->transfer_progress = transfer_progress_cb;
  callbacks->sideband_progress = sideband_progress_cb;
  callbacks->push_transfer_progress = push_transfer_progress_cb;
  callbacks->push_update_reference = push_update_reference_cb;
  callbacks->payload = op;
}

/* Turns the failure @rc of a network operation with @url into an error a user can act on. */
static gboolean
set_remote_error (Op          *op,
                  int          rc,
                  const char  *url,
                  GError     **error)
{
  const git_error *e = git_error_last ();
  int klass = e ? e->klass : GIT_ERROR_NONE;
  const char *message = last_git_message ();

  if (op_check_cancelled (op))
    return set_cancelled (error);

  if (op->auth_refused || rc == GIT_EAUTH)
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_AUTH,
                   _("%s refused the credentials. Check the user name and the password or token "
                     "(a token needs access to this repository), or the SSH key loaded in your "
                     "SSH agent, then try again."), url);
      return FALSE;
    }

  if (rc == GIT_ENONFASTFORWARD)
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NON_FAST_FORWARD,
                   _("%s has commits that you do not have yet, so pushing would lose them. Pull "
                     "first (sync does both), then push again."), url);
      return FALSE;
    }

  if (rc == GIT_ECERTIFICATE)
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_UNREACHABLE,
                   _("The identity of %s could not be verified (%s). Check the address of the "
                     "remote; if it is right, the server's certificate may be misconfigured."),
                   url, message);
      return FALSE;
    }

  if (klass == GIT_ERROR_NET || klass == GIT_ERROR_SSH || klass == GIT_ERROR_HTTP ||
      klass == GIT_ERROR_OS || klass == GIT_ERROR_SSL || rc == GIT_ENOTFOUND ||
      (e != NULL && strstr (message, "could not find repository") != NULL))
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_UNREACHABLE,
                   _("Could not reach %s (%s). Check the network connection and the remote's "
                     "address (“git remote -v”), then try again."), url, message);
      return FALSE;
    }

  g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_FAILED,
               _("Talking to %s failed: %s"), url, message);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* The current branch and its upstream                                     */

typedef struct
{
  char     *branch_ref;    /* refs/heads/main */
  char     *branch_name;   /* main */
  char     *remote;        /* origin */
  char     *merge_ref;     /* refs/heads/main on the remote */
  char     *tracking_ref;  /* refs/remotes/origin/main */
  gboolean  configured;    /* branch.main.remote/merge are set */
} Upstream;

static void
upstream_clear (Upstream *up)
{
  g_free (up->branch_ref);
  g_free (up->branch_name);
  g_free (up->remote);
  g_free (up->merge_ref);
  g_free (up->tracking_ref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Upstream, upstream_clear)

static gboolean
find_upstream (git_repository  *repo,
               Upstream        *up,
               GError         **error)
{
  g_autoptr(git_reference) head = NULL;
  g_auto(git_buf) remote = GIT_BUF_INIT;
  g_auto(git_buf) merge = GIT_BUF_INIT;
  g_auto(git_buf) tracking = GIT_BUF_INIT;
  int rc;

  if (git_repository_head_detached (repo) == 1)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_UPSTREAM,
                           _("No branch is checked out (HEAD is detached), so there is nothing to "
                             "sync. Check out a branch (“git switch main”), then sync."));
      return FALSE;
    }

  rc = git_reference_lookup (&head, repo, "HEAD");
  if (rc < 0 || git_reference_type (head) != GIT_REFERENCE_SYMBOLIC)
    return set_git_error (error, rc < 0 ? rc : GIT_ERROR, _("Could not read HEAD"));

  up->branch_ref = g_strdup (git_reference_symbolic_target (head));
  up->branch_name = g_strdup (g_str_has_prefix (up->branch_ref, "refs/heads/")
                              ? up->branch_ref + strlen ("refs/heads/") : up->branch_ref);

  if (git_branch_upstream_remote (&remote, repo, up->branch_ref) == 0 &&
      git_branch_upstream_merge (&merge, repo, up->branch_ref) == 0)
    {
      up->configured = TRUE;
      up->remote = g_strndup (remote.ptr, remote.size);
      up->merge_ref = g_strndup (merge.ptr, merge.size);
      if (git_branch_upstream_name (&tracking, repo, up->branch_ref) == 0)
        up->tracking_ref = g_strndup (tracking.ptr, tracking.size);
      else
        up->tracking_ref = g_strdup_printf ("refs/remotes/%s/%s", up->remote,
                                            g_str_has_prefix (up->merge_ref, "refs/heads/")
                                            ? up->merge_ref + strlen ("refs/heads/") : up->merge_ref);
      return TRUE;
    }

  {
    g_autoptr(git_remote) origin = NULL;
    git_strarray names = { NULL, 0 };
    const char *name = NULL;

    if (git_remote_lookup (&origin, repo, "origin") == 0)
      name = "origin";
    else if (git_remote_list (&names, repo) == 0 && names.count == 1)
      name = names.strings[0];

    if (name == NULL)
      {
        git_strarray_dispose (&names);
        g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_UPSTREAM,
                     _("The branch “%s” has no remote to sync with. Add the team's repository "
                       "with “git remote add origin URL”, then sync."), up->branch_name);
        return FALSE;
      }

    up->remote = g_strdup (name);
    git_strarray_dispose (&names);
  }
  up->merge_ref = g_strdup (up->branch_ref);
  up->tracking_ref = g_strdup_printf ("refs/remotes/%s/%s", up->remote, up->branch_name);
  return TRUE;
}

static gboolean
do_fetch (Op              *op,
          git_repository  *repo,
          Upstream        *up,
          GError         **error)
{
  g_autoptr(git_remote) remote = NULL;
  git_fetch_options options;
  g_autofree char *message = NULL;
  const char *url;
  int rc;

  if (op_check_cancelled (op))
    return set_cancelled (error);

  rc = git_remote_lookup (&remote, repo, up->remote);
  if (rc < 0)
    return set_git_error (error, rc, _("Could not read the remote"));
  url = git_remote_url (remote) ? git_remote_url (remote) : up->remote;

  git_fetch_options_init (&options, GIT_FETCH_OPTIONS_VERSION);
  op_set_callbacks (op, &options.callbacks);

  message = g_strdup_printf (_("Fetching from %s"), url);
  emit_progress (op, message, -1, TRUE);

  rc = git_remote_fetch (remote, NULL, &options, NULL);
  if (rc < 0)
    return set_remote_error (op, rc, url, error);
  return TRUE;
}

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
                   "then pull again."), last_git_message ());
  return FALSE;
}

static gboolean
do_pull (Op              *op,
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

  if (op_check_cancelled (op))
    return set_cancelled (error);
  if (!check_can_write (repo, error))
    return FALSE;

  rc = git_reference_name_to_id (&their_id, repo, up->tracking_ref);
  if (rc == GIT_ENOTFOUND)
    return TRUE;   /* the remote has no such branch yet */
  if (rc < 0)
    return set_git_error (error, rc, _("Could not read the remote branch"));

  if (git_remote_lookup (&remote, repo, up->remote) == 0 && git_remote_url (remote) != NULL)
    url = git_remote_url (remote);
  else
    url = up->remote;
  rc = git_annotated_commit_from_fetchhead (&theirs, repo, up->merge_ref, url, &their_id);
  if (rc < 0 || (rc = git_commit_lookup (&their_commit, repo, &their_id)) < 0)
    return set_git_error (error, rc, _("Could not read the remote branch"));

  rc = git_merge_analysis (&analysis, &preference, repo, (const git_annotated_commit **) &theirs, 1);
  if (rc < 0)
    return set_git_error (error, rc, _("Could not compare with the remote branch"));

  if ((analysis & GIT_MERGE_ANALYSIS_UP_TO_DATE) != 0)
    return TRUE;

  git_checkout_options_init (&checkout, GIT_CHECKOUT_OPTIONS_VERSION);
  checkout.checkout_strategy = GIT_CHECKOUT_SAFE;
  checkout.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
  checkout.notify_cb = checkout_notify_cb;
  checkout.notify_payload = &notes;

  emit_progress (op, _("Updating files"), -1, TRUE);

  if ((analysis & (GIT_MERGE_ANALYSIS_UNBORN | GIT_MERGE_ANALYSIS_FASTFORWARD)) != 0 &&
      (preference & GIT_MERGE_PREFERENCE_NO_FASTFORWARD) == 0)
    {
      g_autofree char *reflog = g_strdup_printf ("pull: Fast-forward");

      rc = git_checkout_tree (repo, (const git_object *) their_commit, &checkout);
      if (rc == GIT_ECONFLICT)
        return set_local_changes_error (conflicts, error);
      if (rc < 0)
        return set_git_error (error, rc, _("Could not update the files"));

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
        return set_git_error (error, rc, _("Could not move the branch"));
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

    if (!make_signature (repo, &signature, error))
      return FALSE;
    if (!read_head (repo, &ours, NULL, error))
      return FALSE;

    git_merge_options_init (&merge, GIT_MERGE_OPTIONS_VERSION);
    checkout.checkout_strategy = GIT_CHECKOUT_SAFE | GIT_CHECKOUT_ALLOW_CONFLICTS;

    rc = git_merge (repo, (const git_annotated_commit **) &theirs, 1, &merge, &checkout);
    if (rc == GIT_ECONFLICT)
      return set_local_changes_error (conflicts, error);
    if (rc < 0)
      return set_git_error (error, rc, _("Could not merge the remote's commits"));

    rc = git_repository_index (&index, repo);
    if (rc < 0)
      return set_git_error (error, rc, _("Could not read the index"));

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
      return set_git_error (error, rc, _("Could not write the merge"));

    parents[0] = ours;
    parents[1] = their_commit;
    rc = git_commit_create (&commit_id, repo, "HEAD", signature, signature, NULL,
                            message.ptr, tree, 2, parents);
    if (rc < 0)
      return set_git_error (error, rc, _("Could not commit the merge"));
    git_repository_state_cleanup (repo);
    *result = MI_PULL_MERGED;
    return TRUE;
  }
}

static gboolean
do_push (Op              *op,
         git_repository  *repo,
         Upstream        *up,
         GError         **error)
{
  g_autoptr(git_remote) remote = NULL;
  g_autofree char *refspec = NULL;
  git_push_options options;
  git_strarray specs;
  const char *url;
  git_oid local_id;
  int rc;

  if (op_check_cancelled (op))
    return set_cancelled (error);

  if (git_reference_name_to_id (&local_id, repo, up->branch_ref) < 0)
    return TRUE;   /* an unborn branch: nothing to send */

  rc = git_remote_lookup (&remote, repo, up->remote);
  if (rc < 0)
    return set_git_error (error, rc, _("Could not read the remote"));
  url = git_remote_url (remote) ? git_remote_url (remote) : up->remote;

  refspec = g_strdup_printf ("%s:%s", up->branch_ref, up->merge_ref);
  specs.strings = &refspec;
  specs.count = 1;

  git_push_options_init (&options, GIT_PUSH_OPTIONS_VERSION);
  op_set_callbacks (op, &options.callbacks);

  {
    g_autofree char *message = g_strdup_printf (_("Pushing to %s"), url);

    emit_progress (op, message, -1, TRUE);
  }

  rc = git_remote_push (remote, &specs, &options);
  if (rc < 0)
    return set_remote_error (op, rc, url, error);

  if (op->rejection != NULL)
    {
      if (strstr (op->rejection, "non-fast-forward") != NULL || strstr (op->rejection, "fetch first") != NULL)
        g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NON_FAST_FORWARD,
                     _("%s has commits that you do not have yet, so pushing would lose them. Pull "
                       "first (sync does both), then push again."), url);
      else
        g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_REJECTED,
                     _("%s refused the push: %s. The branch may be protected, or a hook on the "
                       "server refused it: ask the repository's maintainers."), url, op->rejection);
      return FALSE;
    }

  if (!up->configured)
    {
      g_autoptr(git_reference) branch = NULL;
      g_autofree char *name = g_strdup_printf ("%s/%s", up->remote, up->branch_name);

      if (git_branch_lookup (&branch, repo, up->branch_name, GIT_BRANCH_LOCAL) == 0 &&
          git_branch_set_upstream (branch, name) == 0)
        up->configured = TRUE;
    }

  emit_progress (op, _("Pushed"), 1, TRUE);
  return TRUE;
}

static gboolean
count_ahead (git_repository *repo,
             Upstream       *up,
             gsize          *ahead,
             gsize          *behind)
{
  git_oid local_id, remote_id;

  *ahead = *behind = 0;
  if (git_reference_name_to_id (&local_id, repo, up->branch_ref) < 0)
    return FALSE;
  if (git_reference_name_to_id (&remote_id, repo, up->tracking_ref) < 0)
    {
      *ahead = 1;   /* the remote has no such branch: everything is new */
      return TRUE;
    }
  return git_graph_ahead_behind (ahead, behind, repo, &local_id, &remote_id) == 0;
}

static gboolean
fetch_internal (MiRepository  *self,
                GMainContext  *context,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(git_repository) repo = open_git (self, error);
  g_auto(Upstream) up = { 0 };
  Op op;
  gboolean ok;

  if (repo == NULL || !find_upstream (repo, &up, error))
    return FALSE;
  op_init (&op, self, context, cancellable);
  ok = do_fetch (&op, repo, &up, error);
  op_clear (&op);
  return ok;
}

static gboolean
pull_internal (MiRepository  *self,
               GMainContext  *context,
               MiPullResult  *result,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(git_repository) repo = open_git (self, error);
  g_auto(Upstream) up = { 0 };
  Op op;
  gboolean ok;

  if (repo == NULL || !find_upstream (repo, &up, error) || !check_can_write (repo, error))
    return FALSE;
  op_init (&op, self, context, cancellable);
  ok = do_fetch (&op, repo, &up, error) && do_pull (&op, repo, &up, result, error);
  op_clear (&op);
  return ok;
}

static gboolean
push_internal (MiRepository  *self,
               GMainContext  *context,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(git_repository) repo = open_git (self, error);
  g_auto(Upstream) up = { 0 };
  Op op;
  gboolean ok;

  if (repo == NULL || !find_upstream (repo, &up, error))
    return FALSE;
  op_init (&op, self, context, cancellable);
  ok = do_push (&op, repo, &up, error);
  op_clear (&op);
  return ok;
}

static char *
sync_internal (MiRepository  *self,
               GMainContext  *context,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(git_repository) repo = open_git (self, error);
  g_auto(Upstream) up = { 0 };
  MiPullResult pulled = MI_PULL_UP_TO_DATE;
  GString *summary;
  gsize ahead = 0, behind = 0;
  Op op;

  if (repo == NULL || !find_upstream (repo, &up, error) || !check_can_write (repo, error))
    return NULL;

  op_init (&op, self, context, cancellable);
  if (!do_fetch (&op, repo, &up, error) || !do_pull (&op, repo, &up, &pulled, error))
    {
      op_clear (&op);
      return NULL;
    }

  count_ahead (repo, &up, &ahead, &behind);
  if (ahead > 0 && !do_push (&op, repo, &up, error))
    {
      op_clear (&op);
      return NULL;
    }
  op_clear (&op);

  summary = g_string_new (NULL);
  switch (pulled)
    {
    case MI_PULL_FAST_FORWARD:
      g_string_append (summary, _("Received the remote's new commits."));
      break;
    case MI_PULL_MERGED:
      g_string_append (summary, _("Merged the remote's new commits with yours."));
      break;
    case MI_PULL_UP_TO_DATE:
    default:
      if (ahead == 0)
        g_string_append (summary, _("Already up to date."));
      break;
    }
  if (ahead > 0)
    {
      if (summary->len > 0)
        g_string_append_c (summary, ' ');
      g_string_append (summary, _("Sent your commits."));
    }
  return g_string_free (summary, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Async plumbing                                                          */

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

static GTask *
new_task (MiRepository        *self,
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
                     _("Could not open the git repository of %s: %s"), name, last_git_message ());
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

  repo = open_git (self, error);
  if (repo == NULL || !read_head (repo, &head_commit, &head_tree, error))
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
  set->blocker = describe_state (repo);
  if (set->blocker == NULL)
    set->blocker = describe_lock (repo);
  read_identity (repo, &set->user_name, &set->user_email);

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
      set_git_error (error, rc, _("Could not list the changed files"));
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

  task = new_task (self, cancellable, callback, user_data, mi_repository_list_changes_async, &data);
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

  if ((clean = clean_path (path, error)) == NULL)
    return NULL;
  if (old_path != NULL && (old_clean = clean_path (old_path, error)) == NULL)
    return NULL;
  repo = open_git (self, error);
  if (repo == NULL)
    return NULL;

  if (revision == NULL)
    {
      g_autoptr(git_commit) head = NULL;

      if (!read_head (repo, &head, &tree, error))
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

  before = read_tree_file (repo, tree, old_clean ? old_clean : clean);
  after = read_workdir_file (self, clean);
  before_data = before ? g_bytes_get_data (before, &before_len) : NULL;
  after_data = after ? g_bytes_get_data (after, &after_len) : NULL;

  git_diff_options_init (&options, GIT_DIFF_OPTIONS_VERSION);
  rc = git_patch_from_buffers (&patch, before_data, before_len, before ? (old_clean ? old_clean : clean) : NULL,
                               after_data, after_len, after ? clean : NULL, &options);
  if (rc < 0)
    {
      set_git_error (error, rc, _("Could not compare the file"));
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
      set_git_error (error, rc, _("Could not compare the file"));
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

  task = new_task (self, cancellable, callback, user_data, mi_repository_diff_file_async, &data);
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

/**
 * mi_repository_get_identity:
 * @name: (out) (optional): the user's name, %NULL when git has none
 * @email: (out) (optional): the e-mail address, %NULL when git has none
 *
 * The identity commits are made with: GIT_AUTHOR_NAME / GIT_AUTHOR_EMAIL,
 * else user.name / user.email from git's configuration.
 *
 * Returns: %TRUE when both are known, else %FALSE with
 *   %MI_REPOSITORY_ERROR_NO_IDENTITY
 */
gboolean
mi_repository_get_identity (MiRepository  *self,
                            char         **name,
                            char         **email,
                            GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autofree char *the_name = NULL;
  g_autofree char *the_email = NULL;
  gboolean known;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), FALSE);

  repo = open_git (self, error);
  if (repo == NULL)
    return FALSE;
  read_identity (repo, &the_name, &the_email);
  known = the_name != NULL && the_email != NULL;
  if (!known)
    {
      g_autoptr(git_signature) unused = NULL;

      make_signature (repo, &unused, error);
    }
  if (name != NULL)
    *name = g_steal_pointer (&the_name);
  if (email != NULL)
    *email = g_steal_pointer (&the_email);
  return known;
}

/**
 * mi_repository_set_identity:
 * Stores user.name and user.email in this repository's own configuration
 * (.git/config), for the commits made in it.
 */
gboolean
mi_repository_set_identity (MiRepository  *self,
                            const char    *name,
                            const char    *email,
                            GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_config) config = NULL;
  g_autoptr(git_config) local = NULL;
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *clean_email = g_strstrip (g_strdup (email ? email : ""));
  int rc;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), FALSE);

  if (*clean_name == '\0' || *clean_email == '\0' ||
      strpbrk (clean_name, "<>\n\r") != NULL || strpbrk (clean_email, "<> \n\r") != NULL ||
      strchr (clean_email, '@') == NULL)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NO_IDENTITY,
                           _("Give a name and an e-mail address like “Ada Lovelace” and "
                             "“ada@example.org”, without < or >."));
      return FALSE;
    }

  repo = open_git (self, error);
  if (repo == NULL)
    return FALSE;

  rc = git_repository_config (&config, repo);
  if (rc == 0)
    rc = git_config_open_level (&local, config, GIT_CONFIG_LEVEL_LOCAL);
  if (rc == 0)
    rc = git_config_set_string (local, "user.name", clean_name);
  if (rc == 0)
    rc = git_config_set_string (local, "user.email", clean_email);
  if (rc < 0)
    return set_git_error (error, rc, _("Could not write the repository's configuration"));
  return TRUE;
}

typedef struct
{
  char          *path;
  gboolean       exists;
  struct stat    st;
  git_oid        id;
  git_filemode_t mode;
} CommitPath;

static void
commit_path_free (gpointer data)
{
  CommitPath *cp = data;

  g_free (cp->path);
  g_free (cp);
}

static void
fill_index_entry (git_index_entry   *entry,
                  const CommitPath  *cp)
{
  memset (entry, 0, sizeof *entry);
  entry->ctime.seconds = (int32_t) cp->st.st_ctim.tv_sec;
  entry->ctime.nanoseconds = (uint32_t) cp->st.st_ctim.tv_nsec;
  entry->mtime.seconds = (int32_t) cp->st.st_mtim.tv_sec;
  entry->mtime.nanoseconds = (uint32_t) cp->st.st_mtim.tv_nsec;
  entry->dev = (uint32_t) cp->st.st_dev;
  entry->ino = (uint32_t) cp->st.st_ino;
  entry->mode = cp->mode;
  entry->uid = (uint32_t) cp->st.st_uid;
  entry->gid = (uint32_t) cp->st.st_gid;
  entry->file_size = (uint32_t) cp->st.st_size;
  git_oid_cpy (&entry->id, &cp->id);
  entry->path = cp->path;
}

/**
 * mi_repository_commit:
 * @paths: the files to commit, relative to the working tree (see
 *   mi_change_set_get_paths(): both paths of a rename)
 * @message: the commit message
 * @warning: (out) (optional): set to a message to show with the success
 *   (a commit on a detached HEAD), else %NULL
 *
 * Commits exactly @paths as they are in the working tree (a path missing
 * there is committed as deleted) on top of HEAD, whatever else is staged or
 * modified, then updates the index for those paths only: other staged
 * changes stay staged. Works on an unborn branch and on a detached HEAD.
 * Refuses during a merge, rebase, cherry-pick, revert or bisect
 * (%MI_REPOSITORY_ERROR_BUSY), when index.lock exists
 * (%MI_REPOSITORY_ERROR_LOCKED, never removed), without an identity
 * (%MI_REPOSITORY_ERROR_NO_IDENTITY).
 *
 * Returns: (transfer full): the new commit, or %NULL with @error set
 */
MiCommitInfo *
mi_repository_commit (MiRepository        *self,
                      const char * const  *paths,
                      const char          *message,
                      char               **warning,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_signature) signature = NULL;
  g_autoptr(git_commit) head = NULL;
  g_autoptr(git_tree) base = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_index) index = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (commit_path_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) updates = g_array_new (FALSE, TRUE, sizeof (git_tree_update));
  g_auto(git_buf) clean_message = GIT_BUF_INIT;
  git_oid tree_id, commit_id;
  gboolean trust_filemode = TRUE;
  int rc;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  if (warning != NULL)
    *warning = NULL;

  if (paths == NULL || paths[0] == NULL)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOTHING_TO_COMMIT,
                           _("No file is chosen: choose the files to commit."));
      return NULL;
    }

  mi_repository_ensure_libgit2 ();
  if (git_message_prettify (&clean_message, message, 0, '#') < 0 || clean_message.size == 0)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_FAILED,
                           _("The commit message is empty: write what the commit changes."));
      return NULL;
    }

  repo = open_git (self, error);
  if (repo == NULL || !check_can_write (repo, error) || !make_signature (repo, &signature, error))
    return NULL;
  if (!read_head (repo, &head, &base, error))
    return NULL;

  if (base == NULL)
    {
      g_autoptr(git_treebuilder) builder = NULL;
      git_oid empty_id;

      rc = git_treebuilder_new (&builder, repo, NULL);
      if (rc == 0)
        rc = git_treebuilder_write (&empty_id, builder);
      if (rc == 0)
        rc = git_tree_lookup (&base, repo, &empty_id);
      if (rc < 0)
        {
          set_git_error (error, rc, _("Could not write the first commit's files"));
          return NULL;
        }
    }

  {
    g_autoptr(git_config) config = NULL;
    int value;

    if (git_repository_config_snapshot (&config, repo) == 0 &&
        git_config_get_bool (&value, config, "core.filemode") == 0)
      trust_filemode = value != 0;
  }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *clean = clean_path (paths[i], error);
      g_autofree char *full = NULL;
      g_autoptr(git_tree_entry) old_entry = NULL;
      CommitPath *cp;
      git_tree_update update = { 0 };

      if (clean == NULL)
        return NULL;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (g_hash_table_contains (seen, clean))
        continue;

      cp = g_new0 (CommitPath, 1);
      cp->path = g_steal_pointer (&clean);
      g_ptr_array_add (items, cp);
      g_hash_table_add (seen, cp->path);

      full = g_build_filename (self->workdir_path, cp->path, NULL);
      git_tree_entry_bypath (&old_entry, base, cp->path);

      if (lstat (full, &cp->st) == 0)
        {
          if (S_ISDIR (cp->st.st_mode))
            {
              g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_INVALID_PATH,
                           _("“%s” is a folder: choose the files in it."), cp->path);
              return NULL;
            }
          cp->exists = TRUE;
          if (S_ISLNK (cp->st.st_mode))
            cp->mode = GIT_FILEMODE_LINK;
          else if (!trust_filemode)
            cp->mode = old_entry && git_tree_entry_filemode (old_entry) == GIT_FILEMODE_BLOB_EXECUTABLE
                       ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
          else
            cp->mode = (cp->st.st_mode & S_IXUSR) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;

          rc = git_blob_create_from_workdir (&cp->id, repo, cp->path);
          if (rc < 0)
            {
              g_autofree char *what = g_strdup_printf (_("Could not read “%s”"), cp->path);

              set_git_error (error, rc, what);
              return NULL;
            }
          update.action = GIT_TREE_UPDATE_UPSERT;
          git_oid_cpy (&update.id, &cp->id);
          update.filemode = cp->mode;
        }
      else if (errno == ENOENT || errno == ENOTDIR)
        {
          if (old_entry == NULL)
            continue;   /* neither committed nor on disk: only the index may hold it */
          update.action = GIT_TREE_UPDATE_REMOVE;
        }
      else
        {
          g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_FAILED,
                       _("Could not read “%s”: %s"), cp->path, g_strerror (errno));
          return NULL;
        }

      update.path = cp->path;
      g_array_append_val (updates, update);
    }

  if (updates->len > 0)
    rc = git_tree_create_updated (&tree_id, repo, base, updates->len, (git_tree_update *) updates->data);
  else
    {
      git_oid_cpy (&tree_id, git_tree_id (base));
      rc = 0;
    }
  if (rc < 0)
    {
      set_git_error (error, rc, _("Could not write the commit's files"));
      return NULL;
    }

  if (head != NULL && git_oid_equal (&tree_id, git_tree_id (base)))
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOTHING_TO_COMMIT,
                           _("The chosen files are the same as in the last commit: there is "
                             "nothing to commit."));
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  rc = git_tree_lookup (&tree, repo, &tree_id);
  if (rc == 0)
    {
      const git_commit *parents[1] = { head };

      rc = git_commit_create (&commit_id, repo, "HEAD", signature, signature, NULL,
                              clean_message.ptr, tree, head ? 1 : 0, parents);
    }
  if (rc == GIT_EMODIFIED)
    {
      g_set_error_literal (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_FAILED,
                           _("Another program committed while this commit was being made: "
                             "review the changes again, then commit."));
      return NULL;
    }
  if (rc < 0 || (rc = git_commit_lookup (&commit, repo, &commit_id)) < 0)
    {
      set_git_error (error, rc, _("Could not make the commit"));
      return NULL;
    }

  if (git_repository_head_detached (repo) == 1 && warning != NULL)
    *warning = g_strdup (_("The commit was made on a detached HEAD: no branch points to it, so it "
                           "is easily lost. Create a branch for it (“git switch -c NAME”)."));

  /* The index: only the committed paths change. */
  rc = git_repository_index (&index, repo);
  for (guint i = 0; rc == 0 && i < items->len; i++)
    {
      CommitPath *cp = g_ptr_array_index (items, i);

      if (cp->exists)
        {
          git_index_entry entry;

          fill_index_entry (&entry, cp);
          rc = git_index_add (index, &entry);
        }
      else
        {
          git_index_remove (index, cp->path, 0);
          git_index_conflict_remove (index, cp->path);
        }
    }
  if (rc == 0)
    rc = git_index_write (index);
  if (rc < 0 && warning != NULL)
    {
      g_free (*warning);
      *warning = g_strdup_printf (_("The commit was made, but git's index could not be updated "
                                    "(%s): “git status” may show the committed files as changed "
                                    "until you run “git reset”."), last_git_message ());
    }

  return commit_info_new (commit);
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  MiCommitInfo *info = mi_repository_commit (source_object, (const char * const *) td->paths,
                                             td->message, &td->warning, cancellable, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, g_object_unref);
}

void
mi_repository_commit_async (MiRepository        *self,
                            const char * const  *paths,
                            const char          *message,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (MI_IS_REPOSITORY (self));
  g_return_if_fail (message != NULL);

  task = new_task (self, cancellable, callback, user_data, mi_repository_commit_async, &data);
  data->paths = g_strdupv ((char **) paths);
  data->message = g_strdup (message);
  g_task_run_in_thread (task, commit_thread);
}

/**
 * mi_repository_commit_finish:
 * @warning: (out) (optional): see mi_repository_commit()
 *
 * Returns: (transfer full): the new commit, or %NULL with @error set
 */
MiCommitInfo *
mi_repository_commit_finish (MiRepository  *self,
                             GAsyncResult  *result,
                             char         **warning,
                             GError       **error)
{
  TaskData *td;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  td = g_task_get_task_data (G_TASK (result));
  if (warning != NULL)
    *warning = g_steal_pointer (&td->warning);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mi_repository_get_history:
 * @path: a file or folder, relative to the working tree
 *   ("docs/meta-issues/api-latency")
 *
 * The commits reachable from HEAD that changed @path, newest first. A merge
 * is listed only when it differs from every parent there, like `git log`.
 *
 * Returns: (transfer full): a GListModel of MiCommitInfo (empty on an unborn branch)
 */
GListModel *
mi_repository_get_history (MiRepository  *self,
                           const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_revwalk) walk = NULL;
  g_autoptr(GListStore) store = g_list_store_new (MI_TYPE_COMMIT_INFO);
  g_autofree char *clean = NULL;
  git_oid id;
  int rc;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);

  if ((clean = clean_path (path, error)) == NULL)
    return NULL;
  repo = open_git (self, error);
  if (repo == NULL)
    return NULL;

  rc = git_revwalk_new (&walk, repo);
  if (rc == 0)
    rc = git_revwalk_sorting (walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  if (rc == 0)
    {
      rc = git_revwalk_push_head (walk);
      if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH)
        return G_LIST_MODEL (g_steal_pointer (&store));
    }
  if (rc < 0)
    {
      set_git_error (error, rc, _("Could not read the history"));
      return NULL;
    }

  while ((rc = git_revwalk_next (&id, walk)) == 0)
    {
      g_autoptr(git_commit) commit = NULL;
      g_autoptr(git_tree) tree = NULL;
      git_oid here;
      gboolean present, include;
      guint n_parents;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (git_commit_lookup (&commit, repo, &id) < 0 || git_commit_tree (&tree, commit) < 0)
        continue;

      present = tree_entry_id (tree, clean, &here);
      n_parents = git_commit_parentcount (commit);
      include = n_parents == 0 ? present : TRUE;

      for (guint p = 0; p < n_parents && include; p++)
        {
          g_autoptr(git_commit) parent = NULL;
          g_autoptr(git_tree) parent_tree = NULL;
          git_oid there;
          gboolean parent_present;

          if (git_commit_parent (&parent, commit, p) < 0 || git_commit_tree (&parent_tree, parent) < 0)
            continue;
          parent_present = tree_entry_id (parent_tree, clean, &there);
          if (parent_present == present && (!present || git_oid_equal (&here, &there)))
            include = FALSE;
        }

      if (include)
        {
          MiCommitInfo *info = commit_info_new (commit);

          g_list_store_append (store, info);
          g_object_unref (info);
        }
    }
  if (rc != GIT_ITEROVER)
    {
      set_git_error (error, rc, _("Could not read the history"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static void
history_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  GListModel *model = mi_repository_get_history (source_object, td->path, cancellable, &error);

  if (model == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

void
mi_repository_get_history_async (MiRepository        *self,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (MI_IS_REPOSITORY (self));

  task = new_task (self, cancellable, callback, user_data, mi_repository_get_history_async, &data);
  data->path = g_strdup (path);
  g_task_run_in_thread (task, history_thread);
}

/**
 * mi_repository_get_history_finish:
 * Returns: (transfer full): a GListModel of MiCommitInfo
 */
GListModel *
mi_repository_get_history_finish (MiRepository  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mi_repository_get_file_at:
 * @revision: a commit id (or anything git names a commit with), %NULL for HEAD
 *
 * Returns: (transfer full): the bytes of @path at @revision, or %NULL with
 *   %MI_REPOSITORY_ERROR_NOT_FOUND
 */
GBytes *
mi_repository_get_file_at (MiRepository  *self,
                           const char    *revision,
                           const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_object) object = NULL;
  g_autoptr(git_object) tree = NULL;
  g_autofree char *clean = NULL;
  GBytes *bytes;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);

  if ((clean = clean_path (path, error)) == NULL)
    return NULL;
  repo = open_git (self, error);
  if (repo == NULL)
    return NULL;

  if (git_revparse_single (&object, repo, revision ? revision : "HEAD") < 0 ||
      git_object_peel (&tree, object, GIT_OBJECT_TREE) < 0)
    {
      g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOT_FOUND,
                   _("There is no commit “%s” in this repository."), revision ? revision : "HEAD");
      return NULL;
    }

  bytes = read_tree_file (repo, (git_tree *) tree, clean);
  if (bytes == NULL)
    g_set_error (error, MI_REPOSITORY_ERROR, MI_REPOSITORY_ERROR_NOT_FOUND,
                 _("“%s” is not in commit %s."), clean, revision ? revision : "HEAD");
  return bytes;
}

static void
file_at_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  GBytes *bytes = mi_repository_get_file_at (source_object, td->revision, td->path, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
mi_repository_get_file_at_async (MiRepository        *self,
                                 const char          *revision,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (MI_IS_REPOSITORY (self));

  task = new_task (self, cancellable, callback, user_data, mi_repository_get_file_at_async, &data);
  data->revision = g_strdup (revision);
  data->path = g_strdup (path);
  g_task_run_in_thread (task, file_at_thread);
}

GBytes *
mi_repository_get_file_at_finish (MiRepository  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mi_repository_fetch:
 * Fetches the current branch's remote (its upstream's, else "origin").
 */
gboolean
mi_repository_fetch (MiRepository  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (MI_IS_REPOSITORY (self), FALSE);
  return fetch_internal (self, NULL, cancellable, error);
}

/**
 * mi_repository_pull:
 * @result: (out) (optional): what the pull did
 *
 * Fetches, then brings the upstream's commits into the current branch: a
 * fast-forward, or a merge commit when both sides have new commits and they
 * do not conflict. On conflicts the repository is left merging, as git
 * leaves it, and the error (%MI_REPOSITORY_ERROR_CONFLICT) lists the files.
 */
gboolean
mi_repository_pull (MiRepository  *self,
                    MiPullResult  *result,
                    GCancellable  *cancellable,
                    GError       **error)
{
  MiPullResult unused;

  g_return_val_if_fail (MI_IS_REPOSITORY (self), FALSE);
  return pull_internal (self, NULL, result ? result : &unused, cancellable, error);
}

/**
 * mi_repository_push:
 * Sends the current branch to its upstream (to the branch of the same name
 * on "origin" when none is set, which then becomes the upstream).
 */
gboolean
mi_repository_push (MiRepository  *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (MI_IS_REPOSITORY (self), FALSE);
  return push_internal (self, NULL, cancellable, error);
}

/**
 * mi_repository_sync:
 * Fetch, pull, then push when the branch has commits the remote does not.
 *
 * Returns: (transfer full): a one-line summary of what happened, or %NULL
 *   with @error set
 */
char *
mi_repository_sync (MiRepository  *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (MI_IS_REPOSITORY (self), NULL);
  return sync_internal (self, NULL, cancellable, error);
}

typedef enum
{
  SYNC_FETCH,
  SYNC_PULL,
  SYNC_PUSH,
  SYNC_ALL,
} SyncKind;

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *td = task_data;
  GMainContext *context = g_task_get_context (task);
  SyncKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "mi-sync-kind"));
  GError *error = NULL;

  switch (kind)
    {
    case SYNC_FETCH:
      if (fetch_internal (source_object, context, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case SYNC_PULL:
      if (pull_internal (source_object, context, &td->pull_result, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case SYNC_PUSH:
      if (push_internal (source_object, context, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case SYNC_ALL:
    default:
      {
        char *summary = sync_internal (source_object, context, cancellable, &error);

        if (summary == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, summary, g_free);
      }
      break;
    }
}

static void
run_sync_task (MiRepository        *self,
               SyncKind             kind,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  task = new_task (self, cancellable, callback, user_data, source_tag, &data);
  g_object_set_data (G_OBJECT (task), "mi-sync-kind", GINT_TO_POINTER (kind));
  g_task_run_in_thread (task, sync_thread);
}

void
mi_repository_fetch_async (MiRepository        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (MI_IS_REPOSITORY (self));
  run_sync_task (self, SYNC_FETCH, mi_repository_fetch_async, cancellable, callback, user_data);
}

gboolean
mi_repository_fetch_finish (MiRepository  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mi_repository_pull_async (MiRepository        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (MI_IS_REPOSITORY (self));
  run_sync_task (self, SYNC_PULL, mi_repository_pull_async, cancellable, callback, user_data);
}

gboolean
mi_repository_pull_finish (MiRepository  *self,
                           GAsyncResult  *result,
                           MiPullResult  *pull_result,
                           GError       **error)
{
  TaskData *td;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  td = g_task_get_task_data (G_TASK (result));
  if (pull_result != NULL)
    *pull_result = td->pull_result;
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mi_repository_push_async (MiRepository        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (MI_IS_REPOSITORY (self));
  run_sync_task (self, SYNC_PUSH, mi_repository_push_async, cancellable, callback, user_data);
}

gboolean
mi_repository_push_finish (MiRepository  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mi_repository_sync_async (MiRepository        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (MI_IS_REPOSITORY (self));
  run_sync_task (self, SYNC_ALL, mi_repository_sync_async, cancellable, callback, user_data);
}

/**
 * mi_repository_sync_finish:
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
char *
mi_repository_sync_finish (MiRepository  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
