/* Entry points, both in HS mode with satp off: the boot hart's, where
 * OpenSBI starts the payload (a0 = hart id, a1 = host DTB), and the
 * secondary harts', where arch_cpu_power_on starts them through SBI HSM
 * (a0 = hart id, a1 = CPU index).
 *
 * OpenSBI picks the boot hart by lottery. The core numbers CPUs from the
 * boot CPU (index 0) in device-tree order, and zone configs name CPUs by
 * index, so that zone0 would get different harts from one boot to the next.
 * The entry therefore relays the boot: a hart that is not the tree's lowest
 * hart id starts that hart here through HSM hart_start and stops itself, so
 * the boot CPU is always the lowest hart. The relaying hart's C code runs
 * before the BSS is cleared and uses nothing but CPU 0's stack, and after
 * hart_start it touches no memory: the hart it started clears the BSS and
 * takes that stack at once.
 *
 * QEMU 7.2's OpenSBI has been seen (about one boot in fifty on a loaded
 * host) to send a second hart to the payload's entry while the boot hart
 * runs. Only the hart that claims `boot_claimed` may use CPU 0's stack or
 * clear the BSS; any other goes back to the firmware's stopped harts, from
 * which arch_cpu_power_on starts it at secondary_entry. A relaying hart
 * gives the claim up just before it starts the lowest hart. */
#include <asm/sbi.h>
#include <asm/trap_frame.h>

	.section .text.head, "ax"
	.global	_start
_start:
	csrw	sie, zero
	csrw	sscratch, zero
	mv	s0, a0
	mv	s1, a1
	la	t0, boot_claimed
	li	t1, 1
	amoswap.w.aq	t1, t1, (t0)
	bnez	t1, not_the_boot_hart
	la	sp, cpu_stacks + CPU_STACK_SLOT
	call	boot_hart_choose
	beq	a0, s0, boot_here
	la	t0, boot_claimed
	amoswap.w.rl	zero, zero, (t0)
	la	a1, _start
	mv	a2, s1
	li	a6, SBI_HSM_HART_START
	li	a7, SBI_EXT_HSM
	ecall
	beqz	a0, not_the_boot_hart
	la	t0, boot_claimed
	li	t1, 1
	amoswap.w.aq	t1, t1, (t0)
	beqz	t1, boot_here
not_the_boot_hart:
	li	a6, SBI_HSM_HART_STOP
	li	a7, SBI_EXT_HSM
	ecall
	j	halt

/* The lowest hart, or one the firmware would not relay the boot from. */
boot_here:
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	li	a0, 0
	mv	a1, s0
	call	setup_hart
	mv	a0, s1
	call	boot_time_init
	call	mmu_build_tables
	call	mmu_enable
	mv	a0, s1
	call	hv_primary_main
	j	halt

	.text
	.global	secondary_entry
secondary_entry:
	csrw	sie, zero
	csrw	sscratch, zero
	mv	s0, a1
	mv	t0, a0
	mv	a0, a1
	mv	a1, t0
	call	setup_hart
	call	mmu_enable
	mv	a0, s0
	call	hv_secondary_main
	j	halt

/* a0 = CPU index, a1 = hart id: tp = the hart's hart_local, filled in, sp =
 * the top of its stack, stvec = the trap vector. Uses no stack. */
setup_hart:
	la	tp, hart_locals
	li	t0, HL_SIZE
	mul	t0, a0, t0
	add	tp, tp, t0
	sd	a0, HL_CPU(tp)
	sd	a1, HL_HART_ID(tp)
	la	t0, cpu_stacks
	li	t1, CPU_STACK_SLOT
	addi	t2, a0, 1
	mul	t2, t2, t1
	add	sp, t0, t2
	sd	sp, HL_STACK_TOP(tp)
	la	t0, cpu_fault_stacks
	addi	t2, a0, 1
	slli	t2, t2, CPU_FAULT_STACK_SHIFT
	add	t0, t0, t2
	sd	t0, HL_FAULT_STACK_TOP(tp)
	la	t0, trap_vector
	csrw	stvec, t0
	ret

halt:
	wfi
	j	halt

	.data
	.balign	4
boot_claimed:
	.word	0
