// connectors/region-fhir/src/episode_mapper.cpp — kind by the insats identifier, state by status.
// SPDX-License-Identifier: Apache-2.0
#include "episode_mapper.h"

#include <algorithm>
#include <array>

#include "fhir_systems.h"
#include "fhir_time.h"
#include "safe_message.h"

namespace finsam::connectors::region_fhir {

namespace {

constexpr std::array<std::string_view, 7> kStatuses = {"planned",  "waitlist",  "active",          "onhold",
                                                       "finished", "cancelled", "entered-in-error"};

struct InsatsReading {
    std::optional<std::string> insatsId;
    std::optional<ResourceFault> fault;
};

// The urn:finsam:insats identifier, if any. Two different ones cannot both be the episode's insats.
InsatsReading insatsOf(const JsonValue& episode, const Pointer& at) {
    InsatsReading out;
    const JsonValue* identifiers = member(episode, "identifier");
    if (identifiers != nullptr && !identifiers->IsArray()) {
        out.fault = ResourceFault{(at / "identifier").text(), "wrong_shape", "EpisodeOfCare.identifier is not a list"};
        return out;
    }
    for (std::size_t i = 0; identifiers != nullptr && i < identifiers->Size(); ++i) {
        const JsonValue& identifier = (*identifiers)[static_cast<rapidjson::SizeType>(i)];
        if (stringMember(identifier, "system").value_or("") != system::kInsats) {
            continue;
        }
        const auto value = stringMember(identifier, "value");
        const Pointer here = at / "identifier" / i / "value";
        if (!value || value->empty()) {
            out.fault = ResourceFault{here.text(), "missing_value", "the urn:finsam:insats identifier has no value"};
            return out;
        }
        if (out.insatsId && *out.insatsId != *value) {
            out.fault = ResourceFault{here.text(), "ambiguous_insats",
                                      "the episode names two different insatser (urn:finsam:insats)"};
            return out;
        }
        out.insatsId = *value;
    }
    return out;
}

struct Period {
    std::string start;
    std::string end;
    std::optional<ResourceFault> fault;
};

// period.start / period.end as Swedish dates; a value that is there but no date is a fault.
Period periodOf(const JsonValue& episode, const Pointer& at) {
    Period out;
    const JsonValue* period = member(episode, "period");
    for (const auto& [name, slot] : {std::pair{"start", &out.start}, std::pair{"end", &out.end}}) {
        const JsonValue* value = period != nullptr ? member(*period, name) : nullptr;
        if (value == nullptr) {
            continue;
        }
        auto date = value->IsString() ? swedishDate(std::string_view(value->GetString(), value->GetStringLength()))
                                       : std::nullopt;
        if (!date) {
            out.fault = ResourceFault{(at / "period" / name).text(), "bad_value",
                                      std::string("period.") + name + " is not a FHIR date or dateTime"};
            return out;
        }
        *slot = *date;
    }
    return out;
}

}  // namespace

MappedResource mapEpisode(const JsonValue& episode, const MatchContext& where, const PatientResolver& patient,
                          const EpisodeOptions& options) {
    const InsatsReading insats = insatsOf(episode, where.at);
    const std::string primary = insats.insatsId ? kDeltagande : kKontakt;
    if (insats.fault) {
        return quarantined(kDeltagande, *insats.fault);
    }
    const auto status = stringMember(episode, "status");
    if (!status) {
        return quarantined(primary, {(where.at / "status").text(), "missing_value", "EpisodeOfCare.status is missing"});
    }
    if (std::find(kStatuses.begin(), kStatuses.end(), *status) == kStatuses.end()) {
        return quarantined(primary, {(where.at / "status").text(), "unknown_code",
                                     "EpisodeOfCare.status " + sdk::toolkit::quoteForMessage(*status) +
                                         " is not an R4 episode status"});
    }
    MappedResource out;
    out.entity = primary;
    const bool emitPrimary = insats.insatsId || options.emitKontakt;
    auto retractPrimary = [&](std::int64_t line) {
        if (emitPrimary) {
            out.records.push_back(makeRecord(primary, sdk::Operation::kRetract, where, line));
        }
    };
    // The other kind under the same id: derived (line 0), so the hub neither counts it as read nor warns.
    auto retractCompanion = [&] {
        if (!insats.insatsId) {
            out.records.push_back(makeRecord(kDeltagande, sdk::Operation::kRetract, where, 0));
        } else if (options.emitKontakt) {
            out.records.push_back(makeRecord(kKontakt, sdk::Operation::kRetract, where, 0));
        }
    };
    if (*status == "entered-in-error") {
        retractPrimary(where.line);
        retractCompanion();
        return out;
    }
    if (!emitPrimary) {  // a rehabkoordinering contact while the hub has no entity for it
        retractCompanion();
        return out;
    }
    const Period period = periodOf(episode, where.at);
    if (period.fault) {
        return quarantined(primary, *period.fault);
    }
    const bool ended = *status == "finished" || (*status == "cancelled" && !period.end.empty());
    const bool started = *status == "active" || *status == "onhold" || ended;
    if (!started) {
        retractPrimary(0);
        retractCompanion();
        return out;
    }
    if (period.start.empty()) {
        return quarantined(primary, {(where.at / "period" / "start").text(), "missing_value",
                                     "a started episode has no period.start"});
    }
    if (*status == "finished" && period.end.empty()) {
        return quarantined(primary, {(where.at / "period" / "end").text(), "missing_value",
                                     "a finished episode has no period.end"});
    }
    const PatientReading person = patient(episode, where.at);
    if (person.fault) {
        return quarantined(primary, *person.fault);
    }
    sdk::Record record = makeRecord(primary, sdk::Operation::kUpsert, where, where.line);
    if (insats.insatsId) {
        addField(record, "insats_id", *insats.insatsId);
    } else {
        addField(record, "kontakttyp", "rehabkoordinering");
    }
    addField(record, "personnummer", person.facts->nationalNumber.value_or(""));
    if (!person.facts->nationalNumber) {
        addField(record, "reservnummer", person.facts->reservnummer);
    }
    addField(record, "skyddad", person.facts->protectedIdentity ? "true" : "");
    addField(record, "kon", person.facts->gender);
    addField(record, "fodelsear", person.facts->birthYear);
    if (person.facts->nationalNumber || !person.facts->reservnummer.empty()) {  // names link nothing unkeyed
        addField(record, "fodelsedatum", person.facts->birthDate);
        addField(record, "fornamn", person.facts->givenName);
        addField(record, "efternamn", person.facts->familyName);
    }
    addField(record, "startdatum", period.start);
    if (ended) {
        addField(record, "slutdatum", period.end);
    }
    if (*status == "cancelled" && insats.insatsId) {
        addField(record, "avslutsanledning", "cancelled");  // config/mappings/region-fhir.json: avbrott
    }
    out.records.push_back(std::move(record));
    retractCompanion();
    return out;
}

}  // namespace finsam::connectors::region_fhir
