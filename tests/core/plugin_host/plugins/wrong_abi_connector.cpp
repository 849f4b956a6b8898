// tests/core/plugin_host/plugins/wrong_abi_connector.cpp — a plugin stamped for another ABI (or toolchain).
// SPDX-License-Identifier: Apache-2.0
#include "finsam/sdk/connector.h"

#ifndef STAMP_MAJOR
#error "STAMP_MAJOR and STAMP_TOOLCHAIN are set by tests/CMakeLists.txt"
#endif

// Only the stamp: the host must refuse the library before it looks for anything else in it.
extern "C" __attribute__((visibility("default"))) const finsam::sdk::AbiInfo* finsam_connector_abi() {
    static const finsam::sdk::AbiInfo info{STAMP_MAJOR, 0, STAMP_TOOLCHAIN, STAMP_ID};
    return &info;
}
