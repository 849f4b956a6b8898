// plugins/mapped-csv/src/mapped_csv_settings.cpp — the small behaviours of the settings structs.
// SPDX-License-Identifier: Apache-2.0
#include "mapped_csv_settings.h"

#include <algorithm>

#include "safe_message.h"
#include "value_syntax.h"

namespace finsam::connectors::mapped_csv {

namespace {

char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalIgnoringAsciiCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return asciiLower(x) == asciiLower(y);
           });
}

}  // namespace

std::string ColumnRef::label() const {
    return byName() ? sdk::toolkit::quoteForMessage(name) : "column " + std::to_string(number);
}

bool ValueMatch::matches(std::string_view cell) const {
    const auto value = sdk::toolkit::trim(cell);
    return std::any_of(values.begin(), values.end(), [&](const std::string& candidate) {
        return equalIgnoringAsciiCase(value, sdk::toolkit::trim(candidate));
    });
}

}  // namespace finsam::connectors::mapped_csv
