/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HVISOR_HYPERCALL_H
#define HVISOR_HYPERCALL_H

#include <linux/errno.h>
#include <linux/stringify.h>
#include <tessera/hypercall.h>

/*
 * The result is a negative errno on failure. The hypervisor reads and
 * writes the memory whose physical address it is given, hence the memory
 * clobber.
 */
#if defined(CONFIG_ARM64)
/* The hypervisor may use x0-x17 as scratch registers, as SMCCC allows, so
 * all of them are clobbered. */
static inline long tessera_hypercall(unsigned long code, unsigned long arg0,
				     unsigned long arg1)
{
	register unsigned long x0 asm("x0") = code;
	register unsigned long x1 asm("x1") = arg0;
	register unsigned long x2 asm("x2") = arg1;

	asm volatile("hvc #" __stringify(TESSERA_HVC_IMM)
		     : "+r" (x0), "+r" (x1), "+r" (x2)
		     :
		     : "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
		       "x12", "x13", "x14", "x15", "x16", "x17", "memory");
	return (long)x0;
}
#elif defined(CONFIG_RISCV)
/* An SBI call: only a0 and a1 come back changed. A non-zero SBI error means
 * no hypervisor answered the extension (plain firmware says "not
 * supported"), and a1 then holds no result. */
static inline long tessera_hypercall(unsigned long code, unsigned long arg0,
				     unsigned long arg1)
{
	register unsigned long a0 asm("a0") = code;
	register unsigned long a1 asm("a1") = arg0;
	register unsigned long a2 asm("a2") = arg1;
	register unsigned long a7 asm("a7") = TESSERA_ECALL_EXT;

	asm volatile("ecall"
		     : "+r" (a0), "+r" (a1)
		     : "r" (a2), "r" (a7)
		     : "memory");
	return a0 ? -ENOSYS : (long)a1;
}
#else
#error "tessera's hypercall is defined for arm64 and riscv64 only"
#endif

#endif
