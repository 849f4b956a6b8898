// tests/bench/feed_bench_tools.h — what bench_feed drives: child processes (finsam-hub, nginx, wrk), plain HTTP
// GETs, and feed pages read without a full JSON parse.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace Poco::Net {
class HTTPClientSession;
}

namespace finsam::bench {

namespace fs = std::filesystem;

std::string readFile(const fs::path& path);
/// Creates the parent folders; sets `perms` unless none.
void writeFile(const fs::path& path, const std::string& text, fs::perms perms = fs::perms::none);

/// The tool's full path from PATH, then the sbin folders (nginx lives in /usr/sbin), or "".
std::string findTool(const std::string& name);

/// A process with stdout and stderr in `log`; stopped (SIGTERM, after 10 s SIGKILL) when destroyed.
class Child {
public:
    Child(const std::vector<std::string>& argv, const fs::path& log);
    ~Child() { stop(); }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    bool running();
    /// Waits for the exit; the exit code, or -1 when a signal ended it.
    int wait();
    void stop();

private:
    pid_t pid_ = 0;
    int status_ = 0;
    bool exited_ = false;
};

/// Runs argv to completion; throws with the end of its log on a non-zero exit.
void run(const std::vector<std::string>& argv, const fs::path& log);

/// A port on 127.0.0.1 free a moment ago (for nginx, which cannot report the one it got).
std::uint16_t freePort();

/// `finsam-hub serve --config config --listen 127.0.0.1:0`, its log in `log`; `port` read from the log's
/// "listening on" line. Throws with the log when it exits or stays silent for 30 s.
std::unique_ptr<Child> startServe(const fs::path& config, const fs::path& log, std::uint16_t& port);

/// nginx on 127.0.0.1:port serving the files of `root`, with its own config, pid file and temp folders in `dir`:
/// worker_processes = cores (at least 2), access_log off, default_type application/json.
std::unique_ptr<Child> startNginx(const fs::path& dir, const fs::path& root, std::uint16_t port);

struct Fetched {
    int status = 0;
    std::string body;
};

/// GET target on the session (kept alive), with a bearer token unless empty.
Fetched httpGet(Poco::Net::HTTPClientSession& session, const std::string& target, const std::string& token);
/// The same on a new connection to 127.0.0.1:port.
Fetched httpGet(std::uint16_t port, const std::string& target, const std::string& token = "");

/// Events in a /v1/feed page: each one opens with {"seq": (core/feed/feed_json.cpp).
long long eventsIn(const std::string& page);
/// The page's next_after, or -1.
long long nextAfter(const std::string& page);

/// What wrk measured; bytes per second as wrk reports them (headers included).
struct WrkResult {
    double requestsPerSecond = 0;
    double bytesPerSecond = 0;
    long long badResponses = 0;  ///< non-2xx/3xx answers and socket errors
};

struct WrkLoad {
    int threads = 2;
    int connections = 16;
    int seconds = 10;
};

/// wrk -t -c -d [-H "Authorization: Bearer token"] [-s script] url, its output kept in `log`.
WrkResult runWrk(const WrkLoad& load, const std::string& url, const std::string& token, const fs::path& script,
                 const fs::path& log);

}  // namespace finsam::bench
