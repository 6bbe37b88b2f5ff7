/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-types.h"
#include "mi-attempt.h"
#include "mi-check.h"
#include "mi-criterion.h"
#include "mi-document.h"
#include "mi-hypothesis.h"
#include "mi-issue.h"
#include "mi-lesson.h"
#include "mi-log-entry.h"
#include "mi-measurement.h"
#include "mi-result.h"
#include "mi-templates.h"
#include "mi-test-case.h"
#include "mi-workspace.h"
#include "mi-example.h"
