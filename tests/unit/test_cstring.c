/* The hypervisor's memcpy and memset (hypervisor/core/cstring.c), built here
 * as hv_memcpy and hv_memset (tests/unit/unit.mk) beside the host's own:
 * every length and alignment takes the right one of the block, word and
 * byte paths and touches nothing outside its range. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

/* hypervisor/core/cstring.c compiled with its functions renamed. */
void *hv_memcpy(void *dst, const void *src, size_t n);
void *hv_memset(void *dst, int c, size_t n);

#define ARENA  512
#define GUARD  0xa5

static unsigned char pattern_byte(size_t i)
{
	return (unsigned char)(i * 7 + 3);
}

static void fill_pattern(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = pattern_byte(i);
}

static void copies_every_length_and_offset_exactly(void **state)
{
	_Alignas(8) unsigned char src[ARENA], dst[ARENA];

	(void)state;
	fill_pattern(src, sizeof(src));
	for (size_t src_off = 0; src_off < 9; src_off++)
		for (size_t dst_off = 0; dst_off < 9; dst_off++)
			for (size_t n = 0; n <= 200; n++) {
				memset(dst, GUARD, sizeof(dst));
				assert_ptr_equal(hv_memcpy(dst + dst_off, src + src_off, n),
						 dst + dst_off);
				assert_memory_equal(dst + dst_off, src + src_off, n);
				for (size_t i = 0; i < dst_off; i++)
					assert_int_equal(dst[i], GUARD);
				for (size_t i = dst_off + n; i < sizeof(dst); i++)
					assert_int_equal(dst[i], GUARD);
			}
}

static void sets_every_length_and_offset_exactly(void **state)
{
	_Alignas(8) unsigned char buf[ARENA];

	(void)state;
	for (size_t off = 0; off < 9; off++)
		for (size_t n = 0; n <= 200; n++) {
			memset(buf, GUARD, sizeof(buf));
			assert_ptr_equal(hv_memset(buf + off, 0x3c, n), buf + off);
			for (size_t i = 0; i < sizeof(buf); i++)
				assert_int_equal(buf[i], i >= off && i < off + n ? 0x3c : GUARD);
		}
}

static void memset_uses_only_the_low_byte_of_its_value(void **state)
{
	_Alignas(8) unsigned char buf[64];

	(void)state;
	hv_memset(buf, 0x1ff, sizeof(buf));
	for (size_t i = 0; i < sizeof(buf); i++)
		assert_int_equal(buf[i], 0xff);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(copies_every_length_and_offset_exactly),
		cmocka_unit_test(sets_every_length_and_offset_exactly),
		cmocka_unit_test(memset_uses_only_the_low_byte_of_its_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
