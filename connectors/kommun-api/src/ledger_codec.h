// connectors/kommun-api/src/ledger_codec.h — the payment ledger as compact checkpoint text.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include "payment_ledger.h"

namespace finsam::connectors::kommun_api {

/// Base64 of the zlib-deflated binary ledger (README.md, "Checkpoint"): per person in token order the 8-byte
/// token, its flags and its payments in month order, each as a varint of the month step and role, then
/// the payment id front-coded against the person's previous one. Deterministic: one ledger, one text.
/// About 1.5 bytes per payment in force (300 000 payments of 9 300 persons: 460 kB of text).
std::string encodeLedger(const PaymentLedger& ledger);

/// The ledger `text` encodes; nullopt when it is not this encoding (truncated, corrupt, another version).
/// "" is the empty ledger.
std::optional<PaymentLedger> decodeLedger(const std::string& text);

}  // namespace finsam::connectors::kommun_api
