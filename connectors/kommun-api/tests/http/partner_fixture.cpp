// connectors/kommun-api/tests/http/partner_fixture.cpp
// SPDX-License-Identifier: Apache-2.0
#include "http/partner_fixture.h"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "checkpoint.h"
#include "ledger_codec.h"

namespace finsam::connectors::kommun_api::testing {

namespace fs = std::filesystem;

namespace {

constexpr const char* kClientIdVariable = "KOMMUN_API_E2E_CLIENT_ID";

rapidjson::Document readJson(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document document;
    if (document.Parse(text.str().c_str()).HasParseError()) {
        throw std::runtime_error(file.string() + " is not JSON");
    }
    return document;
}

GeneratedKommun generate() {
    static sdk::testkit::TempDir out;  // lives until the process ends
    const std::string command = std::string(FINSAM_GEN_BINARY) + " kommun --seed 7 --participants 300 --out " +
                                out.path().string() + " > /dev/null";
    if (std::system(command.c_str()) != 0) {
        throw std::runtime_error("finsam-gen failed: " + command);
    }
    GeneratedKommun kommun;
    kommun.dir = out.path();
    kommun.truth = readJson(out.path() / "truth" / "kommun.json");
    const std::string asOf = readJson(out.path() / "truth" / "world.json")["as_of"].GetString();
    kommun.lastDay = asOf;  // the generator's as_of is the last day of a month (31 December)
    return kommun;
}

std::int64_t number(const rapidjson::Value& object, const char* a, const char* b) {
    return object["final"][a][b].GetInt64();
}

}  // namespace

const GeneratedKommun& generatedKommun() {
    static const GeneratedKommun kommun = generate();
    return kommun;
}

PartnerFixture::PartnerFixture() {
    finsam::testing::PartnerServerOptions options;
    options.data = generatedKommun().dir;
    server = std::make_unique<finsam::testing::PartnerServer>(options);
    ::setenv(kClientIdVariable, options.clientId.c_str(), 1);
    sdk::testkit::writeSecretFile(config.path() / "client-secret", options.clientSecret + "\n");
    sdk::testkit::writeSecretFile(config.path() / "join.key", "e2e-join-key-0123456789abcdef0123456789\n");
}

PartnerFixture::~PartnerFixture() = default;

std::string PartnerFixture::settings(const std::string& extra) const {
    std::string json = R"({"base_url":")" + server->kommunBaseUrl() + R"(","client_id":{"env":")" + kClientIdVariable +
                       R"("},"client_secret":{"file":"client-secret"},"join_key":{"file":"join.key"},)" +
                       R"("limit":100,"timeouts":{"connect_seconds":5,"request_seconds":10},)" +
                       R"("retries":)" + retries;
    return json + (extra.empty() ? "" : "," + extra) + "}";
}

sdk::testkit::DrainOutcome PartnerFixture::drain(const std::string& checkpoint, std::size_t maxRecords,
                                                 const std::string& extra, std::size_t maxBatches) {
    const sdk::Context context{"kommun", "kommun-0180", config.path().string(), nullptr};
    return sdk::testkit::runToDrain(connector, settings(extra), checkpoint, context, {maxRecords, maxBatches});
}

sdk::testkit::DrainOutcome PartnerFixture::drainReopeningEveryBatch(std::size_t maxRecords, const std::string& extra) {
    sdk::testkit::DrainOutcome all;
    for (int i = 0; i < 500; ++i) {
        auto one = drain(all.checkpoint, maxRecords, extra, 1);
        all.collected.append(std::move(one.collected));
        all.batches += one.batches;
        all.checkpoint = one.checkpoint;
        if (one.result.status == sdk::Status::kOk) {
            return all;  // drained within its one batch
        }
        if (one.result.message.rfind("not drained", 0) != 0) {
            all.result = one.result;
            return all;
        }
    }
    all.result = {sdk::Status::kInternalError, "never drained"};
    return all;
}

Tally PartnerFixture::tally(const HeldState& held, const std::string& checkpoint) const {
    Tally out;
    auto parsed = Checkpoint::parse(checkpoint);
    if (parsed) {
        if (auto ledger = decodeLedger(parsed->ledger)) {
            out.paymentsInForce = static_cast<std::int64_t>(ledger->paymentCount());
        }
    }
    std::set<std::string> persons;
    for (const auto& [key, record] : held.of("ersattningsperiod")) {
        persons.insert(fieldOf(record, "personnummer"));
        ++out.periods;
        out.ongoing += fieldOf(record, "tom_datum") == generatedKommun().lastDay ? 1 : 0;
    }
    out.persons = static_cast<std::int64_t>(persons.size());
    for (const auto& [key, record] : held.of("deltagande")) {
        ++out.participations;
        out.ended += fieldOf(record, "slutdatum").empty() ? 0 : 1;
        const bool protectedItem = fieldOf(record, "skyddad") == "true";
        out.anonymous += protectedItem || fieldOf(record, "anonym") == "true" ? 1 : 0;
        out.protectedItems += protectedItem ? 1 : 0;
    }
    return out;
}

Tally PartnerFixture::truthTally() const {
    const auto& truth = generatedKommun().truth;
    Tally out;
    out.paymentsInForce = number(truth, "payments", "in_force");
    out.persons = number(truth, "forsorjningsstod_periods", "persons");
    out.periods = number(truth, "forsorjningsstod_periods", "periods");
    out.ongoing = number(truth, "forsorjningsstod_periods", "ongoing");
    out.participations = number(truth, "deltaganden", "participations");
    out.ended = number(truth, "deltaganden", "ended");
    out.anonymous = number(truth, "deltaganden", "anonymous");
    out.protectedItems = number(truth, "deltaganden", "protected");
    return out;
}

HeldState heldAfter(const sdk::testkit::Collected& collected, HeldState start) {
    start.apply(collected.records);
    return start;
}

}  // namespace finsam::connectors::kommun_api::testing
