/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-claim"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mi-claim.h"
#include "mi-text.h"

struct _MiClaim
{
  gatomicrefcount  ref_count;
  GFile           *file;
  char            *title;
  GBytes          *base;   /* the file's bytes the text started from; NULL: a new file */
  char            *mine;   /* the unsaved text, without a byte order mark */
  gboolean         busy;   /* being saved, or a conflict is shown: any edit meets it */
};

G_DEFINE_BOXED_TYPE (MiClaim, mi_claim, mi_claim_ref, mi_claim_unref)

/**
 * mi_claim_new:
 * @title: how the user knows the file, for messages ("README.md")
 * @base: (nullable): the bytes of the file that @mine started from
 * @mine: the unsaved text
 * @busy: TRUE when the text cannot take an edit now (a save being
 *   written, a conflict being shown)
 */
MiClaim *
mi_claim_new (GFile      *file,
              const char *title,
              GBytes     *base,
              const char *mine,
              gboolean    busy)
{
  MiClaim *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (mine != NULL, NULL);

  self = g_new0 (MiClaim, 1);
  g_atomic_ref_count_init (&self->ref_count);
  /* A GFile of its own: GFile is not documented as thread-safe. */
  self->file = g_file_dup (file);
  self->title = title != NULL ? g_strdup (title) : g_file_get_basename (file);
  self->base = base != NULL ? g_bytes_ref (base) : NULL;
  self->mine = g_strdup (mine);
  self->busy = !!busy;
  return self;
}

MiClaim *
mi_claim_ref (MiClaim *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mi_claim_unref (MiClaim *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_object_unref (self->file);
  g_free (self->title);
  g_clear_pointer (&self->base, g_bytes_unref);
  g_free (self->mine);
  g_free (self);
}

GFile *
mi_claim_get_file (MiClaim *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file;
}

/**
 * mi_claim_check_moved:
 * @folder: a folder an edit is about to move
 *
 * Whether an edit may move @folder: not when the claimed file is in it
 * (the unsaved text would be left with no file).
 */
gboolean
mi_claim_check_moved (MiClaim  *self,
                      GFile    *folder,
                      GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (!g_file_has_prefix (self->file, folder))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
               /* Translators: %s is a file name such as "solution-approach.md". */
               _("Your unsaved changes to %s are in the folder this edit moves: save or discard them first"),
               self->title);
  return FALSE;
}

/**
 * mi_claim_allows:
 * @before: (nullable): the file's bytes before the edit, NULL for a new file
 * @after: what the edit is about to write
 *
 * Whether an edit may write @after: always, unless it would meet the
 * unsaved changes (then @error says which file to save first).
 */
gboolean
mi_claim_allows (MiClaim  *self,
                 GBytes   *before,
                 GBytes   *after,
                 GError  **error)
{
  MiTextSpan span;
  gsize bom;
  MiTextCarry carry;

  g_return_val_if_fail (self != NULL, FALSE);

  /* Unsaved text of a file that does not exist yet, which the edit would
   * create: the two would meet at the next save. */
  if (self->base == NULL && before == NULL)
    carry = MI_TEXT_CARRY_MEETS;
  else
    carry = mi_text_carry (self->base, self->mine, strlen (self->mine), before, after, &span, &bom);
  if (carry == MI_TEXT_CARRY_NOTHING || (carry == MI_TEXT_CARRY_APART && !self->busy))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
               /* Translators: %s is a file name such as "README.md". */
               _("Your unsaved changes to %s are where this edit writes: save or discard them first"),
               self->title);
  return FALSE;
}
