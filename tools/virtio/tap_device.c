#include "tap_device.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#define TUN_DEVICE "/dev/net/tun"

static int bring_up(const char *name, struct message *m)
{
	struct ifreq ifr = { 0 };
	int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int err = 0;

	if (sock < 0) {
		message_set(m, "TAP \"%s\": cannot open a socket to bring it up: %s", name,
			    strerror(errno));
		return -1;
	}
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	if (ioctl(sock, SIOCGIFFLAGS, &ifr) == 0) {
		ifr.ifr_flags |= IFF_UP;
		if (ioctl(sock, SIOCSIFFLAGS, &ifr))
			err = errno;
	} else {
		err = errno;
	}
	close(sock);
	if (err) {
		message_set(m, "TAP \"%s\": cannot bring it up: %s", name, strerror(err));
		return -1;
	}
	return 0;
}

int tap_open(const char *name, int vnet_header_bytes, struct message *m)
{
	struct ifreq ifr = { 0 };
	int fd = open(TUN_DEVICE, O_RDWR | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		message_set(m, "TAP \"%s\": cannot open %s: %s", name, TUN_DEVICE, strerror(errno));
		return -1;
	}
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	if (ioctl(fd, TUNSETIFF, &ifr)) {
		message_set(m, "TAP \"%s\": cannot create it: %s", name, strerror(errno));
		close(fd);
		return -1;
	}
	if (ioctl(fd, TUNSETVNETHDRSZ, &vnet_header_bytes)) {
		message_set(m, "TAP \"%s\": cannot set its %d-byte virtio-net header: %s", name,
			    vnet_header_bytes, strerror(errno));
		close(fd);
		return -1;
	}
	if (bring_up(name, m)) {
		close(fd);
		return -1;
	}
	return fd;
}
