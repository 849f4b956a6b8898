// tests/core/http/openapi_test.cpp — openapi.json documents exactly the route table, and a running server agrees.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <Poco/String.h>
#include <rapidjson/pointer.h>

#include <algorithm>
#include <functional>
#include <set>
#include <stdexcept>
#include <tuple>

#include "core/common/embedded_file.h"
#include "core/common/json.h"
#include "core/feed/event_catalogue.h"
#include "core/feed/feed_writer.h"
#include "core/http/routes.h"
#include "core/store/entity_writer.h"
#include "tests/core/http/api_fixture.h"

namespace finsam::testing {
namespace {

using MethodAndPath = std::pair<std::string, std::string>;

const std::set<std::string> kHttpMethods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

// A person_key the explain operation finds (32 letters a–p, as the hub makes them).
constexpr const char* kPersonKey = "abcdefghijklmnopabcdefghijklmnop";

std::string_view embeddedText() {
    const auto* file = common::findEmbedded(common::embeddedApiDescription(), "openapi.json");
    if (file == nullptr) {
        throw std::logic_error("openapi.json is not compiled in");
    }
    return file->content;
}

rapidjson::Document description() {
    rapidjson::Document document;
    common::JsonError error;
    if (!common::parseJson(embeddedText(), document, error)) {
        throw std::runtime_error("openapi.json:" + std::to_string(error.line) + ":" + std::to_string(error.column) +
                                 ": " + error.reason);
    }
    return document;
}

// value[name]; throws (a test failure, not RapidJSON's assert) when it is missing.
const rapidjson::Value& at(const rapidjson::Value& value, const std::string& name) {
    if (!value.IsObject() || !value.HasMember(name)) {
        throw std::runtime_error("no member " + name);
    }
    return value[name];
}

// The value at a JSON pointer, e.g. "/components/schemas/Error"; throws when there is none.
const rapidjson::Value& pointed(const rapidjson::Document& document, const std::string& pointer) {
    const rapidjson::Value* value = rapidjson::Pointer(pointer.c_str()).Get(document);
    if (value == nullptr) {
        throw std::runtime_error("nothing at " + pointer);
    }
    return *value;
}

// The value a local "$ref" ("#/components/…") points at; throws when it points nowhere.
const rapidjson::Value& resolve(const rapidjson::Document& document, const rapidjson::Value& value) {
    if (!value.IsObject() || !value.HasMember("$ref")) {
        return value;
    }
    const std::string ref = value["$ref"].GetString();
    if (ref.rfind("#/", 0) != 0) {
        throw std::runtime_error("not a local $ref: " + ref);
    }
    return pointed(document, ref.substr(1));
}

const rapidjson::Value& operationOf(const rapidjson::Document& document, const http::Route& route) {
    return at(at(at(document, "paths"), route.path), Poco::toLower(route.method));
}

// OpenAPI's "nullable: true" as draft-04 says it (type [T, "null"]), so RapidJSON's validator can check bodies.
void nullableToDraft4(rapidjson::Value& value, rapidjson::Document::AllocatorType& allocator) {
    if (value.IsArray()) {
        for (auto& item : value.GetArray()) {
            nullableToDraft4(item, allocator);
        }
        return;
    }
    if (!value.IsObject()) {
        return;
    }
    if (value.HasMember("nullable") && value["nullable"].GetBool() && value.HasMember("type")) {
        rapidjson::Value types(rapidjson::kArrayType);
        types.PushBack(value["type"], allocator).PushBack("null", allocator);
        value["type"] = types;
    }
    for (auto& member : value.GetObject()) {
        nullableToDraft4(member.value, allocator);
    }
}

// Violations of `body` against the schema the document gives for `route`'s `status` answer in JSON.
std::vector<common::SchemaViolation> checkAgainstDocument(const http::Route& route, int status,
                                                          const std::string& body) {
    const rapidjson::Document document = description();
    const auto& response = resolve(document, at(at(operationOf(document, route), "responses"), std::to_string(status)));
    rapidjson::Document schema(rapidjson::kObjectType);
    auto& allocator = schema.GetAllocator();
    rapidjson::Value components(rapidjson::kObjectType);
    components.AddMember("schemas", rapidjson::Value(at(at(document, "components"), "schemas"), allocator),
                         allocator);
    schema.AddMember("components", components, allocator);
    schema.AddMember("x-target", rapidjson::Value(at(at(at(response, "content"), "application/json"), "schema"),
                                                  allocator),
                     allocator);
    nullableToDraft4(schema, allocator);
    schema.AddMember("$ref", "#/x-target", allocator);
    rapidjson::Document instance;
    common::JsonError error;
    if (!common::parseJson(body, instance, error)) {
        return {{"/", "not JSON: " + error.reason}};
    }
    return common::validateAgainstSchema(schema, instance);
}

std::string describe(const std::vector<common::SchemaViolation>& violations) {
    std::string out;
    for (const auto& violation : violations) {
        out += violation.pointer + ": " + violation.reason + "\n";
    }
    return out;
}

TEST(OpenApiTest, IsAnOpenApi30DocumentWithABearerScheme) {
    const auto document = description();
    ASSERT_TRUE(document.IsObject());
    EXPECT_EQ(std::string(pointed(document, "/openapi").GetString()).rfind("3.0.", 0), 0u);
    EXPECT_TRUE(pointed(document, "/info/title").IsString());
    EXPECT_TRUE(pointed(document, "/info/version").IsString());
    EXPECT_STREQ(pointed(document, "/components/securitySchemes/bearer/type").GetString(), "http");
    EXPECT_STREQ(pointed(document, "/components/securitySchemes/bearer/scheme").GetString(), "bearer");
}

TEST(OpenApiTest, DocumentsExactlyTheRouteTable) {
    const auto document = description();
    std::set<MethodAndPath> documented, routed;
    for (const auto& path : pointed(document, "/paths").GetObject()) {
        for (const auto& operation : path.value.GetObject()) {
            if (kHttpMethods.count(operation.name.GetString()) != 0) {
                documented.emplace(Poco::toUpper(std::string(operation.name.GetString())), path.name.GetString());
            }
        }
    }
    for (const auto& route : http::apiRoutes()) {
        routed.emplace(route.method, route.path);
    }
    for (const auto& [method, path] : routed) {
        EXPECT_EQ(documented.count({method, path}), 1u) << method << " " << path << " is routed, not documented";
    }
    for (const auto& [method, path] : documented) {
        EXPECT_EQ(routed.count({method, path}), 1u) << method << " " << path << " is documented, not routed";
    }
}

TEST(OpenApiTest, EachOperationNamesTheScopeOfItsRoute) {
    const auto document = description();
    for (const auto& route : http::apiRoutes()) {
        SCOPED_TRACE(route.method + " " + route.path);
        const auto& operation = operationOf(document, route);
        ASSERT_TRUE(operation.HasMember("security"));
        const auto& security = operation["security"];
        if (route.scope.empty()) {
            EXPECT_FALSE(operation.HasMember("x-scope"));
            EXPECT_TRUE(security.IsArray() && security.Empty()) << "a public operation says security: []";
            continue;
        }
        ASSERT_TRUE(operation.HasMember("x-scope"));
        EXPECT_EQ(operation["x-scope"].GetString(), route.scope);
        ASSERT_TRUE(security.IsArray() && security.Size() == 1);
        EXPECT_TRUE(security[0].HasMember("bearer") && security[0]["bearer"].Empty());
        for (const char* status : {"401", "403"}) {
            EXPECT_TRUE(at(operation, "responses").HasMember(status)) << status;
        }
    }
}

TEST(OpenApiTest, EveryReferenceResolvesAndEveryPathParameterIsDeclared) {
    const auto document = description();
    std::function<void(const rapidjson::Value&)> walk = [&](const rapidjson::Value& value) {
        if (value.IsObject()) {
            EXPECT_NO_THROW(resolve(document, value));
            for (const auto& member : value.GetObject()) {
                walk(member.value);
            }
        } else if (value.IsArray()) {
            for (const auto& item : value.GetArray()) {
                walk(item);
            }
        }
    };
    walk(document);
    for (const auto& route : http::apiRoutes()) {
        const auto& operation = operationOf(document, route);
        std::set<std::string> declared;
        if (operation.HasMember("parameters")) {
            for (const auto& parameter : operation["parameters"].GetArray()) {
                const auto& resolved = resolve(document, parameter);
                if (std::string(at(resolved, "in").GetString()) == "path") {
                    EXPECT_TRUE(at(resolved, "required").GetBool()) << at(resolved, "name").GetString();
                    declared.insert(at(resolved, "name").GetString());
                }
            }
        }
        std::set<std::string> placeholders;
        for (auto open = route.path.find('{'); open != std::string::npos; open = route.path.find('{', open + 1)) {
            placeholders.insert(route.path.substr(open + 1, route.path.find('}', open) - open - 1));
        }
        EXPECT_EQ(declared, placeholders) << route.path;
    }
}

TEST(OpenApiTest, EventTypesAreTheCatalogue) {
    const auto document = description();
    std::vector<std::string> types, wildcards;
    for (const auto& info : feed::eventCatalogue()) {
        types.emplace_back(info.type);
        const std::string wildcard = std::string(info.type.substr(0, info.type.find('.'))) + ".*";
        if (std::find(wildcards.begin(), wildcards.end(), wildcard) == wildcards.end()) {
            wildcards.push_back(wildcard);
        }
    }
    auto strings = [](const rapidjson::Value& array) {
        std::vector<std::string> out;
        for (const auto& item : array.GetArray()) {
            out.emplace_back(item.GetString());
        }
        return out;
    };
    EXPECT_EQ(strings(pointed(document, "/components/schemas/FeedEvent/properties/type/enum")), types);
    std::vector<std::string> filter = types;
    filter.insert(filter.end(), wildcards.begin(), wildcards.end());
    EXPECT_EQ(strings(pointed(document, "/components/parameters/Types/schema/items/enum")), filter);
    for (const auto& item : filter) {
        EXPECT_NO_THROW(feed::expandTypes(item)) << item << " is documented but refused";
    }
}

// The payload of event type `type` in its embedded schema (config/schemas/events/<type>.schema.json).
rapidjson::Document eventPayloadSchema(const std::string& type) {
    const auto* file = common::findEmbedded(common::embeddedEventSchemas(), type + ".schema.json");
    if (file == nullptr) {
        throw std::runtime_error("no event schema for " + type);
    }
    rapidjson::Document schema;
    common::JsonError error;
    if (!common::parseJson(file->content, schema, error)) {
        throw std::runtime_error(type + ".schema.json: " + error.reason);
    }
    rapidjson::Document payload;
    payload.CopyFrom(pointed(schema, "/properties/payload"), payload.GetAllocator());
    // Inline the schema's own definitions, so a property's enum can be compared wherever it is written.
    const rapidjson::Value* definitions = rapidjson::Pointer("/definitions").Get(schema);
    for (auto& property : payload["properties"].GetObject()) {
        if (definitions != nullptr && property.value.HasMember("$ref")) {
            const std::string ref = property.value["$ref"].GetString();
            property.value.CopyFrom(at(*definitions, ref.substr(ref.rfind('/') + 1)), payload.GetAllocator());
        }
    }
    return payload;
}

std::vector<std::string> names(const rapidjson::Value& object) {
    std::vector<std::string> out;
    for (const auto& member : object.GetObject()) {
        out.emplace_back(member.name.GetString());
    }
    return out;
}

// The current-state items are the payloads of the events a consumer would have stored, so their documented
// shapes are the event schemas' (plus what the current state adds) and cannot drift apart.
TEST(OpenApiTest, CurrentStateItemsHaveTheShapeOfTheirEventPayloads) {
    const auto document = description();
    const std::vector<std::tuple<std::string, std::string, std::string>> items = {
        {"Insats", "insats.upserted", ""}, {"Deltagande", "deltagande.started", "duplicate_of"},
        {"Person", "person.upserted", "links"}};
    for (const auto& [item, type, added] : items) {
        SCOPED_TRACE(item);
        const auto& documented = pointed(document, "/components/schemas/" + item);
        const auto payload = eventPayloadSchema(type);
        auto properties = names(at(documented, "properties"));
        if (!added.empty()) {
            ASSERT_EQ(properties.back(), added);
            properties.pop_back();
        }
        EXPECT_EQ(properties, names(payload["properties"]));
        auto required = at(documented, "required").GetArray();
        EXPECT_GE(required.Size(), payload["required"].Size());
        for (rapidjson::SizeType i = 0; i < payload["required"].Size(); ++i) {
            EXPECT_EQ(required[i], payload["required"][i]);
        }
        for (const auto& property : payload["properties"].GetObject()) {
            const auto& ours = at(at(documented, "properties"), property.name.GetString());
            for (const char* keyword : {"enum", "pattern", "minimum", "maximum"}) {
                if (property.value.HasMember(keyword)) {
                    EXPECT_TRUE(ours.HasMember(keyword) && ours[keyword] == property.value[keyword])
                        << property.name.GetString() << " " << keyword;
                }
            }
        }
    }
}

class ServedApiTest : public ::testing::TestWithParam<TestBackend> {
protected:
    ServedApiTest() : api_(GetParam()) { seed(api_.database()); }

    // One person, an insats and a deltagande of that person in it, through the store's own writers, so every
    // collection answers an item to check against its schema.
    static void seed(store::Database& db) {
        soci::transaction transaction(db.session());
        const std::string personKey = kPersonKey;
        db.session() << "INSERT INTO person (person_key, kon, fodelsear, protected, content_hash, created_at, "
                        "updated_at) VALUES (:k, 'kvinna', 1980, 0, 'h', '2026-01-01T00:00:00Z', "
                        "'2026-01-01T00:00:00Z')",
            soci::use(personKey);
        auto record = [](const std::string& entity, const std::string& key,
                         std::map<std::string, std::vector<std::string>> values) {
            model::WorkRecord out;
            out.connector = "forbund-csv";
            out.organisation = "forbund-a";
            out.entity = entity;
            out.sourceKey = key;
            out.values = std::move(values);
            return out;
        };
        const auto insats = record("insats", "I-1", {{"insats_id", {"I-1"}}, {"namn", {"Steg"}},
                                                     {"inriktning", {"individinriktad"}},
                                                     {"uppfoljningsmetod", {"individ"}}, {"startdatum", {"2025-01-01"}},
                                                     {"malgrupp", {"unga_16_29", "nyanlanda"}}});
        const auto deltagande = record("deltagande", "D-1", {{"insats_id", {"I-1"}}, {"kon", {"kvinna"}},
                                                             {"fodelsear", {"1980"}}, {"startdatum", {"2025-02-01"}},
                                                             {"forsorjning_fore", {"aktivitetsstod"}}});
        store::EntityWriter writer(db);
        std::vector<store::EntityChange> changes = {writer.upsert(insats, ""), writer.upsert(deltagande, personKey)};
        feed::FeedWriter(db).append(changes, 1);
        db.session() << "INSERT INTO quarantine (id, connector, batch_id, source, line, column_no, field, code, "
                        "message, payload, state, created_at) VALUES (1, 'forbund-csv', 1, 'deltaganden.csv', 7, 3, "
                        "'startdatum', 'bad_value', 'startdatum: not a date', 'D-9;[pnr];2025-02-30', 'open', "
                        "'2026-01-01T00:00:00.000Z')";
        // A probabilistic match waiting for review (GET lists it, POST decides it).
        db.session() << "INSERT INTO person_match (id, person_a, person_b, probability, weight, evidence, status, "
                        "created_at, updated_at) VALUES (1, '" << kPersonKey << "', 'pppppppppppppppppppppppppppppppp', "
                        "0.7, 3.5, '{\"nummer\":\"close\",\"fornamn\":\"exact\",\"efternamn\":\"exact\","
                        "\"fodelsedatum\":\"exact\",\"kon\":\"exact\"}', 'review', '2026-01-01T00:00:00.000Z', "
                        "'2026-01-01T00:00:00.000Z')";
        transaction.commit();
    }

    // A route's path with its placeholders filled with something that exists.
    static std::string targetOf(const http::Route& route) {
        std::string target = route.path;
        Poco::replaceInPlace(target, std::string("{person_key}"), std::string(kPersonKey));
        Poco::replaceInPlace(target, std::string("{asset}"), std::string("index.html"));
        const bool numbered = route.path.find("quarantine") != std::string::npos ||
                              route.path.find("review") != std::string::npos;
        Poco::replaceInPlace(target, std::string("{id}"), std::string(numbered ? "1" : "forbund-csv"));
        return target;
    }

    static std::string tokenFor(const std::string& scope) {
        return scope.empty()                ? ""
               : scope == "admin"            ? kAdminToken
               : scope == "metrics"          ? kMetricsToken
               : scope == "indicators:read" ? kStatsToken
                                             : kReaderToken;
    }

    ApiFixture api_;
};

TEST_P(ServedApiTest, EveryDocumentedOperationAnswersAsDocumented) {
    for (const auto& route : http::apiRoutes()) {
        SCOPED_TRACE(route.method + " " + route.path);
        std::string target = targetOf(route);
        if (route.path == "/v1/indicators") target += "?forbund=forbund-a&from=2025-01-01&to=2025-12-31";  // required
        const std::string body = route.path == "/v1/admin/connectors/validate"
                                     ? R"({"id":"x","plugin":"forbund-csv","organisation":"forbund-a","settings":{}})"
                                 : route.path == "/v1/admin/review/{id}" ? R"({"decision":"accept"})"
                                                                          : "";
        auto response = route.method == "POST" ? apiPost(api_.port(), target, tokenFor(route.scope), body)
                                               : apiCall(api_.port(), route.method, target, tokenFor(route.scope));
        EXPECT_NE(response.status, 404) << response.body;
        EXPECT_NE(response.status, 405) << response.body;
        ASSERT_EQ(response.status, 200) << response.body;
        EXPECT_EQ(response.header("Cache-Control"), "no-store");
        const std::string type = response.contentType.substr(0, response.contentType.find(';'));
        const auto document = description();
        const auto& content = at(at(at(operationOf(document, route), "responses"), "200"), "content");
        EXPECT_TRUE(content.HasMember(type)) << type << " is not the documented content type";
        if (type == "application/json") {
            auto violations = checkAgainstDocument(route, 200, response.body);
            EXPECT_TRUE(violations.empty()) << describe(violations) << response.body;
        }
        if (!route.scope.empty()) {
            auto refused = route.method == "POST" ? apiPost(api_.port(), target, "", body)
                                                  : apiCall(api_.port(), route.method, target);
            EXPECT_EQ(refused.status, 401);
            EXPECT_TRUE(checkAgainstDocument(route, 401, refused.body).empty()) << refused.body;
        }
    }
}

TEST_P(ServedApiTest, EveryScopedRouteRefusesATokenOfAnyOtherScope403) {
    int refused = 0;
    int scoped = 0;
    for (const auto& route : http::apiRoutes()) {
        if (route.scope.empty()) {
            continue;
        }
        ++scoped;
        const std::string target = targetOf(route);
        for (const char* scope : {"feed:read", "indicators:read", "metrics", "admin"}) {
            if (route.scope == scope) {
                continue;
            }
            SCOPED_TRACE(route.method + " " + route.path + " with a " + scope + " token");
            auto response = route.method == "POST" ? apiPost(api_.port(), target, tokenFor(scope), "{}")
                                                   : apiCall(api_.port(), route.method, target, tokenFor(scope));
            EXPECT_EQ(response.status, 403) << response.body;
            EXPECT_NE(response.body.find("\"forbidden\""), std::string::npos) << response.body;
            EXPECT_TRUE(checkAgainstDocument(route, 403, response.body).empty()) << response.body;
            ++refused;
        }
    }
    EXPECT_GE(scoped, 15);
    EXPECT_EQ(refused, 3 * scoped) << "every scoped route, with each of the three other scopes";
}

TEST_P(ServedApiTest, UndocumentedPathsAre404AndOtherMethods405WithAllow) {
    for (const char* path : {"/", "/v1", "/v1/feeds", "/v1/feed/head/more", "/v1/admin/persons//explain"}) {
        auto response = api_.get(path, kAdminToken);
        EXPECT_EQ(response.status, 404) << path;
        EXPECT_NE(response.body.find("\"not_found\""), std::string::npos) << path;
    }
    for (const auto& route : http::apiRoutes()) {
        if (route.path == "/v1/admin/connectors/validate") {
            continue;  // GET there is GET /v1/admin/connectors/{id} of a connector called "validate"
        }
        const std::string target = targetOf(route);
        auto response = apiCall(api_.port(), route.method == "POST" ? "GET" : "POST", target, tokenFor(route.scope));
        EXPECT_EQ(response.status, 405) << route.path;
        EXPECT_EQ(response.header("Allow"), route.method) << route.path;
        EXPECT_NE(response.body.find("\"method_not_allowed\""), std::string::npos) << route.path;
    }
    EXPECT_EQ(apiCall(api_.port(), "DELETE", "/v1/feed", kReaderToken).status, 405);
}

TEST_P(ServedApiTest, ServesTheEmbeddedDocumentWithoutAToken) {
    auto response = api_.get("/openapi.json");
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.contentType, "application/json");
    EXPECT_EQ(response.body, embeddedText());
}

INSTANTIATE_TEST_SUITE_P(Backends, ServedApiTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
