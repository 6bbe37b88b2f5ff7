/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-attempt"

#include "config.h"

#include "mi-model-private.h"

/* struct _MiAttempt is in mi-model-private.h */

G_DEFINE_FINAL_TYPE (MiAttempt, mi_attempt, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_SLUG,
  PROP_TITLE,
  PROP_DATES,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_HYPOTHESIS,
  PROP_EXPECTED_OUTCOME,
  PROP_OUTCOME,
  PROP_RESULT,
  PROP_LEARNING,
  PROP_FOLDER,
  PROP_APPROACH_FILE,
  PROP_RESULTS_FILE,
  PROP_APPROACH_DOCUMENT,
  PROP_RESULTS_DOCUMENT,
  PROP_TIMELINE_LINE,
  PROP_LOG_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The parser sets self->folder directly, so the cached files are checked
 * against the folder they were made from. cache_folder holds a reference,
 * so a pointer comparison is enough.
 */
static void
update_file_cache (MiAttempt *self)
{
  if (self->cache_folder == self->folder)
    return;

  g_clear_object (&self->approach_file);
  g_clear_object (&self->results_file);
  g_set_object (&self->cache_folder, self->folder);
}

static void
mi_attempt_finalize (GObject *object)
{
  MiAttempt *self = (MiAttempt *)object;

  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->dates, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->hypothesis, g_free);
  g_clear_pointer (&self->expected_outcome, g_free);
  g_clear_pointer (&self->result, g_free);
  g_clear_pointer (&self->learning, g_free);
  g_clear_object (&self->folder);
  g_clear_object (&self->approach);
  g_clear_object (&self->results_doc);
  g_clear_object (&self->cache_folder);
  g_clear_object (&self->approach_file);
  g_clear_object (&self->results_file);

  G_OBJECT_CLASS (mi_attempt_parent_class)->finalize (object);
}

static void
mi_attempt_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MiAttempt *self = MI_ATTEMPT (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DATES:
      g_value_set_string (value, self->dates);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_HYPOTHESIS:
      g_value_set_string (value, self->hypothesis);
      break;

    case PROP_EXPECTED_OUTCOME:
      g_value_set_string (value, self->expected_outcome);
      break;

    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;

    case PROP_RESULT:
      g_value_set_string (value, self->result);
      break;

    case PROP_LEARNING:
      g_value_set_string (value, self->learning);
      break;

    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_APPROACH_FILE:
      g_value_set_object (value, mi_attempt_get_approach_file (self));
      break;

    case PROP_RESULTS_FILE:
      g_value_set_object (value, mi_attempt_get_results_file (self));
      break;

    case PROP_APPROACH_DOCUMENT:
      g_value_set_object (value, self->approach);
      break;

    case PROP_RESULTS_DOCUMENT:
      g_value_set_object (value, self->results_doc);
      break;

    case PROP_TIMELINE_LINE:
      g_value_set_uint (value, self->timeline_line);
      break;

    case PROP_LOG_LINE:
      g_value_set_uint (value, self->log_line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_attempt_class_init (MiAttemptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_attempt_finalize;
  object_class->get_property = mi_attempt_get_property;

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATES] =
    g_param_spec_string ("dates", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_HYPOTHESIS] =
    g_param_spec_string ("hypothesis", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXPECTED_OUTCOME] =
    g_param_spec_string ("expected-outcome", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL,
                       MI_TYPE_OUTCOME,
                       MI_OUTCOME_PENDING,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESULT] =
    g_param_spec_string ("result", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEARNING] =
    g_param_spec_string ("learning", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_APPROACH_FILE] =
    g_param_spec_object ("approach-file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESULTS_FILE] =
    g_param_spec_object ("results-file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_APPROACH_DOCUMENT] =
    g_param_spec_object ("approach-document", NULL, NULL,
                         MI_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESULTS_DOCUMENT] =
    g_param_spec_object ("results-document", NULL, NULL,
                         MI_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TIMELINE_LINE] =
    g_param_spec_uint ("timeline-line", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOG_LINE] =
    g_param_spec_uint ("log-line", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mi_attempt_init (MiAttempt *self)
{
  self->outcome = MI_OUTCOME_PENDING;
}

MiAttempt *
mi_attempt_new_internal (guint number)
{
  MiAttempt *self = g_object_new (MI_TYPE_ATTEMPT, NULL);

  self->number = number;
  self->outcome = MI_OUTCOME_PENDING;

  return self;
}

guint
mi_attempt_get_number (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), 0);

  return self->number;
}

/**
 * mi_attempt_get_slug:
 *
 * Returns: (nullable): the folder name without "NNN-", %NULL when there is
 *   no folder
 */
const char *
mi_attempt_get_slug (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->slug;
}

const char *
mi_attempt_get_title (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->title;
}

/**
 * mi_attempt_get_dates:
 *
 * Returns: (nullable): the dates as written: "2024-09-01 to 2024-09-07"
 */
const char *
mi_attempt_get_dates (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->dates;
}

const char *
mi_attempt_get_start_date (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->start_date;
}

const char *
mi_attempt_get_end_date (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->end_date;
}

const char *
mi_attempt_get_hypothesis (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->hypothesis;
}

const char *
mi_attempt_get_expected_outcome (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->expected_outcome;
}

MiOutcome
mi_attempt_get_outcome (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), MI_OUTCOME_PENDING);

  return self->outcome;
}

/**
 * mi_attempt_get_result:
 *
 * Returns: (nullable): the result as written in the log or the timeline
 */
const char *
mi_attempt_get_result (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->result;
}

const char *
mi_attempt_get_learning (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->learning;
}

/**
 * mi_attempt_get_folder:
 *
 * Returns: (transfer none) (nullable): `attempts/NNN-slug/`, %NULL when
 *   there is no folder
 */
GFile *
mi_attempt_get_folder (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->folder;
}

/**
 * mi_attempt_get_approach_file:
 *
 * Returns: (transfer none) (nullable): the folder's `solution-approach.md`
 *   (whether it exists or not), %NULL when there is no folder
 */
GFile *
mi_attempt_get_approach_file (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  update_file_cache (self);

  if (self->approach_file == NULL && self->folder != NULL)
    self->approach_file = g_file_get_child (self->folder, "solution-approach.md");

  return self->approach_file;
}

/**
 * mi_attempt_get_results_file:
 *
 * Returns: (transfer none) (nullable): the folder's `attempt-results.md`
 *   (whether it exists or not), %NULL when there is no folder
 */
GFile *
mi_attempt_get_results_file (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  update_file_cache (self);

  if (self->results_file == NULL && self->folder != NULL)
    self->results_file = g_file_get_child (self->folder, "attempt-results.md");

  return self->results_file;
}

/**
 * mi_attempt_get_approach_document:
 *
 * Returns: (transfer none) (nullable): `solution-approach.md`, %NULL when
 *   the file is missing
 */
MiDocument *
mi_attempt_get_approach_document (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->approach;
}

/**
 * mi_attempt_get_results_document:
 *
 * Returns: (transfer none) (nullable): `attempt-results.md`, %NULL when the
 *   file is missing
 */
MiDocument *
mi_attempt_get_results_document (MiAttempt *self)
{
  g_return_val_if_fail (MI_IS_ATTEMPT (self), NULL);

  return self->results_doc;
}
