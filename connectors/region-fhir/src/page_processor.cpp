// connectors/region-fhir/src/page_processor.cpp — boundary de-duplication, unit filter, mapping, problems.
// SPDX-License-Identifier: Apache-2.0
#include "page_processor.h"

#include <algorithm>
#include <map>

#include "consent_mapper.h"
#include "content_hash.h"
#include "fhir_systems.h"
#include "fhir_time.h"
#include "personnummer_scan.h"
#include "redacted_raw.h"
#include "safe_message.h"

namespace finsam::connectors::region_fhir {

namespace {

PatientReading resolvePatient(const BundlePage& page, const JsonValue& match, const Pointer& matchAt) {
    const Pointer at = matchAt / "patient" / "reference";
    const JsonValue* patient = member(match, "patient");
    const auto reference = patient != nullptr ? stringMember(*patient, "reference") : std::nullopt;
    if (!reference || reference->empty()) {
        return {std::nullopt, ResourceFault{at.text(), "missing_patient", "the resource names no patient.reference"}};
    }
    const auto index = page.includedPatient(*reference);
    if (!index) {
        return {std::nullopt, ResourceFault{at.text(), "missing_patient",
                                            "the page does not include the Patient the resource references"}};
    }
    return readPatient(page.resource(*index), Pointer() / "entry" / *index / "resource");
}

bool inUnits(const JsonValue& episode, const std::vector<std::string>& hsaIds) {
    const JsonValue* organisation = member(episode, "managingOrganization");
    const JsonValue* identifier = organisation != nullptr ? member(*organisation, "identifier") : nullptr;
    const auto hsaId = identifier != nullptr ? stringMember(*identifier, "value") : std::nullopt;
    return hsaId && std::find(hsaIds.begin(), hsaIds.end(), *hsaId) != hsaIds.end();
}

// A resource id in a message: ids are the server's, but a server may key resources by personnummer.
std::string shownId(const std::string& id) {
    return sdk::toolkit::mayHoldIdentity(id) ? "(id withheld)" : id;
}

sdk::Problem problemOf(const std::string& type, const MatchContext& where, const MappedResource& mapped) {
    const ResourceFault& fault = *mapped.fault;
    sdk::Problem problem;
    problem.position = {where.source, where.line};
    problem.field = fault.pointer;
    problem.code = fault.code;
    problem.message = type + "/" + shownId(where.id) + " at " + fault.pointer + ": " + fault.message;
    problem.raw = where.raw;
    problem.entity = mapped.entity;
    problem.key = sdk::toolkit::mayHoldIdentity(where.id) ? "" : where.id;
    return problem;
}

// id, meta.versionId and meta.lastUpdated: what keys, de-duplication and the cursor are made of. An id holding a
// personnummer would become the entity key, which the hub stores and publishes as it is.
std::optional<ResourceFault> versionFault(const MatchContext& where, const std::string& versionId,
                                          bool instantOk) {
    if (where.id.empty()) {
        return ResourceFault{(where.at / "id").text(), "missing_value", "the resource has no id"};
    }
    if (sdk::toolkit::holdsPersonnummer(where.id)) {
        return ResourceFault{(where.at / "id").text(), "personnummer_id",
                             "the resource id holds a personnummer or samordningsnummer, and ids become keys the "
                             "hub stores and publishes: not read (the region must key its resources otherwise)"};
    }
    if (versionId.empty()) {
        return ResourceFault{(where.at / "meta" / "versionId").text(), "missing_value",
                             "the resource has no meta.versionId"};
    }
    if (!instantOk) {
        return ResourceFault{(where.at / "meta" / "lastUpdated").text(), "bad_value",
                             "meta.lastUpdated is missing or not a FHIR instant"};
    }
    return std::nullopt;
}

// The `seen` key of a match. The host stores the checkpoint as it is, so an id holding a personnummer never
// enters it: such a match is known by a digest of its redacted text (which holds no number) and 16 bits of a
// digest of its id, too few to tell the number but enough to keep apart two such matches whose text is alike.
std::string cursorKeyOf(const std::string& type, const std::string& id, const std::string& versionId,
                        const JsonValue& resource) {
    if (!sdk::toolkit::holdsPersonnummer(id)) {
        return seenKey(type, id, versionId);
    }
    const std::string standIn = "withheld-" + sdk::toolkit::sha256Hex(redactedRaw(resource)).substr(0, 16) + "-" +
                                sdk::toolkit::sha256Hex(id).substr(0, 4);
    return seenKey(type, standIn, versionId);
}

// A version met again on the same page: read once, at its first entry (as the other connectors use the first
// of two rows with one key).
ResourceFault duplicateFault(const MatchContext& where, std::int64_t firstLine) {
    return {(where.at / "id").text(), "duplicate_key",
            "the same id and meta.versionId are already at " +
                (Pointer() / "entry" / static_cast<std::size_t>(firstLine - 1) / "resource").text() +
                " of this page, which is read; this entry is not"};
}

}  // namespace

SearchCursor applyPage(const BundlePage& page, const std::string& type, const std::string& source,
                       const SearchCursor& cursor, const PageOptions& options, sdk::RecordSink& sink,
                       PageSummary& summary) {
    const std::optional<Instant> committed = parseInstant(cursor.since);
    SearchCursor after = cursor;
    std::optional<Instant> highest = committed;
    std::map<std::string, std::int64_t> firstLineOnPage;  ///< seen key -> entry (line) that read it
    const PatientResolver patients = [&page](const JsonValue& match, const Pointer& at) {
        return resolvePatient(page, match, at);
    };
    summary.outcomes = page.outcomes().size();
    for (const std::size_t index : page.matches()) {
        ++summary.matches;
        const JsonValue& resource = page.resource(index);
        const JsonValue* meta = member(resource, "meta");
        MatchContext where;
        where.source = source;
        where.line = static_cast<std::int64_t>(index) + 1;
        where.at = Pointer() / "entry" / index / "resource";
        where.id = stringMember(resource, "id").value_or("");
        where.lastUpdated = meta != nullptr ? stringMember(*meta, "lastUpdated").value_or("") : "";
        const std::string versionId = meta != nullptr ? stringMember(*meta, "versionId").value_or("") : "";
        const std::optional<Instant> updated = parseInstant(where.lastUpdated);
        const std::string key = cursorKeyOf(type, where.id, versionId, resource);
        const bool beforeSince = updated && committed && *updated < *committed;
        const bool atSinceAndSeen = updated && committed && *updated == *committed && cursor.seen.count(key) != 0;
        if (beforeSince || atSinceAndSeen) {
            ++summary.alreadyRead;
            continue;
        }
        // Handled from here on, whatever the outcome: the same version would be handled alike again. A
        // version met twice on the page is quarantined the second time, but still moves the cursor: were it
        // left after `since`, the next run would read it once more.
        if (updated && (!highest || *updated > *highest)) {
            highest = updated;
            after.since = where.lastUpdated;
            after.seen = {key};
        } else if (updated && *updated == *highest) {
            after.seen.insert(key);
        }
        // Not this connector's to take: read, handled as configured, and counted as such.
        if (type == "EpisodeOfCare" && !options.hsaIds.empty() && !inUnits(resource, options.hsaIds)) {
            ++summary.otherUnit;
            sink.acceptedWithoutRecord({where.source, where.line});
            continue;
        }
        where.raw = redactedRaw(resource);
        const std::string entity = type == "Consent" ? kSamtycke : kDeltagande;
        MappedResource mapped;
        if (auto fault = versionFault(where, versionId, updated.has_value())) {
            mapped = quarantined(entity, *fault);
        } else if (auto first = firstLineOnPage.emplace(key, where.line); !first.second) {
            mapped = quarantined(entity, duplicateFault(where, first.first->second));
        } else if (type == "Consent") {
            mapped = mapConsent(resource, where, patients);
        } else {
            mapped = mapEpisode(resource, where, patients, options.episode);
        }
        if (mapped.fault) {
            ++summary.quarantined;
            sink.quarantine(problemOf(type, where, mapped));
            continue;
        }
        // An entry whose records are all derived (line 0: a not-started episode's retract, a rehabkoordinering
        // episode under `skip`) is still a row read; at line 0 the host neither counts it nor warns of a
        // retraction of something it never held, so the entry is counted here.
        const bool stated = std::any_of(mapped.records.begin(), mapped.records.end(),
                                        [](const sdk::Record& record) { return record.position.line > 0; });
        if (!stated) {
            sink.acceptedWithoutRecord({where.source, where.line});
        }
        for (auto& record : mapped.records) {
            ++summary.records;
            sink.accept(std::move(record));
        }
    }
    return after;
}

}  // namespace finsam::connectors::region_fhir
