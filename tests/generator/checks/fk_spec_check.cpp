// tests/generator/checks/fk_spec_check.cpp — reads an FK batch strictly by fk-fixed.md.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/checks/fk_spec_check.h"

#include "core/identity/personnummer.h"

#include <Poco/Latin1Encoding.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>

#include <chrono>
#include <set>

namespace finsam::generator::checks {
namespace {

bool digits(const std::string& text) {
    return !text.empty() &&
           text.find_first_not_of("0123456789") == std::string::npos;
}

bool validCompactDate(const std::string& text) {
    if (text.size() != 8 || !digits(text)) {
        return false;
    }
    const std::chrono::year_month_day day{
        std::chrono::year{std::stoi(text.substr(0, 4))},
        std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(4, 2)))},
        std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(6, 2)))}};
    return day.ok();
}

std::string latin1ToUtf8(const std::string& bytes) {
    Poco::Latin1Encoding latin1;
    Poco::UTF8Encoding utf8;
    std::string out;
    Poco::TextConverter(latin1, utf8).convert(bytes, out);
    return out;
}

void checkBytes(const std::string& bytes, FkFile& file) {
    if (bytes.empty() || bytes.back() != '\n') {
        file.violations.push_back("the file does not end with LF");
    }
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b == '\r') {
            file.violations.push_back("CR in an LF file");
            return;
        }
        // ISO-8859-1 text: printable ASCII or a Latin-1 letter; never the two bytes of UTF-8.
        if (b != '\n' && (b < 0x20 || (b >= 0x7F && b < 0xA0))) {
            file.violations.push_back("control byte " + std::to_string(b));
            return;
        }
        if (b >= 0xC2 && b <= 0xF4 && i + 1 < bytes.size()) {
            const auto next = static_cast<unsigned char>(bytes[i + 1]);
            if (next >= 0x80 && next <= 0xBF) {
                file.violations.push_back("a UTF-8 sequence");
                return;
            }
        }
    }
}

std::vector<std::string> lines(const std::string& bytes) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < bytes.size()) {
        const std::size_t end = bytes.find('\n', start);
        if (end == std::string::npos) {
            out.push_back(bytes.substr(start));
            break;
        }
        out.push_back(bytes.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

void reject(FkFile& file, const char* reason, std::size_t line) {
    if (file.rejectReason.empty()) {
        file.rejectReason = reason;
        file.rejectLine = line;
    }
}

void checkDetail(FkFile& file, const std::string& line, std::size_t number) {
    static const std::set<std::string> kCodes = {"SJP", "RHP", "AKE", "SJE"};
    static const std::set<std::string> kDegrees = {"025", "050", "075", "100"};
    FkDetailRecord d;
    d.line = number;
    d.personnummer = line.substr(1, 12);
    d.formanskod = latin1ToUtf8(line.substr(13, 3));
    d.from = line.substr(19, 8);
    d.tom = line.substr(27, 8) == "        " ? "" : line.substr(27, 8);
    d.arendeId = line.substr(35, 16);
    d.andring = line[51];
    d.skyddad = line[52] == 'S';
    auto problem = [&](const char* reason) { file.problems.push_back({number, reason}); };
    const auto reference = std::chrono::year_month_day{std::chrono::year{2100}, std::chrono::month{1},
                                                       std::chrono::day{1}};
    if (!digits(d.personnummer) || !identity::parsePersonnummer(d.personnummer, reference).ok) {
        problem("invalid_personnummer");
    } else if (kCodes.count(d.formanskod) == 0) {
        problem("unknown_code");
    } else if (!validCompactDate(d.from) || (!d.tom.empty() && !validCompactDate(d.tom))) {
        problem("bad_date");
    } else if (!d.tom.empty() && d.tom < d.from) {
        problem("end_before_start");
    } else {
        if (kDegrees.count(line.substr(16, 3)) == 0 || (d.andring != 'N' && d.andring != 'A' &&
                                                       d.andring != 'M') ||
            (line[52] != 'S' && line[52] != ' ') ||
            line.find_first_not_of(' ', 53) != std::string::npos) {
            file.violations.push_back("detail on line " + std::to_string(number) + " malformed");
        }
        d.omfattning = std::stoi(line.substr(16, 3));
        file.details.push_back(d);
    }
}

}  // namespace

FkFile checkFkFile(const std::string& path, const std::string& bytes) {
    FkFile file;
    file.path = path;
    checkBytes(bytes, file);
    const std::vector<std::string> all = lines(bytes);
    bool header = false;
    bool trailer = false;
    std::int64_t count = 0;
    std::int64_t sum = 0;
    std::int64_t trailerCount = -1;
    std::int64_t trailerSum = -1;
    std::size_t trailerLine = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string& line = all[i];
        const std::size_t number = i + 1;
        if (line.size() != 100) {
            reject(file, "line_length", number);
            break;
        }
        const char kind = line[0];
        if (kind == 'H' && i == 0) {
            header = true;
            file.created = line.substr(11, 14);
            file.batch = digits(line.substr(25, 8)) ? std::stoll(line.substr(25, 8)) : -1;
            file.receiver = line.substr(33, 10);
            if (line.substr(1, 10) != "2021005521" || !digits(file.created) ||
                !validCompactDate(file.created.substr(0, 8)) || file.batch < 0 ||
                line.find_first_not_of(' ', 43) != std::string::npos) {
                file.violations.push_back("malformed header");
            }
        } else if (!header || trailer || (kind != 'D' && kind != 'T')) {
            reject(file, "out_of_order", number);
            break;
        } else if (kind == 'D') {
            ++count;
            if (digits(line.substr(16, 3))) {
                sum += std::stoll(line.substr(16, 3));
            }
        } else {
            trailer = true;
            trailerLine = number;
            trailerCount = std::stoll(line.substr(1, 9));
            trailerSum = std::stoll(line.substr(10, 12));
        }
    }
    file.detailLines = 0;
    for (const std::string& line : all) {
        file.detailLines += !line.empty() && line[0] == 'D' ? 1 : 0;
    }
    if (!header) {
        reject(file, "missing_header", 1);
    } else if (!trailer) {
        reject(file, "missing_trailer", all.size());
    } else if (trailerCount != count) {
        reject(file, "count_mismatch", trailerLine);
    } else if (trailerSum != sum) {
        reject(file, "sum_mismatch", trailerLine);
    }
    if (!file.rejectReason.empty()) {
        return file;
    }
    for (std::size_t i = 1; i + 1 < all.size(); ++i) {
        checkDetail(file, all[i], i + 1);
    }
    return file;
}

}  // namespace finsam::generator::checks
