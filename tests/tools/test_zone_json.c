/* Zone JSON to zone_config: every field lands where the ABI puts it, numbers
 * are read in all accepted spellings and refused with the key named, and the
 * image checks the CLI adds to the validator. The CLI tests in test_cli.py
 * cover the same paths as a user sees them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <jansson.h>
#include <string.h>

#include "image_layout.h"
#include "zone_json.h"

static const char zone1_json[] =
	"{\"name\": \"zone1\", \"zone_id\": 1, \"cpus\": [2, 3],"
	" \"memory_regions\": ["
	"  {\"type\": \"ram\", \"physical_start\": \"0x50000000\","
	"   \"virtual_start\": \"0x50000000\", \"size\": \"0x30000000\"},"
	"  {\"type\": \"virtio\", \"physical_start\": \"0xa003c00\","
	"   \"virtual_start\": \"0xa003c00\", \"size\": \"0x200\"}],"
	" \"interrupts\": [33, 78], \"ivc_configs\": [],"
	" \"kernel_filepath\": \"kernel\", \"dtb_filepath\": \"dtb\","
	" \"kernel_load_paddr\": \"0x50400000\", \"dtb_load_paddr\": \"0x50000000\","
	" \"entry_point\": \"0x50400000\","
	" \"modules\": [{\"name\": \"initramfs\", \"filepath\": \"initrd\","
	"   \"load_paddr\": \"0x58000000\"}],"
	" \"arch_config\": {\"gic_version\": \"v3\", \"gicd_base\": \"0x8000000\","
	"  \"gicd_size\": \"0x10000\", \"gicr_base\": \"0x80a0000\", \"gicr_size\": \"0x80000\","
	"  \"gits_base\": \"0x8080000\", \"gits_size\": \"0x20000\"},"
	" \"pci_config\": []}";

/* Every image is 64 KiB, except "absent", which does not exist. */
static int fixed_image_size(const char *path, uint64_t *size)
{
	if (strcmp(path, "absent") == 0)
		return ENOENT;
	*size = 0x10000;
	return 0;
}

static int parse_text(const char *text, struct zone_spec *spec, struct message *m)
{
	return zone_json_parse(text, strlen(text), fixed_image_size, spec, m);
}

/* zone1 with one top-level key replaced (value NULL: removed). */
static int parse_zone1_with(const char *key, json_t *value, struct zone_spec *spec,
			    struct message *m)
{
	json_t *root = json_loads(zone1_json, 0, NULL);

	assert_non_null(root);
	if (value)
		json_object_set_new(root, key, value);
	else
		json_object_del(root, key);
	char *text = json_dumps(root, 0);
	json_decref(root);
	int err = parse_text(text, spec, m);
	free(text);
	return err;
}

static void assert_refused(const char *key, json_t *value, const char *expected)
{
	struct zone_spec spec;
	struct message m;

	assert_int_equal(parse_zone1_with(key, value, &spec, &m), -1);
	assert_string_equal(m.text, expected);
}

static void zone1_fields_land_in_the_abi_layout(void **state)
{
	struct zone_spec spec;
	struct message m;
	(void)state;

	assert_int_equal(parse_text(zone1_json, &spec, &m), 0);
	const struct zone_config *c = &spec.config;
	assert_string_equal(c->name, "zone1");
	assert_int_equal(c->zone_id, 1);
	assert_int_equal(c->cpus, 0xc);
	assert_int_equal(c->num_memory_regions, 2);
	assert_int_equal(c->memory_regions[0].type, MEM_TYPE_RAM);
	assert_int_equal(c->memory_regions[0].physical_start, 0x50000000);
	assert_int_equal(c->memory_regions[0].size, 0x30000000);
	assert_int_equal(c->memory_regions[1].type, MEM_TYPE_VIRTIO);
	assert_int_equal(c->memory_regions[1].virtual_start, 0xa003c00);
	assert_int_equal(c->interrupts_bitmap[1], 1u << 1);
	assert_int_equal(c->interrupts_bitmap[2], 1u << 14);
	assert_int_equal(c->kernel_load_paddr, 0x50400000);
	assert_int_equal(c->kernel_size, 0x10000);
	assert_int_equal(c->dtb_load_paddr, 0x50000000);
	assert_int_equal(c->dtb_size, 0x10000);
	assert_int_equal(c->entry_point, 0x50400000);
	assert_int_equal(c->arch_config.gic_version_tag, GIC_VERSION_TAG_V3);
	assert_int_equal(c->arch_config.gic.v3.gicr_base, 0x80a0000);
	assert_int_equal(c->arch_config.gic.v3.gits_size, 0x20000);
	assert_int_equal(c->num_ivc_configs, 0);
	assert_int_equal(c->num_pci_bus, 0);
	assert_int_equal(spec.num_images, 3);
	assert_string_equal(spec.images[ZONE_IMAGE_FIRST_MODULE].path, "initrd");
	assert_string_equal(spec.images[ZONE_IMAGE_FIRST_MODULE].load_key, "modules[0].load_paddr");
	assert_int_equal(spec.images[ZONE_IMAGE_FIRST_MODULE].load_paddr, 0x58000000);
	zone_spec_release(&spec);
}

static void numbers_in_every_accepted_spelling(void **state)
{
	static const char *const spellings[] = { "1342177280", "\"1342177280\"", "\"0x50000000\"",
						 "\"0X50000000\"", "1342177280.0" };
	(void)state;

	for (size_t i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		struct zone_spec spec;
		struct message m;
		json_t *value = json_loads(spellings[i], JSON_DECODE_ANY, NULL);

		assert_int_equal(parse_zone1_with("dtb_load_paddr", value, &spec, &m), 0);
		assert_int_equal(spec.config.dtb_load_paddr, 0x50000000);
		zone_spec_release(&spec);
	}
}

static void full_64_bit_values_as_strings(void **state)
{
	struct zone_spec spec;
	struct message m;
	(void)state;

	assert_int_equal(parse_zone1_with("entry_point", json_string("0xffffffffffffffff"), &spec,
					  &m), 0);
	assert_true(spec.config.entry_point == UINT64_MAX);
	zone_spec_release(&spec);
}

static void bad_numbers_name_key_and_rule(void **state)
{
	(void)state;
	assert_refused("entry_point", json_integer(-1), "key \"entry_point\": -1 is negative");
	assert_refused("entry_point", json_string("-0x10"),
		       "key \"entry_point\": \"-0x10\" is negative");
	assert_refused("entry_point", json_string("0x10000000000000000"),
		       "key \"entry_point\": \"0x10000000000000000\" does not fit in 64 bits");
	assert_refused("entry_point", json_string("0x"), "key \"entry_point\": \"0x\" is not a number");
	assert_refused("entry_point", json_string("12ab"),
		       "key \"entry_point\": \"12ab\" is not a number (write decimal digits, or 0x and hex digits)");
	assert_refused("entry_point", json_real(2.5),
		       "key \"entry_point\": 2.5 is not a whole number below 2^53 (write large values as strings such as \"0x1000\")");
	assert_refused("entry_point", json_true(),
		       "key \"entry_point\": expected an integer or a string such as \"0x1000\", got true");
	assert_refused("zone_id", json_integer(4294967296LL),
		       "key \"zone_id\": 0x100000000 does not fit in 32 bits");
}

static void id_lists_refuse_range_and_duplicates(void **state)
{
	(void)state;
	assert_refused("cpus", json_pack("[i]", 64), "key \"cpus[0]\": 64 is out of range (at most 63)");
	assert_refused("cpus", json_pack("[i,i]", 2, 2), "key \"cpus[1]\": CPU 2 is listed twice");
	assert_refused("cpus", json_string("2,3"),
		       "key \"cpus\": expected an array of CPU numbers, got a string");
	assert_refused("interrupts", json_pack("[i]", 1024),
		       "key \"interrupts[0]\": 1024 is out of range (at most 1023)");
}

static void nested_keys_are_named_by_path(void **state)
{
	(void)state;
	assert_refused("memory_regions",
		       json_pack("[{s:s,s:i,s:i,s:i},{s:s,s:i,s:i}]", "type", "ram",
				 "physical_start", 0, "virtual_start", 0, "size", 4096, "type", "io",
				 "physical_start", 0, "virtual_start", 0),
		       "key \"memory_regions[1].size\": required key is missing");
	assert_refused("memory_regions",
		       json_pack("[{s:s,s:i,s:i,s:i}]", "type", "rom", "physical_start", 0,
				 "virtual_start", 0, "size", 4096),
		       "key \"memory_regions[0].type\": expected \"ram\", \"io\" or \"virtio\", got \"rom\"");
	assert_refused("arch_config", json_pack("{s:s}", "gic_version", "v4"),
		       "key \"arch_config.gic_version\": expected \"v2\" or \"v3\", got \"v4\"");
	assert_refused("modules", json_pack("[{s:s,s:s}]", "name", "initramfs", "filepath", "x"),
		       "key \"modules[0].load_paddr\": required key is missing");
}

static void required_and_optional_keys(void **state)
{
	struct zone_spec spec;
	struct message m;
	(void)state;

	assert_refused("ivc_configs", NULL, "key \"ivc_configs\": required key is missing");
	/* Optional, as in hvisor-tool's own example configs. */
	assert_int_equal(parse_zone1_with("pci_config", NULL, &spec, &m), 0);
	assert_int_equal(spec.config.num_pci_bus, 0);
	zone_spec_release(&spec);
	assert_int_equal(parse_zone1_with("modules", NULL, &spec, &m), 0);
	assert_int_equal(spec.num_images, 2);
	zone_spec_release(&spec);
}

static void gicv2_and_pci_fields(void **state)
{
	struct zone_spec spec;
	struct message m;
	(void)state;

	json_t *v2 = json_pack("{s:s,s:i,s:i,s:i,s:i,s:i}", "gic_version", "v2", "gicd_base", 1,
			       "gicd_size", 2, "gicc_base", 3, "gicc_size", 4, "gicv_base", 5);
	assert_int_equal(parse_zone1_with("arch_config", v2, &spec, &m), 0);
	assert_int_equal(spec.config.arch_config.gic_version_tag, GIC_VERSION_TAG_V2);
	assert_int_equal(spec.config.arch_config.gic.v2.gicc_size, 4);
	assert_int_equal(spec.config.arch_config.gic.v2.gicv_base, 5);
	zone_spec_release(&spec);

	json_t *pci = json_loads("[{\"ecam_base\":1,\"ecam_size\":2,\"io_base\":3,\"io_size\":4,"
				 "\"pci_io_base\":5,\"mem32_base\":6,\"mem32_size\":7,"
				 "\"pci_mem32_base\":8,\"mem64_base\":9,\"mem64_size\":10,"
				 "\"pci_mem64_base\":11,\"bus_range_begin\":12,"
				 "\"bus_range_end\":13,\"domain\":14}]", 0, NULL);
	assert_int_equal(parse_zone1_with("pci_config", pci, &spec, &m), 0);
	assert_int_equal(spec.config.num_pci_bus, 1);
	assert_int_equal(spec.config.pci_config[0].pci_mem64_base, 11);
	assert_int_equal(spec.config.pci_config[0].bus_range_end, 13);
	assert_int_equal(spec.config.pci_config[0].domain, 14);
	zone_spec_release(&spec);
	assert_refused("alloc_pci_devs", json_pack("[{s:i,s:i,s:i,s:i}]", "domain", 0, "bus", 256,
						   "device", 0, "function", 0),
		       "key \"alloc_pci_devs[0].bus\": 0x100 does not fit in 8 bits");
}

static void syntax_and_shape_errors(void **state)
{
	struct zone_spec spec;
	struct message m;
	(void)state;

	assert_int_equal(parse_text("{\"name\": \"zone1\",\n \"cpus\": [2,]}", &spec, &m), -1);
	assert_non_null(strstr(m.text, "invalid JSON at line 2, column"));
	assert_int_equal(parse_text("[1]", &spec, &m), -1);
	assert_string_equal(m.text, "expected a JSON object at the top level, got an array");
	assert_int_equal(parse_text("{\"a\": 1, \"a\": 2}", &spec, &m), -1);
	assert_non_null(strstr(m.text, "duplicate object key"));
	assert_int_equal(parse_text("{\"zone_id\": 18446744073709551615}", &spec, &m), -1);
	assert_non_null(strstr(m.text, "does not fit a JSON integer; write it as a string"));
	assert_refused("name", json_string("a-name-that-is-thirty-two-chars!"),
		       "key \"name\": \"a-name-that-is-thirty-two-chars!...\" is longer than 31 characters");
}

static void image_files_are_measured_or_named(void **state)
{
	struct zone_spec spec;
	struct message m;
	(void)state;

	assert_refused("dtb_filepath", json_string("absent"),
		       "key \"dtb_filepath\": absent: No such file or directory");
	assert_int_equal(zone_json_parse(zone1_json, strlen(zone1_json), NULL, &spec, &m), 0);
	assert_int_equal(spec.config.kernel_size, 0);
	assert_int_equal(spec.images[ZONE_IMAGE_FIRST_MODULE].size, 0);
	zone_spec_release(&spec);
}

static void image_layout_refuses_modules_outside_ram_and_overlaps(void **state)
{
	struct zone_spec spec;
	struct message m;
	(void)state;

	assert_int_equal(parse_text(zone1_json, &spec, &m), 0);
	assert_int_equal(image_layout_check(&spec, &m), 0);
	spec.images[ZONE_IMAGE_FIRST_MODULE].load_paddr = 0x7fff8000;
	assert_int_equal(image_layout_check(&spec, &m), -1);
	assert_string_equal(m.text, "modules[0].load_paddr 0x7fff8000: the module \"initramfs\" (64 KiB) does not fit inside one RAM region of the zone");
	spec.images[ZONE_IMAGE_FIRST_MODULE].load_paddr = 0x50408000;
	assert_int_equal(image_layout_check(&spec, &m), -1);
	assert_string_equal(m.text, "modules[0].load_paddr 0x50408000: the module \"initramfs\" (64 KiB) overlaps the kernel at 0x50400000 (64 KiB)");
	zone_spec_release(&spec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(zone1_fields_land_in_the_abi_layout),
		cmocka_unit_test(numbers_in_every_accepted_spelling),
		cmocka_unit_test(full_64_bit_values_as_strings),
		cmocka_unit_test(bad_numbers_name_key_and_rule),
		cmocka_unit_test(id_lists_refuse_range_and_duplicates),
		cmocka_unit_test(nested_keys_are_named_by_path),
		cmocka_unit_test(required_and_optional_keys),
		cmocka_unit_test(gicv2_and_pci_fields),
		cmocka_unit_test(syntax_and_shape_errors),
		cmocka_unit_test(image_files_are_measured_or_named),
		cmocka_unit_test(image_layout_refuses_modules_outside_ram_and_overlaps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
