/* Each bare-metal guest defines its name; every line the shared code prints
 * starts with it, so a test can tell the guests' output apart. */
#ifndef BAREMETAL_GUEST_NAME_H
#define BAREMETAL_GUEST_NAME_H

extern const char guest_name[];

#endif
