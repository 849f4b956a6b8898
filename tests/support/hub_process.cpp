// tests/support/hub_process.cpp — Poco::Process with pipes read on threads (no deadlock on full pipes).
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/hub_process.h"

#include <gtest/gtest.h>

#include "tests/support/leak_scan.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>

#include <chrono>
#include <csignal>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace finsam::testing {

namespace {

std::string drain(Poco::Pipe& pipe) {
    Poco::PipeInputStream in(pipe);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    return text;
}

}  // namespace

bool waitUntil(const std::function<bool()>& condition, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return condition();
}

CommandResult runHub(const std::vector<std::string>& args) {
    Poco::Pipe outPipe, errPipe;
    Poco::ProcessHandle handle = Poco::Process::launch(FINSAM_HUB_BINARY, args, nullptr, &outPipe, &errPipe);
    CommandResult result;
    std::thread errReader([&] { result.err = drain(errPipe); });
    result.out = drain(outPipe);
    errReader.join();
    result.exitCode = handle.wait();
    return result;
}

ServeProcess::ServeProcess(const std::string& configFile, const std::vector<std::string>& extraArgs) {
    Poco::Pipe errPipe;
    std::vector<std::string> args = {"serve", "--config", configFile, "--listen", "127.0.0.1:0"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    handle_ = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(FINSAM_HUB_BINARY, args, nullptr, nullptr, &errPipe));
    running_ = true;
    reader_ = std::thread([this, errPipe]() mutable {
        Poco::PipeInputStream in(errPipe);
        std::string line;
        while (std::getline(in, line)) {
            std::lock_guard<std::mutex> lock(mutex_);
            log_ += line + "\n";
        }
    });
    if (!waitForLog("listening on", 30)) {
        kill();
        throw std::runtime_error("finsam-hub serve did not start: " + log());
    }
    std::smatch match;
    std::string text = log();
    if (std::regex_search(text, match, std::regex("listening on [^:]+:([0-9]+)"))) {
        port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
    }
}

ServeProcess::~ServeProcess() {
    if (running_) {
        kill();
    }
    if (reader_.joinable()) {
        reader_.join();
    }
}

std::string ServeProcess::log() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
}

bool ServeProcess::waitForLog(const std::string& text, double seconds) const {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (log().find(text) != std::string::npos) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

void ServeProcess::signal(int signal) const { ::kill(handle_->id(), signal); }

int ServeProcess::stop() {
    ::kill(handle_->id(), SIGTERM);
    int code = handle_->wait();
    running_ = false;
    if (reader_.joinable()) {
        reader_.join();
    }
    return code;
}

void ServeProcess::kill() {
    ::kill(handle_->id(), SIGKILL);
    handle_->wait();
    running_ = false;
}

rapidjson::Document parseJsonBody(const std::string& text) {
    rapidjson::Document document;
    document.Parse(text.c_str());
    EXPECT_FALSE(document.HasParseError()) << text.substr(0, 300);
    return document;
}

HttpResponse httpPost(std::uint16_t port, const std::string& target, const std::string& token,
                      const std::string& body) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, target, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + token);
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    HttpResponse result;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), result.body);
    result.status = static_cast<int>(response.getStatus());
    result.contentType = response.getContentType();
    return result;
}

HttpResponse httpGet(std::uint16_t port, const std::string& target, const std::string& token,
                     const std::string& accept) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, target, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) {
        request.set("Authorization", "Bearer " + token);
    }
    if (!accept.empty()) {
        request.set("Accept", accept);
    }
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& body = session.receiveResponse(response);
    HttpResponse result;
    result.status = static_cast<int>(response.getStatus());
    result.contentType = response.getContentType();
    Poco::StreamCopier::copyToString(body, result.body);
    // Every API answer any test reads is scanned: no identity number and no token may ever be in one.
    for (const auto& number : validIdentityNumbersIn(result.body)) {
        ADD_FAILURE() << target << " answered a valid personnummer-shaped value (" << number.size() << " characters)";
    }
    if (!testTokensIn(result.body).empty()) {
        ADD_FAILURE() << target << " answered a bearer token";
    }
    return result;
}

}  // namespace finsam::testing
