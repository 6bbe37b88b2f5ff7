/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-commit-info"

#include "config.h"

#include "mi-repository-private.h"

/*
 * MiCommitInfo: one commit of a history, or the commit just made. Plain data,
 * copied from a git_commit by _mi_commit_info_new() on the worker thread:
 * valid UTF-8 strings, the author's date in the author's time zone.
 */

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

MiCommitInfo *
_mi_commit_info_new (git_commit *commit)
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
