// tests/partner_server/body_spoiler.cpp — each fault changes one thing in one place (the first candidate),
// so a test knows exactly what its client must notice.
// SPDX-License-Identifier: Apache-2.0
#include "body_spoiler.h"

#include <string>

#include "json_text.h"

namespace finsam::testing::partner {

namespace {

constexpr std::string_view kPersonnummerSystem = "urn:oid:1.2.752.129.2.1.3.1";
constexpr std::string_view kSamordningsnummerSystem = "urn:oid:1.2.752.129.2.1.3.3";

using Document = rapidjson::Document;

// One digit off makes the Luhn check fail: exactly one check digit is right.
void breakCheckDigit(rapidjson::Value& number, Document::AllocatorType& allocator) {
    std::string text(number.GetString(), number.GetStringLength());
    char& last = text.back();
    last = static_cast<char>('0' + (last - '0' + 1) % 10);
    number.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
}

bool isDigits(const rapidjson::Value& value) {
    if (!value.IsString() || value.GetStringLength() == 0) {
        return false;
    }
    const std::string_view text(value.GetString(), value.GetStringLength());
    return text.find_first_not_of("0123456789") == std::string_view::npos;
}

rapidjson::Value* entries(Document& bundle) {
    if (!bundle.IsObject() || !bundle.HasMember("entry") || !bundle["entry"].IsArray()) {
        return nullptr;
    }
    return &bundle["entry"];
}

rapidjson::Value* items(Document& page) {
    if (!page.IsObject() || !page.HasMember("items") || !page["items"].IsArray()) {
        return nullptr;
    }
    return &page["items"];
}

std::string nameOf(const rapidjson::Value& resource) {
    return stringMember(resource, "resourceType") + "/" + stringMember(resource, "id");
}

std::optional<std::string> addUnknownEntry(Document& bundle) {
    rapidjson::Value* list = entries(bundle);
    if (list == nullptr) {
        return std::nullopt;
    }
    Document entry = parseJson(
        R"({"fullUrl":"Observation/obs-fault","resource":{"resourceType":"Observation","id":"obs-fault",)"
        R"("meta":{"versionId":"1","lastUpdated":"2020-01-01T02:00:00+01:00"},"status":"final",)"
        R"("code":{"text":"not a resource the region search returns"}},"search":{"mode":"match"}})",
        "fault entry");
    rapidjson::Value copy(entry, bundle.GetAllocator());
    list->PushBack(copy, bundle.GetAllocator());
    return "entry Observation/obs-fault added";
}

std::optional<std::string> breakIdentifier(Document& document, Payload payload) {
    auto& allocator = document.GetAllocator();
    if (payload == Payload::kKommunPage) {
        rapidjson::Value* list = items(document);
        if (list == nullptr) {
            return std::nullopt;
        }
        for (auto& item : list->GetArray()) {
            if (item.IsObject() && item.HasMember("personnummer") && isDigits(item["personnummer"])) {
                breakCheckDigit(item["personnummer"], allocator);
                return "item " + stringMember(item, "id") + ": personnummer check digit changed";
            }
        }
        return std::nullopt;
    }
    rapidjson::Value* list = entries(document);
    if (list == nullptr) {
        return std::nullopt;
    }
    for (auto& entry : list->GetArray()) {
        if (!entry.IsObject() || !entry.HasMember("resource")) {
            continue;
        }
        auto& resource = entry["resource"];
        if (stringMember(resource, "resourceType") != "Patient" || !resource.HasMember("identifier") ||
            !resource["identifier"].IsArray()) {
            continue;
        }
        for (auto& identifier : resource["identifier"].GetArray()) {
            const std::string system = stringMember(identifier, "system");
            if ((system == kPersonnummerSystem || system == kSamordningsnummerSystem) &&
                identifier.HasMember("value") && isDigits(identifier["value"])) {
                breakCheckDigit(identifier["value"], allocator);
                return nameOf(resource) + ": personnummer check digit changed";
            }
        }
    }
    return std::nullopt;
}

std::optional<std::string> removeField(Document& document, Payload payload, const std::string& wanted) {
    if (payload == Payload::kKommunPage) {
        const std::string field = wanted.empty() ? "id" : wanted;
        rapidjson::Value* list = items(document);
        if (list == nullptr) {
            return std::nullopt;
        }
        for (auto& item : list->GetArray()) {
            if (item.IsObject() && item.HasMember(field.c_str())) {
                const std::string id = stringMember(item, "id");
                item.RemoveMember(field.c_str());
                return "item " + id + ": " + field + " removed";
            }
        }
        return std::nullopt;
    }
    const std::string field = wanted.empty() ? "patient" : wanted;
    rapidjson::Value* list = entries(document);
    if (list == nullptr) {
        return std::nullopt;
    }
    for (auto& entry : list->GetArray()) {
        if (!entry.IsObject() || !entry.HasMember("resource") || !entry.HasMember("search") ||
            stringMember(entry["search"], "mode") != "match") {
            continue;
        }
        auto& resource = entry["resource"];
        if (resource.IsObject() && resource.HasMember(field.c_str())) {
            resource.RemoveMember(field.c_str());
            return nameOf(resource) + ": " + field + " removed";
        }
    }
    return std::nullopt;
}

std::optional<SpoiledBody> wrongShape(Payload payload) {
    switch (payload) {
        case Payload::kBundle:
            return SpoiledBody{R"({"resourceType":"OperationOutcome","issue":[{"severity":"information",)"
                               R"("code":"informational","diagnostics":"search is being reindexed"}]})",
                               "an OperationOutcome instead of a Bundle"};
        case Payload::kKommunPage:
            return SpoiledBody{R"({"message":"Tjänsten är tillfälligt otillgänglig","status":"ok"})",
                               "an object without items"};
        case Payload::kToken:
            return SpoiledBody{R"({"token_type":"Bearer","expires_in":300})", "a token answer without access_token"};
        case Payload::kOther:
            break;
    }
    return std::nullopt;
}

}  // namespace

std::optional<SpoiledBody> spoilBody(const Answer& answer, const Fault& fault) {
    if (answer.status != 200 || answer.payload == Payload::kOther) {
        return std::nullopt;
    }
    switch (fault.kind) {
        case FaultKind::kInvalidJson: {
            const std::size_t kept = answer.body.size() / 2;
            return SpoiledBody{answer.body.substr(0, kept), "cut to " + std::to_string(kept) + " of " +
                                                                std::to_string(answer.body.size()) + " bytes"};
        }
        case FaultKind::kWrongShape:
            return wrongShape(answer.payload);
        default:
            break;
    }
    const bool bundle = answer.payload == Payload::kBundle;
    const bool page = answer.payload == Payload::kKommunPage;
    if (!bundle && !page) {
        return std::nullopt;
    }
    Document document = parseJson(answer.body, "answer");
    std::optional<std::string> detail;
    if (fault.kind == FaultKind::kUnknownResourceType && bundle) {
        detail = addUnknownEntry(document);
    } else if (fault.kind == FaultKind::kBadIdentifier) {
        detail = breakIdentifier(document, answer.payload);
    } else if (fault.kind == FaultKind::kMissingField) {
        detail = removeField(document, answer.payload, fault.field);
    }
    if (!detail) {
        return std::nullopt;
    }
    return SpoiledBody{compactJson(document), *detail};
}

}  // namespace finsam::testing::partner
