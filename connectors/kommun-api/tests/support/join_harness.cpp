// connectors/kommun-api/tests/support/join_harness.cpp
// SPDX-License-Identifier: Apache-2.0
#include "support/join_harness.h"

#include <stdexcept>

#include "ledger_codec.h"
#include "payment_join.h"

namespace finsam::connectors::kommun_api::testing {

Payment payment(const std::string& id, const std::string& number, const std::string& month, const std::string& status,
                std::optional<std::string> coApplicant, bool skyddad) {
    Payment p;
    p.id = id;
    p.applicant = number;
    p.coApplicant = std::move(coApplicant);
    p.household = "HH-0180-000001";
    p.month = *parseMonth(month);
    p.inForce = status != "makulerad";
    p.skyddad = skyddad;
    return p;
}

void JoinHarness::batch(const std::vector<Payment>& payments) {
    PaymentJoin join(tokens_, ledger_);
    std::int64_t line = 0;
    for (const auto& p : payments) {
        join.apply(p, {"https://kommun.test/api/v1/forsorjningsstod/utbetalningar?limit=500", ++line});
    }
    sdk::testkit::CollectingSink sink;
    join.flush(sink);
    last_ = sink.take();
    held_.apply(last_.records);
    all_.append(last_);
}

void JoinHarness::itemByItem(const std::vector<Payment>& payments) {
    for (const auto& p : payments) {
        batch({p});
        auto restored = decodeLedger(encodeLedger(ledger_));
        if (!restored) {
            throw std::runtime_error("the ledger did not survive its codec");
        }
        ledger_ = std::move(*restored);
    }
}

}  // namespace finsam::connectors::kommun_api::testing
