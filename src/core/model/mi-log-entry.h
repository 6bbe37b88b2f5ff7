/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-types.h"

G_BEGIN_DECLS

#define MI_TYPE_LOG_ENTRY (mi_log_entry_get_type ())
G_DECLARE_FINAL_TYPE (MiLogEntry, mi_log_entry, MI, LOG_ENTRY, GObject)

guint       mi_log_entry_get_attempt (MiLogEntry *self);
const char *mi_log_entry_get_date    (MiLogEntry *self);
const char *mi_log_entry_get_text    (MiLogEntry *self);
guint       mi_log_entry_get_line    (MiLogEntry *self);

G_END_DECLS
