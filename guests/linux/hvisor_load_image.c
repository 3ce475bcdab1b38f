/* `hvisor-load-image FILE ADDRESS`: what hvisor-tool does to load a zone's
 * image, one HVISOR_LOAD_IMAGE ioctl, without any of the tessera CLI's
 * checks, so tests can show what the module itself refuses. Prints the
 * errno's text and exits 1 on a refusal. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tessera/hvisor_ioctl.h>

int main(int argc, char **argv)
{
	struct stat st;
	struct hvisor_load_image_args args;
	char *buffer;
	int file, dev;

	if (argc != 3) {
		fprintf(stderr, "usage: %s FILE ADDRESS\n", argv[0]);
		return 2;
	}
	file = open(argv[1], O_RDONLY);
	dev = open("/dev/hvisor", O_RDWR);
	if (file < 0 || dev < 0 || fstat(file, &st) || st.st_size == 0) {
		perror(file < 0 ? argv[1] : "/dev/hvisor");
		return 2;
	}
	buffer = malloc((size_t)st.st_size);
	if (!buffer || read(file, buffer, (size_t)st.st_size) != st.st_size) {
		perror(argv[1]);
		return 2;
	}
	args = (struct hvisor_load_image_args){
		.user_buffer = (unsigned long)buffer,
		.size = (unsigned long)st.st_size,
		.load_paddr = strtoull(argv[2], NULL, 0),
	};
	if (ioctl(dev, HVISOR_LOAD_IMAGE, &args)) {
		printf("load refused: %s\n", strerror(errno));
		return 1;
	}
	printf("loaded %lld bytes at %#llx\n", (long long)st.st_size,
	       (unsigned long long)args.load_paddr);
	return 0;
}
