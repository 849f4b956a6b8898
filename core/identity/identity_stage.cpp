// core/identity/identity_stage.cpp — the only place a clear number is turned into anything.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/identity_stage.h"

#include <cctype>

#include "core/common/clock.h"

namespace finsam::identity {

namespace {

constexpr const char* kNumberField = "personnummer";
// A region's own number for a patient without a national one: opaque, keys a person of that organisation only.
constexpr const char* kReservnummerField = "reservnummer";

// Clear identity fields besides the number: read for the encoding only.
constexpr const char* kLinkageFields[] = {"fornamn", "efternamn", "fodelsedatum"};

// The clear value is overwritten before it is released, not merely dropped from the map.
void eraseField(model::WorkRecord& record, const char* field) {
    auto it = record.values.find(field);
    if (it == record.values.end()) {
        return;
    }
    for (auto& value : it->second) {
        std::fill(value.begin(), value.end(), '\0');
    }
    record.values.erase(it);
}

void eraseNumber(model::WorkRecord& record) {
    eraseField(record, kNumberField);
    eraseField(record, kReservnummerField);
    for (const char* field : kLinkageFields) {
        eraseField(record, field);
    }
}

// YYYYMMDD of a source's birth date (YYYY-MM-DD or YYYYMMDD), or "" when it is no date.
std::string birthDateDigits(const std::string& value) {
    std::string digits;
    for (char c : value) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        } else if (c != '-') {
            return "";
        }
    }
    if (digits.size() != 8) {
        return "";
    }
    auto date = common::parseIsoDate(digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2));
    return date ? digits : "";
}

// The birth date a number states: samordningsnummer carry day + 60.
std::string birthDateOf(const ParsedIdentity& identity) {
    std::string date = identity.normalized.substr(0, 8);
    if (identity.kind == IdentityKind::kSamordningsnummer) {
        const int day = std::stoi(date.substr(6, 2)) - 60;
        date.replace(6, 2, (day < 10 ? "0" : "") + std::to_string(day));
    }
    return date;
}

// The link key is the chain's last. The earlier ones stay in memory: tags made before a rotation carry them.
model::PersonRef personKeyedBy(const std::vector<LinkKey>& history, std::string kind, std::string kon,
                               std::string fodelsear) {
    model::PersonRef person{std::move(kind), history.back().keyId, history.back().value, std::move(kon),
                            std::move(fodelsear), "", {}, {}};
    for (std::size_t i = 0; i + 1 < history.size(); ++i) {
        person.earlierLinkKeys.emplace_back(history[i].keyId, history[i].value);
    }
    return person;
}

// The person's kön and födelseår come from the number alone, so every sheet that names the person agrees.
model::PersonRef personOf(const ParsedIdentity& identity, const Pseudonymizer& pseudonymizer) {
    return personKeyedBy(pseudonymizer.linkKeyHistory(identity.kind, identity.normalized), toString(identity.kind),
                         toString(identity.sex), std::to_string(identity.birthYear));
}

// A reservnummer keys a person of the organisation that issued it (Pseudonymizer::localKey); kön and födelseår
// are the source's, as there is no number to derive them from. Spaces and letter case do not count; one of
// nothing but spaces is no reservnummer.
std::optional<model::PersonRef> localPersonOf(const Pseudonymizer& pseudonymizer, const model::WorkRecord& record) {
    std::string id;
    for (char c : record.value(kReservnummerField)) {
        if (c != ' ' && c != '\t') {
            id.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        }
    }
    if (id.empty()) {
        return std::nullopt;
    }
    const auto history = pseudonymizer.localKeyHistory(record.organisation, id);
    std::fill(id.begin(), id.end(), '\0');
    return personKeyedBy(history, kReservnummerField, record.value("kon"), record.value("fodelsear"));
}

// Kön and födelseår are kept on the record too, unless the source reported its own (e.g. kön "annat"):
// anonymous participations keep exactly these.
void fillFromNumber(model::WorkRecord& record, const model::PersonRef& person) {
    if (record.value("kon").empty()) {
        record.values["kon"] = {person.kon};
    }
    if (record.value("fodelsear").empty()) {
        record.values["fodelsear"] = {person.fodelsear};
    }
}

}  // namespace

std::optional<model::Rejection> IdentityStage::process(model::WorkRecord& record) const {
    const bool asksAnonymous = record.value("anonym") == "true";
    const bool isProtected = record.value("skyddad") == "true";
    record.values.erase("anonym");
    if (asksAnonymous) {
        record.anonymous = true;
        eraseNumber(record);
        return std::nullopt;
    }
    if (isProtected) {
        // Protected identity at any source means anonymous everywhere: keep the key only long enough for the
        // store to anonymise this person's earlier records (architecture §4). Kön and födelseår stay.
        record.anonymous = true;
        ParseResult parsed = parsePersonnummer(record.value(kNumberField), common::todayInSweden());
        if (parsed.ok) {
            record.protectedPerson = personOf(parsed.identity, pseudonymizer_);
            fillFromNumber(record, *record.protectedPerson);
        } else if (record.value(kNumberField).empty()) {
            record.protectedPerson = localPersonOf(pseudonymizer_, record);
        }
        eraseNumber(record);
        return std::nullopt;
    }
    const std::string& number = record.value(kNumberField);
    if (number.empty()) {
        if (auto person = localPersonOf(pseudonymizer_, record)) {
            // Linked to other organisations only by its names and birth date, when probabilistic linkage is on.
            encode(*person, "", "", record);
            record.person = std::move(person);
        }
        eraseNumber(record);  // names without any number: nothing here can key them
        return std::nullopt;
    }
    ParseResult parsed = parsePersonnummer(number, common::todayInSweden());
    if (!parsed.ok) {
        std::int32_t column = record.column(kNumberField);
        eraseNumber(record);
        return model::Rejection{"invalid_personnummer", kNumberField, column,
                                "personnummer is not valid: " + parsed.error};
    }
    model::PersonRef person = personOf(parsed.identity, pseudonymizer_);
    fillFromNumber(record, person);
    encode(person, parsed.identity.normalized, birthDateOf(parsed.identity), record);
    record.person = std::move(person);
    eraseNumber(record);
    return std::nullopt;
}

void IdentityStage::encode(model::PersonRef& person, const std::string& number, const std::string& numbersBirthDate,
                           const model::WorkRecord& record) const {
    if (!encoder_) {
        return;
    }
    IdentityFields fields;
    fields.number = number;
    fields.fornamn = record.value("fornamn");
    fields.efternamn = record.value("efternamn");
    fields.fodelsedatum = birthDateDigits(record.value("fodelsedatum"));
    if (fields.fodelsedatum.empty()) {
        fields.fodelsedatum = numbersBirthDate;
    }
    fields.kon = record.value("kon");
    person.encoding = encoder_->encode(fields).toHex();
    person.blockingTags = encoder_->blockingTags(fields);
    for (std::string* clear : {&fields.number, &fields.fornamn, &fields.efternamn, &fields.fodelsedatum}) {
        std::fill(clear->begin(), clear->end(), '\0');
    }
}

}  // namespace finsam::identity
