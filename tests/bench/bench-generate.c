/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-generate"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bench-generate.h"

/* The example's files, read once; every issue is a variation of them. */
typedef struct
{
  char *name;
  char *text;
} ExampleFile;

typedef struct
{
  char      *dir_name;   /* "003-connection-pooling" */
  guint      number;
  GPtrArray *files;      /* (element-type ExampleFile) */
} ExampleAttempt;

struct _BenchExample
{
  char      *dir;
  char      *slug;       /* "example-performance-saga" */
  char      *base_slug;  /* "performance-saga" */
  GPtrArray *top_files;  /* (element-type ExampleFile) */
  GPtrArray *attempts;   /* (element-type ExampleAttempt) */
};

/* Attempts per issue, in a cycle: 2 to 4, 3.5 on average, so an issue has
 * 4 + 2 × 3.5 = 11 files on average like the budget's "1,000 ≈ 11,000 files". */
static const guint attempts_cycle[] = { 3, 4, 2, 4, 4, 4 };

static const char *units[] = { "ms", "min", "MB", "GB", "KB", "%", "s", NULL };

static void
example_file_free (gpointer data)
{
  ExampleFile *file = data;

  g_free (file->name);
  g_free (file->text);
  g_free (file);
}

static void
example_attempt_free (gpointer data)
{
  ExampleAttempt *attempt = data;

  g_free (attempt->dir_name);
  g_ptr_array_unref (attempt->files);
  g_free (attempt);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_dir_sorted (const char  *dir,
                 GError     **error)
{
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!(gdir = g_dir_open (dir, 0, error)))
    return NULL;

  while ((name = g_dir_read_name (gdir)))
    g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_strings);

  return g_steal_pointer (&names);
}

static GPtrArray *
read_markdown_files (const char  *dir,
                     GError     **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (example_file_free);

  if (!(names = list_dir_sorted (dir, error)))
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      ExampleFile *file;

      if (!g_str_has_suffix (name, ".md") ||
          !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      file = g_new0 (ExampleFile, 1);
      file->name = g_strdup (name);
      if (!g_file_get_contents (path, &file->text, NULL, error))
        {
          example_file_free (file);
          return NULL;
        }
      g_ptr_array_add (files, file);
    }

  return g_steal_pointer (&files);
}

static gboolean
parse_attempt_number (const char *s,
                      guint      *number)
{
  if (!g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]) || !g_ascii_isdigit (s[2]) ||
      g_ascii_isdigit (s[3]))
    return FALSE;

  *number = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');

  return *number > 0;
}

/* "## Attempt 003: …" → 3, with its level; 0 for any other line. */
static guint
heading_attempt (const char *line,
                 guint      *level)
{
  guint n = 0;
  guint number;

  while (line[n] == '#')
    n++;

  *level = n;

  if (n == 0 || n > 6 || line[n] != ' ')
    return 0;

  if (g_str_has_prefix (line + n + 1, "Attempt ") &&
      parse_attempt_number (line + n + 1 + strlen ("Attempt "), &number))
    return number;

  return 0;
}

/* A line that belongs to one attempt: a timeline row `| [003](…`, a result
 * item `- Attempt 003: …`. */
static guint
line_attempt (const char *line)
{
  guint number;

  if (g_str_has_prefix (line, "| [") && parse_attempt_number (line + 3, &number))
    return number;

  if (g_str_has_prefix (line, "- Attempt ") && parse_attempt_number (line + 10, &number))
    return number;

  return 0;
}

static char *
renumber (const char *text,
          guint       from,
          guint       to)
{
  char from_s[8];
  char to_s[8];
  GString *out;

  g_snprintf (from_s, sizeof from_s, "%03u", from);
  g_snprintf (to_s, sizeof to_s, "%03u", to);

  out = g_string_sized_new (strlen (text) + 16);

  /* "Attempt 003", "[003]", "003-connection-pooling", not "TC-003" */
  for (const char *p = text; *p; )
    {
      if (strncmp (p, from_s, 3) == 0 &&
          (p == text || (!g_ascii_isalnum (p[-1]) && p[-1] != '-')) &&
          !g_ascii_isdigit (p[3]))
        {
          g_string_append (out, to_s);
          p += 3;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static void
append_copies (GString    *out,
               const char *unit,
               guint       last,
               guint       n_attempts)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');

  /* a section that ended the file: a blank line before its copies */
  if (strchr (unit, '\n') != strrchr (unit, '\n') && !g_str_has_suffix (unit, "\n\n"))
    g_string_append_c (out, '\n');

  for (guint j = last + 1; j <= n_attempts; j++)
    {
      g_autofree char *copy = renumber (unit, last, j);

      g_string_append (out, copy);
    }
}

/* Drops the sections and lines of attempts past @n_attempts; repeats those of
 * the example's last attempt, renumbered, up to @n_attempts. */
static char *
filter_attempt_units (const char *text,
                      guint       n_attempts,
                      guint       last)
{
  GString *out = g_string_sized_new (strlen (text) + 1024);
  g_autoptr(GString) section = g_string_new (NULL);
  gboolean copying = FALSE;
  guint section_attempt = 0;
  guint section_level = 0;
  const char *p = text;

  while (*p)
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol ? (gsize) (eol - p + 1) : strlen (p);
      g_autofree char *line = g_strndup (p, len);
      guint level;
      guint attempt = heading_attempt (line, &level);

      if (level > 0 && level <= 6 && line[level] == ' ' &&
          section_attempt != 0 && level <= section_level)
        {
          if (copying)
            append_copies (out, section->str, last, n_attempts);
          section_attempt = 0;
          copying = FALSE;
        }

      if (attempt != 0)
        {
          section_attempt = attempt;
          section_level = level;
          copying = attempt == last && n_attempts > last;
          g_string_truncate (section, 0);
        }

      if (section_attempt != 0)
        {
          if (section_attempt <= n_attempts)
            g_string_append (out, line);
          if (copying)
            g_string_append (section, line);
        }
      else
        {
          guint line_number = line_attempt (line);

          if (line_number <= n_attempts)
            g_string_append (out, line);
          if (line_number == last && n_attempts > last)
            append_copies (out, line, last, n_attempts);
        }

      p += len;
    }

  if (copying)
    append_copies (out, section->str, last, n_attempts);

  return g_string_free (out, FALSE);
}

static void
append_grouped (GString *out,
                guint64  value)
{
  if (value >= 1000)
    {
      append_grouped (out, value / 1000);
      g_string_append_printf (out, ",%03u", (guint) (value % 1000));
    }
  else
    g_string_append_printf (out, "%u", (guint) value);
}

static guint32
mix (guint32 a,
     guint32 b)
{
  guint32 h = a * 2654435761u ^ (b + 0x9e3779b9u + (a << 6) + (a >> 2));

  h ^= h >> 15;
  h *= 0x2c1b3c6du;
  h ^= h >> 12;

  return h;
}

/* Measurements with a unit (`5,100ms`, `4.3GB`, `25%`) change by ±20 %;
 * years of dates move back by up to 6. Other numbers keep their bytes. */
static char *
vary_numbers (const char *text,
              guint       index)
{
  GString *out = g_string_sized_new (strlen (text) + 64);
  guint occurrence = 0;
  guint year_shift = index % 7;
  const char *p = text;

  while (*p)
    {
      const char *start = p;
      const char *q = p;
      gboolean grouped = FALSE;
      guint decimals = 0;
      guint64 integer = 0;
      guint64 fraction = 0;
      const char *unit = NULL;

      if (!g_ascii_isdigit (*p) ||
          (p > text && (g_ascii_isalnum (p[-1]) || strchr ("-.,_/#", p[-1]))))
        {
          g_string_append_c (out, *p);
          p++;
          continue;
        }

      /* A date: 2024-09-01 */
      if (g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
          p[4] == '-' && g_ascii_isdigit (p[5]) && g_ascii_isdigit (p[6]) && p[7] == '-' &&
          p[0] == '2' && p[1] == '0')
        {
          guint year = (guint) g_ascii_strtoull (p, NULL, 10);

          g_string_append_printf (out, "%04u", year - year_shift);
          p += 4;
          continue;
        }

      while (g_ascii_isdigit (*q) ||
             (*q == ',' && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]) &&
              g_ascii_isdigit (q[3]) && !g_ascii_isdigit (q[4])))
        {
          if (*q == ',')
            grouped = TRUE;
          else
            integer = integer * 10 + (guint64) (*q - '0');
          q++;
        }

      if (*q == '.' && g_ascii_isdigit (q[1]))
        {
          q++;
          while (g_ascii_isdigit (*q))
            {
              fraction = fraction * 10 + (guint64) (*q - '0');
              decimals++;
              q++;
            }
        }

      for (guint u = 0; units[u] != NULL; u++)
        {
          gsize ulen = strlen (units[u]);

          if (strncmp (q, units[u], ulen) == 0 && !g_ascii_isalnum (q[ulen]))
            {
              unit = units[u];
              break;
            }
        }

      if (unit == NULL || (integer == 0 && fraction == 0) || decimals > 3)
        {
          g_string_append_len (out, start, q - start);
          p = q;
          continue;
        }

      {
        double scale = 1.0;
        double value;
        double percent = 80.0 + mix (index, occurrence++) % 41;

        for (guint d = 0; d < decimals; d++)
          scale *= 10.0;
        value = ((double) integer + (double) fraction / scale) * percent / 100.0;

        /* no 104 % improvements */
        if (g_str_equal (unit, "%") && integer <= 100 && value > 100.0)
          value = (double) integer + (double) fraction / scale;

        if (decimals > 0)
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (out, g_ascii_formatd (buf, sizeof buf,
                                                   decimals == 1 ? "%.1f" :
                                                   decimals == 2 ? "%.2f" : "%.3f",
                                                   value));
          }
        else
          {
            guint64 rounded = (guint64) (value + 0.5);

            if (rounded == 0)
              rounded = 1;
            if (grouped)
              append_grouped (out, rounded);
            else
              g_string_append_printf (out, "%" G_GUINT64_FORMAT, rounded);
          }
      }

      p = q;
    }

  return g_string_free (out, FALSE);
}

/* The per-issue edits of a line-based kind: the example marker goes, the title
 * gets the index, the README's attempt count and status follow @n_attempts. */
static char *
edit_lines (const char *text,
            guint       index,
            guint       n_attempts,
            guint       last,
            gboolean    number_title)
{
  GString *out = g_string_sized_new (strlen (text) + 64);
  gboolean titled = !number_title;
  const char *p = text;

  while (*p)
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol ? (gsize) (eol - p + 1) : strlen (p);
      g_autofree char *line = g_strndup (p, len);

      p += len;

      if (g_str_has_prefix (line, "<!-- THIS IS AN EXAMPLE"))
        {
          /* and the blank line after it */
          if (*p == '\n')
            p++;
          continue;
        }

      if (!titled && g_str_has_prefix (line, "# "))
        {
          /* the title's end: before trailing spaces and the newline */
          gsize end = strlen (line);

          while (end > 0 && strchr (" \t\r\n", line[end - 1]))
            end--;
          g_string_append_len (out, line, end);
          g_string_append_printf (out, " %u", index);
          g_string_append (out, line + end);
          titled = TRUE;
          continue;
        }

      if (g_str_has_prefix (line, "**Total Attempts:** "))
        {
          const char *rest = line + strlen ("**Total Attempts:** ");

          while (g_ascii_isdigit (*rest))
            rest++;
          g_string_append_printf (out, "**Total Attempts:** %u%s", n_attempts, rest);
          continue;
        }

      if (g_str_has_prefix (line, "**Status:** Resolved (Attempt ") && n_attempts != last)
        {
          const char *rest = strchr (line, ')');

          if (rest != NULL)
            {
              if (n_attempts < last)
                g_string_append_printf (out, "**Status:** In Progress%s", rest + 1);
              else
                g_string_append_printf (out, "**Status:** Resolved (Attempt %03u)%s",
                                        n_attempts, rest + 1);
              continue;
            }
        }

      g_string_append (out, line);
    }

  return g_string_free (out, FALSE);
}

static char *
make_text (BenchExample *example,
           const char   *source,
           const char   *slug,
           guint         index,
           gboolean      top_level,
           gboolean      number_title,
           guint         n_attempts)
{
  guint last = example->attempts->len;
  g_autofree char *filtered = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GString) slugged = NULL;

  if (top_level && last > 0)
    filtered = filter_attempt_units (source, n_attempts, last);
  else
    filtered = g_strdup (source);

  edited = edit_lines (filtered, index, n_attempts, last, number_title);
  slugged = g_string_new (edited);
  g_string_replace (slugged, example->slug, slug, 0);

  return vary_numbers (slugged->str, index);
}

static gboolean
write_file (const char          *dir,
            const char          *name,
            const char          *text,
            BenchGenerateStats  *stats,
            GError             **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize len = strlen (text);

  if (!g_file_set_contents_full (path, text, (gssize) len,
                                 G_FILE_SET_CONTENTS_NONE, 0644, error))
    return FALSE;

  stats->n_files++;
  stats->n_bytes += len;
  if (stats->paths != NULL)
    g_ptr_array_add (stats->paths, g_steal_pointer (&path));

  return TRUE;
}

static gboolean
make_dir (const char  *path,
          GError     **error)
{
  if (g_mkdir_with_parents (path, 0755) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   "Could not create %s: %s", path, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

static gboolean
generate_issue (BenchExample        *example,
                const char          *issues_dir,
                guint                index,
                BenchGenerateStats  *stats,
                GError             **error)
{
  guint n_attempts = bench_generate_attempts_for (example, index);
  guint last = example->attempts->len;
  g_autofree char *slug = bench_generate_slug (example, index);
  g_autofree char *dir = g_build_filename (issues_dir, slug, NULL);

  if (!make_dir (dir, error))
    return FALSE;

  for (guint f = 0; f < example->top_files->len; f++)
    {
      ExampleFile *file = g_ptr_array_index (example->top_files, f);
      gboolean number_title = g_str_equal (file->name, "README.md") ||
                              g_str_equal (file->name, "description.md");
      g_autofree char *text = make_text (example, file->text, slug, index,
                                         TRUE, number_title, n_attempts);

      if (!write_file (dir, file->name, text, stats, error))
        return FALSE;
    }

  for (guint a = 1; a <= n_attempts; a++)
    {
      ExampleAttempt *attempt = g_ptr_array_index (example->attempts, MIN (a, last) - 1);
      g_autofree char *dir_name = NULL;
      g_autofree char *attempt_dir = NULL;

      if (a <= last)
        dir_name = g_strdup (attempt->dir_name);
      else
        dir_name = renumber (attempt->dir_name, attempt->number, a);

      attempt_dir = g_build_filename (dir, "attempts", dir_name, NULL);
      if (!make_dir (attempt_dir, error))
        return FALSE;

      for (guint f = 0; f < attempt->files->len; f++)
        {
          ExampleFile *file = g_ptr_array_index (attempt->files, f);
          g_autofree char *source = NULL;
          g_autofree char *text = NULL;

          if (a <= last)
            source = g_strdup (file->text);
          else
            source = renumber (file->text, attempt->number, a);

          text = make_text (example, source, slug, index, FALSE, FALSE, n_attempts);
          if (!write_file (attempt_dir, file->name, text, stats, error))
            return FALSE;
        }

      stats->n_attempts++;
    }

  stats->n_issues++;

  return TRUE;
}

/* Public API */

char *
bench_example_default_dir (void)
{
  const char *root = g_getenv ("MI_SOURCE_ROOT");

  if (root == NULL)
    return NULL;

  return g_build_filename (root, "resources", "example", "docs", "meta-issues",
                           "example-performance-saga", NULL);
}

BenchExample *
bench_example_load (const char  *dir,
                    GError     **error)
{
  g_autoptr(BenchExample) example = g_new0 (BenchExample, 1);
  g_autofree char *attempts_dir = g_build_filename (dir, "attempts", NULL);

  g_return_val_if_fail (dir != NULL, NULL);

  example->dir = g_strdup (dir);
  example->slug = g_path_get_basename (dir);
  example->base_slug = g_strdup (g_str_has_prefix (example->slug, "example-") ?
                                 example->slug + strlen ("example-") : example->slug);
  example->attempts = g_ptr_array_new_with_free_func (example_attempt_free);

  if (!(example->top_files = read_markdown_files (dir, error)))
    return NULL;

  if (example->top_files->len == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "No markdown files in %s: pass the example meta-issue folder", dir);
      return NULL;
    }

  if (g_file_test (attempts_dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GPtrArray) names = NULL;

      if (!(names = list_dir_sorted (attempts_dir, error)))
        return NULL;

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          g_autofree char *path = g_build_filename (attempts_dir, name, NULL);
          ExampleAttempt *attempt;
          guint number;

          if (!parse_attempt_number (name, &number) || name[3] != '-' ||
              !g_file_test (path, G_FILE_TEST_IS_DIR))
            continue;

          attempt = g_new0 (ExampleAttempt, 1);
          attempt->dir_name = g_strdup (name);
          attempt->number = number;
          if (!(attempt->files = read_markdown_files (path, error)))
            {
              g_free (attempt->dir_name);
              g_free (attempt);
              return NULL;
            }
          g_ptr_array_add (example->attempts, attempt);
        }
    }

  return g_steal_pointer (&example);
}

void
bench_example_free (BenchExample *example)
{
  if (example == NULL)
    return;

  g_free (example->dir);
  g_free (example->slug);
  g_free (example->base_slug);
  g_clear_pointer (&example->top_files, g_ptr_array_unref);
  g_clear_pointer (&example->attempts, g_ptr_array_unref);
  g_free (example);
}

guint
bench_example_get_n_attempts (BenchExample *example)
{
  return example->attempts->len;
}

guint
bench_generate_attempts_for (BenchExample *example,
                             guint         index)
{
  /* Only vary when the attempts are numbered 1…n, so that renumbered copies
   * follow the example's last one. */
  for (guint i = 0; i < example->attempts->len; i++)
    {
      ExampleAttempt *attempt = g_ptr_array_index (example->attempts, i);

      if (attempt->number != i + 1)
        return example->attempts->len;
    }

  if (example->attempts->len < 2)
    return example->attempts->len;

  return attempts_cycle[index % G_N_ELEMENTS (attempts_cycle)];
}

char *
bench_generate_slug (BenchExample *example,
                     guint         index)
{
  return g_strdup_printf ("%s-%05u", example->base_slug, index);
}

gboolean
bench_generate (BenchExample        *example,
                const char          *outdir,
                guint                n_issues,
                BenchGenerateStats  *stats,
                GError             **error)
{
  g_autofree char *issues_dir = g_build_filename (outdir, "docs", "meta-issues", NULL);

  g_return_val_if_fail (example != NULL, FALSE);
  g_return_val_if_fail (outdir != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  if (!make_dir (issues_dir, error))
    return FALSE;

  for (guint i = 0; i < n_issues; i++)
    {
      if (!generate_issue (example, issues_dir, i, stats, error))
        return FALSE;
    }

  return TRUE;
}

void
bench_generate_stats_clear (BenchGenerateStats *stats)
{
  g_clear_pointer (&stats->paths, g_ptr_array_unref);
  memset (stats, 0, sizeof *stats);
}

gboolean
bench_remove_tree (const char  *path,
                   GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) &&
      !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (!(dir = g_dir_open (path, 0, error)))
        return FALSE;

      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!bench_remove_tree (child, error))
            return FALSE;
        }

      if (g_rmdir (path) != 0)
        {
          int errsv = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                       "Could not remove %s: %s", path, g_strerror (errsv));
          return FALSE;
        }

      return TRUE;
    }

  if (g_unlink (path) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   "Could not remove %s: %s", path, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}
