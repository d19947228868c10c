/* gloss-article-header.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-source.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ARTICLE_HEADER (gloss_article_header_get_type ())

G_DECLARE_FINAL_TYPE (GlossArticleHeader, gloss_article_header, GLOSS, ARTICLE_HEADER, GtkWidget)

/* What an article says about itself, shown above its text: the title, a
 * description, and a row each for the author, the date, the site, the
 * publisher, the language and the address (a link for web addresses).
 * Only what the article has is shown; with nothing to show (plain text),
 * the header hides itself.  Every value can be selected and copied. */
GtkWidget   *gloss_article_header_new        (void);

/* Shows @source's metadata; NULL clears. */
void         gloss_article_header_set_source (GlossArticleHeader *self,
                                              GlossSource        *source);
GlossSource *gloss_article_header_get_source (GlossArticleHeader *self);

/* The text size relative to the normal size, so that zooming the text
 * zooms the header with it. */
void         gloss_article_header_set_scale  (GlossArticleHeader *self,
                                              double              scale);

G_END_DECLS
