/* Zone JSON (hvisor's format, see hvisor-compat §3) to a zone_spec. Works on
 * text in memory, so the fuzzer and `config show` never open image files. */
#ifndef ZONE_JSON_H
#define ZONE_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "message.h"
#include "zone_spec.h"

/* The size of an image file: 0 and *size, or an errno value. */
typedef int (*image_size_fn)(const char *path, uint64_t *size);

/* Fills *spec from the JSON text. With image_size NULL no file is consulted
 * and every image size stays 0. Returns 0, or -1 with a message (without the
 * file name) and *spec released. */
int zone_json_parse(const char *text, size_t len, image_size_fn image_size,
		    struct zone_spec *spec, struct message *m);

#endif
