/* The one sentence a failed step leaves for the user: which file, which key,
 * which rule. Lower layers write it; the command prints it. */
#ifndef MESSAGE_H
#define MESSAGE_H


struct message {
	char text[768];
};

__attribute__((format(printf, 2, 3)))
void message_set(struct message *m, const char *fmt, ...);

/* Puts "<prefix>: " in front of what is already there. */
__attribute__((format(printf, 2, 3)))
void message_prefix(struct message *m, const char *fmt, ...);

/* On stderr, as the line a failed command leaves. */
void message_print(const struct message *m);

#endif
