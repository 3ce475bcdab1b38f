/* Time: the `time` CSR, counting at the device tree's timebase-frequency
 * (/cpus, which QEMU's virt board sets to 10 MHz). */
#include <asm/csr.h>

#include "arch.h"
#include "fdt.h"
#include "platform.h"

#define DEFAULT_TIMEBASE_HZ 10000000ULL
#define CPUS_DEPTH 2

void boot_time_init(uint64_t dtb);

/* In .data: the console may need the time before the tree is read. */
static uint64_t timebase_hz = DEFAULT_TIMEBASE_HZ;

static uint64_t read_timebase(const void *blob, size_t size)
{
	struct fdt_walk w;
	bool in_cpus = false;

	if (!fdt_walk_start(&w, blob, size))
		return 0;
	for (;;) {
		struct fdt_token t = fdt_walk_next(&w);
		switch (t.kind) {
		case FDT_NODE_BEGIN:
			if (t.depth == CPUS_DEPTH)
				in_cpus = fdt_name_is(&t, "cpus");
			break;
		case FDT_PROPERTY:
			if (in_cpus && t.depth == CPUS_DEPTH &&
			    fdt_name_is(&t, "timebase-frequency") &&
			    (t.value_len == 4 || t.value_len == 8))
				return fdt_cells(t.value, t.value_len);
			break;
		case FDT_NODE_END:
			break;
		default:
			return 0;
		}
	}
}

/* On the boot hart, before anything is logged. */
void boot_time_init(uint64_t dtb)
{
	const struct phys_range *ram = &platform.ram;
	uint64_t hz;

	if (dtb < ram->start || dtb - ram->start >= ram->size)
		return;
	hz = read_timebase((const void *)(uintptr_t)dtb, ram->start + ram->size - dtb);
	if (hz)
		timebase_hz = hz;
}

uint64_t arch_time_ns(void)
{
	uint64_t ticks = csr_read(CSR_TIME);

	return ticks / timebase_hz * 1000000000ULL +
	       ticks % timebase_hz * 1000000000ULL / timebase_hz;
}
