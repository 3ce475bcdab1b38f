/* The kinds of operation the riscv64 chaos guest draws from, one function
 * each. */
#ifndef CHAOS_RV_OPS_H
#define CHAOS_RV_OPS_H

#include <stdint.h>

/* configs/qemu-virt-riscv64/zone1-chaos.json: this zone's RAM. */
#define OWN_RAM_START 0xf8000000UL
#define OWN_RAM_END   0xf9000000UL
/* The top of its RAM holds nothing of the guest's: calls may write there,
 * and so may the guest's own random stores. */
#define SCRATCH_START 0xf8e00000UL

void op_csr(void);
void op_memory(void);
void op_system(void);
void op_sbi(void);
void op_hypercall(void);
void op_jump(void);

/* A guest-physical address the hypervisor must not let this zone reach,
 * or an emulated window's edge, or a neighbour of its own RAM. */
uint64_t random_outside_address(void);

/* For calls: a pointer (into the scratch RAM, across its end, outside,
 * wrapping) or a size (small, page-sized, near the top, any). */
uint64_t random_argument(void);

/* Runs one instruction word built at run time with a0-a3 set; returns a0. */
uint64_t run_instruction(uint32_t instruction, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3);

#endif
