// connectors/kommun-api/src/payment_join.h — payments in, ersättningsperioder out: the month-by-month join
// of one batch against the ledger the checkpoint carries.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "finsam/sdk/connector.h"
#include "payment_ledger.h"
#include "person_token.h"

namespace finsam::connectors::kommun_api {

/// Canonical ersättningstyp of every period this connector emits (codes.md): the endpoint pays nothing else.
inline constexpr const char* kForsorjningsstod = "forsorjningsstod";

/// Applies a batch's payments to `ledger`, then emits what changed for each person it touched: an upsert of
/// every new or changed period, a retraction of every key that vanished (a period merged into the one
/// before it, lost its first month, or lost all its months). Periods run from the first day of their first
/// month to the last day of their last. Used by one thread; the numbers it holds are forgotten at flush().
class PaymentJoin {
public:
    PaymentJoin(const PersonTokens& tokens, PaymentLedger& ledger) : tokens_(tokens), ledger_(ledger) {}

    /// One valid payment read at `position` (later calls are later items).
    void apply(const Payment& payment, const sdk::Position& position);

    /// Emits the changes since the last flush, in the order the persons were last touched. A person whose
    /// periods changed only through a payment that moved away from them (an item naming someone else)
    /// has no number in this batch to send with an upsert: their periods are retracted and withheld, with a
    /// warning, until an item names them again.
    void flush(sdk::RecordSink& sink);

private:
    struct Touched {
        PersonMonths before;             ///< as the ledger held the person when the batch first touched them
        std::optional<std::string> number;  ///< when an item of this batch named them
        sdk::Position position;          ///< the last item that touched them
        std::uint64_t order = 0;
    };
    void touch(PersonToken person, const sdk::Position& position, const std::string* number);
    void emit(PersonToken person, Touched& touched, sdk::RecordSink& sink);

    const PersonTokens& tokens_;
    PaymentLedger& ledger_;
    std::map<PersonToken, Touched> touched_;
    std::uint64_t sequence_ = 0;
};

}  // namespace finsam::connectors::kommun_api
