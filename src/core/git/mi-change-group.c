/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-change-group"

#include "config.h"

#include "mi-repository-private.h"

/*
 * MiChangeGroup: the changed files of one meta-issue (no slug: the other
 * files under docs/), for the commit dialog. mi_repository_list_changes()
 * makes the groups and fills their instance structure (in
 * mi-repository-private.h).
 */

/* struct _MiChangeGroup is in mi-repository-private.h */

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
