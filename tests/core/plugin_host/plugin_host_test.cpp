// tests/core/plugin_host/plugin_host_test.cpp — the ABI gate and loading a real connector.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/plugin_host/plugin_host.h"

namespace finsam::plugin_host {
namespace {

std::string refusal(const std::string& file) {
    PluginHost host;
    try {
        host.loadFile(std::string(FINSAM_TEST_PLUGIN_DIR) + "/" + file);
    } catch (const PluginError& e) {
        return e.what();
    }
    return "";
}

TEST(PluginHostTest, LoadsTheForbundConnectorByIdFromConfiguredDirectories) {
    PluginHost host;
    auto& connector = host.load("forbund-csv", {"/nonexistent", FINSAM_CONNECTOR_DIR});
    EXPECT_EQ(connector.id(), "forbund-csv");
    EXPECT_NE(connector.configSchema().find("drop_dir"), std::string::npos);
    EXPECT_EQ(&host.load("forbund-csv", {FINSAM_CONNECTOR_DIR}), &connector) << "loaded once";
}

TEST(PluginHostTest, RefusesAnotherAbiMajorNamingBothVersions) {
    std::string message = refusal("libfinsam_connector_wrong-abi.so");
    EXPECT_NE(message.find("wrong-abi"), std::string::npos) << message;
    EXPECT_NE(message.find("ABI 99.0"), std::string::npos) << message;
    EXPECT_NE(message.find("ABI " + std::to_string(sdk::kAbiMajor) + "." + std::to_string(sdk::kAbiMinor)),
              std::string::npos)
        << message;
}

TEST(PluginHostTest, RefusesAnotherToolchain) {
    std::string message = refusal("libfinsam_connector_other-toolchain.so");
    EXPECT_NE(message.find("gcc 1.0.0"), std::string::npos) << message;
}

TEST(PluginHostTest, UnknownConnectorNamesWhereItLooked) {
    PluginHost host;
    try {
        host.load("no-such", {"/tmp/finsam-none"});
        FAIL();
    } catch (const PluginError& e) {
        EXPECT_NE(std::string(e.what()).find("libfinsam_connector_no-such.so"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("/tmp/finsam-none"), std::string::npos);
    }
}

}  // namespace
}  // namespace finsam::plugin_host
