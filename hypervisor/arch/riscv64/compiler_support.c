/* What gcc calls for __builtin_ctzll on a hart without Zbb, normally from
 * libgcc, which the hypervisor does not link: Debian's cross libgcc is
 * built for lp64d, and the hypervisor, compiled without FP, is lp64.
 * `used` keeps it through link-time optimisation, which sees the call only
 * after it has chosen what to keep. */
int __ctzdi2(unsigned long value);

__attribute__((used)) int __ctzdi2(unsigned long value)
{
	int count = 0;

	while (!(value & 1) && count < 64) {
		value >>= 1;
		count++;
	}
	return count;
}
