/* The zone configuration blob passed to HC_ZONE_START (hvisor config magic 5).
 * Shared by the hypervisor and zone0 tools; its layout is an ABI, so every
 * offset is pinned by a static assertion below. */
#ifndef TESSERA_ZONE_CONFIG_H
#define TESSERA_ZONE_CONFIG_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
#endif

#define CONFIG_MAX_MEMORY_REGIONS 64
#define CONFIG_MAX_INTERRUPTS     1024
#define CONFIG_INTERRUPT_WORDS    (CONFIG_MAX_INTERRUPTS / 32)
#define CONFIG_MAX_IVC_CONFIGS    2
#define CONFIG_NAME_MAXLEN        32
#define CONFIG_MAX_PCI_BUS        4
#define CONFIG_MAX_PCI_DEVS       32

enum mem_region_type {
	MEM_TYPE_RAM = 0,
	MEM_TYPE_IO = 1,
	MEM_TYPE_VIRTIO = 2,
};

struct memory_region {
	uint32_t type;
	uint64_t physical_start;
	uint64_t virtual_start;
	uint64_t size;
};

struct ivc_config {
	uint32_t ivc_id;
	uint32_t peer_id;
	uint64_t control_table_ipa;
	uint64_t shared_mem_ipa;
	uint32_t rw_sec_size;
	uint32_t out_sec_size;
	uint32_t interrupt_num;
	uint32_t max_peers;
};

/* The layout after arch_config follows the target architecture, as in
 * hvisor: a build for the build host that checks another architecture's
 * configs defines TESSERA_TARGET_RISCV64. */
#if defined(__riscv) || defined(TESSERA_TARGET_RISCV64)
#define TESSERA_ZONE_CONFIG_RISCV64 1
#endif

#ifdef TESSERA_ZONE_CONFIG_RISCV64

/* hvisor's riscv64 arch_config: the interrupt controller's window, a PLIC
 * or an APLIC (size 0: none). */
struct arch_zone_config {
	uint64_t plic_base;
	uint64_t plic_size;
	uint64_t aplic_base;
	uint64_t aplic_size;
};

#else

#define GIC_VERSION_TAG_V2 0
#define GIC_VERSION_TAG_V3 1

struct gicv3_config {
	uint64_t gicd_base, gicd_size;
	uint64_t gicr_base, gicr_size;
	uint64_t gits_base, gits_size;
};

struct gicv2_config {
	uint64_t gicd_base, gicd_size;
	uint64_t gicc_base, gicc_size, gicc_offset;
	uint64_t gich_base, gich_size;
	uint64_t gicv_base, gicv_size;
};

struct arch_zone_config {
	uint8_t is_aarch32;
	uint64_t gic_version_tag;
	union {
		struct gicv2_config v2;
		struct gicv3_config v3;
	} gic;
};

#endif

struct pci_config {
	uint64_t ecam_base, ecam_size;
	uint64_t io_base, io_size, pci_io_base;
	uint64_t mem32_base, mem32_size, pci_mem32_base;
	uint64_t mem64_base, mem64_size, pci_mem64_base;
	uint32_t bus_range_begin, bus_range_end;
	uint8_t domain;
};

struct pci_dev_config {
	uint8_t domain, bus, device, function;
	uint32_t dev_type;
};

struct zone_config {
	uint32_t zone_id;
	uint64_t cpus;
	uint32_t num_memory_regions;
	struct memory_region memory_regions[CONFIG_MAX_MEMORY_REGIONS];
	uint32_t interrupts_bitmap[CONFIG_INTERRUPT_WORDS];
	uint32_t num_ivc_configs;
	struct ivc_config ivc_configs[CONFIG_MAX_IVC_CONFIGS];
	uint64_t entry_point;
	uint64_t kernel_load_paddr;
	uint64_t kernel_size;
	uint64_t dtb_load_paddr;
	uint64_t dtb_size;
	char name[CONFIG_NAME_MAXLEN];
	struct arch_zone_config arch_config;
	uint64_t num_pci_bus;
	struct pci_config pci_config[CONFIG_MAX_PCI_BUS];
	uint64_t num_pci_devs;
	struct pci_dev_config alloc_pci_devs[CONFIG_MAX_PCI_DEVS];
};

/* zone_info: one entry of HC_ZONE_LIST's answer. */
struct zone_info {
	uint32_t zone_id;
	uint64_t cpus;
	char name[CONFIG_NAME_MAXLEN];
	uint8_t is_err;
};

#define ZONE_CONFIG_ASSERT_OFFSET(field, off) \
	_Static_assert(__builtin_offsetof(struct zone_config, field) == (off), \
		       "zone_config." #field " must sit at " #off)

ZONE_CONFIG_ASSERT_OFFSET(cpus, 8);
ZONE_CONFIG_ASSERT_OFFSET(num_memory_regions, 16);
ZONE_CONFIG_ASSERT_OFFSET(memory_regions, 24);
ZONE_CONFIG_ASSERT_OFFSET(interrupts_bitmap, 2072);
ZONE_CONFIG_ASSERT_OFFSET(num_ivc_configs, 2200);
ZONE_CONFIG_ASSERT_OFFSET(ivc_configs, 2208);
ZONE_CONFIG_ASSERT_OFFSET(entry_point, 2288);
ZONE_CONFIG_ASSERT_OFFSET(dtb_size, 2320);
ZONE_CONFIG_ASSERT_OFFSET(name, 2328);
ZONE_CONFIG_ASSERT_OFFSET(arch_config, 2360);
_Static_assert(sizeof(struct memory_region) == 32, "memory_region is 32 bytes");
_Static_assert(sizeof(struct ivc_config) == 40, "ivc_config is 40 bytes");
_Static_assert(sizeof(struct pci_config) == 104, "pci_config is 104 bytes");
_Static_assert(sizeof(struct zone_info) == 56, "zone_info is 56 bytes");
#ifdef TESSERA_ZONE_CONFIG_RISCV64
ZONE_CONFIG_ASSERT_OFFSET(num_pci_bus, 2392);
ZONE_CONFIG_ASSERT_OFFSET(pci_config, 2400);
ZONE_CONFIG_ASSERT_OFFSET(num_pci_devs, 2816);
ZONE_CONFIG_ASSERT_OFFSET(alloc_pci_devs, 2824);
_Static_assert(sizeof(struct arch_zone_config) == 32, "arch_config is 32 bytes");
_Static_assert(sizeof(struct zone_config) == 3080, "zone_config is 3080 bytes");
#else
ZONE_CONFIG_ASSERT_OFFSET(num_pci_bus, 2448);
ZONE_CONFIG_ASSERT_OFFSET(pci_config, 2456);
ZONE_CONFIG_ASSERT_OFFSET(num_pci_devs, 2872);
ZONE_CONFIG_ASSERT_OFFSET(alloc_pci_devs, 2880);
_Static_assert(sizeof(struct arch_zone_config) == 88, "arch_config is 88 bytes");
_Static_assert(sizeof(struct zone_config) == 3136, "zone_config is 3136 bytes");
#endif

#endif
