// connectors/fk-fixed/src/fk_fixed_settings.cpp — settings per schema.json, paths resolved per
// Context.
// SPDX-License-Identifier: Apache-2.0
#include "fk_fixed_settings.h"

#include <rapidjson/document.h>

#include "drop_dir.h"

#include "field_syntax.h"

namespace finsam::connectors::fk_fixed {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kMaxBatchNumber = 99999999;  // eight digits in the header

}  // namespace

std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems) {
    rapidjson::Document document;
    if (document.Parse(settingsJson.c_str()).HasParseError() || !document.IsObject()) {
        problems.emplace_back("/: settings are not a JSON object");
        return std::nullopt;
    }
    Settings settings;
    settings.dropDir = sdk::toolkit::readDropDir(document, configDir, problems);
    const auto receiver = document.FindMember("receiver_orgnr");
    if (receiver == document.MemberEnd() || !receiver->value.IsString() ||
        receiver->value.GetStringLength() != 10 || !allDigits(receiver->value.GetString())) {
        // The value is never repeated: ten digits look like a personnummer to every log filter.
        problems.emplace_back("/receiver_orgnr: required, ten digits without a hyphen");
    } else {
        settings.receiverOrgnr = receiver->value.GetString();
    }
    const auto start = document.FindMember("start_after_batch");
    if (start != document.MemberEnd()) {
        if (!start->value.IsInt64() || start->value.GetInt64() < 0 ||
            start->value.GetInt64() > kMaxBatchNumber) {
            problems.emplace_back("/start_after_batch: an integer from 0 to 99999999");
        } else {
            settings.startAfterBatch = start->value.GetInt64();
        }
    }
    if (!problems.empty()) {
        return std::nullopt;
    }
    return settings;
}

std::vector<std::string> checkSettings(const std::string& settingsJson,
                                       const std::string& configDir) {
    std::vector<std::string> problems;
    auto settings = parseSettings(settingsJson, configDir, problems);
    if (!settings) {
        return problems;
    }
    sdk::toolkit::checkDropDir(settings->dropDir, problems);
    if (!hasValidCheckDigit(settings->receiverOrgnr)) {
        problems.emplace_back(
            "/receiver_orgnr: the check digit does not match (mistyped?); every batch file would "
            "be refused as meant for another receiver");
    }
    return problems;
}

bool hasValidCheckDigit(const std::string& orgnr) {
    if (orgnr.size() != 10 || !allDigits(orgnr)) {
        return false;
    }
    int sum = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        int digit = orgnr[i] - '0';
        if (i % 2 == 0) {  // Luhn: double every other digit, starting with the first
            digit *= 2;
            digit = digit > 9 ? digit - 9 : digit;
        }
        sum += digit;
    }
    return sum % 10 == 0;
}

}  // namespace finsam::connectors::fk_fixed
