#ifndef SELFTEST_VIRTIO_INJECT_CHECK_H
#define SELFTEST_VIRTIO_INJECT_CHECK_H

/* VirtioInjectIrq drains the daemon's completions and returns 0, as hvisor
 * does: hvisor's module hands the result to its daemon as it is. */
void check_virtio_inject_returns_zero(void);

#endif
