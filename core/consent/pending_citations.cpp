// core/consent/pending_citations.cpp — hold, release on the consent's arrival, or expire into anonymity.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/pending_citations.h"

#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "core/common/clock.h"
#include "core/common/hash.h"
#include "core/consent/cited_consents.h"
#include "core/consent/follow_up_window.h"
#include "core/store/row_text.h"

namespace finsam::consent {

namespace {

std::string tagOf(const model::PersonRef& person, const std::string& ref) {
    return common::sha256Hex("citation:" + person.linkKind + ":" + person.linkKeyId + ":" + person.linkKey + "|" +
                             ref);
}

// Whose a held row is, whatever it cites: what marking a person protected looks her held rows up by.
std::string personTagOf(const model::PersonRef& person) {
    return common::sha256Hex("citation-person:" + person.linkKind + ":" + person.linkKeyId + ":" + person.linkKey);
}

std::string fieldsJson(const model::WorkRecord& record) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    for (const auto& [field, values] : record.values) {
        json.Key(field.c_str(), static_cast<rapidjson::SizeType>(field.size()));
        json.StartArray();
        for (const auto& value : values) {
            json.String(value);
        }
        json.EndArray();
    }
    json.EndObject();
    return buffer.GetString();
}

constexpr const char* kColumns =
    "SELECT entity_key, connector, organisation, source_key, kon, fodelsear, fields, source_record_id, encoding, "
    "blocking_tags, tag FROM pending_citation WHERE ";

// Blocking tags are "pass:hex": a space cannot occur in one.
std::vector<std::string> splitTags(const std::string& joined) {
    Poco::StringTokenizer tags(joined, " ", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    return {tags.begin(), tags.end()};
}

model::WorkRecord recordOf(const soci::row& row) {
    model::WorkRecord record;
    record.entity = "deltagande";
    record.connector = store::cellText(row, 1);
    record.organisation = store::cellText(row, 2);
    record.sourceKey = store::cellText(row, 3);
    rapidjson::Document fields;
    fields.Parse(store::cellText(row, 6).c_str());
    for (const auto& member : fields.GetObject()) {
        auto& values = record.values[member.name.GetString()];
        for (const auto& value : member.value.GetArray()) {
            values.emplace_back(value.GetString());
        }
    }
    record.sourceRecordId = std::stoll(store::cellText(row, 7));
    return record;
}

}  // namespace

void PendingCitations::hold(const model::WorkRecord& deltagande, std::int64_t batchId, const std::string& today,
                            int graceDays) {
    // A redelivery (AF sends every open row every day) refreshes what is held but never restarts the grace
    // period: it runs from the first delivery.
    auto held = database_.queryRow("SELECT expires_on FROM pending_citation WHERE entity_key = :p0",
                                   {deltagande.entityKey()}, 1);
    std::string expires;
    if (held && held->at(0)) {
        expires = *held->at(0);
    } else {
        const auto day = common::parseIsoDate(today);
        expires = formatIsoDate(std::chrono::year_month_day{std::chrono::sys_days{*day} + std::chrono::days{graceDays}});
    }
    const auto& person = *deltagande.person;
    drop(deltagande.entityKey());
    const bool encoded = !person.encoding.empty();
    auto orNull = [encoded](std::string value) { return encoded ? std::optional(std::move(value)) : std::nullopt; };
    database_.execute("INSERT INTO pending_citation (entity_key, connector, organisation, source_key, tag, kon, "
                      "fodelsear, fields, source_record_id, held_at, expires_on, batch_id, encoding, "
                      "blocking_tags, person_tag) VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7, :p8, :p9, :p10, "
                      ":p11, :p12, :p13, :p14)",
                      {deltagande.entityKey(), deltagande.connector, deltagande.organisation, deltagande.sourceKey,
                       tagOf(person, deltagande.value("samtycke_ref")), person.kon, person.fodelsear,
                       fieldsJson(deltagande), std::to_string(deltagande.sourceRecordId), common::nowUtcIso(),
                       expires, std::to_string(batchId), orNull(person.encoding),
                       orNull(Poco::cat(std::string(" "), person.blockingTags.begin(), person.blockingTags.end())),
                       personTagOf(person)});
    any_ = true;
}

bool PendingCitations::any() {
    if (!any_) {
        any_ = database_.queryRow("SELECT 1 FROM pending_citation", {}, 1).has_value();
    }
    return *any_;
}

void PendingCitations::drop(const std::string& entityKey) {
    if (!any()) {
        return;  // nothing held: no statement per record
    }
    database_.execute("DELETE FROM pending_citation WHERE entity_key = :p0", {entityKey});
}

std::vector<model::WorkRecord> PendingCitations::releasedBy(const std::string& consentKey,
                                                            const model::PersonRef* delivered) {
    // The consent's own person, under each of its link keys, and the two ways a row may cite it.
    std::vector<std::string> refs{consentKey.substr(consentKey.find('/') + 1)};
    std::vector<std::pair<model::PersonRef, model::PersonRef>> keys;  ///< (as a tag names it, as it is now)
    soci::rowset<soci::row> rows = (database_.session().prepare
                                    << "SELECT l.kind, l.key_id, l.value, s.blankett FROM samtycke s JOIN link_key l "
                                       "ON l.person_key = s.person_key WHERE s.entity_key = :k AND s.state = 'active'",
                                    soci::use(consentKey));
    for (const auto& row : rows) {
        model::PersonRef person;
        person.linkKind = store::cellText(row, 0);
        person.linkKeyId = store::cellText(row, 1);
        person.linkKey = store::cellText(row, 2);
        keys.emplace_back(person, person);
        if (refs.size() == 1 && !store::cellText(row, 3).empty()) {
            refs.push_back(store::cellText(row, 3));
        }
    }
    if (keys.empty()) {
        return {};  // no consent in force, or its person is anonymous
    }
    if (delivered != nullptr) {
        const auto overTime = model::linkKeysOverTime(*delivered);
        for (std::size_t i = 1; i < overTime.size(); ++i) {
            keys.emplace_back(overTime[i], overTime.front());
        }
    }
    std::vector<model::WorkRecord> released;
    for (const auto& [taggedAs, person] : keys) {
        for (const auto& ref : refs) {
            const std::string tag = tagOf(taggedAs, ref);
            soci::rowset<soci::row> held = (database_.session().prepare << kColumns << "tag = :t", soci::use(tag));
            for (const auto& row : held) {
                model::WorkRecord record = recordOf(row);
                record.person = person;
                record.person->kon = store::cellText(row, 4);
                record.person->fodelsear = store::cellText(row, 5);
                // The tag holds the key id, so the encoding was made under the key of taggedAs. One made before
                // a rotation cannot be compared with today's, nor made again: the clear values are gone.
                if (taggedAs.linkKeyId == person.linkKeyId) {
                    record.person->encoding = store::cellText(row, 8);
                    record.person->blockingTags = splitTags(store::cellText(row, 9));
                }
                released.push_back(std::move(record));
            }
        }
    }
    for (const auto& record : released) {
        drop(record.entityKey());
    }
    return released;
}

std::vector<model::WorkRecord> PendingCitations::ofProtected(const std::vector<model::PersonRef>& persons) {
    std::vector<model::WorkRecord> records;
    if (persons.empty() || !any()) {
        return records;
    }
    std::vector<model::PersonRef> keys;
    for (const auto& person : persons) {
        const auto overTime = model::linkKeysOverTime(person);
        keys.insert(keys.end(), overTime.begin(), overTime.end());
    }
    // By the person's own tag, under each key she has had: one indexed look-up per key.
    std::set<std::string> personTags;
    for (const auto& key : keys) {
        personTags.insert(personTagOf(key));
    }
    for (const auto& personTag : personTags) {
        soci::rowset<soci::row> rows =
            (database_.session().prepare << kColumns << "person_tag = :t", soci::use(personTag));
        for (const auto& row : rows) {
            records.push_back(recordOf(row));
            makeAnonymous(records.back());
        }
    }
    // Rows held before person tags (migration 0012): only a row's own citation can rebuild its tag.
    soci::rowset<soci::row> legacy = (database_.session().prepare << kColumns << "person_tag IS NULL");
    for (const auto& row : legacy) {
        model::WorkRecord record = recordOf(row);
        const std::string& tag = store::cellText(row, 10);
        const std::string& ref = record.value("samtycke_ref");
        if (std::any_of(keys.begin(), keys.end(), [&](const model::PersonRef& key) { return tagOf(key, ref) == tag; })) {
            makeAnonymous(record);
            records.push_back(std::move(record));
        }
    }
    for (const auto& record : records) {
        drop(record.entityKey());
    }
    return records;
}

std::vector<model::WorkRecord> PendingCitations::expired(const std::string& today) {
    std::vector<model::WorkRecord> records;
    std::string day = today;
    soci::rowset<soci::row> rows = (database_.session().prepare << kColumns << "expires_on <= :d", soci::use(day));
    for (const auto& row : rows) {
        records.push_back(recordOf(row));
        makeAnonymous(records.back());  // the SUS rule: kön, födelseår, insats and dates only
    }
    for (const auto& record : records) {
        drop(record.entityKey());
    }
    return records;
}

}  // namespace finsam::consent
