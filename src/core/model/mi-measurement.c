/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-measurement"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mi-model-private.h"

/* struct _MiMeasurement is in mi-model-private.h */

G_DEFINE_FINAL_TYPE (MiMeasurement, mi_measurement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_VALUE,
  PROP_UNIT,
  PROP_DIMENSION,
  PROP_BASE_VALUE,
  PROP_BASE_UNIT,
  PROP_OP,
  PROP_QUALIFIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define KIB (1024.0)
#define MIB (1024.0 * 1024.0)
#define GIB (1024.0 * 1024.0 * 1024.0)
#define TIB (1024.0 * 1024.0 * 1024.0 * 1024.0)

#define MS_PER_SECOND (1000.0)
#define MS_PER_MINUTE (60.0 * 1000.0)
#define MS_PER_HOUR   (60.0 * 60.0 * 1000.0)
#define MS_PER_DAY    (24.0 * 60.0 * 60.0 * 1000.0)

typedef struct
{
  const char  *name;       /* lower case */
  MiDimension  dimension;
  double       factor;     /* base units per unit */
} UnitInfo;

/*
 * Units are matched without regard to case: "MB", "mb" and "Mb" are all
 * megabytes, and "ms", "MS" and "Ms" are all milliseconds (nobody measures
 * in megaseconds or millibytes).
 *
 * Sizes use binary steps of 1024 whatever the prefix is spelled ("KB" and
 * "KiB", "MB" and "MiB" are the same): the numbers in a meta-issue come from
 * tools (top, ps, heap profilers) that mostly report binary units under
 * decimal names, and the values of one issue must compare with each other.
 */
static const UnitInfo units[] = {
  { "ns",           MI_DIMENSION_TIME,  1e-6 },
  { "µs",           MI_DIMENSION_TIME,  1e-3 },  /* U+00B5 MICRO SIGN */
  { "μs",           MI_DIMENSION_TIME,  1e-3 },  /* U+03BC GREEK SMALL LETTER MU */
  { "us",           MI_DIMENSION_TIME,  1e-3 },
  { "ms",           MI_DIMENSION_TIME,  1.0 },
  { "msec",         MI_DIMENSION_TIME,  1.0 },
  { "msecs",        MI_DIMENSION_TIME,  1.0 },
  { "s",            MI_DIMENSION_TIME,  MS_PER_SECOND },
  { "sec",          MI_DIMENSION_TIME,  MS_PER_SECOND },
  { "secs",         MI_DIMENSION_TIME,  MS_PER_SECOND },
  { "second",       MI_DIMENSION_TIME,  MS_PER_SECOND },
  { "seconds",      MI_DIMENSION_TIME,  MS_PER_SECOND },
  { "min",          MI_DIMENSION_TIME,  MS_PER_MINUTE },
  { "mins",         MI_DIMENSION_TIME,  MS_PER_MINUTE },
  { "minute",       MI_DIMENSION_TIME,  MS_PER_MINUTE },
  { "minutes",      MI_DIMENSION_TIME,  MS_PER_MINUTE },
  { "h",            MI_DIMENSION_TIME,  MS_PER_HOUR },
  { "hr",           MI_DIMENSION_TIME,  MS_PER_HOUR },
  { "hrs",          MI_DIMENSION_TIME,  MS_PER_HOUR },
  { "hour",         MI_DIMENSION_TIME,  MS_PER_HOUR },
  { "hours",        MI_DIMENSION_TIME,  MS_PER_HOUR },
  { "d",            MI_DIMENSION_TIME,  MS_PER_DAY },
  { "day",          MI_DIMENSION_TIME,  MS_PER_DAY },
  { "days",         MI_DIMENSION_TIME,  MS_PER_DAY },

  { "b",            MI_DIMENSION_SIZE,  1.0 },
  { "byte",         MI_DIMENSION_SIZE,  1.0 },
  { "bytes",        MI_DIMENSION_SIZE,  1.0 },
  { "kb",           MI_DIMENSION_SIZE,  KIB },
  { "kib",          MI_DIMENSION_SIZE,  KIB },
  { "mb",           MI_DIMENSION_SIZE,  MIB },
  { "mib",          MI_DIMENSION_SIZE,  MIB },
  { "gb",           MI_DIMENSION_SIZE,  GIB },
  { "gib",          MI_DIMENSION_SIZE,  GIB },
  { "tb",           MI_DIMENSION_SIZE,  TIB },
  { "tib",          MI_DIMENSION_SIZE,  TIB },

  { "%",            MI_DIMENSION_RATIO, 1.0 },
  { "percent",      MI_DIMENSION_RATIO, 1.0 },

  { "rps",          MI_DIMENSION_RATE,  1.0 },
  { "qps",          MI_DIMENSION_RATE,  1.0 },
  { "tps",          MI_DIMENSION_RATE,  1.0 },
  { "rpm",          MI_DIMENSION_RATE,  1.0 / 60.0 },

  { "x",            MI_DIMENSION_COUNT, 1.0 },
  { "times",        MI_DIMENSION_COUNT, 1.0 },
  { "user",         MI_DIMENSION_COUNT, 1.0 },
  { "users",        MI_DIMENSION_COUNT, 1.0 },
  { "req",          MI_DIMENSION_COUNT, 1.0 },
  { "reqs",         MI_DIMENSION_COUNT, 1.0 },
  { "request",      MI_DIMENSION_COUNT, 1.0 },
  { "requests",     MI_DIMENSION_COUNT, 1.0 },
  { "error",        MI_DIMENSION_COUNT, 1.0 },
  { "errors",       MI_DIMENSION_COUNT, 1.0 },
  { "item",         MI_DIMENSION_COUNT, 1.0 },
  { "items",        MI_DIMENSION_COUNT, 1.0 },
  { "file",         MI_DIMENSION_COUNT, 1.0 },
  { "files",        MI_DIMENSION_COUNT, 1.0 },
  { "op",           MI_DIMENSION_COUNT, 1.0 },
  { "ops",          MI_DIMENSION_COUNT, 1.0 },
  { "query",        MI_DIMENSION_COUNT, 1.0 },
  { "queries",      MI_DIMENSION_COUNT, 1.0 },
  { "call",         MI_DIMENSION_COUNT, 1.0 },
  { "calls",        MI_DIMENSION_COUNT, 1.0 },
  { "row",          MI_DIMENSION_COUNT, 1.0 },
  { "rows",         MI_DIMENSION_COUNT, 1.0 },
  { "connection",   MI_DIMENSION_COUNT, 1.0 },
  { "connections",  MI_DIMENSION_COUNT, 1.0 },
};

/* "N/s", "req/s", "ops/min": a count per unit of time. */
static const UnitInfo rate_periods[] = {
  { "s",            MI_DIMENSION_RATE,  1.0 },
  { "sec",          MI_DIMENSION_RATE,  1.0 },
  { "second",       MI_DIMENSION_RATE,  1.0 },
  { "min",          MI_DIMENSION_RATE,  1.0 / 60.0 },
  { "minute",       MI_DIMENSION_RATE,  1.0 / 60.0 },
  { "h",            MI_DIMENSION_RATE,  1.0 / 3600.0 },
  { "hr",           MI_DIMENSION_RATE,  1.0 / 3600.0 },
  { "hour",         MI_DIMENSION_RATE,  1.0 / 3600.0 },
};

static const char *
get_base_unit (MiDimension dimension)
{
  switch (dimension)
    {
    case MI_DIMENSION_TIME:  return "ms";
    case MI_DIMENSION_SIZE:  return "B";
    case MI_DIMENSION_RATIO: return "%";
    case MI_DIMENSION_RATE:  return "/s";
    case MI_DIMENSION_COUNT:
    case MI_DIMENSION_NONE:
    default:                 return "";
    }
}

static const UnitInfo *
lookup_unit (const UnitInfo *table,
             gsize           n_entries,
             const char     *name)
{
  gsize i;

  for (i = 0; i < n_entries; i++)
    if (g_str_equal (table[i].name, name))
      return &table[i];

  return NULL;
}

/* Finds the dimension of @unit and how many base units one @unit is.
 * Returns FALSE for a unit that is not known.
 */
static gboolean
classify_unit (const char  *unit,
               MiDimension *dimension,
               double      *factor)
{
  g_autofree char *lower = g_utf8_strdown (unit, -1);
  const UnitInfo *info;
  const char *slash;

  if ((info = lookup_unit (units, G_N_ELEMENTS (units), lower)))
    {
      *dimension = info->dimension;
      *factor = info->factor;
      return TRUE;
    }

  if ((slash = strrchr (lower, '/')) &&
      (info = lookup_unit (rate_periods, G_N_ELEMENTS (rate_periods), slash + 1)))
    {
      g_autofree char *what = g_strndup (lower, slash - lower);
      const UnitInfo *counted = lookup_unit (units, G_N_ELEMENTS (units), what);

      /* "/s", "req/s", "queries/min"; but "MB/s" is not a count per second */
      if (what[0] == '\0' || (counted && counted->dimension == MI_DIMENSION_COUNT))
        {
          *dimension = MI_DIMENSION_RATE;
          *factor = info->factor;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

static const char *
skip_prefix (const char *p,
             const char *prefix)
{
  gsize len = strlen (prefix);

  if (strncmp (p, prefix, len) == 0)
    return p + len;

  return NULL;
}

static const char *
parse_op (const char *p,
          MiOp       *op)
{
  static const struct {
    const char *text;
    MiOp        op;
  } ops[] = {
    /* longest first */
    { "<=", MI_OP_LE },
    { "≤",  MI_OP_LE },
    { ">=", MI_OP_GE },
    { "≥",  MI_OP_GE },
    { "==", MI_OP_EQ },
    { "<",  MI_OP_LT },
    { ">",  MI_OP_GT },
    { "=",  MI_OP_EQ },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      const char *after = skip_prefix (p, ops[i].text);

      if (after != NULL)
        {
          *op = ops[i].op;
          return after;
        }
    }

  *op = MI_OP_NONE;

  return p;
}

/* Reads "5,100", "1,000,000", "3.8", ".5" into @digits (without the
 * separators). Commas only count in groups of three after a first group of
 * one to three digits: "12,34" reads as 12.
 */
static const char *
parse_number (const char *p,
              GString    *digits)
{
  gsize first_group = 0;

  while (g_ascii_isdigit (*p))
    {
      g_string_append_c (digits, *p++);
      first_group++;
    }

  if (first_group > 0 && first_group <= 3)
    {
      while (p[0] == ',' &&
             g_ascii_isdigit (p[1]) &&
             g_ascii_isdigit (p[2]) &&
             g_ascii_isdigit (p[3]) &&
             !g_ascii_isdigit (p[4]))
        {
          g_string_append_len (digits, p + 1, 3);
          p += 4;
        }
    }

  if (p[0] == '.' && g_ascii_isdigit (p[1]))
    {
      g_string_append_c (digits, *p++);
      while (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p++);
    }

  return p;
}

/* A unit is "%" alone, or a run of letters and slashes: "ms", "µs", "GB",
 * "req/s", "/s", "nDCG".
 */
static const char *
parse_unit (const char *p,
            char      **unit)
{
  const char *start = p;
  const char *end;

  if (*p == '%')
    {
      *unit = g_strdup ("%");
      return p + 1;
    }

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '/' && !g_unichar_isalpha (c))
        break;

      p = g_utf8_next_char (p);
    }

  /* "5 ms/" is "ms" */
  for (end = p; end > start && end[-1] == '/'; end--)
    ;

  *unit = g_strndup (start, end - start);

  return p;
}

/* "(avg)" → "avg"; nested parentheses are kept: "(p95 (cold))" → "p95 (cold)" */
static char *
parse_qualifier (const char *p)
{
  const char *start;
  guint depth = 1;

  if (*p != '(')
    return NULL;

  start = ++p;

  for (; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && --depth == 0)
        {
          g_autofree char *qualifier = g_strndup (start, p - start);

          g_strstrip (qualifier);
          if (qualifier[0] == '\0')
            return NULL;

          return g_steal_pointer (&qualifier);
        }
    }

  return NULL;
}

/* Writes @value with up to three significant digits and thousands
 * separators: 1234 → "1,230", 16.8 → "16.8", 4.30001 → "4.3". The markdown
 * is written with "," and "." whatever the locale, and so is this.
 */
static char *
format_number (double value)
{
  GString *str;
  gboolean negative = value < 0;
  double magnitude = fabs (value);
  g_autofree char *int_part = NULL;
  guint64 scale = 1;
  guint64 n;
  int digits;
  int decimals;
  int i;
  gsize len;

  if (!isfinite (value))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
    }

  if (magnitude >= 1e15)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.3g", value));
    }

  if (magnitude == 0)
    return g_strdup ("0");

  digits = (int) floor (log10 (magnitude)) + 1;
  decimals = CLAMP (3 - digits, 0, 9);

  for (i = 0; i < decimals; i++)
    scale *= 10;

  if (digits > 3)
    {
      double step = pow (10, digits - 3);

      n = (guint64) llround (magnitude / step) * (guint64) step;
    }
  else
    {
      n = (guint64) llround (magnitude * (double) scale);
    }

  if (n == 0)
    return g_strdup ("0");

  str = g_string_new (negative ? "-" : NULL);

  int_part = g_strdup_printf ("%" G_GUINT64_FORMAT, n / scale);
  len = strlen (int_part);
  for (i = 0; (gsize) i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, int_part[i]);
    }

  if (decimals > 0 && n % scale != 0)
    {
      g_autofree char *frac = g_strdup_printf ("%0*" G_GUINT64_FORMAT, decimals, n % scale);
      gsize frac_len = strlen (frac);

      while (frac_len > 0 && frac[frac_len - 1] == '0')
        frac[--frac_len] = '\0';

      g_string_append_printf (str, ".%s", frac);
    }

  return g_string_free (str, FALSE);
}

static char *
format_with_unit (double      value,
                  const char *separator,
                  const char *unit)
{
  g_autofree char *number = format_number (value);

  return g_strconcat (number, separator, unit, NULL);
}

static void
mi_measurement_finalize (GObject *object)
{
  MiMeasurement *self = (MiMeasurement *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->qualifier, g_free);
  self->base_unit = NULL;

  G_OBJECT_CLASS (mi_measurement_parent_class)->finalize (object);
}

static void
mi_measurement_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MiMeasurement *self = MI_MEASUREMENT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, mi_measurement_get_text (self));
      break;

    case PROP_VALUE:
      g_value_set_double (value, mi_measurement_get_value (self));
      break;

    case PROP_UNIT:
      g_value_set_string (value, mi_measurement_get_unit (self));
      break;

    case PROP_DIMENSION:
      g_value_set_enum (value, mi_measurement_get_dimension (self));
      break;

    case PROP_BASE_VALUE:
      g_value_set_double (value, mi_measurement_get_base_value (self));
      break;

    case PROP_BASE_UNIT:
      g_value_set_string (value, mi_measurement_get_base_unit (self));
      break;

    case PROP_OP:
      g_value_set_enum (value, mi_measurement_get_op (self));
      break;

    case PROP_QUALIFIER:
      g_value_set_string (value, mi_measurement_get_qualifier (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_measurement_class_init (MiMeasurementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mi_measurement_finalize;
  object_class->get_property = mi_measurement_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DIMENSION] =
    g_param_spec_enum ("dimension", NULL, NULL,
                       MI_TYPE_DIMENSION,
                       MI_DIMENSION_NONE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASE_VALUE] =
    g_param_spec_double ("base-value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASE_UNIT] =
    g_param_spec_string ("base-unit", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_OP] =
    g_param_spec_enum ("op", NULL, NULL,
                       MI_TYPE_OP,
                       MI_OP_NONE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUALIFIER] =
    g_param_spec_string ("qualifier", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mi_measurement_init (MiMeasurement *self)
{
  self->dimension = MI_DIMENSION_NONE;
  self->op = MI_OP_NONE;
}

MiMeasurement *
mi_measurement_new_internal (void)
{
  return g_object_new (MI_TYPE_MEASUREMENT, NULL);
}

/**
 * mi_measurement_parse:
 * @text: (nullable): a value as written: "5,100ms", "3.8 s", "< 1,000ms (avg)",
 *   "≥ 99.9%", "~280MB", "0.71 nDCG"
 *
 * Reads an optional comparison, an optional "~", a signed number with
 * optional thousands separators, an optional unit and an optional
 * "(qualifier)". What follows is ignored.
 *
 * Returns: (transfer full) (nullable): the measurement, or %NULL when @text
 *   does not start with a number ("pending", "TBD", "").
 */
MiMeasurement *
mi_measurement_parse (const char *text)
{
  g_autoptr(MiMeasurement) self = NULL;
  g_autoptr(GString) digits = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *unit = NULL;
  const char *p;
  const char *number_start;
  MiDimension dimension;
  double factor;
  MiOp op;

  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  p = parse_op (skip_spaces (text), &op);
  p = skip_spaces (p);

  if (*p == '~')
    p = skip_spaces (p + 1);

  digits = g_string_new (NULL);

  if (*p == '-' || *p == '+')
    {
      if (*p == '-')
        g_string_append_c (digits, '-');
      p++;
    }
  else if (g_str_has_prefix (p, "−"))  /* U+2212 MINUS SIGN */
    {
      g_string_append_c (digits, '-');
      p += strlen ("−");
    }

  number_start = p;
  p = parse_number (p, digits);
  if (p == number_start)
    return NULL;

  p = parse_unit (skip_spaces (p), &unit);

  self = mi_measurement_new_internal ();
  self->text = g_strstrip (g_strdup (text));
  self->op = op;
  self->value = g_ascii_strtod (digits->str, NULL);
  self->unit = g_steal_pointer (&unit);
  self->qualifier = parse_qualifier (skip_spaces (p));

  if (self->unit[0] == '\0')
    {
      self->dimension = MI_DIMENSION_NONE;
      self->base_value = self->value;
      self->base_unit = get_base_unit (MI_DIMENSION_NONE);
    }
  else if (classify_unit (self->unit, &dimension, &factor))
    {
      self->dimension = dimension;
      self->base_value = self->value * factor;
      self->base_unit = get_base_unit (dimension);
    }
  else
    {
      self->dimension = MI_DIMENSION_NONE;
      self->base_value = self->value;
      self->base_unit = self->unit;
    }

  return g_steal_pointer (&self);
}

const char *
mi_measurement_get_text (MiMeasurement *self)
{
  g_return_val_if_fail (MI_IS_MEASUREMENT (self), NULL);

  return self->text;
}

double
mi_measurement_get_value (MiMeasurement *self)
{
  g_return_val_if_fail (MI_IS_MEASUREMENT (self), 0);

  return self->value;
}

/**
 * mi_measurement_get_unit:
 *
 * Returns: the unit as written ("ms", "GB", "nDCG"), "" when none
 */
const char *
mi_measurement_get_unit (MiMeasurement *self)
{
  g_return_val_if_fail (MI_IS_MEASUREMENT (self), NULL);

  return self->unit != NULL ? self->unit : "";
}

MiDimension
mi_measurement_get_dimension (MiMeasurement *self)
{
  g_return_val_if_fail (MI_IS_MEASUREMENT (self), MI_DIMENSION_NONE);

  return self->dimension;
}

double
mi_measurement_get_base_value (MiMeasurement *self)
{
  g_return_val_if_fail (MI_IS_MEASUREMENT (self), 0);

  return self->base_value;
}

/**
 * mi_measurement_get_base_unit:
 *
 * Returns: "ms", "B", "%", "/s"; "" for counts and bare numbers; the unit as
 *   written for a unit that is not known
 */
const char *
mi_measurement_get_base_unit (MiMeasurement *self)
{
  g_return_val_if_fail (MI_IS_MEASUREMENT (self), NULL);

  return self->base_unit != NULL ? self->base_unit : "";
}

MiOp
mi_measurement_get_op (MiMeasurement *self)
{
  g_return_val_if_fail (MI_IS_MEASUREMENT (self), MI_OP_NONE);

  return self->op;
}

const char *
mi_measurement_get_qualifier (MiMeasurement *self)
{
  g_return_val_if_fail (MI_IS_MEASUREMENT (self), NULL);

  return self->qualifier;
}

/**
 * mi_measurement_lower_is_better:
 * @target: a target
 *
 * Returns: %FALSE for targets written with ">" or ">=", %TRUE otherwise
 */
gboolean
mi_measurement_lower_is_better (MiMeasurement *target)
{
  g_return_val_if_fail (MI_IS_MEASUREMENT (target), TRUE);

  return target->op != MI_OP_GT && target->op != MI_OP_GE;
}

static gboolean
approx_equal (double a,
              double b)
{
  return fabs (a - b) <= 1e-9 * MAX (fabs (a), fabs (b));
}

/**
 * mi_measurement_judge:
 * @target: (nullable): a target with a comparison: "< 1,000ms"
 * @value: (nullable): a measured value: "3.8 s"
 *
 * Compares in base units, so "3.8 s" fails "< 1,000ms". Values that agree
 * to nine significant digits count as equal, so "1 min" meets "<= 60 s".
 *
 * Returns: %MI_VERDICT_UNKNOWN when either is %NULL, the target has no
 *   comparison, or the two do not measure the same thing
 */
/**
 * mi_measurement_is_comparable:
 *
 * Whether @value measures the same kind of thing as @target: the same
 * dimension (1.2 s and < 1,000ms), or the same unit when neither has a
 * dimension. "300MB" against "< 1,000ms" is not, nor "42" against it.
 */
gboolean
mi_measurement_is_comparable (MiMeasurement *target,
                              MiMeasurement *value)
{
  g_autofree char *target_unit = NULL;
  g_autofree char *value_unit = NULL;

  g_return_val_if_fail (MI_IS_MEASUREMENT (target), FALSE);
  g_return_val_if_fail (MI_IS_MEASUREMENT (value), FALSE);

  if (target->dimension != value->dimension)
    return FALSE;
  if (target->dimension != MI_DIMENSION_NONE)
    return TRUE;

  target_unit = g_utf8_casefold (mi_measurement_get_unit (target), -1);
  value_unit = g_utf8_casefold (mi_measurement_get_unit (value), -1);
  return g_str_equal (target_unit, value_unit);
}

MiVerdict
mi_measurement_judge (MiMeasurement *target,
                      MiMeasurement *value)
{
  gboolean pass;
  double t;
  double v;

  if (target == NULL || value == NULL)
    return MI_VERDICT_UNKNOWN;

  g_return_val_if_fail (MI_IS_MEASUREMENT (target), MI_VERDICT_UNKNOWN);
  g_return_val_if_fail (MI_IS_MEASUREMENT (value), MI_VERDICT_UNKNOWN);

  if (target->op == MI_OP_NONE || target->dimension != value->dimension)
    return MI_VERDICT_UNKNOWN;

  if (target->dimension == MI_DIMENSION_NONE)
    {
      g_autofree char *target_unit = g_utf8_casefold (mi_measurement_get_unit (target), -1);
      g_autofree char *value_unit = g_utf8_casefold (mi_measurement_get_unit (value), -1);

      if (!g_str_equal (target_unit, value_unit))
        return MI_VERDICT_UNKNOWN;
    }

  t = target->base_value;
  v = value->base_value;

  switch (target->op)
    {
    case MI_OP_LT: pass = v < t && !approx_equal (v, t); break;
    case MI_OP_LE: pass = v < t || approx_equal (v, t); break;
    case MI_OP_GT: pass = v > t && !approx_equal (v, t); break;
    case MI_OP_GE: pass = v > t || approx_equal (v, t); break;
    case MI_OP_EQ: pass = approx_equal (v, t); break;
    case MI_OP_NONE:
    default:
      g_return_val_if_reached (MI_VERDICT_UNKNOWN);
    }

  return pass ? MI_VERDICT_PASS : MI_VERDICT_FAIL;
}

/**
 * mi_measurement_format_base:
 * @dimension: the dimension of @base_value
 * @base_value: a value in the dimension's base unit
 *
 * Writes a value in the unit that fits it best, with up to three significant
 * digits: 3800 ms → "3.8 s", 293601280 B → "280 MB", 25 → "25%",
 * 1200 /s → "1,200/s".
 *
 * Returns: (transfer full): the text
 */
char *
mi_measurement_format_base (MiDimension dimension,
                            double      base_value)
{
  double magnitude = fabs (base_value);

  switch (dimension)
    {
    case MI_DIMENSION_TIME:
      if (magnitude >= MS_PER_DAY)
        return format_with_unit (base_value / MS_PER_DAY, " ", "d");
      if (magnitude >= MS_PER_HOUR)
        return format_with_unit (base_value / MS_PER_HOUR, " ", "h");
      if (magnitude >= MS_PER_MINUTE)
        return format_with_unit (base_value / MS_PER_MINUTE, " ", "min");
      if (magnitude >= MS_PER_SECOND)
        return format_with_unit (base_value / MS_PER_SECOND, " ", "s");
      if (magnitude >= 1.0 || magnitude == 0)
        return format_with_unit (base_value, " ", "ms");
      if (magnitude >= 1e-3)
        return format_with_unit (base_value * 1e3, " ", "µs");
      return format_with_unit (base_value * 1e6, " ", "ns");

    case MI_DIMENSION_SIZE:
      if (magnitude >= TIB)
        return format_with_unit (base_value / TIB, " ", "TB");
      if (magnitude >= GIB)
        return format_with_unit (base_value / GIB, " ", "GB");
      if (magnitude >= MIB)
        return format_with_unit (base_value / MIB, " ", "MB");
      if (magnitude >= KIB)
        return format_with_unit (base_value / KIB, " ", "KB");
      return format_with_unit (base_value, " ", "B");

    case MI_DIMENSION_RATIO:
      return format_with_unit (base_value, "", "%");

    case MI_DIMENSION_RATE:
      if (magnitude >= 1.0 || magnitude == 0)
        return format_with_unit (base_value, "", "/s");
      return format_with_unit (base_value * 60.0, "", "/min");

    case MI_DIMENSION_COUNT:
    case MI_DIMENSION_NONE:
    default:
      return format_number (base_value);
    }
}
