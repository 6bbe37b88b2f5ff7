/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "meta-issues.h"

G_BEGIN_DECLS

JsonNode *mi_cli_json_issue_summary (MiIssue     *issue);
JsonNode *mi_cli_json_issue         (MiWorkspace *workspace,
                                     MiIssue     *issue);
char     *mi_cli_json_to_string     (JsonNode    *node);

G_END_DECLS
