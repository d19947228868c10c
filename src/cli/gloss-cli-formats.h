/* gloss-cli-formats.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-cli-common.h"

G_BEGIN_DECLS

/* gloss-cli export: writes annotations in another tool's format. */
int gloss_cli_export (int argc, char **argv);
/* gloss-cli import: reads another tool's annotations into Gloss files. */
int gloss_cli_import (int argc, char **argv);

G_END_DECLS
