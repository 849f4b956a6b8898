// tests/support/webdriver.h — a tiny W3C WebDriver client: starts chromedriver, drives one headless Chromium.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Process.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace finsam::testing {

inline constexpr const char* kChromedriverBinary = "/usr/bin/chromedriver";
inline constexpr const char* kChromiumBinary = "/usr/bin/chromium";

/// An error answer of the driver: `error` is the W3C error code ("no such element", "stale element reference").
class WebDriverError : public std::runtime_error {
public:
    WebDriverError(std::string error, const std::string& message)
        : std::runtime_error(error + ": " + message), error_(std::move(error)) {}
    const std::string& error() const { return error_; }

private:
    std::string error_;
};

/// "" when chromedriver and Chromium are installed; else what is missing and how to install it.
std::string webDriverMissing();

/// One chromedriver child process on a free loopback port with one headless Chromium session.
/// Elements are the driver's element ids (strings). Throws WebDriverError on an error answer.
class WebDriver {
public:
    WebDriver();
    ~WebDriver();
    WebDriver(const WebDriver&) = delete;
    WebDriver& operator=(const WebDriver&) = delete;

    void navigate(const std::string& url);
    /// The first element matching the CSS selector; throws WebDriverError("no such element") when none.
    std::string findElement(const std::string& css);
    std::vector<std::string> findElements(const std::string& css);
    void click(const std::string& element);
    void clear(const std::string& element);
    void sendKeys(const std::string& element, const std::string& text);
    /// The rendered text (innerText) of an element.
    std::string text(const std::string& element);
    bool displayed(const std::string& element);
    /// Polls until an element matching `css` exists and is displayed; returns it, or throws after `seconds`.
    std::string waitFor(const std::string& css, double seconds);
    /// Polls `script` (a function body) until it returns true; false after `seconds`.
    bool waitUntil(const std::string& script, double seconds);
    /// Runs `script` (a function body, `arguments` holds `argsJson`) and returns its result as JSON text.
    std::string executeScript(const std::string& script, const std::string& argsJson = "[]");
    /// A PNG of the viewport (decoded from the driver's base64).
    std::string screenshot();
    /// What chromedriver wrote so far (for failure messages).
    std::string driverLog() const;

private:
    /// One command: method, path under /session/{id} (or absolute when `sessionScoped` is false), JSON body.
    /// Returns the JSON text of the answer's "value".
    std::string command(const std::string& method, const std::string& path, const std::string& body = "",
                        bool sessionScoped = true, int timeoutSeconds = 60);
    void shutdown();

    std::unique_ptr<Poco::ProcessHandle> driver_;
    bool driverRunning_ = false;
    std::string logFile_;  ///< chromedriver's stdout and stderr (a file: Chromium inherits it, a pipe would block)
    std::uint16_t port_ = 0;
    std::string session_;
};

}  // namespace finsam::testing
