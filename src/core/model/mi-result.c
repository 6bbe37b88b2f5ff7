/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-result"

#include "config.h"

#include "mi-model-private.h"

/* struct _MiResult is in mi-model-private.h */

G_DEFINE_FINAL_TYPE (MiResult, mi_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ATTEMPT,
  PROP_TEXT,
  PROP_MEASUREMENT,
  PROP_VERDICT,
  PROP_WRITTEN,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mi_result_finalize (GObject *object)
{
  MiResult *self = (MiResult *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->measurement);

  G_OBJECT_CLASS (mi_result_parent_class)->finalize (object);
}

static void
mi_result_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MiResult *self = MI_RESULT (object);

  switch (prop_id)
    {
    case PROP_ATTEMPT:
      g_value_set_uint (value, self->attempt);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_MEASUREMENT:
      g_value_set_object (value, self->measurement);
      break;

    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;

    case PROP_WRITTEN:
      g_value_set_boolean (value, self->written);
      break;

    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_result_class_init (MiResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_result_finalize;
  object_class->get_property = mi_result_get_property;

  properties[PROP_ATTEMPT] =
    g_param_spec_uint ("attempt", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MEASUREMENT] =
    g_param_spec_object ("measurement", NULL, NULL,
                         MI_TYPE_MEASUREMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL,
                       MI_TYPE_VERDICT,
                       MI_VERDICT_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_WRITTEN] =
    g_param_spec_boolean ("written", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mi_result_init (MiResult *self)
{
  self->verdict = MI_VERDICT_UNKNOWN;
}

MiResult *
mi_result_new_internal (void)
{
  return g_object_new (MI_TYPE_RESULT, NULL);
}

guint
mi_result_get_attempt (MiResult *self)
{
  g_return_val_if_fail (MI_IS_RESULT (self), 0);

  return self->attempt;
}

/**
 * mi_result_get_text:
 *
 * Returns: (nullable): the value as written: "5,100ms"
 */
const char *
mi_result_get_text (MiResult *self)
{
  g_return_val_if_fail (MI_IS_RESULT (self), NULL);

  return self->text;
}

/**
 * mi_result_get_measurement:
 *
 * Returns: (transfer none) (nullable): the value, %NULL when it could not be
 *   read
 */
MiMeasurement *
mi_result_get_measurement (MiResult *self)
{
  g_return_val_if_fail (MI_IS_RESULT (self), NULL);

  return self->measurement;
}

/**
 * mi_result_get_verdict:
 *
 * Returns: the verdict as written, else as judged against the target
 */
MiVerdict
mi_result_get_verdict (MiResult *self)
{
  g_return_val_if_fail (MI_IS_RESULT (self), MI_VERDICT_UNKNOWN);

  return self->verdict;
}

/**
 * mi_result_get_written:
 *
 * Returns: %TRUE when PASS or FAIL was written in the file
 */
gboolean
mi_result_get_written (MiResult *self)
{
  g_return_val_if_fail (MI_IS_RESULT (self), FALSE);

  return self->written;
}

guint
mi_result_get_line (MiResult *self)
{
  g_return_val_if_fail (MI_IS_RESULT (self), 0);

  return self->line;
}
