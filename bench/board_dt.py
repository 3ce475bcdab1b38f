"""Device-tree edits for the native "same board" baselines: a zone's DT given
the board's other CPUs, since Linux on QEMU hangs early when the DT lists
fewer CPUs than the machine has (`maxcpus=2` then keeps it to the zone's)."""
import subprocess


def fdtput(dtb, *args):
    subprocess.run(["fdtput", str(dtb), *args], check=True)


def add_psci_cpus(dtb, cpus):
    """Adds a cortex-a72 node started by PSCI for each CPU number in `cpus`."""
    for cpu in cpus:
        node = f"/cpus/cpu@{cpu}"
        fdtput(dtb, "-c", node)
        for kind, prop, value in (("s", "device_type", "cpu"),
                                  ("s", "compatible", "arm,cortex-a72"),
                                  ("x", "reg", f"{cpu:x}"),
                                  ("s", "enable-method", "psci")):
            fdtput(dtb, "-t", kind, node, prop, value)
