#include "zone_id.h"

#include <errno.h>
#include <stdlib.h>

int parse_zone_id(const char *text, uint32_t *id)
{
	char *end;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	unsigned long long value = strtoull(text, &end, 10);
	if (errno || *end || value > UINT32_MAX)
		return -1;
	*id = (uint32_t)value;
	return 0;
}
