// tests/bench/feed_bench.cpp — events per second served by GET /v1/feed (wrk on loopback) against nginx serving the
// same page bytes as a static file in the same run, and webhook push throughput against one client pulling the
// feed. Prints ratios; asserts nothing (machines are shared and noisy). SPDX-License-Identifier: Apache-2.0
//
// Run by hand (not a ctest test); needs wrk and nginx (apt-get install -y wrk nginx-light):
//   build/bin/bench_feed                                  # 12 000 participants (~60 000 events), limits 100 and 1000
//   build/bin/bench_feed --duration 5 --rounds 3 --limits 1,100,1000 --skip-webhooks
//   build/bin/bench_feed --keep ...; build/bin/bench_feed --world /tmp/finsam-bench-feed-PID   # reuse a world
// Options: --participants N, --seed N, --threads N (wrk -t, 2), --connections N (wrk -c, 16), --duration S (10),
// --rounds N (2: nginx and hub alternate, the best round counts), --limits L,L, --batch-sizes B,B (100,1000),
// --skip-feed, --skip-webhooks, --keep, --world DIR. The world: finsam-gen all, `finsam-hub init` (förbund,
// AF, FK) and `ingest --all` on SQLite. nginx gets its own config (worker_processes = cores, access_log off).
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <fcntl.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
    int participants = 12000;
    int seed = 1;
    int threads = 2;
    int connections = 16;
    int duration = 10;
    int rounds = 2;
    std::vector<int> limits{100, 1000};
    std::vector<int> batchSizes{100, 1000};
    bool skipFeed = false;
    bool skipWebhooks = false;
    bool keep = false;
    std::string world;
};

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFile(const fs::path& path, const std::string& text, fs::perms perms = fs::perms::none) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    if (perms != fs::perms::none) {
        fs::permissions(path, perms);
    }
}

// The tool's full path from PATH, then the sbin folders (nginx lives in /usr/sbin), or "".
std::string findTool(const std::string& name) {
    std::string path = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
    std::stringstream dirs(path + ":/usr/local/sbin:/usr/sbin:/sbin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (!dir.empty() && ::access((fs::path(dir) / name).c_str(), X_OK) == 0) {
            return (fs::path(dir) / name).string();
        }
    }
    return "";
}

// ---- child processes ----

// A process with stdout and stderr in `log`; stopped (SIGTERM, then SIGKILL) when destroyed.
class Child {
public:
    Child(const std::vector<std::string>& argv, const fs::path& log) {
        std::vector<char*> args;
        for (const auto& arg : argv) {
            args.push_back(const_cast<char*>(arg.c_str()));
        }
        args.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        const int spawned = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (spawned != 0) {
            throw std::runtime_error("cannot start " + argv[0]);
        }
    }
    ~Child() { stop(); }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    bool running() {
        if (!exited_ && waitpid(pid_, &status_, WNOHANG) == pid_) {
            exited_ = true;
        }
        return !exited_;
    }
    /// Waits for the exit; the exit code, or -1 when killed by a signal.
    int wait() {
        if (!exited_) {
            waitpid(pid_, &status_, 0);
            exited_ = true;
        }
        return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
    }
    void stop() {
        if (!running()) {
            return;
        }
        ::kill(pid_, SIGTERM);
        for (int i = 0; i < 200 && running(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (running()) {
            ::kill(pid_, SIGKILL);
        }
        wait();
    }
    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = 0;
    int status_ = 0;
    bool exited_ = false;
};

// Runs argv to completion; throws with the log's end on a non-zero exit.
void run(const std::vector<std::string>& argv, const fs::path& log) {
    Child child(argv, log);
    if (child.wait() != 0) {
        const std::string text = readFile(log);
        throw std::runtime_error(argv[0] + " " + argv[1] + " failed: " + text.substr(text.size() - std::min<std::size_t>(text.size(), 600)));
    }
}

std::uint16_t freePort() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket.address().port();
}

// ---- HTTP ----

struct Fetched {
    int status = 0;
    std::string body;
};

Fetched httpGet(Poco::Net::HTTPClientSession& session, const std::string& target, const std::string& token) {
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, target, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) {
        request.set("Authorization", "Bearer " + token);
    }
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Fetched fetched;
    fetched.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, fetched.body);
    return fetched;
}

Fetched httpGet(std::uint16_t port, const std::string& target, const std::string& token = "") {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    return httpGet(session, target, token);
}

// Events in a feed page: each one opens with {"seq": (core/feed/feed_json.cpp), so no full parse is needed.
long long eventsIn(const std::string& page) {
    long long count = 0;
    for (auto at = page.find("{\"seq\":"); at != std::string::npos; at = page.find("{\"seq\":", at + 7)) {
        ++count;
    }
    return count;
}

long long nextAfter(const std::string& page) {
    const auto at = page.rfind("\"next_after\":");
    return at == std::string::npos ? -1 : std::stoll(page.substr(at + 13));
}

// ---- the world and the hub ----

struct World {
    fs::path dir;
    fs::path config;
    std::string readerToken;
    long long head = 0;    // the last seq
    long long events = 0;  // events in the feed
};

World buildWorld(const Options& options, const fs::path& scratch) {
    World world{scratch, scratch / "conf" / "hub.json", "", 0, 0};
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
    }
    std::smatch match;
    const std::string tokens = readFile(scratch / "tokens.json");
    if (!std::regex_search(tokens, match, std::regex("\"reader\":\"([0-9a-f]+)\""))) {
        throw std::runtime_error("no reader token in " + (scratch / "tokens.json").string());
    }
    world.readerToken = match[1];
    return world;
}

// `finsam-hub serve` on a free port, its log in `log`; `port` is read from the log's "listening on" line.
std::unique_ptr<Child> startServe(const fs::path& config, const fs::path& log, std::uint16_t& port) {
    auto serve = std::make_unique<Child>(
        std::vector<std::string>{FINSAM_HUB_BINARY, "serve", "--config", config.string(), "--listen", "127.0.0.1:0"},
        log);
    const std::regex listening("listening on [^:\" ]+:([0-9]+)");
    for (int i = 0; i < 600; ++i) {
        std::smatch match;
        const std::string text = readFile(log);
        if (std::regex_search(text, match, listening)) {
            port = static_cast<std::uint16_t>(std::stoi(match[1]));
            return serve;
        }
        if (!serve->running()) {
            throw std::runtime_error("finsam-hub serve exited: " + text.substr(0, 1500));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("finsam-hub serve did not log its port within 30 s; see " + log.string());
}

// One client reading the whole feed from after=0 with `limit`, on one keep-alive connection: the pull baseline
// for webhook delivery. Fills world.head/events when asked.
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

// ---- wrk and nginx ----

struct WrkResult {
    double requestsPerSecond = 0;
    double bytesPerSecond = 0;
    long long badResponses = 0;  // non-2xx/3xx and socket errors
};

double withUnit(const std::string& number, const std::string& unit) {
    double value = std::stod(number);
    for (const char* scale : {"KB", "MB", "GB", "TB"}) {
        if (unit == "B") {
            break;
        }
        value *= 1024;
        if (unit == scale) {
            break;
        }
    }
    return value;
}

WrkResult runWrk(const Options& options, const std::string& url, const std::string& token, const fs::path& script,
                 const fs::path& log) {
    std::vector<std::string> argv{findTool("wrk"), "-t", std::to_string(options.threads), "-c",
                                  std::to_string(options.connections), "-d", std::to_string(options.duration) + "s"};
    if (!token.empty()) {
        argv.insert(argv.end(), {"-H", "Authorization: Bearer " + token});
    }
    if (!script.empty()) {
        argv.insert(argv.end(), {"-s", script.string()});
    }
    argv.push_back(url);
    run(argv, log);
    const std::string text = readFile(log);
    WrkResult result;
    std::smatch match;
    if (!std::regex_search(text, match, std::regex("Requests/sec:\\s*([0-9.]+)"))) {
        throw std::runtime_error("no Requests/sec in wrk output: " + text);
    }
    result.requestsPerSecond = std::stod(match[1]);
    if (std::regex_search(text, match, std::regex("Transfer/sec:\\s*([0-9.]+)([KMGT]?B)"))) {
        result.bytesPerSecond = withUnit(match[1], match[2]);
    }
    if (std::regex_search(text, match, std::regex("Non-2xx or 3xx responses:\\s*([0-9]+)"))) {
        result.badResponses += std::stoll(match[1]);
    }
    if (std::regex_search(text, match, std::regex("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), "
                                                  "timeout ([0-9]+)"))) {
        for (int i = 1; i <= 4; ++i) {
            result.badResponses += std::stoll(match[i]);
        }
    }
    return result;
}

// nginx serving `root` on 127.0.0.1:port with its own config, pid file and temp folders under `dir`.
std::unique_ptr<Child> startNginx(const fs::path& dir, const fs::path& root, std::uint16_t port) {
    const unsigned cores = std::max(2u, std::thread::hardware_concurrency());
    std::string temps;
    for (const char* kind : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
        temps += std::string("    ") + kind + "_temp_path " + (dir / "tmp" / kind).string() + ";\n";
    }
    fs::create_directories(dir / "tmp");
    writeFile(dir / "nginx.conf",
              "daemon off;\nworker_processes " + std::to_string(cores) + ";\npid " + (dir / "nginx.pid").string() +
                  ";\nerror_log " + (dir / "error.log").string() +
                  " warn;\nevents { worker_connections 1024; }\nhttp {\n    access_log off;\n    types { }\n"
                  "    default_type application/json;\n    sendfile on;\n" + temps +
                  "    server {\n        listen 127.0.0.1:" + std::to_string(port) + ";\n        root " +
                  root.string() + ";\n    }\n}\n");
    auto nginx = std::make_unique<Child>(std::vector<std::string>{findTool("nginx"), "-p", dir.string(), "-c",
                                                                  (dir / "nginx.conf").string(), "-e",
                                                                  (dir / "error.log").string()},
                                         dir / "nginx.log");
    for (int i = 0; i < 200; ++i) {
        try {
            httpGet(port, "/");
            return nginx;
        } catch (const Poco::Exception&) {
            if (!nginx->running()) {
                throw std::runtime_error("nginx exited: " + readFile(dir / "nginx.log") + readFile(dir / "error.log"));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    throw std::runtime_error("nginx did not answer on port " + std::to_string(port));
}

// A wrk script asking for a random full page per request: after in [0, head - limit], per-thread seeds.
fs::path randomCursorScript(const fs::path& dir, long long head, int limit) {
    const fs::path script = dir / ("random-" + std::to_string(limit) + ".lua");
    writeFile(script, "local head, limit = " + std::to_string(head) + ", " + std::to_string(limit) +
                          "\nlocal threads = 0\n"
                          "function setup(thread) threads = threads + 1; thread:set(\"id\", threads) end\n"
                          "function init(args) math.randomseed(7919 * id + os.time()) end\n"
                          "function request()\n"
                          "  local after = math.random(0, math.max(0, head - limit))\n"
                          "  return wrk.format(\"GET\", \"/v1/feed?after=\" .. after .. \"&limit=\" .. limit)\n"
                          "end\n");
    return script;
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
    std::printf("limit %4d %-6s | nginx %8.0f req/s %10.0f ev/s %7.0f MB/s | finsam-hub %7.0f req/s %10.0f ev/s "
                "%6.0f MB/s (worst round %.0f req/s) | ratio %.3f (target >= 0.5)%s\n",
                limit, what, nginx.best.requestsPerSecond, nginxEvents, nginx.best.bytesPerSecond / 1e6,
                hub.best.requestsPerSecond, hubEvents, hub.best.bytesPerSecond / 1e6, hub.worst.requestsPerSecond,
                hubEvents / nginxEvents,
                hub.best.badResponses + nginx.best.badResponses > 0 ? "  !! non-2xx or socket errors" : "");
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
    const fs::path script = randomCursorScript(dir, world.head, limit);
    Best nginxRuns, fixedRuns, randomRuns;
    for (int round = 0; round < options.rounds; ++round) {
        const fs::path log = dir / ("wrk-" + std::to_string(limit) + "-" + std::to_string(round));
        nginxRuns.add(runWrk(options, "http://127.0.0.1:" + std::to_string(nginxPort) + "/" + file, "", {},
                             log.string() + "-nginx.txt"));
        fixedRuns.add(runWrk(options, hub + target, world.readerToken, {}, log.string() + "-fixed.txt"));
        randomRuns.add(runWrk(options, hub + "/v1/feed", world.readerToken, script, log.string() + "-random.txt"));
    }
    printLine("fixed", limit, events, fixedRuns, nginxRuns);
    // Random cursors all fall on full pages when seqs are dense (head == events), so each carries `limit` events.
    printLine("random", limit, static_cast<double>(limit) * world.events / std::max(1LL, world.head), randomRuns,
              nginxRuns);
    std::fflush(stdout);
}

// ---- webhooks ----

// Counts the events POSTed to it (each body a /v1/feed page) and notes when the last seq arrived.
class Receiver {
public:
    explicit Receiver(long long lastSeq) : lastSeq_(lastSeq) {
        auto params = Poco::AutoPtr<Poco::Net::HTTPServerParams>(new Poco::Net::HTTPServerParams);
        params->setMaxThreads(4);
        server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this),
                                                          Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)),
                                                          params);
        server_->start();
    }
    ~Receiver() { server_->stopAll(true); }
    Receiver(const Receiver&) = delete;
    Receiver& operator=(const Receiver&) = delete;

    std::uint16_t port() const { return server_->port(); }
    /// Waits until the last seq arrived or `seconds` passed; true when it arrived.
    bool waitForAll(double seconds) {
        std::unique_lock<std::mutex> lock(mutex_);
        return done_.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return maxSeq_ >= lastSeq_; });
    }
    Clock::time_point firstPost() const { return firstPost_; }
    Clock::time_point lastPost() const { return lastPost_; }
    long long events() const { return events_; }
    long long posts() const { return posts_; }

private:
    void received(const std::string& body) {
        const long long n = eventsIn(body);
        const long long seq = nextAfter(body);
        std::lock_guard<std::mutex> lock(mutex_);
        const auto now = Clock::now();
        if (posts_++ == 0) {
            firstPost_ = now;
        }
        events_ += n;
        if (seq > maxSeq_) {
            maxSeq_ = seq;
            lastPost_ = now;
        }
        done_.notify_all();
    }

    class Handler final : public Poco::Net::HTTPRequestHandler {
    public:
        explicit Handler(Receiver& receiver) : receiver_(receiver) {}
        void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
            std::string body;
            Poco::StreamCopier::copyToString(request.stream(), body);
            receiver_.received(body);
            response.setContentLength(0);
            response.setStatus(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
            response.send();
        }

    private:
        Receiver& receiver_;
    };
    class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
    public:
        explicit Factory(Receiver& receiver) : receiver_(receiver) {}
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
            return new Handler(receiver_);
        }

    private:
        Receiver& receiver_;
    };

    const long long lastSeq_;
    std::mutex mutex_;
    std::condition_variable done_;
    long long maxSeq_ = 0;
    long long events_ = 0;
    long long posts_ = 0;
    Clock::time_point firstPost_{};
    Clock::time_point lastPost_{};
    std::unique_ptr<Poco::Net::HTTPServer> server_;  // last: its threads call received()
};

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

// Push: serve with one subscriber until the receiver has the feed's last seq. Pull baseline: one client paging
// through /v1/feed with limit = batch size (measured against the plain hub, just before).
void benchWebhook(const World& world, int batchSize, double pullSeconds, const fs::path& dir) {
    Receiver receiver(world.head);
    const std::string id = "bench-" + std::to_string(::getpid()) + "-" + std::to_string(batchSize);
    const fs::path config = webhookConfig(world, id, batchSize, receiver.port());
    const auto started = Clock::now();
    std::uint16_t port = 0;
    auto serve = startServe(config, dir / ("serve-" + id + ".log"), port);
    const double serveUp = secondsSince(started);
    if (!receiver.waitForAll(600)) {
        throw std::runtime_error("webhook " + id + ": only " + std::to_string(receiver.events()) +
                                 " events arrived in 600 s; see " + (dir / ("serve-" + id + ".log")).string());
    }
    const double total = std::chrono::duration<double>(receiver.lastPost() - started).count();
    const double posting = std::chrono::duration<double>(receiver.lastPost() - receiver.firstPost()).count();
    const double push = world.events / posting;
    const double pull = world.events / pullSeconds;
    std::printf("webhook batch_size %4d | %lld events in %lld POSTs, %.2f s from serve start (up in %.2f s), "
                "%.2f s from the first POST: %8.0f ev/s (%.0f from start) | pull /v1/feed limit=%d, one client: "
                "%8.0f ev/s | ratio push/pull %.3f\n",
                batchSize, receiver.events(), receiver.posts(), total, serveUp, posting, push,
                world.events / total, batchSize, pull, push / pull);
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
        else if (arg == "--threads") { options.threads = std::stoi(value()); }
        else if (arg == "--connections") { options.connections = std::stoi(value()); }
        else if (arg == "--duration") { options.duration = std::stoi(value()); }
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
    std::vector<double> pullSeconds;
    for (int batchSize : options.batchSizes) {
        pullSeconds.push_back(pullAll(port, world.readerToken, batchSize, &world.events, &world.head));
    }
    if (pullSeconds.empty()) {
        pullAll(port, world.readerToken, 1000, &world.events, &world.head);
    }
    std::printf("feed: %lld events, last seq %lld%s; wrk -t%d -c%d -d%ds, %d round(s) alternating, best round "
                "shown; nginx %u workers\n",
                world.events, world.head, world.events == world.head ? " (dense)" : " (with gaps)", options.threads,
                options.connections, options.duration, options.rounds,
                std::max(2u, std::thread::hardware_concurrency()));
    if (!options.skipFeed) {
        for (int limit : options.limits) {
            benchLimit(options, world, port, limit, dir);
        }
    }
    serve->stop();
    if (!options.skipWebhooks) {
        for (std::size_t i = 0; i < options.batchSizes.size(); ++i) {
            benchWebhook(world, options.batchSizes[i], pullSeconds[i], dir);
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
