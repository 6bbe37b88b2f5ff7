/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-ui-util"

#include "config.h"

#include <string.h>

#include "mi-ui-util.h"

/* Small helpers the widgets share: how an outcome, a verdict or a status
 * looks. The colours are libadwaita's named colours (style.css), so they
 * follow light, dark and high contrast. */

const char *
mi_ui_outcome_icon_name (MiOutcome outcome)
{
  switch (outcome)
    {
    case MI_OUTCOME_SUCCESS:     return "emblem-ok-symbolic";
    case MI_OUTCOME_PARTIAL:     return "dialog-warning-symbolic";
    case MI_OUTCOME_FAILED:      return "process-stop-symbolic";
    case MI_OUTCOME_IN_PROGRESS: return "content-loading-symbolic";
    case MI_OUTCOME_PENDING:
    default:                     return NULL;
    }
}

const char *
mi_ui_outcome_css_class (MiOutcome outcome)
{
  switch (outcome)
    {
    case MI_OUTCOME_SUCCESS:     return "success";
    case MI_OUTCOME_PARTIAL:     return "warning";
    case MI_OUTCOME_FAILED:      return "error";
    case MI_OUTCOME_IN_PROGRESS: return "accent";
    case MI_OUTCOME_PENDING:
    default:                     return NULL;
    }
}

const char *
mi_ui_verdict_css_class (MiVerdict verdict)
{
  switch (verdict)
    {
    case MI_VERDICT_PASS:    return "verdict-pass";
    case MI_VERDICT_FAIL:    return "verdict-fail";
    case MI_VERDICT_UNKNOWN:
    default:                 return "verdict-unknown";
    }
}

/* Replaces the CSS class of @widget that starts with @prefix by @state
 * (the whole class name, or NULL for none). */
void
mi_ui_set_state_class (GtkWidget  *widget,
                       const char *prefix,
                       const char *state)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_str_has_prefix (classes[i], prefix) && g_strcmp0 (classes[i], state) != 0)
      gtk_widget_remove_css_class (widget, classes[i]);

  if (state != NULL)
    gtk_widget_add_css_class (widget, state);
}

void
mi_ui_set_status_pill (GtkLabel *label,
                       MiStatus  status)
{
  static const MiStatus all[] = {
    MI_STATUS_UNKNOWN, MI_STATUS_OPEN, MI_STATUS_IN_PROGRESS,
    MI_STATUS_RESOLVED, MI_STATUS_ABANDONED, MI_STATUS_SUPERSEDED,
  };

  gtk_label_set_label (label, mi_status_get_label (status));

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i] != status)
      gtk_widget_remove_css_class (GTK_WIDGET (label), mi_status_to_id (all[i]));
  gtk_widget_add_css_class (GTK_WIDGET (label), mi_status_to_id (status));
}

void
mi_ui_set_outcome_pill (GtkLabel  *label,
                        MiOutcome  outcome)
{
  g_autofree char *css = g_strconcat ("outcome-", mi_outcome_to_id (outcome), NULL);

  gtk_label_set_label (label, mi_outcome_get_label (outcome));
  mi_ui_set_state_class (GTK_WIDGET (label), "outcome-", css);
}

gboolean
mi_ui_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

/* "~/src/project" for a folder in the home folder, else the full path. */
char *
mi_ui_dup_display_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (path == NULL)
    return g_file_get_parse_name (file);

  if (home_len > 1 &&
      g_str_has_prefix (path, home) &&
      (path[home_len] == G_DIR_SEPARATOR || path[home_len] == '\0'))
    return g_strconcat ("~", path + home_len, NULL);

  return g_steal_pointer (&path);
}

/**
 * mi_ui_weak_ref_new:
 *
 * A weak reference to @object, to give an async call as its user data:
 * a widget closed meanwhile is not kept alive by the call (it would be
 * finalized in the callback, after the window it belonged to).
 *
 * Returns: (transfer full): for mi_ui_weak_ref_steal()
 */
gpointer
mi_ui_weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

/**
 * mi_ui_weak_ref_steal:
 * @weak: (transfer full): from mi_ui_weak_ref_new()
 *
 * Returns: (transfer full) (nullable): the object, or NULL when it is gone
 */
gpointer
mi_ui_weak_ref_steal (gpointer weak)
{
  GWeakRef *ref = weak;
  gpointer object = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return object;
}
