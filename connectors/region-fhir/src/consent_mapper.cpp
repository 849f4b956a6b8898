// connectors/region-fhir/src/consent_mapper.cpp — provision parts by their urn:finsam systems.
// SPDX-License-Identifier: Apache-2.0
#include "consent_mapper.h"

#include <algorithm>
#include <array>

#include "fhir_systems.h"
#include "fhir_time.h"
#include "safe_message.h"

namespace finsam::connectors::region_fhir {

namespace {

constexpr std::array<std::string_view, 6> kStatuses = {"active", "inactive", "rejected", "entered-in-error",
                                                       "draft",  "proposed"};

// af, fk, region-NN, kommun-NNNN, forbund-<slug> (codes.md "organisation kinds and ids").
bool isOrganisationId(const std::string& id) {
    auto digitsAfter = [&](std::string_view prefix, std::size_t count) {
        return id.size() == prefix.size() + count && id.compare(0, prefix.size(), prefix) == 0 &&
               id.find_first_not_of("0123456789", prefix.size()) == std::string::npos;
    };
    if (id == "af" || id == "fk" || digitsAfter("region-", 2) || digitsAfter("kommun-", 4)) {
        return true;
    }
    return id.size() > 8 && id.compare(0, 8, "forbund-") == 0 &&
           id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-", 8) == std::string::npos;
}

bool hasCoding(const JsonValue& codeable, const char* systemName, const char* code) {
    const JsonValue* codings = arrayMember(codeable, "coding");
    for (std::size_t i = 0; codings != nullptr && i < codings->Size(); ++i) {
        const JsonValue& coding = (*codings)[static_cast<rapidjson::SizeType>(i)];
        if (stringMember(coding, "system").value_or("") == systemName &&
            stringMember(coding, "code").value_or("") == code) {
            return true;
        }
    }
    return false;
}

// Reads one Consent; the first fault stops it.
class ConsentReader {
public:
    ConsentReader(const JsonValue& consent, const MatchContext& where)
        : consent_(consent), where_(where), provision_(member(consent, "provision")) {}

    std::optional<ResourceFault> fault;

    const JsonValue* provision() const { return provision_; }

    // provision.actor[] with role IRCP and an urn:finsam:organisation identifier.
    std::vector<std::string> parties() {
        std::vector<std::string> out;
        const JsonValue* actors = arrayMember(*provision_, "actor");
        for (std::size_t i = 0; actors != nullptr && i < actors->Size(); ++i) {
            const JsonValue& actor = (*actors)[static_cast<rapidjson::SizeType>(i)];
            const JsonValue* role = member(actor, "role");
            const JsonValue* reference = member(actor, "reference");
            const JsonValue* identifier = reference != nullptr ? member(*reference, "identifier") : nullptr;
            if (role == nullptr || identifier == nullptr ||
                !hasCoding(*role, system::kParticipationType, system::kInformationRecipient) ||
                stringMember(*identifier, "system").value_or("") != system::kOrganisation) {
                continue;
            }
            const auto value = stringMember(*identifier, "value");
            if (!value || !isOrganisationId(*value)) {
                fail(at() / "provision" / "actor" / i / "reference" / "identifier" / "value", "bad_value",
                     "party " + sdk::toolkit::quoteForMessage(value.value_or("")) +
                         " is not an organisation id (af, fk, region-NN, kommun-NNNN, forbund-<slug>)");
                return {};
            }
            addOnce(out, *value);
        }
        if (out.empty()) {
            fail(at() / "provision" / "actor", "missing_value",
                 "no provision.actor with role IRCP names an urn:finsam:organisation");
        }
        return out;
    }

    // provision.code[].coding[] of the category system.
    std::vector<std::string> categories() {
        std::vector<std::string> out;
        const JsonValue* codes = arrayMember(*provision_, "code");
        for (std::size_t i = 0; codes != nullptr && i < codes->Size(); ++i) {
            const JsonValue* codings = arrayMember((*codes)[static_cast<rapidjson::SizeType>(i)], "coding");
            for (std::size_t c = 0; codings != nullptr && c < codings->Size(); ++c) {
                collect(out, (*codings)[static_cast<rapidjson::SizeType>(c)], system::kCategory);
            }
        }
        if (out.empty()) {
            fail(at() / "provision" / "code", "missing_value", "no provision.code of system urn:finsam:category");
        }
        return out;
    }

    // provision.purpose[] (Coding) of the purpose system.
    std::vector<std::string> purposes() {
        std::vector<std::string> out;
        const JsonValue* purposes = arrayMember(*provision_, "purpose");
        for (std::size_t i = 0; purposes != nullptr && i < purposes->Size(); ++i) {
            collect(out, (*purposes)[static_cast<rapidjson::SizeType>(i)], system::kPurpose);
        }
        if (out.empty()) {
            fail(at() / "provision" / "purpose", "missing_value", "no provision.purpose of system urn:finsam:purpose");
        }
        return out;
    }

    // provision.period.start or .end as a Swedish date; "" when absent.
    std::string periodDate(const char* name) {
        const JsonValue* period = member(*provision_, "period");
        const JsonValue* value = period != nullptr ? member(*period, name) : nullptr;
        if (value == nullptr) {
            return "";
        }
        auto date = value->IsString() ? swedishDate(std::string_view(value->GetString(), value->GetStringLength()))
                                       : std::nullopt;
        if (!date) {
            fail(at() / "provision" / "period" / name, "bad_value",
                 std::string("provision.period.") + name + " is not a FHIR date or dateTime");
            return "";
        }
        return *date;
    }

    // The consent's dateTime as a Swedish date; "" when absent.
    std::string signedDate() {
        const auto text = stringMember(consent_, "dateTime");
        if (!text) {
            return "";
        }
        auto date = swedishDate(*text);
        if (!date) {
            fail(at() / "dateTime", "bad_value", "Consent.dateTime is not a FHIR dateTime");
            return "";
        }
        return *date;
    }

    // The urn:finsam:blankett identifier; two different ones cannot both be the signed form.
    std::string blankett() {
        std::string out;
        const JsonValue* identifiers = arrayMember(consent_, "identifier");
        for (std::size_t i = 0; identifiers != nullptr && i < identifiers->Size(); ++i) {
            const JsonValue& identifier = (*identifiers)[static_cast<rapidjson::SizeType>(i)];
            if (stringMember(identifier, "system").value_or("") != system::kBlankett) {
                continue;
            }
            const std::string value = stringMember(identifier, "value").value_or("");
            if (!out.empty() && !value.empty() && value != out) {
                fail(at() / "identifier" / i / "value", "ambiguous_blankett",
                     "the consent carries two different urn:finsam:blankett identifiers");
                return "";
            }
            out = value.empty() ? out : value;
        }
        return out;
    }

    void fail(const Pointer& pointer, std::string code, std::string message) {
        if (!fault) {
            fault = ResourceFault{pointer.text(), std::move(code), std::move(message)};
        }
    }

private:
    const Pointer& at() const { return where_.at; }

    static void addOnce(std::vector<std::string>& list, const std::string& value) {
        if (std::find(list.begin(), list.end(), value) == list.end()) {
            list.push_back(value);
        }
    }

    static void collect(std::vector<std::string>& list, const JsonValue& coding, const char* systemName) {
        if (stringMember(coding, "system").value_or("") == systemName) {
            if (auto code = stringMember(coding, "code"); code && !code->empty()) {
                addOnce(list, *code);  // validated against the canonical code list by the hub
            }
        }
    }

    const JsonValue& consent_;
    const MatchContext& where_;
    const JsonValue* provision_;
};

}  // namespace

MappedResource mapConsent(const JsonValue& consent, const MatchContext& where, const PatientResolver& patient) {
    const auto status = stringMember(consent, "status");
    if (!status) {
        return quarantined(kSamtycke, {(where.at / "status").text(), "missing_value", "Consent.status is missing"});
    }
    if (std::find(kStatuses.begin(), kStatuses.end(), *status) == kStatuses.end()) {
        return quarantined(kSamtycke, {(where.at / "status").text(), "unknown_code",
                                       "Consent.status " + sdk::toolkit::quoteForMessage(*status) +
                                           " is not an R4 consent status"});
    }
    MappedResource out;
    out.entity = kSamtycke;
    if (*status == "entered-in-error") {
        out.records.push_back(makeRecord(kSamtycke, sdk::Operation::kRetract, where, where.line));
        return out;
    }
    const PatientReading person = patient(consent, where.at);
    if (person.fault) {
        return quarantined(kSamtycke, *person.fault);
    }
    if (person.facts->protectedIdentity) {
        out.records.push_back(makeRecord(kSamtycke, sdk::Operation::kRetract, where, where.line));
        return out;
    }
    if (!person.facts->nationalNumber && person.facts->reservnummer.empty()) {
        return quarantined(kSamtycke, {(where.at / "patient" / "reference").text(), "no_identity",
                                       "the patient has no personnummer, samordningsnummer or reservnummer"});
    }
    ConsentReader reader(consent, where);
    if (reader.provision() == nullptr || !reader.provision()->IsObject()) {
        return quarantined(kSamtycke,
                           {(where.at / "provision").text(), "missing_value", "Consent.provision is missing"});
    }
    const auto beslut = stringMember(*reader.provision(), "type");
    if (!beslut) {
        reader.fail(where.at / "provision" / "type", "missing_value", "provision.type (permit|deny) is missing");
    }
    const auto parties = reader.parties();
    const auto categories = reader.categories();
    const auto purposes = reader.purposes();
    std::string from = reader.periodDate("start");
    const std::string end = reader.periodDate("end");
    if (from.empty()) {
        from = reader.signedDate();
    }
    if (from.empty()) {
        reader.fail(where.at / "provision" / "period" / "start", "missing_value",
                    "neither provision.period.start nor dateTime says from when the consent holds");
    }
    const std::string blankett = reader.blankett();
    if (reader.fault) {
        return quarantined(kSamtycke, *reader.fault);
    }
    sdk::Record record = makeRecord(kSamtycke, sdk::Operation::kUpsert, where, where.line);
    if (person.facts->nationalNumber) {
        addField(record, "personnummer", *person.facts->nationalNumber);
    } else {
        addField(record, "reservnummer", person.facts->reservnummer);
    }
    for (const auto& party : parties) {
        addField(record, "parter", party);
    }
    for (const auto& category : categories) {
        addField(record, "kategorier", category);
    }
    for (const auto& purpose : purposes) {
        addField(record, "andamal", purpose);
    }
    addField(record, "giltigt_fran", from);
    if (*status == "inactive") {
        // Withdrawn: provision.period.end is the withdrawal date, else the day the server recorded it.
        addField(record, "aterkallat", !end.empty() ? end : swedishDate(where.lastUpdated).value_or(""));
    } else {
        addField(record, "giltigt_till", end);
    }
    addField(record, "status", *status);
    addField(record, "beslut", *beslut);
    addField(record, "blankett", blankett);
    out.records.push_back(std::move(record));
    return out;
}

}  // namespace finsam::connectors::region_fhir
