"""The build host's `tessera config check` for riscv64 configs (the CLI built
for the host with riscv64's zone config layout, PLIC rules and board): each
bad config of riscv64_zone_configs is refused with its message, exit status
1, and the shipped zone1 with hvisor's PLIC window size passes. zone0's CLI
and the hypervisor give the same answers (test_riscv64_zone_lifecycle). No
QEMU: well under a second."""

import subprocess

import pytest

from qemu_machine import build_path
from riscv64_zone_configs import STATIC_RULES, ZONE1, as_text, plic, variant

pytestmark = pytest.mark.riscv64


@pytest.fixture(scope="module")
def check(tmp_path_factory):
    """Runs the host CLI's check of a config with zone0's image paths
    pointing at the build's copies of zone0's /etc/tessera."""
    cli = build_path("tools", "host", "tessera", arch="riscv64")
    images = build_path("guests", "zone0-rootfs", arch="riscv64")
    path = tmp_path_factory.mktemp("riscv64-configs") / "zone1.json"

    def run(config):
        text = as_text(config).replace('"/etc/tessera/zone1', f'"{images}/etc/tessera/zone1')
        path.write_text(text)
        return subprocess.run([cli, "config", "check", str(path)], capture_output=True,
                              text=True, timeout=30, check=False)
    return run


def test_the_shipped_zone1_passes(check):
    result = check(ZONE1)
    assert (result.returncode, result.stderr) == (0, ""), result
    assert result.stdout.endswith("zone1.json: OK\n")


def test_hvisors_plic_window_size_passes(check):
    result = check(variant(arch_config=plic(plic_size="0x4000000")))
    assert result.returncode == 0, result


@pytest.mark.parametrize("rule", STATIC_RULES)
def test_a_bad_config_is_refused_with_its_message(check, rule):
    config, words = STATIC_RULES[rule]
    result = check(config)
    assert result.returncode == 1, result
    assert result.stdout == ""
    assert "zone1.json: " in result.stderr and words in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
