// connectors/kommun-api/src/item_raw.h — an item as text for lineage and quarantine, identities withheld.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <string>

namespace finsam::connectors::kommun_api {

/// The item as compact JSON with the values of `personnummer` and `medsokande_personnummer` replaced by
/// "[withheld]" (null stays null), then anything else shaped like a personnummer redacted: no clear number
/// ever leaves the connector in raw text. A non-object item is written as it came, redacted.
std::string withheldRaw(const rapidjson::Value& item);

}  // namespace finsam::connectors::kommun_api
