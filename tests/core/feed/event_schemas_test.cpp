// tests/core/feed/event_schemas_test.cpp — the event schemas match the catalogue, the canonical schema and the
// code lists, name the first violation by JSON pointer, and accept every event a generated world produces.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/event_schemas.h"

#include <gtest/gtest.h>
#include <Poco/Process.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "core/app/hub_runtime.h"
#include "core/common/embedded_file.h"
#include "core/common/json.h"
#include "core/feed/event_catalogue.h"
#include "core/feed/feed_reader.h"
#include "core/feed/feed_writer.h"
#include "core/model/code_lists.h"
#include "core/model/entity_spec.h"
#include "core/pipeline/ingest_runner.h"
#include "tests/support/hub_fixture.h"

namespace finsam::testing {
namespace {

using feed::EventSchemas;
using feed::FeedEvent;

// Generated test numbers (valid check digits, nobody's): what a free-text field must never carry.
constexpr const char* kNumber = "19850312-1231";

rapidjson::Document schemaOf(const std::string& type) {
    const auto* file = common::findEmbedded(common::embeddedEventSchemas(), type + ".schema.json");
    EXPECT_NE(file, nullptr) << type;
    rapidjson::Document document;
    common::JsonError error;
    EXPECT_TRUE(file != nullptr && common::parseJson(file->content, document, error)) << type;
    return document;
}

// A property's schema with a local "$ref" followed.
const rapidjson::Value& resolved(const rapidjson::Document& schema, const rapidjson::Value& property) {
    if (!property.HasMember("$ref")) {
        return property;
    }
    const std::string ref = property["$ref"].GetString();
    return schema["definitions"][ref.substr(std::string("#/definitions/").size()).c_str()];
}

std::vector<std::string> enumOf(const rapidjson::Value& property) {
    std::vector<std::string> codes;
    if (property.HasMember("enum")) {
        for (const auto& code : property["enum"].GetArray()) {
            codes.emplace_back(code.IsString() ? code.GetString() : "<not a string>");
        }
    }
    return codes;
}

FeedEvent eventOf(const std::string& type, const std::string& key, const std::string& payload) {
    return FeedEvent{7, "0123456789abcdef0123456789abcdef", "2026-11-23T10:15:00.123Z", type, key, feed::kSchemaVersion,
                     payload};
}

const std::string kPersonKey = std::string(32, 'c');

// A valid identified participation; `extra` is spliced in after its insats.
FeedEvent participation(const std::string& extra = "", const std::string& personKey = "\"" + kPersonKey + "\"") {
    return eventOf("deltagande.started", "forbund-x/D-1",
                   "{\"entity_key\":\"forbund-x/D-1\",\"organisation\":\"forbund-x\",\"person_key\":" + personKey +
                       ",\"anonymous\":false,\"insats_id\":\"FB-1\"" + extra +
                       ",\"kon\":\"kvinna\",\"startdatum\":\"2026-06-01\"}");
}

std::string problemOf(const FeedEvent& event) {
    auto problem = EventSchemas::embedded().validate(event);
    return problem ? *problem : "valid";
}

TEST(EventSchemasTest, EveryCatalogueTypeHasExactlyOneSchemaAndEverySchemaAType) {
    std::vector<std::string> catalogue;
    for (const auto& info : feed::eventCatalogue()) {
        catalogue.emplace_back(info.type);
    }
    std::sort(catalogue.begin(), catalogue.end());
    EXPECT_EQ(EventSchemas::embedded().types(), catalogue);
    for (const auto& type : catalogue) {
        auto schema = schemaOf(type);
        ASSERT_TRUE(schema.IsObject()) << type;
        EXPECT_TRUE(schema.HasMember("title") && schema.HasMember("description")) << type;
        EXPECT_EQ(enumOf(schema["properties"]["type"]), std::vector<std::string>{type});
        EXPECT_FALSE(schema["properties"]["payload"]["additionalProperties"].GetBool()) << type;
    }
}

TEST(EventSchemasTest, EveryChangeOfEveryEntityMapsToACatalogueType) {
    // The canonical entities, and what the link stage derives: persons, their links, merged reports.
    std::vector<std::string> entities = {"person", "person_link", "deltagande_duplicate"};
    for (const auto& spec : model::allEntities()) {
        entities.emplace_back(spec.name);
    }
    using store::Change;
    for (const auto& entity : entities) {
        for (Change change : {Change::kInserted, Change::kUpdated, Change::kReactivated, Change::kRetracted}) {
            for (bool ended : {false, true}) {
                store::EntityChange entityChange;
                entityChange.change = change;
                entityChange.entity = entity;
                entityChange.endedNow = ended;
                const std::string type = feed::eventTypeFor(entityChange);
                EXPECT_NE(feed::findEventType(type), nullptr) << entity << " -> " << type;
            }
        }
    }
}

// Each upsert schema publishes exactly the entity's published fields, codes from the hub's own code lists.
TEST(EventSchemasTest, UpsertSchemasFollowTheCanonicalSchemaAndCodeLists) {
    const std::map<std::string, std::vector<std::string>> upserts = {
        {"insats", {"insats.upserted"}},
        {"insats_budget", {"insats_budget.upserted"}},
        {"samtycke", {"samtycke.changed"}},
        {"deltagande", {"deltagande.started", "deltagande.updated", "deltagande.ended", "deltagande.unmerged"}},
        {"ersattningsperiod", {"ersattning.upserted"}},
    };
    for (const auto& spec : model::allEntities()) {
        ASSERT_EQ(upserts.count(std::string(spec.name)), 1U) << spec.name;
        std::set<std::string> expected = {"entity_key", "organisation"};
        if (model::hasPerson(spec)) {
            expected.insert("person_key");
        }
        if (spec.name == "deltagande") {
            expected.insert("anonymous");
        }
        for (const auto& field : spec.fields) {
            if (model::isStored(field) && field.published) {
                expected.emplace(field.name);
            }
        }
        for (const auto& type : upserts.at(std::string(spec.name))) {
            auto schema = schemaOf(type);
            const auto& properties = schema["properties"]["payload"]["properties"];
            std::set<std::string> published;
            for (const auto& member : properties.GetObject()) {
                published.emplace(member.name.GetString());
            }
            EXPECT_EQ(published, expected) << type;
            for (const auto& field : spec.fields) {
                if (field.type != model::FieldType::kCode || !properties.HasMember(field.name.data())) {
                    continue;
                }
                const auto& property = resolved(schema, properties[field.name.data()]);
                const auto codes = enumOf(field.list ? resolved(schema, property["items"]) : property);
                const auto* list = model::codeList(field.codeList);
                ASSERT_NE(list, nullptr) << field.codeList;
                EXPECT_EQ(codes, std::vector<std::string>(list->begin(), list->end())) << type << " " << field.name;
            }
        }
    }
}

TEST(EventSchemasTest, AcceptsAValidEvent) {
    EXPECT_EQ(problemOf(participation()), "valid");
    EXPECT_EQ(problemOf(eventOf("deltagande.updated", "forbund-x/D-1",
                                "{\"entity_key\":\"forbund-x/D-1\",\"organisation\":\"forbund-x\",\"person_key\":null,"
                                "\"anonymous\":true,\"insats_id\":\"FB-1\",\"startdatum\":\"2026-06-01\"}")),
              "valid");
}

TEST(EventSchemasTest, RejectsATypeWithoutSchema) {
    EXPECT_EQ(problemOf(eventOf("deltagande.vanished", "forbund-x/D-1", "{}")),
              "no schema for event type deltagande.vanished");
}

TEST(EventSchemasTest, NamesTheFirstViolationByPointerAndKeyword) {
    struct Case {
        FeedEvent event;
        std::string problem;
    };
    FeedEvent missing = participation();
    missing.payload = "{\"entity_key\":\"forbund-x/D-1\",\"organisation\":\"forbund-x\",\"person_key\":null,"
                      "\"anonymous\":true,\"startdatum\":\"2026-06-01\"}";
    FeedEvent envelope = participation();
    envelope.seq = 0;
    FeedEvent notJson = participation();
    notJson.payload = "{\"entity_key\":";
    const std::vector<Case> cases = {
        {missing, "/payload: required (insats_id)"},
        {participation(",\"utbildningsniva\":\"doktor\""), "/payload/utbildningsniva: enum"},
        {participation(",\"forsorjning_fore\":[\"lon\",\"bidrag\"]"), "/payload/forsorjning_fore/1: enum"},
        {participation(",\"blankett\":\"F-1\""), "/payload/blankett: additionalProperties"},
        {participation("", "\"" + std::string(32, 'z') + "\""), "/payload/person_key: pattern"},
        {participation("", "\"abc\""), "/payload/person_key: pattern"},
        {participation(",\"samtycke_ref\":\"" + std::string(kNumber) + "\""), "/payload/samtycke_ref: not"},
        {participation(",\"samtycke_ref\":\"ref 8503121231\""), "/payload/samtycke_ref: not"},
        {participation(",\"samtycke_ref\":\"850312\u20131231 (en dash)\""), "/payload/samtycke_ref: not"},
        {participation(",\"slutdatum\":\"2026-13-01\""), "/payload/slutdatum: pattern"},
        {participation(",\"fodelsear\":\"1985\""), "/payload/fodelsear: type"},
        // Anonymous, yet carrying a follow-up field the SUS rule does not keep.
        {eventOf("deltagande.updated", "forbund-x/D-1",
                 "{\"entity_key\":\"forbund-x/D-1\",\"organisation\":\"forbund-x\",\"person_key\":null,"
                 "\"anonymous\":true,\"insats_id\":\"FB-1\",\"startdatum\":\"2026-06-01\","
                 "\"avslutsanledning\":\"arbete\"}"),
         "/payload: oneOf"},
        {eventOf("person.upserted", kPersonKey,
                 "{\"person_key\":\"" + kPersonKey + "\",\"kon\":\"kvinna\",\"fodelsear\":1985,\"protected\":true}"),
         "/payload/protected: enum"},
        {eventOf("insats.retracted", "forbund-x/" + std::string(kNumber),
                 "{\"entity_key\":\"forbund-x/I-1\",\"reason\":\"removed_at_source\"}"),
         "/key: not"},
        {envelope, "/seq: minimum"},
        {notJson, "/payload: not a JSON object"},
    };
    for (const auto& c : cases) {
        const std::string problem = problemOf(c.event);
        EXPECT_EQ(problem, c.problem) << c.event.payload;
        EXPECT_EQ(problem.find("850312"), std::string::npos) << "a problem never quotes a value";
    }
}

// The two shapes of person.unlinked, and not a mix of them.
TEST(EventSchemasTest, PersonUnlinkedIsEitherAnEndedOrADissolvedLink) {
    const std::string a(32, 'a'), b(32, 'b');
    const std::string persons = "\"persons\":[\"" + a + "\",\"" + b + "\"]";
    const std::string ended = ",\"purpose\":\"uppfoljning\",\"consent\":\"forbund-x/S-1\",\"valid_from\":\"\","
                              "\"valid_to\":\"2026-06-30\"";
    const std::string dissolved = ",\"reason\":\"protected_identity\"";
    EXPECT_EQ(problemOf(eventOf("person.unlinked", a + "+" + b, "{" + persons + ended + "}")), "valid");
    EXPECT_EQ(problemOf(eventOf("person.unlinked", a + "+" + b, "{" + persons + dissolved + "}")), "valid");
    EXPECT_EQ(problemOf(eventOf("person.unlinked", a + "+" + b, "{" + persons + ended + dissolved + "}")),
              "/payload: oneOf");
    EXPECT_EQ(problemOf(eventOf("person.unlinked", a + "+" + b, "{" + persons + "}")), "/payload: oneOf");
}

std::string generateWorld(const std::string& dir) {
    const std::string binary = (std::filesystem::path(FINSAM_HUB_BINARY).parent_path() / "finsam-gen").string();
    Poco::ProcessHandle handle =
        Poco::Process::launch(binary, {"all", "--out", dir, "--seed", "5", "--participants", "150"});
    if (handle.wait() != 0) {
        throw std::runtime_error("finsam-gen failed");
    }
    return dir;
}

class EventSchemasIngestTest : public ::testing::TestWithParam<TestBackend> {};

// A generated world read by the förbund, AF and FK connectors: persons, links, merges, cancellations.
TEST_P(EventSchemasIngestTest, EveryEventOfAGeneratedWorldValidates) {
    TempDir world, dir;
    generateWorld(world.path().string());
    const std::string mappings = std::string(FINSAM_SOURCE_DIR) + "/config/mappings/";
    const std::string root = world.path().string();
    const std::vector<ConnectorInstance> instances = {
        {"forbund", "forbund-csv", "forbund-sthlm", mappings + "forbund-csv.json",
         [root](const std::string&) { return "{\"drop_dir\":" + common::jsonQuote(root + "/forbund") + "}"; }},
        {"af", "af-csv", "af", mappings + "af-csv.json",
         [root](const std::string&) {
             return "{\"drop_dir\":" + common::jsonQuote(root + "/af") + ",\"forbund_orgnr\":\"2220001230\"}";
         }},
        {"fk", "fk-fixed", "fk", mappings + "fk-fixed.json",
         [root](const std::string&) {
             return "{\"drop_dir\":" + common::jsonQuote(root + "/fk") + ",\"receiver_orgnr\":\"2220001230\"}";
         }},
    };
    TestStore store(GetParam());
    auto files = writeHubConfigFor(dir, store, instances, "hub.json", 200);
    app::HubRuntime runtime(files.configFile);
    pipeline::IngestRunner runner(*runtime.database, runtime.plugins, runtime.config, *runtime.pseudonymizer);
    for (const auto& id : {"forbund", "af", "fk"}) {
        EXPECT_EQ(runner.drain(*runtime.config.connector(id)).error, "") << id;
    }

    std::map<std::string, int> perType;
    feed::FeedReader reader(*runtime.database);
    std::int64_t after = 0;
    for (auto page = reader.read(after, 1000); !page.empty(); page = reader.read(after, 1000)) {
        for (const auto& event : page) {
            ++perType[event.type];
            auto problem = EventSchemas::embedded().validate(event);
            EXPECT_FALSE(problem.has_value()) << event.type << " seq " << event.seq << ": " << problem.value_or("");
        }
        after = page.back().seq;
    }
    for (const char* type : {"insats.upserted", "insats_budget.upserted", "person.upserted", "person.linked",
                             "deltagande.started", "deltagande.ended", "deltagande.merged", "samtycke.changed",
                             "ersattning.upserted", "ersattning.cancelled"}) {
        EXPECT_GT(perType[type], 0) << type;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, EventSchemasIngestTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
