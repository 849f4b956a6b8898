// core/http/metrics_handler.cpp — reads in one store session, then writes the exposition text.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/metrics_handler.h"

#include <rapidjson/document.h>

#include <cstdio>
#include <sstream>

#include "core/common/clock.h"
#include "core/feed/feed_reader.h"
#include "core/scheduler/connector_overview.h"
#include "core/store/batch_durations.h"
#include "core/store/connector_runs.h"
#include "core/store/connector_status.h"
#include "core/webhook/subscriber_status.h"

namespace finsam::http {

namespace {

// A label value with \, " and newline escaped, as the text format requires.
std::string label(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
}

class Exposition {
public:
    void family(const std::string& name, const std::string& type, const std::string& help) {
        out_ << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n";
    }
    void sample(const std::string& name, const std::string& labels, double value) {
        out_ << name << (labels.empty() ? "" : "{" + labels + "}") << " " << number(value) << "\n";
    }
    std::string text() const { return out_.str(); }

private:
    std::ostringstream out_;
};

struct ConnectorFigures {
    std::string id;
    store::ConnectorStatus status;
    store::BatchDurations durations;
    std::optional<double> lastSuccess;
    std::string state;
};

}  // namespace

void MetricsHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                            const Caller&) {
    if (!query(request).empty()) {
        throw BadParameter(query(request).front().first, "unknown parameter");
    }
    const auto instances = configuredConnectors(context_);
    std::vector<ConnectorFigures> connectors;
    std::int64_t head = 0, storeBytes = 0;
    std::string subscribers;
    withStore(context_, [&](store::Database& db) {
        for (const auto& instance : instances) {
            ConnectorFigures figures;
            figures.id = instance.id;
            figures.status = store::readConnectorStatus(db, instance.id, 0);
            figures.durations = store::readBatchDurations(db, instance.id);
            if (auto run = store::ConnectorRuns(db).lastSucceeded(instance.id)) {
                figures.lastSuccess = common::unixSecondsOfIso(run->finishedAt);
            }
            figures.state = scheduler::connectorState(db, instance);
            connectors.push_back(std::move(figures));
        }
        head = feed::FeedReader(db).head();
        storeBytes = store::storeSizeBytes(db);
        subscribers = webhook::subscriberStatusesJson(db, context_.subscribers);
        return 0;
    });

    Exposition m;
    const auto perConnector = [&](const std::string& name, const std::string& type, const std::string& help,
                                  auto value) {
        m.family(name, type, help);
        for (const auto& c : connectors) {
            m.sample(name, "connector=\"" + label(c.id) + "\"", static_cast<double>(value(c)));
        }
    };
    m.family("finsam_connector_records_total", "counter",
             "Source rows per connector by outcome (read = accepted + quarantined + rejected), every batch in the store.");
    for (const auto& c : connectors) {
        const auto& t = c.status.totals;
        const std::string id = "connector=\"" + label(c.id) + "\",outcome=";
        m.sample("finsam_connector_records_total", id + "\"read\"", static_cast<double>(t.read));
        m.sample("finsam_connector_records_total", id + "\"accepted\"", static_cast<double>(t.accepted));
        m.sample("finsam_connector_records_total", id + "\"quarantined\"", static_cast<double>(t.quarantined));
        m.sample("finsam_connector_records_total", id + "\"rejected\"", static_cast<double>(t.rejectedRows));
    }
    perConnector("finsam_connector_rejected_files_total", "counter", "Files rejected whole, per connector.",
                 [](const ConnectorFigures& c) { return c.status.totals.rejectedSources; });
    perConnector("finsam_connector_batches_total", "counter", "Batches committed, per connector.",
                 [](const ConnectorFigures& c) { return c.status.batches; });
    perConnector("finsam_connector_open_quarantine", "gauge", "Quarantined rows not yet resolved, per connector.",
                 [](const ConnectorFigures& c) { return c.status.openQuarantine; });
    perConnector("finsam_connector_warnings_total", "counter",
                 "Warnings recorded (e.g. a missing FK batch number), per connector.",
                 [](const ConnectorFigures& c) { return c.status.warningsTotal; });
    m.family("finsam_connector_batch_duration_seconds", "histogram", "Time from reading a batch to its commit.");
    for (const auto& c : connectors) {
        const std::string id = "connector=\"" + label(c.id) + "\"";
        const auto& bounds = store::batchDurationBuckets();
        for (std::size_t i = 0; i < bounds.size(); ++i) {
            m.sample("finsam_connector_batch_duration_seconds_bucket", id + ",le=\"" + number(bounds[i]) + "\"",
                     static_cast<double>(c.durations.cumulative[i]));
        }
        m.sample("finsam_connector_batch_duration_seconds_bucket", id + ",le=\"+Inf\"",
                 static_cast<double>(c.durations.count));
        m.sample("finsam_connector_batch_duration_seconds_sum", id, c.durations.sumSeconds);
        m.sample("finsam_connector_batch_duration_seconds_count", id, static_cast<double>(c.durations.count));
    }
    m.family("finsam_connector_last_success_timestamp_seconds", "gauge",
             "When the connector's last successful run ended (Unix time); absent before the first.");
    for (const auto& c : connectors) {
        if (c.lastSuccess) {
            m.sample("finsam_connector_last_success_timestamp_seconds", "connector=\"" + label(c.id) + "\"",
                     *c.lastSuccess);
        }
    }
    m.family("finsam_connector_state", "gauge", "1 for the connector's current state, 0 for the others.");
    for (const auto& c : connectors) {
        for (const char* state : {"running", "idle", "failing", "paused", "disabled"}) {
            m.sample("finsam_connector_state", "connector=\"" + label(c.id) + "\",state=\"" + state + "\"",
                     c.state == state ? 1 : 0);
        }
    }
    m.family("finsam_feed_head_seq", "gauge", "The newest feed event's seq.");
    m.sample("finsam_feed_head_seq", "", static_cast<double>(head));
    m.family("finsam_webhook_subscriber_lag_events", "gauge",
             "Events the subscriber's filter passes that it has not been delivered yet.");
    rapidjson::Document document;
    document.Parse(subscribers.c_str());
    if (document.IsArray()) {
        for (const auto& subscriber : document.GetArray()) {
            m.sample("finsam_webhook_subscriber_lag_events",
                     "subscriber=\"" + label(subscriber["id"].GetString()) + "\"",
                     static_cast<double>(subscriber["lag_events"].GetInt64()));
        }
    }
    m.family("finsam_http_requests_total", "counter", "Requests answered by this instance, by route and status.");
    if (context_.httpMetrics != nullptr) {
        for (const auto& [key, count] : context_.httpMetrics->snapshot()) {
            const auto& [route, method, status] = key;
            m.sample("finsam_http_requests_total",
                     "route=\"" + label(route) + "\",method=\"" + label(method) + "\",status=\"" +
                         std::to_string(status) + "\"",
                     static_cast<double>(count));
        }
    }
    m.family("finsam_store_size_bytes", "gauge", "The store's size on disk.");
    m.sample("finsam_store_size_bytes", "", static_cast<double>(storeBytes));
    m.family("finsam_ready", "gauge", "1 when the instance is ready (migrated, store reachable).");
    m.sample("finsam_ready", "", context_.ready.load() ? 1 : 0);
    sendJson(request, response, Poco::Net::HTTPResponse::HTTP_OK, m.text(), "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace finsam::http
