/* A zone JSON file as the CLI takes it from the user: read, parsed, its
 * images measured, and checked as the hypervisor would check it. Every
 * message starts with the file name as the user wrote it. */
#ifndef ZONE_FILE_H
#define ZONE_FILE_H

#include <stdbool.h>

#include "message.h"
#include "zone_spec.h"

/* Reads and parses the file; with measure_images the kernel, device tree and
 * module files must be readable and non-empty (their sizes go into the
 * config). */
int zone_file_read(const char *path, bool measure_images, struct zone_spec *spec,
		   struct message *m);

/* The validator (as for a non-root zone) and the image layout. */
int zone_file_check(const char *path, const struct zone_spec *spec, struct message *m);

/* Both of the above, images measured; the spec is released on failure. */
int zone_file_load(const char *path, struct zone_spec *spec, struct message *m);

#endif
