/* Reads of debug registers every Armv8 CPU has but an emulator may lack
 * (QEMU before 8.0 has no OSDTRRX_EL1, OSDTRTX_EL1, OSECCR_EL1 or claim
 * tags): there a read is an undefined instruction at EL2. Each probe
 * returns true, or false when hyp_fault.c resumes it after its read. */

.macro probe reg
	.global sysreg_probe_\reg
	.type	sysreg_probe_\reg, %function
sysreg_probe_\reg:
	mov	x0, #1
	mrs	x1, \reg
	ret
	.size	sysreg_probe_\reg, . - sysreg_probe_\reg
.endm

	.text
	.global sysreg_probes_start
sysreg_probes_start:
	probe	osdtrrx_el1
	probe	osdtrtx_el1
	probe	oseccr_el1
	probe	mdccint_el1
	probe	dbgclaimclr_el1
	.global sysreg_probes_end
sysreg_probes_end:
