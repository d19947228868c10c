/* gloss-json-reader.c: placeholder, being written */
#include "config.h"
#include "gloss-json-reader.h"
