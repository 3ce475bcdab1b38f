/* The JSON's "arch_config" object, whose keys are the architecture's
 * (tools/cli/<arch>/arch_config_json.c): hvisor's for each. */
#ifndef ARCH_CONFIG_JSON_H
#define ARCH_CONFIG_JSON_H

#include <tessera/zone_config.h>

#include "json_fields.h"

/* 0, or -1 with the reason in top's message. */
int arch_config_json_read(const struct json_fields *top, struct arch_zone_config *a);

#endif
