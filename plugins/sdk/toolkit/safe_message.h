// plugins/sdk/toolkit/safe_message.h — quoting partner values in messages without ever quoting an
// identity.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace finsam::sdk::toolkit {

/// True when `text` could hold a personnummer or samordningsnummer (ten or more digits in all).
/// Used to keep a misplaced number out of messages even when it sits in a column that should hold a
/// date.
bool mayHoldIdentity(std::string_view text);

/// "'2019-02-30'" for a value that is safe to show; "(value withheld)" when it may hold an
/// identity. Long values are shortened on a UTF-8 character boundary.
std::string quoteForMessage(std::string_view value);

}  // namespace finsam::sdk::toolkit
