/* The selftest guest's checks of the virtual GIC's fidelity to GICv3 for
 * SGIs and hardware-linked interrupts. */
#ifndef SELFTEST_VGIC_FIDELITY_CHECK_H
#define SELFTEST_VGIC_FIDELITY_CHECK_H

void check_vgic_fidelity(void);

#endif
