# zone0's kernel module (filled in by the driver work).
DRIVER_KO := $(BUILD)/driver/hvisor.ko
