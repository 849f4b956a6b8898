// connectors/forbund-csv/src/row_reader.cpp — cell syntax per forbund-csv.md "Encoding and syntax".
// SPDX-License-Identifier: Apache-2.0
#include "row_reader.h"

#include "safe_message.h"

namespace finsam::connectors::forbund_csv {

namespace tk = sdk::toolkit;

RowReader::RowReader(const Sheet& sheet, const tk::CsvRecord& row)
    : sheet_(sheet), row_(row), raw_(row.raw) {}

const tk::CsvField* RowReader::field(std::string_view header) const {
    const std::int32_t column = sheet_.column(header);
    if (column <= 0 || static_cast<std::size_t>(column) > row_.fields.size()) {
        return nullptr;
    }
    return &row_.fields[static_cast<std::size_t>(column - 1)];
}

bool RowReader::checkShape() {
    if (row_.fields.size() == sheet_.width()) {
        return true;
    }
    fail({}, "wrong_shape",
         "row has " + std::to_string(row_.fields.size()) + " fields, the header has " +
             std::to_string(sheet_.width()));
    return false;
}

std::string RowReader::keyCell(std::string_view header) const {
    if (row_.fields.size() == sheet_.width() || sheet_.column(header) == 1) {
        return std::string(cell(header));
    }
    return {};
}

std::string_view RowReader::cell(std::string_view header) const {
    const auto* f = field(header);
    return f == nullptr ? std::string_view{} : tk::trim(f->value);
}

std::string RowReader::require(std::string_view header) {
    const auto value = cell(header);
    if (value.empty()) {
        fail(header, "missing_value", std::string(header) + " is empty");
    }
    return std::string(value);
}

void RowReader::addText(std::vector<sdk::Field>& out, std::string name,
                        std::string_view header) const {
    const auto value = cell(header);
    if (!value.empty()) {
        out.push_back({std::move(name), std::string(value), column(header)});
    }
}

void RowReader::addList(std::vector<sdk::Field>& out, const std::string& name,
                        std::string_view header) const {
    for (auto& item : tk::splitList(cell(header))) {
        out.push_back({name, std::move(item), column(header)});
    }
}

void RowReader::addDate(std::vector<sdk::Field>& out, std::string name, std::string_view header) {
    const auto value = cell(header);
    if (value.empty()) {
        return;
    }
    if (!tk::isIsoDate(value)) {
        fail(header, "bad_date",
             std::string(header) + " " + tk::quoteForMessage(value) + " is not a date YYYY-MM-DD");
        return;
    }
    out.push_back({std::move(name), std::string(value), column(header)});
}

void RowReader::addAmount(std::vector<sdk::Field>& out, std::string name, std::string_view header) {
    const auto value = cell(header);
    if (value.empty()) {
        return;
    }
    auto amount = tk::parseSwedishAmount(value);
    if (!amount) {
        fail(header, "bad_amount",
             std::string(header) + " " + tk::quoteForMessage(value) +
                 " is not an amount like 1 250 000 or 8 423,50");
        return;
    }
    out.push_back({std::move(name), std::move(*amount), column(header)});
}

std::optional<std::string> RowReader::addInteger(std::vector<sdk::Field>& out, std::string name,
                                                 std::string_view header,
                                                 tk::DigitGrouping grouping) {
    const auto value = cell(header);
    if (value.empty()) {
        return std::nullopt;
    }
    auto number = tk::parseInteger(value, grouping);
    if (!number) {
        fail(header, "bad_integer",
             std::string(header) + " " + tk::quoteForMessage(value) + " is not a whole number");
        return std::nullopt;
    }
    out.push_back({std::move(name), *number, column(header)});
    return number;
}

void RowReader::fail(std::string_view header, std::string code, std::string message) {
    if (problem_) {
        return;
    }
    sdk::Problem problem;
    problem.position = position();
    problem.column = header.empty() ? 0 : column(header);
    problem.field = std::string(header);
    problem.code = std::move(code);
    problem.message = std::move(message);
    problem.raw = raw_;
    problem_ = std::move(problem);
}

void RowReader::identify(std::string entity, std::string key) {
    entity_ = std::move(entity);
    key_ = std::move(key);
}

sdk::Problem RowReader::problem() const {
    sdk::Problem problem = *problem_;
    problem.entity = entity_;
    problem.key = key_;
    return problem;
}

void RowReader::blankRawCell(std::string_view header) {
    const auto* f = field(header);
    if (f == nullptr || f->length == 0) {
        return;
    }
    // Cells before this one are unchanged, so the offset still holds; blank at most once per row.
    raw_.erase(f->offset, f->length);
}

void SeenKeys::check(RowReader& row, const std::string& key, std::string_view header,
                     std::string_view label) const {
    const auto earlier = lines_.find(key);
    if (row.ok() && earlier != lines_.end()) {
        row.fail(header, "duplicate_key",
                 std::string(label) + " " + tk::quoteForMessage(key) + " is already on line " +
                     std::to_string(earlier->second));
    }
}

sdk::Record makeRecord(const RowReader& reader, std::string entity, std::string key,
                       std::vector<sdk::Field> fields) {
    sdk::Record record;
    record.entity = std::move(entity);
    record.key = std::move(key);
    record.fields = std::move(fields);
    record.position = reader.position();
    record.raw = reader.raw();
    return record;
}

}  // namespace finsam::connectors::forbund_csv
