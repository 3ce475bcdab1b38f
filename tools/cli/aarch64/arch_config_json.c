/* aarch64: the GIC's version and its windows, as hvisor writes them. */
#include "arch_config_json.h"

#include <string.h>

#include "message.h"
#include "number_fields.h"

static const struct number_field gicv3_fields[] = {
	FIELD(struct gicv3_config, gicd_base, true),
	FIELD(struct gicv3_config, gicd_size, true),
	FIELD(struct gicv3_config, gicr_base, true),
	FIELD(struct gicv3_config, gicr_size, true),
	FIELD(struct gicv3_config, gits_base, false),
	FIELD(struct gicv3_config, gits_size, false),
};

static const struct number_field gicv2_fields[] = {
	FIELD(struct gicv2_config, gicd_base, true),
	FIELD(struct gicv2_config, gicd_size, true),
	FIELD(struct gicv2_config, gicc_base, true),
	FIELD(struct gicv2_config, gicc_size, true),
	FIELD(struct gicv2_config, gicc_offset, false),
	FIELD(struct gicv2_config, gich_base, false),
	FIELD(struct gicv2_config, gich_size, false),
	FIELD(struct gicv2_config, gicv_base, false),
	FIELD(struct gicv2_config, gicv_size, false),
};

int arch_config_json_read(const struct json_fields *top, struct arch_zone_config *a)
{
	const json_t *object;
	const char *version;
	char key[JSON_KEY_MAX];
	bool aarch32 = false;

	if (json_fields_object(top, "arch_config", true, "an object with gic_version and the GIC's addresses",
			       &object))
		return -1;
	struct json_fields f = json_fields_of(object, "arch_config", top->m);
	if (json_fields_bool(&f, "is_aarch32", false, &aarch32) ||
	    json_fields_string(&f, "gic_version", true, 8, &version))
		return -1;
	a->is_aarch32 = aarch32;
	if (strcmp(version, "v3") == 0) {
		a->gic_version_tag = GIC_VERSION_TAG_V3;
		return read_number_fields(&f, &a->gic.v3, NUMBER_FIELDS(gicv3_fields));
	}
	if (strcmp(version, "v2") == 0) {
		a->gic_version_tag = GIC_VERSION_TAG_V2;
		return read_number_fields(&f, &a->gic.v2, NUMBER_FIELDS(gicv2_fields));
	}
	json_fields_key(&f, "gic_version", key);
	message_set(f.m, "key \"%s\": expected \"v2\" or \"v3\", got \"%s\"", key, version);
	return -1;
}
