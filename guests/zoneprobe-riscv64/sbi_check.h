#ifndef ZONEPROBE_RV_SBI_CHECK_H
#define ZONEPROBE_RV_SBI_CHECK_H

/* The SBI a zone's harts get: its base extension, and harts, IPIs and
 * fences limited to the zone's own harts. Starts the zone's second hart,
 * which runs secondary_main (sbi_check.c). */
void check_sbi(void);

#endif
