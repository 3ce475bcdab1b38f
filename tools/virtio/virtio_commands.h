/* The virtio commands of `tessera`; like those in cli.h, each gets the
 * arguments after its command words and returns the exit status. */
#ifndef VIRTIO_COMMANDS_H
#define VIRTIO_COMMANDS_H

int virtio_check_command(int argc, char **argv);
int virtio_start_command(int argc, char **argv);
int virtio_stop_command(int argc, char **argv);
int console_command(int argc, char **argv);

#endif
