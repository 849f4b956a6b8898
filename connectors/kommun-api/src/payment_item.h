// connectors/kommun-api/src/payment_item.h — one item of /forsorjningsstod/utbetalningar, validated
// (kommun-api.md "Items", Payment).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>

#include "item_fields.h"
#include "month.h"

namespace finsam::connectors::kommun_api {

/// A payment as the join needs it. The numbers are clear text: they live only in memory, for the tokens of
/// the join and the personnummer field of the periods they change.
struct Payment {
    std::string id;
    std::string applicant;                   ///< personnummer, 12 digits
    std::optional<std::string> coApplicant;  ///< medsokande_personnummer
    std::string household;                   ///< hushall_id
    Month month = 0;                         ///< period
    bool inForce = true;                     ///< status utbetald or aterkrav; false for makulerad
    bool skyddad = false;
};

struct PaymentRead {
    std::optional<Payment> payment;
    std::optional<ItemFault> fault;
};

/// Validates every documented member (stadsdel, belopp_kr and andrad too, though the join does not use them):
/// an item that breaks one is quarantined whole rather than joined in part.
PaymentRead readPayment(const rapidjson::Value& item);

}  // namespace finsam::connectors::kommun_api
