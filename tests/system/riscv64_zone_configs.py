"""riscv64 zone configs for the system tests, derived from the shipped zone1
example (configs/qemu-virt-riscv64/zone1.json), as zone_configs.py does for
aarch64: each bad one breaks exactly one rule, with the words its refusal
must name. The board: the hypervisor's 0x80000000-0x90000000 (OpenSBI, the
image, the page pool at 0x81000000), zone0's RAM from 0x90000000, the PLIC
at 0xc000000 (0x600000, sources 1-95), the CLINT at 0x2000000 and
sifive_test at 0x100000 (the hypervisor's), the UART at 0x10000000."""

import copy
import json
import os

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ZONE1 = json.load(open(os.path.join(REPO, "configs", "qemu-virt-riscv64", "zone1.json")))
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


def plic(**changes):
    return dict(ZONE1["arch_config"], **changes)


def virtio(physical_start):
    return {"type": "virtio", "physical_start": physical_start,
            "virtual_start": physical_start, "size": "0x200"}


def one_page_of_ram(physical_start, virtual_start="0x20000000"):
    return ram(physical_start=physical_start, virtual_start=virtual_start, size="0x1000")


# One VIRTIO window more than a zone has room for beside the PLIC's and the
# console's.
TOO_MANY_VIRTIO_WINDOWS = variant(
    memory_regions=[RAM] + [virtio(hex(0x20000000 + 0x200 * i)) for i in range(23)])

# The rules of hypervisor/arch/riscv64/irqchip_config.c, which the hypervisor
# applies again when the tool's checks are skipped: name -> (config, words).
PLIC_RULES = {
    "a PLIC window elsewhere": (
        variant(arch_config=plic(plic_base="0xd000000")),
        "arch_config.plic_base 0xd000000: the PLIC window must start at the machine's PLIC, "
        "0xc000000"),
    "a PLIC window smaller than the PLIC": (
        variant(arch_config=plic(plic_size="0x400000")),
        "arch_config.plic_size 0x400000: the PLIC window must cover the machine's PLIC"),
    "a PLIC window beyond the PLIC's architectural size": (
        variant(arch_config=plic(plic_size="0x8000000")),
        "arch_config.plic_size 0x8000000: the PLIC window must cover the machine's PLIC"),
    "a PLIC window not in whole pages": (
        variant(arch_config=plic(plic_size="0x600800")),
        "arch_config.plic_size 0x600800: the PLIC window must cover the machine's PLIC"),
    "PLIC source 0": (variant(interrupts=[0]), "PLIC source 0 does not exist"),
    "a PLIC source beyond the machine's": (
        variant(interrupts=[96]),
        "interrupts_bitmap[3] 0x1: PLIC source 96 does not exist on this machine "
        "(sources 1 to 95)"),
    "a region over the PLIC window": (
        variant(memory_regions=[RAM, one_page_of_ram("0xf8000000", "0xc100000")]),
        "memory_regions[1].virtual_start 0xc100000: RAM region covers the zone's PLIC window"),
}

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
    "unaligned region": (variant(memory_regions=[ram(size="0x10000800")]),
                         "memory_regions[0].size 0x10000800: RAM region is not 4 KiB aligned"),
    "empty region": (variant(memory_regions=[ram(size="0x0"), one_page_of_ram("0xf8000000")]),
                     "memory_regions[0].size 0x0: RAM region is empty"),
    "wrapping region": (variant(memory_regions=[RAM, io("0xfffffffffffff000", "0x2000")]),
                        "IO region wraps around"),
    "RAM outside the machine's RAM": (
        variant(memory_regions=[RAM, one_page_of_ram("0x200000000")]),
        "memory_regions[1].physical_start 0x200000000: RAM region lies outside the machine's RAM"),
    "RAM over OpenSBI": (
        variant(memory_regions=[RAM, one_page_of_ram("0x80000000")]),
        "memory_regions[1].physical_start 0x80000000: RAM region overlaps the hypervisor's memory"),
    "RAM over the hypervisor": (
        variant(memory_regions=[RAM, one_page_of_ram("0x80200000")]),
        "memory_regions[1].physical_start 0x80200000: RAM region overlaps the hypervisor's memory"),
    "RAM over the page pool": (
        variant(memory_regions=[RAM, one_page_of_ram("0x81000000")]),
        "memory_regions[1].physical_start 0x81000000: RAM region overlaps the hypervisor's memory"),
    "RAM reaching into the hypervisor": (
        variant(memory_regions=[RAM, ram(physical_start="0x8ffff000",
                                         virtual_start="0x20000000", size="0x2000")]),
        "memory_regions[1].physical_start 0x8ffff000: RAM region overlaps the hypervisor's memory"),
    "IO over the console UART": (variant(memory_regions=[RAM, io("0x10000000")]),
                                 "IO region overlaps the console UART"),
    "IO over RAM": (variant(memory_regions=[RAM, io("0x90000000")]),
                    "0x90000000: IO region overlaps the machine's RAM"),
    "IO over the PLIC": (variant(memory_regions=[RAM, io("0xc000000", "0x10000")]),
                         "0xc000000: IO region maps a device only the hypervisor may map"),
    "IO over the CLINT": (variant(memory_regions=[RAM, io("0x2000000")]),
                          "0x2000000: IO region maps a device only the hypervisor may map"),
    "IO over the power-off device": (
        variant(memory_regions=[RAM, io("0x100000")]),
        "0x100000: IO region maps a device only the hypervisor may map"),
    "overlapping regions": (
        variant(memory_regions=[RAM, one_page_of_ram("0xf8000000", "0xf8000000")]),
        "memory_regions[1].virtual_start 0xf8000000: overlaps memory_regions[0]"),
    "more than 64 regions": (
        variant(memory_regions=[one_page_of_ram(hex(0xf0000000 + i * 0x1000),
                                                hex(0xf0000000 + i * 0x1000))
                                for i in range(65)]),
        'key "memory_regions": 65 entries, at most 64'),
    "more VIRTIO windows than a zone holds": (
        TOO_MANY_VIRTIO_WINDOWS,
        "memory_regions[23].type 2: VIRTIO region 23 of the zone, more than the 22 that fit"),
    "entry point outside RAM": (variant(entry_point="0x90000000"),
                                "entry_point 0x90000000: not inside a RAM region"),
    "kernel outside RAM": (variant(kernel_load_paddr="0xef000000"),
                           "kernel_load_paddr 0xef000000: the kernel"),
    "DTB outside RAM": (variant(dtb_load_paddr="0x90000000"), "dtb_load_paddr 0x90000000"),
    **PLIC_RULES,
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
