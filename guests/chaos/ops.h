/* The kinds of operation the chaos guest draws from, one function each. */
#ifndef CHAOS_OPS_H
#define CHAOS_OPS_H

#include <stdint.h>

/* configs/qemu-virt/zone1-chaos.json: this zone's RAM. */
#define OWN_RAM_START 0x50000000UL
#define OWN_RAM_END   0x51000000UL
/* The top of its RAM holds nothing of the guest's: hypercalls may write
 * there, and so may the guest's own random stores. */
#define SCRATCH_START 0x50e00000UL

void op_sysreg(void);
void op_memory(void);
void op_cache(void);
void op_gic(void);
void op_hypercall(void);
void op_smccc(void);
void op_sgi(void);
void op_jump(void);

/* A guest-physical address the hypervisor must not let this zone reach,
 * or an emulated window's edge, or a neighbour of its own RAM. */
uint64_t random_outside_address(void);

/* Runs one instruction word built at run time with x0-x3 set; returns x0. */
uint64_t run_instruction(uint32_t instruction, uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3);

#endif
