// tests/support/webdriver.cpp — W3C WebDriver over Poco HTTP with RapidJSON; chromedriver runs as a child.
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/webdriver.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/common/json.h"

namespace finsam::testing {

namespace fs = std::filesystem;

namespace {

// The key W3C WebDriver names an element reference by.
constexpr const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";

std::uint16_t freePort() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    std::uint16_t port = socket.address().port();
    socket.close();
    return port;
}

std::string toJson(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string elementOf(const rapidjson::Value& value) {
    if (!value.IsObject() || !value.HasMember(kElementKey) || !value[kElementKey].IsString()) {
        throw WebDriverError("unexpected answer", "not an element reference: " + toJson(value));
    }
    return value[kElementKey].GetString();
}

rapidjson::Document parseJson(const std::string& text) {
    rapidjson::Document document;
    document.Parse(text.c_str(), text.size());
    if (document.HasParseError()) {
        throw WebDriverError("unexpected answer", "not JSON: " + text.substr(0, 300));
    }
    return document;
}

using Clock = std::chrono::steady_clock;

Clock::time_point deadlineIn(double seconds) {
    return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

}  // namespace

std::string webDriverMissing() {
    std::string missing;
    for (const char* binary : {kChromedriverBinary, kChromiumBinary}) {
        if (::access(binary, X_OK) != 0) {
            missing += (missing.empty() ? "" : " and ") + std::string(binary);
        }
    }
    if (missing.empty()) {
        return "";
    }
    return missing + " not found: the admin page test drives headless Chromium; install Debian's chromium and "
                     "chromium-driver with scripts/setup-deps.sh --tests (CI installs them)";
}

WebDriver::WebDriver() {
    if (auto missing = webDriverMissing(); !missing.empty()) {
        throw WebDriverError("not installed", missing);
    }
    port_ = freePort();
    logFile_ = (fs::temp_directory_path() / ("finsam-chromedriver-" + std::to_string(::getpid()) + "-" +
                                             std::to_string(port_) + ".log"))
                   .string();
    // exec through sh only to send both streams to a file; the pid is chromedriver's own.
    const std::string commandLine = "exec " + std::string(kChromedriverBinary) + " --port=" + std::to_string(port_) +
                                    " >" + logFile_ + " 2>&1";
    driver_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", {"-c", commandLine}));
    driverRunning_ = true;
    try {
        auto deadline = deadlineIn(15);
        for (;;) {
            try {
                auto status = parseJson(command("GET", "/status", "", false, 2));
                if (status.IsObject() && status.HasMember("ready") && status["ready"].IsTrue()) {
                    break;
                }
            } catch (const Poco::Exception&) {
                // not listening yet
            }
            if (Clock::now() > deadline || driver_->tryWait() != -1) {
                driverRunning_ = driver_->tryWait() == -1;
                throw WebDriverError("session not created", "chromedriver did not become ready: " + driverLog());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        const std::string capabilities =
            R"({"capabilities":{"alwaysMatch":{"browserName":"chrome","pageLoadStrategy":"normal",)"
            R"("goog:chromeOptions":{"binary":)" + common::jsonQuote(kChromiumBinary) +
            R"(,"args":["--headless=new","--no-sandbox","--disable-gpu","--disable-dev-shm-usage",)"
            R"("--window-size=1280,1400","--lang=sv-SE","--no-first-run","--no-default-browser-check"]}}}})";
        auto session = parseJson(command("POST", "/session", capabilities, false, 90));
        if (!session.IsObject() || !session.HasMember("sessionId") || !session["sessionId"].IsString()) {
            throw WebDriverError("session not created", toJson(session));
        }
        session_ = session["sessionId"].GetString();
    } catch (...) {
        shutdown();
        throw;
    }
}

WebDriver::~WebDriver() {
    shutdown();
}

void WebDriver::shutdown() {
    if (!session_.empty()) {
        try {
            command("DELETE", "", "", true, 15);  // closes Chromium
        } catch (const std::exception&) {
            // chromedriver is stopped below either way
        }
        session_.clear();
    }
    if (driverRunning_) {
        ::kill(driver_->id(), SIGTERM);
        auto deadline = deadlineIn(5);
        while (driver_->tryWait() == -1) {
            if (Clock::now() > deadline) {
                ::kill(driver_->id(), SIGKILL);
                driver_->wait();
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        driverRunning_ = false;
    }
    if (!logFile_.empty()) {
        std::error_code ignored;
        fs::remove(logFile_, ignored);
        logFile_.clear();
    }
}

std::string WebDriver::driverLog() const {
    std::ifstream in(logFile_, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string WebDriver::command(const std::string& method, const std::string& path, const std::string& body,
                               bool sessionScoped, int timeoutSeconds) {
    const std::string target = sessionScoped ? "/session/" + session_ + path : path;
    Poco::Net::HTTPClientSession http("127.0.0.1", port_);
    http.setTimeout(Poco::Timespan(timeoutSeconds, 0));
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    const std::string payload = method == "POST" && body.empty() ? "{}" : body;
    if (method == "POST") {
        request.setContentType("application/json; charset=utf-8");
        request.setContentLength(static_cast<std::streamsize>(payload.size()));
    }
    std::ostream& out = http.sendRequest(request);
    if (method == "POST") {
        out << payload;
    }
    Poco::Net::HTTPResponse response;
    std::istream& in = http.receiveResponse(response);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    auto document = parseJson(text);
    if (!document.IsObject() || !document.HasMember("value")) {
        throw WebDriverError("unexpected answer", method + " " + target + ": " + text.substr(0, 300));
    }
    const auto& value = document["value"];
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK ||
        (value.IsObject() && value.HasMember("error") && value["error"].IsString())) {
        std::string error = value.IsObject() && value.HasMember("error") && value["error"].IsString()
                                ? value["error"].GetString()
                                : "http " + std::to_string(static_cast<int>(response.getStatus()));
        std::string message = value.IsObject() && value.HasMember("message") && value["message"].IsString()
                                  ? value["message"].GetString()
                                  : text.substr(0, 300);
        throw WebDriverError(error, method + " " + path + ": " + message.substr(0, 500));
    }
    return toJson(value);
}

void WebDriver::navigate(const std::string& url) {
    command("POST", "/url", "{\"url\":" + common::jsonQuote(url) + "}");
}

std::string WebDriver::findElement(const std::string& css) {
    auto value = parseJson(
        command("POST", "/element", "{\"using\":\"css selector\",\"value\":" + common::jsonQuote(css) + "}"));
    return elementOf(value);
}

std::vector<std::string> WebDriver::findElements(const std::string& css) {
    auto value = parseJson(
        command("POST", "/elements", "{\"using\":\"css selector\",\"value\":" + common::jsonQuote(css) + "}"));
    std::vector<std::string> elements;
    if (value.IsArray()) {
        for (const auto& item : value.GetArray()) {
            elements.push_back(elementOf(item));
        }
    }
    return elements;
}

void WebDriver::click(const std::string& element) {
    command("POST", "/element/" + element + "/click");
}

void WebDriver::clear(const std::string& element) {
    command("POST", "/element/" + element + "/clear");
}

void WebDriver::sendKeys(const std::string& element, const std::string& text) {
    command("POST", "/element/" + element + "/value", "{\"text\":" + common::jsonQuote(text) + "}");
}

std::string WebDriver::text(const std::string& element) {
    auto value = parseJson(command("GET", "/element/" + element + "/text"));
    return value.IsString() ? value.GetString() : "";
}

bool WebDriver::displayed(const std::string& element) {
    auto value = parseJson(command("GET", "/element/" + element + "/displayed"));
    return value.IsTrue();
}

std::string WebDriver::waitFor(const std::string& css, double seconds) {
    auto deadline = deadlineIn(seconds);
    for (;;) {
        try {
            for (const auto& element : findElements(css)) {
                if (displayed(element)) {
                    return element;
                }
            }
        } catch (const WebDriverError& e) {
            if (e.error() != "stale element reference" && e.error() != "no such element") {
                throw;
            }
        }
        if (Clock::now() > deadline) {
            throw WebDriverError("timeout", "no displayed element matches " + css + " after " +
                                                std::to_string(seconds) + " s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

bool WebDriver::waitUntil(const std::string& script, double seconds) {
    auto deadline = deadlineIn(seconds);
    for (;;) {
        if (executeScript(script) == "true") {
            return true;
        }
        if (Clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

std::string WebDriver::executeScript(const std::string& script, const std::string& argsJson) {
    return command("POST", "/execute/sync", "{\"script\":" + common::jsonQuote(script) + ",\"args\":" + argsJson + "}");
}

std::string WebDriver::screenshot() {
    auto value = parseJson(command("GET", "/screenshot"));
    if (!value.IsString()) {
        throw WebDriverError("unexpected answer", "a screenshot is a base64 string");
    }
    std::istringstream encoded(std::string(value.GetString(), value.GetStringLength()));
    Poco::Base64Decoder decoder(encoded);
    std::string png;
    Poco::StreamCopier::copyToString(decoder, png);
    return png;
}

}  // namespace finsam::testing
