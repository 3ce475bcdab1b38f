"""The virtio commands of the tessera CLI on the build host: `virtio check`
names the file, the key and the rule for each kind of wrong config; `virtio
start`, `virtio stop` and `console` fail clearly where there is no zone0.

The binary is $TESSERA_CLI (set by `make tools-test`), else the host build.
Configs go to a temporary directory with a small image, so messages name
"virtio.json" as the user typed it.
"""
import copy
import fcntl
import json
import os
import pathlib
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CLI = os.environ.get("TESSERA_CLI", str(REPO / "build/tools/host/tessera"))

BLK = {"type": "blk", "addr": "0xa003c00", "len": "0x200", "irq": 78, "status": "enable",
       "img": "disk.img"}
NET = {"type": "net", "addr": "0xa003600", "len": "0x200", "irq": 75, "status": "enable",
       "tap": "tap0", "mac": ["0x52", "0x54", "0x00", "0x12", "0x34", "0x56"]}
CONSOLE = {"type": "console", "addr": "0xa003800", "len": "0x200", "irq": 76,
           "status": "enable"}
ZONE1 = {"id": 1,
         "memory_region": [{"zone0_ipa": "0x50000000", "zonex_ipa": "0x50000000",
                            "size": "0x30000000"}],
         "devices": [BLK, NET, CONSOLE]}
CONFIG = {"zones": [ZONE1]}


def run(workdir, *args):
    return subprocess.run([CLI, *args], cwd=workdir, capture_output=True, text=True,
                          timeout=30, check=False)


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "disk.img").write_bytes(b"\0" * 0x10000)
    (tmp_path / "other.img").write_bytes(b"\0" * 0x10000)
    return tmp_path


def write_config(workdir, config, name="virtio.json"):
    text = config if isinstance(config, str) else json.dumps(config, indent=1)
    (workdir / name).write_text(text)
    return name


def config_with(change):
    """CONFIG after change(config), which edits a deep copy in place."""
    config = copy.deepcopy(CONFIG)
    change(config)
    return config


def device(config, index):
    return config["zones"][0]["devices"][index]


def assert_one_error(result, expected):
    """Exit status 1, nothing on stdout, exactly the expected line on stderr."""
    assert result.returncode == 1, result
    assert result.stdout == ""
    assert result.stderr == "virtio.json: " + expected + "\n"


def check(workdir, config):
    return run(workdir, "virtio", "check", write_config(workdir, config))


# -- good configs ----------------------------------------------------------

def test_example_config_passes(workdir):
    result = run(workdir, "virtio", "check", write_config(workdir, CONFIG))
    assert (result.returncode, result.stdout, result.stderr) == (0, "virtio.json: OK\n", "")


def test_other_spellings_pass(workdir):
    def spell(config):
        zone = config["zones"][0]
        zone["memory_region"][0] = {"zone0_ipa": 0x50000000, "zonex_ipa": 0x50000000,
                                    "size": 0x30000000}
        device(config, 0)["addr"] = 0xa003c00
        device(config, 0)["len"] = 512
        device(config, 1)["mac"] = "52:54:00:12:34:56"
        del device(config, 2)["status"]
        # A disabled device is skipped, whatever else it says.
        zone["devices"].append({"type": "gpu", "status": "disable"})
    assert check(workdir, config_with(spell)).returncode == 0


def test_mac_as_numbers_passes(workdir):
    def numbers(config):
        device(config, 1)["mac"] = [0x52, "0x54", 0, 18, "52", 86]
    assert check(workdir, config_with(numbers)).returncode == 0


@pytest.mark.parametrize("arch_dir", ["qemu-virt", "qemu-virt-riscv64"])
def test_shipped_configs_write_the_mac_as_hvisor_does(arch_dir):
    """hvisor's daemon reads "mac" as an array of six bytes, each a JSON
    number or a string such as "0x52"; a string "52:54:..." it refuses."""
    shipped = json.loads((REPO / "configs" / arch_dir / "zone1-virtio-devices.json").read_text())
    macs = [d["mac"] for z in shipped["zones"] for d in z["devices"] if d["type"] == "net"]
    assert macs
    for mac in macs:
        assert isinstance(mac, list) and len(mac) == 6, mac
        assert all(isinstance(b, str) and 0 <= int(b, 16) <= 0xff for b in mac), mac


def test_each_file_is_reported(workdir):
    good = write_config(workdir, CONFIG, "good.json")
    bad = write_config(workdir, "[]", "bad.json")
    result = run(workdir, "virtio", "check", good, bad)
    assert result.returncode == 1
    assert result.stdout == "good.json: OK\n"
    assert result.stderr == "bad.json: expected a JSON object at the top level, got an array\n"


# -- one wrong config per rule ---------------------------------------------

def set_key(path, value):
    """A change setting config[path...] = value (None deletes the key)."""
    def change(config):
        target = config
        for key in path[:-1]:
            target = target[key]
        if value is None:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return change


def devices(index):
    return ["zones", 0, "devices", index]


def region(key):
    return ["zones", 0, "memory_region", 0, key]


def add_zone(zone):
    return lambda config: config["zones"].append(zone)


ZONE2 = {"id": 2,
         "memory_region": [{"zone0_ipa": "0x80000000", "zonex_ipa": "0x50000000",
                            "size": "0x10000000"}],
         "devices": [dict(CONSOLE)]}


@pytest.mark.parametrize("change, expected", [
    (set_key(devices(0) + ["type"], "gpu"),
     'key "zones[0].devices[0].type": unknown device type "gpu" (expected "blk", "net" or "console")'),
    (set_key(devices(0) + ["status"], "on"),
     'key "zones[0].devices[0].status": expected "enable" or "disable", got "on"'),
    (set_key(devices(1) + ["addr"], "0xa003c80"),
     'key "zones[0].devices[1].addr": window 0xa003c80-0xa003e7f overlaps zones[0].devices[0]\'s'),
    (set_key(devices(0) + ["addr"], "0x60000000"),
     'key "zones[0].devices[0].addr": window 0x60000000-0x600001ff lies in the zone\'s RAM '
     '(zones[0].memory_region[0]), where accesses never reach the daemon'),
    (set_key(devices(0) + ["len"], 0),
     'key "zones[0].devices[0].len": 0x0 is too small; a virtio-mmio window needs at least '
     '0x200 bytes'),
    (set_key(devices(0) + ["len"], "0x100"),
     'key "zones[0].devices[0].len": 0x100 is too small; a virtio-mmio window needs at least '
     '0x200 bytes'),
    (set_key(devices(0) + ["addr"], "0xfffffffffffffe00"),
     'key "zones[0].devices[0].len": the window passes the end of the address space'),
    (set_key(devices(0) + ["addr"], None),
     'key "zones[0].devices[0].addr": required key is missing'),
    (set_key(devices(0) + ["irq"], 20),
     'key "zones[0].devices[0].irq": 20 is not a shared peripheral interrupt (32 to 1019)'),
    (set_key(devices(0) + ["irq"], 1020),
     'key "zones[0].devices[0].irq": 1020 is not a shared peripheral interrupt (32 to 1019)'),
    (set_key(devices(1) + ["irq"], 78),
     'key "zones[0].devices[1].irq": 78 is already zones[0].devices[0]\'s interrupt'),
    (set_key(devices(0) + ["img"], "missing.img"),
     'key "zones[0].devices[0].img": "missing.img" does not exist'),
    (set_key(devices(0) + ["img"], "."),
     'key "zones[0].devices[0].img": "." cannot be opened for reading and writing: '
     'Is a directory'),
    (set_key(devices(0) + ["img"], None),
     'key "zones[0].devices[0].img": required key is missing'),
    (set_key(devices(1) + ["tap"], None),
     'key "zones[0].devices[1].tap": required key is missing'),
    (set_key(devices(1) + ["tap"], "a-name-too-long-for-linux"),
     'key "zones[0].devices[1].tap": "a-name-too-long-for-linux..." is longer than 15 '
     'characters'),
    (set_key(devices(1) + ["mac"], "52:54:00:12:34"),
     'key "zones[0].devices[1].mac": "52:54:00:12:34" is not a MAC address: '
     '"52:54:00:12:34:56" or an array of 6 byte values'),
    (set_key(devices(1) + ["mac"], [1, 2, 3, 4, 5, 256]),
     'key "zones[0].devices[1].mac[5]": 0x100 does not fit in 8 bits'),
    (set_key(devices(1) + ["mac"], "01:00:5e:00:00:01"),
     'key "zones[0].devices[1].mac": 01:00:5e:00:00:01 is a multicast address; a NIC needs a '
     'unicast one'),
    (lambda c: c["zones"][0]["devices"].append(dict(CONSOLE, addr="0xa003a00", irq=77)),
     'key "zones[0].devices[3].type": zone 1 already has a console (zones[0].devices[2])'),
    (lambda c: c["zones"][0]["devices"].append(dict(NET, addr="0xa003a00", irq=77)),
     'key "zones[0].devices[3].tap": "tap0" is already zones[0].devices[1]\'s TAP'),
    (lambda c: c["zones"][0]["devices"].append(dict(BLK, addr="0xa003a00", irq=77)),
     'key "zones[0].devices[3].img": "disk.img" is already zones[0].devices[0]\'s image'),
    (set_key(region("size"), "0"),
     'key "zones[0].memory_region[0].size": a region of 0 bytes'),
    (set_key(region("zone0_ipa"), "0x50000800"),
     'key "zones[0].memory_region[0].zone0_ipa": 0x50000800 is not a multiple of 0x1000 '
     '(zone0 maps whole pages)'),
    (set_key(region("zonex_ipa"), "0xfffffffff0000000"),
     'key "zones[0].memory_region[0].size": the region passes the end of the address space'),
    (lambda c: c["zones"][0]["memory_region"].append(
        {"zone0_ipa": "0x90000000", "zonex_ipa": "0x60000000", "size": "0x1000"}),
     'key "zones[0].memory_region[1]": guest range 0x60000000-0x60000fff overlaps '
     'zones[0].memory_region[0]\'s'),
    (add_zone(dict(ZONE2, memory_region=[{"zone0_ipa": "0x7ffff000", "zonex_ipa": "0x50000000",
                                           "size": "0x2000"}])),
     'key "zones[1].memory_region[0]": zone0 range 0x7ffff000-0x80000fff overlaps '
     'zones[0].memory_region[0]\'s'),
    (set_key(["zones", 0, "memory_region"], []),
     'key "zones[0].memory_region": lists no region; the daemon needs the zone\'s RAM'),
    (add_zone(dict(ZONE2, id=1)), 'key "zones[1].id": zone 1 is already zones[0]'),
    (set_key(["zones", 0, "id"], 0),
     'key "zones[0].id": zone 0 runs this daemon and cannot have virtio devices'),
    (set_key(["zones"], []), 'key "zones": lists no zone'),
    (set_key(["zones"], {}), 'key "zones": expected an array of zone objects, got an object'),
])
def test_wrong_config_is_refused_with_its_rule(workdir, change, expected):
    assert_one_error(check(workdir, config_with(change)), expected)


def test_second_zone_with_its_own_devices_passes(workdir):
    assert check(workdir, config_with(add_zone(ZONE2))).returncode == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_read_only_image_is_refused(workdir):
    (workdir / "disk.img").chmod(0o444)
    assert_one_error(check(workdir, CONFIG),
                     'key "zones[0].devices[0].img": "disk.img" cannot be opened for reading '
                     'and writing: Permission denied')


def test_invalid_json_names_line_and_column(workdir):
    result = check(workdir, '{"zones": [\n}')
    assert result.returncode == 1
    assert result.stderr.startswith("virtio.json: invalid JSON at line 2, column 1: ")


def test_missing_file(workdir):
    result = run(workdir, "virtio", "check", "absent.json")
    assert (result.returncode, result.stderr) == (1, "absent.json: No such file or directory\n")


# -- start, stop, console: usage and the host's answers ----------------------

@pytest.mark.parametrize("args, expected", [
    (["virtio", "check"], "virtio check needs at least one virtio JSON file"),
    (["virtio", "start"], "virtio start needs a virtio JSON file"),
    (["virtio", "start", "--verbose", "virtio.json"], 'virtio start: unknown option "--verbose"'),
    (["virtio", "start", "--log-level", "loud", "virtio.json"],
     "virtio start: --log-level takes error, warn, info or debug"),
    (["virtio", "start", "a.json", "b.json"], "virtio start takes one virtio JSON file"),
    (["virtio", "stop", "now"], "virtio stop takes no arguments but --pid-file FILE"),
    (["console"], "console needs a zone id"),
    (["console", "one"], "console needs a zone id"),
])
def test_usage_errors_exit_2(workdir, args, expected):
    result = run(workdir, *args)
    assert result.returncode == 2
    assert result.stderr.startswith(f"tessera: {expected}\n\nusage: tessera")


def test_help_lists_the_virtio_commands(workdir):
    result = run(workdir, "help")
    for command in ("virtio check", "virtio start", "virtio stop", "console <zone_id>"):
        assert command in result.stdout


def test_start_checks_the_config_first(workdir):
    result = run(workdir, "virtio", "start", "--pid-file", "pid",
                 write_config(workdir, config_with(set_key(devices(0) + ["irq"], 5))))
    assert_one_error(result, 'key "zones[0].devices[0].irq": 5 is not a shared peripheral '
                             "interrupt (32 to 1019)")
    assert not (workdir / "pid").exists()


# Only the blk device: the host must not get a TAP or a published console.
BLK_ONLY = {"zones": [dict(ZONE1, devices=[BLK])]}


@pytest.mark.skipif(os.path.exists("/dev/hvisor"), reason="a real /dev/hvisor is present")
@pytest.mark.parametrize("mode", [["--foreground"], []])
def test_start_without_hvisor_fails_and_leaves_no_pid_file(workdir, mode):
    result = run(workdir, "virtio", "start", *mode, "--pid-file", "pid", "--log", "log",
                 write_config(workdir, BLK_ONLY))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == ("virtio start: /dev/hvisor: No such file or directory; this "
                             "command runs in zone0 with the hvisor kernel module loaded\n")
    assert not (workdir / "pid").exists()


def test_start_refuses_while_a_daemon_holds_the_pid_file(workdir):
    with open(workdir / "pid", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("4242\n")
        held.flush()
        result = run(workdir, "virtio", "start", "--pid-file", "pid",
                     write_config(workdir, BLK_ONLY))
    assert result.returncode == 1
    assert result.stderr == ("virtio start: a virtio daemon is already running (pid 4242, pid); "
                             "stop it with `tessera virtio stop`\n")
    assert (workdir / "pid").read_text() == "4242\n"


def test_stop_without_a_daemon(workdir):
    result = run(workdir, "virtio", "stop", "--pid-file", "pid")
    assert result.returncode == 1
    assert result.stderr == "virtio stop: no virtio daemon is running (none holds pid)\n"
    # A pid file nobody holds is stale.
    (workdir / "pid").write_text("1\n")
    result = run(workdir, "virtio", "stop", "--pid-file", "pid")
    assert result.returncode == 1


HOLDER = """
import fcntl, os, sys, time
f = open(sys.argv[1], "w")
fcntl.flock(f, fcntl.LOCK_EX)
f.write(f"{os.getpid()}\\n")
f.flush()
print("ready", flush=True)
time.sleep(3600)
"""


def test_stop_signals_the_holder_and_waits_for_it(workdir):
    """A stand-in daemon: holds the pid file's lock until SIGTERM ends it."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(workdir / "pid")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "ready\n"
        result = run(workdir, "virtio", "stop", "--pid-file", "pid")
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout == f"virtio daemon (pid {holder.pid}) stopped\n"
        assert holder.wait(timeout=60) == -15
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.skipif(os.path.exists("/run/tessera/console-4000000000"),
                    reason="a console file for that zone exists")
def test_console_of_a_zone_without_one(workdir):
    result = run(workdir, "console", "4000000000")
    assert result.returncode == 1
    assert result.stderr == ("console: zone 4000000000 has no console (no "
                             "/run/tessera/console-4000000000: is the virtio daemon running "
                             "with a console for it?)\n")
