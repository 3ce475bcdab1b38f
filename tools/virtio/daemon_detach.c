#include "daemon_detach.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

/* The report's first byte: the outcome; the text follows. */
#define REPORT_READY   'R'
#define REPORT_FAILURE 'F'

/* Room for the start line of every zone and device a config may hold. */
#define REPORT_MAX 8192

/* Prints what the daemon reported and exits with its outcome. */
static _Noreturn void wait_for_report(int fd, pid_t child)
{
	char text[REPORT_MAX];
	size_t len = 0;

	while (len < sizeof(text) - 1) {
		ssize_t n = read(fd, text + len, sizeof(text) - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	text[len] = '\0';
	waitpid(child, NULL, 0);
	if (len > 0 && text[0] == REPORT_READY) {
		printf("%s\n", text + 1);
		exit(EXIT_SUCCESS);
	}
	if (len > 0 && text[0] == REPORT_FAILURE)
		fprintf(stderr, "%s\n", text + 1);
	else
		fprintf(stderr, "virtio start: the daemon exited before it was ready; see its log\n");
	exit(EXIT_FAILURE);
}

static void quiet_stdio(void)
{
	int null = open("/dev/null", O_RDWR);

	if (null < 0)
		return;
	for (int fd = 0; fd <= 2; fd++)
		dup2(null, fd);
	if (null > 2)
		close(null);
}

int daemon_detach(int *report_fd, struct message *m)
{
	int pipe_fds[2];

	fflush(NULL);
	if (pipe2(pipe_fds, O_CLOEXEC)) {
		message_set(m, "cannot create a pipe: %s", strerror(errno));
		return -1;
	}
	pid_t child = fork();
	if (child < 0) {
		message_set(m, "cannot fork: %s", strerror(errno));
		close(pipe_fds[0]);
		close(pipe_fds[1]);
		return -1;
	}
	if (child > 0) {
		close(pipe_fds[1]);
		wait_for_report(pipe_fds[0], child);
	}
	close(pipe_fds[0]);
	/* The second fork leaves a process that is no session leader, so it
	 * can never acquire a controlling terminal. */
	setsid();
	pid_t grandchild = fork();
	if (grandchild != 0)
		_exit(grandchild < 0 ? EXIT_FAILURE : EXIT_SUCCESS);
	quiet_stdio();
	*report_fd = pipe_fds[1];
	return 0;
}

static void report(int report_fd, char outcome, const char *text)
{
	if (report_fd < 0) {
		fprintf(outcome == REPORT_READY ? stdout : stderr, "%s\n", text);
		fflush(NULL);
		return;
	}
	struct iovec parts[] = {
		{ .iov_base = &outcome, .iov_len = 1 },
		{ .iov_base = (void *)text, .iov_len = strlen(text) },
	};
	/* If the command stopped waiting, there is nobody left to tell. */
	ssize_t sent = writev(report_fd, parts, 2);
	(void)sent;
	close(report_fd);
}

void daemon_report_ready(int report_fd, const char *line)
{
	report(report_fd, REPORT_READY, line);
}

void daemon_report_failure(int report_fd, const struct message *m)
{
	report(report_fd, REPORT_FAILURE, m->text);
}
