/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-log-entry"

#include "config.h"

#include "mi-model-private.h"

/* struct _MiLogEntry is in mi-model-private.h */

G_DEFINE_FINAL_TYPE (MiLogEntry, mi_log_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ATTEMPT,
  PROP_DATE,
  PROP_TEXT,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mi_log_entry_finalize (GObject *object)
{
  MiLogEntry *self = (MiLogEntry *)object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (mi_log_entry_parent_class)->finalize (object);
}

static void
mi_log_entry_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MiLogEntry *self = MI_LOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ATTEMPT:
      g_value_set_uint (value, self->attempt);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
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
mi_log_entry_class_init (MiLogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_log_entry_finalize;
  object_class->get_property = mi_log_entry_get_property;

  properties[PROP_ATTEMPT] =
    g_param_spec_uint ("attempt", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
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
mi_log_entry_init (MiLogEntry *self)
{
}

MiLogEntry *
mi_log_entry_new_internal (void)
{
  return g_object_new (MI_TYPE_LOG_ENTRY, NULL);
}

/**
 * mi_log_entry_get_attempt:
 *
 * Returns: the attempt the entry was written under, 0 when none
 */
guint
mi_log_entry_get_attempt (MiLogEntry *self)
{
  g_return_val_if_fail (MI_IS_LOG_ENTRY (self), 0);

  return self->attempt;
}

/**
 * mi_log_entry_get_date:
 *
 * Returns: (nullable): the date as written
 */
const char *
mi_log_entry_get_date (MiLogEntry *self)
{
  g_return_val_if_fail (MI_IS_LOG_ENTRY (self), NULL);

  return self->date;
}

/**
 * mi_log_entry_get_text:
 *
 * Returns: (nullable): the entry's text
 */
const char *
mi_log_entry_get_text (MiLogEntry *self)
{
  g_return_val_if_fail (MI_IS_LOG_ENTRY (self), NULL);

  return self->text;
}

guint
mi_log_entry_get_line (MiLogEntry *self)
{
  g_return_val_if_fail (MI_IS_LOG_ENTRY (self), 0);

  return self->line;
}
