#include "json_number.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

/* The largest integral real a double holds exactly. */
#define EXACT_REAL_LIMIT 9007199254740992.0

const char *json_type_phrase(const json_t *value)
{
	switch (json_typeof(value)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a real number";
	case JSON_TRUE:
		return "true";
	case JSON_FALSE:
		return "false";
	default:
		return "null";
	}
}

static int digit_value(char c, unsigned base)
{
	int v = -1;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	return v >= 0 && (unsigned)v < base ? v : -1;
}

static int parse_string(const char *s, const char *key, uint64_t *out, struct message *m)
{
	unsigned base = 10;
	const char *digits = s;
	uint64_t value = 0;

	if (s[0] == '-') {
		message_set(m, "key \"%s\": \"%.40s\" is negative", key, s);
		return -1;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		digits = s + 2;
	}
	if (*digits == '\0') {
		message_set(m, "key \"%s\": \"%.40s\" is not a number", key, s);
		return -1;
	}
	for (const char *p = digits; *p; p++) {
		int d = digit_value(*p, base);
		if (d < 0) {
			message_set(m, "key \"%s\": \"%.40s\" is not a number (write decimal digits, or 0x and hex digits)",
				    key, s);
			return -1;
		}
		if (value > (UINT64_MAX - (uint64_t)d) / base) {
			message_set(m, "key \"%s\": \"%.40s\" does not fit in 64 bits", key, s);
			return -1;
		}
		value = value * base + (uint64_t)d;
	}
	*out = value;
	return 0;
}

static int parse_real(double r, const char *key, uint64_t *out, struct message *m)
{
	if (r < 0) {
		message_set(m, "key \"%s\": %g is negative", key, r);
		return -1;
	}
	if (r >= EXACT_REAL_LIMIT || r != (double)(uint64_t)r) {
		message_set(m, "key \"%s\": %g is not a whole number below 2^53 (write large values as strings such as \"0x1000\")",
			    key, r);
		return -1;
	}
	*out = (uint64_t)r;
	return 0;
}

/* Limits that are a field's width read better as "does not fit in 32 bits". */
static bool is_field_width(uint64_t max, unsigned *bits)
{
	static const unsigned widths[] = { 8, 16, 32 };

	for (unsigned i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		if (max == (1ULL << widths[i]) - 1) {
			*bits = widths[i];
			return true;
		}
	}
	return false;
}

int json_number_read(const json_t *value, const char *key, uint64_t max, uint64_t *out,
		     struct message *m)
{
	uint64_t v;
	int err;

	if (json_is_integer(value)) {
		json_int_t i = json_integer_value(value);
		if (i < 0) {
			message_set(m, "key \"%s\": %" JSON_INTEGER_FORMAT " is negative", key, i);
			return -1;
		}
		v = (uint64_t)i;
		err = 0;
	} else if (json_is_real(value)) {
		err = parse_real(json_real_value(value), key, &v, m);
	} else if (json_is_string(value)) {
		err = parse_string(json_string_value(value), key, &v, m);
	} else {
		message_set(m, "key \"%s\": expected an integer or a string such as \"0x1000\", got %s",
			    key, json_type_phrase(value));
		return -1;
	}
	if (err)
		return err;
	if (v > max) {
		unsigned bits;
		if (is_field_width(max, &bits))
			message_set(m, "key \"%s\": 0x%" PRIx64 " does not fit in %u bits", key, v, bits);
		else
			message_set(m, "key \"%s\": %" PRIu64 " is out of range (at most %" PRIu64 ")",
				    key, v, max);
		return -1;
	}
	*out = v;
	return 0;
}
