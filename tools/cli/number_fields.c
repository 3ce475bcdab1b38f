#include "number_fields.h"

#include <stdint.h>
#include <string.h>

int read_number_fields(const struct json_fields *f, void *base,
		       const struct number_field *fields, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		const struct number_field *field = &fields[i];
		uint64_t max = field->width == 8 ? UINT64_MAX : (1ULL << (8 * field->width)) - 1;
		uint64_t value = 0;

		if (json_fields_number(f, field->key, field->required, max, &value))
			return -1;
		unsigned char *dest = (unsigned char *)base + field->offset;
		if (field->width == 1) {
			uint8_t v = (uint8_t)value;
			memcpy(dest, &v, sizeof(v));
		} else if (field->width == 4) {
			uint32_t v = (uint32_t)value;
			memcpy(dest, &v, sizeof(v));
		} else {
			memcpy(dest, &value, sizeof(value));
		}
	}
	return 0;
}
