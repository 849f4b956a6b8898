// plugins/mapped-csv/tests/module_test.cpp — the built plugin carries the ABI stamp the host reads
// first.
// SPDX-License-Identifier: Apache-2.0
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <string>

#include "finsam/sdk/connector.h"

namespace finsam::connectors::mapped_csv::testing {
namespace {

TEST(Module, ExportsTheAbiStampUnderTheFolderName) {
    const std::string path =
        std::string(FINSAM_CONNECTOR_DIR) + "/libfinsam_connector_mapped-csv.so";
    void* library = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(library, nullptr) << ::dlerror();
    using AbiFunction = const sdk::AbiInfo* (*)();
    auto abi = reinterpret_cast<AbiFunction>(::dlsym(library, FINSAM_CONNECTOR_ABI_SYMBOL));
    ASSERT_NE(abi, nullptr);
    EXPECT_EQ(abi()->major, sdk::kAbiMajor);
    EXPECT_EQ(std::string(abi()->connectorId), "mapped-csv");
    ::dlclose(library);
}

}  // namespace
}  // namespace finsam::connectors::mapped_csv::testing
