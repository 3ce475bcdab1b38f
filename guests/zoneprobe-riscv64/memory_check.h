#ifndef ZONEPROBE_RV_MEMORY_CHECK_H
#define ZONEPROBE_RV_MEMORY_CHECK_H

void check_memory_isolation(void);

#endif
