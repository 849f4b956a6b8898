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
#include "file_read.h"

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
    for (auto [name, hash, scopes] : {std::tuple{"admin", adminHash,
                                                 std::vector<std::string>{"admin", "metrics", "feed:read",
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

// A secret the operator keeps in a file: the config names the file (absolute), never the value.
std::string secretFile(const Arguments& arguments, const std::string& option) {
    fs::path file = fs::absolute(arguments.require(option));
    if (!fs::is_regular_file(file)) {
        throw UsageError("--" + option + " " + file.string() + " is not a readable file");
    }
    std::string error;  // refused now rather than at the connector's first run
    if (!sdk::toolkit::readPrivateFile(file, error)) {
        throw UsageError("--" + option + " " + file.string() + " " + error);
    }
    return "{\"file\": " + common::jsonQuote(file.string()) + "}";
}

std::string httpBaseUrl(const Arguments& arguments, const std::string& option) {
    std::string url = arguments.require(option);
    if (!std::regex_match(url, std::regex("https?://[^/?# ]+(/[^?# ]*)?"))) {
        throw UsageError("--" + option + " must be an http(s) URL without a query, e.g. https://fhir.region.se/R4");
    }
    while (url.size() > 1 && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

// TLS trust for an HTTP connector: the system store unless a CA bundle is named.
std::string tlsSettings(const Arguments& arguments, const std::string& option) {
    std::string ca = arguments.get(option, "");
    if (ca.empty()) {
        return "{\"verify\": true}";
    }
    if (!fs::is_regular_file(ca)) {
        throw UsageError("--" + option + " " + ca + " is not a readable file");
    }
    return "{\"ca_file\": " + common::jsonQuote(fs::absolute(ca).string()) + ", \"verify\": true}";
}

std::string organisationId(const Arguments& arguments, const std::string& option, const std::string& fallback,
                           const char* pattern) {
    std::string id = arguments.get(option, fallback);
    if (!std::regex_match(id, std::regex(pattern))) {
        throw UsageError("--" + option + " must look like " + fallback);
    }
    return id;
}

}  // namespace

int runInit(const Args& args) {
    Arguments arguments(args,
                        {"data", "out", "forbund", "forbund-orgnr", "region-url", "region-token-file",
                         "region-ca-file", "region-org", "kommun-url", "kommun-client-id-file",
                         "kommun-client-secret-file", "kommun-ca-file", "kommun-org"},
                        {});
    // --data (the file drops) may be left out when only HTTP partners are configured.
    const bool httpOnly = !arguments.has("data") && (arguments.has("region-url") || arguments.has("kommun-url"));
    fs::path data = httpOnly ? fs::path() : fs::absolute(arguments.require("data"));
    fs::path out = fs::absolute(arguments.require("out"));
    if (!httpOnly && !fs::is_directory(data)) {
        throw UsageError("--data " + data.string() + " is not a directory");
    }
    if (fs::exists(out / "hub.json")) {
        throw UsageError(out.string() + "/hub.json exists: init never overwrites a configuration or its key");
    }
    std::string forbundId = arguments.get("forbund", httpOnly ? "" : forbundIdFromData(data));
    if (forbundId.empty()) {
        throw UsageError("cannot tell the förbund from the data: give --forbund forbund-<slug>");
    }
    if (!std::regex_match(forbundId, std::regex("forbund-[a-z0-9-]+"))) {
        throw UsageError("--forbund must look like forbund-<slug> (lowercase letters, digits, '-')");
    }
    std::string orgnr = arguments.get("forbund-orgnr", httpOnly ? "" : orgnrFromData(data));
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
    if (!httpOnly && (fs::exists(data / "forbund" / "insatser.csv") || fs::exists(data / "forbund" / "KLAR"))) {
        add("forbund", "forbund-csv", forbundId, "{\"drop_dir\": " + dropDir("forbund") + "}");
    }
    // AF and FK name their files for the förbund's organisationsnummer; the connectors read only those.
    const bool afFiles = !httpOnly && holdsFileStartingWith(data / "af", "af_finsam_");
    const bool fkFiles = !httpOnly && holdsFileStartingWith(data / "fk", "fk_ers_");
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
    // The HTTP partners: a URL and where their credentials live (never the credentials themselves).
    bool kommunJoinKey = false;
    if (arguments.has("region-url")) {
        const std::string org = organisationId(arguments, "region-org", "region-01", "region-[0-9]{2}");
        add(org, "region-fhir", org,
            "{\"base_url\": " + common::jsonQuote(httpBaseUrl(arguments, "region-url")) +
                ", \"token\": " + secretFile(arguments, "region-token-file") +
                ", \"tls\": " + tlsSettings(arguments, "region-ca-file") + "}");
    }
    if (arguments.has("kommun-url")) {
        const std::string org = organisationId(arguments, "kommun-org", "kommun-0180", "kommun-[0-9]{4}");
        kommunJoinKey = true;
        add(org, "kommun-api", org,
            "{\"base_url\": " + common::jsonQuote(httpBaseUrl(arguments, "kommun-url")) +
                ", \"client_id\": " + secretFile(arguments, "kommun-client-id-file") +
                ", \"client_secret\": " + secretFile(arguments, "kommun-client-secret-file") +
                ", \"join_key\": {\"file\": \"../keys/kommun-join.key\"}, \"tls\": " +
                tlsSettings(arguments, "kommun-ca-file") + "}");
    }
    if (instances.empty()) {
        throw UsageError("no partner folder recognised in " + data.string() +
                         " (expected forbund/, af/ or fk/) and no --region-url or --kommun-url given");
    }
    for (const auto& name : mappings) {
        const auto* mapping = common::findEmbedded(common::embeddedMappings(), name);
        writeFile(out / "mappings" / name, std::string(mapping->content));
    }
    fs::create_directories(out / "keys");
    fs::permissions(out / "keys", fs::perms::owner_all, fs::perm_options::replace);
    identity::writeNewKeyFile((out / "keys" / "pseudonym.key").string());
    if (kommunJoinKey) {
        // The kommun connector names persons in its checkpoint only by an HMAC under a key of its own.
        writeFile(out / "keys" / "kommun-join.key", common::randomHex(32) + "\n");
        fs::permissions(out / "keys" / "kommun-join.key", fs::perms::owner_read | fs::perms::owner_write,
                        fs::perm_options::replace);
    }

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
