/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-hypothesis"

#include "config.h"

#include "mi-model-private.h"

/* struct _MiHypothesis is in mi-model-private.h */

G_DEFINE_FINAL_TYPE (MiHypothesis, mi_hypothesis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VERSION,
  PROP_DATE,
  PROP_TITLE,
  PROP_THEORY,
  PROP_EVIDENCE,
  PROP_TEST,
  PROP_RESULT,
  PROP_LEARNING,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mi_hypothesis_finalize (GObject *object)
{
  MiHypothesis *self = (MiHypothesis *)object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->theory, g_free);
  g_clear_pointer (&self->evidence, g_free);
  g_clear_pointer (&self->test, g_free);
  g_clear_pointer (&self->result, g_free);
  g_clear_pointer (&self->learning, g_free);

  G_OBJECT_CLASS (mi_hypothesis_parent_class)->finalize (object);
}

static void
mi_hypothesis_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MiHypothesis *self = MI_HYPOTHESIS (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_THEORY:
      g_value_set_string (value, self->theory);
      break;

    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;

    case PROP_TEST:
      g_value_set_string (value, self->test);
      break;

    case PROP_RESULT:
      g_value_set_string (value, self->result);
      break;

    case PROP_LEARNING:
      g_value_set_string (value, self->learning);
      break;

    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_hypothesis_class_init (MiHypothesisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_hypothesis_finalize;
  object_class->get_property = mi_hypothesis_get_property;

  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_THEORY] =
    g_param_spec_string ("theory", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEST] =
    g_param_spec_string ("test", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESULT] =
    g_param_spec_string ("result", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEARNING] =
    g_param_spec_string ("learning", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mi_hypothesis_init (MiHypothesis *self)
{
}

MiHypothesis *
mi_hypothesis_new_internal (void)
{
  return g_object_new (MI_TYPE_HYPOTHESIS, NULL);
}

/**
 * mi_hypothesis_get_version:
 *
 * Returns: N of the `### Version N (date) - Title` heading
 */
guint
mi_hypothesis_get_version (MiHypothesis *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS (self), 0);

  return self->version;
}

const char *
mi_hypothesis_get_date (MiHypothesis *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS (self), NULL);

  return self->date;
}

const char *
mi_hypothesis_get_title (MiHypothesis *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS (self), NULL);

  return self->title;
}

const char *
mi_hypothesis_get_theory (MiHypothesis *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS (self), NULL);

  return self->theory;
}

const char *
mi_hypothesis_get_evidence (MiHypothesis *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS (self), NULL);

  return self->evidence;
}

const char *
mi_hypothesis_get_test (MiHypothesis *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS (self), NULL);

  return self->test;
}

const char *
mi_hypothesis_get_result (MiHypothesis *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS (self), NULL);

  return self->result;
}

const char *
mi_hypothesis_get_learning (MiHypothesis *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS (self), NULL);

  return self->learning;
}

guint
mi_hypothesis_get_line (MiHypothesis *self)
{
  g_return_val_if_fail (MI_IS_HYPOTHESIS (self), 0);

  return self->line;
}
