/* gloss-error.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-error.h"

G_DEFINE_QUARK (gloss-error-quark, gloss_error)
