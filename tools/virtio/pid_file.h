/* The daemon's pid file. The daemon holds an flock on it for its whole
 * life, so "is a daemon running" is the lock, not a pid that may have been
 * reused; the pid inside is for `virtio stop` to signal. */
#ifndef PID_FILE_H
#define PID_FILE_H

#include <sys/types.h>

#include "message.h"

#define PID_FILE_DEFAULT "/run/tessera-virtio.pid"

/* Creates and locks the file (a stale one is taken over); its fd, or -1
 * with a message naming the running daemon's pid. */
int pid_file_claim(const char *path, struct message *m);

int pid_file_write(int fd, pid_t pid, struct message *m);

/* Removes the file, then drops the lock. */
void pid_file_release(const char *path, int fd);

/* The pid of the daemon holding the file, 0 if none does; -1 with a
 * message if the file cannot be read. */
int pid_file_owner(const char *path, pid_t *pid, struct message *m);

#endif
