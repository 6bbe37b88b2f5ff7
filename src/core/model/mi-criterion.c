/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-criterion"

#include "config.h"

#include "mi-model-private.h"

/* struct _MiCriterion is in mi-model-private.h */

G_DEFINE_FINAL_TYPE (MiCriterion, mi_criterion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_METRIC,
  PROP_TARGET,
  PROP_TEXT,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mi_criterion_finalize (GObject *object)
{
  MiCriterion *self = (MiCriterion *)object;

  g_clear_pointer (&self->metric, g_free);
  g_clear_object (&self->target);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (mi_criterion_parent_class)->finalize (object);
}

static void
mi_criterion_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MiCriterion *self = MI_CRITERION (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      g_value_set_string (value, self->metric);
      break;

    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_criterion_class_init (MiCriterionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_criterion_finalize;
  object_class->get_property = mi_criterion_get_property;

  properties[PROP_METRIC] =
    g_param_spec_string ("metric", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         MI_TYPE_MEASUREMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mi_criterion_init (MiCriterion *self)
{
}

MiCriterion *
mi_criterion_new_internal (void)
{
  return g_object_new (MI_TYPE_CRITERION, NULL);
}

/**
 * mi_criterion_get_metric:
 *
 * Returns: (nullable): what is measured: "Response time"
 */
const char *
mi_criterion_get_metric (MiCriterion *self)
{
  g_return_val_if_fail (MI_IS_CRITERION (self), NULL);

  return self->metric;
}

/**
 * mi_criterion_get_target:
 *
 * Returns: (transfer none) (nullable): the target, %NULL when it could not
 *   be read
 */
MiMeasurement *
mi_criterion_get_target (MiCriterion *self)
{
  g_return_val_if_fail (MI_IS_CRITERION (self), NULL);

  return self->target;
}

/**
 * mi_criterion_get_text:
 *
 * Returns: (nullable): the list item as written
 */
const char *
mi_criterion_get_text (MiCriterion *self)
{
  g_return_val_if_fail (MI_IS_CRITERION (self), NULL);

  return self->text;
}

guint
mi_criterion_get_line (MiCriterion *self)
{
  g_return_val_if_fail (MI_IS_CRITERION (self), 0);

  return self->line;
}
