/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void mi_test_libgit2_init     (const char *home);
void mi_test_libgit2_shutdown (void);

G_END_DECLS
