"""The tessera CLI as a user types it on the build host: config check, config
show, and the zone commands' answer when there is no /dev/hvisor.

The binary is $TESSERA_CLI (set by `make tools-test`), else the host build.
Every config is written to a temporary directory with small dummy images, so
the messages name "zone1.json" exactly as the user would have typed it.
"""
import copy
import json
import os
import pathlib
import re
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CLI = os.environ.get("TESSERA_CLI", str(REPO / "build/tools/host/tessera"))

ZONE1 = {
    "name": "zone1",
    "zone_id": 1,
    "cpus": [2, 3],
    "memory_regions": [
        {"type": "ram", "physical_start": "0x50000000",
         "virtual_start": "0x50000000", "size": "0x30000000"},
    ],
    "interrupts": [],
    "ivc_configs": [],
    "kernel_filepath": "Image",
    "dtb_filepath": "zone1.dtb",
    "kernel_load_paddr": "0x50400000",
    "dtb_load_paddr": "0x50000000",
    "entry_point": "0x50400000",
    "arch_config": {
        "gic_version": "v3",
        "gicd_base": "0x8000000", "gicd_size": "0x10000",
        "gicr_base": "0x80a0000", "gicr_size": "0x80000",
        "gits_base": "0x8080000", "gits_size": "0x20000",
    },
    "pci_config": [],
    "modules": [
        {"name": "initramfs", "filepath": "initramfs.cpio.gz", "load_paddr": "0x58000000"},
    ],
}

IMAGE_SIZES = {"Image": 0x4000, "zone1.dtb": 0x800, "initramfs.cpio.gz": 0x2000}


def run(workdir, *args):
    return subprocess.run([CLI, *args], cwd=workdir, capture_output=True, text=True,
                          timeout=30, check=False)


@pytest.fixture
def workdir(tmp_path):
    for name, size in IMAGE_SIZES.items():
        (tmp_path / name).write_bytes(b"\xa5" * size)
    return tmp_path


def write_config(workdir, config, name="zone1.json"):
    text = config if isinstance(config, str) else json.dumps(config, indent=1)
    (workdir / name).write_text(text)
    return name


def zone1(**changes):
    config = copy.deepcopy(ZONE1)
    for key, value in changes.items():
        if value is None:
            del config[key]
        else:
            config[key] = value
    return config


def ram(start, size, virtual=None):
    return {"type": "ram", "physical_start": hex(start),
            "virtual_start": hex(start if virtual is None else virtual), "size": hex(size)}


def virtio(start):
    return {"type": "virtio", "physical_start": hex(start), "virtual_start": hex(start),
            "size": "0x200"}


def assert_one_error(result, expected):
    """Exit status 1, nothing on stdout, exactly the expected line on stderr."""
    assert result.returncode == 1, result
    assert result.stdout == ""
    assert result.stderr == expected + "\n"


# -- help and usage --------------------------------------------------------

@pytest.mark.parametrize("word", ["help", "--help"])
def test_help_prints_usage_and_succeeds(workdir, word):
    result = run(workdir, word)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: tessera <command>")
    for command in ("zone start", "zone shutdown -id", "zone list", "config check",
                    "config show"):
        assert command in result.stdout


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["zone", "restart"], ["config"]])
def test_unknown_command_prints_usage_on_stderr_and_exits_2(workdir, args):
    result = run(workdir, *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "usage: tessera <command>" in result.stderr


# -- config check: a good config -------------------------------------------

def test_config_check_accepts_zone1(workdir):
    result = run(workdir, "config", "check", write_config(workdir, ZONE1))
    assert (result.returncode, result.stdout, result.stderr) == (0, "zone1.json: OK\n", "")


def test_json_is_parsed_without_reading_dev_urandom(workdir, tmp_path):
    """Early after zone0 boots, a read of /dev/urandom waits for the kernel's
    entropy pool (about a second under QEMU); jansson would make one at the
    first JSON object if the tool did not seed it."""
    trace = tmp_path / "trace"
    result = subprocess.run(["strace", "-f", "-e", "trace=open,openat", "-o", str(trace), CLI,
                             "config", "check", write_config(workdir, ZONE1)],
                            cwd=workdir, capture_output=True, text=True, timeout=30, check=False)
    assert (result.returncode, result.stdout) == (0, "zone1.json: OK\n"), result
    opened = trace.read_text()
    assert "zone1.json" in opened
    assert "/dev/urandom" not in opened


def test_config_check_reports_each_file(workdir):
    good = write_config(workdir, ZONE1, "good.json")
    bad = write_config(workdir, zone1(cpus="2"), "bad.json")
    result = run(workdir, "config", "check", good, bad)
    assert result.returncode == 1
    assert result.stdout == "good.json: OK\n"
    assert result.stderr == 'bad.json: key "cpus": expected an array of CPU numbers, got a string\n'


# -- config check: one bad config per rule class ---------------------------

def test_malformed_json_names_line_and_column(workdir):
    result = run(workdir, "config", "check", write_config(workdir, '{\n "name": "zone1",\n}'))
    assert result.returncode == 1
    assert re.fullmatch(r"zone1\.json: invalid JSON at line 3, column \d+: .+\n", result.stderr)


def test_top_level_must_be_an_object(workdir):
    result = run(workdir, "config", "check", write_config(workdir, "[1, 2]"))
    assert_one_error(result, "zone1.json: expected a JSON object at the top level, got an array")


@pytest.mark.parametrize("key", ["name", "zone_id", "cpus", "memory_regions", "interrupts",
                                 "ivc_configs", "kernel_filepath", "dtb_filepath",
                                 "entry_point", "arch_config"])
def test_missing_required_key(workdir, key):
    result = run(workdir, "config", "check", write_config(workdir, zone1(**{key: None})))
    assert_one_error(result, f'zone1.json: key "{key}": required key is missing')


@pytest.mark.parametrize("changes, expected", [
    ({"cpus": "2, 3"}, 'key "cpus": expected an array of CPU numbers, got a string'),
    ({"name": 1}, 'key "name": expected a string, got an integer'),
    ({"zone_id": [1]},
     'key "zone_id": expected an integer or a string such as "0x1000", got an array'),
    ({"arch_config": "v3"},
     'key "arch_config": expected an object with gic_version and the GIC\'s addresses, '
     'got a string'),
    ({"memory_regions": [ram(0x50000000, 0x30000000), "ram"]},
     'key "memory_regions[1]": expected a {type, physical_start, virtual_start, size} '
     'object, got a string'),
])
def test_wrong_type(workdir, changes, expected):
    result = run(workdir, "config", "check", write_config(workdir, zone1(**changes)))
    assert_one_error(result, "zone1.json: " + expected)


@pytest.mark.parametrize("changes, expected", [
    ({"zone_id": 2**32}, 'key "zone_id": 0x100000000 does not fit in 32 bits'),
    ({"memory_regions": [{**ram(0x50000000, 0), "size": -4096}]},
     'key "memory_regions[0].size": -4096 is negative'),
    ({"entry_point": 1.5},
     'key "entry_point": 1.5 is not a whole number below 2^53 '
     '(write large values as strings such as "0x1000")'),
    ({"entry_point": "0x1_0000"},
     'key "entry_point": "0x1_0000" is not a number (write decimal digits, or 0x and hex digits)'),
    ({"dtb_load_paddr": "0x10000000000000000"},
     'key "dtb_load_paddr": "0x10000000000000000" does not fit in 64 bits'),
    ({"cpus": [2, 64]}, 'key "cpus[1]": 64 is out of range (at most 63)'),
    ({"cpus": [2, 2]}, 'key "cpus[1]": CPU 2 is listed twice'),
    ({"name": "n" * 32}, 'key "name": "' + "n" * 32 + '..." is longer than 31 characters'),
])
def test_value_out_of_range(workdir, changes, expected):
    result = run(workdir, "config", "check", write_config(workdir, zone1(**changes)))
    assert_one_error(result, "zone1.json: " + expected)


def test_integer_too_large_for_json_suggests_a_string(workdir):
    text = json.dumps(ZONE1).replace('"0x50400000"', "18446744073709551615", 1)
    result = run(workdir, "config", "check", write_config(workdir, text))
    assert result.returncode == 1
    assert re.fullmatch(r'zone1\.json: line 1, column \d+: the number does not fit a JSON '
                        r'integer; write it as a string such as "0x8000000000000000"\n',
                        result.stderr)


@pytest.mark.parametrize("key", ["kernel_filepath", "dtb_filepath"])
def test_missing_image_file(workdir, key):
    result = run(workdir, "config", "check",
                 write_config(workdir, zone1(**{key: "/etc/tessera/nope"})))
    assert_one_error(result, f'zone1.json: key "{key}": /etc/tessera/nope: '
                             "No such file or directory")


def test_missing_module_file(workdir):
    modules = [{"name": "initramfs", "filepath": "gone.cpio", "load_paddr": "0x58000000"}]
    result = run(workdir, "config", "check", write_config(workdir, zone1(modules=modules)))
    assert_one_error(result, 'zone1.json: key "modules[0].filepath": gone.cpio: '
                             "No such file or directory")


def test_empty_image_file(workdir):
    (workdir / "empty").write_bytes(b"")
    result = run(workdir, "config", "check", write_config(workdir, zone1(dtb_filepath="empty")))
    assert_one_error(result, 'zone1.json: key "dtb_filepath": empty: the file is empty')


# Validator rules (hypervisor/core/config_check.c): the message names the
# field and its value; the rule's wording belongs to the validator, so only
# its gist is pinned here.
VALIDATOR_RULES = [
    ({"memory_regions": [ram(0x40000000, 0x30000000, 0x50000000)]},
     "memory_regions[0].physical_start 0x40000000", "hypervisor's memory"),
    ({"cpus": [2, 7]}, "cpus 0x84", "CPU 7 does not exist"),
    ({"zone_id": 0}, "zone_id 0", "root zone"),
    ({"interrupts": [27]}, "interrupts_bitmap[0] 0x8000000", "INTID 27 is an SGI or PPI"),
    ({"entry_point": "0x90000000"}, "entry_point 0x90000000", "RAM region"),
    ({"arch_config": {**ZONE1["arch_config"], "gicr_size": "0xf80000"}},
     "arch_config.gicr_size 0xf80000", "GIC redistributors"),
    ({"memory_regions": ZONE1["memory_regions"] +
      [virtio(0xa000000 + 0x200 * i) for i in range(22)]},
     "memory_regions[22].type 2", "VIRTIO region 22 of the zone, more than the 21 that fit"),
]


@pytest.mark.parametrize("changes, field, rule", VALIDATOR_RULES)
def test_validator_rule(workdir, changes, field, rule):
    result = run(workdir, "config", "check", write_config(workdir, zone1(**changes)))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"zone1.json: {field}: ")
    assert rule in result.stderr
    assert result.stderr.count("\n") == 1


def test_several_broken_rules_report_the_first_only(workdir):
    result = run(workdir, "config", "check",
                 write_config(workdir, zone1(zone_id=0, cpus=[2, 7], entry_point="0x90000000")))
    assert result.returncode == 1
    assert result.stderr.startswith("zone1.json: zone_id 0: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("load_paddr, expected", [
    ("0x7ffff000", 'modules[0].load_paddr 0x7ffff000: the module "initramfs" (8 KiB) does not '
                   "fit inside one RAM region of the zone"),
    ("0x50402000", 'modules[0].load_paddr 0x50402000: the module "initramfs" (8 KiB) overlaps '
                   "the kernel at 0x50400000 (16 KiB)"),
])
def test_module_placement(workdir, load_paddr, expected):
    modules = [{"name": "initramfs", "filepath": "initramfs.cpio.gz", "load_paddr": load_paddr}]
    result = run(workdir, "config", "check", write_config(workdir, zone1(modules=modules)))
    assert_one_error(result, "zone1.json: " + expected)


def test_unreadable_config_file(workdir):
    assert_one_error(run(workdir, "config", "check", "absent.json"),
                     "absent.json: No such file or directory")


# -- config show -----------------------------------------------------------

def zone2(**changes):
    config = zone1(name="zone2", zone_id=2, cpus=[3],
                   memory_regions=[ram(0x60000000, 0x10000000)],
                   interrupts=[76], kernel_load_paddr="0x60400000",
                   dtb_load_paddr="0x60000000", entry_point="0x60400000", modules=None)
    config.update(changes)
    return config


def show_lines(result):
    return [" ".join(line.split()) for line in result.stdout.splitlines()]


def test_config_show_two_disjoint_zones(workdir):
    first = write_config(workdir, zone1(cpus=[2], memory_regions=[ram(0x50000000, 0x10000000)],
                                        interrupts=[75], modules=None))
    second = write_config(workdir, zone2(), "zone2.json")
    result = run(workdir, "config", "show", first, second)
    assert (result.returncode, result.stderr) == (0, "")
    lines = show_lines(result)
    assert "zone1: zone 1 from zone1.json" in lines
    assert "zone2: zone 2 from zone2.json" in lines
    for expected in ("cpu 0 free", "cpu 1 free", "cpu 2 zone1", "cpu 3 zone2",
                     "memory 0x50000000-0x5fffffff 256 MiB zone1 (ram)",
                     "memory 0x60000000-0x6fffffff 256 MiB zone2 (ram)",
                     "spi 75 zone1", "spi 76 zone2"):
        assert expected in lines
    assert "CONFLICT" not in result.stdout


def test_config_show_marks_conflicts(workdir):
    first = write_config(workdir, zone1(interrupts=[75, 76], modules=None))
    second = write_config(workdir, zone2(interrupts=[76, 77]), "zone2.json")
    result = run(workdir, "config", "show", first, second)
    assert result.returncode == 1
    assert result.stderr == "config show: the configs conflict (see the lines marked CONFLICT)\n"
    lines = show_lines(result)
    for expected in ("cpu 2 zone1",
                     "cpu 3 zone1, zone2 CONFLICT",
                     "memory 0x50000000-0x5fffffff 256 MiB zone1 (ram)",
                     "memory 0x60000000-0x6fffffff 256 MiB zone1 (ram), zone2 (ram) CONFLICT",
                     "memory 0x70000000-0x7fffffff 256 MiB zone1 (ram)",
                     "spi 75 zone1",
                     "spi 76 zone1, zone2 CONFLICT",
                     "spi 77 zone2"):
        assert expected in lines
    pair = [line for line in lines if line.startswith("CONFLICT zone2.json against zone1.json: ")]
    assert len(pair) == 1


def test_config_show_flags_a_reused_zone_id(workdir):
    first = write_config(workdir, zone1(cpus=[2], memory_regions=[ram(0x50000000, 0x10000000)],
                                        modules=None))
    second = write_config(workdir, zone2(zone_id=1), "zone2.json")
    result = run(workdir, "config", "show", first, second)
    assert result.returncode == 1
    assert "CONFLICT zone2.json against zone1.json: zone_id 1" in show_lines(result)[-1]


def test_config_show_needs_no_image_files(workdir):
    name = write_config(workdir, zone1(kernel_filepath="/nowhere/Image", modules=None))
    result = run(workdir, "config", "show", name)
    assert (result.returncode, result.stderr) == (0, "")
    assert "cpu 2 zone1" in show_lines(result)


def test_config_show_refuses_an_invalid_config(workdir):
    name = write_config(workdir, zone1(cpus=[2, 7]))
    result = run(workdir, "config", "show", name)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("zone1.json: cpus 0x84: ")


def test_config_show_of_the_shipped_zone1(workdir):
    shipped = REPO / "configs/qemu-virt/zone1.json"
    if not shipped.exists():
        pytest.skip("configs/qemu-virt/zone1.json is not there yet")
    result = run(workdir, "config", "show", str(shipped))
    assert (result.returncode, result.stderr) == (0, "")
    assert "cpu 2 zone1" in show_lines(result)


# -- zone commands on a host without the hypervisor ------------------------

NO_DEVICE = ("/dev/hvisor: No such file or directory; this command runs in zone0 with the "
             "hvisor kernel module loaded")


@pytest.fixture
def no_hypervisor():
    if os.path.exists("/dev/hvisor"):
        pytest.skip("this machine has /dev/hvisor")


@pytest.mark.parametrize("args", [["zone", "list"], ["zone", "list", "--verbose"],
                                  ["zone", "shutdown", "-id", "1"],
                                  ["zone", "shutdown", "--id", "1"]])
def test_zone_commands_need_dev_hvisor(workdir, no_hypervisor, args):
    assert_one_error(run(workdir, *args), NO_DEVICE)


def test_zone_start_checks_the_config_before_the_device(workdir, no_hypervisor):
    assert_one_error(run(workdir, "zone", "start", write_config(workdir, zone1(cpus="2"))),
                     'zone1.json: key "cpus": expected an array of CPU numbers, got a string')
    assert_one_error(run(workdir, "zone", "start", write_config(workdir, ZONE1)), NO_DEVICE)


@pytest.mark.parametrize("changes, field, rule", VALIDATOR_RULES)
def test_zone_start_validates_unless_host_checks_are_skipped(workdir, no_hypervisor,
                                                              changes, field, rule):
    name = write_config(workdir, zone1(**changes))
    checked = run(workdir, "zone", "start", name)
    assert checked.returncode == 1
    assert checked.stderr.startswith(f"zone1.json: {field}: ")
    assert rule in checked.stderr
    assert_one_error(run(workdir, "zone", "start", "--skip-host-checks", name), NO_DEVICE)


def test_zone_start_skips_the_module_placement_check_too(workdir, no_hypervisor):
    modules = [{"name": "initramfs", "filepath": "initramfs.cpio.gz", "load_paddr": "0x7ffff000"}]
    name = write_config(workdir, zone1(modules=modules))
    assert "does not fit inside one RAM region" in run(workdir, "zone", "start", name).stderr
    assert_one_error(run(workdir, "zone", "start", "--skip-host-checks", name), NO_DEVICE)


@pytest.mark.parametrize("changes, expected", [
    ({"cpus": "2"}, 'key "cpus": expected an array of CPU numbers, got a string'),
    ({"kernel_filepath": "gone"}, 'key "kernel_filepath": gone: No such file or directory'),
])
def test_zone_start_still_parses_and_measures_images_when_checks_are_skipped(
        workdir, no_hypervisor, changes, expected):
    name = write_config(workdir, zone1(**changes))
    assert_one_error(run(workdir, "zone", "start", "--skip-host-checks", name),
                     "zone1.json: " + expected)


def test_help_documents_skip_host_checks(workdir):
    text = " ".join(run(workdir, "--help").stdout.split())
    assert ("--skip-host-checks: send the config unchecked and load no images "
            "(to test the hypervisor's own checks)") in text


@pytest.mark.parametrize("args", [["zone", "shutdown"], ["zone", "shutdown", "1"],
                                  ["zone", "shutdown", "-id", "one"],
                                  ["zone", "shutdown", "-id", "-1"],
                                  ["zone", "list", "--all"], ["zone", "start"],
                                  ["zone", "start", "--skip-host-checks"],
                                  ["zone", "start", "--skip-checks", "zone1.json"],
                                  ["zone", "start", "zone1.json", "zone2.json"]])
def test_zone_command_usage_errors_exit_2(workdir, args):
    result = run(workdir, *args)
    assert result.returncode == 2
    assert "usage: tessera <command>" in result.stderr
