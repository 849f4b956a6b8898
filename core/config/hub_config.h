// core/config/hub_config.h — the typed daemon configuration, filled once from hub.json and its instance files.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

namespace finsam::config {

struct ForbundConfig {
    std::string id;
    std::string name;
    std::string organisationsnummer;
    std::vector<std::string> members;
};

struct StoreConfig {
    std::string backend;     ///< sqlite | postgresql
    std::string path;        ///< absolute SQLite file
    std::string connection;  ///< libpq connection string (no password)
    std::string passwordFile;
    std::string passwordEnv;
};

struct TokenConfig {
    std::string name;
    std::string sha256;
    std::vector<std::string> scopes;
    std::string forbund;  ///< when set, the token sees only this förbund's data; empty = every förbund
};

/// When serve runs a connector instance (its `schedule`); see core/scheduler/schedule.h.
struct ScheduleConfig {
    int intervalSeconds = 0;  ///< between the starts of two runs; 0 = hub.json ingest.poll_seconds
    int windowFromMinute = -1;  ///< daily window, minutes after local midnight; -1 = any time of day
    int windowToMinute = -1;    ///< end of the window (exclusive); before from = the window spans midnight
    bool watch = false;         ///< also run soon after files change in `watchDir`
    std::string watchDir;       ///< settings.drop_dir, absolute, when watch is set
};

struct ConnectorInstanceConfig {
    std::string file;          ///< the instance file, for error messages
    std::string dir;           ///< its directory; the plugin resolves relative paths against it
    std::string id;
    std::string plugin;
    std::string organisation;
    std::string mappingFile;   ///< absolute, or empty
    std::string settingsJson;  ///< the `settings` object as JSON text, handed to the plugin
    bool enabled = true;
    ScheduleConfig schedule;
};

/// hub.json `scheduler`: how serve runs connectors (core/scheduler/).
struct SchedulerConfig {
    int maxConcurrentRuns = 2;     ///< connectors running at once in one instance (1 on SQLite: one writer)
    int leaseSeconds = 60;         ///< a dead instance's connectors are taken over after this long
    int retryBaseSeconds = 30;     ///< back-off after a failed run: base * 2^(failures-1), up to the max
    int retryMaxSeconds = 3600;
    int stopGraceSeconds = 30;     ///< SIGTERM: how long a batch in flight may take to finish
    int watchSettleSeconds = 2;    ///< a watched folder must be quiet this long before the run starts
};

/// One webhook subscriber (hub.json `webhooks`): the feed pushed to `url` in signed batches (docs/webhooks.md).
struct WebhookConfig {
    std::string id;
    std::string url;
    std::vector<std::string> types;  ///< catalogue types (wildcards expanded); empty = every type
    std::string forbund;             ///< only this förbund's events; empty = every event
    std::string secretFile;          ///< absolute; exactly one of secretFile and secretEnv is set
    std::string secretEnv;
    int batchSize = 100;
    int timeoutSeconds = 10;
    int maxBackoffSeconds = 300;
    std::string caFile;  ///< absolute, or empty for the system CA store
};

/// One pseudonymisation key of the chain: its file (absolute) and its id.
struct KeyRef {
    std::string file;
    std::string id;
};

struct HubConfig {
    std::string file;  ///< absolute path of hub.json
    std::string dir;
    ForbundConfig forbund;
    StoreConfig store;
    std::string keyFile;  ///< the current key (absolute); also keyChain.back()
    std::string keyId;
    /// identity.previous_keys (oldest first), then the current key: link keys are derived under
    /// each in turn (see identity::Pseudonymizer), so a re-keyed store keeps every link.
    std::vector<KeyRef> keyChain;
    std::string listen = "127.0.0.1:8080";
    int httpThreads = 8;
    std::string tlsCertFile;  ///< http.tls.cert_file (absolute); with tlsKeyFile the API serves HTTPS
    std::string tlsKeyFile;
    std::vector<TokenConfig> tokens;
    std::vector<std::string> pluginDirs;
    std::vector<ConnectorInstanceConfig> connectors;
    int batchSize = 1000;
    int pollSeconds = 60;
    /// duplicates.precedence: role orders (forbund, huvudman); empty = the built-in default.
    std::vector<std::string> duplicatePrecedence;
    std::map<std::string, std::vector<std::string>> duplicateFieldPrecedence;
    std::string logLevel = "information";
    std::map<std::string, std::string> logComponents;  ///< log.components: level per logger (component)
    SchedulerConfig scheduler;
    int followUpYearsBefore = 10;  ///< consent.follow_up_years_before
    int followUpMonthsAfter = 12;  ///< consent.follow_up_months_after
    int citationGraceDays = 30;    ///< consent.citation_grace_days
    bool probabilisticLinkage = false;  ///< linkage.probabilistic (opt-in: it costs ingest time, core/link/README.md)
    double linkUpperThreshold = 0.9;   ///< linkage.upper_threshold
    double linkLowerThreshold = 0.5;   ///< linkage.lower_threshold
    std::vector<WebhookConfig> webhooks;
    std::string indicatorsLocalDir;  ///< indicators.local_dir (absolute), a förbund's own definitions; empty = none
    int suppressionThreshold = 5;    ///< indicators.threshold: counts below it are suppressed
    std::string indicatorsReferenceFile;  ///< indicators.reference_file (absolute); empty = the store's förbund

    const ConnectorInstanceConfig* connector(const std::string& id) const;
};

}  // namespace finsam::config
