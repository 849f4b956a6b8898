// tests/support/connector_kit.cpp — see connector_kit.h.
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/connector_kit.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "core/common/json.h"
#include "tests/support/leak_scan.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/test_certificates.h"

namespace finsam::testing {

std::string connectorKitName(const ::testing::TestParamInfo<ConnectorKitParam>& info) {
    return std::get<0>(info.param).name + "_" + backendName(std::get<1>(info.param));
}

std::string PartnerAccess::secretFile(const std::string& name, const std::string& value) const {
    const std::string path = (std::filesystem::path(secretsDir) / name).string();
    sdk::testkit::writeSecretFile(path, value + "\n");
    return "{\"file\":" + common::jsonQuote(path) + "}";
}

std::unique_ptr<PartnerServer> startPartner(const PartnerCase& partner) {
    PartnerServerOptions options;
    options.data = partner.data;
    if (partner.https) {
        options.tls = testCertificates().serverFiles();
    }
    auto server = std::make_unique<PartnerServer>(options);
    if (partner.prepare) {
        partner.prepare(*server);
    }
    return server;
}

ConnectorInstance kitInstance(const ConnectorKitCase& kitCase, const PartnerServer* server,
                              const std::string& secretsDir) {
    ConnectorInstance instance = kitCase.instance;
    if (server == nullptr) {
        return instance;
    }
    std::filesystem::create_directories(secretsDir);
    const std::string tls = kitCase.partner->https
                                ? "{\"ca_file\":" + common::jsonQuote(testCertificates().caFile) + ",\"verify\":true}"
                                : "{\"verify\":true}";
    const std::string settings = kitCase.partner->settings(PartnerAccess{*server, secretsDir, tls});
    instance.settingsFor = [settings](const std::string& /*dropDir: unused, it reads a server*/) { return settings; };
    return instance;
}

long long ConnectorKit::Hub::countQuarantined(const ExpectedQuarantine& entry) {
    long long value = 0;
    runtime.database->session() << "SELECT COUNT(*) FROM quarantine WHERE code = :code AND field LIKE :field"
                                   " AND source LIKE :source AND message LIKE :message",
        soci::use(entry.code), soci::use(entry.field), soci::use(entry.source), soci::use(entry.message),
        soci::into(value);
    return value;
}

std::set<std::string> ConnectorKit::Hub::inputNumbers() const {
    std::set<std::string> numbers = numbersInFolder(files.dropDir);
    if (kit.partner) {
        // The generator lists every person of its world, with their numbers, in truth/world.json.
        numbers.merge(numbersInFolder((kit.partner->data / "truth").string()));
    }
    return numbers;
}

std::string ConnectorKit::Hub::snapshot() {
    std::string text = canonicalSnapshot(*runtime.database);
    if (!partner) {
        return text;
    }
    const std::string origin = partner->url();
    for (auto at = text.find(origin); at != std::string::npos; at = text.find(origin, at)) {
        text.replace(at, origin.size(), "<partner>");
    }
    for (const auto& parameter : kit.partner->opaqueParameters) {
        text = std::regex_replace(text, std::regex("([?&]" + parameter + "=)[^&|\n]*"), "$1<opaque>");
    }
    return text;
}

}  // namespace finsam::testing
