// tests/core/pipeline/batch_applier_test.cpp — a batch through the real stages into a real store, both backends.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <fstream>

#include "core/common/hash.h"
#include "core/consent/consent_gate.h"
#include "core/feed/feed_reader.h"
#include "core/identity/identity_stage.h"
#include "core/normalise/normaliser.h"
#include "core/pipeline/batch_applier.h"
#include "core/store/store_stats.h"
#include "core/validate/validator.h"
#include "tests/support/leak_scan.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

// Generated numbers (valid Luhn), not real people's.
constexpr const char* kNumberA = "19740504-9334";
constexpr const char* kNumberB = "19860815-8823";

class BatchApplierTest : public ::testing::TestWithParam<TestBackend> {
protected:
    BatchApplierTest()
        : store_(GetParam()),
          database_(store_.open()),
          pseudonymizer_(identity::PseudonymKey{"t1", std::string(32, 'k')}),
          pipeline_(buildStages()) {}

    std::vector<std::unique_ptr<model::RecordStage>> buildStages() {
        std::ofstream(dir_.file("mapping.json")) << R"({"tables":{"kon":{"Kvinna":"kvinna","Man":"man"},
            "ja_nej":{"Ja":"true","Nej":"false"}},
            "fields":{"deltagande":{"kon":"kon","anonym":"ja_nej"}}})";
        std::vector<std::string> problems;
        auto mapping = normalise::CodeMapping::load(dir_.file("mapping.json"), problems);
        EXPECT_TRUE(problems.empty()) << problems.front();
        std::vector<std::unique_ptr<model::RecordStage>> stages;
        stages.push_back(std::make_unique<normalise::Normaliser>(std::move(mapping)));
        stages.push_back(std::make_unique<validate::Validator>());
        stages.push_back(std::make_unique<identity::IdentityStage>(pseudonymizer_));
        stages.push_back(std::make_unique<consent::ConsentGate>());
        return stages;
    }

    static sdk::Record deltagande(const std::string& key, const std::string& number, const std::string& anonym,
                                  const std::string& kon, const std::string& samtycke, int line) {
        sdk::Record record{"deltagande", key, sdk::Operation::kUpsert, {}, {"deltaganden.csv", line},
                           key + "," + number};
        auto add = [&](const char* name, const std::string& value, int column) {
            if (!value.empty()) {
                record.fields.push_back({name, value, column});
            }
        };
        add("insats_id", "FB-1", 2);
        add("personnummer", number, 3);
        add("anonym", anonym, 4);
        add("kon", kon, 5);
        add("startdatum", "2019-01-10", 7);
        add("utbildningsniva", "gymnasium", 10);
        add("samtycke_ref", samtycke, 17);
        return record;
    }

    static sdk::Record samtycke(const std::string& key, const std::string& number, int line) {
        return sdk::Record{"samtycke", key, sdk::Operation::kUpsert,
                           {{"personnummer", number, 2}, {"galler_forbund", "true", 3}, {"parter", "af", 4},
                            {"kategorier", "identitet", 5}, {"andamal", "uppfoljning", 6},
                            {"giltigt_fran", "2019-01-01", 7}},
                           {"samtycken.csv", line}, key + "," + number};
    }

    pipeline::AppliedBatch apply(std::vector<sdk::Record> records, std::set<std::string> snapshots = {},
                                 const std::string& checkpoint = "cp") {
        pipeline::BatchCollector batch;
        for (auto& record : records) {
            batch.accept(std::move(record));
        }
        batch.snapshots = std::move(snapshots);
        pipeline::BatchApplier applier(*database_, pipeline_, {"forbund", "forbund-x"});
        return applier.apply(batch, checkpoint, "2026-01-01T00:00:00.000Z");
    }

    TempDir dir_;
    TestStore store_;
    std::unique_ptr<store::Database> database_;
    identity::Pseudonymizer pseudonymizer_;
    pipeline::Pipeline pipeline_;
};

TEST_P(BatchApplierTest, AcceptsQuarantinesAndCountsReconcile) {
    auto applied = apply({deltagande("D-1", kNumberA, "Nej", "Man", "SAM-1", 2),
                          deltagande("D-2", kNumberB, "Ja", "Kvinna", "", 3),
                          deltagande("D-3", "19740504-9335", "Nej", "Man", "SAM-2", 4),  // bad check digit
                          deltagande("D-4", "", "Ja", "Okänd", "", 5),                  // unknown code
                          samtycke("SAM-1", kNumberA, 2)});
    EXPECT_EQ(applied.counts.read, 5);
    EXPECT_EQ(applied.counts.accepted, 3);
    EXPECT_EQ(applied.counts.quarantined, 2);
    auto stats = store::readStats(*database_);
    EXPECT_EQ(stats.deltaganden, 2);
    EXPECT_EQ(stats.anonymousDeltaganden, 1);
    EXPECT_EQ(stats.persons, 1);
    EXPECT_EQ(stats.quarantined, 2);
    EXPECT_EQ(stats.samtycken, 1);

    std::string code, field, message, payload;
    int column = 0;
    database_->session() << "SELECT code, field, column_no, message, payload FROM quarantine WHERE line = 5",
        soci::into(code), soci::into(field), soci::into(column), soci::into(message), soci::into(payload);
    EXPECT_EQ(code, "unknown_code");
    EXPECT_EQ(field, "kon");
    EXPECT_EQ(column, 5);
    EXPECT_NE(message.find("Okänd"), std::string::npos) << "the unknown code is named";
    database_->session() << "SELECT code, payload FROM quarantine WHERE line = 4", soci::into(code),
        soci::into(payload);
    EXPECT_EQ(code, "invalid_personnummer");
    EXPECT_EQ(payload.find("9335"), std::string::npos) << "quarantine payloads are redacted: " << payload;
}

// Rows a connector folded into another row's record (ABI 1.2) count as accepted, each once; a row whose own
// record was quarantined stays quarantined.
TEST_P(BatchApplierTest, RowsAcceptedWithoutARecordOfTheirOwnCountOnce) {
    pipeline::BatchCollector batch;
    EXPECT_TRUE(batch.empty());
    batch.acceptedWithoutRecord({"deltaganden.csv", 7});
    EXPECT_FALSE(batch.empty()) << "a batch of folded rows still commits its checkpoint and counts";
    batch.accept(deltagande("D-1", kNumberA, "Nej", "Man", "", 2));
    batch.accept(deltagande("D-3", "19740504-9335", "Nej", "Man", "", 4));  // bad check digit
    for (int line : {2, 4, 7, 8}) {
        batch.acceptedWithoutRecord({"deltaganden.csv", line});
    }
    batch.acceptedWithoutRecord({"deltaganden.csv", 0});  // derived from the file as a whole: no row
    pipeline::BatchApplier applier(*database_, pipeline_, {"forbund", "forbund-x"});
    auto applied = applier.apply(batch, "cp", "2026-01-01T00:00:00.000Z");
    EXPECT_EQ(applied.counts.accepted, 3) << "lines 2, 7 and 8";
    EXPECT_EQ(applied.counts.quarantined, 1) << "line 4";
    EXPECT_EQ(applied.counts.read, 4);
}

// A one-letter name is part of the marker that blanks it: blanking must not find it again inside a marker
// (it looped forever, holding the write lock).
TEST_P(BatchApplierTest, IdentityValuesInsideTheBlankingMarkerAreBlankedOnce) {
    auto record = deltagande("D-9", "19740504-9335", "Nej", "Man", "", 6);  // bad check digit: quarantined
    record.fields.push_back({"fornamn", "n", 8});
    record.fields.push_back({"efternamn", "pr", 9});
    record.raw = "D-9;19740504-9335;n;pr;Man";
    auto applied = apply({std::move(record)});
    EXPECT_EQ(applied.counts.quarantined, 1);
    std::string payload;
    database_->session() << "SELECT payload FROM quarantine WHERE line = 6", soci::into(payload);
    EXPECT_EQ(payload, "D-9;[pnr];[pnr];[pnr];Ma[pnr]") << "every occurrence, counted in the row as it came";
}

TEST_P(BatchApplierTest, SameBatchTwiceChangesNothingAndRemovedRowIsRetracted) {
    apply({deltagande("D-1", kNumberA, "Nej", "Man", "SAM-1", 2), deltagande("D-2", "", "Ja", "Kvinna", "", 3),
           samtycke("SAM-1", kNumberA, 2)},
          {"deltagande"});
    feed::FeedReader reader(*database_);
    const auto head = reader.head();
    EXPECT_EQ(reader.count(), 4) << "person.upserted, two deltagande.started, samtycke.changed";

    auto again = apply({deltagande("D-1", kNumberA, "Nej", "Man", "SAM-1", 2),
                        deltagande("D-2", "", "Ja", "Kvinna", "", 3), samtycke("SAM-1", kNumberA, 2)},
                       {"deltagande"});
    EXPECT_EQ(again.events, 0);
    EXPECT_EQ(reader.head(), head);

    auto shrunk = apply({deltagande("D-1", kNumberA, "Nej", "Man", "SAM-1", 2), samtycke("SAM-1", kNumberA, 2)},
                        {"deltagande"});
    EXPECT_EQ(shrunk.events, 1);
    auto events = reader.read(head, 10);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, "deltagande.retracted");
    EXPECT_EQ(events[0].entityKey, "forbund-x/D-2");
    EXPECT_EQ(store::readStats(*database_).deltaganden, 1);
}

TEST_P(BatchApplierTest, WithoutConsentTheParticipationIsAnonymousAndKeepsNoLinkKey) {
    apply({deltagande("D-1", kNumberA, "Nej", "", "", 2)});
    auto stats = store::readStats(*database_);
    EXPECT_EQ(stats.anonymousDeltaganden, 1);
    EXPECT_EQ(stats.persons, 0);
    long long keys = 0;
    database_->session() << "SELECT COUNT(*) FROM link_key", soci::into(keys);
    EXPECT_EQ(keys, 0);
    std::string kon, utbildning;
    soci::indicator utbildningInd = soci::i_ok;
    database_->session() << "SELECT kon, utbildningsniva FROM deltagande", soci::into(kon),
        soci::into(utbildning, utbildningInd);
    EXPECT_EQ(kon, "man") << "kön is derived from the number before it is dropped";
    EXPECT_EQ(utbildningInd, soci::i_null) << "the SUS rule keeps only kön, födelseår, insats and dates";
}

TEST_P(BatchApplierTest, CitingAnotherPersonsOrAMissingConsentKeepsNoIdentity) {
    apply({samtycke("SAM-1", kNumberA, 2)});
    // Consent stored in an earlier batch: B cites A's consent, A cites one that does not exist.
    apply({deltagande("D-1", kNumberB, "Nej", "Kvinna", "SAM-1", 2),
           deltagande("D-2", kNumberA, "Nej", "Man", "SAM-9", 3)});
    auto stats = store::readStats(*database_);
    EXPECT_EQ(stats.anonymousDeltaganden, 2);
    EXPECT_EQ(stats.persons, 1) << "only the consent's own person";
    apply({deltagande("D-3", kNumberA, "Nej", "Man", "SAM-1", 4)});
    EXPECT_EQ(store::readStats(*database_).anonymousDeltaganden, 2) << "the consent's own person stays identified";
}

TEST_P(BatchApplierTest, OnePersonPerNumberWithinTheOrganisation) {
    apply({deltagande("D-1", kNumberA, "Nej", "Man", "SAM-1", 2),
           deltagande("D-5", "197405049334", "Nej", "Man", "SAM-1", 3), samtycke("SAM-1", kNumberA, 2)});
    EXPECT_EQ(store::readStats(*database_).persons, 1);
    // Every spelling of the number, not its last four digits: those turn up by chance in a random feed event id.
    EXPECT_EQ(leakedNumbers({"197405049334"}, store_.dumpAllTables()), std::vector<std::string>{})
        << "no clear number anywhere in the store";
}

TEST_P(BatchApplierTest, CheckpointCommitsWithTheBatch) {
    apply({deltagande("D-1", kNumberA, "Nej", "Man", "SAM-1", 2), samtycke("SAM-1", kNumberA, 2)}, {},
          "after-first");
    store::BatchLog log(*database_, "forbund");
    EXPECT_EQ(log.checkpoint(), "after-first");
    std::string named;
    database_->session() << "SELECT checkpoint FROM batch", soci::into(named);
    EXPECT_EQ(named, "sha256:" + common::sha256Hex("after-first"))
        << "each batch names its checkpoint by hash; only the latest is kept whole";
}

INSTANTIATE_TEST_SUITE_P(Backends, BatchApplierTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
