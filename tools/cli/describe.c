#include "describe.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const char *memory_type_name(uint32_t type)
{
	switch (type) {
	case MEM_TYPE_RAM:
		return "ram";
	case MEM_TYPE_IO:
		return "io";
	case MEM_TYPE_VIRTIO:
		return "virtio";
	default:
		return "unknown";
	}
}

struct text {
	char *out;
	size_t size;
	size_t len;
};

__attribute__((format(printf, 2, 3)))
static void append(struct text *t, const char *fmt, ...)
{
	va_list args;

	if (t->len >= t->size)
		return;
	va_start(args, fmt);
	int n = vsnprintf(t->out + t->len, t->size - t->len, fmt, args);
	va_end(args);
	if (n > 0)
		t->len += (size_t)n;
}

void describe_cpus(uint64_t cpus, char *out, size_t size)
{
	struct text t = { out, size, 0 };

	out[0] = '\0';
	for (unsigned cpu = 0; cpu < 64; cpu++)
		if (cpus & (1ULL << cpu))
			append(&t, "%s%u", t.len ? ", " : "", cpu);
	if (!t.len)
		append(&t, "none");
}

static bool has_interrupt(const uint32_t bitmap[CONFIG_INTERRUPT_WORDS], unsigned intid)
{
	return intid < CONFIG_MAX_INTERRUPTS && (bitmap[intid / 32] & (1u << (intid % 32)));
}

void describe_interrupts(const uint32_t bitmap[CONFIG_INTERRUPT_WORDS], unsigned first,
			 char *out, size_t size)
{
	struct text t = { out, size, 0 };

	out[0] = '\0';
	for (unsigned intid = first; intid < CONFIG_MAX_INTERRUPTS; intid++) {
		if (!has_interrupt(bitmap, intid))
			continue;
		unsigned last = intid;
		while (has_interrupt(bitmap, last + 1))
			last++;
		append(&t, "%s%u", t.len ? ", " : "", intid);
		if (last > intid)
			append(&t, "-%u", last);
		intid = last;
	}
	if (!t.len)
		append(&t, "none");
}

void describe_size(uint64_t bytes, char *out, size_t size)
{
	static const char *const units[] = { "GiB", "MiB", "KiB" };
	static const unsigned shifts[] = { 30, 20, 10 };

	for (unsigned i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		uint64_t unit = 1ULL << shifts[i];
		if (bytes && bytes % unit == 0) {
			snprintf(out, size, "%" PRIu64 " %s", bytes / unit, units[i]);
			return;
		}
	}
	snprintf(out, size, "0x%" PRIx64 " bytes", bytes);
}

void describe_name(const char name[CONFIG_NAME_MAXLEN], char out[CONFIG_NAME_MAXLEN + 1])
{
	size_t len = strnlen(name, CONFIG_NAME_MAXLEN);

	memcpy(out, name, len);
	out[len] = '\0';
}
