#include "zone_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_check.h"
#include "image_layout.h"
#include "zone_json.h"

/* Far above any real zone config; a bigger file is the wrong file. */
#define ZONE_FILE_MAX (1u << 20)

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

static char *read_text(const char *path, size_t *len, struct message *m)
{
	FILE *file = fopen(path, "rb");

	if (!file) {
		message_set(m, "%s: %s", path, strerror(errno));
		return NULL;
	}
	char *text = malloc(ZONE_FILE_MAX + 1);
	if (!text) {
		message_set(m, "%s: out of memory", path);
		fclose(file);
		return NULL;
	}
	*len = fread(text, 1, ZONE_FILE_MAX + 1, file);
	int failed = ferror(file);
	fclose(file);
	if (failed || *len > ZONE_FILE_MAX) {
		if (failed)
			message_set(m, "%s: cannot read the file", path);
		else
			message_set(m, "%s: larger than %u bytes, not a zone config", path,
				    ZONE_FILE_MAX);
		free(text);
		return NULL;
	}
	return text;
}

int zone_file_read(const char *path, bool measure_images, struct zone_spec *spec,
		   struct message *m)
{
	size_t len;
	char *text = read_text(path, &len, m);

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
