/* The commands of `tessera`. Each gets the arguments after its two command
 * words and returns the process's exit status. */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#define EXIT_USAGE 2

int zone_start_command(int argc, char **argv);
int zone_shutdown_command(int argc, char **argv);
int zone_list_command(int argc, char **argv);
int config_check_command(int argc, char **argv);
int config_show_command(int argc, char **argv);

void print_usage(FILE *out);

/* Says what was wrong with the command line, then the usage; EXIT_USAGE. */
__attribute__((format(printf, 1, 2)))
int usage_error(const char *fmt, ...);

#endif
