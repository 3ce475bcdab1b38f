"""Zone configs for the system tests, derived from the shipped zone1 example:
each bad one breaks exactly one rule, with the words its refusal must name."""

import copy
import json
import os

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ZONE1 = json.load(open(os.path.join(REPO, "configs", "qemu-virt", "zone1.json")))
RAM = ZONE1["memory_regions"][0]


def variant(**changes):
    config = copy.deepcopy(ZONE1)
    config.update(changes)
    return config


def ram(**changes):
    return dict(RAM, **changes)


def io(physical_start, size="0x1000", virtual_start="0x20000000"):
    return {"type": "io", "physical_start": physical_start, "virtual_start": virtual_start,
            "size": size}


def gic(**changes):
    return dict(ZONE1["arch_config"], **changes)


def virtio(physical_start):
    return {"type": "virtio", "physical_start": physical_start,
            "virtual_start": physical_start, "size": "0x200"}


# One VIRTIO window more than a zone has room for beside the GIC's two and
# its console.
TOO_MANY_VIRTIO_WINDOWS = variant(
    memory_regions=[RAM] + [virtio(hex(0xa000000 + 0x200 * i)) for i in range(22)])


# name: (config as JSON text, words the tool's message must contain)
STATIC_RULES = {
    "malformed JSON": ('{"name": "zone1", "zone_id": 1,', "invalid JSON"),
    "wrong type": (variant(cpus="2"), 'key "cpus": expected an array'),
    "missing kernel file": (variant(kernel_filepath="/etc/tessera/no-such-Image"),
                            'key "kernel_filepath": /etc/tessera/no-such-Image: No such file'),
    "zone id 0": (variant(zone_id=0), "zone_id 0: only the root zone may have id 0"),
    "empty name": (variant(name=""), 'name "": a zone needs a name'),
    "no CPUs": (variant(cpus=[]), "cpus 0x0: a zone needs at least one CPU"),
    "CPU the machine lacks": (variant(cpus=[2, 7]), "cpus 0x84: CPU 7 does not exist"),
    "unaligned region": (variant(memory_regions=[ram(size="0x30000800")]),
                         "memory_regions[0].size 0x30000800: RAM region is not 4 KiB aligned"),
    "empty region": (variant(memory_regions=[ram(size="0x0"), ram(physical_start="0x90000000",
                                                                  virtual_start="0x90000000",
                                                                  size="0x1000")]),
                     "memory_regions[0].size 0x0: RAM region is empty"),
    "wrapping region": (variant(memory_regions=[RAM, io("0xfffffffffffff000", "0x2000")]),
                        "IO region wraps around"),
    "RAM outside the machine's RAM": (
        variant(memory_regions=[RAM, ram(physical_start="0x200000000",
                                         virtual_start="0x90000000", size="0x1000")]),
        "memory_regions[1].physical_start 0x200000000: RAM region lies outside the machine's RAM"),
    "RAM over the hypervisor": (
        variant(memory_regions=[RAM, ram(physical_start="0x40000000",
                                         virtual_start="0x90000000", size="0x1000")]),
        "memory_regions[1].physical_start 0x40000000: RAM region overlaps the hypervisor's memory"),
    "RAM over the page pool": (
        variant(memory_regions=[RAM, ram(physical_start="0x41000000",
                                         virtual_start="0x90000000", size="0x1000")]),
        "memory_regions[1].physical_start 0x41000000: RAM region overlaps the hypervisor's memory"),
    "IO over the console UART": (variant(memory_regions=[RAM, io("0x9000000")]),
                                 "IO region overlaps the console UART"),
    "IO over RAM": (variant(memory_regions=[RAM, io("0x90000000")]),
                    "0x90000000: IO region overlaps the machine's RAM"),
    "IO over the GIC": (variant(memory_regions=[RAM, io("0x8000000", "0x10000")]),
                        "0x8000000: IO region maps a device only the hypervisor may map"),
    "IO over the ITS": (variant(memory_regions=[RAM, io("0x8080000")]),
                        "0x8080000: IO region maps a device only the hypervisor may map"),
    "overlapping regions": (
        variant(memory_regions=[RAM, ram(physical_start="0x60000000",
                                         virtual_start="0x60000000", size="0x1000")]),
        "memory_regions[1].virtual_start 0x60000000: overlaps memory_regions[0]"),
    "more than 64 regions": (
        variant(memory_regions=[ram(physical_start=hex(0x50000000 + i * 0x1000),
                                    virtual_start=hex(0x50000000 + i * 0x1000), size="0x1000")
                                for i in range(65)]),
        'key "memory_regions": 65 entries, at most 64'),
    "a PPI": (variant(interrupts=[27]), "INTID 27 is an SGI or PPI"),
    "an INTID beyond the GIC's lines": (variant(interrupts=[300]), "INTID 300 does not exist"),
    "more VIRTIO windows than a zone holds": (
        TOO_MANY_VIRTIO_WINDOWS,
        "memory_regions[22].type 2: VIRTIO region 22 of the zone, more than the 21 that fit"),
    "a distributor window of another size": (
        variant(arch_config=gic(gicd_size="0x20000")),
        "arch_config.gicd_size 0x20000: the GIC distributor window must be exactly"),
    "a redistributor window beyond the board's region": (
        variant(arch_config=gic(gicr_size="0xf80000")),
        "arch_config.gicr_size 0xf80000: the GIC redistributors window must be whole frames"),
    "entry point outside RAM": (variant(entry_point="0x90000000"),
                                "entry_point 0x90000000: not inside a RAM region"),
    "kernel outside RAM": (variant(kernel_load_paddr="0x7f000000"),
                           "kernel_load_paddr 0x7f000000: the kernel"),
    "DTB outside RAM": (variant(dtb_load_paddr="0x90000000"), "dtb_load_paddr 0x90000000"),
}

# Configs that are fine alone but collide with a running zone1.
ZONE2 = dict(zone_id=2, name="zone2")
CONFLICTS = {
    "an id already running": (ZONE1, "zone_id 1"),
    "a CPU zone1 owns": (variant(cpus=[3], **ZONE2), "CPU 3"),
    "zone0's last CPU": (variant(cpus=[0, 1], **ZONE2), "last CPU"),
    "RAM zone1 owns": (variant(cpus=[0], **ZONE2), "zone 1"),
}


def as_text(config):
    return config if isinstance(config, str) else json.dumps(config, separators=(",", ":"))
