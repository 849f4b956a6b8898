// core/link/link_engine.cpp — candidate pairs by shared link key, the consent policy decides, the store remembers.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/link_engine.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <cstdio>
#include <map>

#include "core/common/clock.h"
#include "core/consent/consent_history.h"
#include "core/consent/consent_policy.h"
#include "core/consent/consent_registry.h"
#include "core/consent/follow_up_window.h"
#include "core/store/audit_log.h"

namespace finsam::link {

namespace {

std::string organisationOf(store::Database& database, const std::string& personKey) {
    std::string organisation;
    database.session() << "SELECT organisation FROM link_key WHERE person_key = :p", soci::use(personKey),
        soci::into(organisation);
    return organisation;
}

// A person's records: participation starts and benefit period starts, each with the consent category it falls
// under (codes.md): a participation is `deltagande` whoever reports it (the region's FINSAM episodes too), a
// benefit period `ersattning`.
struct RecordDate {
    std::chrono::year_month_day date;
    std::string category;
};

std::vector<RecordDate> recordDates(store::Database& database, const std::string& personKey) {
    std::vector<RecordDate> dates;
    for (auto [sql, category] :
         {std::pair{"SELECT startdatum FROM deltagande WHERE state = 'active' AND person_key = :p", "deltagande"},
          std::pair{"SELECT from_datum FROM ersattningsperiod WHERE state = 'active' AND person_key = :p",
                    "ersattning"}}) {
        soci::rowset<std::string> rows = (database.session().prepare << sql, soci::use(personKey));
        for (const auto& value : rows) {
            if (auto date = common::parseIsoDate(value)) {
                dates.push_back({*date, category});
            }
        }
    }
    return dates;
}

std::string linkPayload(const std::string& a, const std::string& b, const std::string& purpose,
                        const std::string& consentKey, const std::string& from, const std::string& to,
                        const LinkEngine::Method* method = nullptr) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("persons");
    json.StartArray();
    json.String(a);
    json.String(b);
    json.EndArray();
    json.Key("purpose"); json.String(purpose);
    json.Key("consent"); json.String(consentKey);
    json.Key("valid_from"); json.String(from);
    json.Key("valid_to");
    to.empty() ? json.Null() : json.String(to);
    if (method != nullptr) {
        json.Key("method");
        json.String(method->name);
        json.Key("match_probability");
        method->probability ? json.Double(*method->probability) : json.Null();
    }
    json.EndObject();
    return buffer.GetString();
}

}  // namespace

struct LinkEngine::Decision {
    consent::LinkDecision link;
    std::string validFrom;
    std::string validTo;
    std::optional<std::chrono::year_month_day> withdrawnAt;  ///< of the refusing consent, when withdrawn
};

LinkEngine::Decision LinkEngine::decide(const std::string& personA, const std::string& personB,
                                        std::chrono::year_month_day today, bool asConsentsStood) {
    consent::ConsentRegistry registry(database_);
    // A consent is the person's, wherever it was recorded (usually in the förbund's register): gather the
    // consents and participations of every organisation-scoped person sharing the link key.
    std::set<std::string> samePerson = {personA, personB};
    for (const auto& person : {personA, personB}) {
        auto others = counterparts(person);
        samePerson.insert(others.begin(), others.end());
    }
    // The past is answered from the consent versions that stood on the day, not from today's.
    auto consents = asConsentsStood
                        ? consent::consentsStoodOn(registry.historiesOf(samePerson), consent::formatIsoDate(today))
                        : registry.consentsOf(samePerson);
    auto participations = registry.participationsOf(samePerson);
    consent::LinkQuestion question;
    question.orgA = organisationOf(database_, personA);
    question.orgB = organisationOf(database_, personB);
    question.purpose = purpose_;
    question.date = today;
    auto datesA = recordDates(database_, personA);
    auto datesB = recordDates(database_, personB);
    Decision decision;
    decision.link = {false, std::string(consent::rule::kNoConsent), "", "no records to link"};
    // The pair is linked when some record of each may be linked; otherwise the first refusal explains why.
    bool first = true;
    for (const auto& recordA : datesA) {
        for (const auto& recordB : datesB) {
            question.recordDateA = recordA.date;
            question.recordDateB = recordB.date;
            question.categoryA = recordA.category;
            question.categoryB = recordB.category;
            auto link = consent::mayLink(consents, question, participations, window_);
            if (link.allowed || first) {
                decision.link = link;
                first = false;
            }
            if (link.allowed) {
                break;
            }
        }
        if (decision.link.allowed) {
            break;
        }
    }
    for (const auto& consent : consents) {
        if (consent.key == decision.link.consentKey && !decision.link.allowed) {
            decision.withdrawnAt = consent.withdrawnAt;
        }
    }
    if (decision.link.allowed) {
        for (const auto& consent : consents) {
            if (consent.key != decision.link.consentKey) {
                continue;
            }
            auto covered = consent::coveredParticipations(consent, participations).participations;
            if (auto period = consent::inForcePeriod(consent, covered, window_)) {
                decision.validFrom = consent::formatIsoDate(period->from);
                decision.validTo = period->to ? consent::formatIsoDate(*period->to) : "";
            }
        }
    }
    return decision;
}

consent::LinkDecision LinkEngine::allowedOn(const std::string& personA, const std::string& personB,
                                            const std::string& date) {
    auto day = common::parseIsoDate(date);
    if (!day) {
        return {false, std::string(consent::rule::kNoConsent), "", "not a date: " + date};
    }
    return decide(personA, personB, *day, true).link;
}

std::set<std::string> sharingLinkKey(store::Database& database, const std::string& personKey) {
    std::set<std::string> others;
    soci::rowset<std::string> rows =
        (database.session().prepare << "SELECT DISTINCT o.person_key FROM link_key p JOIN link_key o ON "
                                       "o.kind = p.kind AND o.key_id = p.key_id AND o.value = p.value AND "
                                       "o.organisation <> p.organisation WHERE p.person_key = :p",
         soci::use(personKey));
    for (const auto& other : rows) {
        others.insert(other);
    }
    return others;
}

std::set<std::string> LinkEngine::counterparts(const std::string& personKey) {
    std::set<std::string> others = sharingLinkKey(database_, personKey);
    // Probabilistic matches (probabilistic_linker.h) made by the model or accepted by a reviewer add counterparts;
    // a shared number the evidence contradicts (conflict), or a reviewer rejected, takes one away.
    soci::rowset<soci::row> matches =
        (database_.session().prepare << "SELECT person_a, person_b, status FROM person_match WHERE (person_a = :p "
                                        "OR person_b = :q) AND status IN ('linked', 'accepted', 'conflict', "
                                        "'rejected')",
         soci::use(personKey), soci::use(personKey));
    std::set<std::string> apart;
    for (const auto& row : matches) {
        const std::string other =
            row.get<std::string>(0) == personKey ? row.get<std::string>(1) : row.get<std::string>(0);
        const std::string status = row.get<std::string>(2);
        (status == "linked" || status == "accepted" ? others : apart).insert(other);
    }
    for (const auto& other : apart) {
        others.erase(other);
    }
    return others;
}

bool LinkEngine::stillCounterparts(const std::string& personA, const std::string& personB) {
    // Directly, or both counterparts of a third person (the pairs reconcile() builds from a group).
    const auto ofA = counterparts(personA);
    if (ofA.count(personB) != 0) {
        return true;
    }
    for (const auto& other : counterparts(personB)) {
        if (ofA.count(other) != 0) {
            return true;
        }
    }
    return false;
}

LinkEngine::Method LinkEngine::methodOf(const std::string& personA, const std::string& personB) {
    long long shared = 0;
    database_.session() << "SELECT COUNT(*) FROM link_key p JOIN link_key o ON o.kind = p.kind AND "
                           "o.key_id = p.key_id AND o.value = p.value WHERE p.person_key = :a AND o.person_key = :b",
        soci::use(personA), soci::use(personB), soci::into(shared);
    if (shared > 0) {
        return {"deterministic", std::nullopt};
    }
    // The pair's own match, else the strongest match that bridges them (A matched to B's counterpart).
    double probability = 0;
    soci::indicator found = soci::i_null;
    database_.session() << "SELECT MAX(probability) FROM person_match WHERE status IN ('linked', 'accepted') AND "
                           "((person_a = :a AND person_b = :b) OR (person_a = :c AND person_b = :d))",
        soci::use(std::min(personA, personB)), soci::use(std::max(personA, personB)),
        soci::use(std::min(personA, personB)), soci::use(std::max(personA, personB)), soci::into(probability, found);
    if (found != soci::i_ok) {
        database_.session() << "SELECT MAX(probability) FROM person_match WHERE status IN ('linked', 'accepted') "
                               "AND (person_a IN (:a, :b) OR person_b IN (:c, :d))",
            soci::use(personA), soci::use(personB), soci::use(personA), soci::use(personB),
            soci::into(probability, found);
    }
    return {"probabilistic", found == soci::i_ok ? std::optional<double>(probability) : std::nullopt};
}

std::vector<store::EntityChange> LinkEngine::reconcile(const std::set<std::string>& touchedPersons,
                                                       std::int64_t batchId, std::chrono::year_month_day today) {
    std::vector<store::EntityChange> changes;
    // One organisation's persons have no counterparts: nothing to decide. MIN and MAX separately are each one
    // seek on the key's leading column; COUNT(DISTINCT) read the whole table on every batch.
    std::string first, last;
    soci::indicator firstNull = soci::i_ok, lastNull = soci::i_ok;
    database_.session() << "SELECT MIN(organisation) FROM link_key", soci::into(first, firstNull);
    database_.session() << "SELECT MAX(organisation) FROM link_key", soci::into(last, lastNull);
    if (firstNull != soci::i_ok || lastNull != soci::i_ok || first == last) {
        return changes;
    }
    std::set<std::pair<std::string, std::string>> pairs;
    // A change to one organisation's records (a consent, above all) can change every pair of the human:
    // re-decide all pairs among the persons that share the touched person's link key.
    std::set<std::string> done;
    for (const auto& person : touchedPersons) {
        if (done.count(person) != 0) {
            continue;
        }
        auto group = counterparts(person);
        group.insert(person);
        std::map<std::string, std::string> organisations;  // one query per person, not per pair
        for (const auto& member : group) {
            organisations[member] = organisationOf(database_, member);
            done.insert(member);
        }
        for (auto a = organisations.begin(); a != organisations.end(); ++a) {
            for (auto b = std::next(a); b != organisations.end(); ++b) {
                if (a->second != b->second) {
                    pairs.emplace(a->first, b->first);
                }
            }
        }
    }
    store::AuditLog audit(database_);
    auto& sql = database_.session();
    const std::string now = common::nowUtcIso();
    // A link whose two persons are no longer counterparts (a match rejected by a reviewer, or one the model no
    // longer makes) ends today, whatever the consent says: nothing says they are one human any more.
    for (const auto& person : touchedPersons) {
        soci::rowset<soci::row> active =
            (sql.prepare << "SELECT person_a, person_b, consent_key FROM person_link WHERE state = 'active' AND "
                            "purpose = :p AND (person_a = :a OR person_b = :b)",
             soci::use(purpose_), soci::use(person), soci::use(person));
        std::vector<std::array<std::string, 3>> held, stale;
        for (const auto& row : active) {
            held.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2)});
        }
        for (const auto& link : held) {
            if (pairs.count({link[0], link[1]}) == 0 && !stillCounterparts(link[0], link[1])) {
                stale.push_back(link);
            }
        }
        for (const auto& [a, b, consentKey] : stale) {
            const std::string endDate = consent::formatIsoDate(today);
            sql << "UPDATE person_link SET state = 'dissolved', dissolved_at = :n, valid_to = :t WHERE person_a = :a "
                   "AND person_b = :b AND purpose = :p",
                soci::use(now), soci::use(endDate), soci::use(a), soci::use(b), soci::use(purpose_);
            audit.append({0, now, "unlink", a, b, consentKey, "not_same_person",
                          "no shared link key and no probabilistic match any more", batchId});
            changes.push_back({store::Change::kRetracted, "person_link", a + "+" + b,
                               linkPayload(a, b, purpose_, consentKey, "", endDate)});
        }
    }
    for (const auto& [a, b] : pairs) {
        Decision decision = decide(a, b, today);
        std::string state, consentKey;
        sql << "SELECT state, consent_key FROM person_link WHERE person_a = :a AND person_b = :b AND purpose = :p",
            soci::use(a), soci::use(b), soci::use(purpose_), soci::into(state), soci::into(consentKey);
        const bool exists = sql.got_data();
        const bool active = exists && state == "active";
        const std::string pairKey = a + "+" + b;
        const auto& link = decision.link;
        if (link.allowed && !active) {
            soci::indicator toInd = decision.validTo.empty() ? soci::i_null : soci::i_ok;
            const Method method = methodOf(a, b);
            double probability = method.probability.value_or(0);
            soci::indicator probabilityInd = method.probability ? soci::i_ok : soci::i_null;
            if (exists) {
                sql << "UPDATE person_link SET consent_key = :c, valid_from = :f, valid_to = :t, state = 'active', "
                       "dissolved_at = NULL, method = :m, match_probability = :s WHERE person_a = :a AND "
                       "person_b = :b AND purpose = :p",
                    soci::use(link.consentKey), soci::use(decision.validFrom), soci::use(decision.validTo, toInd),
                    soci::use(method.name), soci::use(probability, probabilityInd), soci::use(a), soci::use(b),
                    soci::use(purpose_);
            } else {
                sql << "INSERT INTO person_link (person_a, person_b, purpose, consent_key, valid_from, valid_to, "
                       "state, created_at, method, match_probability) VALUES (:a, :b, :p, :c, :f, :t, 'active', "
                       ":n, :m, :s)",
                    soci::use(a), soci::use(b), soci::use(purpose_), soci::use(link.consentKey),
                    soci::use(decision.validFrom), soci::use(decision.validTo, toInd), soci::use(now),
                    soci::use(method.name), soci::use(probability, probabilityInd);
            }
            std::string detail = link.detail;
            if (method.probability) {
                char score[64];
                std::snprintf(score, sizeof score, "; probabilistic match, probability %.4f", *method.probability);
                detail += score;
            }
            audit.append({0, now, "link", a, b, link.consentKey, link.rule, detail, batchId});
            changes.push_back({store::Change::kInserted, "person_link", pairKey,
                               linkPayload(a, b, purpose_, link.consentKey, decision.validFrom, decision.validTo,
                                           &method)});
        } else if (!link.allowed && active) {
            // A withdrawal ends the link at once: its last day is the day before the withdrawal.
            const std::string endDate = consent::formatIsoDate(
                decision.withdrawnAt ? consent::addDays(*decision.withdrawnAt, -1) : today);
            sql << "UPDATE person_link SET state = 'dissolved', dissolved_at = :n, valid_to = :t WHERE person_a = :a "
                   "AND person_b = :b AND purpose = :p",
                soci::use(now), soci::use(endDate), soci::use(a), soci::use(b), soci::use(purpose_);
            audit.append({0, now, "unlink", a, b, link.consentKey.empty() ? consentKey : link.consentKey, link.rule,
                          link.detail, batchId});
            changes.push_back({store::Change::kRetracted, "person_link", pairKey,
                               linkPayload(a, b, purpose_, consentKey, "", endDate)});
        } else if (!link.allowed) {
            // A refusal is audited when it first happens or its reason changes, not on every batch.
            auto last = audit.lastForPair(a, b);
            if (last.seq == 0 || last.action != "refuse" || last.rule != link.rule ||
                last.consentKey != link.consentKey) {
                audit.append({0, now, "refuse", a, b, link.consentKey, link.rule, link.detail, batchId});
            }
        }
    }
    return changes;
}

}  // namespace finsam::link
