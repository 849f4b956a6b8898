// tests/bench/feed_bench_tools.cpp — posix_spawn'd children with their output in a log file, Poco HTTP GETs,
// wrk's summary parsed.
// SPDX-License-Identifier: Apache-2.0
#include "feed_bench_tools.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace finsam::bench {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFile(const fs::path& path, const std::string& text, fs::perms perms) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    if (perms != fs::perms::none) {
        fs::permissions(path, perms);
    }
}

std::string findTool(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(std::string(path != nullptr ? path : "") + ":/usr/local/sbin:/usr/sbin:/sbin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (!dir.empty() && ::access((fs::path(dir) / name).c_str(), X_OK) == 0) {
            return (fs::path(dir) / name).string();
        }
    }
    return "";
}

Child::Child(const std::vector<std::string>& argv, const fs::path& log) {
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
        throw std::runtime_error("cannot start " + argv[0] + " (log " + log.string() + ")");
    }
}

bool Child::running() {
    if (!exited_ && waitpid(pid_, &status_, WNOHANG) == pid_) {
        exited_ = true;
    }
    return !exited_;
}

int Child::wait() {
    if (!exited_) {
        waitpid(pid_, &status_, 0);
        exited_ = true;
    }
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
}

void Child::stop() {
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

void run(const std::vector<std::string>& argv, const fs::path& log) {
    Child child(argv, log);
    if (child.wait() != 0) {
        const std::string text = readFile(log);
        throw std::runtime_error(fs::path(argv[0]).filename().string() + " " + argv[1] + " failed: " +
                                 text.substr(text.size() - std::min<std::size_t>(text.size(), 600)));
    }
}

std::uint16_t freePort() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket.address().port();
}

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

Fetched httpGet(std::uint16_t port, const std::string& target, const std::string& token) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    return httpGet(session, target, token);
}

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

namespace {

// wrk's binary units: 1.5MB = 1.5 * 1024^2 bytes.
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

long long sumOf(const std::string& text, const std::regex& pattern) {
    std::smatch match;
    long long sum = 0;
    if (std::regex_search(text, match, pattern)) {
        for (std::size_t i = 1; i < match.size(); ++i) {
            sum += std::stoll(match[i]);
        }
    }
    return sum;
}

}  // namespace

WrkResult runWrk(const WrkLoad& load, const std::string& url, const std::string& token, const fs::path& script,
                 const fs::path& log) {
    std::vector<std::string> argv{findTool("wrk"), "-t", std::to_string(load.threads), "-c",
                                  std::to_string(load.connections), "-d", std::to_string(load.seconds) + "s"};
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
        throw std::runtime_error("no Requests/sec in wrk's output: " + text);
    }
    result.requestsPerSecond = std::stod(match[1]);
    if (std::regex_search(text, match, std::regex("Transfer/sec:\\s*([0-9.]+)([KMGT]?B)"))) {
        result.bytesPerSecond = withUnit(match[1], match[2]);
    }
    result.badResponses = sumOf(text, std::regex("Non-2xx or 3xx responses:\\s*([0-9]+)")) +
                          sumOf(text, std::regex("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), "
                                                 "timeout ([0-9]+)"));
    return result;
}

}  // namespace finsam::bench
