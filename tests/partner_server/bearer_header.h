// tests/partner_server/bearer_header.h — the token of an "Authorization: Bearer <token>" header.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace finsam::testing::partner {

/// The token after "Bearer " (scheme case-insensitive, RFC 6750), or nothing for any other header.
std::optional<std::string> bearerTokenOf(std::string_view authorization);

}  // namespace finsam::testing::partner
