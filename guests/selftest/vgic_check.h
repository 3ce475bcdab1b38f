/* The virtual GIC checks of the selftest guest. */
#ifndef SELFTEST_VGIC_CHECK_H
#define SELFTEST_VGIC_CHECK_H

void check_vgic(void);

#endif
