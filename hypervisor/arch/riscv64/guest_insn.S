/* Reading a guest instruction at a guest virtual address, with the guest's
 * own translation (hstatus.SPVP and vsatp) and execute permission: HLVX.HU.
 * The read may fault (the guest unmapped the page meanwhile, or it is not
 * executable): the trap, taken in HS mode, resumes at the fixup
 * (hyp_fault.c), which returns -1. */
	.text
	.global	guest_insn_read16
	.global	guest_insn_read16_access
	.global	guest_insn_read16_fixup
/* a0 = guest virtual address: the halfword there, zero-extended, or -1. */
guest_insn_read16:
guest_insn_read16_access:
	hlvx.hu	a0, (a0)
	ret
guest_insn_read16_fixup:
	li	a0, -1
	ret
