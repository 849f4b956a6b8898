// tests/support/hub_fixture.cpp — configuration files as a user would write them, pointing into a temp dir.
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/hub_fixture.h"

#include <Poco/NullStream.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "core/common/hash.h"
#include "core/common/json.h"
#include "core/identity/key_file.h"
#include "temp_dir.h"

namespace finsam::testing {

namespace fs = std::filesystem;

namespace {

void write(const std::string& path, const std::string& content) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

std::string token(const char* name, const char* value, const std::string& scopes) {
    return "{\"name\":\"" + std::string(name) + "\",\"sha256\":\"" + common::sha256Hex(value) +
           "\",\"scopes\":" + scopes + "}";
}

}  // namespace

HubFiles writeHubConfig(const TempDir& dir, const TestStore& store, const std::string& configName) {
    return writeHubConfigFor(dir, store,
                             {"forbund", "forbund-csv", "forbund-sthlm",
                              std::string(FINSAM_SOURCE_DIR) + "/config/mappings/forbund-csv.json",
                              [](const std::string& drop) { return "{\"drop_dir\":" + common::jsonQuote(drop) + "}"; }},
                             configName);
}

HubFiles writeHubConfigFor(const TempDir& dir, const TestStore& store, const ConnectorInstance& instance,
                           const std::string& configName, int batchSize) {
    return writeHubConfigFor(dir, store, std::vector<ConnectorInstance>{instance}, configName, batchSize);
}

HubFiles writeHubConfigFor(const TempDir& dir, const TestStore& store, const std::vector<ConnectorInstance>& instances,
                           const std::string& configName, int batchSize) {
    HubFiles files{dir.file(configName), dir.file("drop")};
    fs::create_directories(files.dropDir);
    if (!fs::exists(dir.file("pseudonym.key"))) {
        identity::writeNewKeyFile(dir.file("pseudonym.key"));
    }
    std::string connectorFiles;
    for (const auto& instance : instances) {
        write(dir.file("connectors/" + instance.id + ".json"),
              "{\"id\":" + common::jsonQuote(instance.id) + ",\"plugin\":" + common::jsonQuote(instance.plugin) +
                  ",\"organisation\":" + common::jsonQuote(instance.organisation) +
                  (instance.mapping.empty() ? "" : ",\"mapping\":" + common::jsonQuote(instance.mapping)) +
                  ",\"settings\":" + instance.settingsFor(files.dropDir) + "}");
        connectorFiles += (connectorFiles.empty() ? "\"" : ",\"") + std::string("connectors/") + instance.id + ".json\"";
    }
    write(files.configFile,
          "{\"forbund\":{\"id\":\"forbund-sthlm\",\"name\":\"Samordningsförbundet Test\"},"
          "\"store\":" + store.hubStoreJson() + ","
          "\"identity\":{\"key_file\":\"pseudonym.key\",\"key_id\":\"test1\"},"
          "\"http\":{\"listen\":\"127.0.0.1:0\",\"threads\":4},"
          "\"tokens\":[" + token("admin", kAdminToken, "[\"admin\",\"feed:read\",\"metrics\"]") + "," +
              token("reader", kReaderToken, "[\"feed:read\"]") + "," +
              token("indicators", kIngestOnlyToken, "[\"indicators:read\"]") + "],"
          "\"plugin_dirs\":[" + common::jsonQuote(FINSAM_CONNECTOR_DIR) + "],"
          "\"ingest\":{\"batch_size\":" + std::to_string(batchSize) + ",\"poll_seconds\":1},"
          "\"connectors\":[" + connectorFiles + "]}");
    return files;
}

void copyDropSet(const std::string& from, const std::string& to) {
    fs::remove_all(to);
    fs::create_directories(to);
    sdk::testkit::copyFiles(from, to);
    // The marker goes last, as senders do: a set is complete only when KLAR is its newest file.
    if (fs::exists(fs::path(to) / "KLAR")) {
        sdk::testkit::touchAfterSiblings(fs::path(to) / "KLAR");
    }
}

void rewriteMarker(const std::string& dropDir) {
    const std::string marker = dropDir + "/KLAR";
    std::error_code none;
    const auto before = fs::last_write_time(marker, none);
    do {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        fs::remove(marker);
        std::ofstream(marker).flush();
    } while (!none && fs::last_write_time(marker) <= before);
}

namespace {

void runGenerator(const std::string& format, const std::string& dir, const std::vector<std::string>& options) {
    std::string binary = fs::path(FINSAM_HUB_BINARY).parent_path() / "finsam-gen";
    std::vector<std::string> args = {format, "--out", dir};
    args.insert(args.end(), options.begin(), options.end());
    Poco::Pipe out;  // its summary is not the test's output
    Poco::ProcessHandle handle = Poco::Process::launch(binary, args, nullptr, &out, nullptr);
    Poco::PipeInputStream stream(out);
    Poco::NullOutputStream sink;
    Poco::StreamCopier::copyStream(stream, sink);
    if (handle.wait() != 0) {
        throw std::runtime_error("finsam-gen " + format + " failed");
    }
}

std::vector<std::string> seedAndSize(int seed, int participants) {
    return {"--seed", std::to_string(seed), "--participants", std::to_string(participants)};
}

}  // namespace

std::string generateForbund(const std::string& dir, int seed, int participants, const std::vector<std::string>& extra) {
    auto options = seedAndSize(seed, participants);
    options.insert(options.end(), extra.begin(), extra.end());
    runGenerator("forbund", dir, options);
    return dir + "/forbund";
}

std::string generateWorld(const std::string& dir, int seed, int participants, const std::vector<std::string>& extra) {
    auto options = seedAndSize(seed, participants);
    options.insert(options.end(), extra.begin(), extra.end());
    runGenerator("all", dir, options);
    return dir;
}

std::string generateFk(const std::string& dir, long long records, long long perBatch) {
    runGenerator("fk", dir, {"--fk-detail-records", std::to_string(records), "--fk-batch-records",
                             std::to_string(perBatch)});
    return dir + "/fk";
}

ConnectorInstance fkConnector(const std::string& fkDir) {
    std::string orgnr;
    for (const auto& entry : fs::directory_iterator(fkDir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("fk_ers_", 0) == 0) {
            orgnr = name.substr(7, 10);  // fk_ers_<receiver's organisationsnummer>_…
        }
    }
    return {"fk", "fk-fixed", "fk", std::string(FINSAM_SOURCE_DIR) + "/config/mappings/fk-fixed.json",
            [orgnr](const std::string& drop) {
                return "{\"drop_dir\":" + common::jsonQuote(drop) + ",\"receiver_orgnr\":\"" + orgnr + "\"}";
            }};
}

std::vector<ConnectorInstance> worldFileConnectors(const std::string& world) {
    const std::string mappings = std::string(FINSAM_SOURCE_DIR) + "/config/mappings/";
    return {
        {"forbund", "forbund-csv", "forbund-sthlm", mappings + "forbund-csv.json",
         [world](const std::string&) { return "{\"drop_dir\":" + common::jsonQuote(world + "/forbund") + "}"; }},
        {"af", "af-csv", "af", mappings + "af-csv.json",
         [world](const std::string&) {
             return "{\"drop_dir\":" + common::jsonQuote(world + "/af") + ",\"forbund_orgnr\":\"2220001230\"}";
         }},
        {"fk", "fk-fixed", "fk", mappings + "fk-fixed.json",
         [world](const std::string&) {
             return "{\"drop_dir\":" + common::jsonQuote(world + "/fk") + ",\"receiver_orgnr\":\"2220001230\"}";
         }},
    };
}

}  // namespace finsam::testing
