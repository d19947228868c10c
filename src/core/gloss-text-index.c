/* gloss-text-index.c: placeholder, being written */
#include "config.h"
#include "gloss-text-index.h"
