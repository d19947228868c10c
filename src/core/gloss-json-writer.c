/* gloss-json-writer.c: placeholder, being written */
#include "config.h"
#include "gloss-json-writer.h"
