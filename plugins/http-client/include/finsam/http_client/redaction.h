// plugins/http-client/include/finsam/http_client/redaction.h — keeping credentials and identities out of
// messages.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace finsam::http_client {

/// Replaces with "[redacted]": each of `secrets` (non-empty ones), the value after "Bearer ", the values of
/// access_token / refresh_token / client_secret (as JSON members or form/query parameters), and every run of
/// exactly 10 or 12 digits, or 6 or 8 digits then '-' or '+' (also %2D / %2B) then 4 digits, that could be a
/// personnummer. Dates like 2019-01-01 and short numbers like 200 are left alone.
std::string redact(std::string_view text, const std::vector<std::string>& secrets = {});

}  // namespace finsam::http_client
