// connectors/kommun-api/tests/support/item_json.h — items as the API writes them, with one member changed.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <string>

namespace finsam::connectors::kommun_api::testing {

/// A valid payment item (two generated numbers, nobody's).
extern const char* const kPaymentItem;
/// A valid, identified, ended participation item.
extern const char* const kParticipationItem;

/// `json` parsed; with `member` set to `valueJson` (any JSON text), or removed when `valueJson` is empty.
rapidjson::Document itemWith(const char* json, const std::string& member = "", const std::string& valueJson = "");

}  // namespace finsam::connectors::kommun_api::testing
