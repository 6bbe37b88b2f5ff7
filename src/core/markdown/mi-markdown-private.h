/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the markdown files share beyond mi-markdown.h: the one place a
 * cmark-gfm parser is made. Only the files that read cmark-gfm's syntax tree
 * include it.
 */

#include <cmark-gfm.h>

#include "mi-markdown.h"

G_BEGIN_DECLS

cmark_node *_mi_markdown_parse_cmark (const char *text,
                                      gsize       len);

G_END_DECLS
