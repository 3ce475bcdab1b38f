/* The SBI a zone's harts call (ecall from VS mode), one extension per file
 * (sbi_*.c); sbi.c dispatches. Only the calling zone's harts can be named,
 * and unknown extensions and functions get SBI_ERR_NOT_SUPPORTED without a
 * log line, since guests probe. */
#ifndef ASM_SBI_GUEST_H
#define ASM_SBI_GUEST_H

#include <stdbool.h>
#include <stdint.h>

#include <asm/sbi.h>
#include <asm/trap_frame.h>

struct vcpu;
struct zone;

#define REG_A0 10
#define REG_A6 16
#define REG_A7 17

/* hvisor's hypercalls travel as SBI extension 0x114514 (hvisor-compat.md). */
#define SBI_EXT_HVISOR 0x114514

/* An error no SBI function returns: the hypercall asks to be made again
 * (HYPERCALL_RESTART), so the guest's pc and registers stay as they are. */
#define SBI_RESTART_CALL INT64_MIN

/* A handler gets the function ID (a6) and the frame, whose a0-a5 are its
 * arguments. */
typedef struct sbiret (*sbi_handler_fn)(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f);

struct sbiret sbi_base_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f);
struct sbiret sbi_time_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f);
struct sbiret sbi_ipi_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f);
struct sbiret sbi_rfence_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f);
struct sbiret sbi_hsm_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f);
struct sbiret sbi_srst_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f);
struct sbiret sbi_hvisor_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f);
/* SBI 0.1: each extension ID is one function; its result is a0 alone. */
int64_t sbi_legacy_handle(struct vcpu *vcpu, uint64_t eid, struct trap_frame *f);
bool sbi_legacy_implemented(uint64_t eid);

/* For Base's probe_extension: whether the zone gets anything from `eid`. */
bool sbi_extension_available(uint64_t eid);

/* Shared by the extensions. */
bool sbi_timer_available(void);
void sbi_set_timer(uint64_t stime_value);
/* The CPUs (core indexes) of the caller's zone that an SBI hart mask names;
 * false if it names a hart that is not the zone's. */
bool sbi_zone_harts(const struct zone *zone, uint64_t hart_mask, uint64_t hart_mask_base,
		    uint64_t *cpus);
/* Powers the calling zone off or restarts it; the whole machine for zone0. */
_Noreturn void sbi_zone_system_reset(struct vcpu *vcpu, bool reset);

#endif
