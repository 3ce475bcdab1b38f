#include "errno_words.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

struct errno_word {
	int err;
	const char *text;
};

/* The hypervisor's answers (hvisor-compat §1) and the module's own. */
static const struct errno_word words[] = {
	{ EPERM, "only zone0 may ask for this (EPERM)" },
	{ ENOENT, "there is no such zone (ENOENT)" },
	{ EIO, "an I/O error occurred (EIO)" },
	{ E2BIG, "the request is too large (E2BIG)" },
	{ ENOMEM, "the hypervisor or the kernel module ran out of memory (ENOMEM)" },
	{ EACCES, "permission denied; run it as root (EACCES)" },
	{ EFAULT, "a buffer or physical address could not be accessed (EFAULT)" },
	{ EBUSY, "a CPU, memory range or interrupt it names belongs to another zone (EBUSY)" },
	{ EEXIST, "a zone with this id is already running (EEXIST)" },
	{ ENODEV, "the zone has no such device (ENODEV)" },
	{ EINVAL, "the hypervisor found the request invalid (EINVAL)" },
	{ ERANGE, "a value is out of range (ERANGE)" },
	{ ENOTTY, "the kernel module does not know this request (ENOTTY)" },
	{ ENOSYS, "the hypervisor does not implement this request (ENOSYS)" },
};

const char *errno_words(int err)
{
	static char other[128];

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (words[i].err == err)
			return words[i].text;
	snprintf(other, sizeof(other), "%.100s (errno %d)", strerror(err), err);
	return other;
}
