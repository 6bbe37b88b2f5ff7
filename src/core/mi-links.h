/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * MiLinkKind:
 * @MI_LINK_WEB: http, https or mailto: the desktop opens it
 * @MI_LINK_FILE: a file (or folder) of the workspace that exists
 * @MI_LINK_ANCHOR: a heading of the same document (`#section`)
 * @MI_LINK_OTHER_SCHEME: another scheme (`ftp:`, `file:`, `javascript:`…): ask first
 * @MI_LINK_BROKEN: a relative link or wikilink to nothing
 */
typedef enum
{
  MI_LINK_WEB,
  MI_LINK_FILE,
  MI_LINK_ANCHOR,
  MI_LINK_OTHER_SCHEME,
  MI_LINK_BROKEN,
} MiLinkKind;

GFile      *mi_links_find_root  (GFile       *document);
MiLinkKind  mi_links_resolve    (GFile       *root,
                                 GFile       *document,
                                 const char  *target,
                                 gboolean     wikilink,
                                 GFile      **file,
                                 char       **fragment);

G_END_DECLS
