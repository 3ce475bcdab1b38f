#include "virtio_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_file.h"
#include "json_number.h"

static const char *const type_names[] = {
	[VIRTIO_ID_NET] = "net",
	[VIRTIO_ID_BLOCK] = "blk",
	[VIRTIO_ID_CONSOLE] = "console",
};

static int read_region(const struct json_fields *f, struct virtio_region_config *r)
{
	return json_fields_number(f, "zone0_ipa", true, UINT64_MAX, &r->zone0_ipa) ||
	       json_fields_number(f, "zonex_ipa", true, UINT64_MAX, &r->zonex_ipa) ||
	       json_fields_number(f, "size", true, UINT64_MAX, &r->size) ? -1 : 0;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "52:54:00:12:34:56". */
static int parse_mac_string(const char *s, uint8_t mac[6])
{
	for (unsigned i = 0; i < 6; i++, s += 3) {
		int high = hex_digit(s[0]);
		int low = high < 0 ? -1 : hex_digit(s[1]);
		if (low < 0 || s[2] != (i == 5 ? '\0' : ':'))
			return -1;
		mac[i] = (uint8_t)(high << 4 | low);
	}
	return 0;
}

static int read_mac(const struct json_fields *f, uint8_t mac[6])
{
	static const char expected[] =
		"a MAC address: \"52:54:00:12:34:56\" or an array of 6 byte values";
	const json_t *value = json_object_get(f->object, "mac");
	char key[JSON_KEY_MAX];

	json_fields_key(f, "mac", key);
	if (json_is_string(value)) {
		if (parse_mac_string(json_string_value(value), mac) == 0)
			return 0;
		message_set(f->m, "key \"%s\": \"%.40s\" is not %s", key, json_string_value(value),
			    expected);
		return -1;
	}
	if (!json_is_array(value) || json_array_size(value) != 6) {
		if (!value)
			message_set(f->m, "key \"%s\": required key is missing", key);
		else
			message_set(f->m, "key \"%s\": expected %s", key, expected);
		return -1;
	}
	for (size_t i = 0; i < 6; i++) {
		char element[JSON_KEY_MAX];
		uint64_t byte;
		json_fields_element_key(f, "mac", i, element);
		if (json_number_read(json_array_get(value, i), element, 0xff, &byte, f->m))
			return -1;
		mac[i] = (uint8_t)byte;
	}
	return 0;
}

static int read_net(const struct json_fields *f, struct virtio_device_config *d)
{
	const char *tap;
	char key[JSON_KEY_MAX];

	if (json_fields_string(f, "tap", true, VIRTIO_TAP_NAME_MAX, &tap) || read_mac(f, d->mac))
		return -1;
	json_fields_key(f, "tap", key);
	if (!tap[0] || strchr(tap, '/')) {
		message_set(f->m, "key \"%s\": \"%s\" is not an interface name", key, tap);
		return -1;
	}
	snprintf(d->tap, sizeof(d->tap), "%s", tap);
	json_fields_key(f, "mac", key);
	if (d->mac[0] & 1) {
		message_set(f->m, "key \"%s\": %02x:%02x:%02x:%02x:%02x:%02x is a multicast address; a NIC needs a unicast one",
			    key, d->mac[0], d->mac[1], d->mac[2], d->mac[3], d->mac[4], d->mac[5]);
		return -1;
	}
	if (!(d->mac[0] | d->mac[1] | d->mac[2] | d->mac[3] | d->mac[4] | d->mac[5])) {
		message_set(f->m, "key \"%s\": 00:00:00:00:00:00 is not a usable address", key);
		return -1;
	}
	return 0;
}

static int read_type(const struct json_fields *f, struct virtio_device_config *d)
{
	const char *type;
	char key[JSON_KEY_MAX];

	if (json_fields_string(f, "type", true, 16, &type))
		return -1;
	for (unsigned id = VIRTIO_ID_NET; id <= VIRTIO_ID_CONSOLE; id++) {
		if (strcmp(type, type_names[id]) == 0) {
			d->type = (enum virtio_device_id)id;
			return 0;
		}
	}
	json_fields_key(f, "type", key);
	message_set(f->m, "key \"%s\": unknown device type \"%s\" (expected \"blk\", \"net\" or \"console\")",
		    key, type);
	return -1;
}

/* *enabled is false for "status": "disable", whose other keys are not read. */
static int read_device(const struct json_fields *f, struct virtio_device_config *d,
		       bool *enabled)
{
	const char *status = "enable";
	const char *img;
	uint64_t irq;

	if (json_fields_string(f, "status", false, 16, &status))
		return -1;
	*enabled = strcmp(status, "disable") != 0;
	if (!*enabled)
		return 0;
	if (strcmp(status, "enable") != 0) {
		char key[JSON_KEY_MAX];
		json_fields_key(f, "status", key);
		message_set(f->m, "key \"%s\": expected \"enable\" or \"disable\", got \"%s\"", key,
			    status);
		return -1;
	}
	snprintf(d->key, sizeof(d->key), "%s", f->path);
	if (read_type(f, d) || json_fields_number(f, "addr", true, UINT64_MAX, &d->addr) ||
	    json_fields_number(f, "len", true, UINT64_MAX, &d->len) ||
	    json_fields_number(f, "irq", true, UINT32_MAX, &irq))
		return -1;
	d->irq = (uint32_t)irq;
	if (d->type == VIRTIO_ID_NET)
		return read_net(f, d);
	if (d->type != VIRTIO_ID_BLOCK)
		return 0;
	if (json_fields_string(f, "img", true, VIRTIO_IMAGE_PATH_MAX, &img))
		return -1;
	snprintf(d->img, sizeof(d->img), "%s", img);
	return 0;
}

static int read_zone(const struct json_fields *f, struct virtio_zone_config *z)
{
	const json_t *regions;
	const json_t *devices;
	uint64_t id;

	if (json_fields_number(f, "id", true, UINT32_MAX, &id) ||
	    json_fields_array(f, "memory_region", true, ZONE_MEMORY_MAX_REGIONS,
			      "an array of {zone0_ipa, zonex_ipa, size} objects", &regions) ||
	    json_fields_array(f, "devices", true, VIRTIO_CONFIG_MAX_DEVICES,
			      "an array of device objects", &devices))
		return -1;
	z->id = (uint32_t)id;
	for (size_t i = 0; i < json_array_size(regions); i++) {
		struct json_fields region;
		if (json_fields_element(f, "memory_region", regions, i, "a {zone0_ipa, zonex_ipa, size} object",
				   &region) ||
		    read_region(&region, &z->regions[i]))
			return -1;
	}
	z->num_regions = (unsigned)json_array_size(regions);
	for (size_t i = 0; i < json_array_size(devices); i++) {
		struct json_fields device;
		bool enabled;
		if (json_fields_element(f, "devices", devices, i, "a device object", &device) ||
		    read_device(&device, &z->devices[z->num_devices], &enabled))
			return -1;
		z->num_devices += enabled;
	}
	return 0;
}

static int read_zones(const json_t *root, struct virtio_config *config, struct message *m)
{
	struct json_fields f = json_fields_of(root, "", m);
	const json_t *zones;

	if (json_fields_array(&f, "zones", true, VIRTIO_CONFIG_MAX_ZONES,
			      "an array of zone objects", &zones))
		return -1;
	for (size_t i = 0; i < json_array_size(zones); i++) {
		struct json_fields zone;
		if (json_fields_element(&f, "zones", zones, i, "a zone object", &zone) ||
		    read_zone(&zone, &config->zones[i]))
			return -1;
	}
	config->num_zones = (unsigned)json_array_size(zones);
	return 0;
}

static int parse(const char *text, size_t len, struct virtio_config *config,
		 struct message *m)
{
	json_error_t error;
	int err = -1;

	memset(config, 0, sizeof(*config));
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &error);
	if (!root) {
		message_set(m, "invalid JSON at line %d, column %d: %s", error.line, error.column,
			    error.text);
		return -1;
	}
	if (!json_is_object(root))
		message_set(m, "expected a JSON object at the top level, got %s",
			    json_type_phrase(root));
	else
		err = read_zones(root, config, m);
	json_decref(root);
	return err;
}

int virtio_config_load(const char *path, struct virtio_config *config, struct message *m)
{
	size_t len;
	char *text = json_file_read(path, "virtio config", &len, m);

	if (!text)
		return -1;
	int err = parse(text, len, config, m) || virtio_config_check(config, m) ||
		  virtio_config_check_images(config, m);
	free(text);
	if (err)
		message_prefix(m, "%s", path);
	return err ? -1 : 0;
}
