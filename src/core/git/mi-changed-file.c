/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-changed-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mi-repository-private.h"

/*
 * MiChangedFile: one file that differs from the last commit, as
 * mi_repository_list_changes() found it, with a "selected" flag for the
 * commit dialog's checkbox. The worker fills the instance structure (in
 * mi-repository-private.h), with what the commit message suggestion needs to
 * know about the file; afterwards only "selected" changes.
 *
 * MiFileChange, how the file differs, is defined here with its labels.
 */

/* ---------------------------------------------------------------------- */
/* Enums                                                                   */

G_DEFINE_ENUM_TYPE (MiFileChange, mi_file_change,
  G_DEFINE_ENUM_VALUE (MI_FILE_CHANGE_ADDED, "added"),
  G_DEFINE_ENUM_VALUE (MI_FILE_CHANGE_MODIFIED, "modified"),
  G_DEFINE_ENUM_VALUE (MI_FILE_CHANGE_DELETED, "deleted"),
  G_DEFINE_ENUM_VALUE (MI_FILE_CHANGE_RENAMED, "renamed"),
  G_DEFINE_ENUM_VALUE (MI_FILE_CHANGE_TYPE_CHANGED, "type-changed"))

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

/* struct _MiChangedFile is in mi-repository-private.h */

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
