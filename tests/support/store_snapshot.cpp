// tests/support/store_snapshot.cpp — ordered SELECTs with person_key mapped through link_key.
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/store_snapshot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "core/feed/feed_reader.h"
#include "core/store/row_text.h"

namespace finsam::testing {

namespace {

// Person keys are 32 letters a–p: each such run in `value` that names a known person is replaced. One pass
// over the value, not one per person: snapshots of stores with tens of thousands of persons stay fast.
std::string replaceAll(const std::string& value, const std::map<std::string, std::string>& replacements) {
    constexpr std::size_t kKeyLength = 32;
    auto isKeyLetter = [](char c) { return c >= 'a' && c <= 'p'; };
    std::string out;
    std::size_t i = 0;
    while (i < value.size()) {
        if (!isKeyLetter(value[i])) {
            out += value[i++];
            continue;
        }
        std::size_t end = i;
        while (end < value.size() && isKeyLetter(value[end])) {
            ++end;
        }
        auto found = end - i == kKeyLength ? replacements.find(value.substr(i, kKeyLength)) : replacements.end();
        out += found != replacements.end() ? found->second : value.substr(i, end - i);
        i = end;
    }
    return out;
}

constexpr const char* kInsats =
    "SELECT entity_key, state, namn, inriktning, startdatum, slutdatum, malgrupp FROM insats ORDER BY entity_key";
constexpr const char* kBudget =
    "SELECT entity_key, state, budget_kr, planerat_antal, esf FROM insats_budget ORDER BY entity_key";
constexpr const char* kDeltagande =
    "SELECT entity_key, state, person_key, anonymous, kon, fodelsear, startdatum, slutdatum, forsorjning_fore, "
    "avslutsanledning FROM deltagande ORDER BY entity_key";
constexpr const char* kSamtycke =
    "SELECT entity_key, state, person_key, galler_insats, parter, giltigt_fran, aterkallat FROM samtycke "
    "ORDER BY entity_key";
constexpr const char* kPerson = "SELECT person_key, kon, fodelsear, protected FROM person ORDER BY person_key";

// A person link's two sides are stored in key order, which is random: its first two cells are sorted.
constexpr const char* kActiveLinks =
    "SELECT person_a, person_b, purpose, state FROM person_link WHERE state = 'active'";

// The feed, each event marked with the ordinal of its batch instead of its seq: within one commit the events of
// different keys come in the order of their random person keys (a batch's links, say), which two stores do not
// share, and which a rekey changes. Lines are sorted, so a batch compares as the set of its events.
constexpr const char* kFeed = "SELECT seq, type, entity_key, payload, batch_id FROM feed_event ORDER BY seq";

// A link's two persons are in the order of their random keys, in its entity key (A+B) and in its payload's
// "persons": both are put in the order of the mapped names.
void orientLink(std::vector<std::string>& event) {
    const auto plus = event[2].find(">+<");
    if (event[1].rfind("person.", 0) != 0 || plus == std::string::npos) {
        return;
    }
    const std::string a = event[2].substr(0, plus + 1);
    const std::string b = event[2].substr(plus + 2);
    if (b >= a) {
        return;
    }
    event[2] = b + "+" + a;
    const std::string pair = "[\"" + a + "\",\"" + b + "\"]";
    if (const auto at = event[3].find(pair); at != std::string::npos) {
        event[3].replace(at, pair.size(), "[\"" + b + "\",\"" + a + "\"]");
    }
}

std::vector<std::string> feedLines(std::vector<std::vector<std::string>> events) {
    std::vector<std::string> lines;
    char ordinal[16];
    int batch = 0;
    std::string current;
    for (auto& event : events) {
        orientLink(event);
        if (batch == 0 || event[4] != current) {
            current = event[4];
            ++batch;
        }
        std::snprintf(ordinal, sizeof ordinal, "%06d", batch);
        lines.push_back(std::string(ordinal) + "|" + event[1] + "|" + event[2] + "|" + event[3]);
    }
    return lines;
}

enum class Unlinked { kByFeedOrder, kAlike };

std::string snapshotOf(store::Database& database, const std::vector<const char*>& queries, Unlinked unlinkedAs) {
    auto& sql = database.session();
    std::map<std::string, std::string> personToLink;
    soci::rowset<soci::row> links = (sql.prepare << "SELECT person_key, organisation, kind, value FROM link_key");
    for (const auto& row : links) {
        personToLink[row.get<std::string>(0)] =
            "<" + row.get<std::string>(1) + ":" + row.get<std::string>(2) + ":" + row.get<std::string>(3) + ">";
    }
    // Persons without a link key (protected, anonymised) get a name from the order they first appear in
    // the feed, which two runs over the same input share; runs in different orders only count them.
    int unlinked = 0;
    soci::rowset<std::string> firstSeen =
        (sql.prepare << "SELECT entity_key FROM feed_event WHERE type = 'person.upserted' ORDER BY seq");
    for (const auto& person : firstSeen) {
        if (personToLink.count(person) == 0) {
            personToLink[person] = unlinkedAs == Unlinked::kAlike ? std::string("<unlinked>")
                                                                   : "<unlinked#" + std::to_string(++unlinked) + ">";
        }
    }
    std::string out;
    for (const char* query : queries) {
        std::vector<std::string> lines;
        std::vector<std::vector<std::string>> events;
        soci::rowset<soci::row> rows = (sql.prepare << query);
        for (const auto& row : rows) {
            std::vector<std::string> cells;
            for (std::size_t i = 0; i < row.size(); ++i) {
                cells.push_back(replaceAll(row.get_indicator(i) == soci::i_null ? "NULL" : store::cellText(row, i),
                                           personToLink));
            }
            if (query == kActiveLinks && cells[1] < cells[0]) {
                std::swap(cells[0], cells[1]);
            }
            if (query == kFeed) {
                events.push_back(std::move(cells));
                continue;
            }
            std::string line;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                line += (i > 0 ? "|" : "") + cells[i];
            }
            lines.push_back(line);
        }
        if (query == kFeed) {
            lines = feedLines(std::move(events));
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

}  // namespace

std::string canonicalSnapshot(store::Database& database) {
    return snapshotOf(database,
                      {kInsats, kBudget, kDeltagande, kSamtycke, kPerson,
                       "SELECT code, source, line, field FROM quarantine ORDER BY source, line",
                       kFeed},
                      Unlinked::kByFeedOrder);
}

std::string snapshotDifference(const std::string& expected, const std::string& actual, std::size_t limit) {
    auto lines = [](const std::string& text) {
        std::multiset<std::string> out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) {
            out.insert(line);
        }
        return out;
    };
    const auto a = lines(expected);
    const auto b = lines(actual);
    std::vector<std::string> onlyA, onlyB;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(onlyA));
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(onlyB));
    std::string out = std::to_string(onlyA.size()) + " line(s) only expected, " + std::to_string(onlyB.size()) +
                      " only actual\n";
    for (std::size_t i = 0; i < onlyA.size() && i < limit; ++i) out += "- " + onlyA[i].substr(0, 400) + "\n";
    for (std::size_t i = 0; i < onlyB.size() && i < limit; ++i) out += "+ " + onlyB[i].substr(0, 400) + "\n";
    return out;
}

std::string canonicalState(store::Database& database) {
    // Active facts only: a retracted row is history, and how it got there may differ between orders.
    return snapshotOf(database,
                      {"SELECT entity_key, namn, inriktning, startdatum, slutdatum, malgrupp FROM insats "
                       "WHERE state = 'active'",
                       "SELECT entity_key, budget_kr, planerat_antal, esf FROM insats_budget WHERE state = 'active'",
                       "SELECT entity_key, person_key, anonymous, kon, fodelsear, startdatum, slutdatum, "
                       "forsorjning_fore, avslutsanledning FROM deltagande WHERE state = 'active'",
                       "SELECT entity_key, person_key, galler_insats, parter, giltigt_fran, aterkallat FROM samtycke "
                       "WHERE state = 'active'",
                       kPerson,
                       "SELECT entity_key, person_key, ersattningstyp, omfattning, from_datum, tom_datum "
                       "FROM ersattningsperiod WHERE state = 'active'",
                       kActiveLinks,
                       "SELECT entity_key, duplicate_of FROM deltagande WHERE duplicate_of IS NOT NULL"},
                      Unlinked::kAlike);
}

void expectEachEventOnce(store::Database& database, std::int64_t expected) {
    auto events = feed::FeedReader(database).read(0, 10000000);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i].seq, static_cast<std::int64_t>(i + 1));
        EXPECT_TRUE(ids.insert(events[i].eventId).second) << "duplicate event " << events[i].eventId;
    }
    EXPECT_EQ(static_cast<std::int64_t>(events.size()), expected);
}

}  // namespace finsam::testing
