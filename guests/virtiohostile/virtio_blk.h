/* The virtio-blk request the bare-metal virtio guests build by hand, and
 * where their zone configs place the device. */
#ifndef VIRTIO_BLK_H
#define VIRTIO_BLK_H

#include <stdint.h>

#define BLK_WINDOW          0xa003c00UL
#define BLK_T_IN            0
#define BLK_T_OUT           1
#define BLK_S_OK            0
#define BLK_S_IOERR         1

struct blk_header {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

#endif
