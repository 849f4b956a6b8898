// tests/bench/feed_bench.cpp — events per second served by GET /v1/feed (wrk on loopback) against nginx serving
// the same page bytes as a static file, and webhook push throughput against one client pulling the feed, each
// measured against its baseline in the same run. Prints ratios; asserts nothing (machines are shared and noisy).
// SPDX-License-Identifier: Apache-2.0
//
// Run by hand (not a ctest test); needs wrk and nginx: apt-get install -y wrk nginx-light
//   build/bin/bench_feed                        # 12 000 participants (about 60 000 events), limits 100 and 1000
//   build/bin/bench_feed --duration 5 --rounds 3 --limits 1,100,1000 --skip-webhooks
//   build/bin/bench_feed --keep                 # then --world /tmp/finsam-bench-feed-PID reuses that world
// Options: --participants N (12000), --seed N (1), --threads N (wrk -t, 2), --connections N (wrk -c, 16),
// --duration S (10), --rounds N (3), --limits L,L (100,1000), --batch-sizes B,B (100,1000), --skip-feed,
// --skip-webhooks, --keep, --world DIR. The world: finsam-gen all, `finsam-hub init` (förbund, AF, FK),
// `ingest --all` on SQLite. Per limit, with a reader token, nginx and three hub loads alternate each round (the
// best round counts): "fixed" is the page nginx serves (after = middle of the feed; apples to apples, and the
// hub's page cache holds it), "random" a random cursor per request (rarely a cached page: store read + JSON),
// "aligned" a random multiple of limit (the cursors of consumers paging from 0, which the cache can hold).
// Webhooks, each round: the baseline, one client paging through /v1/feed with limit=B on one connection of a fresh
// serve; then a serve whose one subscriber (a new id: from seq 0, batch_size B) is a receiver in this process,
// timed from its first POST until the feed's last seq arrived. The best round of each counts.
#include <Poco/Net/HTTPClientSession.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "feed_bench_tools.h"
#include "tests/bench/bench_report.h"
#include "webhook_receiver.h"

namespace {

using namespace finsam::bench;
using Clock = std::chrono::steady_clock;

struct Options {
    int participants = 12000;
    int seed = 1;
    WrkLoad load;  // wrk -t2 -c16 -d10s
    int rounds = 3;
    std::vector<int> limits{100, 1000};
    std::vector<int> batchSizes{100, 1000};
    bool skipFeed = false;
    bool skipWebhooks = false;
    bool keep = false;
    std::string world;
};

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// ---- the world and the hub ----

struct World {
    fs::path config;
    std::string readerToken;
    long long head = 0;    // the last seq
    long long events = 0;  // events in the feed
};

World buildWorld(const Options& options, const fs::path& scratch) {
    World world{scratch / "conf" / "hub.json", "", 0, 0};
    if (!fs::exists(world.config)) {
        const fs::path bin = fs::path(FINSAM_HUB_BINARY).parent_path();
        const auto started = Clock::now();
        fs::create_directories(scratch);
        run({(bin / "finsam-gen").string(), "all", "--out", (scratch / "data").string(), "--seed",
             std::to_string(options.seed), "--participants", std::to_string(options.participants)},
            scratch / "gen.log");
        run({FINSAM_HUB_BINARY, "init", "--data", (scratch / "data").string(), "--out", (scratch / "conf").string()},
            scratch / "init.log");
        const std::string init = readFile(scratch / "init.log");
        writeFile(scratch / "tokens.json", init.substr(init.rfind("{\"config\"")));
        run({FINSAM_HUB_BINARY, "ingest", "--config", world.config.string(), "--all"}, scratch / "ingest.log");
        std::printf("world: finsam-gen all --participants %d, init, ingest --all on SQLite in %.1f s\n",
                    options.participants, secondsSince(started));
        std::fflush(stdout);
    }
    std::smatch match;
    const std::string tokens = readFile(scratch / "tokens.json");
    if (!std::regex_search(tokens, match, std::regex("\"reader\":\"([0-9a-f]+)\""))) {
        throw std::runtime_error("no reader token in " + (scratch / "tokens.json").string());
    }
    world.readerToken = match[1];
    return world;
}

// One client reading the whole feed from after=0 with `limit`, on one keep-alive connection: the pull baseline
// for webhook delivery. Sets the feed's event count and last seq when asked.
double pullAll(std::uint16_t port, const std::string& token, int limit, long long* events, long long* head) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    const auto started = Clock::now();
    long long after = 0;
    long long count = 0;
    for (;;) {
        Fetched page = httpGet(session, "/v1/feed?after=" + std::to_string(after) + "&limit=" + std::to_string(limit),
                               token);
        if (page.status != 200) {
            throw std::runtime_error("GET /v1/feed answered " + std::to_string(page.status) + ": " + page.body);
        }
        const long long n = eventsIn(page.body);
        if (n == 0) {
            break;
        }
        count += n;
        after = nextAfter(page.body);
    }
    const double seconds = secondsSince(started);
    if (events != nullptr) {
        *events = count;
        *head = after;
    }
    return seconds;
}

// ---- the hub against nginx ----

// A wrk script asking for a random full page per request, with per-thread seeds: after anywhere in
// [0, head - limit] (almost never a page seen before), or, `aligned`, a multiple of limit (the cursors a consumer
// paging from after=0 meets, so the hub's page cache can hold them).
fs::path randomCursorScript(const fs::path& dir, long long head, int limit, bool aligned) {
    const std::string name = std::string(aligned ? "aligned-" : "random-") + std::to_string(limit) + ".lua";
    const std::string step = aligned ? std::to_string(limit) : "1";
    writeFile(dir / name, "local head, limit, step = " + std::to_string(head) + ", " + std::to_string(limit) + ", " +
                              step + "\nlocal threads = 0\n"
                              "function setup(thread) threads = threads + 1; thread:set(\"id\", threads) end\n"
                              "function init(args) math.randomseed(7919 * id + os.time()) end\n"
                              "function request()\n"
                              "  local after = step * math.random(0, math.floor(math.max(0, head - limit) / step))\n"
                              "  return wrk.format(\"GET\", \"/v1/feed?after=\" .. after .. \"&limit=\" .. limit)\n"
                              "end\n");
    return dir / name;
}

struct Best {
    WrkResult best;
    WrkResult worst;
    void add(const WrkResult& r) {
        if (r.requestsPerSecond > best.requestsPerSecond) {
            best = r;
        }
        if (worst.requestsPerSecond == 0 || r.requestsPerSecond < worst.requestsPerSecond) {
            worst = r;
        }
        best.badResponses = worst.badResponses = std::max(best.badResponses, r.badResponses);
    }
};

void printLine(const char* what, int limit, double events, const Best& hub, const Best& nginx) {
    const double hubEvents = hub.best.requestsPerSecond * events;
    const double nginxEvents = nginx.best.requestsPerSecond * events;
    std::printf("limit %4d %-7s | nginx %8.0f req/s %10.0f ev/s %7.0f MB/s | finsam-hub %7.0f req/s %10.0f ev/s "
                "%6.0f MB/s (worst round %.0f req/s) | ratio %.3f (target >= 0.5)%s\n",
                limit, what, nginx.best.requestsPerSecond, nginxEvents, nginx.best.bytesPerSecond / 1e6,
                hub.best.requestsPerSecond, hubEvents, hub.best.bytesPerSecond / 1e6, hub.worst.requestsPerSecond,
                hubEvents / nginxEvents,
                hub.best.badResponses + nginx.best.badResponses > 0 ? "  !! non-2xx or socket errors" : "");
    finsam::bench::reportResult({"feed", "GET /v1/feed limit=" + std::to_string(limit) + " " + what, hubEvents,
                                 "events/s", "nginx, same page as a static file", nginxEvents,
                                 hubEvents / nginxEvents, 0.5});
}

// For one limit: the page in the middle of the feed, saved for nginx, then wrk alternating nginx, the hub's
// fixed page and the hub at random cursors.
void benchLimit(const Options& options, const World& world, std::uint16_t hubPort, int limit, const fs::path& dir) {
    const long long after = std::max(0LL, world.head / 2 - limit / 2);
    const std::string target = "/v1/feed?after=" + std::to_string(after) + "&limit=" + std::to_string(limit);
    const Fetched page = httpGet(hubPort, target, world.readerToken);
    rapidjson::Document parsed;
    parsed.Parse(page.body.c_str());
    if (page.status != 200 || parsed.HasParseError() || !parsed["events"].IsArray()) {
        throw std::runtime_error("GET " + target + " answered " + std::to_string(page.status));
    }
    const double events = parsed["events"].Size();
    const std::string file = "page-" + std::to_string(limit) + ".json";
    writeFile(dir / "www" / file, page.body);
    const std::uint16_t nginxPort = freePort();
    auto nginx = startNginx(dir / ("nginx-" + std::to_string(limit)), dir / "www", nginxPort);
    if (httpGet(nginxPort, "/" + file).body != page.body) {
        throw std::runtime_error("nginx does not serve the saved page's bytes");
    }
    std::printf("page %s: %.0f events, %zu bytes (%.0f bytes/event)\n", target.c_str(), events, page.body.size(),
                page.body.size() / events);
    const std::string hub = "http://127.0.0.1:" + std::to_string(hubPort);
    const fs::path random = randomCursorScript(dir, world.head, limit, false);
    const fs::path aligned = randomCursorScript(dir, world.head, limit, true);
    Best nginxRuns, fixedRuns, randomRuns, alignedRuns;
    for (int round = 0; round < options.rounds; ++round) {
        const std::string log = (dir / ("wrk-" + std::to_string(limit) + "-" + std::to_string(round))).string();
        const std::string& token = world.readerToken;
        nginxRuns.add(runWrk(options.load, "http://127.0.0.1:" + std::to_string(nginxPort) + "/" + file, "", {},
                             log + "-nginx.txt"));
        fixedRuns.add(runWrk(options.load, hub + target, token, {}, log + "-fixed.txt"));
        randomRuns.add(runWrk(options.load, hub + "/v1/feed", token, random, log + "-random.txt"));
        alignedRuns.add(runWrk(options.load, hub + "/v1/feed", token, aligned, log + "-aligned.txt"));
    }
    printLine("fixed", limit, events, fixedRuns, nginxRuns);
    // Random cursors all fall on full pages when seqs are dense (head == events), so each carries `limit` events.
    const double full = static_cast<double>(limit) * world.events / std::max(1LL, world.head);
    printLine("random", limit, full, randomRuns, nginxRuns);
    printLine("aligned", limit, full, alignedRuns, nginxRuns);
    std::fflush(stdout);
}

// ---- webhooks ----

// hub.json plus one subscriber (a new id each run, so it starts at seq 0), beside hub.json for relative paths.
fs::path webhookConfig(const World& world, const std::string& id, int batchSize, std::uint16_t port) {
    rapidjson::Document hub;
    hub.Parse(readFile(world.config).c_str());
    const fs::path dir = world.config.parent_path();
    writeFile(dir / "keys" / "bench-webhook.secret", "bench-webhook-secret-0123456789abcdef\n",
              fs::perms::owner_read | fs::perms::owner_write);
    rapidjson::Document::AllocatorType& a = hub.GetAllocator();
    rapidjson::Value subscriber(rapidjson::kObjectType);
    subscriber.AddMember("id", rapidjson::Value(id.c_str(), a), a);
    subscriber.AddMember("url", rapidjson::Value(("http://127.0.0.1:" + std::to_string(port) + "/hook").c_str(), a), a);
    subscriber.AddMember("secret_file", "keys/bench-webhook.secret", a);
    subscriber.AddMember("batch_size", batchSize, a);
    rapidjson::Value webhooks(rapidjson::kArrayType);
    webhooks.PushBack(subscriber, a);
    hub.RemoveMember("webhooks");
    hub.AddMember("webhooks", webhooks, a);
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    hub.Accept(writer);
    const fs::path config = dir / ("hub-" + id + ".json");
    writeFile(config, buffer.GetString());
    return config;
}

struct Push {
    double seconds = 0;       // first POST to the last seq
    double fromStart = 0;     // serve's start to the last seq
    long long posts = 0;
    long long received = 0;   // events, repeats included
};

// serve with one new subscriber (from seq 0) until the receiver has the feed's last seq.
Push push(const World& world, int batchSize, const std::string& id, const fs::path& dir) {
    WebhookReceiver receiver(world.head);
    const fs::path config = webhookConfig(world, id, batchSize, receiver.port());
    const auto started = Clock::now();
    std::uint16_t port = 0;
    auto serve = startServe(config, dir / ("serve-" + id + ".log"), port);
    if (!receiver.waitForAll(600)) {
        throw std::runtime_error("webhook " + id + ": only " + std::to_string(receiver.events()) +
                                 " events arrived in 600 s; see " + (dir / ("serve-" + id + ".log")).string());
    }
    return {std::chrono::duration<double>(receiver.lastPost() - receiver.firstPost()).count(),
            std::chrono::duration<double>(receiver.lastPost() - started).count(), receiver.posts(),
            receiver.events()};
}

// Each round: the pull baseline on a fresh serve (no page cached: the worker reads the store too), then the push.
void benchWebhook(const Options& options, const World& world, int batchSize, const fs::path& dir) {
    double pullBest = 0;
    Push pushBest;
    for (int round = 0; round < options.rounds; ++round) {
        const std::string id = "bench-" + std::to_string(::getpid()) + "-" + std::to_string(batchSize) + "-" +
                               std::to_string(round);
        {
            std::uint16_t port = 0;
            auto serve = startServe(world.config, dir / ("serve-pull-" + id + ".log"), port);
            pullBest = std::max(pullBest, world.events / pullAll(port, world.readerToken, batchSize, nullptr, nullptr));
        }
        const Push result = push(world, batchSize, id, dir);
        if (pushBest.seconds == 0 || result.seconds < pushBest.seconds) {
            pushBest = result;
        }
    }
    const double pushRate = world.events / pushBest.seconds;
    std::printf("webhook batch_size %4d | %lld events in %lld POSTs in %.2f s from the first POST: %8.0f ev/s "
                "(%.0f ev/s from serve's start) | pull /v1/feed limit=%d, one client: %8.0f ev/s | ratio push/pull "
                "%.3f\n",
                batchSize, pushBest.received, pushBest.posts, pushBest.seconds, pushRate,
                world.events / pushBest.fromStart, batchSize, pullBest, pushRate / pullBest);
    finsam::bench::reportResult({"feed", "webhook push batch_size=" + std::to_string(batchSize), pushRate, "events/s",
                                 "one client pulling /v1/feed", pullBest, pushRate / pullBest, 0});
    std::fflush(stdout);
}

// ---- main ----

std::vector<int> numberList(const std::string& text) {
    std::vector<int> numbers;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        numbers.push_back(std::stoi(item));
    }
    return numbers;
}

bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string("0"); };
        if (arg == "--participants") { options.participants = std::stoi(value()); }
        else if (arg == "--seed") { options.seed = std::stoi(value()); }
        else if (arg == "--threads") { options.load.threads = std::stoi(value()); }
        else if (arg == "--connections") { options.load.connections = std::stoi(value()); }
        else if (arg == "--duration") { options.load.seconds = std::stoi(value()); }
        else if (arg == "--rounds") { options.rounds = std::stoi(value()); }
        else if (arg == "--limits") { options.limits = numberList(value()); }
        else if (arg == "--batch-sizes") { options.batchSizes = numberList(value()); }
        else if (arg == "--skip-feed") { options.skipFeed = true; }
        else if (arg == "--skip-webhooks") { options.skipWebhooks = true; }
        else if (arg == "--keep") { options.keep = true; }
        else if (arg == "--world") { options.world = value(); options.keep = true; }
        else { return false; }
    }
    return true;
}

void benchmark(const Options& options, const fs::path& scratch) {
    World world = buildWorld(options, scratch);
    const fs::path dir = scratch / ("run-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::uint16_t port = 0;
    auto serve = startServe(world.config, dir / "serve.log", port);
    pullAll(port, world.readerToken, 1000, &world.events, &world.head);
    std::printf("feed: %lld events, last seq %lld%s\n", world.events, world.head,
                world.events == world.head ? " (dense)" : " (with gaps)");
    if (!options.skipFeed) {
        std::printf("wrk -t%d -c%d -d%ds, %d round(s), nginx and the hub alternating, best round shown; nginx %u "
                    "workers\n",
                    options.load.threads, options.load.connections, options.load.seconds, options.rounds,
                    std::max(2u, std::thread::hardware_concurrency()));
    }
    if (!options.skipFeed) {
        for (int limit : options.limits) {
            benchLimit(options, world, port, limit, dir);
        }
    }
    serve->stop();
    if (!options.skipWebhooks) {
        for (int batchSize : options.batchSizes) {
            benchWebhook(options, world, batchSize, dir);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) {
        std::cerr << "usage: bench_feed [--participants N] [--seed N] [--threads N] [--connections N] [--duration S]\n"
                     "                  [--rounds N] [--limits L,L] [--batch-sizes B,B] [--skip-feed]\n"
                     "                  [--skip-webhooks] [--keep] [--world DIR]\n";
        return 2;
    }
    if (!options.skipFeed && (findTool("wrk").empty() || findTool("nginx").empty())) {
        std::cerr << "bench_feed: needs wrk and nginx on this machine: apt-get install -y wrk nginx-light "
                     "(or run with --skip-feed for the webhook figures only)\n";
        return 2;
    }
    ::signal(SIGPIPE, SIG_IGN);
    const fs::path scratch = options.world.empty()
                                 ? fs::temp_directory_path() / ("finsam-bench-feed-" + std::to_string(::getpid()))
                                 : fs::path(options.world);
    int code = 0;
    try {
        benchmark(options, scratch);
    } catch (const std::exception& e) {
        std::cerr << "bench_feed: " << e.what() << "\n";
        code = 1;
    }
    if (options.keep) {
        std::printf("kept %s (reuse: --world %s)\n", scratch.c_str(), scratch.c_str());
    } else {
        fs::remove_all(scratch);
    }
    return code;
}
