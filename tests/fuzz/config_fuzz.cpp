// tests/fuzz/config_fuzz.cpp — the configuration files: a connector instance as text
// (parseConnectorInstance, as POST /v1/admin/connectors/validate gives it) and hub.json with its instance
// files (loadHubConfig). The input holds hub.json, then instance files, separated by the line
// kPartSeparator; hub.json is written to a scratch folder and the instance files beside it as c1.json,
// c2.json, ...; every part is also given to parseConnectorInstance.
// Invariants (config_loader.h): every problem is "file: /pointer: reason" naming the file at fault; the
// only exception loadHubConfig throws is ConfigError, with at least one problem; a configuration accepted
// has what the schema requires.
// An input whose hub.json names an instance file outside the scratch folder is skipped: the loader would
// read any file it is told to (a fuzzer that found /dev/zero would hang the harness, not the hub).
// SPDX-License-Identifier: Apache-2.0
#include <rapidjson/document.h>

#include <Poco/Exception.h>
#include <Poco/Path.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/config/config_loader.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

namespace fs = std::filesystem;
using namespace finsam;

constexpr const char* kTarget = "config";
constexpr std::size_t kMaxParts = 5;

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

void checkProblems(const std::vector<std::string>& problems, const std::string& file) {
    for (const auto& problem : problems) {
        FUZZ_CHECK(kTarget, startsWith(problem, file + ": /"), "a problem not as \"file: /pointer: reason\": " + problem);
    }
}

void checkInstanceText(const std::string& text, const std::string& path) {
    std::vector<std::string> problems;
    const auto instance = config::parseConnectorInstance(text, path, problems);
    checkProblems(problems, path);
    if (problems.empty()) {
        FUZZ_CHECK(kTarget, !instance.id.empty() && !instance.plugin.empty() && !instance.organisation.empty(),
                   "an accepted instance lacks id, plugin or organisation");
        rapidjson::Document settings;
        settings.Parse(instance.settingsJson.c_str());
        FUZZ_CHECK(kTarget, !settings.HasParseError() && settings.IsObject(),
                   "an accepted instance's settings are not a JSON object: " + instance.settingsJson);
    }
}

// The loader's own resolution (config_loader.cpp resolve()), to keep it inside the scratch folder.
// A path Poco cannot parse is left to the loader, which must say so as a problem.
bool staysInside(const std::string& dir, const std::string& path) {
    try {
        Poco::Path p(path);
        const std::string resolved =
            p.isAbsolute() ? p.toString() : Poco::Path(Poco::Path::forDirectory(dir), p).absolute().toString();
        const std::string normal = fs::path(resolved).lexically_normal().string();
        return startsWith(normal, (fs::path(dir) / "").string());
    } catch (const Poco::Exception&) {
        return true;
    }
}

bool instanceFilesInside(const std::string& hubText, const std::string& dir) {
    rapidjson::Document hub;
    hub.Parse(hubText.data(), hubText.size());
    if (hub.HasParseError() || !hub.IsObject() || !hub.HasMember("connectors") || !hub["connectors"].IsArray()) {
        return true;
    }
    for (const auto& entry : hub["connectors"].GetArray()) {
        if (entry.IsString() && !staysInside(dir, std::string(entry.GetString(), entry.GetStringLength()))) {
            return false;
        }
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const auto parts = fuzz::splitParts(input, kMaxParts);
    const fs::path& dir = fuzz::scratchDir();

    for (std::size_t i = 0; i < parts.size(); ++i) {
        checkInstanceText(parts[i], (dir / ("c" + std::to_string(i) + ".json")).string());
    }

    if (!instanceFilesInside(parts[0], dir.string())) {
        return 0;
    }
    const fs::path hubFile = dir / "hub.json";
    fuzz::writeFile(hubFile, parts[0]);
    for (std::size_t i = 1; i < kMaxParts; ++i) {
        const fs::path file = dir / ("c" + std::to_string(i) + ".json");
        if (i < parts.size()) {
            fuzz::writeFile(file, parts[i]);
        } else {
            std::error_code ignored;
            fs::remove(file, ignored);
        }
    }
    try {
        const auto hub = config::loadHubConfig(hubFile.string());
        FUZZ_CHECK(kTarget, startsWith(hub.forbund.id, "forbund-"), "an accepted hub.json without forbund-<slug>");
        FUZZ_CHECK(kTarget, !hub.keyChain.empty() && hub.keyChain.back().id == hub.keyId,
                   "the key chain does not end with the current key");
        for (const auto& instance : hub.connectors) {
            FUZZ_CHECK(kTarget, !instance.id.empty(), "an accepted hub.json with an unnamed connector");
        }
    } catch (const config::ConfigError& e) {
        FUZZ_CHECK(kTarget, !e.problems().empty(), "a ConfigError without problems");
        for (const auto& problem : e.problems()) {
            FUZZ_CHECK(kTarget, startsWith(problem, dir.string() + "/"),
                       "a problem that names no file of the configuration: " + problem);
            FUZZ_CHECK(kTarget, problem.find(": /") != std::string::npos,
                       "a problem without a JSON pointer: " + problem);
        }
    }
    return 0;
}
