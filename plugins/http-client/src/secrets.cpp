// plugins/http-client/src/secrets.cpp — a connector config points at its secret; this reads it. Messages
// name the variable or file, never what it holds.
// SPDX-License-Identifier: Apache-2.0
#include "finsam/http_client/secrets.h"

#include "file_read.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace finsam::http_client {

namespace {

constexpr const char* kWhitespace = " \t\r\n\v\f";

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(kWhitespace);
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(kWhitespace) - first + 1);
}

std::string fromEnvironment(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) {
        throw std::runtime_error("secret: environment variable " + name + " is not set");
    }
    std::string secret = trimmed(value);
    if (secret.empty()) {
        throw std::runtime_error("secret: environment variable " + name + " is empty");
    }
    return secret;
}

std::string fromFile(const std::string& file, const std::string& baseDir) {
    std::filesystem::path path(file);
    if (path.is_relative() && !baseDir.empty()) {
        path = std::filesystem::path(baseDir) / path;
    }
    std::string error;
    auto content = sdk::toolkit::readPrivateFile(path, error);
    if (!content) {
        throw std::runtime_error("secret: file " + path.string() + " " +
                                 (error.rfind("is ", 0) == 0 ? error : "cannot be read: " + error));
    }
    std::string secret = trimmed(*content);
    if (secret.empty()) {
        throw std::runtime_error("secret: file " + path.string() + " is empty");
    }
    return secret;
}

}  // namespace

std::string readSecret(const SecretSource& source, const std::string& baseDir) {
    if (source.env.empty() == source.file.empty()) {
        throw std::runtime_error(source.env.empty() ? "secret: name either \"env\" or \"file\""
                                                    : "secret: name \"env\" or \"file\", not both");
    }
    return source.env.empty() ? fromFile(source.file, baseDir) : fromEnvironment(source.env);
}

}  // namespace finsam::http_client
