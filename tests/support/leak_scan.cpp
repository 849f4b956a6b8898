// tests/support/leak_scan.cpp — plain substring search over every spelling; no regex on megabytes.
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/leak_scan.h"

#include "csv_reader.h"
#include "core/identity/personnummer.h"
#include "tests/support/hub_fixture.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace finsam::testing {

std::set<std::string> numbersInFolder(const std::string& dir) {
    std::set<std::string> numbers;
    std::regex pattern("(?:^|[^0-9])((?:19|20)[0-9]{6})-([0-9]{4})(?![0-9])");
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::string text = fileBytes(entry.path().string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
            numbers.insert((*it)[1].str() + (*it)[2].str());
        }
    }
    return numbers;
}

std::vector<std::string> validIdentityNumbersIn(const std::string& text) {
    std::vector<std::string> found;
    auto isDigit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    // A number stands alone: a digit run inside a word (a hex id, a key) is not one.
    auto isWordChar = [&](std::size_t i) { return i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])); };
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isDigit(i) || (i > 0 && isWordChar(i - 1))) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (isDigit(end)) {
            ++end;
        }
        const std::size_t run = end - i;
        std::size_t candidateEnd = 0;
        if (isWordChar(end) && !(run == 6 || run == 8)) {
            candidateEnd = 0;
        } else if (run == 10 || run == 12) {
            candidateEnd = end;
        } else if ((run == 6 || run == 8) && end < text.size() && (text[end] == '-' || text[end] == '+')) {
            std::size_t tail = end + 1;
            while (isDigit(tail)) {
                ++tail;
            }
            candidateEnd = tail - end - 1 == 4 && !isWordChar(tail) ? tail : 0;
        }
        if (candidateEnd != 0) {
            std::string candidate = text.substr(i, candidateEnd - i);
            if (identity::parsePersonnummer(candidate).ok) {
                found.push_back(candidate);
            }
        }
        i = end;
    }
    return found;
}

std::set<std::string> afNamesInFolder(const std::string& dir) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".csv") {
            continue;
        }
        std::string text = fileBytes(entry.path().string());
        sdk::toolkit::CsvReader reader(text, {';', '"'});
        sdk::toolkit::CsvRecord record;
        int first = -1, last = -1;
        while (reader.next(record)) {
            if (first < 0) {
                for (std::size_t i = 0; i < record.fields.size(); ++i) {
                    first = record.fields[i].value == "Fornamn" ? static_cast<int>(i) : first;
                    last = record.fields[i].value == "Efternamn" ? static_cast<int>(i) : last;
                }
                if (first < 0 || last < 0) {
                    break;  // not AF's layout
                }
                continue;
            }
            if (record.fields.size() <= static_cast<std::size_t>(std::max(first, last))) {
                continue;
            }
            const std::string& surname = record.fields[last].value;
            // Windows-1252 text: the ASCII names compare byte for byte with the hub's UTF-8 answers.
            auto ascii = [](const std::string& v) {
                return std::all_of(v.begin(), v.end(), [](unsigned char c) { return c < 0x80; });
            };
            if (surname.size() >= 5 && ascii(surname)) {
                names.insert(surname);
                if (ascii(record.fields[first].value)) {
                    names.insert(record.fields[first].value + " " + surname);
                }
            }
        }
    }
    return names;
}

std::vector<std::string> leakedNames(const std::set<std::string>& names, const std::string& haystack) {
    std::vector<std::string> found;
    for (const auto& name : names) {
        if (haystack.find(name) != std::string::npos) {
            found.push_back(name);
        }
    }
    return found;
}

std::vector<std::string> testTokensIn(const std::string& text) {
    std::vector<std::string> found;
    for (const char* token : {kAdminToken, kReaderToken, kIngestOnlyToken}) {
        if (text.find(token) != std::string::npos) {
            found.emplace_back(token);
        }
    }
    return found;
}

std::vector<std::string> leakedNumbers(const std::set<std::string>& numbers, const std::string& haystack) {
    std::vector<std::string> found;
    for (const auto& number : numbers) {
        const std::string shortForm = number.substr(2);
        for (const std::string& spelling :
             {number, shortForm, number.substr(0, 8) + "-" + number.substr(8), shortForm.substr(0, 6) + "-" +
                                                                                shortForm.substr(6)}) {
            if (haystack.find(spelling) != std::string::npos) {
                found.push_back(spelling);
            }
        }
    }
    return found;
}

std::int64_t csvDataRows(const std::string& dir) {
    std::int64_t rows = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".csv") {
            continue;
        }
        std::string text = fileBytes(entry.path().string());
        sdk::toolkit::CsvReader reader(text);
        sdk::toolkit::CsvRecord record;
        for (bool header = true; reader.next(record); header = false) {
            rows += header || record.empty() ? 0 : 1;
        }
    }
    return rows;
}

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

}  // namespace finsam::testing
