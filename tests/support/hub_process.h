// tests/support/hub_process.h — runs the real finsam-hub binary: one-shot commands and a serving daemon.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Process.h>
#include <rapidjson/document.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace finsam::testing {

struct CommandResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Polls `condition` every 100 ms until it holds or `seconds` pass; its last answer.
bool waitUntil(const std::function<bool()>& condition, double seconds);

/// Runs `finsam-hub args...` to completion and captures both streams.
CommandResult runHub(const std::vector<std::string>& args);

/// `finsam-hub serve --config FILE --listen 127.0.0.1:0`, waiting until it logs its port.
class ServeProcess {
public:
    explicit ServeProcess(const std::string& configFile, const std::vector<std::string>& extraArgs = {});
    ~ServeProcess();

    std::uint16_t port() const { return port_; }
    /// Everything the daemon wrote to stderr so far (its JSON log lines).
    std::string log() const;
    /// Waits until the log contains `text` or `seconds` pass.
    bool waitForLog(const std::string& text, double seconds) const;
    int pid() const { return static_cast<int>(handle_->id()); }
    /// Sends `signal` (e.g. SIGHUP) and returns at once.
    void signal(int signal) const;
    /// SIGTERM and wait; returns the exit code.
    int stop();
    /// SIGKILL and wait.
    void kill();

private:
    std::unique_ptr<Poco::ProcessHandle> handle_;
    std::thread reader_;
    mutable std::mutex mutex_;
    std::string log_;
    std::uint16_t port_ = 0;
    bool running_ = false;
};

/// A finished HTTP exchange.
struct HttpResponse {
    int status = 0;
    std::string body;
    std::string contentType;
};

/// A JSON answer parsed; a parse error is a test failure naming the text's start.
rapidjson::Document parseJsonBody(const std::string& text);

/// POST http://127.0.0.1:port + target with a bearer token and a JSON body (may be empty).
HttpResponse httpPost(std::uint16_t port, const std::string& target, const std::string& token,
                      const std::string& body = "");

/// GET http://127.0.0.1:port + target with an optional bearer token and Accept header.
HttpResponse httpGet(std::uint16_t port, const std::string& target, const std::string& token = "",
                     const std::string& accept = "");

}  // namespace finsam::testing
