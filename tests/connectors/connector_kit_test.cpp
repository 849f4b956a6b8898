// tests/connectors/connector_kit_test.cpp — the connector test kit: what every connector must do for the hub.
// Each <connector>_kit_test.cpp here instantiates it for one connector (INSTANTIATE_TEST_SUITE_P(…, ConnectorKit, …)).
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/app/hub_runtime.h"
#include "core/pipeline/ingest_runner.h"
#include "core/plugin_host/settings_check.h"
#include "core/store/connector_status.h"
#include "core/store/store_stats.h"
#include "core/store/row_text.h"
#include "settings_schema.h"
#include "tests/support/connector_kit.h"
#include "tests/support/leak_scan.h"
#include "tests/support/store_snapshot.h"

namespace finsam::testing {

TEST_P(ConnectorKit, ItsSchemaIsSoundAndValidatesItsExampleConfig) {
    Hub hub(kitCase(), backend());
    auto& connector = hub.runtime.plugins.load(kitCase().instance.plugin, hub.runtime.config.pluginDirs);
    EXPECT_EQ(sdk::testkit::lintSettingsSchema(connector.configSchema()), std::vector<std::string>{});
    std::ifstream example(kitCase().exampleSettings);
    ASSERT_TRUE(example.good()) << kitCase().exampleSettings;
    const std::string text((std::istreambuf_iterator<char>(example)), std::istreambuf_iterator<char>());
    EXPECT_EQ(sdk::testkit::validateSettings(connector.configSchema(), text), std::vector<std::string>{});
}

TEST_P(ConnectorKit, ABrokenConfigIsRefusedWithAClearMessage) {
    Hub hub(kitCase(), backend());
    auto& connector = hub.runtime.plugins.load(kitCase().instance.plugin, hub.runtime.config.pluginDirs);
    config::ConnectorInstanceConfig broken = hub.runtime.config.connectors.front();
    broken.settingsJson = kitCase().brokenSettings;
    auto problems = plugin_host::checkSettings(connector, broken);
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems.front().find(kitCase().brokenPointer), std::string::npos) << problems.front();
    EXPECT_NE(problems.front().find(broken.file), std::string::npos) << "names the config file";
}

TEST_P(ConnectorKit, AFullReadGivesTheExpectedCanonicalStateAndTheCountsReconcile) {
    Hub hub(kitCase(), backend());
    auto summary = hub.ingest();
    ASSERT_EQ(summary.error, "");
    EXPECT_EQ(summary.counts.read, summary.counts.accepted + summary.counts.quarantined + summary.counts.rejectedRows);
    for (const auto& [table, rows] : kitCase().expected.active) {
        EXPECT_EQ(hub.count("SELECT COUNT(*) FROM " + table + " WHERE state = 'active'"), rows) << table;
    }
    EXPECT_EQ(hub.count("SELECT COUNT(*) FROM quarantine"), kitCase().expected.quarantined);
    EXPECT_EQ(summary.counts.quarantined, kitCase().expected.quarantined);
    EXPECT_EQ(summary.counts.rejectedRows, kitCase().expected.rejectedRows);
    EXPECT_EQ(hub.count("SELECT COUNT(*) FROM quarantine WHERE source = '' OR line < 1 OR code = ''"), 0)
        << "every quarantined row names its file, line and reason";
    // The connector status tells an operator the same.
    auto status = store::readConnectorStatus(*hub.runtime.database, kitCase().instance.id);
    EXPECT_EQ(status.batches, summary.batches);
    EXPECT_EQ(status.totals.read, summary.counts.read);
    EXPECT_EQ(status.openQuarantine, kitCase().expected.quarantined);
    EXPECT_EQ(status.warningsTotal, static_cast<std::int64_t>(summary.warnings.size()));
    for (const auto& entry : kitCase().expected.entries) {
        EXPECT_EQ(hub.countQuarantined(entry), 1) << "quarantined " << entry.code << " at " << entry.source << " "
                                                  << entry.field << ": " << entry.message;
    }
    // No number of the fixtures (or of the served world) anywhere in the store.
    EXPECT_EQ(leakedNumbers(hub.inputNumbers(), hub.store.dumpAllTables()), std::vector<std::string>{});
}

TEST_P(ConnectorKit, ReadingTheSameInputAgainChangesNothing) {
    Hub hub(kitCase(), backend());
    ASSERT_EQ(hub.ingest().error, "");
    const std::string before = canonicalState(*hub.runtime.database);
    // From its checkpoint: nothing new to read, nothing written.
    auto resumed = hub.ingest();
    ASSERT_EQ(resumed.error, "");
    EXPECT_EQ(resumed.events, 0);
    // With the checkpoint forgotten the connector reads every input again from the start (a source with
    // history, such as daily snapshots, replays it on the way): it must end in exactly the same facts.
    hub.runtime.database->session() << "DELETE FROM connector_checkpoint";
    auto again = hub.ingest();
    ASSERT_EQ(again.error, "");
    EXPECT_GE(again.batches, 1) << "the input was read again";
    EXPECT_EQ(canonicalState(*hub.runtime.database), before);
}

TEST_P(ConnectorKit, ACrashAfterAnyBatchResumesWithoutLossOrDuplicates) {
    Hub clean(kitCase(), backend());
    auto whole = clean.ingest();
    ASSERT_EQ(whole.error, "");
    ASSERT_GE(whole.batches, 1);
    const std::string expected = clean.snapshot();
    for (std::int64_t crashAfter = 1; crashAfter < whole.batches; ++crashAfter) {
        Hub crashed(kitCase(), backend(), clean.dir.file("pseudonym.key"));
        // The process dies after `crashAfter` committed batches; a new one resumes from the checkpoint.
        ASSERT_EQ(crashed.ingest(crashAfter).batches, crashAfter);
        ASSERT_EQ(crashed.ingest().error, "");
        EXPECT_EQ(crashed.snapshot(), expected) << "crash after batch " << crashAfter;
    }
}

// A broken page (HTTP connectors: a fault the server shows once) is not applied past: the run is refused or
// fails there, the checkpoint stays before the page, the next run asks for that page again and, now that it
// reads, ends in exactly the facts of a read that never met the fault.
TEST_P(ConnectorKit, ABrokenPageIsNotReadPastAndTheNextRunReadsItAgain) {
    if (kitCase().sourceFaults.empty()) {
        GTEST_SKIP() << "no source faults: its broken input is in its fixtures";
    }
    Hub clean(kitCase(), backend());
    ASSERT_EQ(clean.ingest().error, "");
    const std::string expected = canonicalState(*clean.runtime.database);
    for (const auto& sourceFault : kitCase().sourceFaults) {
        SCOPED_TRACE(sourceFault.name);
        Hub hub(kitCase(), backend(), clean.dir.file("pseudonym.key"));
        hub.partner->inject(sourceFault.fault);
        auto broken = hub.ingest();
        if (sourceFault.runError.empty()) {
            EXPECT_EQ(broken.error, "");
        } else {
            EXPECT_NE(broken.error.find(sourceFault.runError), std::string::npos) << broken.error;
        }
        const auto applied = hub.partner->appliedFaults();
        ASSERT_EQ(applied.size(), 1u) << "the fault hit one page";
        const std::string page = applied.front().target;  // path and query, as the connector asked
        if (!sourceFault.rejectedCode.empty()) {
            EXPECT_EQ(hub.count("SELECT COUNT(*) FROM rejected_source WHERE code = '" + sourceFault.rejectedCode +
                                "' AND source = '" + hub.partner->url(page) + "'"),
                      1)
                << "refused whole at its URL " << page;
        }
        hub.partner->clearLog();
        auto next = hub.ingest();
        ASSERT_EQ(next.error, "");
        const std::string path = page.substr(0, page.find('?'));
        std::string firstAsked;
        for (const auto& request : hub.partner->requests()) {
            if (request.uri.substr(0, request.uri.find('?')) == path) {
                firstAsked = request.uri;
                break;
            }
        }
        EXPECT_EQ(firstAsked, page) << "the checkpoint stayed before the broken page";
        EXPECT_EQ(canonicalState(*hub.runtime.database), expected);
    }
}

}  // namespace finsam::testing
