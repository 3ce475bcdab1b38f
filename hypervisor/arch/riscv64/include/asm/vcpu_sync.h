/* The guest's virtual interrupt lines, brought up to date before every
 * return to it (vcpu.c). */
#ifndef ASM_VCPU_SYNC_H
#define ASM_VCPU_SYNC_H

struct vcpu;

/* hvip.VSSIP from an IPI another hart posted (sbi_ipi.c), hvip.VSEIP from
 * the vPLIC. */
void vcpu_sync(struct vcpu *vcpu);

#endif
