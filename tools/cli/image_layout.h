/* Where a zone's images go: each inside one RAM region of the zone, none on
 * top of another. The validator checks the kernel and the device tree
 * against the config; the modules exist only in the JSON, so the CLI checks
 * them here, before anything is copied. */
#ifndef IMAGE_LAYOUT_H
#define IMAGE_LAYOUT_H

#include "message.h"
#include "zone_spec.h"

/* Returns 0, or -1 with a message naming the load address key. Images of
 * size 0 (not measured) are skipped. */
int image_layout_check(const struct zone_spec *spec, struct message *m);

#endif
