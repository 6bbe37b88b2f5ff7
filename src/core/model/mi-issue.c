/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-issue"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-issue-private.h"

/*
 * MiIssue: one folder docs/meta-issues/<slug>/, parsed from its files
 * (mi-issue-parse.c). A new parse is taken in place (mi_issue_take_parse()):
 * the object stays, what changed notifies, and ::changed says it once.
 * It never writes: the edits are in mi-issue-edit.c.
 */

G_DEFINE_FINAL_TYPE (MiIssue, mi_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_SLUG,
  PROP_TITLE,
  PROP_STATUS,
  PROP_STATUS_ATTEMPT,
  PROP_CREATED,
  PROP_DURATION,
  PROP_N_ATTEMPTS,
  PROP_STATUS_TEXT,
  PROP_SUMMARY,
  PROP_PROBLEM_STATEMENT,
  PROP_SYMPTOMS,
  PROP_ROOT_CAUSE,
  PROP_RESOLUTION,
  PROP_CURRENT_UNDERSTANDING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (mi-issue-error-quark, mi_issue_error)

static gboolean
strv_equal (char **a,
            char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean items_equal (GObject *a,
                             GObject *b);

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (type == G_TYPE_UINT)
    return g_value_get_uint (a) == g_value_get_uint (b);
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);
  if (g_type_is_a (type, G_TYPE_OBJECT))
    {
      GObject *x = g_value_get_object (a);
      GObject *y = g_value_get_object (b);

      if (x == NULL || y == NULL)
        return x == y;
      return items_equal (x, y);
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return x == y;
      return g_strv_equal (x, y);
    }
  return FALSE;
}

/*
 * Whether two parsed values are the same: model objects with the same
 * properties (files by path, documents by what was read, lists item by
 * item), test cases with the same places too. A parse that finds a value
 * as it was keeps the old object, so the views keep their rows.
 */
static gboolean
items_equal (GObject *a,
             GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  if (a == b)
    return TRUE;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  if (G_IS_FILE (a))
    return g_file_equal (G_FILE (a), G_FILE (b));
  if (MI_IS_DOCUMENT (a))
    {
      gsize size_a, size_b;
      gint64 mtime_a, mtime_b;
      guint64 inode_a, inode_b;
      gboolean exists_a = mi_document_get_stamp (MI_DOCUMENT (a), &size_a, &mtime_a, &inode_a);
      gboolean exists_b = mi_document_get_stamp (MI_DOCUMENT (b), &size_b, &mtime_b, &inode_b);

      return exists_a && exists_b && size_a == size_b && mtime_a == mtime_b && inode_a == inode_b;
    }
  if (G_IS_LIST_MODEL (a))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

      if (n != g_list_model_get_n_items (G_LIST_MODEL (b)))
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) x = g_list_model_get_item (G_LIST_MODEL (a), i);
          g_autoptr(GObject) y = g_list_model_get_item (G_LIST_MODEL (b), i);

          if (!items_equal (x, y))
            return FALSE;
        }
      return TRUE;
    }
  /* Places edits use that are no properties. */
  if (MI_IS_TEST_CASE (a) &&
      memcmp (&MI_TEST_CASE (a)->place, &MI_TEST_CASE (b)->place, sizeof (MiTestCasePlace)) != 0)
    return FALSE;
  if (MI_IS_ATTEMPT (a) && MI_ATTEMPT (a)->log_last_line != MI_ATTEMPT (b)->log_last_line)
    return FALSE;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&x, pspecs[i]->value_type);
      g_value_init (&y, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &x);
      g_object_get_property (b, pspecs[i]->name, &y);
      if (!values_equal (&x, &y))
        return FALSE;
    }
  return TRUE;
}

/* Makes @dest hold the items of @src: items equal to the ones @dest has at
 * its start and end stay, the rest in between is one splice (none when
 * nothing differs). */
static void
replace_store (GListStore *dest,
               GListStore *src)
{
  guint n_dest = g_list_model_get_n_items (G_LIST_MODEL (dest));
  guint n_src = g_list_model_get_n_items (G_LIST_MODEL (src));
  guint prefix = 0, suffix = 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  while (prefix < n_dest && prefix < n_src)
    {
      g_autoptr(GObject) x = g_list_model_get_item (G_LIST_MODEL (dest), prefix);
      g_autoptr(GObject) y = g_list_model_get_item (G_LIST_MODEL (src), prefix);

      if (!items_equal (x, y))
        break;
      prefix++;
    }
  while (suffix < n_dest - prefix && suffix < n_src - prefix)
    {
      g_autoptr(GObject) x = g_list_model_get_item (G_LIST_MODEL (dest), n_dest - 1 - suffix);
      g_autoptr(GObject) y = g_list_model_get_item (G_LIST_MODEL (src), n_src - 1 - suffix);

      if (!items_equal (x, y))
        break;
      suffix++;
    }

  if (prefix + suffix == n_dest && prefix + suffix == n_src)
    return;

  for (guint i = prefix; i < n_src - suffix; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (src), i));

  g_list_store_splice (dest, prefix, n_dest - prefix - suffix, items->pdata, items->len);
}

/* Copies the items of @src into @dest, a new store. */
static void
copy_store (GListStore *dest,
            GListStore *src)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (src));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (src), i));
  g_list_store_splice (dest, 0, g_list_model_get_n_items (G_LIST_MODEL (dest)), items->pdata, items->len);
}

#define TAKE_STR(field, prop)                                    \
  G_STMT_START {                                                 \
    if (g_strcmp0 (self->field, fresh->field) != 0)              \
      {                                                          \
        g_free (self->field);                                    \
        self->field = g_steal_pointer (&fresh->field);           \
        if (prop)                                                \
          g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
      }                                                          \
  } G_STMT_END

/**
 * mi_issue_take_parse:
 * Moves what @fresh parsed into @self, notifying what changed; the list
 * models keep their identity and change by splice.
 */
void
mi_issue_take_parse (MiIssue *self,
                     MiIssue *fresh)
{
  guint old_attempts = g_list_model_get_n_items (G_LIST_MODEL (self->attempts));

  g_object_freeze_notify (G_OBJECT (self));

  for (guint f = 0; f < MI_ISSUE_N_FILES; f++)
    g_set_object (&self->docs[f], fresh->docs[f]);

  TAKE_STR (title, PROP_TITLE);
  TAKE_STR (created, PROP_CREATED);
  TAKE_STR (duration, PROP_DURATION);
  TAKE_STR (status_text, PROP_STATUS_TEXT);
  TAKE_STR (summary, PROP_SUMMARY);
  TAKE_STR (problem_statement, PROP_PROBLEM_STATEMENT);
  TAKE_STR (root_cause, PROP_ROOT_CAUSE);
  TAKE_STR (resolution, PROP_RESOLUTION);
  TAKE_STR (current_understanding, PROP_CURRENT_UNDERSTANDING);

  if (!strv_equal (self->symptoms, fresh->symptoms))
    {
      g_strfreev (self->symptoms);
      self->symptoms = g_steal_pointer (&fresh->symptoms);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYMPTOMS]);
    }

  if (self->status != fresh->status)
    {
      self->status = fresh->status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (self->status_attempt != fresh->status_attempt)
    {
      self->status_attempt = fresh->status_attempt;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_ATTEMPT]);
    }
  self->total_attempts = fresh->total_attempts;

  self->title_line = fresh->title_line;
  self->status_line = fresh->status_line;
  self->created_line = fresh->created_line;
  self->total_line = fresh->total_line;
  self->timeline_header_line = fresh->timeline_header_line;
  self->timeline_last_line = fresh->timeline_last_line;
  g_clear_pointer (&self->timeline_columns, g_ptr_array_unref);
  self->timeline_columns = g_steal_pointer (&fresh->timeline_columns);
  self->versions_level = fresh->versions_level;
  self->versions_last_line = fresh->versions_last_line;
  self->log_level = fresh->log_level;
  self->log_last_line = fresh->log_last_line;
  self->criteria_line = fresh->criteria_line;
  self->test_cases_level = fresh->test_cases_level;
  self->has_timeline_table = fresh->has_timeline_table;

  replace_store (self->attempts, fresh->attempts);
  replace_store (self->hypotheses, fresh->hypotheses);
  replace_store (self->test_cases, fresh->test_cases);
  replace_store (self->log_entries, fresh->log_entries);
  replace_store (self->criteria, fresh->criteria);

  if (old_attempts != g_list_model_get_n_items (G_LIST_MODEL (self->attempts)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ATTEMPTS]);

  g_object_thaw_notify (G_OBJECT (self));

  self->parse_serial++;
  g_signal_emit (self, signals[CHANGED], 0);
}

#undef TAKE_STR

/* ---------------------------------------------------------------------- */

static void
mi_issue_dispose (GObject *object)
{
  MiIssue *self = (MiIssue *) object;

  for (guint f = 0; f < MI_ISSUE_N_FILES; f++)
    g_clear_object (&self->docs[f]);
  g_clear_object (&self->attempts);
  g_clear_object (&self->hypotheses);
  g_clear_object (&self->test_cases);
  g_clear_object (&self->log_entries);
  g_clear_object (&self->criteria);

  G_OBJECT_CLASS (mi_issue_parent_class)->dispose (object);
}

static void
mi_issue_finalize (GObject *object)
{
  MiIssue *self = (MiIssue *) object;

  g_clear_object (&self->folder);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->status_text, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->duration, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->problem_statement, g_free);
  g_clear_pointer (&self->symptoms, g_strfreev);
  g_clear_pointer (&self->root_cause, g_free);
  g_clear_pointer (&self->resolution, g_free);
  g_clear_pointer (&self->current_understanding, g_free);
  g_clear_pointer (&self->timeline_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (mi_issue_parent_class)->finalize (object);
}

static void
mi_issue_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MiIssue *self = MI_ISSUE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_STATUS_ATTEMPT:
      g_value_set_uint (value, self->status_attempt);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_DURATION:
      g_value_set_string (value, self->duration);
      break;

    case PROP_N_ATTEMPTS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->attempts)));
      break;

    case PROP_STATUS_TEXT:
      g_value_set_string (value, self->status_text);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_PROBLEM_STATEMENT:
      g_value_set_string (value, self->problem_statement);
      break;

    case PROP_SYMPTOMS:
      g_value_set_boxed (value, self->symptoms);
      break;

    case PROP_ROOT_CAUSE:
      g_value_set_string (value, self->root_cause);
      break;

    case PROP_RESOLUTION:
      g_value_set_string (value, self->resolution);
      break;

    case PROP_CURRENT_UNDERSTANDING:
      g_value_set_string (value, self->current_understanding);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_issue_class_init (MiIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mi_issue_dispose;
  object_class->finalize = mi_issue_finalize;
  object_class->get_property = mi_issue_get_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, MI_TYPE_STATUS, MI_STATUS_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS_ATTEMPT] =
    g_param_spec_uint ("status-attempt", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DURATION] =
    g_param_spec_string ("duration", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ATTEMPTS] =
    g_param_spec_uint ("n-attempts", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROBLEM_STATEMENT] =
    g_param_spec_string ("problem-statement", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SYMPTOMS] =
    g_param_spec_boxed ("symptoms", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROOT_CAUSE] =
    g_param_spec_string ("root-cause", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESOLUTION] =
    g_param_spec_string ("resolution", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENT_UNDERSTANDING] =
    g_param_spec_string ("current-understanding", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MiIssue::changed:
   *
   * The files were parsed again (after an edit, or a change on disk);
   * the properties that changed have notified, the list models have
   * changed where they differ. Once per parse.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mi_issue_init (MiIssue *self)
{
  self->total_attempts = -1;
  self->attempts = g_list_store_new (MI_TYPE_ATTEMPT);
  self->hypotheses = g_list_store_new (MI_TYPE_HYPOTHESIS);
  self->test_cases = g_list_store_new (MI_TYPE_TEST_CASE);
  self->log_entries = g_list_store_new (MI_TYPE_LOG_ENTRY);
  self->criteria = g_list_store_new (MI_TYPE_CRITERION);
}

MiIssue *
_mi_issue_new (GFile *folder)
{
  MiIssue *self = g_object_new (MI_TYPE_ISSUE, NULL);

  self->folder = g_object_ref (folder);
  self->slug = g_file_get_basename (folder);
  return self;
}

/**
 * mi_issue_load:
 * Reads the meta-issue in @folder. Missing files and sections are not errors:
 * a folder with only a README is a meta-issue; so is an empty one.
 */
MiIssue *
mi_issue_load (GFile         *folder,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(MiIssue) self = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_NOT_FOUND,
                   _("“%s” is not a folder of a meta-issue."), name);
      return NULL;
    }

  self = _mi_issue_new (folder);
  mi_issue_parse_into (self, cancellable);
  return g_steal_pointer (&self);
}

/**
 * mi_issue_reload:
 * Reads the files again. Objects of the list models are replaced.
 */
gboolean
mi_issue_reload (MiIssue       *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(MiIssue) fresh = NULL;

  g_return_val_if_fail (MI_IS_ISSUE (self), FALSE);

  fresh = mi_issue_load (self->folder, cancellable, error);
  if (fresh == NULL)
    return FALSE;

  mi_issue_take_parse (self, fresh);
  return TRUE;
}

GFile *
mi_issue_get_folder (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->folder;
}

const char *
mi_issue_get_slug (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->slug;
}

const char *
mi_issue_get_title (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->title;
}

MiStatus
mi_issue_get_status (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), MI_STATUS_UNKNOWN);
  return self->status;
}

guint
mi_issue_get_status_attempt (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), 0);
  return self->status_attempt;
}

const char *
mi_issue_get_status_text (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->status_text;
}

const char *
mi_issue_get_created (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->created;
}

/* As written in the README; -1 when not written. */
int
mi_issue_get_total_attempts (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), -1);
  return self->total_attempts;
}

const char *
mi_issue_get_duration (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->duration;
}

const char *
mi_issue_get_summary (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->summary;
}

const char *
mi_issue_get_problem_statement (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->problem_statement;
}

const char * const *
mi_issue_get_symptoms (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return (const char * const *) self->symptoms;
}

const char *
mi_issue_get_root_cause (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->root_cause;
}

const char *
mi_issue_get_resolution (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->resolution;
}

const char *
mi_issue_get_current_understanding (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return self->current_understanding;
}

GListModel *
mi_issue_get_attempts (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return G_LIST_MODEL (self->attempts);
}

GListModel *
mi_issue_get_hypotheses (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return G_LIST_MODEL (self->hypotheses);
}

GListModel *
mi_issue_get_test_cases (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return G_LIST_MODEL (self->test_cases);
}

GListModel *
mi_issue_get_log_entries (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return G_LIST_MODEL (self->log_entries);
}

GListModel *
mi_issue_get_criteria (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  return G_LIST_MODEL (self->criteria);
}

/* The first attempt with @number (transfer none), or NULL. */
MiAttempt *
mi_issue_find_attempt (MiIssue *self,
                       guint    number)
{
  guint n;

  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->attempts));
  for (guint i = 0; i < n; i++)
    {
      MiAttempt *attempt = g_list_model_get_item (G_LIST_MODEL (self->attempts), i);

      g_object_unref (attempt);
      if (attempt->number == number)
        return attempt;
    }
  return NULL;
}

/* The test case whose id is @id, ignoring case (transfer none), or NULL. */
MiTestCase *
mi_issue_find_test_case (MiIssue    *self,
                         const char *id)
{
  guint n;

  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->test_cases));
  for (guint i = 0; i < n; i++)
    {
      MiTestCase *tc = g_list_model_get_item (G_LIST_MODEL (self->test_cases), i);

      g_object_unref (tc);
      if (g_ascii_strcasecmp (tc->id, id) == 0)
        return tc;
    }
  return NULL;
}

/* The attempt with the highest number (transfer none), or NULL. */
MiAttempt *
mi_issue_get_last_attempt (MiIssue *self)
{
  guint n;
  MiAttempt *attempt;

  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->attempts));
  if (n == 0)
    return NULL;
  attempt = g_list_model_get_item (G_LIST_MODEL (self->attempts), n - 1);
  g_object_unref (attempt);
  return attempt;
}

/* The document of one of the four files; it exists even when the file
 * does not (mi_document_get_exists() tells). */
MiDocument *
mi_issue_get_document (MiIssue     *self,
                       MiIssueFile  file)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  g_return_val_if_fail (file < MI_ISSUE_N_FILES, NULL);

  return self->docs[file];
}

/* When any file of the meta-issue last changed (µs since the epoch), as of
 * the last read: for sorting by last change. */
gint64
mi_issue_get_mtime (MiIssue *self)
{
  gint64 mtime = 0;
  guint n;

  g_return_val_if_fail (MI_IS_ISSUE (self), 0);

  for (guint f = 0; f < MI_ISSUE_N_FILES; f++)
    mtime = MAX (mtime, mi_document_get_mtime (self->docs[f]));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->attempts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (G_LIST_MODEL (self->attempts), i);

      if (attempt->approach != NULL)
        mtime = MAX (mtime, mi_document_get_mtime (attempt->approach));
      if (attempt->results_doc != NULL)
        mtime = MAX (mtime, mi_document_get_mtime (attempt->results_doc));
    }

  return mtime;
}

GFile *
mi_issue_get_file (MiIssue     *self,
                   MiIssueFile  file)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);
  g_return_val_if_fail (file < MI_ISSUE_N_FILES, NULL);

  return mi_document_get_file (self->docs[file]);
}

/* ---------------------------------------------------------------------- */
/* Copies for edits, and stamps                                            */

/**
 * mi_issue_dup_for_edit:
 *
 * A copy that a structured edit works on, on another thread: the places
 * of the values, the list models (sharing their items, which a parse
 * never changes afterwards) and documents of its own. Reads nothing.
 */
MiIssue *
mi_issue_dup_for_edit (MiIssue *self)
{
  g_autoptr(GFile) folder = NULL;
  MiIssue *copy;

  g_return_val_if_fail (MI_IS_ISSUE (self), NULL);

  folder = g_file_dup (self->folder);
  copy = _mi_issue_new (folder);

  for (guint f = 0; f < MI_ISSUE_N_FILES; f++)
    copy->docs[f] = self->docs[f] != NULL ? mi_document_dup (self->docs[f]) : NULL;

  copy->title = g_strdup (self->title);
  copy->status = self->status;
  copy->status_attempt = self->status_attempt;
  copy->status_text = g_strdup (self->status_text);
  copy->created = g_strdup (self->created);
  copy->total_attempts = self->total_attempts;
  copy->duration = g_strdup (self->duration);
  copy->summary = g_strdup (self->summary);
  copy->problem_statement = g_strdup (self->problem_statement);
  copy->symptoms = g_strdupv (self->symptoms);
  copy->root_cause = g_strdup (self->root_cause);
  copy->resolution = g_strdup (self->resolution);
  copy->current_understanding = g_strdup (self->current_understanding);

  copy->title_line = self->title_line;
  copy->status_line = self->status_line;
  copy->created_line = self->created_line;
  copy->total_line = self->total_line;
  copy->timeline_header_line = self->timeline_header_line;
  copy->timeline_last_line = self->timeline_last_line;
  if (self->timeline_columns != NULL)
    {
      copy->timeline_columns = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < self->timeline_columns->len; i++)
        g_ptr_array_add (copy->timeline_columns, g_strdup (g_ptr_array_index (self->timeline_columns, i)));
    }
  copy->versions_level = self->versions_level;
  copy->versions_last_line = self->versions_last_line;
  copy->log_level = self->log_level;
  copy->log_last_line = self->log_last_line;
  copy->criteria_line = self->criteria_line;
  copy->test_cases_level = self->test_cases_level;
  copy->has_timeline_table = self->has_timeline_table;

  copy_store (copy->attempts, self->attempts);
  copy_store (copy->hypotheses, self->hypotheses);
  /* Test cases hold a store of their own: copied, not shared. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->test_cases)); i++)
    {
      g_autoptr(MiTestCase) test_case = g_list_model_get_item (G_LIST_MODEL (self->test_cases), i);
      g_autoptr(MiTestCase) test_case_copy = mi_test_case_dup_internal (test_case);

      g_list_store_append (copy->test_cases, test_case_copy);
    }
  copy_store (copy->log_entries, self->log_entries);
  copy_store (copy->criteria, self->criteria);

  return copy;
}

/**
 * mi_issue_get_editing:
 *
 * Whether a structured edit of @self is running or waiting to run.
 */
gboolean
mi_issue_get_editing (MiIssue *self)
{
  g_return_val_if_fail (MI_IS_ISSUE (self), FALSE);

  return self->editing || !g_queue_is_empty (&self->edits);
}
