/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-watcher"

#include "config.h"

#include "mi-watcher.h"

/* Changes to one folder are gathered this long before they are reported. */
#define RATE_LIMIT_MS 100

/* What the watcher thread and the events in flight share. */
typedef struct
{
  MiWatcherFunc  func;
  gpointer       user_data;
  gboolean       alive;     /* owner thread only: FALSE once the watcher is freed */
  GMainContext  *owner;     /* where events are delivered */
  GMainContext  *context;   /* the watcher thread's */
  GMainLoop     *loop;
  GHashTable    *monitors;  /* watcher thread only: path → GFileMonitor */
} Shared;

struct _MiWatcher
{
  Shared  *shared;
  GThread *thread;
};

typedef struct
{
  Shared            *shared;
  GFile             *file;
  GFile             *other_file;
  GFileMonitorEvent  event;
} Event;

typedef struct
{
  Shared    *shared;
  GPtrArray *paths;
  GMutex     mutex;
  GCond      cond;
  gboolean   done;
} Folders;

/* Queues @func on @context. Not g_main_context_invoke(): that runs it at
 * once, on the calling thread, when no thread owns @context right now. */
static void
run_on (GMainContext   *context,
        GSourceFunc     func,
        gpointer        data,
        GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[mi-watcher]");
  g_source_attach (source, context);
  g_source_unref (source);
}

static void
shared_clear (Shared *shared)
{
  g_clear_pointer (&shared->monitors, g_hash_table_unref);
  g_clear_pointer (&shared->loop, g_main_loop_unref);
  g_clear_pointer (&shared->context, g_main_context_unref);
  g_clear_pointer (&shared->owner, g_main_context_unref);
}

static void
shared_unref (Shared *shared)
{
  g_atomic_rc_box_release_full (shared, (GDestroyNotify) shared_clear);
}

static void
event_free (Event *event)
{
  g_clear_object (&event->file);
  g_clear_object (&event->other_file);
  shared_unref (event->shared);
  g_free (event);
}

static void
folders_free (Folders *folders)
{
  g_ptr_array_unref (folders->paths);
  shared_unref (folders->shared);
  g_mutex_clear (&folders->mutex);
  g_cond_clear (&folders->cond);
  g_free (folders);
}

/* On the owner's context. */
static gboolean
deliver_cb (gpointer data)
{
  Event *event = data;
  Shared *shared = event->shared;

  if (shared->alive)
    shared->func (event->file, event->other_file, event->event, shared->user_data);

  return G_SOURCE_REMOVE;
}

/* On the watcher thread. */
static void
on_changed_cb (GFileMonitor      *monitor,
               GFile             *file,
               GFile             *other_file,
               GFileMonitorEvent  event_type,
               gpointer           user_data)
{
  Shared *shared = user_data;
  Event *event = g_new0 (Event, 1);

  event->shared = g_atomic_rc_box_acquire (shared);
  event->file = g_object_ref (file);
  event->other_file = other_file ? g_object_ref (other_file) : NULL;
  event->event = event_type;

  run_on (shared->owner, deliver_cb, event, (GDestroyNotify) event_free);
}

/* On the watcher thread: watch exactly these folders. */
static gboolean
apply_folders_cb (gpointer data)
{
  Folders *folders = data;
  Shared *shared = folders->shared;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < folders->paths->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (folders->paths, i));

  g_hash_table_iter_init (&iter, shared->monitors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (wanted, key))
      g_hash_table_iter_remove (&iter);

  for (guint i = 0; i < folders->paths->len; i++)
    {
      const char *path = g_ptr_array_index (folders->paths, i);
      g_autoptr(GFile) folder = NULL;
      GFileMonitor *monitor;

      /* Folders that are not (yet) there are not watched: their
       * parent's watch sees them come. */
      if (g_hash_table_contains (shared->monitors, path) || !g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;

      folder = g_file_new_for_path (path);
      monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      if (monitor == NULL)
        continue;
      g_file_monitor_set_rate_limit (monitor, RATE_LIMIT_MS);
      g_signal_connect (monitor, "changed", G_CALLBACK (on_changed_cb), shared);
      g_hash_table_insert (shared->monitors, g_strdup (path), monitor);
    }

  g_mutex_lock (&folders->mutex);
  folders->done = TRUE;
  g_cond_signal (&folders->cond);
  g_mutex_unlock (&folders->mutex);

  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer data)
{
  Shared *shared = data;

  /* Monitors belong to this thread: drop them here. */
  g_hash_table_remove_all (shared->monitors);
  g_main_loop_quit (shared->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
thread_main (gpointer data)
{
  Shared *shared = data;

  g_main_context_push_thread_default (shared->context);
  g_main_loop_run (shared->loop);
  g_main_context_pop_thread_default (shared->context);

  shared_unref (shared);
  return NULL;
}

/**
 * mi_watcher_new:
 * @func: called on the caller's thread-default main context for each change
 */
MiWatcher *
mi_watcher_new (MiWatcherFunc func,
                gpointer      user_data)
{
  MiWatcher *self = g_new0 (MiWatcher, 1);
  Shared *shared = g_atomic_rc_box_new0 (Shared);

  shared->func = func;
  shared->user_data = user_data;
  shared->alive = TRUE;
  shared->owner = g_main_context_ref_thread_default ();
  shared->context = g_main_context_new ();
  shared->loop = g_main_loop_new (shared->context, FALSE);
  shared->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  self->shared = shared;
  self->thread = g_thread_new ("mi-watcher", thread_main, g_atomic_rc_box_acquire (shared));
  return self;
}

/* Watch exactly the folders in @paths (absolute paths); others are dropped.
 * When it returns, the folders are watched: a change made after it is seen. */
void
mi_watcher_set_folders (MiWatcher *self,
                        GPtrArray *paths)
{
  Folders *folders;

  g_return_if_fail (self != NULL);

  folders = g_new0 (Folders, 1);
  folders->shared = g_atomic_rc_box_acquire (self->shared);
  folders->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (folders->paths, g_strdup (g_ptr_array_index (paths, i)));
  g_mutex_init (&folders->mutex);
  g_cond_init (&folders->cond);

  /* The source holds no reference: this function waits for it to run. */
  run_on (self->shared->context, apply_folders_cb, folders, NULL);

  g_mutex_lock (&folders->mutex);
  while (!folders->done)
    g_cond_wait (&folders->cond, &folders->mutex);
  g_mutex_unlock (&folders->mutex);

  folders_free (folders);
}

/* Stops watching; @func is not called again after this returns. */
void
mi_watcher_free (MiWatcher *self)
{
  if (self == NULL)
    return;

  self->shared->alive = FALSE;
  run_on (self->shared->context, quit_cb, self->shared, NULL);
  g_thread_join (self->thread);
  shared_unref (self->shared);
  g_free (self);
}
