/* Synchronous exceptions delivered to the guest's EL1, as if the hardware
 * had taken them there. */
#ifndef ASM_INJECT_H
#define ASM_INJECT_H

#include <stdbool.h>
#include <stdint.h>

#include <asm/trap_frame.h>

void inject_data_abort(struct trap_frame *frame, uint64_t far, bool is_write);
void inject_instruction_abort(struct trap_frame *frame, uint64_t far);
void inject_undefined(struct trap_frame *frame);

#endif
