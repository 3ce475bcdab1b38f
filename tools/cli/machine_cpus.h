/* The number of CPUs of the machine the hypervisor runs on. */
#ifndef MACHINE_CPUS_H
#define MACHINE_CPUS_H

/* Makes the tools' platform description (built with the board's CPU table)
 * carry the machine's CPU count, when the hypervisor can tell it; under
 * hvisor, or from an answer that makes no sense, the board's stays. */
void machine_cpus_adopt(int fd);

#endif
