/* fuzz-xml.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "gloss-xml-reader.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSource) source = NULL;

  source = gloss_xml_reader_read (NULL, "fuzz.xml", (const char *) data, size, 0, &error);

  if ((source == NULL) == (error == NULL))
    abort ();

  if (source != NULL)
    fuzz_check_source (source);
  fuzz_check_error (error);

  return 0;
}
