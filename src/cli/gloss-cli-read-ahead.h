/* gloss-cli-read-ahead.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-agreement.h"
#include "gloss-cli-common.h"

G_BEGIN_DECLS

/* Reads the articles of a corpus in worker threads, a few ahead of the
 * one being used, so that reading files and using them overlap while
 * memory stays that of a few articles. */
typedef struct _GlossCliReadAhead GlossCliReadAhead;

/* Reads @item in a worker thread; never returns NULL.  Stops early when
 * @cancellable is cancelled (what it returns then is thrown away). */
typedef gpointer (*GlossCliReadFunc) (GlossCliArticle *item,
                                      gpointer         user_data,
                                      GCancellable    *cancellable);

/* @articles: GlossCliArticle, read in their order with @read; @free_result
 * frees what it returns. */
GlossCliReadAhead     *gloss_cli_read_ahead_new_full (GPtrArray         *articles,
                                                      GlossCliReadFunc   read,
                                                      gpointer           user_data,
                                                      GDestroyNotify     free_result);
/* The same, reading each article for @study (gloss_agreement_read). */
GlossCliReadAhead     *gloss_cli_read_ahead_new  (GlossAgreement    *study,
                                                  GPtrArray         *articles);
/* What was read of article @index, waiting for it; call with 0, 1, 2...
 * The caller owns it. */
gpointer               gloss_cli_read_ahead_take (GlossCliReadAhead *self,
                                                  guint              index);
void                   gloss_cli_read_ahead_free (GlossCliReadAhead *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossCliReadAhead, gloss_cli_read_ahead_free)

G_END_DECLS
