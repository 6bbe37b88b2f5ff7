/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * MiWatcher: file monitors for a set of folders, running on a thread of
 * their own. A workspace watches thousands of folders; a GFileMonitor is a
 * GSource, and thousands of sources on the main context would make every
 * frame of the UI walk them. Events are delivered on the context that was
 * the thread-default when the watcher was made.
 */
typedef struct _MiWatcher MiWatcher;

typedef void (*MiWatcherFunc) (GFile             *file,
                               GFile             *other_file,
                               GFileMonitorEvent  event,
                               gpointer           user_data);

MiWatcher *mi_watcher_new          (MiWatcherFunc  func,
                                    gpointer       user_data);
void       mi_watcher_set_folders  (MiWatcher     *self,
                                    GPtrArray     *paths);
void       mi_watcher_free         (MiWatcher     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiWatcher, mi_watcher_free)

G_END_DECLS
