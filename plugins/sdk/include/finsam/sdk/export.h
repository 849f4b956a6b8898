// plugins/sdk/include/finsam/sdk/export.h — FINSAM_CONNECTOR_EXPORT: the ABI stamp plus the Poco manifest.
// Include it in exactly one .cpp of a connector; it is the only place a plugin meets Poco.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/ClassLibrary.h>

#include "finsam/sdk/connector.h"

#define FINSAM_SDK_STR2(x) #x
#define FINSAM_SDK_STR(x) FINSAM_SDK_STR2(x)
#if defined(__clang__)
#define FINSAM_SDK_TOOLCHAIN "clang " __clang_version__
#elif defined(__GNUC__)
#define FINSAM_SDK_TOOLCHAIN \
    "gcc " FINSAM_SDK_STR(__GNUC__) "." FINSAM_SDK_STR(__GNUC_MINOR__) "." FINSAM_SDK_STR(__GNUC_PATCHLEVEL__)
#else
#define FINSAM_SDK_TOOLCHAIN "unknown"
#endif

/// Exports connector class `Class` under registry name `ID` (a string literal equal to the folder name).
/// The host calls finsam_connector_abi() through dlsym first and refuses a library built for another ABI
/// major version or toolchain before Poco::ClassLoader reads the manifest.
#define FINSAM_CONNECTOR_EXPORT(Class, ID)                                                                 \
    extern "C" __attribute__((visibility("default"))) const finsam::sdk::AbiInfo* finsam_connector_abi() { \
        static const finsam::sdk::AbiInfo info{finsam::sdk::kAbiMajor, finsam::sdk::kAbiMinor,             \
                                               FINSAM_SDK_TOOLCHAIN, ID};                                  \
        return &info;                                                                                      \
    }                                                                                                      \
    POCO_BEGIN_MANIFEST(finsam::sdk::Connector)                                                            \
    POCO_EXPORT_CLASS(Class)                                                                               \
    POCO_END_MANIFEST
