/* A JSON file read whole, for a parser that wants its text. */
#ifndef JSON_FILE_H
#define JSON_FILE_H

#include <stddef.h>

#include "message.h"

/* Far above any real config: a bigger file is the wrong file. */
#define JSON_FILE_MAX (1u << 20)

/* The file's text (malloc'd, not terminated) and its length, or NULL with a
 * message that names the path; `kind` ("zone config") names what a file
 * over JSON_FILE_MAX bytes is not. */
char *json_file_read(const char *path, const char *kind, size_t *len, struct message *m);

#endif
