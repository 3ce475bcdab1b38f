/* Typed access to the members of one JSON object, naming each member by its
 * full key path ("memory_regions[1].size") when it is missing or wrong. */
#ifndef JSON_FIELDS_H
#define JSON_FIELDS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "message.h"

/* Real keys are far shorter; longer ones are cut, never overflowed. */
#define JSON_KEY_MAX 96

struct json_fields {
	const json_t *object;
	char path[JSON_KEY_MAX];   /* "" at the top level, else "memory_regions[1]" */
	struct message *m;
};

/* The members of `object`, which sits at `path` (may be ""). */
struct json_fields json_fields_of(const json_t *object, const char *path, struct message *m);

/* The full key of a member, for messages and nested paths. */
void json_fields_key(const struct json_fields *f, const char *key, char out[JSON_KEY_MAX]);
/* The full key of element `index` of the array member `key`. */
void json_fields_element_key(const struct json_fields *f, const char *key, size_t index,
			     char out[JSON_KEY_MAX]);

/* Each returns 0, or -1 with a message. A required member that is absent is
 * an error; an optional one leaves *out untouched (NULL for pointers). */
int json_fields_number(const struct json_fields *f, const char *key, bool required,
		       uint64_t max, uint64_t *out);
/* A string of at most max_len bytes (jansson refuses embedded NULs). */
int json_fields_string(const struct json_fields *f, const char *key, bool required,
		       size_t max_len, const char **out);
int json_fields_bool(const struct json_fields *f, const char *key, bool required, bool *out);
int json_fields_object(const struct json_fields *f, const char *key, bool required,
		       const char *expected, const json_t **out);
/* An array of at most max_len elements; `expected` says what it should hold,
 * e.g. "an array of CPU numbers". */
int json_fields_array(const struct json_fields *f, const char *key, bool required,
		      size_t max_len, const char *expected, const json_t **out);
/* The members of element `index` of the array member `key`, which must be an
 * object; `expected` says what it should be. */
int json_fields_element(const struct json_fields *parent, const char *key, const json_t *array,
			size_t index, const char *expected, struct json_fields *out);

#endif
