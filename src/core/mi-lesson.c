/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-lesson"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-attempt.h"
#include "mi-edit-private.h"
#include "mi-issue.h"
#include "mi-lesson.h"
#include "mi-templates.h"

/*
 * A lesson is the part of a resolved meta-issue worth reading without the
 * saga: the problem, its root cause, the resolution and what each attempt
 * taught. It is written once, from the "lesson" template, into
 * docs/lessons-learned/<category>/<Name>.md, and never overwritten.
 */

static const char *
or_placeholder (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return _("_Not written in the meta-issue._");
  return text;
}

static char *
dup_learnings (MiIssue *issue)
{
  GListModel *attempts = mi_issue_get_attempts (issue);
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (attempts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiAttempt) attempt = g_list_model_get_item (attempts, i);
      const char *learning = mi_attempt_get_learning (attempt);
      const char *title = mi_attempt_get_title (attempt);

      if (learning == NULL || learning[0] == '\0')
        continue;

      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (title != NULL && title[0] != '\0')
        g_string_append_printf (out, "- **Attempt %03u (%s):** %s",
                                mi_attempt_get_number (attempt), title, learning);
      else
        g_string_append_printf (out, "- **Attempt %03u:** %s",
                                mi_attempt_get_number (attempt), learning);
    }

  if (out->len == 0)
    g_string_append (out, _("_No learning was recorded in the attempts._"));

  return g_string_free (out, FALSE);
}

/**
 * mi_lesson_validate_name:
 * @name: a file name without `.md`, or a category
 *
 * A name is one path component: not empty, no slash, not starting with a dot,
 * on one line.
 */
gboolean
mi_lesson_validate_name (const char  *name,
                         GError     **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE,
                   _("The name is empty: give the lesson a name and a category."));
      return FALSE;
    }

  if (name[0] == '.' || strpbrk (name, "/\\\n\r\t") != NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE,
                   _("“%s” cannot be a file name: use letters, digits and dashes, without slashes or a leading dot."),
                   name);
      return FALSE;
    }

  return TRUE;
}

/**
 * mi_lesson_suggest_name:
 *
 * Returns: the title in CamelCase ("Performance Optimization Saga" gives
 *   "PerformanceOptimizationSaga"), else the slug.
 */
char *
mi_lesson_suggest_name (MiIssue *issue)
{
  const char *title;
  GString *out;
  gboolean upper = TRUE;

  g_return_val_if_fail (MI_IS_ISSUE (issue), NULL);

  title = mi_issue_get_title (issue);
  if (title == NULL || title[0] == '\0')
    title = mi_issue_get_slug (issue);

  out = g_string_new (NULL);
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          upper = TRUE;
          continue;
        }
      g_string_append_unichar (out, upper ? g_unichar_toupper (c) : c);
      upper = FALSE;
    }

  if (out->len == 0)
    g_string_append (out, mi_issue_get_slug (issue));

  return g_string_free (out, FALSE);
}

/**
 * mi_lesson_get_file:
 *
 * Returns: (transfer full): docs/lessons-learned/@category/@name.md under @root
 */
GFile *
mi_lesson_get_file (GFile      *root,
                    const char *category,
                    const char *name)
{
  g_autofree char *file_name = g_strconcat (name, ".md", NULL);
  g_autofree char *relative = g_build_filename ("docs", "lessons-learned", category, file_name, NULL);

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  return g_file_resolve_relative_path (root, relative);
}

/**
 * mi_lesson_render:
 * @root: (nullable): the workspace root, whose own template wins
 *
 * Returns: the text of the lesson, from the "lesson" template.
 */
char *
mi_lesson_render (GFile       *root,
                  MiIssue     *issue,
                  const char  *category,
                  const char  *date,
                  GError     **error)
{
  g_autofree char *day = NULL;
  g_autofree char *learnings = NULL;
  const char *title;

  g_return_val_if_fail (MI_IS_ISSUE (issue), NULL);
  g_return_val_if_fail (category != NULL, NULL);

  if (date == NULL)
    day = mi_date_today ();
  else if (!mi_date_validate (date, error))
    return NULL;
  else
    day = g_strdup (date);

  title = mi_issue_get_title (issue);
  if (title == NULL || title[0] == '\0')
    title = mi_issue_get_slug (issue);

  learnings = dup_learnings (issue);

  {
    const char *vars[] = {
      "title", title,
      "issue_title", title,
      "slug", mi_issue_get_slug (issue),
      "category", category,
      "date", day,
      "problem", or_placeholder (mi_issue_get_problem_statement (issue)),
      "root_cause", or_placeholder (mi_issue_get_root_cause (issue)),
      "resolution", or_placeholder (mi_issue_get_resolution (issue)),
      "learnings", learnings,
      NULL,
    };

    return mi_templates_expand (root, "lesson", vars, error);
  }
}

typedef struct
{
  GFile *root;
  char  *category;
  char  *name;
  char  *date;
  GFile *file;     /* out */
} LessonEdit;

static void
lesson_edit_free (LessonEdit *edit)
{
  g_clear_object (&edit->root);
  g_free (edit->category);
  g_free (edit->name);
  g_free (edit->date);
  g_clear_object (&edit->file);
  g_free (edit);
}

static gboolean
prepare_extract (MiIssue   *issue,
                 MiChange  *change,
                 gpointer   data,
                 GError   **error)
{
  LessonEdit *edit = data;
  GFile *root = edit->root;
  const char *category = edit->category;
  const char *name = edit->name;
  const char *date = edit->date;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MiDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *relative = NULL;

  if (mi_issue_get_status (issue) != MI_STATUS_RESOLVED)
    {
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE,
                   _("“%s” is not resolved: a lesson is extracted once the meta-issue is resolved."),
                   mi_issue_get_slug (issue));
      return FALSE;
    }

  if (!mi_lesson_validate_name (category, error) ||
      !mi_lesson_validate_name (name, error))
    return FALSE;

  file = mi_lesson_get_file (root, category, name);
  relative = g_file_get_relative_path (root, file);

  if (g_file_query_exists (file, NULL))
    {
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_EXISTS,
                   _("%s exists: choose another name, or edit that lesson."), relative);
      return FALSE;
    }

  text = mi_lesson_render (root, issue, category, date, error);
  if (text == NULL)
    return FALSE;

  doc = mi_document_new_for_text (file, text, -1);
  mi_change_add (change, doc);

  edit->file = g_steal_pointer (&file);
  return TRUE;
}

/**
 * mi_lesson_extract:
 * @root: the workspace root
 * @category: the folder under docs/lessons-learned/
 * @name: the file name without `.md`
 * @date: (nullable): YYYY-MM-DD, today when %NULL
 *
 * Writes the lesson of a resolved @issue atomically. Refuses when the issue
 * is not resolved or the file exists.
 *
 * Returns: (transfer full): the file written, or %NULL with @error set
 */
GFile *
mi_lesson_extract (GFile       *root,
                   MiIssue     *issue,
                   const char  *category,
                   const char  *name,
                   const char  *date,
                   GError     **error)
{
  LessonEdit edit = { root, (char *) category, (char *) name, (char *) date, NULL };

  g_return_val_if_fail (G_IS_FILE (root), NULL);
  g_return_val_if_fail (MI_IS_ISSUE (issue), NULL);

  if (!mi_edit_run (issue, prepare_extract, &edit, error))
    return NULL;
  return edit.file;
}

void
mi_lesson_extract_async (GFile               *root,
                         MiIssue             *issue,
                         const char          *category,
                         const char          *name,
                         const char          *date,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  LessonEdit *edit;

  g_return_if_fail (G_IS_FILE (root));
  g_return_if_fail (MI_IS_ISSUE (issue));

  edit = g_new0 (LessonEdit, 1);
  edit->root = g_file_dup (root);
  edit->category = g_strdup (category);
  edit->name = g_strdup (name);
  edit->date = g_strdup (date);
  mi_edit_run_async (issue, prepare_extract, edit, (GDestroyNotify) lesson_edit_free,
                     mi_lesson_extract_async, cancellable, callback, user_data);
}

/**
 * mi_lesson_extract_finish:
 *
 * Returns: (transfer full): the file written, or %NULL with @error set
 */
GFile *
mi_lesson_extract_finish (MiIssue       *issue,
                          GAsyncResult  *result,
                          GError       **error)
{
  LessonEdit *edit = mi_edit_run_finish (issue, result, mi_lesson_extract_async, error);

  return edit != NULL ? g_object_ref (edit->file) : NULL;
}
