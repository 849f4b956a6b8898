// connectors/kommun-api/src/person_token.h — how the payment join names a person without the number.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace finsam::connectors::kommun_api {

/// 64 bits of HMAC-SHA256(join key, number): what the checkpoint keeps instead of a personnummer
/// (architecture §3: never a plain hash, the number space is small enough to brute-force). Collisions among
/// a kommun's 10^5 recipients are about 10^-9 likely.
using PersonToken = std::uint64_t;

/// Makes tokens under one join key. Immutable after construction; the key never leaves it.
class PersonTokens {
public:
    explicit PersonTokens(std::string joinKey);

    /// The token of a number as the kommun writes it (12 digits, already validated).
    PersonToken of(std::string_view number) const;

    /// 16 hex digits that tell this key from another, stored in the checkpoint: a checkpoint made under
    /// another key would name every person wrongly, so open() refuses it. Reveals nothing of the key.
    std::string keyCheck() const;

private:
    std::string key_;
};

}  // namespace finsam::connectors::kommun_api
