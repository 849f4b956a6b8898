// core/app/init_command.cpp — `finsam-hub init`: a working configuration for a folder of partner exports.
// SPDX-License-Identifier: Apache-2.0
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/common/embedded_file.h"
#include "core/common/hash.h"
#include "core/common/json.h"
#include "core/identity/key_file.h"
#include "core/identity/personnummer.h"

namespace finsam::app {

namespace fs = std::filesystem;

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

bool validOrganisationsnummer(const std::string& digits) {
    return std::regex_match(digits, std::regex("[0-9]{10}")) &&
           identity::luhnCheckDigit(digits.substr(0, 9)) == digits[9] - '0';
}

// The förbund's slug from its register: Insats-IDs read FB-<SLUG>-<year>-<n> (forbund-csv.md).
std::string forbundIdFromData(const fs::path& data) {
    std::ifstream in(data / "forbund" / "insatser.csv");
    std::string line;
    std::getline(in, line);  // header
    std::smatch match;
    if (std::getline(in, line) && std::regex_search(line, match, std::regex("^\\s*FB-([A-Za-z0-9]+)-"))) {
        std::string slug = match[1];
        for (auto& c : slug) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        return "forbund-" + slug;
    }
    return "";
}

// Partner file names carry the receiving förbund's organisationsnummer (af_finsam_<orgnr>_<date>.csv,
// fk_ers_<orgnr>_<batch>.txt).
std::string orgnrFromData(const fs::path& data) {
    std::regex pattern("^(af_finsam|fk_ers)_([0-9]{10})_");
    for (const char* partner : {"af", "fk"}) {
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(data / partner, error)) {
            std::smatch match;
            std::string name = entry.path().filename().string();
            if (std::regex_search(name, match, pattern) && validOrganisationsnummer(match[2])) {
                return match[2];
            }
        }
    }
    return "";
}

void writeFile(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) {
        throw std::runtime_error(path.string() + ": cannot be written");
    }
}

std::string hubJson(const std::string& forbundId, const std::string& orgnr, const std::vector<std::string>& instances,
                    const std::string& adminHash, const std::string& readerHash) {
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    json.SetIndent(' ', 2);
    json.StartObject();
    json.Key("forbund");
    json.StartObject();
    json.Key("id"); json.String(forbundId);
    json.Key("name"); json.String("Samordningsförbundet " + forbundId.substr(std::string("forbund-").size()));
    if (!orgnr.empty()) {
        json.Key("organisationsnummer"); json.String(orgnr);
    }
    json.EndObject();
    json.Key("store");
    json.StartObject();
    json.Key("backend"); json.String("sqlite");
    json.Key("path"); json.String("hub.db");
    json.EndObject();
    json.Key("identity");
    json.StartObject();
    json.Key("key_file"); json.String("keys/pseudonym.key");
    json.Key("key_id"); json.String("k1");
    json.EndObject();
    json.Key("http");
    json.StartObject();
    json.Key("listen"); json.String("127.0.0.1:8080");
    json.EndObject();
    json.Key("tokens");
    json.StartArray();
    for (auto [name, hash, scopes] : {std::tuple{"admin", adminHash, std::vector<std::string>{"admin", "feed:read",
                                                                                              "indicators:read"}},
                                      std::tuple{"reader", readerHash,
                                                 std::vector<std::string>{"feed:read", "indicators:read"}}}) {
        json.StartObject();
        json.Key("name"); json.String(name);
        json.Key("sha256"); json.String(hash);
        json.Key("scopes");
        json.StartArray();
        for (const auto& scope : scopes) {
            json.String(scope);
        }
        json.EndArray();
        json.EndObject();
    }
    json.EndArray();
    json.Key("connectors");
    json.StartArray();
    for (const auto& instance : instances) {
        json.String(instance);
    }
    json.EndArray();
    json.EndObject();
    return std::string(buffer.GetString()) + "\n";
}

// One connector instance file: id, plugin, organisation, its shipped mapping, and its settings.
std::string instanceJson(const std::string& id, const std::string& plugin, const std::string& organisation,
                         const std::string& settings) {
    return "{\n  \"id\": " + common::jsonQuote(id) + ",\n  \"plugin\": " + common::jsonQuote(plugin) +
           ",\n  \"organisation\": " + common::jsonQuote(organisation) + ",\n  \"mapping\": \"../mappings/" +
           plugin + ".json\",\n  \"settings\": " + settings + "\n}\n";
}

bool holdsFileStartingWith(const fs::path& dir, const std::string& prefix) {
    std::error_code error;
    for (const auto& entry : fs::recursive_directory_iterator(dir, error)) {
        if (entry.path().filename().string().rfind(prefix, 0) == 0) {
            return true;
        }
    }
    return false;
}

}  // namespace

int runInit(const Args& args) {
    Arguments arguments(args, {"data", "out", "forbund", "forbund-orgnr"}, {});
    fs::path data = fs::absolute(arguments.require("data"));
    fs::path out = fs::absolute(arguments.require("out"));
    if (!fs::is_directory(data)) {
        throw UsageError("--data " + data.string() + " is not a directory");
    }
    if (fs::exists(out / "hub.json")) {
        throw UsageError(out.string() + "/hub.json exists: init never overwrites a configuration or its key");
    }
    std::string forbundId = arguments.get("forbund", forbundIdFromData(data));
    if (forbundId.empty()) {
        throw UsageError("cannot tell the förbund from the data: give --forbund forbund-<slug>");
    }
    if (!std::regex_match(forbundId, std::regex("forbund-[a-z0-9-]+"))) {
        throw UsageError("--forbund must look like forbund-<slug> (lowercase letters, digits, '-')");
    }
    std::string orgnr = arguments.get("forbund-orgnr", orgnrFromData(data));
    if (!orgnr.empty() && !validOrganisationsnummer(orgnr)) {
        throw UsageError("--forbund-orgnr must be 10 digits with a valid check digit");
    }

    std::vector<std::string> instances;
    std::vector<std::string> mappings;
    auto add = [&](const std::string& id, const std::string& plugin, const std::string& organisation,
                   const std::string& settings) {
        writeFile(out / "connectors" / (id + ".json"), instanceJson(id, plugin, organisation, settings));
        instances.push_back("connectors/" + id + ".json");
        mappings.push_back(plugin + ".json");
    };
    auto dropDir = [&](const char* partner) { return common::jsonQuote((data / partner).string()); };
    if (fs::exists(data / "forbund" / "insatser.csv") || fs::exists(data / "forbund" / "KLAR")) {
        add("forbund", "forbund-csv", forbundId, "{\"drop_dir\": " + dropDir("forbund") + "}");
    }
    // AF and FK name their files for the förbund's organisationsnummer; the connectors read only those.
    const bool afFiles = holdsFileStartingWith(data / "af", "af_finsam_");
    const bool fkFiles = holdsFileStartingWith(data / "fk", "fk_ers_");
    if ((afFiles || fkFiles) && orgnr.empty()) {
        throw UsageError("AF or FK files need the förbund's organisationsnummer: give --forbund-orgnr");
    }
    if (afFiles) {
        add("af", "af-csv", "af",
            "{\"drop_dir\": " + dropDir("af") + ", \"forbund_orgnr\": " + common::jsonQuote(orgnr) + "}");
    }
    if (fkFiles) {
        add("fk", "fk-fixed", "fk",
            "{\"drop_dir\": " + dropDir("fk") + ", \"receiver_orgnr\": " + common::jsonQuote(orgnr) + "}");
    }
    if (instances.empty()) {
        throw UsageError("no partner folder recognised in " + data.string() + " (expected forbund/, af/ or fk/)");
    }
    for (const auto& name : mappings) {
        const auto* mapping = common::findEmbedded(common::embeddedMappings(), name);
        writeFile(out / "mappings" / name, std::string(mapping->content));
    }
    fs::create_directories(out / "keys");
    fs::permissions(out / "keys", fs::perms::owner_all, fs::perm_options::replace);
    identity::writeNewKeyFile((out / "keys" / "pseudonym.key").string());

    std::string admin = common::randomHex(32);
    std::string reader = common::randomHex(32);
    writeFile(out / "hub.json",
              hubJson(forbundId, orgnr, instances, common::sha256Hex(admin), common::sha256Hex(reader)));
    std::cout << "initialised " << (out / "hub.json").string() << " for " << forbundId << " with "
              << instances.size() << " connector(s)\n";
    std::cout << "{\"config\":" << common::jsonQuote((out / "hub.json").string()) << ",\"tokens\":{\"admin\":"
              << common::jsonQuote(admin) << ",\"reader\":" << common::jsonQuote(reader) << "}}" << std::endl;
    return 0;
}

}  // namespace finsam::app
