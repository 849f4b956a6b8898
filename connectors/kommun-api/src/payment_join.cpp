// connectors/kommun-api/src/payment_join.cpp
// SPDX-License-Identifier: Apache-2.0
#include "payment_join.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <vector>

#include "finsam/http_client/redaction.h"
#include "support_period.h"

namespace finsam::connectors::kommun_api {

namespace {

// Lineage text of a period: its months and payments, never a person.
std::string periodRaw(const SupportPeriod& period) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    writer.Key("from");
    writer.String(monthText(period.first).c_str());
    writer.Key("to");
    writer.String(monthText(period.last).c_str());
    writer.Key("payments");
    writer.StartArray();
    for (const auto& ref : period.payments) {
        writer.String((ref.role == Role::kApplicant ? ref.id : ref.id + "/medsokande").c_str());
    }
    writer.EndArray();
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

sdk::Record upsert(const SupportPeriod& period, const std::string& number, bool skyddad,
                   const sdk::Position& position) {
    sdk::Record record{"ersattningsperiod", period.key(), sdk::Operation::kUpsert, {}, position, periodRaw(period)};
    record.fields.push_back({"personnummer", number, 0});
    if (skyddad) {
        record.fields.push_back({"skyddad", "true", 0});  // the hub drops the number and anonymises
    }
    record.fields.push_back({"ersattningstyp", kForsorjningsstod, 0});
    record.fields.push_back({"from_datum", firstDayOf(period.first), 0});
    record.fields.push_back({"tom_datum", lastDayOf(period.last), 0});
    return record;
}

const SupportPeriod* withKey(const std::vector<SupportPeriod>& periods, const std::string& key) {
    for (const auto& period : periods) {
        if (period.key() == key) {
            return &period;
        }
    }
    return nullptr;
}

bool samePeriods(const std::vector<SupportPeriod>& a, const std::vector<SupportPeriod>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const SupportPeriod& x, const SupportPeriod& y) { return x.sameAs(y); });
}

}  // namespace

void PaymentJoin::touch(PersonToken person, const sdk::Position& position, const std::string* number) {
    auto [it, first] = touched_.try_emplace(person);
    if (first) {
        const PersonMonths* held = ledger_.person(person);
        it->second.before = held != nullptr ? *held : PersonMonths{};
    }
    if (number != nullptr) {
        it->second.number = *number;
    }
    it->second.position = position;
    it->second.order = ++sequence_;
}

void PaymentJoin::apply(const Payment& payment, const sdk::Position& position) {
    const PersonToken applicant = tokens_.of(payment.applicant);
    std::optional<PersonToken> coApplicant;
    if (payment.coApplicant) {
        coApplicant = tokens_.of(*payment.coApplicant);
    }
    // Everyone the earlier version paid is touched too: a replacement may move the payment away from them.
    for (PersonToken earlier : ledger_.personsPaidBy(payment.id)) {
        touch(earlier, position, nullptr);
    }
    touch(applicant, position, &payment.applicant);
    if (coApplicant) {
        touch(*coApplicant, position, &*payment.coApplicant);
    }
    ledger_.apply(payment, applicant, coApplicant);
    if (payment.skyddad) {
        // Protection is the household's (skyddad folkbokföring covers those living with the person).
        ledger_.markSkyddad(applicant);
        if (coApplicant) {
            ledger_.markSkyddad(*coApplicant);
        }
    }
}

void PaymentJoin::emit(PersonToken person, Touched& touched, sdk::RecordSink& sink) {
    static const PersonMonths kNone;
    const PersonMonths* now = ledger_.person(person);
    const PersonMonths& current = now != nullptr ? *now : kNone;
    const std::vector<SupportPeriod> before =
        touched.before.withheld ? std::vector<SupportPeriod>{} : periodsOf(touched.before);
    std::vector<SupportPeriod> after = periodsOf(current);
    const bool protectionChanged = touched.before.skyddad != current.skyddad;
    if (!touched.number) {
        if (touched.before.withheld || (samePeriods(before, after) && !protectionChanged)) {
            return;  // nothing the hub holds changed, or it holds nothing of them
        }
        // The page URL carries the server's cursor: redacted, as every URL in this connector's messages.
        sink.warn(http_client::redact(touched.position.source) + " item " + std::to_string(touched.position.line) +
                  ": a payment moved to another person or month; the försörjningsstöd periods of the person it "
                  "paid before are withdrawn until the kommun names that person again");
        after.clear();
        ledger_.setWithheld(person, true);
    } else {
        ledger_.setWithheld(person, false);
    }
    for (const auto& period : before) {
        if (withKey(after, period.key()) == nullptr) {
            sink.accept({"ersattningsperiod", period.key(), sdk::Operation::kRetract, {}, touched.position,
                         periodRaw(period)});
        }
    }
    for (const auto& period : after) {
        const SupportPeriod* held = withKey(before, period.key());
        if (held == nullptr || !held->sameAs(period) || protectionChanged) {
            sink.accept(upsert(period, *touched.number, current.skyddad, touched.position));
        }
    }
    ledger_.forgetIfEmpty(person);
}

void PaymentJoin::flush(sdk::RecordSink& sink) {
    std::vector<std::pair<std::uint64_t, PersonToken>> order;
    for (const auto& [person, touched] : touched_) {
        order.emplace_back(touched.order, person);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [sequence, person] : order) {
        emit(person, touched_.at(person), sink);
    }
    for (auto& [person, touched] : touched_) {
        if (touched.number) {
            std::fill(touched.number->begin(), touched.number->end(), '\0');  // no copy outlives the batch
        }
    }
    touched_.clear();
}

}  // namespace finsam::connectors::kommun_api
