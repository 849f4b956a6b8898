// tests/bench/http_connectors_bench.cpp — the HTTP connectors (region-fhir, kommun-api) against the partner test
// server in this process, on a finsam-gen world: pages and records per second, and how much of a run is spent
// waiting on the network (inside the connector's fetches) rather than processing. Then the same reads through
// `finsam-hub ingest` on SQLite, for the share the hub and its store add. Prints figures of this run; asserts
// nothing (machines are shared and noisy).
// SPDX-License-Identifier: Apache-2.0
//
// Run by hand (not a ctest test):
//   build/bin/bench_http_connectors                          # 5 000 participants, plain HTTP
//   build/bin/bench_http_connectors --participants 20000 --tls   # also over HTTPS (needs the openssl command)
//   build/bin/bench_http_connectors --region-page-size 1000 --kommun-limit 1000 --connector-only
// Options: --seed N (1), --region-page-size N (200), --kommun-limit N (500), --batch-size N (1000: the host's
// maxRecords and the hub's ingest.batch_size), --connector-only (skip finsam-hub ingest), --keep (keep the
// scratch folder). Data: finsam-gen all, written to a scratch folder under the temp directory.
//
// Network time is measured around each page fetch (the connectors' PageFetcher seam, wrapping their own HTTP
// fetcher), so it includes the client's retries and, for kommun-api, token requests. region-fhir runs through
// its SDK descriptor (open, readBatch until drained); kommun-api's descriptor makes its fetcher itself, so its
// open() is mirrored here with the connector's own parseSettings, HttpPageFetcher and openRun.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rapidjson/document.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "connectors/kommun-api/src/http_page_fetcher.h"
#include "connectors/kommun-api/src/kommun_api_run.h"
#include "connectors/kommun-api/src/kommun_api_settings.h"
#include "connectors/region-fhir/src/region_fhir_connector.h"
#include "finsam/http_client/secrets.h"
#include "finsam/sdk/connector.h"
#include "tests/partner_server/partner_server.h"
#include "tests/support/test_certificates.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
namespace sdk = finsam::sdk;
using Clock = std::chrono::steady_clock;

struct Options {
    int participants = 5000;
    int seed = 1;
    int regionPageSize = 200;
    int kommunLimit = 500;
    int batchSize = 1000;
    bool tls = false;
    bool connectorOnly = false;
    bool keep = false;
};

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// ---- processes and files ----

// Runs argv to completion with stdout to `out`; throws on a non-zero exit.
void run(const std::vector<std::string>& argv, const std::string& out = "/dev/null") {
    std::vector<char*> args;
    for (const auto& arg : argv) {
        args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        throw std::runtime_error("cannot start " + argv[0]);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw std::runtime_error(argv[0] + " failed (status " + std::to_string(status) + "); output in " + out);
    }
}

void writeFile(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);  // the hub refuses a readable key
}

rapidjson::Document readJson(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document json;
    json.Parse(text.str().c_str());
    if (json.HasParseError() || !json.IsObject()) {
        throw std::runtime_error(path.string() + " is not a JSON object");
    }
    return json;
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// ---- what a connector run did ----

// Time spent inside the connector's page fetches: waiting on the network, as the run sees it.
struct FetchClock {
    std::chrono::nanoseconds inside{0};
    std::int64_t fetches = 0;
    std::int64_t bytes = 0;
};

// Wraps a connector's own fetcher; Fetcher is region_fhir::PageFetcher or kommun_api::PageFetcher.
template <class Fetcher, class Page>
class TimedFetcher final : public Fetcher {
public:
    TimedFetcher(std::unique_ptr<Fetcher> inner, FetchClock& clock) : inner_(std::move(inner)), clock_(clock) {}
    Page fetch(const std::string& url) override {
        const auto started = Clock::now();
        try {
            Page page = inner_->fetch(url);
            count(started, page.body.size());
            return page;
        } catch (...) {
            count(started, 0);
            throw;
        }
    }

private:
    void count(Clock::time_point started, std::size_t bytes) {
        clock_.inside += Clock::now() - started;
        ++clock_.fetches;
        clock_.bytes += static_cast<std::int64_t>(bytes);
    }
    std::unique_ptr<Fetcher> inner_;
    FetchClock& clock_;
};

// Counts what the host would store; keeps nothing.
class CountingSink final : public sdk::RecordSink {
public:
    void accept(sdk::Record record) override { ++(record.position.line == 0 ? derived : read); }
    void quarantine(sdk::Problem) override { ++quarantined; }
    void reject(sdk::RejectedSource) override { ++rejected; }
    void snapshotComplete(const std::string&) override {}
    void warn(const std::string&) override {}

    std::int64_t read = 0;     ///< records of a source row: what the hub counts as read
    std::int64_t derived = 0;  ///< line 0: e.g. a retract the connector derives
    std::int64_t quarantined = 0;
    std::int64_t rejected = 0;
};

// The host drops the connectors' per-page debug lines at its usual log level; this drops every line.
class DiscardingLogger final : public sdk::Logger {
public:
    void log(Level, const std::string&) override {}
};

struct Measure {
    std::string connector;
    std::string how;  ///< "connector" or "ingest"
    std::int64_t pages = 0;
    std::int64_t records = 0;  ///< connector: every record handed over; ingest: the hub's rows read
    std::string detail;
    double seconds = 0;
    double networkSeconds = -1;  ///< unknown for ingest
};

void print(const Measure& m, const std::string& transport) {
    std::printf("%-11s %-5s %-9s pages %6lld | records %8lld | %7.2f s | %7.1f pages/s | %7.0f records/s",
                m.connector.c_str(), transport.c_str(), m.how.c_str(), static_cast<long long>(m.pages),
                static_cast<long long>(m.records), m.seconds, m.pages / m.seconds, m.records / m.seconds);
    if (m.networkSeconds >= 0) {
        const double network = 100.0 * m.networkSeconds / m.seconds;
        std::printf(" | network %4.1f%% / processing %4.1f%%", network, 100.0 - network);
    }
    std::printf(" | %s\n", m.detail.c_str());
}

// readBatch() until drained, as the host does; `started` is before open(), which reads the secrets.
Measure drain(sdk::ConnectorRun& run, const std::string& connector, std::size_t batchSize, const FetchClock& clock,
              Clock::time_point started) {
    CountingSink sink;
    for (;;) {
        const sdk::BatchOutcome batch = run.readBatch(batchSize, sink);
        if (batch.result.status != sdk::Status::kOk) {
            throw std::runtime_error(connector + ": " + batch.result.message);
        }
        if (batch.drained) {
            break;
        }
    }
    Measure m;
    m.connector = connector;
    m.how = "connector";
    m.seconds = secondsSince(started);
    m.pages = clock.fetches;
    m.records = sink.read + sink.derived;
    m.detail = std::to_string(sink.read) + " of rows + " + std::to_string(sink.derived) + " derived, " +
               std::to_string(sink.quarantined) + " quarantined, " + std::to_string(sink.rejected) + " rejected, " +
               std::to_string(clock.bytes / 1000000) + " MB of pages";
    m.networkSeconds = std::chrono::duration<double>(clock.inside).count();
    return m;
}

// ---- the two connectors, settings on files in `dir` ----

struct Partner {
    std::string regionId;  ///< e.g. region-01, from truth/world.json's forbund
    std::string kommunId;
};

std::string tlsSettings(const finsam::testing::PartnerServer& server) {
    return server.options().tls ? R"("tls":{"ca_file":)" + quoted(finsam::testing::testCertificates().caFile) + "},"
                                : "";
}

std::string regionSettings(const finsam::testing::PartnerServer& server, const Options& options) {
    return "{\"base_url\":" + quoted(server.regionBaseUrl()) + ",\"token\":{\"file\":\"region.token\"}," +
           tlsSettings(server) + "\"page_size\":" + std::to_string(options.regionPageSize) + "}";
}

std::string kommunSettings(const finsam::testing::PartnerServer& server, const Options& options) {
    return "{\"base_url\":" + quoted(server.kommunBaseUrl()) +
           R"(,"client_id":{"file":"kommun-client.id"},"client_secret":{"file":"kommun-client.secret"},)"
           R"("join_key":{"file":"kommun-join.key"},)" +
           tlsSettings(server) + "\"limit\":" + std::to_string(options.kommunLimit) + "}";
}

void writeSecrets(const fs::path& dir, const finsam::testing::PartnerServer& server) {
    const auto& partner = server.options();
    writeFile(dir / "region.token", partner.regionToken + "\n");
    writeFile(dir / "kommun-client.id", partner.clientId + "\n");
    writeFile(dir / "kommun-client.secret", partner.clientSecret + "\n");
    writeFile(dir / "kommun-join.key", std::string(64, 'j') + "\n");
    writeFile(dir / "pseudonym.key", std::string(48, 'k'));
}

Measure regionThroughSdk(const finsam::testing::PartnerServer& server, const Options& options, const fs::path& dir,
                         const Partner& partner) {
    namespace region = finsam::connectors::region_fhir;
    FetchClock clock;
    region::RegionFhirConnector connector(
        [http = region::httpFetcherFactory(), &clock](const region::Settings& settings, const sdk::Context& context) {
            return std::make_unique<TimedFetcher<region::PageFetcher, region::FetchedPage>>(http(settings, context),
                                                                                           clock);
        });
    DiscardingLogger logger;
    const sdk::Context context{"region", partner.regionId, dir.string(), &logger};
    sdk::Result error;
    const auto started = Clock::now();
    auto run = connector.open(regionSettings(server, options), "", context, error);
    if (!run) {
        throw std::runtime_error("region-fhir: " + error.message);
    }
    return drain(*run, "region-fhir", static_cast<std::size_t>(options.batchSize), clock, started);
}

// KommunApiConnector::open() with the fetcher wrapped: the same settings, secret and run.
Measure kommunThroughSdk(const finsam::testing::PartnerServer& server, const Options& options, const fs::path& dir) {
    namespace kommun = finsam::connectors::kommun_api;
    std::vector<std::string> problems;
    auto settings = kommun::parseSettings(kommunSettings(server, options), dir.string(), problems);
    if (!settings) {
        throw std::runtime_error("kommun-api settings: " + problems.front());
    }
    FetchClock clock;
    const auto started = Clock::now();
    const std::string joinKey = finsam::http_client::readSecret(settings->joinKey, dir.string());
    auto fetcher = std::make_unique<TimedFetcher<kommun::PageFetcher, kommun::FetchedPage>>(
        std::make_unique<kommun::HttpPageFetcher>(*settings, dir.string()), clock);
    sdk::Result error;
    auto run = kommun::openRun(std::move(*settings), "", joinKey, std::move(fetcher), error);
    if (!run) {
        throw std::runtime_error("kommun-api: " + error.message);
    }
    return drain(*run, "kommun-api", static_cast<std::size_t>(options.batchSize), clock, started);
}

// ---- the same through finsam-hub ingest on SQLite ----

fs::path writeHub(const fs::path& dir, const finsam::testing::PartnerServer& server, const Options& options,
                  const Partner& partner) {
    const fs::path mappings = fs::path(FINSAM_SOURCE_DIR) / "config" / "mappings";
    auto instance = [&](const std::string& id, const std::string& plugin, const std::string& organisation,
                        const std::string& settings) {
        writeFile(dir / (id + ".json"), "{\"id\":" + quoted(id) + ",\"plugin\":" + quoted(plugin) +
                                            ",\"organisation\":" + quoted(organisation) + ",\"mapping\":" +
                                            quoted((mappings / (plugin + ".json")).string()) +
                                            ",\"settings\":" + settings + "}");
    };
    instance("region", "region-fhir", partner.regionId, regionSettings(server, options));
    instance("kommun", "kommun-api", partner.kommunId, kommunSettings(server, options));
    writeFile(dir / "hub.json", "{\"forbund\":{\"id\":\"forbund-bench\",\"name\":\"Bench\"},"
                                "\"store\":{\"backend\":\"sqlite\",\"path\":" +
                                    quoted((dir / "hub.db").string()) +
                                    "},\"identity\":{\"key_file\":\"pseudonym.key\",\"key_id\":\"bench\"},"
                                    "\"plugin_dirs\":[" +
                                    quoted(FINSAM_CONNECTOR_DIR) + "],\"ingest\":{\"batch_size\":" +
                                    std::to_string(options.batchSize) +
                                    "},\"connectors\":[\"region.json\",\"kommun.json\"]}");
    return dir / "hub.json";
}

// Pages are the server's count of the connector's page requests; time is the hub's own elapsed_seconds (the
// drain, without process start and store opening).
Measure ingest(finsam::testing::PartnerServer& server, const fs::path& hub, const std::string& instance,
               const std::string& connector, const std::string& pagePrefix) {
    server.clearLog();
    const fs::path summary = hub.parent_path() / (instance + "-summary.json");
    run({FINSAM_HUB_BINARY, "ingest", "--config", hub.string(), "--connector", instance}, summary.string());
    const rapidjson::Document json = readJson(summary);
    if (json.HasMember("error")) {
        throw std::runtime_error(connector + " ingest: " + json["error"].GetString());
    }
    Measure m;
    m.connector = connector;
    m.how = "ingest";
    m.pages = static_cast<std::int64_t>(server.requestCount(pagePrefix));
    m.records = json["read"].GetInt64();
    m.detail = std::to_string(json["accepted"].GetInt64()) + " accepted, " +
               std::to_string(json["quarantined"].GetInt64()) + " quarantined, " +
               std::to_string(json["batches"].GetInt64()) + " batches";
    m.seconds = json["elapsed_seconds"].GetDouble();
    return m;
}

void printShare(const Measure& sdkRun, const Measure& ingestRun) {
    const double connector = 100.0 * sdkRun.seconds / ingestRun.seconds;
    const double network = 100.0 * sdkRun.networkSeconds / ingestRun.seconds;
    std::printf("%-11s       of the ingest: connector %4.1f%% (network %4.1f%%), hub + store %4.1f%% (estimate: "
                "connector-only time / ingest time)\n",
                sdkRun.connector.c_str(), connector, network, 100.0 - connector);
}

void benchTransport(const Options& options, const fs::path& data, const fs::path& scratch, bool tls,
                    const Partner& partner) {
    finsam::testing::PartnerServerOptions serverOptions;
    serverOptions.data = data;
    if (tls) {
        serverOptions.tls = finsam::testing::testCertificates().serverFiles();
    }
    const auto loading = Clock::now();
    finsam::testing::PartnerServer server(serverOptions);
    const std::string transport = tls ? "https" : "http";
    std::printf("partner server (%s) loaded the world in %.2f s\n", transport.c_str(), secondsSince(loading));

    const fs::path dir = scratch / transport;
    writeSecrets(dir, server);
    const Measure region = regionThroughSdk(server, options, dir, partner);
    print(region, transport);
    const Measure kommun = kommunThroughSdk(server, options, dir);
    print(kommun, transport);
    if (options.connectorOnly) {
        return;
    }
    const fs::path hub = writeHub(dir, server, options, partner);
    const Measure regionIngest = ingest(server, hub, "region", "region-fhir", "/R4/");
    print(regionIngest, transport);
    printShare(region, regionIngest);
    const Measure kommunIngest = ingest(server, hub, "kommun", "kommun-api", "/api/");
    print(kommunIngest, transport);
    printShare(kommun, kommunIngest);
}

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto number = [&] {
            if (i + 1 >= argc) {
                throw std::invalid_argument(arg + " needs a number");
            }
            return std::stoi(argv[++i]);
        };
        if (arg == "--participants") {
            options.participants = number();
        } else if (arg == "--seed") {
            options.seed = number();
        } else if (arg == "--region-page-size") {
            options.regionPageSize = number();
        } else if (arg == "--kommun-limit") {
            options.kommunLimit = number();
        } else if (arg == "--batch-size") {
            options.batchSize = number();
        } else if (arg == "--tls") {
            options.tls = true;
        } else if (arg == "--connector-only") {
            options.connectorOnly = true;
        } else if (arg == "--keep") {
            options.keep = true;
        } else {
            throw std::invalid_argument(
                "usage: bench_http_connectors [--participants N] [--seed N] [--region-page-size N] "
                "[--kommun-limit N] [--batch-size N] [--tls] [--connector-only] [--keep]");
        }
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path scratch = fs::temp_directory_path() / ("finsam-bench-http-" + std::to_string(::getpid()));
    bool keep = false;
    try {
        const Options options = parse(argc, argv);
        keep = options.keep;
        const fs::path data = scratch / "world";
        const auto generating = Clock::now();
        run({(fs::path(FINSAM_HUB_BINARY).parent_path() / "finsam-gen").string(), "all", "--out", data.string(),
             "--seed", std::to_string(options.seed), "--participants", std::to_string(options.participants)});
        const rapidjson::Document world = readJson(data / "truth" / "world.json");
        const Partner partner{world["forbund"]["region"].GetString(), world["forbund"]["kommun"].GetString()};
        std::printf("finsam-gen all --participants %d --seed %d: %.2f s; region page size %d, kommun limit %d, "
                    "batch size %d\n",
                    options.participants, options.seed, secondsSince(generating), options.regionPageSize,
                    options.kommunLimit, options.batchSize);
        benchTransport(options, data, scratch, false, partner);
        if (options.tls) {
            benchTransport(options, data, scratch, true, partner);
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_http_connectors: " << e.what() << "\n";
        if (!keep) {
            fs::remove_all(scratch);
        }
        return 1;
    }
    if (keep) {
        std::printf("kept %s\n", scratch.c_str());
    } else {
        fs::remove_all(scratch);
    }
    return 0;
}
