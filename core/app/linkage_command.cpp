// core/app/linkage_command.cpp — `finsam-hub linkage [--estimate]`: (re-)estimate the Fellegi–Sunter model from
// the store's encodings and re-score every pair under it, re-deciding the links that change, in one batch.
// SPDX-License-Identifier: Apache-2.0
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/app/hub_runtime.h"
#include "core/common/clock.h"
#include "core/feed/feed_writer.h"
#include "core/link/duplicate_reports.h"
#include "core/link/link_engine.h"
#include "core/link/probabilistic_linker.h"
#include "core/pipeline/batch_applier.h"
#include "core/store/batch_log.h"

namespace finsam::app {

int runLinkage(const Args& args) {
    Arguments arguments(args, {"config"}, {"estimate"});
    HubRuntime runtime(arguments.require("config"));
    const auto& config = runtime.config;
    store::Database& db = *runtime.database;
    const pipeline::ApplySettings settings = pipeline::applySettingsOf(config);

    soci::transaction transaction(db.session());
    const std::int64_t batchId = db.allocate("batch", 1);
    store::recordInternalBatch(db, batchId, "linkage");
    link::ProbabilisticLinker linker(db, settings.thresholds);
    const std::string keyId = runtime.pseudonymizer->keyId();
    std::size_t encodings = 0;
    const link::MatchModel model = arguments.has("estimate") ? linker.estimate(keyId, encodings) : linker.model(keyId);
    // Every pair again under the model; the persons whose matches changed have their links re-decided.
    auto changed = linker.match(linker.everyEncodedPerson());
    auto changes = link::LinkEngine(db, settings.window).reconcile(changed, batchId, common::todayInSweden());
    auto merges = link::DuplicateReports(db, settings.precedence, settings.window).reconcile(changes, batchId);
    changes.insert(changes.end(), merges.begin(), merges.end());
    const auto events = feed::FeedWriter(db).append(changes, batchId).size();
    std::map<std::string, long long> byStatus;
    {
        soci::rowset<soci::row> rows = (db.session().prepare << "SELECT status, COUNT(*) FROM person_match GROUP BY status");
        for (const auto& row : rows) {
            byStatus[row.get<std::string>(0)] = row.get<long long>(1);
        }
    }
    transaction.commit();

    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("key_id"); json.String(keyId);
    json.Key("estimated"); json.Bool(arguments.has("estimate"));
    if (arguments.has("estimate")) {
        json.Key("encodings"); json.Uint64(encodings);
    }
    json.Key("model");
    rapidjson::Document document;
    document.Parse(model.toJson().c_str());
    document.Accept(json);
    json.Key("matches");
    json.StartObject();
    for (const auto& [status, count] : byStatus) {
        json.Key(status.c_str());
        json.Int64(count);
    }
    json.EndObject();
    json.Key("persons_rescored_with_changes"); json.Uint64(changed.size());
    json.Key("events"); json.Uint64(events);
    json.EndObject();
    std::cout << buffer.GetString() << std::endl;
    return 0;
}

}  // namespace finsam::app
