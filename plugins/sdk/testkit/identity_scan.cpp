// plugins/sdk/testkit/identity_scan.cpp — architecture §3: a clear number never reaches a message
// or a log.
// SPDX-License-Identifier: Apache-2.0
#include "identity_scan.h"

#include <regex>

namespace finsam::sdk::testkit {

namespace {

const std::regex& identityPattern() {
    // YYMMDD or YYYYMMDD, optional '-' or '+', NNNC; digits on neither side.
    static const std::regex pattern("(^|[^0-9])((?:[0-9]{2})?[0-9]{6}[-+]?[0-9]{4})(?![0-9])");
    return pattern;
}

}  // namespace

std::vector<std::string> findIdentityLike(std::string_view text) {
    std::vector<std::string> found;
    const std::string subject(text);
    for (auto it = std::sregex_iterator(subject.begin(), subject.end(), identityPattern());
         it != std::sregex_iterator(); ++it) {
        found.push_back((*it)[2].str());
    }
    return found;
}

std::string maskIdentityLike(std::string_view text) {
    return std::regex_replace(std::string(text), identityPattern(), "$1[pnr]");
}

::testing::AssertionResult messagesFreeOfIdentities(const Collected& collected) {
    std::vector<std::string> where;
    for (std::size_t i = 0; i < collected.problems.size(); ++i) {
        if (!findIdentityLike(collected.problems[i].message).empty()) {
            where.push_back("problem " + std::to_string(i) + " (line " +
                            std::to_string(collected.problems[i].position.line) + ")");
        }
    }
    for (std::size_t i = 0; i < collected.rejections.size(); ++i) {
        if (!findIdentityLike(collected.rejections[i].message).empty()) {
            where.push_back("rejection " + std::to_string(i));
        }
    }
    for (std::size_t i = 0; i < collected.warnings.size(); ++i) {
        if (!findIdentityLike(collected.warnings[i]).empty()) {
            where.push_back("warning " + std::to_string(i));
        }
    }
    if (where.empty()) {
        return ::testing::AssertionSuccess();
    }
    auto failure = ::testing::AssertionFailure() << "identity-shaped text in:";
    for (const auto& w : where) {
        failure << " " << w;
    }
    return failure;
}

}  // namespace finsam::sdk::testkit
