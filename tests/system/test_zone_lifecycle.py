"""Zones started, listed and stopped from zone0's shell with the tessera CLI,
as a user types it. zone1's lines reach the console through the hypervisor
as `[zone1] ...`."""

import json
import re
import subprocess

import pytest

from qemu_machine import BOOT_TIMEOUT, build_path
from zone_configs import CONFLICTS, REPO, STATIC_RULES, TOO_MANY_VIRTIO_WINDOWS, as_text

ZONE1 = "/etc/tessera/zone1.json"
PROBE = "/etc/tessera/test/zone1-probe.json"
ZONE1_READY = r"\[zone1\] zone1 ready"
PROBE_IMAGE = "/etc/tessera/test/zoneprobe.bin"
PROBE_SPINNING = r"\[zone1\] probe: spinning with interrupts masked"


def start_zone(m, config, *lines):
    """Starts a zone and waits for its lines in turn, each within the boot
    timeout, the last being the last the zone prints unasked; returns the
    tool's output. zone0 and the zone share the UART, and lines printed at
    the same moment interleave: zone0 stays silent meanwhile, however long
    the zone takes, as the tool's output goes to a file, read afterwards,
    and the shell waits in `read` instead of printing its prompt."""
    m.send_line(f"tessera zone start {config} > /tmp/zone-start.out 2>&1; read _")
    for line in lines:
        m.expect(line, timeout=BOOT_TIMEOUT)
    m.send_line("")
    return m.run("cat /tmp/zone-start.out")


def zone_rows(m):
    """zone id -> (cpus, name, status) from `tessera zone list`."""
    rows = {}
    for line in m.run("tessera zone list").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            rows[int(cells[0])] = tuple(cells[1:])
    return rows


def free_pool_pages(m):
    """The hypervisor's free page count, from its latest zone created/stopped line."""
    counts = re.findall(r"(\d+) pool pages free", m.output())
    assert counts, "the hypervisor reports its free pool pages"
    return int(counts[-1])


def zone0_view(m):
    return (m.run("cat /sys/devices/system/cpu/online").strip(),
            m.run("grep MemTotal /proc/meminfo").strip())


def shutdown(m, zone_id=1):
    """The hypervisor reports the zone stopped before the tool returns."""
    stopped = re.compile(rf"zone {zone_id} \(\w+\) stopped: cpus 0x[0-9a-f]+ returned")
    before = len(stopped.findall(m.output()))
    out = m.run(f"tessera zone shutdown -id {zone_id}")
    assert f"zone {zone_id} shut down" in out, out
    assert len(stopped.findall(m.output())) == before + 1, m.tail()


def start_stop_cycles(m, cycles):
    pages_at_boot = free_pool_pages(m)
    view_at_boot = zone0_view(m)

    out = start_zone(m, ZONE1, ZONE1_READY)
    assert "zone 1 (zone1) started on CPUs 2, 3" in out
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running"), 1: ("2, 3", "zone1", "running")}
    verbose = m.run("tessera zone list --verbose")
    zone1_part = verbose[verbose.index("zone 1 (zone1)"):]
    assert re.search(r"ram +0x0*50000000 -> 0x0*50000000 +768 MiB", zone1_part), verbose
    assert m.run("nproc").strip() == "2"
    assert m.run("echo $((6 * 7))").strip() == "42"

    shutdown(m)
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running")}
    for _ in range(cycles - 1):
        start_zone(m, ZONE1, ZONE1_READY)
        shutdown(m)

    assert m.output().count("[zone1] zone1 ready") == cycles
    assert free_pool_pages(m) == pages_at_boot
    assert zone0_view(m) == view_at_boot
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running")}


def test_zone1_starts_lists_and_stops_ten_times(zone0_linux):
    start_stop_cycles(zone0_linux, 10)


@pytest.mark.slow
def test_zone1_starts_and_stops_a_hundred_times(zone0_linux):
    start_stop_cycles(zone0_linux, 100)


def nonzero_word_per_chunk(image, chunk_bytes=2 << 20):
    """The offset of the first non-zero 64-bit word of each 2 MiB chunk of
    the file, the unit in which the hypervisor clears a stopped zone."""
    data = open(image, "rb").read()
    offsets = []
    for chunk in range(0, len(data), chunk_bytes):
        for offset in range(chunk, min(chunk + chunk_bytes, len(data)) - 7, 8):
            if any(data[offset:offset + 8]):
                offsets.append(offset)
                break
    return offsets


def test_a_stopped_zones_ram_reads_zero_when_zone0_gets_it_back(zone0_linux):
    m = zone0_linux
    config = json.load(open(f"{REPO}/configs/qemu-virt/zone1.json"))
    images = build_path("guests", "zone0-rootfs", "etc", "tessera")
    initrd_start = subprocess.run(["fdtget", "-t", "x", f"{images}/zone1.dtb", "/chosen",
                                   "linux,initrd-start"], check=True, capture_output=True,
                                  text=True).stdout.split()[-1]
    # Each image is loaded, and is non-zero, where these words are read back.
    addresses = [int(config["dtb_load_paddr"], 16)]
    for image, load in ((f"{images}/zone1-Image", int(config["kernel_load_paddr"], 16)),
                        (f"{images}/zone1-initramfs.cpio.gz", int(initrd_start, 16))):
        addresses += [load + offset for offset in nonzero_word_per_chunk(image)]
    assert len(addresses) > 10, "the images span many chunks, each with data to clear"
    start_zone(m, ZONE1, ZONE1_READY)
    shutdown(m)
    # zone0 maps the RAM again once it is back: read it through /dev/mem.
    out = m.run("for a in " + " ".join(f"{a:#x}" for a in addresses) +
                "; do echo \"$a $(devmem $a 64)\"; done")
    values = dict(line.split() for line in out.splitlines() if line.startswith("0x"))
    assert len(values) == len(addresses), out
    assert all(int(v, 16) == 0 for v in values.values()), out


def test_a_zone_cannot_reach_zone0_or_the_hypervisor_and_stops_while_spinning(zone0_linux):
    m = zone0_linux
    out = start_zone(m, PROBE, PROBE_SPINNING)
    assert "zone 1 (zone1) started on CPUs 2" in out
    console = m.output()
    assert re.search(r"\[zone1\] probe: (\d+) passed, 0 failed", console), console[-3000:]
    assert "probe: FAIL" not in console
    assert "probe: PASS PMSWINC_EL0 counts at EL1, counter 0 overflowing" in console
    assert "PANIC" not in console and "hypervisor fault" not in console

    # hvisor-tool loads images without our CLI's checks: the module itself
    # keeps a running zone's RAM, which zone0 no longer maps.
    load = f"/etc/tessera/test/hvisor-load-image {PROBE_IMAGE} 0x50000000"
    assert "load refused: Device or resource busy" in m.run(load)
    assert "a running zone has that RAM; shut it down first" in m.run("dmesg | tail -n 3")
    assert m.run("echo $((6 * 7))").strip() == "42"

    shutdown(m)
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running")}
    assert m.run("echo $((6 * 7))").strip() == "42"
    assert "arch_timer" in m.run("cat /proc/interrupts")
    assert re.search(r"^loaded \d+ bytes at 0x50000000$", m.run(load), re.M)


# What the probe leaves in its CPU (guests/zoneprobe/cpu_state_check.c) and
# QEMU's cortex-a72 keeps; before QEMU 8.0 it has no OSDTRRX_EL1,
# OSDTRTX_EL1, OSECCR_EL1 or claim tags, and MDCCINT_EL1 keeps nothing.
KEPT_BY_QEMU = ["MDSCR_EL1", "DBGBVR0_EL1", "DBGBCR0_EL1", "DBGWVR0_EL1", "DBGWCR0_EL1",
                "TPIDR_EL0", "TPIDRRO_EL0", "TPIDR_EL1", "CONTEXTIDR_EL1", "CNTKCTL_EL1",
                "CNTV_CVAL_EL0", "PMUSERENR_EL0", "PMSELR_EL0", "the OS Lock"]
DEBUGGER_STATE = ["OSDTRRX_EL1", "OSDTRTX_EL1", "OSECCR_EL1", "MDCCINT_EL1", "the claim tags"]


def test_the_next_zone_on_a_cpu_finds_nothing_of_the_last(zone0_linux):
    m = zone0_linux
    start_zone(m, PROBE, PROBE_SPINNING)
    shutdown(m)
    first = m.output()
    start_zone(m, PROBE, PROBE_SPINNING)
    shutdown(m)
    second = m.output()[len(first):]

    for reg in KEPT_BY_QEMU:
        assert f"[zone1] probe: leaves {reg} = 0x" in first, first[-3000:]
        assert f"[zone1] probe: PASS {reg} holds its reset value at the zone's start" in second
    for reg in DEBUGGER_STATE:
        assert re.search(rf"\[zone1\] probe: (leaves|SKIP leaving) {reg}\b", first)
        assert re.search(rf"\[zone1\] probe: (PASS|SKIP) {reg}\b", second)
    assert "[zone1] probe: PASS SMCCC_ARCH_WORKAROUND_2(0) answers as reported" in first
    for run in (first, second):
        assert re.search(r"\[zone1\] probe: \d+ passed, 0 failed", run), run[-3000:]
        assert "probe: FAIL" not in run


def test_poweroff_stops_the_zone_and_reboot_restarts_it(zone0_linux):
    m = zone0_linux
    # The zone powers off as soon as it is ready: the tool's output is read
    # once it has stopped, when the console is quiet again.
    m.send_line("tessera zone start /etc/tessera/test/zone1-poweroff.json > /tmp/zone-start.out 2>&1")
    m.expect(ZONE1_READY, timeout=BOOT_TIMEOUT)
    m.expect(r"zone 1 \(zone1\) asked for system power-off: the zone stops")
    m.expect(r"zone 1 \(zone1\) stopped: cpus 0xc returned")
    assert "zone 1 (zone1) started on CPUs 2, 3" in m.run("cat /tmp/zone-start.out")
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running")}

    # This zone reboots each time it is up, and its console is never quiet:
    # zone0's shell is only typed at, and read once the zone has stopped, as
    # the two share the UART character by character. The shutdown may find
    # the zone anywhere in a restart.
    m.send_line("tessera zone start /etc/tessera/test/zone1-reboot.json > /tmp/zone-start.out 2>&1")
    m.expect(ZONE1_READY, timeout=BOOT_TIMEOUT)
    m.expect(r"zone 1 \(zone1\) asked for system reset: the zone restarts", timeout=BOOT_TIMEOUT)
    m.expect(r"zone 1 \(zone1\) restarted", timeout=BOOT_TIMEOUT)
    m.expect(ZONE1_READY, timeout=BOOT_TIMEOUT)
    m.send_line("tessera zone shutdown -id 1 > /tmp/zone-shutdown.out 2>&1")
    m.expect(r"zone 1 \(zone1\) stopped: cpus 0xc returned")
    assert "zone 1 (zone1) started on CPUs 2, 3" in m.run("cat /tmp/zone-start.out")
    assert "zone 1 shut down" in m.run("cat /tmp/zone-shutdown.out")
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running")}


def refusal(m, config):
    m.write_file("/tmp/bad.json", as_text(config))
    out = m.run("tessera zone start /tmp/bad.json; echo status=$?")
    assert "status=0" not in out, out
    return out


def test_bad_configs_are_refused_and_nothing_else_changes(zone0_linux):
    m = zone0_linux
    start_zone(m, ZONE1, ZONE1_READY)

    for rule, (config, words) in {**STATIC_RULES, **CONFLICTS}.items():
        out = refusal(m, config)
        assert words in out, f"{rule}: {out}"
        assert "/tmp/bad.json" in out, f"{rule}: the message names the file: {out}"

    # The hypervisor checks on its own too, with a log line naming field and value.
    m.write_file("/tmp/bad.json",
               as_text(STATIC_RULES["a redistributor window beyond the board's region"][0]))
    out = m.run("tessera zone start --skip-host-checks /tmp/bad.json; echo status=$?")
    assert "the hypervisor refused zone 1" in out and "status=1" in out, out
    m.seen(r"zone 1: start refused: arch_config.gicr_size 0xf80000")
    m.write_file("/tmp/bad.json", as_text(CONFLICTS["a CPU zone1 owns"][0]))
    out = m.run("tessera zone start --skip-host-checks /tmp/bad.json; echo status=$?")
    assert "the hypervisor refused zone 2" in out and "status=1" in out, out
    m.seen(r"zone 2: start refused: cpus 0x8: CPU 3")

    # hvisor answers EINVAL for a zone that does not exist, and so do we.
    out = m.run("tessera zone shutdown -id 7; echo status=$?")
    assert "zone shutdown: no zone 7 is running (EINVAL)" in out and "status=1" in out, out

    assert zone_rows(m) == {0: ("0, 1", "zone0", "running"), 1: ("2, 3", "zone1", "running")}
    assert m.run("nproc").strip() == "2"
    shutdown(m)


def test_a_refused_start_leaves_zone0s_interrupts_alone(zone0_linux):
    """A start the hypervisor refuses, of a zone claiming INTID 33 (zone0's
    UART): zone0's console still takes input afterwards. The refusal used to
    come after the zone's SPIs were quiesced, and nothing enabled them again."""
    m = zone0_linux
    m.write_file("/tmp/bad.json", as_text(dict(TOO_MANY_VIRTIO_WINDOWS, interrupts=[33])))
    out = m.run("tessera zone start --skip-host-checks /tmp/bad.json; echo status=$?")
    assert "the hypervisor refused zone 1" in out and "status=1" in out, out
    assert m.run("echo $((6 * 7))").strip() == "42"
    m.seen(r"zone 1: start refused: memory_regions\[22\]\.type 2: VIRTIO region 22")
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running")}


def test_a_cpu_zone0_still_runs_is_not_lent(zone0_linux):
    m = zone0_linux
    probe = json.load(open(f"{REPO}/configs/qemu-virt/zone1-probe.json"))
    m.write_file("/tmp/probe-cpu1.json", as_text(dict(probe, cpus=[1])))
    out = m.run("tessera zone start /tmp/probe-cpu1.json; echo status=$?")
    assert "the hypervisor refused zone 1" in out and "status=1" in out, out
    m.seen(r"zone 1: start refused: cpus: CPU 1 is online in zone0")
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running")}
    assert m.run("nproc").strip() == "2"

    # Offlined in zone0, the CPU is lent, and zone0 gets it back afterwards.
    m.run("echo 0 > /sys/devices/system/cpu/cpu1/online")
    start_zone(m, "/tmp/probe-cpu1.json", PROBE_SPINNING)
    assert zone_rows(m) == {0: ("0", "zone0", "running"), 1: ("1", "zone1", "running")}
    shutdown(m)
    m.run("echo 1 > /sys/devices/system/cpu/cpu1/online")
    assert m.run("cat /sys/devices/system/cpu/online").strip() == "0-1"
