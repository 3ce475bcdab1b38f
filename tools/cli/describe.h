/* How zones and their resources are written for people: the same words in
 * `zone list`, `config show` and error messages. */
#ifndef DESCRIBE_H
#define DESCRIBE_H

#include <stddef.h>
#include <stdint.h>
#include <tessera/zone_config.h>

/* "ram", "io", "virtio" (the zone JSON's words), or "unknown". */
const char *memory_type_name(uint32_t type);

/* "2, 3" as hvisor's tool writes CPU sets; "none" for an empty set. */
void describe_cpus(uint64_t cpus, char *out, size_t size);

/* "33, 48-79": the INTIDs from `first` on that the bitmap holds; "none". */
void describe_interrupts(const uint32_t bitmap[CONFIG_INTERRUPT_WORDS], unsigned first,
			 char *out, size_t size);

/* "768 MiB", "4 KiB", "0x200 bytes": exact, in the largest unit that is. */
void describe_size(uint64_t bytes, char *out, size_t size);

/* A zone name (name[] need not be NUL-terminated) as a C string. */
void describe_name(const char name[CONFIG_NAME_MAXLEN], char out[CONFIG_NAME_MAXLEN + 1]);

#endif
