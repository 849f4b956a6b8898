// connectors/kommun-api/src/payment_item.cpp
// SPDX-License-Identifier: Apache-2.0
#include "payment_item.h"

#include "personnummer_check.h"
#include "rfc3339.h"

namespace finsam::connectors::kommun_api {

PaymentRead readPayment(const rapidjson::Value& item) {
    if (!item.IsObject()) {
        return {std::nullopt, ItemFault{"", "wrong_shape", "the item is not a JSON object"}};
    }
    ItemFields fields(item);
    Payment payment;
    payment.id = fields.text("id");
    payment.applicant = fields.text("personnummer");
    if (auto fault = personnummerFault(payment.applicant); fault && !fields.fault()) {
        fields.fail("personnummer", "invalid_personnummer", *fault);
    }
    payment.coApplicant = fields.optionalText("medsokande_personnummer");
    if (payment.coApplicant) {
        if (auto fault = personnummerFault(*payment.coApplicant); fault) {
            fields.fail("medsokande_personnummer", "invalid_personnummer", *fault);
        } else if (*payment.coApplicant == payment.applicant) {
            fields.fail("medsokande_personnummer", "bad_value", "names the applicant again");
        }
    }
    payment.household = fields.text("hushall_id");
    const std::string period = fields.text("period");
    if (auto month = parseMonth(period)) {
        payment.month = *month;
    } else if (!fields.fault()) {
        fields.fail("period", "bad_value", "is not a month YYYY-MM");
    }
    fields.number("belopp_kr");
    fields.optionalText("stadsdel");
    const std::string status = fields.text("status");
    if (status != "utbetald" && status != "aterkrav" && status != "makulerad" && !fields.fault()) {
        fields.fail("status", "unknown_code", "is none of utbetald, aterkrav, makulerad");
    }
    payment.inForce = status != "makulerad";  // aterkrav: paid and reclaimed, the month was still supported
    payment.skyddad = fields.flag("skyddad");
    if (!isRfc3339(fields.text("andrad")) && !fields.fault()) {
        fields.fail("andrad", "bad_value", "is not an RFC 3339 time");
    }
    if (fields.fault()) {
        return {std::nullopt, fields.fault()};
    }
    return {std::move(payment), std::nullopt};
}

}  // namespace finsam::connectors::kommun_api
