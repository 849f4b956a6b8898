// connectors/kommun-api/src/checkpoint.h — the opaque checkpoint: each endpoint's cursor and the join's ledger.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <string>

#include "endpoints.h"

namespace finsam::connectors::kommun_api {

/// Text form, written deterministically (README.md "Checkpoint"):
/// {"v":1,"key_check":"<16 hex>","cursors":{"utbetalningar":"…"|null,"deltaganden":"…"|null},
///  "ledger":"<ledger_codec.h text>"}
/// A cursor is the `next_cursor` of the last page committed (null: nothing read yet, the first call sends
/// none). `key_check` ties the ledger's person tokens to the join key that made them.
struct Checkpoint {
    std::string keyCheck;
    std::array<std::optional<std::string>, kEndpoints.size()> cursors;
    std::string ledger;  ///< encodeLedger() text; "" = no payments in force

    std::string toJson() const;
    /// "" is the empty checkpoint; nullopt for text this connector did not write.
    static std::optional<Checkpoint> parse(const std::string& text);
};

}  // namespace finsam::connectors::kommun_api
