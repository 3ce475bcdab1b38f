/* The PLIC's registers as QEMU virt lays them out (the PLIC specification):
 * context 2h is hart h's M mode, 2h+1 its S mode, which a zone's VS mode
 * sees as its own S context. */
#ifndef ZONEPROBE_RV_PLIC_H
#define ZONEPROBE_RV_PLIC_H

#include <stdint.h>

#define PLIC_BASE 0x0c000000UL

static inline uintptr_t plic_priority(unsigned source)
{
	return PLIC_BASE + 4 * (uintptr_t)source;
}

static inline uintptr_t plic_pending(unsigned source)
{
	return PLIC_BASE + 0x1000 + 4 * (uintptr_t)(source / 32);
}

static inline uintptr_t plic_enable(unsigned context, unsigned source)
{
	return PLIC_BASE + 0x2000 + 0x80 * (uintptr_t)context + 4 * (uintptr_t)(source / 32);
}

static inline uintptr_t plic_threshold(unsigned context)
{
	return PLIC_BASE + 0x200000 + 0x1000 * (uintptr_t)context;
}

static inline uintptr_t plic_claim(unsigned context)
{
	return plic_threshold(context) + 4;
}

static inline unsigned plic_s_context(unsigned hart)
{
	return 2 * hart + 1;
}

static inline unsigned plic_m_context(unsigned hart)
{
	return 2 * hart;
}

static inline uint32_t plic_bit(unsigned source)
{
	return 1u << (source % 32);
}

#endif
