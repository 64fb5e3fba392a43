// libFuzzer's driver, for executables whose `main` SwiftPM names `<Module>_main` (see FuzzDriver.swift).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
