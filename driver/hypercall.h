/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HVISOR_HYPERCALL_H
#define HVISOR_HYPERCALL_H

#include <linux/stringify.h>
#include <tessera/hypercall.h>

/*
 * The result is a negative errno on failure. The hypervisor may use x0-x17
 * as scratch registers, as SMCCC allows, so all of them are clobbered; it
 * reads and writes the memory whose physical address it is given, hence
 * the memory clobber.
 */
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

#endif
