/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The GSettings schema: the same id for release and development builds. */
#define MI_SETTINGS_SCHEMA_ID "io.github.metaissues.MetaIssues"

#define MI_TYPE_APPLICATION (mi_application_get_type ())
G_DECLARE_FINAL_TYPE (MiApplication, mi_application, MI, APPLICATION, AdwApplication)

MiApplication *mi_application_new (void);

G_END_DECLS
