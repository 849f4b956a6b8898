// plugins/sdk/toolkit/json_depth.h — refusing JSON nested deeper than any partner format needs, before it is
// parsed: RapidJSON's parser, schema validator and writer recurse once per level, so a body of a million '['
// would overflow the stack and end the daemon, which no exception handler can catch.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace finsam::sdk::toolkit {

/// Deeper than a FHIR Bundle (about 15 levels), a kommun page or any config file ever goes.
inline constexpr std::size_t kMaxJsonDepth = 64;

/// The byte offset of the first '[' or '{' that opens level `maxDepth + 1` of `text`, outside strings; nullopt
/// when `text` never nests that deep. Reads the text once and does not check that it is JSON.
std::optional<std::size_t> jsonTooDeepAt(std::string_view text, std::size_t maxDepth = kMaxJsonDepth);

}  // namespace finsam::sdk::toolkit
