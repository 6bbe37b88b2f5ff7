/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-types"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-types.h"

G_DEFINE_ENUM_TYPE (MiStatus, mi_status,
  G_DEFINE_ENUM_VALUE (MI_STATUS_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (MI_STATUS_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (MI_STATUS_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (MI_STATUS_RESOLVED, "resolved"),
  G_DEFINE_ENUM_VALUE (MI_STATUS_ABANDONED, "abandoned"),
  G_DEFINE_ENUM_VALUE (MI_STATUS_SUPERSEDED, "superseded"))

G_DEFINE_ENUM_TYPE (MiOutcome, mi_outcome,
  G_DEFINE_ENUM_VALUE (MI_OUTCOME_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (MI_OUTCOME_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (MI_OUTCOME_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (MI_OUTCOME_PARTIAL, "partial"),
  G_DEFINE_ENUM_VALUE (MI_OUTCOME_SUCCESS, "success"))

G_DEFINE_ENUM_TYPE (MiVerdict, mi_verdict,
  G_DEFINE_ENUM_VALUE (MI_VERDICT_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (MI_VERDICT_PASS, "pass"),
  G_DEFINE_ENUM_VALUE (MI_VERDICT_FAIL, "fail"))

G_DEFINE_ENUM_TYPE (MiDimension, mi_dimension,
  G_DEFINE_ENUM_VALUE (MI_DIMENSION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (MI_DIMENSION_TIME, "time"),
  G_DEFINE_ENUM_VALUE (MI_DIMENSION_SIZE, "size"),
  G_DEFINE_ENUM_VALUE (MI_DIMENSION_RATIO, "ratio"),
  G_DEFINE_ENUM_VALUE (MI_DIMENSION_COUNT, "count"),
  G_DEFINE_ENUM_VALUE (MI_DIMENSION_RATE, "rate"))

G_DEFINE_ENUM_TYPE (MiOp, mi_op,
  G_DEFINE_ENUM_VALUE (MI_OP_NONE, "none"),
  G_DEFINE_ENUM_VALUE (MI_OP_LT, "lt"),
  G_DEFINE_ENUM_VALUE (MI_OP_LE, "le"),
  G_DEFINE_ENUM_VALUE (MI_OP_GT, "gt"),
  G_DEFINE_ENUM_VALUE (MI_OP_GE, "ge"),
  G_DEFINE_ENUM_VALUE (MI_OP_EQ, "eq"))

/* The symbols the readers understand. Everything else that is not a letter
 * or a digit (punctuation, `**`, other emoji, variation selectors) only
 * separates words.
 */
static gboolean
is_known_symbol (gunichar c)
{
  switch (c)
    {
    case 0x2705:  /* ✅ */
    case 0x2714:  /* ✔ */
    case 0x2713:  /* ✓ */
    case 0x26A0:  /* ⚠ */
    case 0x274C:  /* ❌ */
    case 0x2717:  /* ✗ */
    case 0x2718:  /* ✘ */
    case 0x1F504: /* 🔄 */
    case 0x23F3:  /* ⏳ */
      return TRUE;

    default:
      return FALSE;
    }
}

/* Splits @text into lower-case words (runs of letters and digits) and the
 * known symbols, in order: "**In-Progress** 🔄 (Attempt 003)" gives
 * "in", "progress", "🔄", "attempt", "003".
 */
static GStrv
tokenize (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *valid = NULL;
  const char *word = NULL;
  const char *p;

  if (text == NULL)
    return g_strv_builder_end (builder);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          if (word == NULL)
            word = p;
          continue;
        }

      if (word != NULL)
        {
          g_autofree char *down = g_utf8_strdown (word, p - word);

          g_strv_builder_add (builder, down);
          word = NULL;
        }

      if (c == 0)
        break;

      if (is_known_symbol (c))
        {
          g_autofree char *symbol = g_strndup (p, g_utf8_next_char (p) - p);

          g_strv_builder_add (builder, symbol);
        }
    }

  return g_strv_builder_end (builder);
}

static gboolean
token_is_word (const char *token)
{
  return g_unichar_isalnum (g_utf8_get_char (token));
}

static gboolean
token_is_ascii_number (const char *token)
{
  if (*token == '\0')
    return FALSE;

  for (; *token != '\0'; token++)
    if (!g_ascii_isdigit (*token))
      return FALSE;

  return TRUE;
}

static gboolean
token_in (const char        *token,
          const char * const *words)
{
  return g_strv_contains (words, token);
}

/* TRUE when @tokens starts with "in progress" (also "in-progress",
 * "In_Progress") or "inprogress".
 */
static gboolean
tokens_start_in_progress (const char * const *tokens)
{
  if (tokens[0] == NULL)
    return FALSE;

  if (g_str_equal (tokens[0], "inprogress"))
    return TRUE;

  return g_str_equal (tokens[0], "in") &&
         tokens[1] != NULL &&
         g_str_equal (tokens[1], "progress");
}

static guint
find_first_word (const char * const *tokens)
{
  guint i;

  for (i = 0; tokens[i] != NULL; i++)
    if (token_is_word (tokens[i]))
      break;

  return i;
}

static guint
find_attempt_number (const char * const *tokens)
{
  guint i;

  for (i = 0; tokens[i] != NULL; i++)
    {
      guint64 number;

      if (!g_str_equal (tokens[i], "attempt") ||
          tokens[i + 1] == NULL ||
          !token_is_ascii_number (tokens[i + 1]))
        continue;

      number = g_ascii_strtoull (tokens[i + 1], NULL, 10);

      return (guint) MIN (number, G_MAXUINT);
    }

  return 0;
}

const char *
mi_status_to_id (MiStatus status)
{
  switch (status)
    {
    case MI_STATUS_UNKNOWN:     return "unknown";
    case MI_STATUS_OPEN:        return "open";
    case MI_STATUS_IN_PROGRESS: return "in-progress";
    case MI_STATUS_RESOLVED:    return "resolved";
    case MI_STATUS_ABANDONED:   return "abandoned";
    case MI_STATUS_SUPERSEDED:  return "superseded";
    default:                    g_return_val_if_reached ("unknown");
    }
}

const char *
mi_outcome_to_id (MiOutcome outcome)
{
  switch (outcome)
    {
    case MI_OUTCOME_PENDING:     return "pending";
    case MI_OUTCOME_IN_PROGRESS: return "in-progress";
    case MI_OUTCOME_FAILED:      return "failed";
    case MI_OUTCOME_PARTIAL:     return "partial";
    case MI_OUTCOME_SUCCESS:     return "success";
    default:                     g_return_val_if_reached ("pending");
    }
}

const char *
mi_verdict_to_id (MiVerdict verdict)
{
  switch (verdict)
    {
    case MI_VERDICT_UNKNOWN: return "unknown";
    case MI_VERDICT_PASS:    return "pass";
    case MI_VERDICT_FAIL:    return "fail";
    default:                 g_return_val_if_reached ("unknown");
    }
}

const char *
mi_op_to_string (MiOp op)
{
  switch (op)
    {
    case MI_OP_NONE: return "";
    case MI_OP_LT:   return "<";
    case MI_OP_LE:   return "<=";
    case MI_OP_GT:   return ">";
    case MI_OP_GE:   return ">=";
    case MI_OP_EQ:   return "=";
    default:         g_return_val_if_reached ("");
    }
}

const char *
mi_status_to_markdown (MiStatus status)
{
  switch (status)
    {
    case MI_STATUS_UNKNOWN:     return "";
    case MI_STATUS_OPEN:        return "Open";
    case MI_STATUS_IN_PROGRESS: return "In Progress";
    case MI_STATUS_RESOLVED:    return "Resolved";
    case MI_STATUS_ABANDONED:   return "Abandoned";
    case MI_STATUS_SUPERSEDED:  return "Superseded";
    default:                    g_return_val_if_reached ("");
    }
}

const char *
mi_outcome_to_markdown (MiOutcome outcome)
{
  switch (outcome)
    {
    case MI_OUTCOME_PENDING:     return "";
    case MI_OUTCOME_IN_PROGRESS: return "🔄 In Progress";
    case MI_OUTCOME_FAILED:      return "❌ Failed";
    case MI_OUTCOME_PARTIAL:     return "⚠️ Partial";
    case MI_OUTCOME_SUCCESS:     return "✅ Success";
    default:                     g_return_val_if_reached ("");
    }
}

const char *
mi_status_get_label (MiStatus status)
{
  switch (status)
    {
    case MI_STATUS_UNKNOWN:     return _("Unknown");
    case MI_STATUS_OPEN:        return _("Open");
    case MI_STATUS_IN_PROGRESS: return _("In Progress");
    case MI_STATUS_RESOLVED:    return _("Resolved");
    case MI_STATUS_ABANDONED:   return _("Abandoned");
    case MI_STATUS_SUPERSEDED:  return _("Superseded");
    default:                    g_return_val_if_reached (_("Unknown"));
    }
}

const char *
mi_outcome_get_label (MiOutcome outcome)
{
  switch (outcome)
    {
    case MI_OUTCOME_PENDING:     return _("Pending");
    case MI_OUTCOME_IN_PROGRESS: return _("In Progress");
    case MI_OUTCOME_FAILED:      return _("Failed");
    case MI_OUTCOME_PARTIAL:     return _("Partial");
    case MI_OUTCOME_SUCCESS:     return _("Success");
    default:                     g_return_val_if_reached (_("Pending"));
    }
}

const char *
mi_verdict_get_label (MiVerdict verdict)
{
  switch (verdict)
    {
    case MI_VERDICT_UNKNOWN: return _("Unknown");
    case MI_VERDICT_PASS:    return _("Pass");
    case MI_VERDICT_FAIL:    return _("Fail");
    default:                 g_return_val_if_reached (_("Unknown"));
    }
}

/**
 * mi_status_parse:
 * @text: (nullable): a status as written: "Resolved (Attempt 003)",
 *   "**In progress** 🔄", "closed"
 * @attempt: (out) (optional): the attempt number written with it:
 *   "(Attempt 003)", "(attempt 3)", "- Attempt 3"; 0 when none
 *
 * The first word decides (case, emphasis and emoji do not matter); a ✅ or
 * 🔄 alone stands for resolved or in progress.
 */
MiStatus
mi_status_parse (const char *text,
                 guint      *attempt)
{
  static const char * const open[] = { "open", "opened", "reopened", "new", NULL };
  static const char * const in_progress[] = { "ongoing", "active", "wip", "started", NULL };
  static const char * const resolved[] = { "resolved", "closed", "done", "fixed", "solved",
                                           "complete", "completed", NULL };
  static const char * const abandoned[] = { "abandoned", "cancelled", "canceled", NULL };
  static const char * const superseded[] = { "superseded", NULL };
  g_auto(GStrv) tokens = tokenize (text);
  const char * const *words;
  guint i;

  if (attempt != NULL)
    *attempt = find_attempt_number ((const char * const *) tokens);

  words = (const char * const *) tokens + find_first_word ((const char * const *) tokens);

  if (words[0] != NULL)
    {
      if (tokens_start_in_progress (words) || token_in (words[0], in_progress))
        return MI_STATUS_IN_PROGRESS;
      if (token_in (words[0], open))
        return MI_STATUS_OPEN;
      if (token_in (words[0], resolved))
        return MI_STATUS_RESOLVED;
      if (token_in (words[0], abandoned))
        return MI_STATUS_ABANDONED;
      if (token_in (words[0], superseded))
        return MI_STATUS_SUPERSEDED;
    }

  for (i = 0; tokens[i] != NULL; i++)
    {
      if (g_str_equal (tokens[i], "✅") || g_str_equal (tokens[i], "✔"))
        return MI_STATUS_RESOLVED;
      if (g_str_equal (tokens[i], "🔄") || g_str_equal (tokens[i], "⏳"))
        return MI_STATUS_IN_PROGRESS;
    }

  return MI_STATUS_UNKNOWN;
}

static MiOutcome
outcome_from_symbol (const char *token)
{
  if (g_str_equal (token, "✅") || g_str_equal (token, "✔") || g_str_equal (token, "✓"))
    return MI_OUTCOME_SUCCESS;
  if (g_str_equal (token, "⚠"))
    return MI_OUTCOME_PARTIAL;
  if (g_str_equal (token, "❌") || g_str_equal (token, "✗") || g_str_equal (token, "✘"))
    return MI_OUTCOME_FAILED;
  if (g_str_equal (token, "🔄") || g_str_equal (token, "⏳"))
    return MI_OUTCOME_IN_PROGRESS;

  return MI_OUTCOME_PENDING;
}

/**
 * mi_outcome_parse:
 * @text: (nullable): an outcome as written: "❌ Failed (2% improvement)",
 *   "⚠️ Partial", "Success", "in progress"
 *
 * An emoji anywhere wins (the first one written); otherwise the first word
 * decides. Anything else, including nothing, is pending.
 */
MiOutcome
mi_outcome_parse (const char *text)
{
  static const char * const success[] = { "success", "succeeded", "successful", "pass",
                                          "passed", "resolved", NULL };
  static const char * const partial[] = { "partial", "partially", NULL };
  static const char * const failed[] = { "failed", "fail", "failure", "abandoned", NULL };
  static const char * const in_progress[] = { "ongoing", "wip", "running", NULL };
  g_auto(GStrv) tokens = tokenize (text);
  const char * const *words;
  guint i;

  for (i = 0; tokens[i] != NULL; i++)
    if (!token_is_word (tokens[i]))
      return outcome_from_symbol (tokens[i]);

  words = (const char * const *) tokens + find_first_word ((const char * const *) tokens);

  if (words[0] == NULL)
    return MI_OUTCOME_PENDING;

  if (token_in (words[0], success))
    return MI_OUTCOME_SUCCESS;
  if (token_in (words[0], partial))
    return MI_OUTCOME_PARTIAL;
  if (token_in (words[0], failed))
    return MI_OUTCOME_FAILED;
  if (tokens_start_in_progress (words) || token_in (words[0], in_progress))
    return MI_OUTCOME_IN_PROGRESS;

  return MI_OUTCOME_PENDING;
}

/**
 * mi_verdict_parse:
 * @text: (nullable): "PASS", "(FAIL)", "380ms (PASS) ✅"
 *
 * The first whole word or emoji that says pass or fail decides.
 */
MiVerdict
mi_verdict_parse (const char *text)
{
  static const char * const pass[] = { "pass", "passed", "ok", "✅", "✔", "✓", NULL };
  static const char * const fail[] = { "fail", "failed", "❌", "✗", "✘", NULL };
  g_auto(GStrv) tokens = tokenize (text);
  guint i;

  for (i = 0; tokens[i] != NULL; i++)
    {
      if (token_in (tokens[i], pass))
        return MI_VERDICT_PASS;
      if (token_in (tokens[i], fail))
        return MI_VERDICT_FAIL;
    }

  return MI_VERDICT_UNKNOWN;
}
