/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-names"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-issue.h"

/*
 * The names a meta-issue is known by, read and written alike: slugs (its
 * folder's name) and dates.
 */

/**
 * mi_slug_validate:
 * A slug names one folder: not empty, no "/" or "\\", no "..", not hidden,
 * no control characters, valid UTF-8, at most 200 bytes.
 */
gboolean
mi_slug_validate (const char  *slug,
                  GError     **error)
{
  const char *problem = NULL;

  if (slug == NULL || *slug == '\0')
    problem = _("it is empty");
  else if (strlen (slug) > 200)
    problem = _("it is longer than 200 bytes");
  else if (!g_utf8_validate (slug, -1, NULL))
    problem = _("it is not valid UTF-8");
  else if (strchr (slug, '/') != NULL || strchr (slug, '\\') != NULL)
    problem = _("it contains a slash");
  else if (strstr (slug, "..") != NULL)
    problem = _("it contains “..”");
  else if (slug[0] == '.' || slug[0] == '-')
    problem = _("it starts with “.” or “-”");
  else
    {
      for (const char *p = slug; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
            {
              problem = _("it contains spaces or control characters");
              break;
            }
        }
    }

  if (problem != NULL)
    {
      g_autofree char *shown = slug ? g_strescape (slug, NULL) : g_strdup ("");

      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_SLUG,
                   _("“%s” cannot be a slug: %s. Use lower-case words joined by “-”, such as “api-latency”."),
                   shown, problem);
      return FALSE;
    }

  return TRUE;
}

/* "API Latency: p99 > 1s!" → "api-latency-p99-1s". */
char *
mi_slug_from_title (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title ? title : "", "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }

  if (slug->len > 64)
    g_string_truncate (slug, 64);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "meta-issue");

  return g_string_free (slug, FALSE);
}

gboolean
mi_date_validate (const char  *date,
                  GError     **error)
{
  int y, m, d;
  char extra;

  if (date != NULL && strlen (date) == 10 &&
      sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 &&
      date[4] == '-' && date[7] == '-' &&
      g_date_valid_dmy (d, m, y))
    return TRUE;

  g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_INVALID_VALUE,
               _("“%s” is not a date: write it as YYYY-MM-DD, such as 2024-10-01."),
               date ? date : "");
  return FALSE;
}

/* Today's date, YYYY-MM-DD, in local time: what an edit writes when it is
 * given no date. */
char *
mi_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
