#include "pid_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static pid_t read_pid(int fd)
{
	char text[24] = "";

	if (pread(fd, text, sizeof(text) - 1, 0) < 0)
		return 0;
	long pid = strtol(text, NULL, 10);
	return pid > 0 ? (pid_t)pid : 0;
}

int pid_file_claim(const char *path, struct message *m)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

	if (fd < 0) {
		message_set(m, "%s: %s", path, strerror(errno));
		return -1;
	}
	/* A stale pid must not be signalled before the daemon writes its own. */
	if (flock(fd, LOCK_EX | LOCK_NB) == 0 && ftruncate(fd, 0) == 0)
		return fd;
	if (errno == EWOULDBLOCK)
		message_set(m, "a virtio daemon is already running (pid %d, %s); stop it with `tessera virtio stop`",
			    (int)read_pid(fd), path);
	else
		message_set(m, "%s: %s", path, strerror(errno));
	close(fd);
	return -1;
}

int pid_file_write(int fd, pid_t pid, struct message *m)
{
	char text[24];
	int len = snprintf(text, sizeof(text), "%d\n", (int)pid);

	if (ftruncate(fd, 0) || pwrite(fd, text, (size_t)len, 0) != len) {
		message_set(m, "cannot write the pid file: %s", strerror(errno));
		return -1;
	}
	return 0;
}

void pid_file_release(const char *path, int fd)
{
	unlink(path);
	close(fd);
}

int pid_file_owner(const char *path, pid_t *pid, struct message *m)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*pid = 0;
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		message_set(m, "%s: %s", path, strerror(errno));
		return -1;
	}
	/* A lock we can take is one nobody holds: the file is stale. */
	if (flock(fd, LOCK_SH | LOCK_NB) && errno == EWOULDBLOCK)
		*pid = read_pid(fd);
	close(fd);
	return 0;
}
