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


def fdtget(dtb, *args):
    return subprocess.run(["fdtget", str(dtb), *args], check=True, capture_output=True,
                          text=True).stdout.split()


# QEMU virt riscv64's harts (-smp 4) and the devices OpenSBI needs from the
# DT that a zone's DT leaves out: the CLINT (M-mode timer and IPIs) and
# sifive_test (SBI SRST's power-off).
RISCV_HARTS = range(4)
RISCV_FREE_PHANDLE = 0x1000
RISCV_IRQ_M_SOFT, RISCV_IRQ_M_TIMER, RISCV_IRQ_M_EXT, RISCV_IRQ_S_EXT = 3, 7, 11, 9


def _riscv_hart_intc(dtb, hart, isa):
    """The phandle of hart's interrupt controller, the hart's node added
    (a copy of the zone's harts') if the zone's DT lacks it."""
    node = f"/cpus/cpu@{hart}"
    intc = f"{node}/interrupt-controller"
    if f"cpu@{hart}" not in fdtget(dtb, "-l", "/cpus"):
        fdtput(dtb, "-c", node, intc)
        for kind, prop, value in (("s", "device_type", "cpu"), ("x", "reg", f"{hart:x}"),
                                  ("s", "status", "okay"), ("s", "compatible", "riscv"),
                                  ("s", "riscv,isa", isa), ("s", "mmu-type", "riscv,sv48")):
            fdtput(dtb, "-t", kind, node, prop, value)
        for kind, prop, value in (("x", "#interrupt-cells", "1"),
                                  ("s", "interrupt-controller", ""),
                                  ("s", "compatible", "riscv,cpu-intc"),
                                  ("x", "phandle", f"{RISCV_FREE_PHANDLE + hart:x}")):
            fdtput(dtb, "-t", kind, intc, prop, value)
    return int(fdtget(dtb, "-t", "x", intc, "phandle")[0], 16)


def riscv_native_dtb(dtb, ram_size):
    """Turns a riscv64 zone's DT (edited in place) into one that boots
    natively on QEMU virt with -smp 4: every hart (OpenSBI hangs a hart
    the DT does not name, and its boot hart is any of the four), each with
    its M and S PLIC contexts, the CLINT and sifive_test, and the zone's RAM
    size from 0x80000000, where QEMU's RAM and OpenSBI start. QEMU does not
    rewrite /memory in a DT given with -dtb."""
    isa = fdtget(dtb, "-t", "s", "/cpus/" + fdtget(dtb, "-l", "/cpus")[0], "riscv,isa")[0]
    intcs = [_riscv_hart_intc(dtb, hart, isa) for hart in RISCV_HARTS]
    plic = "/soc/interrupt-controller@c000000"
    fdtput(dtb, "-t", "x", plic, "interrupts-extended",
           *(f"{cell:x}" for phandle in intcs
             for cell in (phandle, RISCV_IRQ_M_EXT, phandle, RISCV_IRQ_S_EXT)))
    fdtput(dtb, "-c", "/soc/clint@2000000", "/soc/test@100000")
    fdtput(dtb, "-t", "s", "/soc/clint@2000000", "compatible", "sifive,clint0", "riscv,clint0")
    fdtput(dtb, "-t", "x", "/soc/clint@2000000", "reg", "0", "2000000", "0", "10000")
    fdtput(dtb, "-t", "x", "/soc/clint@2000000", "interrupts-extended",
           *(f"{cell:x}" for phandle in intcs
             for cell in (phandle, RISCV_IRQ_M_SOFT, phandle, RISCV_IRQ_M_TIMER)))
    fdtput(dtb, "-t", "s", "/soc/test@100000", "compatible",
           "sifive,test1", "sifive,test0", "syscon")
    fdtput(dtb, "-t", "x", "/soc/test@100000", "reg", "0", "100000", "0", "1000")
    for node in fdtget(dtb, "-l", "/"):
        if node.startswith("memory@"):
            fdtput(dtb, "-r", f"/{node}")
    fdtput(dtb, "-c", "/memory@80000000")
    fdtput(dtb, "-t", "s", "/memory@80000000", "device_type", "memory")
    fdtput(dtb, "-t", "x", "/memory@80000000", "reg", "0", "80000000", "0", f"{ram_size:x}")
    # QEMU writes the initrd range of its own -initrd.
    chosen = fdtget(dtb, "-p", "/chosen")
    for prop in ("linux,initrd-start", "linux,initrd-end"):
        if prop in chosen:
            fdtput(dtb, "-d", "/chosen", prop)
