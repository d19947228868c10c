/* gloss-error.h
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_ERROR (gloss_error_quark ())

/**
 * GlossError:
 * @GLOSS_ERROR_FAILED: anything not covered below
 * @GLOSS_ERROR_NOT_TEXT: the article is binary, or holds NUL bytes
 * @GLOSS_ERROR_TOO_LARGE: a file is over a size limit
 * @GLOSS_ERROR_PARSE: a file is not well-formed JSON (or XML)
 * @GLOSS_ERROR_TOO_DEEP: a file nests deeper than Gloss accepts
 * @GLOSS_ERROR_NOT_GLOSS: well-formed JSON, but not a Gloss annotation file
 * @GLOSS_ERROR_NEWER_VERSION: written by a newer Gloss; readable at best read-only
 * @GLOSS_ERROR_INVALID: a field is missing or has the wrong type or value
 * @GLOSS_ERROR_OUT_OF_RANGE: an offset lies outside the article, or start >= end
 * @GLOSS_ERROR_DUPLICATE_ID: two annotations share an id
 * @GLOSS_ERROR_UNSAFE_PATH: a file names another file outside its own folder
 * @GLOSS_ERROR_CHANGED_ON_DISK: the file changed on disk since it was loaded
 * @GLOSS_ERROR_READ_ONLY: the file may not be written (newer format, failed load)
 * @GLOSS_ERROR_NOT_FOUND: a file or an item that was asked for does not exist
 * @GLOSS_ERROR_USAGE: a caller asked for something that makes no sense
 * @GLOSS_ERROR_LOCKED: another writer held the file's lock for longer than Gloss waits
 *
 * Error codes in the %GLOSS_ERROR domain.
 */
typedef enum
{
  GLOSS_ERROR_FAILED,
  GLOSS_ERROR_NOT_TEXT,
  GLOSS_ERROR_TOO_LARGE,
  GLOSS_ERROR_PARSE,
  GLOSS_ERROR_TOO_DEEP,
  GLOSS_ERROR_NOT_GLOSS,
  GLOSS_ERROR_NEWER_VERSION,
  GLOSS_ERROR_INVALID,
  GLOSS_ERROR_OUT_OF_RANGE,
  GLOSS_ERROR_DUPLICATE_ID,
  GLOSS_ERROR_UNSAFE_PATH,
  GLOSS_ERROR_CHANGED_ON_DISK,
  GLOSS_ERROR_READ_ONLY,
  GLOSS_ERROR_NOT_FOUND,
  GLOSS_ERROR_USAGE,
  GLOSS_ERROR_LOCKED,
} GlossError;

GQuark gloss_error_quark (void);

G_END_DECLS
