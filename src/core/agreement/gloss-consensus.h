/* gloss-consensus.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gloss-annotation-file.h"
#include "gloss-annotation.h"
#include "gloss-layer.h"

G_BEGIN_DECLS

/* How a consensus annotation came to be. */
typedef enum
{
  GLOSS_CONSENSUS_AGREED,    /* the annotators agreed: taken as they marked it */
  GLOSS_CONSENSUS_ACCEPTED,  /* a reviewer accepted one version as it was */
  GLOSS_CONSENSUS_EDITED,    /* a reviewer changed it before accepting it */
  GLOSS_CONSENSUS_REJECTED,  /* a reviewer settled it with no passage */
} GlossConsensusHow;

/* "agreed", "accepted", "edited", "rejected" */
const char *gloss_consensus_how_to_string (GlossConsensusHow how);

/* Where a consensus annotation came from, kept in its JSON object as
 *   "consensus": { "from": [ids], "how": "agreed", "by": id, "at": time }
 * ids of the annotators who proposed it, how, who settled it and when. */
typedef struct
{
  char             **from;
  GlossConsensusHow  how;
  char              *by;
  char              *at;
} GlossConsensusSource;

void     gloss_consensus_source_clear       (GlossConsensusSource *source);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GlossConsensusSource, gloss_consensus_source_clear)
/* Records @source in @annotation (before it is added to a layer). */
void     gloss_consensus_set_source         (GlossAnnotation            *annotation,
                                             const GlossConsensusSource *source);
/* FALSE when @annotation records no source, or one this version cannot
 * read. */
gboolean gloss_consensus_get_source         (GlossAnnotation            *annotation,
                                             GlossConsensusSource       *source);

/* Adds to @consensus every passage that @min_agree of @layers (at least
 * one) marked alike: same tag, start and end, orphans left out.  A
 * passage the consensus holds already (same tag and span), or that lies
 * in a unit a reviewer rejected (inside a rejection record), is left as
 * it is.  Each added annotation records the annotators who marked it, as
 * agreed by @by at @at.  Returns how many were added, in one step of the
 * consensus layer's history; @n_left, when given, gets how many other
 * passages (each tag and span once) the consensus does not hold: those
 * left for a reviewer. */
guint    gloss_consensus_add_agreed         (GlossLayer  *consensus,
                                             GPtrArray   *layers,
                                             guint        min_agree,
                                             const char  *by,
                                             const char  *at,
                                             guint       *n_left);

G_END_DECLS
