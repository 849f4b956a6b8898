// tests/generator/region_resources.cpp — what the region's FHIR server holds for the world.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/region_resources.h"

#include "tests/generator/benefit_generator.h"
#include "tests/generator/forbund_display.h"
#include "tests/generator/identity_spelling.h"
#include "tests/generator/rng.h"
#include "tests/generator/swedish_time.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

namespace finsam::generator::region {
namespace {

constexpr double kShareRehabContact = 0.5;
constexpr double kShareEnteredInError = 0.03;
constexpr const char* kPersonnummerSystem = "urn:oid:1.2.752.129.2.1.3.1";
constexpr const char* kSamordningsnummerSystem = "urn:oid:1.2.752.129.2.1.3.3";

using Alloc = rapidjson::Document::AllocatorType;

rapidjson::Value str(const std::string& text, Alloc& a) {
    return rapidjson::Value(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), a);
}

// {"system": s, "value": v}
rapidjson::Value identifier(const std::string& system, const std::string& value, Alloc& a) {
    rapidjson::Value v(rapidjson::kObjectType);
    v.AddMember("system", str(system, a), a);
    v.AddMember("value", str(value, a), a);
    return v;
}

rapidjson::Value coding(const std::string& system, const std::string& code, Alloc& a) {
    rapidjson::Value v(rapidjson::kObjectType);
    v.AddMember("system", str(system, a), a);
    v.AddMember("code", str(code, a), a);
    return v;
}

rapidjson::Value reference(const std::string& target, Alloc& a) {
    rapidjson::Value v(rapidjson::kObjectType);
    v.AddMember("reference", str(target, a), a);
    return v;
}

void start(rapidjson::Document& doc, const std::string& type, const std::string& id,
           const std::string& version, const std::string& updated) {
    Alloc& a = doc.GetAllocator();
    doc.SetObject();
    doc.AddMember("resourceType", str(type, a), a);
    doc.AddMember("id", str(id, a), a);
    rapidjson::Value meta(rapidjson::kObjectType);
    meta.AddMember("versionId", str(version, a), a);
    meta.AddMember("lastUpdated", str(updated, a), a);
    doc.AddMember("meta", meta, a);
}

std::string serialise(const rapidjson::Document& doc) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    doc.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

// The server was filled from the old journal system on its first day: earlier changes all carry
// that night's timestamp.
Date migrationDay(const World& world) {
    Date first = world.asOf;
    for (const Deltagande& d : world.deltaganden) {
        first = std::min(first, d.start);
    }
    return makeDate(yearOf(first), 1, 1);
}

class HoldingBuilder {
public:
    HoldingBuilder(const World& world, std::uint64_t seed)
        : world_(world), rng_(Rng(seed).fork("region-resources")), migration_(migrationDay(world)) {
        char hsa[48];
        std::snprintf(hsa, sizeof hsa, "SE2321000016-%s", world.forbund.regionId.substr(7).c_str());
        hsaId_ = hsa;
    }

    Holdings run() {
        for (const Deltagande& d : world_.deltaganden) {
            if (world_.insatser[d.insats].huvudman == Aktor::kRegion) {
                participation(d);
            }
        }
        for (const BenefitPeriod& p : world_.benefits) {
            if ((p.ersattning == Ersattning::kSjukpenning ||
                 p.ersattning == Ersattning::kRehabiliteringspenning) &&
                rng_.chance(kShareRehabContact)) {
                rehabContact(p);
            }
        }
        for (const Consent& c : world_.consents) {
            if (std::find(c.parter.begin(), c.parter.end(), world_.forbund.regionId) != c.parter.end()) {
                consent(c);
            }
        }
        auto order = [](const Resource& a, const Resource& b) {
            return std::tie(a.lastUpdated, a.id) < std::tie(b.lastUpdated, b.id);
        };
        std::sort(holdings_.episodes.begin(), holdings_.episodes.end(), order);
        std::sort(holdings_.consents.begin(), holdings_.consents.end(), order);
        for (const auto& [person, first] : firstContact_) {
            holdings_.patients.push_back(patient(person, first));
        }
        return std::move(holdings_);
    }

private:
    std::string nightly(Date day) const {
        return swedishTimestamp(std::max(day, migration_), 2, 0);
    }

    std::string patientId(std::size_t person) {
        if (firstContact_.count(person) == 0) {
            firstContact_[person] = world_.asOf;
        }
        return "pat-" + std::to_string(100000 + person);
    }

    void noteContact(std::size_t person, Date day) {
        patientId(person);
        firstContact_[person] = std::min(firstContact_[person], day);
    }

    Resource patient(std::size_t index, Date first) {
        const Person& person = world_.people[index];
        Resource r;
        r.type = "Patient";
        r.id = "pat-" + std::to_string(100000 + index);
        r.lastUpdated = nightly(first);
        r.person = index;
        r.confidential = person.skyddad;
        rapidjson::Document doc;
        start(doc, r.type, r.id, "1", r.lastUpdated);
        Alloc& a = doc.GetAllocator();
        if (person.skyddad) {
            rapidjson::Value security(rapidjson::kArrayType);
            security.PushBack(coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", a), a);
            doc["meta"].AddMember("security", security, a);
        }
        rapidjson::Value ids(rapidjson::kArrayType);
        ids.PushBack(identifier(person.idKind == IdKind::kSamordningsnummer ? kSamordningsnummerSystem
                                                                            : kPersonnummerSystem,
                                twelveDigits(person.personnummer), a),
                     a);
        doc.AddMember("identifier", ids, a);
        rapidjson::Value name(rapidjson::kObjectType);
        name.AddMember("family", str(person.efternamn, a), a);
        rapidjson::Value given(rapidjson::kArrayType);
        given.PushBack(str(person.fornamn, a), a);
        name.AddMember("given", given, a);
        rapidjson::Value names(rapidjson::kArrayType);
        names.PushBack(name, a);
        doc.AddMember("name", names, a);
        doc.AddMember("gender", str(person.kon == Kon::kMan ? "male" : "female", a), a);
        doc.AddMember("birthDate", str(formatIsoDate(person.birthDate), a), a);
        r.json = serialise(doc);
        return r;
    }

    // A FINSAM participation carries the Insats-ID as identifier; a rehabkoordinering contact none.
    Resource episode(std::size_t person, Date from, std::optional<Date> to, bool inError,
                     const std::optional<std::string>& insats) {
        const bool finished = to && *to <= world_.asOf;
        Resource r;
        r.type = "EpisodeOfCare";
        r.id = "eoc-" + std::to_string(++episodes_);
        r.person = person;
        r.status = inError ? "entered-in-error" : finished ? "finished" : "active";
        const Date updated = inError ? std::min(addDays(from, rng_.uniformInt(5, 60)), world_.asOf)
                             : finished ? *to
                                        : from;
        r.lastUpdated = nightly(updated);
        rapidjson::Document doc;
        start(doc, r.type, r.id, updated == from ? "1" : "2", r.lastUpdated);
        Alloc& a = doc.GetAllocator();
        doc.AddMember("status", str(r.status, a), a);
        doc.AddMember("patient", reference("Patient/" + patientId(person), a), a);
        noteContact(person, from);
        rapidjson::Value period(rapidjson::kObjectType);
        period.AddMember("start", str(formatIsoDate(from), a), a);
        if (finished) {
            period.AddMember("end", str(formatIsoDate(*to), a), a);
        }
        doc.AddMember("period", period, a);
        rapidjson::Value org(rapidjson::kObjectType);
        org.AddMember("identifier", identifier("urn:oid:1.2.752.29.4.19", hsaId_, a), a);
        doc.AddMember("managingOrganization", org, a);
        if (insats) {
            rapidjson::Value ids(rapidjson::kArrayType);
            ids.PushBack(identifier("urn:finsam:insats", *insats, a), a);
            doc.AddMember("identifier", ids, a);
            r.insatsId = insats;
        }
        r.json = serialise(doc);
        return r;
    }

    void participation(const Deltagande& d) {
        const bool inError = rng_.chance(kShareEnteredInError);
        Resource r = episode(d.person, d.start, d.end, inError, world_.insatser[d.insats].id);
        r.deltagandeId = d.id;
        holdings_.episodes.push_back(std::move(r));
    }

    void rehabContact(const BenefitPeriod& p) {
        const bool inError = rng_.chance(kShareEnteredInError);
        holdings_.episodes.push_back(episode(p.person, p.from, p.tom, inError, std::nullopt));
    }

    void consent(const Consent& c) {
        const Date updated = c.withdrawn.value_or(c.validFrom);
        Resource r;
        r.type = "Consent";
        r.id = "cns-" + std::to_string(++consents_);
        r.person = c.person;
        r.status = c.withdrawn ? "inactive" : "active";
        r.lastUpdated = nightly(updated);
        rapidjson::Document doc;
        start(doc, r.type, r.id, c.withdrawn ? "2" : "1", r.lastUpdated);
        Alloc& a = doc.GetAllocator();
        rapidjson::Value ids(rapidjson::kArrayType);
        ids.PushBack(identifier("urn:finsam:blankett", c.blankett, a), a);
        doc.AddMember("identifier", ids, a);
        doc.AddMember("status", str(r.status, a), a);
        doc.AddMember("patient", reference("Patient/" + patientId(c.person), a), a);
        noteContact(c.person, c.validFrom);
        doc.AddMember("dateTime", str(swedishTimestamp(c.validFrom, 10, 0), a), a);
        rapidjson::Value provision(rapidjson::kObjectType);
        provision.AddMember("type", "permit", a);
        rapidjson::Value period(rapidjson::kObjectType);
        period.AddMember("start", str(formatIsoDate(c.validFrom), a), a);
        const std::optional<Date> end = c.withdrawn ? c.withdrawn : c.validTo;
        if (end) {
            period.AddMember("end", str(formatIsoDate(*end), a), a);
        }
        provision.AddMember("period", period, a);
        rapidjson::Value actors(rapidjson::kArrayType);
        for (const std::string& party : c.parter) {
            rapidjson::Value role(rapidjson::kObjectType);
            rapidjson::Value codings(rapidjson::kArrayType);
            codings.PushBack(coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", a), a);
            role.AddMember("coding", codings, a);
            rapidjson::Value ref(rapidjson::kObjectType);
            ref.AddMember("identifier", identifier("urn:finsam:organisation", party, a), a);
            rapidjson::Value actor(rapidjson::kObjectType);
            actor.AddMember("role", role, a);
            actor.AddMember("reference", ref, a);
            actors.PushBack(actor, a);
        }
        provision.AddMember("actor", actors, a);
        rapidjson::Value purposes(rapidjson::kArrayType);
        for (const ConsentPurpose p : c.andamal) {
            purposes.PushBack(coding("urn:finsam:purpose", forbund::display(p), a), a);
        }
        provision.AddMember("purpose", purposes, a);
        rapidjson::Value codes(rapidjson::kArrayType);
        for (const ConsentCategory k : c.kategorier) {
            rapidjson::Value category(rapidjson::kObjectType);
            rapidjson::Value codings(rapidjson::kArrayType);
            codings.PushBack(coding("urn:finsam:category", forbund::display(k), a), a);
            category.AddMember("coding", codings, a);
            codes.PushBack(category, a);
        }
        provision.AddMember("code", codes, a);
        doc.AddMember("provision", provision, a);
        r.json = serialise(doc);
        holdings_.consents.push_back(std::move(r));
    }

    const World& world_;
    Rng rng_;
    Date migration_;
    std::string hsaId_;
    Holdings holdings_;
    std::map<std::size_t, Date> firstContact_;
    int episodes_ = 0;
    int consents_ = 0;
};

}  // namespace

Holdings buildHoldings(const World& world, std::uint64_t seed) {
    return HoldingBuilder(world, seed).run();
}

}  // namespace finsam::generator::region
