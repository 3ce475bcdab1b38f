#include "zone_json.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch_config_json.h"
#include "describe.h"
#include "json_fields.h"
#include "json_number.h"
#include "number_fields.h"

#define MAX_CPU_ID 63
#define MODULE_NAME_MAX 32

static const struct number_field top_fields[] = {
	FIELD(struct zone_config, zone_id, true),
	FIELD(struct zone_config, kernel_load_paddr, true),
	FIELD(struct zone_config, dtb_load_paddr, true),
	FIELD(struct zone_config, entry_point, true),
};

static const struct number_field region_fields[] = {
	FIELD(struct memory_region, physical_start, true),
	FIELD(struct memory_region, virtual_start, true),
	FIELD(struct memory_region, size, true),
};

static const struct number_field ivc_fields[] = {
	FIELD(struct ivc_config, ivc_id, true),
	FIELD(struct ivc_config, peer_id, true),
	FIELD(struct ivc_config, control_table_ipa, true),
	FIELD(struct ivc_config, shared_mem_ipa, true),
	FIELD(struct ivc_config, rw_sec_size, true),
	FIELD(struct ivc_config, out_sec_size, true),
	FIELD(struct ivc_config, interrupt_num, true),
	FIELD(struct ivc_config, max_peers, true),
};

static const struct number_field pci_fields[] = {
	FIELD(struct pci_config, ecam_base, true),
	FIELD(struct pci_config, ecam_size, true),
	FIELD(struct pci_config, io_base, true),
	FIELD(struct pci_config, io_size, true),
	FIELD(struct pci_config, pci_io_base, true),
	FIELD(struct pci_config, mem32_base, true),
	FIELD(struct pci_config, mem32_size, true),
	FIELD(struct pci_config, pci_mem32_base, true),
	FIELD(struct pci_config, mem64_base, true),
	FIELD(struct pci_config, mem64_size, true),
	FIELD(struct pci_config, pci_mem64_base, true),
	FIELD(struct pci_config, bus_range_begin, true),
	FIELD(struct pci_config, bus_range_end, true),
	FIELD(struct pci_config, domain, false),
};

static const struct number_field pci_dev_fields[] = {
	FIELD(struct pci_dev_config, domain, true),
	FIELD(struct pci_dev_config, bus, true),
	FIELD(struct pci_dev_config, device, true),
	FIELD(struct pci_dev_config, function, true),
	FIELD(struct pci_dev_config, dev_type, false),
};

/* An array of distinct numbers below `limit` (CPUs, INTIDs) as a bitmap. */
static int read_id_set(const struct json_fields *f, const char *key, unsigned limit,
		       const char *expected, const char *noun, uint32_t set[CONFIG_INTERRUPT_WORDS])
{
	const json_t *array;
	const json_t *value;
	size_t i;

	if (json_fields_array(f, key, true, limit, expected, &array))
		return -1;
	json_array_foreach(array, i, value) {
		char element[JSON_KEY_MAX];
		uint64_t id;

		json_fields_element_key(f, key, i, element);
		if (json_number_read(value, element, limit - 1, &id, f->m))
			return -1;
		uint32_t bit = 1u << (id % 32);
		if (set[id / 32] & bit) {
			message_set(f->m, "key \"%s\": %s %u is listed twice", element, noun,
				    (unsigned)id);
			return -1;
		}
		set[id / 32] |= bit;
	}
	return 0;
}

static int read_cpus(const struct json_fields *f, struct zone_config *c)
{
	uint32_t set[CONFIG_INTERRUPT_WORDS] = { 0 };

	if (read_id_set(f, "cpus", MAX_CPU_ID + 1, "an array of CPU numbers", "CPU", set))
		return -1;
	c->cpus = (uint64_t)set[1] << 32 | set[0];
	return 0;
}

static int read_region(const struct json_fields *f, struct memory_region *r)
{
	char key[JSON_KEY_MAX];
	const char *type;

	if (json_fields_string(f, "type", true, 16, &type))
		return -1;
	for (r->type = MEM_TYPE_RAM; r->type <= MEM_TYPE_VIRTIO; r->type++)
		if (strcmp(type, memory_type_name(r->type)) == 0)
			return read_number_fields(f, r, NUMBER_FIELDS(region_fields));
	json_fields_key(f, "type", key);
	message_set(f->m, "key \"%s\": expected \"ram\", \"io\" or \"virtio\", got \"%s\"", key,
		    type);
	return -1;
}

static int read_regions(const struct json_fields *f, struct zone_config *c)
{
	static const char expected[] =
		"an array of {type, physical_start, virtual_start, size} objects";
	const json_t *array;

	if (json_fields_array(f, "memory_regions", true, CONFIG_MAX_MEMORY_REGIONS, expected,
			      &array))
		return -1;
	for (size_t i = 0; i < json_array_size(array); i++) {
		struct json_fields region;
		if (json_fields_element(f, "memory_regions", array, i, "a {type, physical_start, virtual_start, size} object",
				   &region) ||
		    read_region(&region, &c->memory_regions[i]))
			return -1;
	}
	c->num_memory_regions = (uint32_t)json_array_size(array);
	return 0;
}

/* An array of objects, each read by its number fields into base[i]. */
static int read_object_array(const struct json_fields *f, const char *key, bool required,
			     size_t max_len, const char *expected, void *base, size_t stride,
			     const struct number_field *fields, size_t count, size_t *len)
{
	const json_t *array;

	*len = 0;
	if (json_fields_array(f, key, required, max_len, expected, &array))
		return -1;
	for (size_t i = 0; array && i < json_array_size(array); i++) {
		struct json_fields element;
		if (json_fields_element(f, key, array, i, "an object", &element) ||
		    read_number_fields(&element, (unsigned char *)base + i * stride, fields, count))
			return -1;
		*len = i + 1;
	}
	return 0;
}

static int read_name(const struct json_fields *f, struct zone_config *c)
{
	const char *name;

	/* name[] keeps a terminating NUL, as the validator demands. */
	if (json_fields_string(f, "name", true, CONFIG_NAME_MAXLEN - 1, &name))
		return -1;
	memcpy(c->name, name, strlen(name));
	return 0;
}

static int add_image(struct zone_spec *spec, const struct json_fields *f, const char *key,
		     const char *load_key, uint64_t load_paddr, const char *what)
{
	struct zone_image *image = &spec->images[spec->num_images];
	char full_key[JSON_KEY_MAX];
	const char *path;

	if (json_fields_string(f, key, true, PATH_MAX - 1, &path))
		return -1;
	image->path = strdup(path);
	if (!image->path) {
		message_set(f->m, "out of memory");
		return -1;
	}
	spec->num_images++;
	snprintf(image->what, sizeof(image->what), "%s", what);
	json_fields_key(f, key, full_key);
	snprintf(image->key, sizeof(image->key), "%.47s", full_key);
	json_fields_key(f, load_key, full_key);
	snprintf(image->load_key, sizeof(image->load_key), "%.47s", full_key);
	image->load_paddr = load_paddr;
	return 0;
}

static int read_modules(const struct json_fields *f, struct zone_spec *spec)
{
	const json_t *array;

	if (json_fields_array(f, "modules", false, ZONE_SPEC_MAX_MODULES,
			      "an array of {name, filepath, load_paddr} objects", &array))
		return -1;
	for (size_t i = 0; array && i < json_array_size(array); i++) {
		struct json_fields module;
		const char *name;
		uint64_t load_paddr;
		char what[64];

		if (json_fields_element(f, "modules", array, i, "a {name, filepath, load_paddr} object",
				   &module) ||
		    json_fields_string(&module, "name", true, MODULE_NAME_MAX, &name) ||
		    json_fields_number(&module, "load_paddr", true, UINT64_MAX, &load_paddr))
			return -1;
		snprintf(what, sizeof(what), "module \"%s\"", name);
		if (add_image(spec, &module, "filepath", "load_paddr", load_paddr, what))
			return -1;
	}
	return 0;
}

static int size_images(struct zone_spec *spec, image_size_fn image_size, struct message *m)
{
	for (unsigned i = 0; i < spec->num_images; i++) {
		struct zone_image *image = &spec->images[i];
		int err = image_size(image->path, &image->size);

		if (err) {
			message_set(m, "key \"%s\": %s: %s", image->key, image->path, strerror(err));
			return -1;
		}
		if (image->size == 0) {
			message_set(m, "key \"%s\": %s: the file is empty", image->key, image->path);
			return -1;
		}
	}
	spec->config.kernel_size = spec->images[ZONE_IMAGE_KERNEL].size;
	spec->config.dtb_size = spec->images[ZONE_IMAGE_DTB].size;
	return 0;
}

static int read_zone(const json_t *root, struct zone_spec *spec, struct message *m)
{
	struct json_fields f = json_fields_of(root, "", m);
	struct zone_config *c = &spec->config;
	size_t n;

	if (read_name(&f, c) || read_number_fields(&f, c, NUMBER_FIELDS(top_fields)) ||
	    read_cpus(&f, c) || read_regions(&f, c) ||
	    read_id_set(&f, "interrupts", CONFIG_MAX_INTERRUPTS, "an array of interrupt numbers",
			"interrupt", c->interrupts_bitmap))
		return -1;
	if (read_object_array(&f, "ivc_configs", true, CONFIG_MAX_IVC_CONFIGS,
			      "an array of IVC objects (may be empty)", c->ivc_configs,
			      sizeof(c->ivc_configs[0]), NUMBER_FIELDS(ivc_fields), &n))
		return -1;
	c->num_ivc_configs = (uint32_t)n;
	if (arch_config_json_read(&f, &c->arch_config))
		return -1;
	/* hvisor-tool requires it, but its own example configs leave it out:
	 * no key is no PCI bus, as an empty array is. */
	if (read_object_array(&f, "pci_config", false, CONFIG_MAX_PCI_BUS,
			      "an array of PCI bus objects (may be empty)", c->pci_config,
			      sizeof(c->pci_config[0]), NUMBER_FIELDS(pci_fields), &n))
		return -1;
	c->num_pci_bus = n;
	if (read_object_array(&f, "alloc_pci_devs", false, CONFIG_MAX_PCI_DEVS,
			      "an array of PCI device objects", c->alloc_pci_devs,
			      sizeof(c->alloc_pci_devs[0]), NUMBER_FIELDS(pci_dev_fields), &n))
		return -1;
	c->num_pci_devs = n;
	if (add_image(spec, &f, "kernel_filepath", "kernel_load_paddr", c->kernel_load_paddr,
		      "kernel") ||
	    add_image(spec, &f, "dtb_filepath", "dtb_load_paddr", c->dtb_load_paddr,
		      "device tree"))
		return -1;
	return read_modules(&f, spec);
}

static void describe_syntax_error(const json_error_t *error, struct message *m)
{
	if (json_error_code(error) == json_error_numeric_overflow)
		message_set(m, "line %d, column %d: the number does not fit a JSON integer; write it as a string such as \"0x8000000000000000\"",
			    error->line, error->column);
	else
		message_set(m, "invalid JSON at line %d, column %d: %s", error->line, error->column,
			    error->text);
}

int zone_json_parse(const char *text, size_t len, image_size_fn image_size,
		    struct zone_spec *spec, struct message *m)
{
	json_error_t error;
	int err = -1;

	memset(spec, 0, sizeof(*spec));
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &error);
	if (!root) {
		describe_syntax_error(&error, m);
		return -1;
	}
	if (!json_is_object(root))
		message_set(m, "expected a JSON object at the top level, got %s",
			    json_type_phrase(root));
	else
		err = read_zone(root, spec, m);
	json_decref(root);
	if (!err && image_size)
		err = size_images(spec, image_size, m);
	if (err)
		zone_spec_release(spec);
	return err;
}

void zone_spec_release(struct zone_spec *spec)
{
	for (unsigned i = 0; i < spec->num_images; i++) {
		free(spec->images[i].path);
		spec->images[i].path = NULL;
	}
	spec->num_images = 0;
}
