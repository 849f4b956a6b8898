// core/config/config_loader.cpp — hub.json and connector instance files: parse, validate, fill HubConfig.
// SPDX-License-Identifier: Apache-2.0
#include "core/config/config_loader.h"

#include <Poco/Path.h>
#include <Poco/String.h>

#include <regex>

#include "core/common/embedded_file.h"
#include "core/common/json.h"
#include "core/feed/event_catalogue.h"

namespace finsam::config {

namespace {

std::string resolve(const std::string& dir, const std::string& path) {
    if (path.empty()) {
        return path;
    }
    Poco::Path p(path);
    if (p.isAbsolute()) {
        return p.toString();
    }
    return Poco::Path(Poco::Path::forDirectory(dir), p).absolute().toString();
}

std::string stringOr(const rapidjson::Value& object, const char* name, const std::string& fallback) {
    auto it = object.FindMember(name);
    return it != object.MemberEnd() && it->value.IsString() ? it->value.GetString() : fallback;
}

int intOr(const rapidjson::Value& object, const char* name, int fallback) {
    auto it = object.FindMember(name);
    return it != object.MemberEnd() && it->value.IsInt() ? it->value.GetInt() : fallback;
}

std::vector<std::string> strings(const rapidjson::Value& object, const char* name) {
    std::vector<std::string> out;
    auto it = object.FindMember(name);
    if (it != object.MemberEnd() && it->value.IsArray()) {
        for (const auto& item : it->value.GetArray()) {
            out.emplace_back(item.GetString());
        }
    }
    return out;
}

// Validates `document` (read from `path`) against embedded schema `schemaName`; problems are appended.
bool checkAgainst(const std::string& path, std::string_view schemaName, const rapidjson::Document& document,
                  std::vector<std::string>& problems) {
    rapidjson::Document schema;
    schema.Parse(schemaText(schemaName).data(), schemaText(schemaName).size());
    auto violations = common::validateAgainstSchema(schema, document);
    for (const auto& violation : violations) {
        problems.push_back(formatProblem(path, violation.pointer, violation.reason));
    }
    return violations.empty();
}

// Parses `path` and validates it against embedded schema `schemaName`; problems are appended.
bool loadChecked(const std::string& path, std::string_view schemaName, rapidjson::Document& document,
                 std::vector<std::string>& problems) {
    try {
        document = common::readJsonFile(path);
    } catch (const std::exception& e) {
        problems.push_back(formatProblem(path, "", e.what()));
        return false;
    }
    return checkAgainst(path, schemaName, document, problems);
}

// "HH:MM" (the schema checks the shape) as minutes after midnight.
int minuteOfDay(const std::string& text) { return std::stoi(text.substr(0, 2)) * 60 + std::stoi(text.substr(3, 2)); }

void fillSchedule(const rapidjson::Document& document, ConnectorInstanceConfig& instance,
                  std::vector<std::string>& problems) {
    if (!document.HasMember("schedule")) {
        return;
    }
    const auto& schedule = document["schedule"];
    instance.schedule.intervalSeconds = intOr(schedule, "interval_seconds", 0);
    if (schedule.HasMember("window")) {
        instance.schedule.windowFromMinute = minuteOfDay(schedule["window"]["from"].GetString());
        instance.schedule.windowToMinute = minuteOfDay(schedule["window"]["to"].GetString());
        if (instance.schedule.windowFromMinute == instance.schedule.windowToMinute) {
            problems.push_back(formatProblem(instance.file, "/schedule/window", "from and to are the same time"));
        }
    }
    instance.schedule.watch = schedule.HasMember("watch") && schedule["watch"].GetBool();
    if (instance.schedule.watch) {
        const auto& settings = document["settings"];
        if (!settings.HasMember("drop_dir") || !settings["drop_dir"].IsString()) {
            problems.push_back(formatProblem(instance.file, "/schedule/watch",
                                             "watch needs a file connector with settings.drop_dir"));
        } else {
            instance.schedule.watchDir = resolve(instance.dir, settings["drop_dir"].GetString());
        }
    }
}

ConnectorInstanceConfig fillInstance(const std::string& path, const rapidjson::Document& document,
                                     std::vector<std::string>& problems) {
    ConnectorInstanceConfig instance;
    instance.file = path;
    instance.dir = Poco::Path(path).parent().toString();
    instance.id = document["id"].GetString();
    instance.plugin = document["plugin"].GetString();
    instance.organisation = document["organisation"].GetString();
    instance.mappingFile = resolve(instance.dir, stringOr(document, "mapping", ""));
    instance.enabled = !document.HasMember("enabled") || document["enabled"].GetBool();
    instance.settingsJson = common::toJson(document["settings"]);
    fillSchedule(document, instance, problems);
    return instance;
}

ConnectorInstanceConfig loadInstance(const std::string& path, std::vector<std::string>& problems) {
    rapidjson::Document document;
    if (!loadChecked(path, "connector-instance.schema.json", document, problems)) {
        ConnectorInstanceConfig instance;
        instance.file = path;
        instance.dir = Poco::Path(path).parent().toString();
        return instance;
    }
    return fillInstance(path, document, problems);
}

void fillHub(const rapidjson::Document& d, HubConfig& config) {
    const auto& forbund = d["forbund"];
    config.forbund.id = forbund["id"].GetString();
    config.forbund.name = forbund["name"].GetString();
    config.forbund.organisationsnummer = stringOr(forbund, "organisationsnummer", "");
    config.forbund.members = strings(forbund, "members");

    const auto& store = d["store"];
    config.store.backend = store["backend"].GetString();
    config.store.path = resolve(config.dir, stringOr(store, "path", "hub.db"));
    config.store.connection = stringOr(store, "connection", "");
    config.store.passwordFile = resolve(config.dir, stringOr(store, "password_file", ""));
    config.store.passwordEnv = stringOr(store, "password_env", "");

    const auto& identity = d["identity"];
    config.keyFile = resolve(config.dir, identity["key_file"].GetString());
    config.keyId = identity["key_id"].GetString();
    if (identity.HasMember("previous_keys")) {
        for (const auto& key : identity["previous_keys"].GetArray()) {
            config.keyChain.push_back(
                {resolve(config.dir, key["key_file"].GetString()), key["key_id"].GetString()});
        }
    }
    config.keyChain.push_back({config.keyFile, config.keyId});
    if (d.HasMember("http")) {
        config.listen = stringOr(d["http"], "listen", config.listen);
        config.httpThreads = intOr(d["http"], "threads", config.httpThreads);
        if (d["http"].HasMember("tls")) {
            config.tlsCertFile = resolve(config.dir, stringOr(d["http"]["tls"], "cert_file", ""));
            config.tlsKeyFile = resolve(config.dir, stringOr(d["http"]["tls"], "key_file", ""));
        }
    }
    if (d.HasMember("tokens")) {
        for (const auto& token : d["tokens"].GetArray()) {
            config.tokens.push_back({token["name"].GetString(), token["sha256"].GetString(), strings(token, "scopes"),
                                     stringOr(token, "forbund", "")});
        }
    }
    for (const auto& dir : strings(d, "plugin_dirs")) {
        config.pluginDirs.push_back(resolve(config.dir, dir));
    }
    if (d.HasMember("ingest")) {
        config.batchSize = intOr(d["ingest"], "batch_size", config.batchSize);
        config.pollSeconds = intOr(d["ingest"], "poll_seconds", config.pollSeconds);
    }
    if (d.HasMember("consent")) {
        config.followUpYearsBefore = intOr(d["consent"], "follow_up_years_before", config.followUpYearsBefore);
        config.followUpMonthsAfter = intOr(d["consent"], "follow_up_months_after", config.followUpMonthsAfter);
        config.citationGraceDays = intOr(d["consent"], "citation_grace_days", config.citationGraceDays);
    }
    if (d.HasMember("linkage")) {
        const auto& linkage = d["linkage"];
        if (linkage.HasMember("probabilistic") && linkage["probabilistic"].IsBool()) {
            config.probabilisticLinkage = linkage["probabilistic"].GetBool();
        }
        for (auto [name, target] : {std::pair{"upper_threshold", &config.linkUpperThreshold},
                                    std::pair{"lower_threshold", &config.linkLowerThreshold}}) {
            if (linkage.HasMember(name) && linkage[name].IsNumber()) {
                *target = linkage[name].GetDouble();
            }
        }
    }
    if (d.HasMember("indicators")) {
        config.indicatorsLocalDir = resolve(config.dir, stringOr(d["indicators"], "local_dir", ""));
        config.suppressionThreshold = intOr(d["indicators"], "threshold", config.suppressionThreshold);
        config.indicatorsReferenceFile = resolve(config.dir, stringOr(d["indicators"], "reference_file", ""));
    }
    if (d.HasMember("duplicates") && d["duplicates"].HasMember("precedence")) {
        const auto& precedence = d["duplicates"]["precedence"];
        config.duplicatePrecedence = strings(precedence, "default");
        if (precedence.HasMember("fields")) {
            for (const auto& field : precedence["fields"].GetObject()) {
                config.duplicateFieldPrecedence[field.name.GetString()] = strings(precedence["fields"],
                                                                                  field.name.GetString());
            }
        }
    }
    if (d.HasMember("log")) {
        config.logLevel = stringOr(d["log"], "level", config.logLevel);
        if (d["log"].HasMember("components")) {
            for (const auto& component : d["log"]["components"].GetObject()) {
                config.logComponents[component.name.GetString()] = component.value.GetString();
            }
        }
    }
    if (d.HasMember("scheduler")) {
        const auto& s = d["scheduler"];
        auto& scheduler = config.scheduler;
        scheduler.maxConcurrentRuns = intOr(s, "max_concurrent_runs", scheduler.maxConcurrentRuns);
        scheduler.leaseSeconds = intOr(s, "lease_seconds", scheduler.leaseSeconds);
        scheduler.retryBaseSeconds = intOr(s, "retry_base_seconds", scheduler.retryBaseSeconds);
        scheduler.retryMaxSeconds = intOr(s, "retry_max_seconds", scheduler.retryMaxSeconds);
        scheduler.stopGraceSeconds = intOr(s, "stop_grace_seconds", scheduler.stopGraceSeconds);
        scheduler.watchSettleSeconds = intOr(s, "watch_settle_seconds", scheduler.watchSettleSeconds);
    }
}

// What the schema cannot say about `webhooks`: ids are unique, exactly one secret source, types are in the
// event catalogue (feed::expandTypes, the same rule as GET /v1/feed?types=).
void fillWebhooks(const rapidjson::Document& d, HubConfig& config, std::vector<std::string>& problems) {
    if (!d.HasMember("webhooks")) {
        return;
    }
    const auto& list = d["webhooks"].GetArray();
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        const auto& entry = list[i];
        const std::string at = "/webhooks/" + std::to_string(i);
        WebhookConfig webhook;
        webhook.id = entry["id"].GetString();
        webhook.url = entry["url"].GetString();
        webhook.forbund = stringOr(entry, "forbund", "");
        webhook.secretFile = resolve(config.dir, stringOr(entry, "secret_file", ""));
        webhook.secretEnv = stringOr(entry, "secret_env", "");
        webhook.batchSize = intOr(entry, "batch_size", webhook.batchSize);
        webhook.timeoutSeconds = intOr(entry, "timeout_seconds", webhook.timeoutSeconds);
        webhook.maxBackoffSeconds = intOr(entry, "max_backoff_seconds", webhook.maxBackoffSeconds);
        webhook.caFile = resolve(config.dir, stringOr(entry, "ca_file", ""));
        if (webhook.secretFile.empty() == webhook.secretEnv.empty()) {
            problems.push_back(formatProblem(config.file, at, "name exactly one of secret_file and secret_env"));
        }
        const auto types = strings(entry, "types");
        std::string joined;
        for (std::size_t j = 0; j < types.size(); ++j) {
            try {
                feed::expandTypes(types[j]);
                joined += (joined.empty() ? "" : ",") + types[j];
            } catch (const std::invalid_argument& e) {
                problems.push_back(formatProblem(config.file, at + "/types/" + std::to_string(j), e.what()));
            }
        }
        if (!joined.empty()) {
            webhook.types = feed::expandTypes(joined);
        }
        for (const auto& earlier : config.webhooks) {
            if (earlier.id == webhook.id) {
                problems.push_back(formatProblem(config.file, at + "/id", "duplicate webhook id " + webhook.id));
                break;
            }
        }
        config.webhooks.push_back(std::move(webhook));
    }
}

// hub.json is read by everyone who configures the hub and is kept in version control: a password belongs in
// password_file (0600) or password_env, never in the conninfo. Named, never quoted.
void checkConnectionHoldsNoPassword(const HubConfig& config, std::vector<std::string>& problems) {
    const std::string connection = Poco::toLower(config.store.connection);
    const auto scheme = connection.find("://");
    const auto at = connection.find('@');
    const bool inUri = scheme != std::string::npos && at != std::string::npos &&
                       connection.substr(scheme + 3, at - scheme - 3).find(':') != std::string::npos;
    // `password = x` in a conninfo, `?password=x` in a URI
    const bool asParameter = std::regex_search(connection, std::regex(R"(password\s*=)"));
    if (inUri || asParameter) {
        problems.push_back(formatProblem(config.file, "/store/connection",
                                         "holds a password; name password_file or password_env instead"));
    }
}

void checkLinkThresholds(const HubConfig& config, std::vector<std::string>& problems) {
    if (config.linkLowerThreshold > config.linkUpperThreshold) {
        problems.push_back(formatProblem(config.file, "/linkage/lower_threshold", "must not exceed upper_threshold"));
    }
}

// A key id names one link of the chain in the store's key_id column, so it may occur only once.
void checkKeyChain(const HubConfig& config, std::vector<std::string>& problems) {
    const std::size_t current = config.keyChain.size() - 1;
    for (std::size_t i = 0; i < config.keyChain.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (config.keyChain[i].id != config.keyChain[j].id) {
                continue;
            }
            const std::string pointer =
                i == current ? "/identity/key_id"
                             : "/identity/previous_keys/" + std::to_string(i) + "/key_id";
            problems.push_back(formatProblem(config.file, pointer,
                                             "key id " + config.keyChain[i].id +
                                                 " is already used earlier in the key chain"));
            break;
        }
    }
}

}  // namespace

ConnectorInstanceConfig parseConnectorInstance(const std::string& text, const std::string& path,
                                               std::vector<std::string>& problems) {
    rapidjson::Document document;
    common::JsonError error;
    if (!common::parseJson(text, document, error)) {
        problems.push_back(formatProblem(path, "", "not valid JSON at line " + std::to_string(error.line) +
                                                       ", column " + std::to_string(error.column) + ": " +
                                                       error.reason));
        return {};
    }
    if (!checkAgainst(path, "connector-instance.schema.json", document, problems)) {
        return {};
    }
    return fillInstance(Poco::Path(path).absolute().toString(), document, problems);
}

ConfigError::ConfigError(std::vector<std::string> problems)
    : std::runtime_error(problems.empty() ? "configuration error" : problems.front()),
      problems_(std::move(problems)) {}

std::string formatProblem(const std::string& file, const std::string& pointer, const std::string& reason) {
    return file + ": " + (pointer.empty() ? "/" : pointer) + ": " + reason;
}

std::string_view schemaText(std::string_view name) {
    const auto* file = common::findEmbedded(common::embeddedSchemas(), name);
    if (file == nullptr) {
        throw std::logic_error("no embedded schema " + std::string(name));
    }
    return file->content;
}

const ConnectorInstanceConfig* HubConfig::connector(const std::string& id) const {
    for (const auto& instance : connectors) {
        if (instance.id == id) {
            return &instance;
        }
    }
    return nullptr;
}

HubConfig loadHubConfig(const std::string& path) {
    HubConfig config;
    config.file = Poco::Path(path).absolute().toString();
    config.dir = Poco::Path(config.file).parent().toString();
    std::vector<std::string> problems;
    rapidjson::Document document;
    if (!loadChecked(config.file, "hub.schema.json", document, problems)) {
        throw ConfigError(problems);
    }
    fillHub(document, config);
    checkKeyChain(config, problems);
    checkLinkThresholds(config, problems);
    checkConnectionHoldsNoPassword(config, problems);
    fillWebhooks(document, config, problems);
    if (config.store.backend == "postgresql" && config.store.connection.empty()) {
        problems.push_back(formatProblem(config.file, "/store/connection", "required for backend postgresql"));
    }
    const auto& list = document["connectors"].GetArray();
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        auto instance = loadInstance(resolve(config.dir, list[i].GetString()), problems);
        if (!instance.id.empty() && config.connector(instance.id) != nullptr) {
            problems.push_back(formatProblem(instance.file, "/id", "duplicate connector id " + instance.id));
        }
        config.connectors.push_back(std::move(instance));
    }
    if (!problems.empty()) {
        throw ConfigError(problems);
    }
    return config;
}

}  // namespace finsam::config
