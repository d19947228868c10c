/* gloss-cli-read-ahead.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-agreement.h"

G_BEGIN_DECLS

/* Reads the articles of a corpus for a study in worker threads, a few
 * ahead of the one being measured, so that reading files and measuring
 * overlap while memory stays that of a few articles. */
typedef struct _GlossCliReadAhead GlossCliReadAhead;

/* @articles: GlossCliArticle, read in their order. */
GlossCliReadAhead     *gloss_cli_read_ahead_new  (GlossAgreement    *study,
                                                  GPtrArray         *articles);
/* The reading of article @index, waiting for it; call with 0, 1, 2... */
GlossAgreementReading *gloss_cli_read_ahead_take (GlossCliReadAhead *self,
                                                  guint              index);
void                   gloss_cli_read_ahead_free (GlossCliReadAhead *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossCliReadAhead, gloss_cli_read_ahead_free)

G_END_DECLS
