/* virtio-console (device ID 3), one port and no multiport: queue 0 carries
 * keystrokes to the guest, queue 1 its output, both through a PTY. Output
 * nobody reads is dropped and counted once the PTY is full; the guest never
 * waits on the host. */
#ifndef VIRTIO_CONSOLE_H
#define VIRTIO_CONSOLE_H

#include "console_pty.h"
#include "virtio_mmio_device.h"

#define VIRTIO_CONSOLE_RX 0
#define VIRTIO_CONSOLE_TX 1

/* Takes over the PTY (closed by ops->destroy). Only master_fd is used, so
 * the tests give it one end of a socket pair. */
struct virtio_mmio_device *virtio_console_create(const struct virtio_device_setup *setup,
						 const struct console_pty *pty);

#endif
