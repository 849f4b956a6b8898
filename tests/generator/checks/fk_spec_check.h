// tests/generator/checks/fk_spec_check.h — reads an FK batch strictly by fk-fixed.md, written
// apart from the generator.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace finsam::generator::checks {

struct FkDetailRecord {
    std::size_t line = 0;
    std::string personnummer;
    std::string formanskod;  ///< UTF-8
    int omfattning = 0;
    std::string from;  ///< YYYYMMDD
    std::string tom;   ///< YYYYMMDD or "" (ongoing)
    std::string arendeId;
    char andring = ' ';
    bool skyddad = false;
};

struct FkLineProblem {
    std::size_t line = 0;
    std::string reason;
};

struct FkFile {
    std::string path;
    std::vector<std::string> violations;  ///< byte-level breaks a generator must never make
    std::string rejectReason;             ///< the whole file refused: line_length, ...
    std::size_t rejectLine = 0;
    std::int64_t batch = -1;
    std::string created;   ///< YYYYMMDDhhmmss
    std::string receiver;
    std::int64_t detailLines = 0;
    std::vector<FkDetailRecord> details;    ///< readable details (a file not rejected)
    std::vector<FkLineProblem> problems;    ///< details a hub quarantines on their own
};

/// Checks the bytes (ISO-8859-1 text, LF only), the structure (header first, details, trailer
/// last with count and omfattning sum, every line 100 characters) in the order a reader meets
/// them, then each detail.
FkFile checkFkFile(const std::string& path, const std::string& bytes);

}  // namespace finsam::generator::checks
