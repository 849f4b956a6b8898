// connectors/kommun-api/src/payment_ledger.cpp
// SPDX-License-Identifier: Apache-2.0
#include "payment_ledger.h"

#include <algorithm>

namespace finsam::connectors::kommun_api {

std::vector<PersonToken> PaymentLedger::personsPaidBy(const std::string& id) const {
    std::vector<PersonToken> persons;
    if (auto it = locations_.find(id); it != locations_.end()) {
        for (const Location* location : {&it->second.applicant, &it->second.coApplicant}) {
            if (location->used) {
                persons.push_back(location->person);
            }
        }
    }
    return persons;
}

void PaymentLedger::apply(const Payment& payment, PersonToken applicant, std::optional<PersonToken> coApplicant) {
    if (auto earlier = locations_.find(payment.id); earlier != locations_.end()) {
        const std::pair<const Location*, Role> places[] = {{&earlier->second.applicant, Role::kApplicant},
                                                           {&earlier->second.coApplicant, Role::kCoApplicant}};
        for (const auto& [location, role] : places) {
            if (!location->used) {
                continue;
            }
            auto& months = persons_[location->person].months;
            const PaidMonth paid{location->month, {payment.id, role}};
            auto it = std::lower_bound(months.begin(), months.end(), paid);
            if (it != months.end() && *it == paid) {
                months.erase(it);
            }
        }
        locations_.erase(earlier);
    }
    if (!payment.inForce) {
        return;  // makulerad: the payment is gone, and so is every month only it paid
    }
    add(applicant, {payment.month, {payment.id, Role::kApplicant}});
    if (coApplicant) {
        add(*coApplicant, {payment.month, {payment.id, Role::kCoApplicant}});
    }
}

void PaymentLedger::add(PersonToken person, const PaidMonth& paid) {
    auto& months = persons_[person].months;
    months.insert(std::upper_bound(months.begin(), months.end(), paid), paid);  // mostly at the end
    Locations& where = locations_[paid.ref.id];
    Location& slot = paid.ref.role == Role::kApplicant ? where.applicant : where.coApplicant;
    slot = {person, paid.month, true};
}

void PaymentLedger::markSkyddad(PersonToken person) { persons_[person].skyddad = true; }

void PaymentLedger::setWithheld(PersonToken person, bool withheld) {
    if (auto it = persons_.find(person); it != persons_.end()) {
        it->second.withheld = withheld;
    }
}

void PaymentLedger::forgetIfEmpty(PersonToken person) {
    if (auto it = persons_.find(person); it != persons_.end() && it->second.months.empty()) {
        persons_.erase(it);
    }
}

const PersonMonths* PaymentLedger::person(PersonToken person) const {
    auto it = persons_.find(person);
    return it == persons_.end() ? nullptr : &it->second;
}

void PaymentLedger::restore(PersonToken person, PersonMonths months) {
    std::sort(months.months.begin(), months.months.end());
    for (const auto& paid : months.months) {
        Locations& where = locations_[paid.ref.id];
        (paid.ref.role == Role::kApplicant ? where.applicant : where.coApplicant) = {person, paid.month, true};
    }
    persons_[person] = std::move(months);
}

void PaymentLedger::reserve(std::size_t payments) { locations_.reserve(payments); }

}  // namespace finsam::connectors::kommun_api
