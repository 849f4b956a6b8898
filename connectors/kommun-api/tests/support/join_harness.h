// connectors/kommun-api/tests/support/join_harness.h — hand-made payments through the monthly join, batch by
// batch, with what a hub would then hold.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "collecting_sink.h"
#include "payment_item.h"
#include "payment_ledger.h"
#include "person_token.h"
#include "support/held_state.h"

namespace finsam::connectors::kommun_api::testing {

// Generated numbers (valid date and check digit, nobody's), as the af-csv tests use them.
inline constexpr const char* kAnna = "197405049334";
inline constexpr const char* kBo = "200102181732";
inline constexpr const char* kCilla = "197812048416";

inline const std::string kJoinKey(32, 'k');

/// A payment item as readPayment() makes it: `status` utbetald, aterkrav or makulerad.
Payment payment(const std::string& id, const std::string& number, const std::string& month,
                const std::string& status = "utbetald", std::optional<std::string> coApplicant = std::nullopt,
                bool skyddad = false);

class JoinHarness {
public:
    /// Applies `payments` as one batch; `last()` is what it emitted, `held()` the result so far.
    void batch(const std::vector<Payment>& payments);
    /// Each payment as its own batch, the ledger through the checkpoint codec in between.
    void itemByItem(const std::vector<Payment>& payments);

    const sdk::testkit::Collected& last() const { return last_; }
    const sdk::testkit::Collected& all() const { return all_; }
    const HeldState& held() const { return held_; }
    const PaymentLedger& ledger() const { return ledger_; }

private:
    PersonTokens tokens_{kJoinKey};
    PaymentLedger ledger_;
    HeldState held_;
    sdk::testkit::Collected last_;
    sdk::testkit::Collected all_;
};

}  // namespace finsam::connectors::kommun_api::testing
