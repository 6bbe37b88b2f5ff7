/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>

#include "meta-issues.h"
#include "mi-test-util.h"

/*
 * Charts as a user sees them: the pixels of the example's TC-001 (three
 * bars in the verdicts' colours, heights in the values' order, the target
 * line at 1,000 ms), the labels of the SVG as text, labels that never cover
 * each other whatever the data, and "Insert chart into README" (the bytes of
 * test-cases.md, and one link however often it is done).
 */

#define EXAMPLE_SLUG "example-performance-saga"

/* Under LeakSanitizer: fontconfig (2.14) loses a few bytes parsing its
 * configuration in Pango's start-up thread. Only what fontconfig allocates
 * is excused; the charts' own allocations are all checked. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

typedef struct
{
  char        *root;
  MiWorkspace *workspace;
  MiIssue     *issue;   /* owned by the workspace */
} Fixture;

static void
fixture_open (Fixture    *fixture,
              const char *root,
              const char *slug)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  g_autoptr(GError) error = NULL;

  fixture->root = g_strdup (root);
  fixture->workspace = mi_workspace_open (file, NULL, &error);
  g_assert_no_error (error);
  fixture->issue = mi_workspace_find_issue (fixture->workspace, slug);
  g_assert_nonnull (fixture->issue);
}

static void
fixture_open_example (Fixture *fixture)
{
  g_autofree char *source = mi_test_source_path ("resources", "example", NULL);
  g_autofree char *root = mi_test_copy_tree (source);

  fixture_open (fixture, root, EXAMPLE_SLUG);
}

/* A meta-issue written for the test: README (timeline) and test-cases.md. */
static void
fixture_open_text (Fixture    *fixture,
                   const char *readme,
                   const char *test_cases)
{
  g_autofree char *root = mi_test_make_tmp (NULL, "mi-chart");

  mi_test_write_text (root, "docs/meta-issues/edge/README.md", readme);
  mi_test_write_text (root, "docs/meta-issues/edge/test-cases.md", test_cases);

  fixture_open (fixture, root, "edge");
}

static void
fixture_close (Fixture *fixture)
{
  g_clear_object (&fixture->workspace);
  mi_test_remove_tree (fixture->root);
  g_clear_pointer (&fixture->root, g_free);
}

static MiChartModel *
test_case_model (Fixture    *fixture,
                 const char *id)
{
  MiTestCase *test_case = mi_issue_find_test_case (fixture->issue, id);

  g_assert_nonnull (test_case);
  return mi_chart_model_new_for_test_case (fixture->issue, test_case);
}

/* ---------------------------------------------------------------------- */
/* Pixels                                                                  */

typedef struct
{
  const guint8 *data;
  int           width;
  int           height;
  int           stride;
} Pixels;

static guint32
pixel_at (const Pixels *pixels,
          int           x,
          int           y)
{
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, pixels->width);
  g_assert_cmpint (y, <, pixels->height);

  /* ARGB32, opaque: the RGB bits of the native-endian word. */
  return *(const guint32 *) (gconstpointer) (pixels->data + y * pixels->stride + x * 4) & 0xffffff;
}

static guint32
palette_rgb (gboolean     dark,
             MiChartColor color)
{
  MiChartRgba rgba;

  mi_chart_palette_get (dark, color, &rgba);
  return ((guint32) lround (rgba.red * 255) << 16) |
         ((guint32) lround (rgba.green * 255) << 8) |
         (guint32) lround (rgba.blue * 255);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *png)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (png, &reader.length);
  g_assert_cmpmem (reader.data, 8, "\x89PNG\r\n\x1a\n", 8);
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* How many pixels of @color go up from (@x, @bottom). */
static int
column_height (const Pixels *pixels,
               int           x,
               int           bottom,
               guint32       color)
{
  int y = bottom;

  while (y >= 0 && pixel_at (pixels, x, y) == color)
    y--;
  return bottom - y;
}

static void
test_png_tc001 (void)
{
  Fixture fixture = { 0 };
  g_autoptr(MiChartModel) model = NULL;
  g_autoptr(MiChartLayout) layout = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  Pixels pixels;
  guint32 fail = palette_rgb (FALSE, MI_CHART_COLOR_FAIL);
  guint32 pass = palette_rgb (FALSE, MI_CHART_COLOR_PASS);
  guint32 target = palette_rgb (FALSE, MI_CHART_COLOR_TARGET);
  guint32 background = palette_rgb (FALSE, MI_CHART_COLOR_BACKGROUND);
  guint32 runs[8];
  guint n_runs = 0;
  int heights[3];
  int baseline, scan_y, target_row;
  double target_y;

  fixture_open_example (&fixture);
  model = test_case_model (&fixture, "TC-001");

  png = mi_chart_render (model, MI_CHART_FORMAT_PNG, 800, 450, FALSE, &error);
  g_assert_no_error (error);
  surface = decode_png (png);
  pixels.data = cairo_image_surface_get_data (surface);
  pixels.width = cairo_image_surface_get_width (surface);
  pixels.height = cairo_image_surface_get_height (surface);
  pixels.stride = cairo_image_surface_get_stride (surface);
  g_assert_cmpint (pixels.width, ==, 800);
  g_assert_cmpint (pixels.height, ==, 450);

  /* The same layout tells where the axis is. */
  layout = mi_chart_layout_new (model, 800, 450, FALSE);
  g_assert_false (mi_chart_layout_get_log_axis (layout));  /* 5,100 / 380 < 20 */
  baseline = (int) floor (mi_chart_layout_value_to_y (layout, 0, 0)) - 1;

  /* Three bars along a line just above the axis: fail, fail, pass. */
  scan_y = baseline - 2;
  for (int x = 0; x < pixels.width; x++)
    {
      guint32 color = pixel_at (&pixels, x, scan_y);

      if ((color == fail || color == pass) &&
          (x == 0 || pixel_at (&pixels, x - 1, scan_y) != color))
        {
          g_assert_cmpuint (n_runs, <, G_N_ELEMENTS (runs));
          runs[n_runs++] = color;
        }
    }
  g_assert_cmpuint (n_runs, ==, 3);
  g_assert_cmphex (runs[0], ==, fail);
  g_assert_cmphex (runs[1], ==, fail);
  g_assert_cmphex (runs[2], ==, pass);

  /* Their heights: in the values' order, and where the axis puts them. */
  g_assert_cmpuint (mi_chart_layout_get_n_items (layout), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const MiChartItem *item = mi_chart_layout_get_item (layout, i);
      static const double values[] = { 5100, 3800, 380 };
      int x = (int) (item->box.x + item->box.width / 4);  /* clear of the labels */
      double expected = mi_chart_layout_value_to_y (layout, 0, 0) -
                        mi_chart_layout_value_to_y (layout, 0, values[i]);

      heights[i] = column_height (&pixels, x, baseline, i < 2 ? fail : pass);
      /* The target line is drawn over the bars: add what it covers. */
      if (values[i] > 1000)
        heights[i] += 2 + column_height (&pixels, x, baseline - heights[i] - 2, fail);
      g_assert_cmpfloat (fabs (heights[i] - expected), <=, 1.5);
    }
  g_assert_cmpint (heights[0], >, heights[1]);
  g_assert_cmpint (heights[1], >, heights[2]);
  g_assert_cmpint (heights[2], >, 0);

  /* The target line at 1,000 ms, between the first two bars. */
  target_y = mi_chart_layout_value_to_y (layout, 0, 1000);
  target_row = (int) round (target_y);
  {
    const MiChartItem *first = mi_chart_layout_get_item (layout, 0);
    const MiChartItem *second = mi_chart_layout_get_item (layout, 1);
    int x = (int) ((first->box.x + first->box.width + second->box.x) / 2);

    g_assert_cmphex (pixel_at (&pixels, x, target_row - 1), ==, target);
    g_assert_cmphex (pixel_at (&pixels, x, target_row), ==, target);
    g_assert_cmphex (pixel_at (&pixels, x, target_row - 4), ==, background);
    g_assert_cmphex (pixel_at (&pixels, x, target_row + 3), ==, background);
  }

  cairo_surface_destroy (surface);
  fixture_close (&fixture);
}

/* ---------------------------------------------------------------------- */
/* Model and labels                                                        */

static const MiChartPrimitive *
find_text (MiChartLayout *layout,
           const char    *text)
{
  for (guint i = 0; i < mi_chart_layout_get_n_primitives (layout); i++)
    {
      const MiChartPrimitive *p = mi_chart_layout_get_primitive (layout, i);

      if (p->kind == MI_CHART_PRIMITIVE_TEXT && g_str_equal (p->text, text))
        return p;
    }
  return NULL;
}

static guint
count_role (MiChartLayout *layout,
            MiChartRole    role)
{
  guint n = 0;

  for (guint i = 0; i < mi_chart_layout_get_n_primitives (layout); i++)
    n += mi_chart_layout_get_primitive (layout, i)->role == role;
  return n;
}

static void
test_model_tc001 (void)
{
  Fixture fixture = { 0 };
  g_autoptr(MiChartModel) model = NULL;
  g_autoptr(MiChartLayout) layout = NULL;
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;
  const MiChartSeries *series;
  const MiChartBar *bars;
  const MiChartPrimitive *p;

  fixture_open_example (&fixture);
  model = test_case_model (&fixture, "TC-001");

  g_assert_cmpint (mi_chart_model_get_kind (model), ==, MI_CHART_KIND_TEST_CASE);
  g_assert_cmpstr (mi_chart_model_get_title (model), ==, "TC-001: Load Test (100 users)");
  series = mi_chart_model_get_series (model, 0);
  g_assert_true (series->has_target);
  g_assert_true (series->lower_is_better);
  g_assert_cmpstr (series->target_text, ==, "< 1,000 ms");
  g_assert_cmpfloat (series->target, ==, 1000);
  g_assert_cmpuint (series->bars->len, ==, 3);

  bars = (const MiChartBar *) (gconstpointer) series->bars->data;
  g_assert_cmpstr (bars[0].text, ==, "5,100ms");
  g_assert_cmpfloat (bars[1].value, ==, 3800);
  g_assert_cmpint (bars[2].verdict, ==, MI_VERDICT_PASS);
  g_assert_cmpstr (bars[2].attempt_title, ==, "Connection Pooling");
  g_assert_true (isnan (bars[0].change));

  layout = mi_chart_layout_new (model, 800, 450, FALSE);
  p = find_text (layout, "target < 1,000 ms");
  g_assert_nonnull (p);
  g_assert_cmpint (p->role, ==, MI_CHART_ROLE_TARGET_LABEL);
  g_assert_nonnull (find_text (layout, "\xe2\x88\x92" "93%"));  /* U+2212 */
  g_assert_nonnull (find_text (layout, "\xe2\x88\x92" "25%"));
  g_assert_nonnull (find_text (layout, "5,100ms"));
  g_assert_nonnull (find_text (layout, "Attempt 003"));
  g_assert_nonnull (find_text (layout, "Lower is better · linear axis"));
  g_assert_cmpuint (count_role (layout, MI_CHART_ROLE_BAR), ==, 3);
  g_assert_cmpuint (count_role (layout, MI_CHART_ROLE_TARGET_LINE), ==, 1);

  description = mi_chart_model_describe (model);
  g_assert_nonnull (strstr (description, "target < 1,000 ms, lower is better"));
  g_assert_nonnull (strstr (description, "attempt 003 380ms, Pass, \xe2\x88\x92" "93% against the first"));

  tooltip = mi_chart_layout_describe_item (layout, 1);
  g_assert_cmpstr (tooltip, ==,
                   "Attempt 002 · Query Optimization\n"
                   "Value: 3,800ms (\xe2\x88\x92" "25%)\n"
                   "Target: < 1,000 ms\n"
                   "Verdict: Fail");

  /* A pointer over the column of the third bar finds it. */
  {
    const MiChartItem *item = mi_chart_layout_get_item (layout, 2);

    g_assert_cmpint (mi_chart_layout_find_item (layout, item->box.x + 1, item->hit.y + 2), ==, 2);
    g_assert_cmpint (mi_chart_layout_find_item (layout, 1, 1), ==, -1);
  }

  fixture_close (&fixture);
}

static void
test_format (void)
{
  g_autofree char *a = mi_chart_format_change (-0.925);
  g_autofree char *b = mi_chart_format_change (0.124);
  g_autofree char *c = mi_chart_format_change (0.001);
  g_autofree char *d = mi_chart_format_change (12.5);
  g_autofree char *e = mi_chart_get_file_name ("TC-001");
  g_autofree char *f = mi_chart_get_file_name ("TC 7/b");

  g_assert_cmpstr (a, ==, "\xe2\x88\x92" "93%");
  g_assert_cmpstr (b, ==, "+12%");
  g_assert_cmpstr (c, ==, "0%");
  g_assert_cmpstr (d, ==, "+1,250%");
  g_assert_cmpstr (e, ==, "tc-001.svg");
  g_assert_cmpstr (f, ==, "tc-7-b.svg");
}

/* ---------------------------------------------------------------------- */
/* SVG                                                                     */

static void
on_start_element_cb (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  GHashTable *seen = user_data;

  g_hash_table_add (seen, g_strdup (element_name));
}

static void
on_text_cb (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  GHashTable *seen = user_data;

  if (g_strcmp0 (g_markup_parse_context_get_element (context), "text") == 0)
    g_hash_table_add (seen, g_strconcat ("text:", text, NULL));
}

static void
test_svg_text (void)
{
  Fixture fixture = { 0 };
  g_autoptr(MiChartModel) model = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  GMarkupParser parser = { on_start_element_cb, NULL, on_text_cb, NULL, NULL };
  const char *data;
  gsize length;

  fixture_open_example (&fixture);
  model = test_case_model (&fixture, "TC-001");

  svg = mi_chart_render (model, MI_CHART_FORMAT_SVG, 800, 450, FALSE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (svg, &length);
  g_assert_true (g_str_has_prefix (data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));

  /* Well-formed XML, skipping the declaration GMarkup does not read. */
  context = g_markup_parse_context_new (&parser, 0, seen, NULL);
  data = strchr (data, '\n') + 1;
  g_assert_true (g_markup_parse_context_parse (context, data, length - (data - (const char *) g_bytes_get_data (svg, NULL)), &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  /* The labels are text, not glyph outlines. */
  g_assert_true (g_hash_table_contains (seen, "text:TC-001: Load Test (100 users)"));
  g_assert_true (g_hash_table_contains (seen, "text:target < 1,000 ms"));
  g_assert_true (g_hash_table_contains (seen, "text:5,100ms"));
  g_assert_true (g_hash_table_contains (seen, "text:3,800ms"));
  g_assert_true (g_hash_table_contains (seen, "text:380ms"));
  g_assert_true (g_hash_table_contains (seen, "text:\xe2\x88\x92" "93%"));
  g_assert_true (g_hash_table_contains (seen, "text:Attempt 001"));
  g_assert_true (g_hash_table_contains (seen, "desc"));
  g_assert_false (g_hash_table_contains (seen, "path"));
  g_assert_false (g_hash_table_contains (seen, "use"));
  g_assert_false (g_hash_table_contains (seen, "symbol"));

  fixture_close (&fixture);
}

/* ---------------------------------------------------------------------- */
/* Labels never overlap                                                    */

static const char edge_readme[] =
  "# Meta-Issue: Edge cases\n"
  "\n"
  "**Status:** Open\n"
  "\n"
  "## Timeline Summary\n"
  "\n"
  "| Attempt | Date | Approach | Result |\n"
  "|---------|------|----------|--------|\n"
  "| 001 | 2024-01-01 to 2024-01-03 | First | ❌ Failed |\n"
  "| 002 | 2024-01-05 | Second | ⚠️ Partial |\n"
  "| 003 | 2024-02-01 to 2024-02-09 | Third | ✅ Success |\n";

static const char edge_cases[] =
  "# Test Cases\n"
  "\n"
  "## TC-001: Mixed units\n"
  "**Target:** < 1 s\n"
  "\n"
  "**Results:**\n"
  "- Attempt 001: 5,100ms (FAIL)\n"
  "- Attempt 002: 3.8 s (FAIL)\n"
  "- Attempt 003: 900ms (PASS)\n"
  "\n"
  "## TC-002: A missing result\n"
  "**Target:** < 512MB\n"
  "\n"
  "**Results:**\n"
  "- Attempt 001: 4.3GB (FAIL)\n"
  "- Attempt 003: 280MB (PASS)\n"
  "\n"
  "## TC-003: No target\n"
  "\n"
  "**Results:**\n"
  "- Attempt 001: 12 errors\n"
  "- Attempt 002: 4 errors\n"
  "- Attempt 003: pending\n"
  "\n"
  "## TC-004: One attempt only\n"
  "**Target:** > 200 req/s\n"
  "\n"
  "**Results:**\n"
  "- Attempt 002: 340 req/s (PASS)\n"
  "\n"
  "## TC-005: Log axis\n"
  "**Target:** < 50ms\n"
  "\n"
  "**Results:**\n"
  "- Attempt 001: 12 s (FAIL)\n"
  "- Attempt 002: 900ms (FAIL)\n"
  "- Attempt 003: 30ms (PASS)\n";

static void
assert_no_overlap (MiChartLayout *layout)
{
  guint n = mi_chart_layout_get_n_primitives (layout);
  guint n_texts = 0;

  for (guint i = 0; i < n; i++)
    {
      const MiChartPrimitive *a = mi_chart_layout_get_primitive (layout, i);

      if (a->kind != MI_CHART_PRIMITIVE_TEXT)
        continue;

      n_texts++;
      g_assert_cmpstr (a->text, !=, "");
      g_assert_cmpfloat (a->box.width, >, 0);
      g_assert_cmpfloat (a->box.x, >=, 0);
      g_assert_cmpfloat (a->box.y, >=, 0);
      g_assert_cmpfloat (a->box.x + a->box.width, <=, mi_chart_layout_get_width (layout));
      g_assert_cmpfloat (a->box.y + a->box.height, <=, mi_chart_layout_get_height (layout));

      for (guint j = i + 1; j < n; j++)
        {
          const MiChartPrimitive *b = mi_chart_layout_get_primitive (layout, j);

          if (b->kind != MI_CHART_PRIMITIVE_TEXT)
            continue;
          if (mi_chart_box_intersects (&a->box, &b->box))
            g_error ("“%s” (%g,%g %g×%g) overlaps “%s” (%g,%g %g×%g) at %d×%d",
                     a->text, a->box.x, a->box.y, a->box.width, a->box.height,
                     b->text, b->box.x, b->box.y, b->box.width, b->box.height,
                     mi_chart_layout_get_width (layout), mi_chart_layout_get_height (layout));
        }
    }

  g_assert_cmpuint (n_texts, >, 2);
}

static void
assert_model_lays_out (MiChartModel *model)
{
  static const int sizes[][2] = {
    { 800, 450 }, { 320, 240 }, { 1400, 700 }, { 500, 900 }, { 120, 120 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int dark = 0; dark < 2; dark++)
      {
        g_autoptr(MiChartLayout) layout = mi_chart_layout_new (model, sizes[i][0], sizes[i][1], dark);

        assert_no_overlap (layout);
      }
}

static void
test_overlap_edge_cases (void)
{
  Fixture fixture = { 0 };
  static const char *ids[] = { "TC-001", "TC-002", "TC-003", "TC-004", "TC-005" };

  fixture_open_text (&fixture, edge_readme, edge_cases);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(MiChartModel) model = test_case_model (&fixture, ids[i]);

      g_test_message ("%s", ids[i]);
      assert_model_lays_out (model);
    }

  {
    g_autoptr(MiChartModel) model = mi_chart_model_new_for_issue (fixture.issue);

    assert_model_lays_out (model);
  }

  fixture_close (&fixture);
}

static void
test_edge_cases_content (void)
{
  Fixture fixture = { 0 };

  fixture_open_text (&fixture, edge_readme, edge_cases);

  /* Mixed units: one axis in milliseconds. */
  {
    g_autoptr(MiChartModel) model = test_case_model (&fixture, "TC-001");
    g_autoptr(MiChartLayout) layout = mi_chart_layout_new (model, 800, 450, FALSE);
    const MiChartSeries *series = mi_chart_model_get_series (model, 0);
    const MiChartBar *bars = (const MiChartBar *) (gconstpointer) series->bars->data;
    const MiChartItem *first = mi_chart_layout_get_item (layout, 0);
    const MiChartItem *second = mi_chart_layout_get_item (layout, 1);

    g_assert_cmpfloat (bars[1].value, ==, 3800);
    g_assert_cmpstr (bars[1].text, ==, "3.8 s");
    g_assert_nonnull (find_text (layout, "3.8 s"));
    g_assert_cmpfloat (first->box.height, >, second->box.height);
    g_assert_cmpstr (series->target_text, ==, "< 1 s");
  }

  /* A missing result: a note where its bar would be, no bar. */
  {
    g_autoptr(MiChartModel) model = test_case_model (&fixture, "TC-002");
    g_autoptr(MiChartLayout) layout = mi_chart_layout_new (model, 800, 450, FALSE);
    const MiChartPrimitive *note = find_text (layout, "no result");

    g_assert_nonnull (note);
    g_assert_cmpint (note->role, ==, MI_CHART_ROLE_NOTE);
    g_assert_cmpuint (count_role (layout, MI_CHART_ROLE_BAR), ==, 2);
    g_assert_cmpuint (mi_chart_layout_get_n_items (layout), ==, 3);
  }

  /* No target: no line, said so; "pending" is shown as written. */
  {
    g_autoptr(MiChartModel) model = test_case_model (&fixture, "TC-003");
    g_autoptr(MiChartLayout) layout = mi_chart_layout_new (model, 800, 450, FALSE);

    g_assert_cmpuint (count_role (layout, MI_CHART_ROLE_TARGET_LINE), ==, 0);
    g_assert_nonnull (find_text (layout, "No target · linear axis"));
    g_assert_nonnull (find_text (layout, "pending"));
    g_assert_nonnull (find_text (layout, "12 errors"));
  }

  /* Higher is better, from the target's ">". */
  {
    g_autoptr(MiChartModel) model = test_case_model (&fixture, "TC-004");
    g_autoptr(MiChartLayout) layout = mi_chart_layout_new (model, 800, 450, FALSE);

    g_assert_false (mi_chart_model_get_series (model, 0)->lower_is_better);
    g_assert_nonnull (find_text (layout, "Higher is better · linear axis"));
    g_assert_nonnull (find_text (layout, "340 req/s"));
    g_assert_cmpuint (count_role (layout, MI_CHART_ROLE_BAR), ==, 1);
  }

  /* 12 s against 30ms: a logarithmic axis. */
  {
    g_autoptr(MiChartModel) model = test_case_model (&fixture, "TC-005");
    g_autoptr(MiChartLayout) layout = mi_chart_layout_new (model, 800, 450, FALSE);
    double y_30 = mi_chart_layout_value_to_y (layout, 0, 30);
    double y_900 = mi_chart_layout_value_to_y (layout, 0, 900);
    double y_12000 = mi_chart_layout_value_to_y (layout, 0, 12000);

    g_assert_true (mi_chart_layout_get_log_axis (layout));
    g_assert_nonnull (find_text (layout, "Lower is better · logarithmic axis"));
    g_assert_cmpfloat (y_30, >, y_900);
    g_assert_cmpfloat (y_900, >, y_12000);
    /* Equal ratios, equal distances: 900/30 = 30, 12,000/900 ≈ 13.3 */
    g_assert_cmpfloat (fabs ((y_30 - y_900) / (y_900 - y_12000) - log (30) / log (12000.0 / 900)), <, 0.01);
  }

  /* The overview: a row each, fractions of the target, a timeline. */
  {
    g_autoptr(MiChartModel) model = mi_chart_model_new_for_issue (fixture.issue);
    g_autoptr(MiChartLayout) layout = mi_chart_layout_new (model, 800, 500, FALSE);
    const MiChartSeries *tc1 = mi_chart_model_get_series (model, 0);

    g_assert_cmpint (mi_chart_model_get_kind (model), ==, MI_CHART_KIND_OVERVIEW);
    g_assert_cmpuint (mi_chart_model_get_n_series (model), ==, 5);
    g_assert_cmpfloat (fabs (g_array_index (tc1->bars, MiChartBar, 1).value - 3.8), <, 1e-9);
    g_assert_cmpuint (mi_chart_model_get_n_spans (model), ==, 3);
    g_assert_nonnull (find_text (layout, "TC-004"));
    g_assert_nonnull (find_text (layout, "no target"));
    g_assert_nonnull (find_text (layout, "Timeline"));
    g_assert_nonnull (find_text (layout, "2024-01-01"));
    g_assert_nonnull (find_text (layout, "2024-02-09"));
    g_assert_cmpuint (count_role (layout, MI_CHART_ROLE_SPAN), ==, 3);
  }

  fixture_close (&fixture);
}

/* n attempts × m test cases, values spread over two decades. */
static void
write_big (GString *readme,
           GString *cases,
           guint    n_attempts,
           guint    n_cases)
{
  g_string_append (readme, "# Meta-Issue: Many attempts\n\n**Status:** In Progress\n\n"
                           "## Timeline Summary\n\n| Attempt | Date | Approach | Result |\n"
                           "|---------|------|----------|--------|\n");
  for (guint a = 1; a <= n_attempts; a++)
    g_string_append_printf (readme, "| %03u | 2024-%02u-%02u to 2024-%02u-%02u | Try %u | %s |\n",
                            a, 1 + (a - 1) / 5, 1 + ((a - 1) % 5) * 5, 1 + (a - 1) / 5,
                            4 + ((a - 1) % 5) * 5, a,
                            a == n_attempts ? "✅ Success" : a % 3 == 0 ? "⚠️ Partial" : "❌ Failed");

  g_string_append (cases, "# Test Cases\n");
  for (guint c = 1; c <= n_cases; c++)
    {
      g_string_append_printf (cases, "\n## TC-%03u: Case number %u with a long title\n"
                                     "**Target:** < 1,000ms\n\n**Results:**\n", c, c);
      for (guint a = 1; a <= n_attempts; a++)
        {
          double value = 100.0 * (1 + ((a * 7 + c * 13) % 100));

          g_string_append_printf (cases, "- Attempt %03u: %.0fms (%s)\n", a, value,
                                  value < 1000 ? "PASS" : "FAIL");
        }
    }
}

static void
test_overlap_many (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GString) readme = g_string_new (NULL);
  g_autoptr(GString) cases = g_string_new (NULL);

  write_big (readme, cases, 50, 20);
  fixture_open_text (&fixture, readme->str, cases->str);

  {
    g_autoptr(MiChartModel) model = test_case_model (&fixture, "TC-001");
    g_autoptr(MiChartLayout) layout = mi_chart_layout_new (model, 800, 450, FALSE);
    guint n_labels = count_role (layout, MI_CHART_ROLE_CATEGORY_LABEL);

    g_assert_cmpuint (mi_chart_model_get_series (model, 0)->bars->len, ==, 50);
    g_assert_cmpuint (count_role (layout, MI_CHART_ROLE_BAR), ==, 50);
    /* Not every attempt number fits: every other one at least. */
    g_assert_cmpuint (n_labels, >=, 10);
    g_assert_cmpuint (n_labels, <=, 50);
    assert_model_lays_out (model);
  }

  {
    g_autoptr(MiChartModel) model = mi_chart_model_new_for_issue (fixture.issue);
    g_autoptr(MiChartLayout) layout = mi_chart_layout_new (model, 1000, 700, FALSE);

    g_assert_cmpuint (mi_chart_model_get_n_series (model), ==, 20);
    g_assert_cmpuint (count_role (layout, MI_CHART_ROLE_BAR), ==, 1000);
    g_assert_cmpuint (mi_chart_model_get_n_spans (model), ==, 50);
    assert_model_lays_out (model);
  }

  fixture_close (&fixture);
}

/* ---------------------------------------------------------------------- */
/* Files                                                                   */

static char *
read_relative (Fixture    *fixture,
               const char *relative)
{
  g_autofree char *path = g_build_filename (fixture->root, "docs", "meta-issues", EXAMPLE_SLUG,
                                            relative, NULL);

  return mi_test_read_file (path, NULL);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_insert_chart (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *golden_path = mi_test_source_path ("tests", "golden", "insert-chart-test-cases.md", NULL);
  g_autofree char *golden = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *svg = NULL;
  MiTestCase *test_case;

  fixture_open_example (&fixture);

  g_assert_true (mi_issue_insert_chart (fixture.issue, "TC-001", 0, 0, &error));
  g_assert_no_error (error);

  first = read_relative (&fixture, "test-cases.md");
  if (g_getenv ("MI_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (golden_path, first, -1, NULL));
  golden = mi_test_read_file (golden_path, NULL);
  g_assert_nonnull (golden);
  g_assert_cmpstr (first, ==, golden);
  g_assert_cmpuint (count_occurrences (first, "](./charts/tc-001.svg)"), ==, 1);

  svg = read_relative (&fixture, "charts/tc-001.svg");
  g_assert_nonnull (svg);
  g_assert_nonnull (strstr (svg, ">target &lt; 1,000 ms</text>"));

  /* The model was parsed again, and still reads the results. */
  test_case = mi_issue_find_test_case (fixture.issue, "TC-001");
  g_assert_nonnull (test_case);
  g_assert_cmpuint (g_list_model_get_n_items (mi_test_case_get_results (test_case)), ==, 3);

  /* Again, after a new result: the SVG shows it, the link stays one. */
  g_assert_true (mi_issue_add_attempt (fixture.issue, "Read replicas", NULL, "2024-11-02", &error) != NULL);
  g_assert_no_error (error);
  g_assert_true (mi_issue_record_result (fixture.issue, "TC-001", 4, "290ms", MI_VERDICT_UNKNOWN, MI_RECORD_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (mi_issue_insert_chart (fixture.issue, "TC-001", 0, 0, &error));
  g_assert_no_error (error);

  second = read_relative (&fixture, "test-cases.md");
  g_assert_cmpuint (count_occurrences (second, "](./charts/tc-001.svg)"), ==, 1);
  g_clear_pointer (&svg, g_free);
  svg = read_relative (&fixture, "charts/tc-001.svg");
  g_assert_nonnull (strstr (svg, ">290ms</text>"));

  /* An unknown test case: an error, nothing written. */
  g_assert_false (mi_issue_insert_chart (fixture.issue, "TC-099", 0, 0, &error));
  g_assert_error (error, MI_ISSUE_ERROR, MI_ISSUE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autofree char *after = read_relative (&fixture, "test-cases.md");
    g_autofree char *none = read_relative (&fixture, "charts/tc-099.svg");

    g_assert_cmpstr (after, ==, second);
    g_assert_null (none);
  }

  fixture_close (&fixture);
}

static void
test_insert_chart_twice (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;

  fixture_open_example (&fixture);

  g_assert_true (mi_issue_insert_chart (fixture.issue, "TC-002", 640, 360, &error));
  g_assert_no_error (error);
  once = read_relative (&fixture, "test-cases.md");
  g_assert_true (mi_issue_insert_chart (fixture.issue, "TC-002", 640, 360, &error));
  g_assert_no_error (error);
  twice = read_relative (&fixture, "test-cases.md");

  g_assert_cmpstr (once, ==, twice);
  g_assert_cmpuint (count_occurrences (twice, "![TC-002 chart](./charts/tc-002.svg)"), ==, 1);
  g_assert_nonnull (strstr (twice, "- Attempt 003: 280MB (PASS) ✅\n\n![TC-002 chart](./charts/tc-002.svg)\n\n**Notes:**"));

  fixture_close (&fixture);
}

static void
test_export_errors (void)
{
  Fixture fixture = { 0 };
  g_autoptr(MiChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  MiChartFormat format;

  g_assert_false (mi_chart_format_for_name ("chart.jpg", &format, &error));
  g_assert_error (error, MI_CHART_ERROR, MI_CHART_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (mi_chart_format_for_name ("Chart.SVG", &format, NULL));
  g_assert_cmpint (format, ==, MI_CHART_FORMAT_SVG);

  fixture_open_example (&fixture);
  model = test_case_model (&fixture, "TC-003");

  bytes = mi_chart_render (model, MI_CHART_FORMAT_PNG, 10, 450, FALSE, &error);
  g_assert_error (error, MI_CHART_ERROR, MI_CHART_ERROR_SIZE);
  g_assert_null (bytes);
  g_clear_error (&error);

  /* PNG and SVG files, whole. */
  path = g_build_filename (fixture.root, "tc-003.png", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (mi_chart_export_png (model, file, 400, 300, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &data, &length, NULL));
    g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  }
  g_clear_object (&file);
  g_free (path);
  path = g_build_filename (fixture.root, "tc-003.svg", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (mi_chart_export_svg (model, file, 400, 300, FALSE, &error));
  g_assert_no_error (error);

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/format", test_format);
  g_test_add_func ("/chart/model/tc-001", test_model_tc001);
  g_test_add_func ("/chart/png/tc-001", test_png_tc001);
  g_test_add_func ("/chart/svg/text", test_svg_text);
  g_test_add_func ("/chart/edge-cases", test_edge_cases_content);
  g_test_add_func ("/chart/overlap/edge-cases", test_overlap_edge_cases);
  g_test_add_func ("/chart/overlap/many", test_overlap_many);
  g_test_add_func ("/chart/insert", test_insert_chart);
  g_test_add_func ("/chart/insert/twice", test_insert_chart_twice);
  g_test_add_func ("/chart/export/errors", test_export_errors);

  ret = g_test_run ();
  mi_chart_release_fonts ();

  return ret;
}
