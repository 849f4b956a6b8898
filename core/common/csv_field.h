// core/common/csv_field.h — one CSV field as RFC 4180 writes it, for every CSV the hub writes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace finsam::common {

/// A field holding a comma, a quote or a line break is quoted, its quotes doubled; any other is written as is.
inline std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out = "\"";
    for (char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

}  // namespace finsam::common
