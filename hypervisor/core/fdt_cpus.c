/* /cpus is a child of the root; its CPU nodes are its direct children
 * (devicetree specification, v0.4, 3.7 and 3.8). Other children, such as
 * QEMU's cpu-map, have no device_type "cpu" and are passed over. */
#include "fdt_cpus.h"

#include <stdbool.h>

#include "cstring.h"
#include "fdt.h"

#define CPUS_DEPTH 2
#define CPU_DEPTH  3
#define CPU_TYPE   "cpu"
/* What the specification has a reader assume when #address-cells is absent. */
#define DEFAULT_ADDRESS_CELLS 2

struct reader {
	struct fdt_cpus *cpus;
	uint64_t boot_hw_id;
	bool have_boot;
	unsigned others;            /* kept in hw_ids[1..others] */
	bool in_cpus;
	uint32_t address_cells;
	/* The node directly under /cpus being read. */
	bool is_cpu, has_reg, reg_fits;
	uint64_t reg;
};

static const char *read_address_cells(struct reader *r, const struct fdt_token *t)
{
	if (t->value_len != 4)
		return "#address-cells of /cpus is not one cell";
	r->address_cells = (uint32_t)fdt_cells(t->value, t->value_len);
	if (r->address_cells != 1 && r->address_cells != 2)
		return "#address-cells of /cpus is neither 1 nor 2";
	return NULL;
}

static void read_cpu_property(struct reader *r, const struct fdt_token *t)
{
	if (fdt_name_is(t, "device_type")) {
		r->is_cpu = t->value_len == sizeof(CPU_TYPE) &&
			    memcmp(t->value, CPU_TYPE, sizeof(CPU_TYPE)) == 0;
	} else if (fdt_name_is(t, "reg")) {
		r->has_reg = true;
		r->reg_fits = t->value_len == r->address_cells * 4;
		if (r->reg_fits)
			r->reg = fdt_cells(t->value, t->value_len);
	}
}

/* Only the kept CPUs are compared: the others are never used. */
static const char *add_cpu(struct reader *r)
{
	const char *duplicate = "two CPU nodes have the same reg";
	uint64_t *hw_ids = r->cpus->hw_ids;

	if (!r->has_reg || !r->reg_fits)
		return "a CPU node's reg is missing or not #address-cells of /cpus wide";
	r->cpus->listed++;
	if (r->reg == r->boot_hw_id) {
		if (r->have_boot)
			return duplicate;
		r->have_boot = true;
		return NULL;
	}
	for (unsigned i = 1; i <= r->others; i++)
		if (hw_ids[i] == r->reg)
			return duplicate;
	if (r->others < MAX_CPUS - 1)
		hw_ids[++r->others] = r->reg;
	return NULL;
}

static const char *finish(struct reader *r)
{
	if (r->cpus->listed == 0)
		return "it lists no CPU under /cpus";
	if (!r->have_boot)
		return "it does not list the boot CPU";
	r->cpus->hw_ids[0] = r->boot_hw_id;
	r->cpus->count = 1 + r->others;
	return NULL;
}

static const char *read_token(struct reader *r, const struct fdt_token *t)
{
	switch (t->kind) {
	case FDT_NODE_BEGIN:
		if (t->depth == CPUS_DEPTH) {
			r->in_cpus = fdt_name_is(t, "cpus");
			r->address_cells = DEFAULT_ADDRESS_CELLS;
		} else if (t->depth == CPU_DEPTH) {
			r->is_cpu = r->has_reg = false;
		}
		return NULL;
	case FDT_PROPERTY:
		if (r->in_cpus && t->depth == CPUS_DEPTH && fdt_name_is(t, "#address-cells"))
			return read_address_cells(r, t);
		if (r->in_cpus && t->depth == CPU_DEPTH)
			read_cpu_property(r, t);
		return NULL;
	case FDT_NODE_END:
		if (r->in_cpus && t->depth == CPU_DEPTH && r->is_cpu)
			return add_cpu(r);
		if (t->depth == CPUS_DEPTH)
			r->in_cpus = false;
		return NULL;
	case FDT_DONE:
		return finish(r);
	case FDT_MALFORMED:
	default:
		return "its structure block is malformed or truncated";
	}
}

const char *fdt_cpus_read(const void *blob, size_t size, uint64_t boot_hw_id,
			  struct fdt_cpus *cpus)
{
	struct reader r = { .cpus = cpus, .boot_hw_id = boot_hw_id };
	struct fdt_walk w;

	memset(cpus, 0, sizeof(*cpus));
	if (!fdt_walk_start(&w, blob, size))
		return "its header is not a device tree's, or claims more than there is";
	for (;;) {
		struct fdt_token t = fdt_walk_next(&w);
		const char *why = read_token(&r, &t);
		if (why || t.kind == FDT_DONE)
			return why;
	}
}
