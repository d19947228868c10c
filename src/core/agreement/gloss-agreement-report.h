/* gloss-agreement-report.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-agreement.h"

G_BEGIN_DECLS

/* Writes to @out one self-contained HTML5 page on how far the annotators
 * of @study agree: what was measured, the tables of the total (pairs and
 * group, over all tags and per tag), a heat map of each pair's confusion
 * matrix, a bar chart per tag, the passages each annotator marked, and
 * each article of @articles (GlossAgreementResult, as
 * gloss_agreement_measure_article() returned them) with every annotator's
 * passages in a lane of their own under its text and the disagreements
 * marked.  The page needs no network, no other file and no script: its
 * style and its charts (SVG) are inline.  Each number cell carries its
 * exact value in a data-value attribute ("null" when undefined, with the
 * reason as its title), so that a program can read the page back. */
gboolean gloss_agreement_report_write (GlossAgreement  *study,
                                       GPtrArray       *articles,
                                       GOutputStream   *out,
                                       GCancellable    *cancellable,
                                       GError         **error);

G_END_DECLS
