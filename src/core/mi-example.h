/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The bundled example workspace (the seed's performance saga), shipped in the
 * core GResource under RESOURCE_BASE "/example/". Copies it into @dest (created
 * when missing; files that exist are left alone) so it can be opened and edited. */
gboolean  mi_example_install (GFile         *dest,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
