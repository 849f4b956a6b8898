// connectors/region-fhir/src/page_processor.cpp — boundary de-duplication, unit filter, mapping, problems.
// SPDX-License-Identifier: Apache-2.0
#include "page_processor.h"

#include <algorithm>
#include <set>

#include "consent_mapper.h"
#include "fhir_systems.h"
#include "fhir_time.h"
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

// id, meta.versionId and meta.lastUpdated: what de-duplication and the cursor are made of.
std::optional<ResourceFault> versionFault(const MatchContext& where, const std::string& versionId,
                                          bool instantOk) {
    if (where.id.empty()) {
        return ResourceFault{(where.at / "id").text(), "missing_value", "the resource has no id"};
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

}  // namespace

SearchCursor applyPage(const BundlePage& page, const std::string& type, const std::string& source,
                       const SearchCursor& cursor, const PageOptions& options, sdk::RecordSink& sink,
                       PageSummary& summary) {
    const std::optional<Instant> committed = parseInstant(cursor.since);
    SearchCursor after = cursor;
    std::optional<Instant> highest = committed;
    std::set<std::string> handledOnPage;
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
        const std::string key = seenKey(type, where.id, versionId);
        const bool beforeSince = updated && committed && *updated < *committed;
        const bool atSinceAndSeen = updated && committed && *updated == *committed && cursor.seen.count(key) != 0;
        if (beforeSince || atSinceAndSeen) {
            ++summary.alreadyRead;
            continue;
        }
        // Handled from here on, whatever the outcome: the same version would be handled alike again. A
        // version met twice on the page is skipped the second time, but still moves the cursor: were it
        // left after `since`, the next run would read it once more.
        if (updated && (!highest || *updated > *highest)) {
            highest = updated;
            after.since = where.lastUpdated;
            after.seen = {key};
        } else if (updated && *updated == *highest) {
            after.seen.insert(key);
        }
        if (!handledOnPage.insert(key).second) {
            ++summary.alreadyRead;
            continue;
        }
        if (type == "EpisodeOfCare" && !options.hsaIds.empty() && !inUnits(resource, options.hsaIds)) {
            ++summary.otherUnit;
            continue;
        }
        where.raw = redactedRaw(resource);
        MappedResource mapped;
        if (auto fault = versionFault(where, versionId, updated.has_value())) {
            mapped = quarantined(type == "Consent" ? kSamtycke : kDeltagande, *fault);
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
        for (auto& record : mapped.records) {
            ++summary.records;
            sink.accept(std::move(record));
        }
    }
    return after;
}

}  // namespace finsam::connectors::region_fhir
