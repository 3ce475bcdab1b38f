#include <asm/sbi_call.h>

#include "log.h"

struct sbi_firmware_info sbi_firmware;

struct sbiret sbi_call(uint64_t eid, uint64_t fid, uint64_t a0, uint64_t a1, uint64_t a2,
		       uint64_t a3, uint64_t a4)
{
	register uint64_t r_a0 __asm__("a0") = a0;
	register uint64_t r_a1 __asm__("a1") = a1;
	register uint64_t r_a2 __asm__("a2") = a2;
	register uint64_t r_a3 __asm__("a3") = a3;
	register uint64_t r_a4 __asm__("a4") = a4;
	register uint64_t r_a6 __asm__("a6") = fid;
	register uint64_t r_a7 __asm__("a7") = eid;

	__asm__ volatile("ecall"
			 : "+r"(r_a0), "+r"(r_a1)
			 : "r"(r_a2), "r"(r_a3), "r"(r_a4), "r"(r_a6), "r"(r_a7)
			 : "memory");
	return (struct sbiret){ (int64_t)r_a0, r_a1 };
}

static uint64_t base_value(uint64_t fid)
{
	struct sbiret ret = sbi_call(SBI_EXT_BASE, fid, 0, 0, 0, 0, 0);

	return ret.error ? 0 : ret.value;
}

void sbi_firmware_probe(void)
{
	uint64_t version = base_value(SBI_BASE_GET_SPEC_VERSION);

	sbi_firmware.mvendorid = base_value(SBI_BASE_GET_MVENDORID);
	sbi_firmware.marchid = base_value(SBI_BASE_GET_MARCHID);
	sbi_firmware.mimpid = base_value(SBI_BASE_GET_MIMPID);
	log_info("firmware: SBI %lu.%lu, implementation %lu version 0x%lx",
		 (unsigned long)(version >> 24 & 0x7f), (unsigned long)(version & 0xffffff),
		 (unsigned long)base_value(SBI_BASE_GET_IMPL_ID),
		 (unsigned long)base_value(SBI_BASE_GET_IMPL_VERSION));
}
