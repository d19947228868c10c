/* gloss-format-chooser.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-format.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_FORMAT_CHOOSER (gloss_format_chooser_get_type ())

G_DECLARE_FINAL_TYPE (GlossFormatChooser, gloss_format_chooser, GLOSS, FORMAT_CHOOSER, GtkWidget)

/* The top of the export and import dialogs' forms: the formats of the
 * registry that go one way (the construct-only "direction"), a note on
 * what the chosen one writes or reads, and the rows of the options it
 * takes, the others hidden.  The chosen format is "format-id"; its
 * options are "offset-unit", "scheme" and "spreadsheet-safe".  Its rows
 * are a grid of a label column and a column of controls; the label column
 * joins "label-size-group", so that it lines up with the rows of the form
 * around it. */
GtkWidget          *gloss_format_chooser_new                  (GlossFormatDirection direction);

GlossFormatDirection gloss_format_chooser_get_direction       (GlossFormatChooser *self);
/* The format chosen, one of gloss_format_list()'s for the direction. */
const GlossFormat  *gloss_format_chooser_get_format           (GlossFormatChooser *self);
const char         *gloss_format_chooser_get_format_id        (GlossFormatChooser *self);
/* Chooses the format called @format_id, which must go the chooser's way. */
void                gloss_format_chooser_set_format_id        (GlossFormatChooser *self,
                                                               const char         *format_id);
GlossOffsetUnit     gloss_format_chooser_get_offset_unit      (GlossFormatChooser *self);
void                gloss_format_chooser_set_offset_unit      (GlossFormatChooser *self,
                                                               GlossOffsetUnit     unit);
GlossIobScheme      gloss_format_chooser_get_scheme           (GlossFormatChooser *self);
void                gloss_format_chooser_set_scheme           (GlossFormatChooser *self,
                                                               GlossIobScheme      scheme);
gboolean            gloss_format_chooser_get_spreadsheet_safe (GlossFormatChooser *self);
void                gloss_format_chooser_set_spreadsheet_safe (GlossFormatChooser *self,
                                                               gboolean            spreadsheet_safe);
/* TRUE when the format chosen takes @option, the chooser's way. */
/* Whether the option of a check box (spreadsheet-safe cells, Excel, the
 * annotators side by side) is checked and taken by the format chosen. */
gboolean            gloss_format_chooser_get_option           (GlossFormatChooser *self,
                                                               GlossFormatOptions  option);
gboolean            gloss_format_chooser_takes                (GlossFormatChooser *self,
                                                               GlossFormatOptions  option);

G_END_DECLS
