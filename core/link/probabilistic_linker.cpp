// core/link/probabilistic_linker.cpp — candidates from shared tags, scored pairs, person_match upkeep.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/probabilistic_linker.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>
#include <optional>

#include "core/common/clock.h"
#include "core/link/encoding_similarity.h"
#include "core/link/link_engine.h"
#include "core/link/person_encodings.h"

namespace finsam::link {

namespace {

// Two persons sharing a number whose names both disagree and whose birth dates differ: a reused number (or a
// number typed into the wrong person's record), not one human.
bool contradicts(const ComparisonPattern& pattern) {
    const auto level = [&](identity::EncodedField field) { return pattern.levels[static_cast<int>(field)]; };
    const auto date = level(identity::EncodedField::kFodelsedatum);
    return level(identity::EncodedField::kFornamn) == Agreement::kDisagree &&
           level(identity::EncodedField::kEfternamn) == Agreement::kDisagree && date != Agreement::kExact &&
           date != Agreement::kMissing;
}

struct Scored {
    std::string other;
    ComparisonPattern pattern;
    double weight = 0;
    double probability = 0;
};

struct HeldMatch {
    std::int64_t id = 0;
    std::string status;
};

}  // namespace

std::string evidenceJson(const ComparisonPattern& pattern) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    for (std::size_t f = 0; f < identity::kEncodedFieldCount; ++f) {
        json.Key(std::string(identity::toString(identity::EncodedField(f))).c_str());
        json.String(std::string(toString(pattern.levels[f])).c_str());
    }
    json.EndObject();
    return buffer.GetString();
}

MatchModel ProbabilisticLinker::model(const std::string& keyId) {
    auto held = database_.queryRow("SELECT model FROM linkage_model WHERE key_id = :p0", {keyId}, 1);
    if (held) {
        if (auto model = MatchModel::fromJson(held->at(0).value_or(""))) {
            return *model;
        }
    }
    return MatchModel::initial();
}

MatchModel ProbabilisticLinker::estimate(const std::string& keyId, std::size_t& encodingsUsed) {
    PersonEncodings encodings(database_);
    std::vector<std::string> personKeys;
    auto records = encodings.all(keyId, personKeys);
    encodingsUsed = records.size();
    MatchModel model = estimateModel(records, candidatePairs(records));
    database_.execute("DELETE FROM linkage_model WHERE key_id = :p0", {keyId});
    database_.execute("INSERT INTO linkage_model (key_id, model, encodings, estimated_at) VALUES (:p0, :p1, :p2, :p3)",
                      {keyId, model.toJson(), std::to_string(records.size()), common::nowUtcIso()});
    return model;
}

std::set<std::string> ProbabilisticLinker::everyEncodedPerson() {
    std::set<std::string> persons;
    soci::rowset<std::string> rows = (database_.session().prepare << "SELECT person_key FROM person_encoding");
    for (const auto& person : rows) {
        persons.insert(person);
    }
    return persons;
}

std::set<std::string> ProbabilisticLinker::match(const std::set<std::string>& touchedPersons) {
    std::set<std::string> changed;
    PersonEncodings encodings(database_);
    std::map<std::string, MatchModel> models;  // per key id, estimated at most once per batch
    const std::string now = common::nowUtcIso();
    for (const auto& person : touchedPersons) {
        auto own = encodings.find(person);
        if (!own) {
            continue;
        }
        auto modelIt = models.find(own->keyId);
        if (modelIt == models.end()) {
            modelIt = models.emplace(own->keyId, model(own->keyId)).first;
        }
        const MatchModel& fs = modelIt->second;
        const auto deterministic = sharingLinkKey(database_, person);
        std::vector<Scored> matched;
        std::map<std::string, Scored> conflicts;  // persons sharing the number whom the evidence says are others
        for (const auto& candidate : encodings.candidates(person, own->organisation, own->keyId)) {
            Scored scored{candidate.personKey, ComparisonPattern::of(compareFields(own->encoding, candidate.encoding))};
            if (deterministic.count(candidate.personKey) != 0) {
                if (contradicts(scored.pattern)) {
                    scored.weight = fs.weight(scored.pattern);
                    scored.probability = fs.probability(scored.pattern);
                    conflicts.emplace(candidate.personKey, scored);
                }
                continue;
            }
            scored.weight = fs.weight(scored.pattern);
            scored.probability = fs.probability(scored.pattern);
            if (classify(scored.probability, thresholds_) != MatchClass::kApart) {
                matched.push_back(scored);
            }
        }
        // The person's matches as held: undecided ones that no longer hold are dropped.
        std::map<std::pair<std::string, std::string>, HeldMatch> held;
        {
            soci::rowset<soci::row> rows =
                (database_.session().prepare << "SELECT id, person_a, person_b, status FROM person_match WHERE "
                                                "person_a = :p OR person_b = :q",
                 soci::use(person), soci::use(person));
            for (const auto& row : rows) {
                held[{row.get<std::string>(1), row.get<std::string>(2)}] =
                    HeldMatch{static_cast<std::int64_t>(row.get<long long>(0)), row.get<std::string>(3)};
            }
        }
        std::set<std::pair<std::string, std::string>> kept;
        std::vector<std::pair<Scored, std::string>> decided;
        for (const auto& scored : matched) {
            decided.emplace_back(scored,
                                 classify(scored.probability, thresholds_) == MatchClass::kLink ? "linked" : "review");
        }
        for (const auto& [other, scored] : conflicts) {
            decided.emplace_back(scored, "conflict");
        }
        for (const auto& [scored, status] : decided) {
            const auto pair = std::minmax(person, scored.other);
            const std::pair<std::string, std::string> key{pair.first, pair.second};
            kept.insert(key);
            auto it = held.find(key);
            if (it != held.end() && (it->second.status == "accepted" || it->second.status == "rejected")) {
                continue;  // a reviewer's decision stands
            }
            const std::string evidence = evidenceJson(scored.pattern);
            if (it == held.end()) {
                const std::int64_t id = database_.allocate("person_match", 1);
                database_.execute("INSERT INTO person_match (id, person_a, person_b, probability, weight, evidence, "
                                  "status, created_at, updated_at) VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7, "
                                  ":p8)",
                                  {std::to_string(id), key.first, key.second, std::to_string(scored.probability),
                                   std::to_string(scored.weight), evidence, status, now, now});
            } else {
                database_.execute("UPDATE person_match SET probability = :p0, weight = :p1, evidence = :p2, "
                                  "status = :p3, updated_at = :p4 WHERE id = :p5",
                                  {std::to_string(scored.probability), std::to_string(scored.weight), evidence,
                                   status, now, std::to_string(it->second.id)});
            }
            const std::string before = it == held.end() ? "" : it->second.status;
            // linked and conflict change who the counterparts are (LinkEngine::counterparts).
            if ((before == "linked") != (status == "linked") || (before == "conflict") != (status == "conflict")) {
                changed.insert(key.first);
                changed.insert(key.second);
            }
        }
        for (const auto& [key, match] : held) {
            if (kept.count(key) != 0 ||
                (match.status != "linked" && match.status != "review" && match.status != "conflict")) {
                continue;
            }
            database_.execute("DELETE FROM person_match WHERE id = :p0", {std::to_string(match.id)});
            if (match.status == "linked" || match.status == "conflict") {
                changed.insert(key.first);
                changed.insert(key.second);
            }
        }
    }
    return changed;
}

}  // namespace finsam::link
