// tests/support/connector_kit.cpp — see connector_kit.h.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "tests/support/connector_kit.h"

namespace finsam::testing {

std::string connectorKitName(const ::testing::TestParamInfo<ConnectorKitParam>& info) {
    return std::get<0>(info.param).name + "_" + backendName(std::get<1>(info.param));
}

}  // namespace finsam::testing
