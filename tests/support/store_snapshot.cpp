// tests/support/store_snapshot.cpp — ordered SELECTs with person_key mapped through link_key.
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/store_snapshot.h"

#include <map>

#include "core/store/row_text.h"

namespace finsam::testing {

namespace {

std::string replaceAll(std::string value, const std::map<std::string, std::string>& replacements) {
    for (const auto& [from, to] : replacements) {
        for (auto at = value.find(from); at != std::string::npos; at = value.find(from, at + to.size())) {
            value.replace(at, from.size(), to);
        }
    }
    return value;
}

}  // namespace

std::string canonicalSnapshot(store::Database& database) {
    auto& sql = database.session();
    std::map<std::string, std::string> personToLink;
    soci::rowset<soci::row> links = (sql.prepare << "SELECT person_key, kind, value FROM link_key");
    for (const auto& row : links) {
        personToLink[row.get<std::string>(0)] = "<" + row.get<std::string>(1) + ":" + row.get<std::string>(2) + ">";
    }
    // Persons without a link key (protected, anonymised) get a name from the order they first appear in
    // the feed, which two runs over the same input share.
    int unlinked = 0;
    soci::rowset<std::string> firstSeen =
        (sql.prepare << "SELECT entity_key FROM feed_event WHERE type = 'person.upserted' ORDER BY seq");
    for (const auto& person : firstSeen) {
        if (personToLink.count(person) == 0) {
            personToLink[person] = "<unlinked#" + std::to_string(++unlinked) + ">";
        }
    }
    std::string out;
    const char* queries[] = {
        "SELECT entity_key, state, namn, inriktning, startdatum, slutdatum, malgrupp FROM insats ORDER BY entity_key",
        "SELECT entity_key, state, budget_kr, planerat_antal, esf FROM insats_budget ORDER BY entity_key",
        "SELECT entity_key, state, person_key, anonymous, kon, fodelsear, startdatum, slutdatum, "
        "forsorjning_fore, avslutsanledning FROM deltagande ORDER BY entity_key",
        "SELECT entity_key, state, person_key, galler_insats, parter, giltigt_fran, aterkallat FROM samtycke "
        "ORDER BY entity_key",
        "SELECT person_key, kon, fodelsear, protected FROM person ORDER BY person_key",
        "SELECT code, source, line, field FROM quarantine ORDER BY source, line",
        "SELECT seq, type, entity_key, payload FROM feed_event ORDER BY seq",
    };
    for (const char* query : queries) {
        std::vector<std::string> lines;
        soci::rowset<soci::row> rows = (sql.prepare << query);
        for (const auto& row : rows) {
            std::string line;
            for (std::size_t i = 0; i < row.size(); ++i) {
                line += (i > 0 ? "|" : "") + replaceAll(row.get_indicator(i) == soci::i_null ? "NULL" : store::cellText(row, i), personToLink);
            }
            lines.push_back(line);
        }
        // Person keys sort randomly; after mapping, sort again so order does not depend on them.
        std::sort(lines.begin(), lines.end());
        out += std::string(query).substr(0, 40) + "\n";
        for (const auto& line : lines) {
            out += line + "\n";
        }
    }
    return out;
}

}  // namespace finsam::testing
