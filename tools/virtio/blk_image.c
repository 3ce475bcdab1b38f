#include "blk_image.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static int measure(int fd, const char *path, uint64_t *bytes, struct message *m)
{
	struct stat st;

	if (fstat(fd, &st)) {
		message_set(m, "\"%s\" cannot be examined: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISREG(st.st_mode)) {
		*bytes = (uint64_t)st.st_size;
	} else if (S_ISBLK(st.st_mode)) {
		if (ioctl(fd, BLKGETSIZE64, bytes)) {
			message_set(m, "\"%s\": cannot read the block device's size: %s", path,
				    strerror(errno));
			return -1;
		}
	} else {
		message_set(m, "\"%s\" is neither a regular file nor a block device", path);
		return -1;
	}
	if (*bytes < BLK_SECTOR_SIZE) {
		message_set(m, "\"%s\" is smaller than one %d-byte sector", path, BLK_SECTOR_SIZE);
		return -1;
	}
	return 0;
}

int blk_image_open(const char *path, uint64_t *bytes, struct message *m)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		if (errno == ENOENT)
			message_set(m, "\"%s\" does not exist", path);
		else
			message_set(m, "\"%s\" cannot be opened for reading and writing: %s", path,
				    strerror(errno));
		return -1;
	}
	if (measure(fd, path, bytes, m)) {
		close(fd);
		return -1;
	}
	return fd;
}
