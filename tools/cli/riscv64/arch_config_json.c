/* riscv64: the PLIC's (or APLIC's) window, as hvisor writes it. */
#include "arch_config_json.h"

#include "number_fields.h"

static const struct number_field plic_fields[] = {
	FIELD(struct arch_zone_config, plic_base, true),
	FIELD(struct arch_zone_config, plic_size, true),
	FIELD(struct arch_zone_config, aplic_base, false),
	FIELD(struct arch_zone_config, aplic_size, false),
};

int arch_config_json_read(const struct json_fields *top, struct arch_zone_config *a)
{
	const json_t *object;

	if (json_fields_object(top, "arch_config", true,
			       "an object with plic_base and plic_size", &object))
		return -1;
	struct json_fields f = json_fields_of(object, "arch_config", top->m);
	return read_number_fields(&f, a, NUMBER_FIELDS(plic_fields));
}
