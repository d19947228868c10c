/* gloss-source.c: placeholder, being written */
#include "config.h"
#include "gloss-source.h"
