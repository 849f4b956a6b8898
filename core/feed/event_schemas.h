// core/feed/event_schemas.h — every feed event checked against config/schemas/events/<type>.schema.json.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/feed/feed_event.h"

namespace finsam::feed {

/// The event schemas compiled into the binary (common::embeddedEventSchemas()), one per catalogue type.
class EventSchemas {
public:
    /// The embedded schemas, compiled on first use (thread-safe). Throws std::logic_error when a schema is not
    /// valid JSON or holds a pattern RapidJSON cannot compile (it would silently accept everything).
    static const EventSchemas& embedded();

    /// Why `event`, written as the feed writes it (toNdjson), does not match its type's schema: "no schema for
    /// event type T", or the JSON pointer and keyword of the first violation, e.g. "/payload/kon: enum".
    /// Never quotes a value of the event. std::nullopt when it matches. Safe to call from any thread.
    std::optional<std::string> validate(const FeedEvent& event) const;

    /// The types that have a schema (the schema files' names without ".schema.json"), sorted.
    std::vector<std::string> types() const;

    ~EventSchemas();
    EventSchemas(const EventSchemas&) = delete;
    EventSchemas& operator=(const EventSchemas&) = delete;

private:
    EventSchemas();
    struct Compiled;
    std::map<std::string, std::unique_ptr<Compiled>, std::less<>> schemas_;
};

/// True when the environment sets FINSAM_VALIDATE_FEED_EVENTS=1 (read once). The tests set it for every test
/// (cmake/finsam_tests.cmake), so FeedWriter checks every event they produce.
bool eventValidationSwitchedOn();

}  // namespace finsam::feed
