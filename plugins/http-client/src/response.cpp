// plugins/http-client/src/response.cpp — header lookup; field names are case-insensitive (RFC 9110 §5.1).
// SPDX-License-Identifier: Apache-2.0
#include "finsam/http_client/response.h"

#include <algorithm>
#include <cctype>

namespace finsam::http_client {

std::string Response::header(std::string_view name) const {
    for (const auto& [fieldName, value] : headers) {
        if (fieldName.size() == name.size() &&
            std::equal(fieldName.begin(), fieldName.end(), name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            })) {
            return value;
        }
    }
    return {};
}

}  // namespace finsam::http_client
