/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MI_TYPE_DRAFTS (mi_drafts_get_type ())
G_DECLARE_FINAL_TYPE (MiDrafts, mi_drafts, MI, DRAFTS, GObject)

MiDrafts   *mi_drafts_get_default      (void);
MiDrafts   *mi_drafts_new              (GFile                *directory);
GFile      *mi_drafts_get_directory    (MiDrafts             *self);
GFile      *mi_drafts_get_draft_file   (MiDrafts             *self,
                                        GFile                *file);
gboolean    mi_drafts_save             (MiDrafts             *self,
                                        GFile                *file,
                                        const char           *text,
                                        gsize                 len,
                                        GError              **error);
GBytes     *mi_drafts_load             (MiDrafts             *self,
                                        GFile                *file,
                                        GDateTime           **saved,
                                        GError              **error);
gboolean    mi_drafts_remove           (MiDrafts             *self,
                                        GFile                *file,
                                        GError              **error);
GPtrArray  *mi_drafts_list             (MiDrafts             *self,
                                        GError              **error);
void        mi_drafts_save_async       (MiDrafts             *self,
                                        GFile                *file,
                                        GBytes               *text,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean    mi_drafts_save_finish      (MiDrafts             *self,
                                        GAsyncResult         *result,
                                        GError              **error);
void        mi_drafts_remove_async     (MiDrafts             *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean    mi_drafts_remove_finish    (MiDrafts             *self,
                                        GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
