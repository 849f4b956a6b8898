// core/feed/event_catalogue.cpp — the catalogue; feed_writer.cpp produces exactly these types (a test holds it).
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/event_catalogue.h"

#include <Poco/StringTokenizer.h>

#include <algorithm>
#include <stdexcept>

namespace finsam::feed {

using A = ConsumerAction;

const std::vector<EventTypeInfo>& eventCatalogue() {
    static const std::vector<EventTypeInfo> catalogue = {
        {"insats.upserted", "insats", A::kUpsert, "An insats was registered or changed; the payload is its state."},
        {"insats.retracted", "insats", A::kDelete, "An insats was removed at its source; drop it."},
        {"insats_budget.upserted", "insats_budget", A::kUpsert, "An insats budget year was registered or changed."},
        {"insats_budget.retracted", "insats_budget", A::kDelete, "An insats budget year was removed; drop it."},
        {"person.upserted", "person", A::kUpsert, "A pseudonymous person was created or changed (kön, födelseår)."},
        {"person.retracted", "person", A::kDelete,
         "The person became protected: drop the person; the person's records arrive again as anonymous."},
        {"person.linked", "person_link", A::kLink,
         "A consent allows two persons of different organisations to be treated as one person."},
        {"person.unlinked", "person_link", A::kUnlink,
         "The link ended (withdrawal, protected identity): forget it and anything derived through it alone."},
        {"deltagande.started", "deltagande", A::kUpsert, "A participation started; the payload is its state."},
        {"deltagande.updated", "deltagande", A::kUpsert, "A participation changed; the payload is its state."},
        {"deltagande.ended", "deltagande", A::kUpsert, "A participation ended (slutdatum set); the payload is its state."},
        {"deltagande.retracted", "deltagande", A::kDelete, "A participation was removed at its source; drop it."},
        {"deltagande.merged", "deltagande", A::kMerge,
         "A report is a duplicate of another report of the same participation: count the participation once."},
        {"deltagande.unmerged", "deltagande", A::kUnmerge, "The report is no longer a duplicate: it counts again."},
        {"ersattning.upserted", "ersattningsperiod", A::kUpsert,
         "A benefit period (aktivitetsstöd, sjukpenning, försörjningsstöd, …) was registered or changed."},
        {"ersattning.cancelled", "ersattningsperiod", A::kDelete,
         "A benefit period was cancelled at its source (makulering, withdrawal); drop it."},
        {"samtycke.changed", "samtycke", A::kUpsert, "A consent was registered or changed (incl. withdrawal)."},
        {"samtycke.retracted", "samtycke", A::kDelete, "A consent was removed at its source; drop it."},
    };
    return catalogue;
}

const EventTypeInfo* findEventType(std::string_view type) {
    for (const auto& info : eventCatalogue()) {
        if (info.type == type) {
            return &info;
        }
    }
    return nullptr;
}

std::vector<std::string> expandTypes(const std::string& list) {
    std::vector<bool> chosen(eventCatalogue().size(), false);
    Poco::StringTokenizer items(list, ",");
    if (items.count() == 0) {
        throw std::invalid_argument("names no event type");
    }
    for (const auto& item : items) {
        bool found = false;
        const bool wildcard = item.size() > 2 && item.compare(item.size() - 2, 2, ".*") == 0;
        const std::string prefix = wildcard ? item.substr(0, item.size() - 1) : "";
        for (std::size_t i = 0; i < eventCatalogue().size(); ++i) {
            std::string_view type = eventCatalogue()[i].type;
            if (wildcard ? type.substr(0, prefix.size()) == prefix : type == item) {
                chosen[i] = true;
                found = true;
            }
        }
        if (!found) {
            throw std::invalid_argument("'" + item + "' is not an event type (see /openapi.json or docs/feed.md)");
        }
    }
    std::vector<std::string> types;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        if (chosen[i]) {
            types.emplace_back(eventCatalogue()[i].type);
        }
    }
    return types;
}

}  // namespace finsam::feed
