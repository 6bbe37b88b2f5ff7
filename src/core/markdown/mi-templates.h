/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Templates: docs/templates/meta-issue/<name>-template.md in the repository,
 * else the built-in one. Placeholders: {{title}}, {{slug}}, {{date}},
 * {{number}} (NNN), {{hypothesis}}, {{issue_title}}.
 * Names: README, description, implementation-log, test-cases,
 * solution-approach, attempt-results.
 */
char   *mi_templates_expand (GFile               *root,
                             const char          *name,
                             const char * const  *vars,
                             GError             **error);

G_END_DECLS
