// connectors/kommun-api/src/payment_ledger.h — the join's state: for each person, the months paid and the
// payments in force that pay them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "month.h"
#include "payment_item.h"
#include "person_token.h"

namespace finsam::connectors::kommun_api {

/// Whom a payment pays: the applicant (sökande) or the co-applicant (medsökande) of its household.
enum class Role : char { kApplicant = 's', kCoApplicant = 'm' };

/// One payment in force, as it pays one person's month.
struct PaymentRef {
    std::string id;
    Role role = Role::kApplicant;
    bool operator<(const PaymentRef& other) const {
        return id != other.id ? id < other.id : role < other.role;
    }
    bool operator==(const PaymentRef& other) const { return id == other.id && role == other.role; }
};

/// A month paid to a person, and one payment in force that pays it.
struct PaidMonth {
    Month month = 0;
    PaymentRef ref;
    bool operator<(const PaidMonth& other) const {
        return month != other.month ? month < other.month : ref < other.ref;
    }
    bool operator==(const PaidMonth& other) const { return month == other.month && ref == other.ref; }
};

/// One person's paid months, sorted by month then payment: a month paid twice (say as applicant and as
/// co-applicant of another household) appears twice. Flat, because a person has tens of entries and the
/// ledger hundreds of thousands.
struct PersonMonths {
    std::vector<PaidMonth> months;
    bool skyddad = false;  ///< sticky: some payment named the person's household as protected
    bool withheld = false;  ///< periods retracted until an item names the person again (PaymentJoin)
};

/// Every payment in force by person and month; payments makulerade are forgotten. Applying an item is
/// idempotent, and a later item with the same id replaces the earlier wherever it pointed (another month,
/// other persons). Persons are known by token only.
class PaymentLedger {
public:
    /// The persons the earlier version of payment `id` pays (empty when unknown or makulerad).
    std::vector<PersonToken> personsPaidBy(const std::string& id) const;

    /// Takes out the earlier version of `payment.id`, then adds `payment` if it is in force: its month for
    /// `applicant` and, when given, for `coApplicant`.
    void apply(const Payment& payment, PersonToken applicant, std::optional<PersonToken> coApplicant);

    void markSkyddad(PersonToken person);
    void setWithheld(PersonToken person, bool withheld);
    /// Drops a person left without months (nothing of theirs is published any more).
    void forgetIfEmpty(PersonToken person);

    /// nullptr when the ledger holds nothing of `person`.
    const PersonMonths* person(PersonToken person) const;
    /// In token order, for the checkpoint (the same ledger always encodes to the same bytes).
    const std::map<PersonToken, PersonMonths>& persons() const { return persons_; }

    /// Restores one person as the checkpoint stored them (months with their payments, flags).
    void restore(PersonToken person, PersonMonths months);

    std::size_t paymentCount() const { return locations_.size(); }
    /// Room for about `payments` payments, before restoring a large ledger.
    void reserve(std::size_t payments);

private:
    struct Location {
        PersonToken person = 0;
        Month month = 0;
        bool used = false;
    };
    /// Where one payment pays: its applicant's month and, with a co-applicant, theirs (no allocation).
    struct Locations {
        Location applicant;
        Location coApplicant;
    };
    void add(PersonToken person, const PaidMonth& paid);

    std::map<PersonToken, PersonMonths> persons_;
    std::unordered_map<std::string, Locations> locations_;  ///< payment id → where it pays
};

}  // namespace finsam::connectors::kommun_api
