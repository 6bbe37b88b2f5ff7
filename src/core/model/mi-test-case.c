/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-test-case"

#include "config.h"

#include "mi-model-private.h"

/* struct _MiTestCase is in mi-model-private.h */

G_DEFINE_FINAL_TYPE (MiTestCase, mi_test_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PROCEDURE,
  PROP_TARGET,
  PROP_TARGET_METRIC,
  PROP_RESULTS,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mi_test_case_finalize (GObject *object)
{
  MiTestCase *self = (MiTestCase *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->procedure, g_free);
  g_clear_object (&self->target);
  g_clear_pointer (&self->target_metric, g_free);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (mi_test_case_parent_class)->finalize (object);
}

static void
mi_test_case_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MiTestCase *self = MI_TEST_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PROCEDURE:
      g_value_set_string (value, self->procedure);
      break;

    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;

    case PROP_TARGET_METRIC:
      g_value_set_string (value, self->target_metric);
      break;

    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;

    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_test_case_class_init (MiTestCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_test_case_finalize;
  object_class->get_property = mi_test_case_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROCEDURE] =
    g_param_spec_string ("procedure", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         MI_TYPE_MEASUREMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_METRIC] =
    g_param_spec_string ("target-metric", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mi_test_case_init (MiTestCase *self)
{
}

MiTestCase *
mi_test_case_new_internal (void)
{
  MiTestCase *self = g_object_new (MI_TYPE_TEST_CASE, NULL);

  self->results = g_list_store_new (MI_TYPE_RESULT);

  return self;
}

/* A copy of its own for an edit's worker: a GListStore is not to be read
 * from two threads (it caches the last item looked up), so the results
 * get a store of their own; the results themselves are shared, as nothing
 * changes them once parsed. */
MiTestCase *
mi_test_case_dup_internal (MiTestCase *self)
{
  MiTestCase *copy = mi_test_case_new_internal ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  copy->id = g_strdup (self->id);
  copy->title = g_strdup (self->title);
  copy->procedure = g_strdup (self->procedure);
  copy->target = self->target != NULL ? g_object_ref (self->target) : NULL;
  copy->target_metric = g_strdup (self->target_metric);
  copy->line = self->line;
  copy->place = self->place;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiResult) result = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      g_list_store_append (copy->results, result);
    }
  return copy;
}

/**
 * mi_test_case_get_id:
 *
 * Returns: (nullable): "TC-001"
 */
const char *
mi_test_case_get_id (MiTestCase *self)
{
  g_return_val_if_fail (MI_IS_TEST_CASE (self), NULL);

  return self->id;
}

const char *
mi_test_case_get_title (MiTestCase *self)
{
  g_return_val_if_fail (MI_IS_TEST_CASE (self), NULL);

  return self->title;
}

const char *
mi_test_case_get_procedure (MiTestCase *self)
{
  g_return_val_if_fail (MI_IS_TEST_CASE (self), NULL);

  return self->procedure;
}

/**
 * mi_test_case_get_target:
 *
 * Returns: (transfer none) (nullable): the `**Target:**`, else the target of
 *   the matching success criterion
 */
MiMeasurement *
mi_test_case_get_target (MiTestCase *self)
{
  g_return_val_if_fail (MI_IS_TEST_CASE (self), NULL);

  return self->target;
}

/**
 * mi_test_case_get_target_metric:
 *
 * Returns: (nullable): the criterion's metric when the target was taken
 *   from one
 */
const char *
mi_test_case_get_target_metric (MiTestCase *self)
{
  g_return_val_if_fail (MI_IS_TEST_CASE (self), NULL);

  return self->target_metric;
}

/**
 * mi_test_case_get_results:
 *
 * Returns: (transfer none): a list of #MiResult, in the order written
 */
GListModel *
mi_test_case_get_results (MiTestCase *self)
{
  g_return_val_if_fail (MI_IS_TEST_CASE (self), NULL);

  return G_LIST_MODEL (self->results);
}

/**
 * mi_test_case_find_result:
 * @attempt: an attempt number
 *
 * Returns: (transfer none) (nullable): the first result written for
 *   @attempt, or %NULL
 */
MiResult *
mi_test_case_find_result (MiTestCase *self,
                          guint       attempt)
{
  guint n_items;
  guint i;

  g_return_val_if_fail (MI_IS_TEST_CASE (self), NULL);

  if (self->results == NULL)
    return NULL;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  for (i = 0; i < n_items; i++)
    {
      g_autoptr(MiResult) result = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      /* the store keeps its own reference */
      if (result->attempt == attempt)
        return result;
    }

  return NULL;
}

guint
mi_test_case_get_line (MiTestCase *self)
{
  g_return_val_if_fail (MI_IS_TEST_CASE (self), 0);

  return self->line;
}
