// plugins/http-client/src/form_encoding.h — application/x-www-form-urlencoded values for the token request.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace finsam::http_client::detail {

/// Percent-encodes every byte except the RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string formEncode(std::string_view value);

}  // namespace finsam::http_client::detail
