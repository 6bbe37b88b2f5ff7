/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * MiClaim: unsaved text of one file, as an editor holds it when a
 * structured edit begins. The app answers MiWorkspace::collect-claims
 * with one for each file it has unsaved changes to; the edit, on its
 * worker, writes a file only if its change can be carried into that text.
 * Immutable, usable from any thread.
 */
typedef struct _MiClaim MiClaim;

#define MI_TYPE_CLAIM (mi_claim_get_type ())

GType     mi_claim_get_type  (void) G_GNUC_CONST;
MiClaim  *mi_claim_new       (GFile       *file,
                              const char  *title,
                              GBytes      *base,
                              const char  *mine,
                              gboolean     busy);
MiClaim  *mi_claim_ref       (MiClaim     *self);
void      mi_claim_unref     (MiClaim     *self);
GFile    *mi_claim_get_file  (MiClaim     *self);
gboolean  mi_claim_check_moved (MiClaim   *self,
                              GFile       *folder,
                              GError     **error);
gboolean  mi_claim_allows    (MiClaim     *self,
                              GBytes      *before,
                              GBytes      *after,
                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiClaim, mi_claim_unref)

G_END_DECLS
