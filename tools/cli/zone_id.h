/* A zone id as typed on the command line. */
#ifndef ZONE_ID_H
#define ZONE_ID_H

#include <stdint.h>

/* Decimal digits only, at most UINT32_MAX: 0, or -1 for anything else. */
int parse_zone_id(const char *text, uint32_t *id);

#endif
