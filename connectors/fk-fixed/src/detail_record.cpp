// connectors/fk-fixed/src/detail_record.cpp — fk-fixed.md "Records" (detail) and "Rules": row-level
// faults are quarantined one row at a time.
// SPDX-License-Identifier: Apache-2.0
#include "detail_record.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "field_syntax.h"
#include "record_layout.h"
#include "safe_message.h"
#include "value_syntax.h"

namespace finsam::connectors::fk_fixed {

namespace {

using sdk::toolkit::quoteForMessage;

constexpr std::array<std::string_view, 4> kFormanskoder = {"SJP", "RHP", "AKE", "SJE"};
constexpr std::array<std::string_view, 4> kOmfattningar = {"025", "050", "075", "100"};

template <std::size_t N>
bool isOneOf(std::string_view value, const std::array<std::string_view, N>& allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// The line for a quarantined row, with every digit of the personnummer slot written as '#'. The
// host redacts only 10- and 12-digit runs: a malformed number ("19860815882X") or one that runs
// into a digit förmånskod would reach the quarantine table in clear. The shape stays visible.
std::string rawWithoutNumber(std::string_view line) {
    std::string raw(line);
    const auto slot = detail::kPersonnummer;
    for (std::size_t i = slot.position - 1; i < slot.position - 1 + slot.length; ++i) {
        if (raw[i] >= '0' && raw[i] <= '9') {
            raw[i] = '#';
        }
    }
    return latin1ToUtf8(raw);
}

sdk::Field field(const char* name, std::string value, Slot slot) {
    return sdk::Field{name, std::move(value), slot.column()};
}

// The values of a detail line once every field has passed its check.
struct Period {
    std::string fromIso;
    std::optional<std::string> tomIso;  // none: ongoing
    std::string arendeId;
    char andringskod = ' ';
};

class DetailReader {
public:
    DetailReader(std::string_view line, sdk::Position position)
        : line_(line), position_(std::move(position)) {}

    std::variant<sdk::Record, sdk::Problem> read();

private:
    sdk::Problem problem(Slot slot, const char* fieldName, const char* code, std::string message);
    std::optional<sdk::Problem> check(Period& period);

    std::string_view line_;
    sdk::Position position_;
    std::string key_;  // known once ärende-id and from date are readable
};

std::optional<sdk::Problem> DetailReader::check(Period& period) {
    using namespace detail;
    // The key first, so every problem after it can name the period it would have touched.
    const auto from = isoFromCompactDate(slice(line_, kFrom));
    period.arendeId = latin1ToUtf8(sdk::toolkit::trim(slice(line_, kArendeId)));
    if (from && !period.arendeId.empty()) {
        key_ = period.arendeId + "/" + *from;
    }
    if (!allDigits(slice(line_, kPersonnummer))) {
        return problem(kPersonnummer, "personnummer", "invalid_personnummer",
                       "personnummer is not 12 digits (positions 2-13)");
    }
    const auto formanskod = slice(line_, kFormanskod);
    if (!isOneOf(formanskod, kFormanskoder)) {
        return problem(kFormanskod, "ersattningstyp", "unknown_code",
                       "förmånskod " + quoteForMessage(latin1ToUtf8(formanskod)) +
                           " is not SJP, RHP, AKE or SJE");
    }
    const auto omfattning = slice(line_, kOmfattning);
    if (!isOneOf(omfattning, kOmfattningar)) {
        return problem(kOmfattning, "omfattning", "bad_value",
                       "omfattning " + quoteForMessage(latin1ToUtf8(omfattning)) +
                           " is not 025, 050, 075 or 100");
    }
    if (!from) {
        return problem(kFrom, "from_datum", "bad_date",
                       "from date " + quoteForMessage(latin1ToUtf8(slice(line_, kFrom))) +
                           " is not a real date (YYYYMMDD)");
    }
    period.fromIso = *from;
    const auto tom = slice(line_, kTom);
    if (!allSpaces(tom)) {
        period.tomIso = isoFromCompactDate(tom);
        if (!period.tomIso) {
            return problem(kTom, "tom_datum", "bad_date",
                           "tom date " + quoteForMessage(latin1ToUtf8(tom)) +
                               " is not a real date (YYYYMMDD) nor blank (ongoing)");
        }
        if (*period.tomIso < period.fromIso) {
            return problem(kTom, "tom_datum", "end_before_start",
                           "tom date " + *period.tomIso + " is before from date " + period.fromIso +
                               ": an impossible period");
        }
    }
    if (period.arendeId.empty()) {
        return problem(kArendeId, "arende_id", "missing_value",
                       "ärende-id (positions 36-51) is blank");
    }
    period.andringskod = slice(line_, kAndringskod).front();
    if (period.andringskod != 'N' && period.andringskod != 'A' && period.andringskod != 'M') {
        return problem(kAndringskod, "ändringskod", "unknown_code",
                       "ändringskod " + quoteForMessage(latin1ToUtf8(slice(line_, kAndringskod))) +
                           " is not N, A or M");
    }
    const char skydd = slice(line_, kSkydd).front();
    if (skydd != 'S' && skydd != ' ') {
        return problem(kSkydd, "skyddad", "bad_value",
                       "position 53 " + quoteForMessage(latin1ToUtf8(slice(line_, kSkydd))) +
                           " is neither S (skyddade personuppgifter) nor blank");
    }
    if (!allSpaces(slice(line_, kFiller))) {
        return problem(kFiller, "", "wrong_shape", "positions 54-100 are not blank");
    }
    return std::nullopt;
}

sdk::Problem DetailReader::problem(Slot slot, const char* fieldName, const char* code,
                                   std::string message) {
    sdk::Problem problem;
    problem.position = position_;
    problem.column = slot.column();
    problem.field = fieldName;
    problem.code = code;
    problem.message = std::move(message);
    problem.raw = rawWithoutNumber(line_);
    problem.entity = kEntity;
    problem.key = key_;
    return problem;
}

std::variant<sdk::Record, sdk::Problem> DetailReader::read() {
    using namespace detail;
    Period period;
    if (auto fault = check(period)) {
        return std::move(*fault);
    }
    sdk::Record record;
    record.entity = kEntity;
    record.key = key_;
    record.operation =
        period.andringskod == 'M'   ? sdk::Operation::kRetract
        : period.andringskod == 'A' ? sdk::Operation::kAmend
                                    : sdk::Operation::kUpsert;
    record.fields.reserve(7);
    record.fields.push_back(
        field("personnummer", std::string(slice(line_, kPersonnummer)), kPersonnummer));
    record.fields.push_back(
        field("ersattningstyp", std::string(slice(line_, kFormanskod)), kFormanskod));
    record.fields.push_back(
        field("omfattning", *sdk::toolkit::parseInteger(slice(line_, kOmfattning)), kOmfattning));
    record.fields.push_back(field("from_datum", period.fromIso, kFrom));
    if (period.tomIso) {
        record.fields.push_back(field("tom_datum", *period.tomIso, kTom));
    }
    record.fields.push_back(field("arende_id", period.arendeId, kArendeId));
    record.fields.push_back(
        field("skyddad", slice(line_, kSkydd).front() == 'S' ? "true" : "false", kSkydd));
    record.position = std::move(position_);
    record.raw = latin1ToUtf8(line_);
    return record;
}

}  // namespace

std::variant<sdk::Record, sdk::Problem> readDetail(std::string_view line, sdk::Position position) {
    return DetailReader(line, std::move(position)).read();
}

}  // namespace finsam::connectors::fk_fixed
