// tests/partner_server/kommun_cursor.h — the kommun API's opaque cursors: a position in an endpoint's
// change log, sealed so that a made-up or mistyped cursor is recognised (and answered 400).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace finsam::testing::partner {

/// 16 lower-case hex digits naming `position` (items already read) of `endpoint`. The same position always
/// gives the same cursor, also in another server process, so a hub can resume after a server restart.
std::string encodeCursor(std::string_view endpoint, std::size_t position);

/// The position a cursor of encodeCursor() names, or nothing when `cursor` was not made for `endpoint`.
std::optional<std::size_t> decodeCursor(std::string_view endpoint, std::string_view cursor);

}  // namespace finsam::testing::partner
