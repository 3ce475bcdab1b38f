"""riscv64 zones started, listed and stopped from zone0's shell with the
tessera CLI, as test_zone_lifecycle.py checks aarch64's: zone1 (Linux on
harts 2-3) ten times with nothing leaked, its RAM cleared when zone0 gets it
back, its harts offline and back through SBI HSM, its power-off (SBI SRST shutdown) stopping only zone1 and its reboot
restarting it, and bad configs refused with their messages by zone0's CLI
and by the hypervisor itself, zone0 unharmed. One boot for the module:
about two minutes."""

import json
import re
import subprocess

import pytest

from qemu_machine import build_path
from riscv64_zone_configs import (CONFLICTS, PLIC_RULES, REPO, STATIC_RULES,
                                  TOO_MANY_VIRTIO_WINDOWS, ZONE1 as ZONE1_CONFIG, as_text,
                                  one_page_of_ram, ram, variant)
from test_zone_lifecycle import (ZONE1, ZONE1_READY, free_pool_pages, nonzero_word_per_chunk,
                                 shutdown, start_zone, zone0_view, zone_rows)

pytestmark = pytest.mark.riscv64

ZONE0_ONLY = {0: ("0, 1", "zone0", "running")}
WITH_ZONE1 = {**ZONE0_ONLY, 1: ("2, 3", "zone1", "running")}


def test_zone1_starts_lists_and_stops_ten_times(riscv64_zone0_shared):
    m = riscv64_zone0_shared
    pages_at_boot = free_pool_pages(m)
    view_at_boot = zone0_view(m)

    out = start_zone(m, ZONE1, ZONE1_READY)
    assert "zone 1 (zone1) started on CPUs 2, 3" in out
    assert zone_rows(m) == WITH_ZONE1
    verbose = m.run("tessera zone list --verbose")
    zone1_part = verbose[verbose.index("zone 1 (zone1)"):]
    assert re.search(r"ram +0x0*f0000000 -> 0x0*f0000000 +256 MiB", zone1_part), verbose
    assert m.run("nproc").strip() == "2"
    assert m.run("echo $((6 * 7))").strip() == "42"
    shutdown(m)
    assert zone_rows(m) == ZONE0_ONLY

    for _ in range(9):
        start_zone(m, ZONE1, ZONE1_READY)
        shutdown(m)

    assert m.output().count("[zone1] zone1 ready") == 10
    assert free_pool_pages(m) == pages_at_boot
    assert zone0_view(m) == view_at_boot
    assert zone_rows(m) == ZONE0_ONLY
    assert "PANIC" not in m.output() and "hypervisor fault" not in m.output()


def test_a_stopped_zones_ram_reads_zero_when_zone0_gets_it_back(riscv64_zone0_shared):
    m = riscv64_zone0_shared
    images = build_path("guests", "zone0-rootfs", "etc", "tessera", arch="riscv64")
    initrd_start = subprocess.run(["fdtget", "-t", "x", f"{images}/zone1.dtb", "/chosen",
                                   "linux,initrd-start"], check=True, capture_output=True,
                                  text=True).stdout.split()[-1]
    # Each image is loaded, and is non-zero, where these words are read back.
    addresses = [int(ZONE1_CONFIG["dtb_load_paddr"], 16)]
    for image, load in ((f"{images}/zone1-Image", int(ZONE1_CONFIG["kernel_load_paddr"], 16)),
                        (f"{images}/zone1-initramfs.cpio.gz", int(initrd_start, 16))):
        addresses += [load + offset for offset in nonzero_word_per_chunk(image)]
    assert len(addresses) > 10, "the images span many chunks, each with data to clear"
    start_zone(m, ZONE1, ZONE1_READY)
    shutdown(m)
    out = m.run("for a in " + " ".join(f"{a:#x}" for a in addresses) +
                "; do echo \"$a $(devmem $a 64)\"; done")
    values = dict(line.split() for line in out.splitlines() if line.startswith("0x"))
    assert len(values) == len(addresses), out
    assert all(int(v, 16) == 0 for v in values.values()), out


def test_poweroff_stops_the_zone_and_reboot_restarts_it(riscv64_zone0_shared):
    m = riscv64_zone0_shared
    m.send_line("tessera zone start /etc/tessera/test/zone1-poweroff.json "
                "> /tmp/zone-start.out 2>&1")
    m.expect(ZONE1_READY, timeout=300)
    m.expect(r"zone 1 \(zone1\) asked for system power-off: the zone stops")
    m.expect(r"zone 1 \(zone1\) stopped: cpus 0xc returned")
    assert "zone 1 (zone1) started on CPUs 2, 3" in m.run("cat /tmp/zone-start.out")
    assert zone_rows(m) == ZONE0_ONLY
    assert m.run("nproc").strip() == "2"

    # The zone reboots each time it is up, so its console is never quiet:
    # zone0's shell is only typed at until the zone has stopped.
    m.send_line("tessera zone start /etc/tessera/test/zone1-reboot.json "
                "> /tmp/zone-start.out 2>&1")
    m.expect(ZONE1_READY, timeout=300)
    m.expect(r"zone 1 \(zone1\) asked for system reset: the zone restarts", timeout=300)
    m.expect(r"zone 1 \(zone1\) restarted", timeout=300)
    m.expect(ZONE1_READY, timeout=300)
    m.send_line("tessera zone shutdown -id 1 > /tmp/zone-shutdown.out 2>&1")
    m.expect(r"zone 1 \(zone1\) stopped: cpus 0xc returned")
    assert "zone 1 (zone1) started on CPUs 2, 3" in m.run("cat /tmp/zone-start.out")
    assert "zone 1 shut down" in m.run("cat /tmp/zone-shutdown.out")
    assert zone_rows(m) == ZONE0_ONLY


def test_zone1s_harts_go_offline_and_back_and_a_stopped_one_is_returned(riscv64_zone0_shared):
    """zone1's Linux takes its second hart (hart 3) offline and back three
    times through SBI HSM, and leaves it offline: the shutdown returns both
    harts, and the next zone1 runs on both. Its report, longer than the
    16550's FIFO, arrives whole through the emulated console."""
    m = riscv64_zone0_shared
    pages_at_boot = free_pool_pages(m)
    starts = re.compile(r"zone 1 vcpu 1 starts at 0x[0-9a-f]+ \(hart 3,")
    before = len(starts.findall(m.output()))
    start_zone(m, "/etc/tessera/test/zone1-hotplug.json", ZONE1_READY,
               r"\[zone1\] zone1 hotplug: CPUs 0-1, CPU 1 computes 42",
               r"\[zone1\] zone1 hotplug: CPU 1 online 0")
    assert len(starts.findall(m.output())) == before + 4, m.tail()
    assert zone_rows(m) == WITH_ZONE1
    shutdown(m)
    start_zone(m, ZONE1, ZONE1_READY)
    assert len(starts.findall(m.output())) == before + 5, m.tail()
    shutdown(m)
    assert free_pool_pages(m) == pages_at_boot
    assert zone_rows(m) == ZONE0_ONLY


def start_refused(m, config, *options):
    m.write_file("/tmp/bad.json", as_text(config))
    out = m.run(f"tessera zone start {' '.join(options)} /tmp/bad.json; echo status=$?")
    assert "status=0" not in out, out
    return out


def test_bad_configs_are_refused_and_nothing_else_changes(riscv64_zone0_shared):
    m = riscv64_zone0_shared
    start_zone(m, ZONE1, ZONE1_READY)

    for rule, (config, words) in {**STATIC_RULES, **CONFLICTS}.items():
        out = start_refused(m, config)
        assert words in out, f"{rule}: {out}"
        assert "/tmp/bad.json" in out, f"{rule}: the message names the file: {out}"

    # The hypervisor checks on its own too, with a log line naming field and
    # value: the PLIC's rules, and a CPU another zone owns.
    for rule, (config, words) in PLIC_RULES.items():
        logged = len(re.findall(r"zone 2: start refused: ", m.output()))
        out = start_refused(m, dict(config, zone_id=2, name="zone2", cpus=[0]),
                            "--skip-host-checks")
        assert "the hypervisor refused zone 2" in out and "status=1" in out, f"{rule}: {out}"
        m.seen(r"zone 2: start refused: .*" + re.escape(words))
        assert len(re.findall(r"zone 2: start refused: ", m.output())) == logged + 1, rule
    out = start_refused(m, CONFLICTS["a CPU zone1 owns"][0], "--skip-host-checks")
    assert "the hypervisor refused zone 2" in out and "status=1" in out, out
    m.seen(r"zone 2: start refused: cpus 0x8: CPU 3")

    assert zone_rows(m) == WITH_ZONE1
    assert m.run("nproc").strip() == "2"
    shutdown(m)


def test_ram_zone0_runs_on_is_not_lent(riscv64_zone0_shared):
    """zone0 set aside 0xf0000000-0xffffffff for zones (no-map
    reserved-memory); its own RAM would vanish under it."""
    m = riscv64_zone0_shared
    zone0_ram = variant(memory_regions=[ram(physical_start="0xe0000000")])
    out = start_refused(m, zone0_ram, "--skip-host-checks")
    assert "status=1" in out, out
    assert "is not memory zone0 reserved for zones" in m.run("dmesg | tail -n 3")
    assert zone_rows(m) == ZONE0_ONLY
    assert m.run("echo $((6 * 7))").strip() == "42"


def test_a_refused_start_leaves_zone0s_interrupts_alone(riscv64_zone0_shared):
    """A start the hypervisor refuses, of a zone claiming PLIC source 10
    (zone0's UART): zone0's console still takes input afterwards."""
    m = riscv64_zone0_shared
    out = start_refused(m, dict(TOO_MANY_VIRTIO_WINDOWS, interrupts=[10]), "--skip-host-checks")
    assert "the hypervisor refused zone 1" in out and "status=1" in out, out
    assert m.run("echo $((6 * 7))").strip() == "42"
    m.seen(r"zone 1: start refused: memory_regions\[23\]\.type 2: VIRTIO region 23")
    assert zone_rows(m) == ZONE0_ONLY


def test_a_cpu_zone0_still_runs_is_not_lent(riscv64_zone0_shared):
    m = riscv64_zone0_shared
    out = start_refused(m, variant(cpus=[1]))
    assert "the hypervisor refused zone 1" in out and "status=1" in out, out
    m.seen(r"zone 1: start refused: cpus: CPU 1 is online in zone0")
    assert zone_rows(m) == ZONE0_ONLY
    assert m.run("nproc").strip() == "2"
