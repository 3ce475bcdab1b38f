#include "json_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *json_file_read(const char *path, const char *kind, size_t *len, struct message *m)
{
	FILE *file = fopen(path, "rb");

	if (!file) {
		message_set(m, "%s: %s", path, strerror(errno));
		return NULL;
	}
	char *text = malloc(JSON_FILE_MAX + 1);
	if (!text) {
		message_set(m, "%s: out of memory", path);
		fclose(file);
		return NULL;
	}
	*len = fread(text, 1, JSON_FILE_MAX + 1, file);
	int failed = ferror(file);
	fclose(file);
	if (failed || *len > JSON_FILE_MAX) {
		if (failed)
			message_set(m, "%s: cannot read the file", path);
		else
			message_set(m, "%s: larger than %u bytes, not a %s", path, JSON_FILE_MAX,
				    kind);
		free(text);
		return NULL;
	}
	return text;
}
