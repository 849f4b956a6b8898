// connectors/kommun-api/src/item_fields.h — reading the documented members of one item, first fault kept.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>

namespace finsam::connectors::kommun_api {

/// Why an item does not validate: the member at fault, a reason code (the hub's words: wrong_shape,
/// missing_value, bad_value, unknown_code, invalid_personnummer, end_before_start) and a reason that never
/// repeats an identity.
struct ItemFault {
    std::string field;
    std::string code;
    std::string reason;
};

/// Reads members of an item object. Each getter returns a neutral value once a fault is recorded, so a
/// reader goes through its members and asks fault() once at the end: the first fault is the one reported.
class ItemFields {
public:
    explicit ItemFields(const rapidjson::Value& item) : item_(item) {}

    /// A non-empty string.
    std::string text(const char* name);
    /// A string, or null / absent (nullopt). An empty string counts as absent.
    std::optional<std::string> optionalText(const char* name);
    bool flag(const char* name);
    /// An integer (e.g. fodelsear), as decimal text.
    std::string integer(const char* name);
    /// Any JSON number (e.g. belopp_kr), as the text the hub would store.
    std::string number(const char* name);

    void fail(const char* name, std::string code, std::string reason);
    const std::optional<ItemFault>& fault() const { return fault_; }

private:
    const rapidjson::Value* find(const char* name) const;

    const rapidjson::Value& item_;
    std::optional<ItemFault> fault_;
};

/// The item's `id` when it is a non-empty string, else "" (a message then names the item by its index).
std::string itemId(const rapidjson::Value& item);

}  // namespace finsam::connectors::kommun_api
