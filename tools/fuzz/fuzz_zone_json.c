/* libFuzzer target: arbitrary bytes through the zone JSON parser, then, for
 * what parses, the validator, the image layout check and the conflict check
 * against the platform's root zone. Image sizes come from the path text, so
 * no file is ever opened. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "config_check.h"
#include "image_layout.h"
#include "zone_json.h"

/* Paths starting with "missing" fail; others have a size derived from their
 * length, so the fuzzer can steer images into and out of RAM regions. */
static int fake_image_size(const char *path, uint64_t *size)
{
	if (strncmp(path, "missing", 7) == 0)
		return ENOENT;
	*size = (uint64_t)strlen(path) << 12;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct zone_spec spec;
	struct config_error error;
	struct message m;

	if (zone_json_parse((const char *)data, size, fake_image_size, &spec, &m))
		return 0;
	if (zone_config_check(&spec.config, &platform, false, &error) == 0) {
		const struct zone_config *running[] = { platform.root_zone };
		image_layout_check(&spec, &m);
		zone_config_check_conflicts(&spec.config, running, 1, &error);
	}
	zone_spec_release(&spec);
	return 0;
}
