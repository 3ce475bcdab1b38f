/* /chosen is a child of the root; its initrd properties are one or two
 * cells each. */
#include "fdt_chosen.h"

#include "fdt.h"

bool fdt_initrd_range(const void *blob, size_t size, uint64_t *start, uint64_t *end)
{
	struct fdt_walk w;
	bool in_chosen = false, have_start = false, have_end = false;

	if (!fdt_walk_start(&w, blob, size))
		return false;
	for (;;) {
		struct fdt_token t = fdt_walk_next(&w);
		switch (t.kind) {
		case FDT_NODE_BEGIN:
			in_chosen = t.depth == 2 && fdt_name_is(&t, "chosen");
			break;
		case FDT_NODE_END:
			in_chosen = false;
			break;
		case FDT_PROPERTY:
			if (!in_chosen || (t.value_len != 4 && t.value_len != 8))
				break;
			if (fdt_name_is(&t, "linux,initrd-start")) {
				*start = fdt_cells(t.value, t.value_len);
				have_start = true;
			} else if (fdt_name_is(&t, "linux,initrd-end")) {
				*end = fdt_cells(t.value, t.value_len);
				have_end = true;
			}
			break;
		case FDT_DONE:
			return have_start && have_end && *start < *end;
		case FDT_MALFORMED:
			return false;
		}
	}
}
