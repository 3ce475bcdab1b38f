/* What a refused /dev/hvisor request means, in words a user can act on,
 * ending with the errno name a bug report needs. */
#ifndef ERRNO_WORDS_H
#define ERRNO_WORDS_H

/* e.g. "a zone with this id is already running (EEXIST)". The text of an
 * errno outside the table lives until the next call. */
const char *errno_words(int err);

#endif
