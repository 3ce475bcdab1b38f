/* Numeric JSON members stored straight into a struct of the zone config,
 * each checked against the width of its member. */
#ifndef NUMBER_FIELDS_H
#define NUMBER_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "json_fields.h"

struct number_field {
	const char *key;
	size_t offset;
	size_t width;
	bool required;
};

#define FIELD(type, member, required) \
	{ #member, offsetof(type, member), sizeof(((type *)0)->member), required }
#define NUMBER_FIELDS(table) table, sizeof(table) / sizeof(table[0])

/* 0, or -1 with the reason in f's message. */
int read_number_fields(const struct json_fields *f, void *base,
		       const struct number_field *fields, size_t count);

#endif
