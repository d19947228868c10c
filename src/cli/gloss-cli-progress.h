/* gloss-cli-progress.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A progress line on standard error, redrawn in place: files done, the
 * percentage and the time left.  Drawn only when standard error is a
 * terminal, so that logs and pipes get the messages alone. */
typedef struct _GlossCliProgress GlossCliProgress;

GlossCliProgress *gloss_cli_progress_new    (guint             total);
void              gloss_cli_progress_update (GlossCliProgress *self,
                                             guint             done);
/* Erases the line, so that a message can be printed; the next update
 * draws it again. */
void              gloss_cli_progress_clear  (GlossCliProgress *self);
void              gloss_cli_progress_free   (GlossCliProgress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossCliProgress, gloss_cli_progress_free)

G_END_DECLS
