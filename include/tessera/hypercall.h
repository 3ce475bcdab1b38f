/* Hypercall ABI shared by the hypervisor, zone0's kernel module and test guests.
 * Compatible with hvisor: `hvc #0x4856`, x0 = code, x1/x2 = arguments,
 * result in x0 (>= 0 success, -errno failure). On riscv64 an SBI call to
 * extension TESSERA_ECALL_EXT: `ecall` with a7 = the extension, a0 = code,
 * a1/a2 = arguments; a0 = the SBI error (0), a1 = the result as above. */
#ifndef TESSERA_HYPERCALL_H
#define TESSERA_HYPERCALL_H

#define TESSERA_HVC_IMM 0x4856
#define TESSERA_ECALL_EXT 0x114514

#define HC_VIRTIO_INIT        0
#define HC_VIRTIO_INJECT_IRQ  1
#define HC_ZONE_START         2
#define HC_ZONE_SHUTDOWN      3
#define HC_ZONE_LIST          4
#define HC_IVC_INFO           5
#define HC_CONFIG_CHECK       6
#define HC_CLEAR_INJECT_IRQ   20
/* tessera's own, beyond hvisor's set: copies the config of running zone x1
 * (as it is now: zone0's without what it lent out) to x2. zone0 may ask for
 * any zone, another zone only for itself. */
#define HC_ZONE_CONFIG_GET    48
/* tessera's own, from zone0's module when the daemon that registered the
 * bridge page x1 closed /dev/hvisor (or died): the bridge is dropped, and
 * zones' virtio accesses read all-ones at once until a daemon registers. */
#define HC_VIRTIO_EXIT        49

/* HC_ZONE_SHUTDOWN's x2, tessera's own (hvisor's callers pass 0, and the
 * call then waits in the hypervisor, restarted every millisecond so that
 * zone0 takes its interrupts). With HC_SHUTDOWN_TOKEN, the caller waits in
 * zone0 itself: the call returns 0 once the zone is released, -errno, or,
 * while the stop goes on, a token (HC_SHUTDOWN_TOKEN set) to pass back as
 * x2 once zone0 has run a while; the token names that stop alone. */
#define HC_SHUTDOWN_TOKEN     (1ULL << 62)

/* Written by HC_CONFIG_CHECK; a tool built for another layout refuses to run. */
#define TESSERA_CONFIG_MAGIC  5

/* Hypercall failures, returned negated (Linux errno values). */
#define HV_EPERM   1
#define HV_ENOENT  2
#define HV_EIO     5
#define HV_E2BIG   7
#define HV_ENOMEM  12
#define HV_EFAULT  14
#define HV_EBUSY   16
#define HV_EEXIST  17
#define HV_ENODEV  19
#define HV_EINVAL  22
#define HV_ERANGE  34
#define HV_ENOSYS  38

#endif
