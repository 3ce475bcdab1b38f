/* Unsigned integers in zone JSON: JSON integers, or strings holding decimal
 * digits or "0x" and hex digits (JSON numbers cannot carry full 64-bit
 * addresses). Anything negative, fractional or too large is refused. */
#ifndef JSON_NUMBER_H
#define JSON_NUMBER_H

#include <jansson.h>
#include <stdint.h>

#include "message.h"

/* Stores the value of `value` in *out if it is an integer in [0, max];
 * otherwise returns -1 with a message naming `key`. */
int json_number_read(const json_t *value, const char *key, uint64_t max, uint64_t *out,
		     struct message *m);

/* "an array", "a string", ...: what the user wrote instead. */
const char *json_type_phrase(const json_t *value);

#endif
