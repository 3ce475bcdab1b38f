/* Reading a zone's flattened device tree, as far as restarting it needs:
 * where /chosen says its initial ramdisk is. The blob is untrusted (fdt.h). */
#ifndef FDT_CHOSEN_H
#define FDT_CHOSEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* /chosen's linux,initrd-start and -end (32- or 64-bit cells); false when
 * the blob is malformed or they are absent or inverted. */
bool fdt_initrd_range(const void *blob, size_t size, uint64_t *start, uint64_t *end);

#endif
