#include "zone_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_check.h"
#include "image_layout.h"
#include "json_file.h"
#include "zone_json.h"

static int image_file_size(const char *path, uint64_t *size)
{
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return errno;
	int err = fstat(fd, &st) ? errno : 0;
	close(fd);
	if (err)
		return err;
	if (S_ISDIR(st.st_mode))
		return EISDIR;
	*size = (uint64_t)st.st_size;
	return 0;
}

int zone_file_read(const char *path, bool measure_images, struct zone_spec *spec,
		   struct message *m)
{
	size_t len;
	char *text = json_file_read(path, "zone config", &len, m);

	if (!text)
		return -1;
	int err = zone_json_parse(text, len, measure_images ? image_file_size : NULL, spec, m);
	free(text);
	if (err)
		message_prefix(m, "%s", path);
	return err;
}

int zone_file_check(const char *path, const struct zone_spec *spec, struct message *m)
{
	struct config_error error;

	if (zone_config_check(&spec->config, &platform, false, &error)) {
		message_set(m, "%s: %.*s", path, (int)sizeof(error.message), error.message);
		return -1;
	}
	if (image_layout_check(spec, m)) {
		message_prefix(m, "%s", path);
		return -1;
	}
	return 0;
}

int zone_file_load(const char *path, struct zone_spec *spec, struct message *m)
{
	if (zone_file_read(path, true, spec, m))
		return -1;
	if (zone_file_check(path, spec, m)) {
		zone_spec_release(spec);
		return -1;
	}
	return 0;
}
