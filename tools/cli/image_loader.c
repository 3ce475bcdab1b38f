#include "image_loader.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errno_words.h"
#include "hvisor_device.h"

/* The file must still be as large as when the config took its size. */
static void *map_image(const struct zone_image *image, struct message *m)
{
	struct stat st;
	int fd = open(image->path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		message_set(m, "%s: %s", image->path, strerror(errno));
		return NULL;
	}
	void *data = MAP_FAILED;
	if (fstat(fd, &st))
		message_set(m, "%s: %s", image->path, strerror(errno));
	else if ((uint64_t)st.st_size != image->size)
		message_set(m, "%s: the file changed size after it was checked", image->path);
	else if ((data = mmap(NULL, image->size, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED)
		message_set(m, "%s: %s", image->path, strerror(errno));
	close(fd);
	return data == MAP_FAILED ? NULL : data;
}

int image_load(int fd, const struct zone_image *image, struct message *m)
{
	void *data = map_image(image, m);

	if (!data)
		return -1;
	int err = hvisor_load_image(fd, data, image->size, image->load_paddr);
	munmap(data, image->size);
	if (err) {
		message_set(m, "loading the %s %s at 0x%" PRIx64 " failed: %s", image->what,
			    image->path, image->load_paddr, errno_words(err));
		return -1;
	}
	return 0;
}
