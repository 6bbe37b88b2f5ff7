/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-chart-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <zlib.h>

#include "mi-chart-export.h"
#include "mi-chart-layout.h"
#include "mi-edit-private.h"
#include "mi-issue-private.h"

/*
 * Charts as files: PNG through a cairo image surface, SVG through the
 * layout's own writer (text stays text). And "Insert chart into README":
 * charts/<tc-id>.svg in the meta-issue's folder, and an image link under the
 * test case's results in test-cases.md, written together as one change.
 */

G_DEFINE_QUARK (mi-chart-error-quark, mi_chart_error)

static gboolean
check_size (int      width,
            int      height,
            GError **error)
{
  if (width < MI_CHART_MIN_SIZE || width > MI_CHART_MAX_SIZE ||
      height < MI_CHART_MIN_SIZE || height > MI_CHART_MAX_SIZE)
    {
      g_set_error (error, MI_CHART_ERROR, MI_CHART_ERROR_SIZE,
                   _("A chart of %d × %d pixels cannot be drawn: give a width and a height from %d to %d."),
                   width, height, MI_CHART_MIN_SIZE, MI_CHART_MAX_SIZE);
      return FALSE;
    }
  return TRUE;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  uLong crc = crc32 (0, (const Bytef *) type, 4);

  if (length > 0)
    crc = crc32 (crc, data, length);
  append_be32 (out, length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, length);
  append_be32 (out, crc);
}

/* zlib's run-length strategy: after the "Up" filter a chart is mostly runs
 * of zeros and of a few colours, which it finds as well as a full search,
 * several times faster. */
static gboolean
deflate_rle (const guint8 *data,
             gsize         length,
             guint8       *out,
             uLongf       *out_length)
{
  z_stream stream = { 0 };
  int status;

  if (deflateInit2 (&stream, Z_BEST_SPEED, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK)
    return FALSE;

  stream.next_in = (Bytef *) data;
  stream.avail_in = length;
  stream.next_out = out;
  stream.avail_out = *out_length;
  status = deflate (&stream, Z_FINISH);
  *out_length = stream.total_out;
  deflateEnd (&stream);

  return status == Z_STREAM_END;
}

/* The surface as an 8-bit RGB PNG. cairo's own writer leaves libpng at its
 * slowest settings (every filter tried on every row, zlib level 6); a chart
 * is flat colour, which the "Up" filter and zlib's fastest level compress
 * about as well in a fraction of the time. */
static GBytes *
encode_png (cairo_surface_t  *surface,
            GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  gsize row_length = 1 + 3 * (gsize) width;
  g_autofree guint8 *raw = g_malloc (row_length * height);
  g_autofree guint8 *previous = g_malloc0 (3 * (gsize) width);
  g_autofree guint8 *current = g_malloc (3 * (gsize) width);
  g_autofree guint8 *compressed = NULL;
  uLongf compressed_length;
  GByteArray *out;
  guint8 header[13];

  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);
      guint8 *row = raw + (gsize) y * row_length;
      guint8 *swap;

      for (int x = 0; x < width; x++)
        {
          guint32 p = pixels[x];
          guint alpha = p >> 24;
          guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          if (alpha != 0xff && alpha != 0)
            {
              r = (r * 255 + alpha / 2) / alpha;
              g = (g * 255 + alpha / 2) / alpha;
              b = (b * 255 + alpha / 2) / alpha;
            }
          current[3 * x] = r;
          current[3 * x + 1] = g;
          current[3 * x + 2] = b;
        }

      row[0] = 2;  /* filter: Up */
      for (gsize i = 0; i < 3 * (gsize) width; i++)
        row[1 + i] = (guint8) (current[i] - previous[i]);

      swap = previous;
      previous = current;
      current = swap;
    }

  compressed_length = compressBound (row_length * height);
  compressed = g_malloc (compressed_length);
  if (!deflate_rle (raw, row_length * height, compressed, &compressed_length))
    {
      g_set_error_literal (error, MI_CHART_ERROR, MI_CHART_ERROR_FAILED,
                           _("The chart could not be compressed into a PNG file."));
      return NULL;
    }

  out = g_byte_array_sized_new (compressed_length + 64);
  g_byte_array_append (out, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  header[0] = width >> 24; header[1] = width >> 16; header[2] = width >> 8; header[3] = width;
  header[4] = height >> 24; header[5] = height >> 16; header[6] = height >> 8; header[7] = height;
  header[8] = 8;   /* bits per sample */
  header[9] = 2;   /* RGB */
  header[10] = 0;  /* deflate */
  header[11] = 0;  /* adaptive filtering */
  header[12] = 0;  /* no interlace */
  append_chunk (out, "IHDR", header, sizeof header);
  append_chunk (out, "IDAT", compressed, compressed_length);
  append_chunk (out, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (out);
}

static GBytes *
render_png (MiChartLayout  *layout,
            GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  GBytes *png = NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        mi_chart_layout_get_width (layout),
                                        mi_chart_layout_get_height (layout));
  cr = cairo_create (surface);
  mi_chart_layout_draw (layout, cr, TRUE);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, MI_CHART_ERROR, MI_CHART_ERROR_FAILED,
                 _("The chart could not be drawn: %s"), cairo_status_to_string (status));
  else
    png = encode_png (surface, error);

  cairo_surface_destroy (surface);
  return png;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

/**
 * mi_chart_format_for_name:
 * @name: a file name or path: "chart.svg"
 *
 * Reads the format from the extension, in any case.
 */
gboolean
mi_chart_format_for_name (const char     *name,
                          MiChartFormat  *format,
                          GError        **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".png"))
    {
      *format = MI_CHART_FORMAT_PNG;
      return TRUE;
    }
  if (g_str_has_suffix (lower, ".svg"))
    {
      *format = MI_CHART_FORMAT_SVG;
      return TRUE;
    }

  g_set_error (error, MI_CHART_ERROR, MI_CHART_ERROR_FORMAT,
               _("“%s” is neither a PNG nor an SVG file name: end it with .png or .svg."), name);
  return FALSE;
}

/**
 * mi_chart_get_file_name:
 *
 * Returns: the file name of a test case's chart: "TC-001" → "tc-001.svg".
 */
char *
mi_chart_get_file_name (const char *test_case_id)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (test_case_id != NULL, NULL);

  lower = g_ascii_strdown (test_case_id, -1);
  for (char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      *p = '-';

  return g_strconcat (lower, ".svg", NULL);
}

/**
 * mi_chart_render:
 *
 * Returns: (transfer full): the bytes of the chart as a PNG or SVG file.
 */
GBytes *
mi_chart_render (MiChartModel   *model,
                 MiChartFormat   format,
                 int             width,
                 int             height,
                 gboolean        dark,
                 GError        **error)
{
  g_autoptr(MiChartLayout) layout = NULL;

  g_return_val_if_fail (model != NULL, NULL);

  if (!check_size (width, height, error))
    return NULL;

  layout = mi_chart_layout_new (model, width, height, dark);

  if (format == MI_CHART_FORMAT_SVG)
    {
      gsize length;
      char *svg = mi_chart_layout_to_svg (layout, &length);

      return g_bytes_new_take (svg, length);
    }

  return render_png (layout, error);
}

/**
 * mi_chart_export:
 *
 * Writes the chart to @file atomically: the file is whole or untouched.
 */
gboolean
mi_chart_export (MiChartModel   *model,
                 GFile          *file,
                 MiChartFormat   format,
                 int             width,
                 int             height,
                 gboolean        dark,
                 GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = mi_chart_render (model, format, width, height, dark, error);
  if (bytes == NULL)
    return FALSE;

  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write the chart to “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  MiChartModel  *model;
  GFile         *file;
  MiChartFormat  format;
  int            width;
  int            height;
  gboolean       dark;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  mi_chart_model_unref (job->model);
  g_object_unref (job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (!mi_chart_export (job->model, job->file, job->format, job->width, job->height, job->dark, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * mi_chart_export_async:
 *
 * mi_chart_export() on a worker: drawing and writing never hold up the
 * calling thread's main loop.
 */
void
mi_chart_export_async (MiChartModel        *model,
                       GFile               *file,
                       MiChartFormat        format,
                       int                  width,
                       int                  height,
                       gboolean             dark,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (model != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  job->model = mi_chart_model_ref (model);
  job->file = g_file_dup (file);
  job->format = format;
  job->width = width;
  job->height = height;
  job->dark = dark;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mi_chart_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
mi_chart_export_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
mi_chart_export_png (MiChartModel  *model,
                     GFile         *file,
                     int            width,
                     int            height,
                     gboolean       dark,
                     GError       **error)
{
  return mi_chart_export (model, file, MI_CHART_FORMAT_PNG, width, height, dark, error);
}

gboolean
mi_chart_export_svg (MiChartModel  *model,
                     GFile         *file,
                     int            width,
                     int            height,
                     gboolean       dark,
                     GError       **error)
{
  return mi_chart_export (model, file, MI_CHART_FORMAT_SVG, width, height, dark, error);
}

static gboolean
line_is_blank (MiDocument *doc,
               guint       line)
{
  g_autofree char *text = mi_edit_get_line (doc, line);

  return g_strstrip (text)[0] == '\0';
}

/* Whether the test case's section already links to its chart. */
static gboolean
has_chart_link (MiDocument *doc,
                MiTestCase *test_case,
                const char *path)
{
  const MiTestCasePlace *place = mi_test_case_get_place (test_case);
  guint last = place->last_line > 0 ? place->last_line : mi_document_get_n_lines (doc);
  g_autofree char *needle = g_strconcat (path, ")", NULL);

  for (guint line = mi_test_case_get_line (test_case) + 1; line <= last; line++)
    {
      g_autofree char *text = mi_edit_get_line (doc, line);

      if (strstr (text, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  char *test_case_id;
  int   width;
  int   height;
} ChartEdit;

static void
chart_edit_free (ChartEdit *edit)
{
  g_free (edit->test_case_id);
  g_free (edit);
}

static gboolean
prepare_insert_chart (MiIssue   *self,
                      MiChange  *change,
                      gpointer   data,
                      GError   **error)
{
  ChartEdit *edit = data;
  const char *test_case_id = edit->test_case_id;
  int width = edit->width;
  int height = edit->height;
  g_autoptr(MiChartModel) model = NULL;
  g_autoptr(MiChartLayout) layout = NULL;
  g_autoptr(MiDocument) svg_doc = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *svg = NULL;
  MiDocument *doc;
  MiTestCase *test_case;
  gsize length;
  int natural_width, natural_height;

  test_case = mi_issue_find_test_case (self, test_case_id);
  if (test_case == NULL)
    {
      g_set_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_NOT_FOUND,
                   _("There is no test case “%s” in %s/test-cases.md. Add a “## %s: Title” section there first."),
                   test_case_id, self->slug, test_case_id);
      return FALSE;
    }

  model = mi_chart_model_new_for_test_case (self, test_case);
  mi_chart_model_get_natural_size (model, &natural_width, &natural_height);
  if (width <= 0)
    width = natural_width;
  if (height <= 0)
    height = natural_height;
  if (!check_size (width, height, error))
    return FALSE;

  /* Light colours: git hosts show images on a light page by default, and
   * the SVG carries its own background. */
  layout = mi_chart_layout_new (model, width, height, FALSE);
  svg = mi_chart_layout_to_svg (layout, &length);

  file_name = mi_chart_get_file_name (mi_test_case_get_id (test_case));
  relative = g_strconcat ("charts/", file_name, NULL);
  file = g_file_resolve_relative_path (self->folder, relative);

  svg_doc = mi_document_new (file);
  if (!mi_document_load (svg_doc, NULL, error))
    return FALSE;

  mi_change_add (change, svg_doc);
  {
    gsize old_length;

    mi_document_get_text (svg_doc, &old_length);
    mi_document_replace (svg_doc, 0, old_length, svg);
  }

  doc = self->docs[MI_ISSUE_FILE_TEST_CASES];
  if (!has_chart_link (doc, test_case, relative))
    {
      const MiTestCasePlace *place = mi_test_case_get_place (test_case);
      g_autofree char *link = g_strdup_printf ("![%s chart](./%s)",
                                               mi_test_case_get_id (test_case), relative);
      guint after = place->last_result_line > 0 ? place->last_result_line :
                    place->results_line > 0 ? place->results_line :
                    place->last_line > 0 ? place->last_line : mi_test_case_get_line (test_case);
      guint n_lines = mi_document_get_n_lines (doc);

      mi_change_add (change, doc);
      if (after >= n_lines || line_is_blank (doc, after + 1))
        {
          const char *lines[] = { "", link, NULL };

          mi_edit_insert_lines_after (doc, after, lines);
        }
      else
        {
          const char *lines[] = { "", link, "", NULL };

          mi_edit_insert_lines_after (doc, after, lines);
        }
    }

  return TRUE;
}

/**
 * mi_issue_insert_chart:
 * @width: the chart's width, 0 for its natural size
 * @height: the chart's height, 0 for its natural size
 *
 * Writes the test case's chart to `charts/<tc-id>.svg` in the meta-issue's
 * folder and, unless the test case links to it already, an image link
 * `![TC-001 chart](./charts/tc-001.svg)` after its results. Both files are
 * written as one change; then the meta-issue is parsed again. Inserting
 * again rewrites the SVG and keeps the one link.
 */
gboolean
mi_issue_insert_chart (MiIssue     *self,
                       const char  *test_case_id,
                       int          width,
                       int          height,
                       GError     **error)
{
  ChartEdit edit = { (char *) test_case_id, width, height };

  g_return_val_if_fail (MI_IS_ISSUE (self), FALSE);
  g_return_val_if_fail (test_case_id != NULL, FALSE);

  return mi_edit_run (self, prepare_insert_chart, &edit, error);
}

void
mi_issue_insert_chart_async (MiIssue             *self,
                             const char          *test_case_id,
                             int                  width,
                             int                  height,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  ChartEdit *edit;

  g_return_if_fail (MI_IS_ISSUE (self));
  g_return_if_fail (test_case_id != NULL);

  edit = g_new0 (ChartEdit, 1);
  edit->test_case_id = g_strdup (test_case_id);
  edit->width = width;
  edit->height = height;
  mi_edit_run_async (self, prepare_insert_chart, edit, (GDestroyNotify) chart_edit_free,
                     mi_issue_insert_chart_async, cancellable, callback, user_data);
}

gboolean
mi_issue_insert_chart_finish (MiIssue       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return mi_edit_run_finish (self, result, mi_issue_insert_chart_async, error) != NULL;
}
