// tests/generator/checks/af_spec_check.cpp — reads an AF file strictly by af-csv.md.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/checks/af_spec_check.h"

#include "core/identity/personnummer.h"

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows1252Encoding.h>

#include <chrono>
#include <regex>
#include <set>

namespace finsam::generator::checks {
namespace {

bool validIsoDate(const std::string& text) {
    static const std::regex shape(R"(\d{4}-\d{2}-\d{2})");
    if (!std::regex_match(text, shape)) {
        return false;
    }
    const std::chrono::year_month_day day{
        std::chrono::year{std::stoi(text.substr(0, 4))},
        std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
        std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
    return day.ok();
}

std::chrono::year_month_day ymd(const std::string& iso) {
    return std::chrono::year_month_day{
        std::chrono::year{std::stoi(iso.substr(0, 4))},
        std::chrono::month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
        std::chrono::day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
}

// A multi-byte UTF-8 sequence anywhere: what a UTF-8 file has and a Windows-1252 one does not.
bool hasUtf8Sequence(const std::string& bytes) {
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        const auto next = static_cast<unsigned char>(bytes[i + 1]);
        if (lead >= 0xC2 && lead <= 0xF4 && next >= 0x80 && next <= 0xBF) {
            return true;
        }
    }
    return false;
}

std::string decode(const std::string& bytes, bool utf8) {
    if (utf8) {
        return bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? bytes.substr(3) : bytes;
    }
    Poco::Windows1252Encoding cp1252;
    Poco::UTF8Encoding utf8Encoding;
    std::string text;
    Poco::TextConverter(cp1252, utf8Encoding).convert(bytes, text);
    return text;
}

struct Record {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// ';' separated, '"' quoted with doubled quotes, every record ended by CRLF.
std::vector<Record> split(const std::string& text, AfFile& file) {
    std::vector<Record> records;
    Record record{1, {}};
    std::string field;
    bool quoted = false;
    std::size_t line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                line += c == '\n' ? 1 : 0;
                field += c;
            }
        } else if (c == '"') {
            if (!field.empty()) {
                file.violations.push_back("quote inside a field on line " + std::to_string(line));
            }
            quoted = true;
            file.quotedFields = true;
        } else if (c == ';') {
            record.fields.push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            record.fields.push_back(field);
            field.clear();
            records.push_back(record);
            record = Record{++line, {}};
        } else if (c == '\r' || c == '\n') {
            file.violations.push_back("bare CR or LF on line " + std::to_string(line));
        } else {
            field += c;
        }
    }
    if (quoted || !field.empty() || !record.fields.empty()) {
        file.violations.push_back("the last record does not end in CRLF");
    }
    // A trailing empty line may occur: one record with a single empty field, last.
    if (!records.empty() && records.back().fields.size() == 1 && records.back().fields[0].empty()) {
        file.trailingEmptyLine = true;
        records.pop_back();
    }
    return records;
}

const std::set<std::string>& ersattningCodes() {
    static const std::set<std::string> kCodes = {"AKS", "UVE", "ETB", "AKA", "LBI"};
    return kCodes;
}

class RowChecker {
public:
    RowChecker(AfFile& file) : file_(file), reference_(ymd(file.date)) {}

    void check(const AfRow& row) {
        auto v = [&](const char* column) { return file_.value(row, column); };
        if (row.fields.size() != file_.header.size()) {
            problem(row, "", "wrong_shape");
            return;
        }
        const std::string type = v("Radtyp");
        if (type != "ERS" && type != "INS") {
            problem(row, "Radtyp", "unknown_code");
            return;
        }
        const auto parsed = identity::parsePersonnummer(v("Personnummer"), reference_);
        if (!parsed.ok) {
            problem(row, "Personnummer", "invalid_personnummer");
            return;
        }
        for (const char* column : {"Ersattning_from", "Ersattning_tom", "Insats_start", "Insats_slut"}) {
            if (!v(column).empty() && !validIsoDate(v(column))) {
                problem(row, column, "bad_value");
                return;
            }
        }
        if (type == "ERS" && ersattningCodes().count(v("Ersattning")) == 0) {
            problem(row, "Ersattning", "unknown_code");
            return;
        }
        promises(row, type, parsed.identity);
    }

private:
    void problem(const AfRow& row, const std::string& field, const std::string& reason) {
        file_.problems.push_back({row.line, field, reason});
    }

    void violation(const AfRow& row, const std::string& what) {
        file_.violations.push_back("line " + std::to_string(row.line) + ": " + what);
    }

    // What the spec promises of every good row beyond what a hub quarantines.
    void promises(const AfRow& row, const std::string& type, const identity::ParsedIdentity& id) {
        auto v = [&](const char* column) { return file_.value(row, column); };
        static const std::regex radId(R"(AF-\d{9})");
        static const std::regex omfattning(R"((25|50|75|100)(,0)?)");
        static const std::regex insats(R"(FB-[A-Z]+-\d{4}-\d{2})");
        static const std::regex blankett(R"(FK9443-\d{4}-\d{6})");
        static const std::regex kontor(R"(\d{4}-[A-ZÅÄÖ ]+)");
        static const std::set<std::string> statuses = {"ARBETSLOS", "PROGRAM", "DELTID", "FORHINDER",
                                                       "ARBETE",    "STUDIER", "AVAKT"};
        if (!std::regex_match(v("Rad_id"), radId)) violation(row, "Rad_id");
        const std::string kon = v("Kon");
        if (kon != (id.sex == identity::Sex::kMan ? "M" : "K")) violation(row, "Kon disagrees with the number");
        if (!std::regex_match(v("Kontor"), kontor)) violation(row, "Kontor " + v("Kontor"));
        const bool skyddad = v("Skyddad") == "J";
        if (!skyddad && !v("Skyddad").empty()) violation(row, "Skyddad");
        if (skyddad != (v("Fornamn").empty() && v("Efternamn").empty())) violation(row, "names vs Skyddad");
        if (statuses.count(v("Sokandestatus")) == 0) violation(row, "Sokandestatus");
        if (type == "ERS") {
            if (!std::regex_match(v("Omfattning"), omfattning)) violation(row, "Omfattning");
            if (v("Ersattning_from").empty()) violation(row, "ERS without from");
            if (!v("Ersattning_tom").empty() && v("Ersattning_tom") < v("Ersattning_from")) violation(row, "tom before from");
            if (!(v("Insatskod") + v("Insats_start") + v("Insats_slut") + v("Avslutskod")).empty()) violation(row, "ERS with INS fields");
            return;
        }
        if (!std::regex_match(v("Insatskod"), insats)) violation(row, "Insatskod");
        if (v("Insats_start").empty()) violation(row, "INS without start");
        if (v("Insats_slut").empty() != v("Avslutskod").empty()) violation(row, "Avslutskod iff Insats_slut");
        if (!v("Avslutskod").empty() && !std::regex_match(v("Avslutskod"), std::regex(R"(\d)"))) violation(row, "Avslutskod");
        if (!v("Samtycke_ref").empty() && !std::regex_match(v("Samtycke_ref"), blankett)) violation(row, "Samtycke_ref");
        if (!(v("Ersattning") + v("Ersattning_from") + v("Ersattning_tom") + v("Omfattning")).empty()) violation(row, "INS with ERS fields");
    }

    AfFile& file_;
    std::chrono::year_month_day reference_;
};

}  // namespace

const std::vector<std::string>& afSpecColumns() {
    static const std::vector<std::string> kColumns = {
        "Rad_id",          "Radtyp",         "Personnummer", "Fornamn",    "Efternamn",
        "Kon",             "Kontor",         "Skyddad",      "Sokandestatus", "Ersattning",
        "Ersattning_from", "Ersattning_tom", "Omfattning",   "Insatskod",  "Insats_start",
        "Insats_slut",     "Avslutskod",     "Samtycke_ref"};
    return kColumns;
}

std::string AfFile::value(const AfRow& row, const std::string& column) const {
    for (std::size_t i = 0; i < header.size() && i < row.fields.size(); ++i) {
        if (header[i] == column) {
            return row.fields[i];
        }
    }
    return "";
}

AfFile checkAfFile(const std::string& name, const std::string& bytes) {
    AfFile file;
    file.name = name;
    static const std::regex pattern(R"(af_finsam_\d{10}_(\d{4})(\d{2})(\d{2})\.csv)");
    std::smatch match;
    if (!std::regex_match(name, match, pattern)) {
        file.violations.push_back("file name " + name);
        return file;
    }
    file.date = match[1].str() + "-" + match[2].str() + "-" + match[3].str();
    file.utf8 = bytes.rfind("\xEF\xBB\xBF", 0) == 0 || hasUtf8Sequence(bytes);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        file.hasLetterBeyondAscii = file.hasLetterBeyondAscii || b >= 0x80;
        // Windows-1252 leaves five bytes undefined; none may occur.
        if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
            file.violations.push_back("byte undefined in Windows-1252");
        }
    }
    std::vector<Record> records = split(decode(bytes, file.utf8), file);
    if (records.empty()) {
        file.violations.push_back("no header");
        return file;
    }
    file.header = records.front().fields;
    const std::set<std::string> names(file.header.begin(), file.header.end());
    if (names != std::set<std::string>(afSpecColumns().begin(), afSpecColumns().end()) ||
        names.size() != file.header.size()) {
        file.violations.push_back("header names differ from the spec's");
    }
    RowChecker checker(file);
    for (std::size_t i = 1; i < records.size(); ++i) {
        file.rows.push_back({records[i].line, records[i].fields});
        checker.check(file.rows.back());
    }
    return file;
}

std::string normalisedNumber(const std::string& number, const std::string& fileDate) {
    const auto parsed = identity::parsePersonnummer(number, ymd(fileDate));
    return parsed.ok ? parsed.identity.normalized : "";
}

}  // namespace finsam::generator::checks
