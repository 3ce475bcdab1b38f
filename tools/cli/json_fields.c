#include "json_fields.h"

#include <stdio.h>
#include <string.h>

#include "json_number.h"

struct json_fields json_fields_of(const json_t *object, const char *path, struct message *m)
{
	struct json_fields f = { .object = object, .m = m };

	snprintf(f.path, sizeof(f.path), "%.95s", path);
	return f;
}

void json_fields_key(const struct json_fields *f, const char *key, char out[JSON_KEY_MAX])
{
	snprintf(out, JSON_KEY_MAX, "%.60s%s%.32s", f->path, f->path[0] ? "." : "", key);
}

void json_fields_element_key(const struct json_fields *f, const char *key, size_t index,
			     char out[JSON_KEY_MAX])
{
	char array_key[JSON_KEY_MAX];

	json_fields_key(f, key, array_key);
	snprintf(out, JSON_KEY_MAX, "%.70s[%zu]", array_key, index);
}

/* The member, or NULL: then *err says whether its absence is an error. */
static const json_t *member(const struct json_fields *f, const char *key, bool required,
			    int *err)
{
	const json_t *value = json_object_get(f->object, key);
	char full[JSON_KEY_MAX];

	*err = 0;
	if (value || !required)
		return value;
	json_fields_key(f, key, full);
	message_set(f->m, "key \"%s\": required key is missing", full);
	*err = -1;
	return NULL;
}

static int wrong_type(const struct json_fields *f, const char *key, const char *expected,
		      const json_t *value)
{
	char full[JSON_KEY_MAX];

	json_fields_key(f, key, full);
	message_set(f->m, "key \"%s\": expected %s, got %s", full, expected,
		    json_type_phrase(value));
	return -1;
}

int json_fields_number(const struct json_fields *f, const char *key, bool required,
		       uint64_t max, uint64_t *out)
{
	char full[JSON_KEY_MAX];
	int err;
	const json_t *value = member(f, key, required, &err);

	if (!value)
		return err;
	json_fields_key(f, key, full);
	return json_number_read(value, full, max, out, f->m);
}

int json_fields_string(const struct json_fields *f, const char *key, bool required,
		       size_t max_len, const char **out)
{
	char full[JSON_KEY_MAX];
	int err;
	const json_t *value = member(f, key, required, &err);

	if (!value)
		return err;
	if (!json_is_string(value))
		return wrong_type(f, key, "a string", value);
	json_fields_key(f, key, full);
	const char *s = json_string_value(value);
	if (strlen(s) > max_len) {
		message_set(f->m, "key \"%s\": \"%.40s...\" is longer than %zu characters", full, s,
			    max_len);
		return -1;
	}
	*out = s;
	return 0;
}

int json_fields_bool(const struct json_fields *f, const char *key, bool required, bool *out)
{
	int err;
	const json_t *value = member(f, key, required, &err);

	if (!value)
		return err;
	if (json_is_boolean(value)) {
		*out = json_is_true(value);
		return 0;
	}
	if (json_is_integer(value) && (json_integer_value(value) == 0 ||
				       json_integer_value(value) == 1)) {
		*out = json_integer_value(value) == 1;
		return 0;
	}
	return wrong_type(f, key, "true, false, 0 or 1", value);
}

int json_fields_object(const struct json_fields *f, const char *key, bool required,
		       const char *expected, const json_t **out)
{
	int err;
	const json_t *value = member(f, key, required, &err);

	*out = NULL;
	if (!value)
		return err;
	if (!json_is_object(value))
		return wrong_type(f, key, expected, value);
	*out = value;
	return 0;
}

int json_fields_array(const struct json_fields *f, const char *key, bool required,
		      size_t max_len, const char *expected, const json_t **out)
{
	int err;
	const json_t *value = member(f, key, required, &err);

	*out = NULL;
	if (!value)
		return err;
	if (!json_is_array(value))
		return wrong_type(f, key, expected, value);
	if (json_array_size(value) > max_len) {
		char full[JSON_KEY_MAX];
		json_fields_key(f, key, full);
		message_set(f->m, "key \"%s\": %zu entries, at most %zu are allowed", full,
			    json_array_size(value), max_len);
		return -1;
	}
	*out = value;
	return 0;
}

int json_fields_element(const struct json_fields *parent, const char *key, const json_t *array,
			size_t index, const char *expected, struct json_fields *out)
{
	char path[JSON_KEY_MAX];
	const json_t *element = json_array_get(array, index);

	json_fields_element_key(parent, key, index, path);
	if (!json_is_object(element)) {
		message_set(parent->m, "key \"%s\": expected %s, got %s", path, expected,
			    json_type_phrase(element));
		return -1;
	}
	*out = json_fields_of(element, path, parent->m);
	return 0;
}
