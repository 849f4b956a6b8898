// tests/integration/generator_faults_test.cpp — every AF and FK fault finsam-gen can plant, read by the real
// connectors through the plugin host and pipeline into each store: the hub must end exactly where the generator's
// ground truth (DIR/truth/af.json, fk.json) says — quarantine with file and line, files rejected whole with their
// rows, retractions, warnings, the final active rows — and keep no clear personnummer of the world.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <regex>
#include <set>

#include "core/app/hub_runtime.h"
#include "core/common/json.h"
#include "core/pipeline/ingest_runner.h"
#include "core/store/connector_status.h"
#include "core/store/row_text.h"
#include "core/store/store_stats.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/leak_scan.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;
using Counts = std::map<std::string, std::int64_t>;
using Strings = std::vector<std::string>;

struct FaultCase {
    std::string fault;   ///< "" = the clean world
    std::string format;  ///< "af" or "fk"; "" = both
};

void PrintTo(const FaultCase& c, std::ostream* out) { *out << (c.fault.empty() ? "clean" : c.fault); }

// The generator's AF and FK faults. EveryAfAndFkFaultOfTheGeneratorIsCovered keeps this list equal to what
// `finsam-gen --help` offers, so a fault added there cannot go untested here.
const std::vector<FaultCase>& faultCases() {
    static const std::vector<FaultCase> kCases = {
        {"", ""},
        {"utf8-file", "af"}, {"bad-date", "af"}, {"bad-personnummer", "af"}, {"unknown-code", "af"},
        {"wrong-field-count", "af"}, {"shrink", "af"}, {"withdrawal", "af"},
        {"short-line", "fk"}, {"missing-trailer", "fk"}, {"count-mismatch", "fk"}, {"sum-mismatch", "fk"},
        {"out-of-order", "fk"}, {"duplicate-batch", "fk"}, {"batch-gap", "fk"}, {"unknown-formanskod", "fk"},
        {"tom-before-from", "fk"}, {"makulering-of-unknown", "fk"}};
    return kCases;
}

Strings formatsOf(const FaultCase& c) { return c.format.empty() ? Strings{"af", "fk"} : Strings{c.format}; }

// The register goes first: AF's INS rows cite its consents (held, unpublished, until they are read). FK needs
// nothing of it.
Strings connectorsOf(const FaultCase& c) {
    return c.format == "fk" ? Strings{"fk"} : c.format == "af" ? Strings{"forbund", "af"}
                                                                : Strings{"forbund", "af", "fk"};
}

std::string generatorBinary() { return (fs::path(FINSAM_HUB_BINARY).parent_path() / "finsam-gen").string(); }

// Line `line` (1-based) of a file of the drop, as written (CR dropped).
std::string fileLine(const std::string& path, std::int64_t line) {
    std::ifstream in(path, std::ios::binary);
    std::string text;
    for (std::int64_t n = 1; std::getline(in, text); ++n) {
        if (n == line) {
            if (!text.empty() && text.back() == '\r') {
                text.pop_back();
            }
            return text;
        }
    }
    return "";
}

// One generated drop with its truth, made once per fault and shared by both backends (the connectors only read).
struct GeneratedWorld {
    TempDir dir;
    rapidjson::Document world, af, fk;
    std::string root() const { return dir.path().string(); }
    std::string path(const std::string& relative) const { return dir.file(relative); }
};

void runGenerator(const Strings& args) {
    if (Poco::Process::launch(generatorBinary(), args).wait() != 0) {
        throw std::runtime_error("finsam-gen failed");
    }
}

const GeneratedWorld& generated(const FaultCase& c) {
    static std::map<std::string, std::unique_ptr<GeneratedWorld>> cache;
    auto& slot = cache[c.fault];
    if (!slot) {
        auto world = std::make_unique<GeneratedWorld>();
        // Seed 11 and 300 deltaganden: AF runs an insats (INS rows) and every kind of person occurs.
        const Strings options = {"--out", world->root(), "--seed", "11", "--participants", "300"};
        Strings args = {c.format.empty() ? "all" : c.format};
        args.insert(args.end(), options.begin(), options.end());
        if (!c.fault.empty()) {
            args.insert(args.end(), {"--fault", c.fault});
        }
        runGenerator(args);
        if (c.format == "af") {
            Strings forbund = {"forbund"};  // the same world's register (it has no faults)
            forbund.insert(forbund.end(), options.begin(), options.end());
            runGenerator(forbund);
        }
        world->world = common::readJsonFile(world->path("truth/world.json"));
        for (const auto& format : formatsOf(c)) {
            (format == "af" ? world->af : world->fk) = common::readJsonFile(world->path("truth/" + format + ".json"));
        }
        slot = std::move(world);
    }
    return *slot;
}

std::vector<ConnectorInstance> instancesFor(const std::string& world, const Strings& ids) {
    const std::vector<ConnectorInstance> all = worldFileConnectors(world);
    std::vector<ConnectorInstance> chosen;
    std::copy_if(all.begin(), all.end(), std::back_inserter(chosen), [&](const ConnectorInstance& instance) {
        return std::find(ids.begin(), ids.end(), instance.id) != ids.end();
    });
    return chosen;
}

// Everything the hub logs while it ingests: the spec's "logged" may be the log as well as a stored warning.
class CapturingChannel : public Poco::Channel {
public:
    void log(const Poco::Message& message) override { lines.push_back(message.getSource() + ": " + message.getText()); }
    Strings lines;
};

class LogCapture {
public:
    LogCapture()
        : channel_(new CapturingChannel), previous_(Poco::Logger::root().getChannel()),
          level_(Poco::Logger::root().getLevel()) {
        Poco::Logger::setChannel("", channel_);
        Poco::Logger::setLevel("", Poco::Message::PRIO_DEBUG);
    }
    ~LogCapture() {
        Poco::Logger::setChannel("", previous_);
        Poco::Logger::setLevel("", level_);
    }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;
    const Strings& lines() const { return channel_->lines; }

private:
    Poco::AutoPtr<CapturingChannel> channel_;
    Poco::Channel::Ptr previous_;
    int level_;
};

Rows query(store::Database& database, const std::string& sql) {
    Rows out;
    soci::rowset<soci::row> rows = (database.session().prepare << sql);
    for (const auto& row : rows) {
        std::vector<std::string> cells;
        for (std::size_t i = 0; i < row.size(); ++i) {
            cells.push_back(store::cellText(row, i));
        }
        out.push_back(std::move(cells));
    }
    return out;
}

// Runs of digits, '-' and '+' holding ten digits or more. Every spelling of a number (10 or 12 digits, with or
// without its sign) lies inside one, so scanning these finds exactly what scanning all the text would — and the
// leak scan over megabytes of dump stays fast.
std::string numberLikeRuns(const std::string& text) {
    std::string runs;
    for (std::size_t i = 0; i < text.size();) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::size_t end = i, digits = 0;
        for (; end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '-' ||
                                     text[end] == '+');
             ++end) {
            digits += std::isdigit(static_cast<unsigned char>(text[end])) ? 1 : 0;
        }
        if (digits >= 10) {
            runs.append(text, i, end - i).push_back('|');
        }
        i = end;
    }
    return runs;
}

// What one ingest of a world left in one store, read out right after it so the store can go.
struct HubOutcome {
    std::string error;
    std::map<std::string, pipeline::IngestSummary> summaries;  // by connector id
    std::map<std::string, store::BatchCounts> storedTotals;    // the batch table, by connector id
    std::map<std::string, std::set<std::string>> quarantine;   // "file line N column C field F code X"
    std::map<std::string, std::set<std::string>> rejected;     // "file code X rows N"
    std::map<std::string, Strings> rejectedMessages;
    std::map<std::string, Strings> warnings;                   // connector_warning, oldest first
    std::map<std::string, std::set<std::string>> retracted;    // "<table> <id>"
    std::map<std::string, Counts> finalState;                  // "af", "fk": named as the truth's `final`
    std::int64_t deltaganden = 0;                              // active participations, each counted once
    Strings logLines;
    std::string numberRuns;  // numberLikeRuns of every table, log line and summary

    template <typename T>
    const T& of(const std::map<std::string, T>& by, const std::string& id) const {
        static const T kNone{};
        auto it = by.find(id);
        return it == by.end() ? kNone : it->second;
    }
};

// The drop-relative path the truth uses ("af/x.csv", "fk/redelivery/y.txt"): connectors name a source relative
// to their drop folder.
std::string truthPath(const std::string& source, const std::string& id) { return id + "/" + source; }

Counts afFinal(store::Database& database) {
    Counts counts{{"rows", 0}, {"ers.periods", 0}, {"ers.ongoing", 0}, {"ins.participations", 0},
                  {"ins.ongoing", 0}, {"ins.with_samtycke_ref", 0}};
    for (const auto& row : query(database, "SELECT ersattningstyp, tom_datum FROM ersattningsperiod "
                                           "WHERE connector = 'af' AND state = 'active'")) {
        ++counts["ers.periods"];
        counts["ers.ongoing"] += row[1].empty() ? 1 : 0;
        ++counts["ers.by_code." + row[0]];
        ++counts["rows"];
    }
    // INS rows are further reports of the register's participations: active, merged into the register's row.
    for (const auto& row : query(database, "SELECT slutdatum, samtycke_ref FROM deltagande "
                                           "WHERE connector = 'af' AND state = 'active'")) {
        ++counts["ins.participations"];
        counts["ins.ongoing"] += row[0].empty() ? 1 : 0;
        counts["ins.with_samtycke_ref"] += row[1].empty() ? 0 : 1;
        ++counts["rows"];
    }
    return counts;
}

Counts fkFinal(store::Database& database) {
    Counts counts{{"periods", 0}, {"ongoing", 0}, {"omfattning_sum", 0}, {"protected_periods", 0}};
    for (const auto& row : query(database, "SELECT ersattningstyp, omfattning, tom_datum, person_key "
                                           "FROM ersattningsperiod WHERE connector = 'fk' AND state = 'active'")) {
        ++counts["periods"];
        counts["ongoing"] += row[2].empty() ? 1 : 0;
        counts["omfattning_sum"] += row[1].empty() ? 0 : std::stoll(row[1]);
        counts["protected_periods"] += row[3].empty() ? 1 : 0;  // a protected identity is never stored
        ++counts["by_formanskod." + row[0]];
    }
    return counts;
}

std::string dumpTables(store::Database& database, const Strings& tables) {
    std::string out;
    for (const auto& table : tables) {
        for (const auto& row : query(database, "SELECT * FROM " + table)) {
            out += table;
            for (const auto& cell : row) {
                out += "|" + cell;
            }
            out += "\n";
        }
    }
    return out;
}

void readOutcome(store::Database& database, const std::string& id, HubOutcome& outcome) {
    outcome.storedTotals[id] = store::readConnectorStatus(database, id).totals;
    const std::string where = " WHERE connector = '" + id + "'";
    for (const auto& row : query(database, "SELECT source, line, column_no, field, code FROM quarantine" + where)) {
        outcome.quarantine[id].insert(truthPath(row[0], id) + " line " + row[1] + " column " + row[2] + " field " +
                                      row[3] + " code " + row[4]);
    }
    for (const auto& row : query(database, "SELECT source, code, rows_count, message FROM rejected_source" + where)) {
        outcome.rejected[id].insert(truthPath(row[0], id) + " code " + row[1] + " rows " + row[2]);
        outcome.rejectedMessages[id].push_back(row[3]);
    }
    for (const auto& row : query(database, "SELECT message FROM connector_warning" + where + " ORDER BY id")) {
        outcome.warnings[id].push_back(row[0]);
    }
    for (const std::string table : {"ersattningsperiod", "deltagande"}) {
        const std::string sql = "SELECT entity_key FROM " + table + where + " AND state = 'retracted'";
        for (const auto& row : query(database, sql)) {
            outcome.retracted[id].insert(table + " " + row[0].substr(row[0].find('/') + 1));  // "<org>/<id>"
        }
    }
}

std::shared_ptr<const HubOutcome> ingest(const GeneratedWorld& world, const FaultCase& c, TestBackend backend) {
    auto outcome = std::make_shared<HubOutcome>();
    try {
        TempDir dir;
        TestStore store(backend);
        std::string everything;
        {
            LogCapture capture;
            const Strings ids = connectorsOf(c);
            HubFiles files = writeHubConfigFor(dir, store, instancesFor(world.root(), ids), "hub.json", 200);
            app::HubRuntime runtime(files.configFile);
            pipeline::IngestRunner runner(*runtime.database, runtime.plugins, runtime.config, *runtime.pseudonymizer);
            for (const auto& id : ids) {
                auto summary = runner.drain(*runtime.config.connector(id));
                if (!summary.error.empty() && outcome->error.empty()) {
                    outcome->error = summary.error;
                }
                everything += summary.toJson() + "\n";
                outcome->summaries[id] = std::move(summary);
            }
            outcome->logLines = capture.lines();
        }
        auto database = store.open();
        for (const auto& id : connectorsOf(c)) {
            readOutcome(*database, id, *outcome);
        }
        outcome->finalState["af"] = afFinal(*database);
        outcome->finalState["fk"] = fkFinal(*database);
        outcome->deltaganden = store::readStats(*database).deltaganden;
        everything += store.dumpAllTables() +
                      dumpTables(*database, {"connector_warning", "pending_citation", "audit_log", "samtycke_version",
                                             "person_link", "deltagande_conflict", "protected_identity"});
        if (backend == TestBackend::kSqlite) {
            // The file itself, free pages included: nothing may ever have been written there in clear.
            everything += fileBytes(store.sqliteFile()) + fileBytes(store.sqliteFile() + "-wal");
        }
        for (const auto& line : outcome->logLines) {
            everything += line + "\n";
        }
        outcome->numberRuns = numberLikeRuns(everything);
    } catch (const std::exception& e) {
        outcome->error = e.what();
    }
    return outcome;
}

bool applied(const rapidjson::Value& file) { return std::string(file["outcome"].GetString()) == "applied"; }
bool rejected(const rapidjson::Value& file) { return std::string(file["outcome"].GetString()) == "rejected"; }

// N as a number of its own in `text` (not a digit of 12 or of a file name's 00000012).
bool namesNumber(const std::string& text, std::int64_t n) {
    return std::regex_search(text, std::regex("(^|[^0-9])" + std::to_string(n) + "([^0-9]|$)"));
}

using Param = std::tuple<FaultCase, TestBackend>;

class GeneratorFaultTest : public ::testing::TestWithParam<Param> {
protected:
    void SetUp() override {
        case_ = std::get<0>(GetParam());
        world_ = &generated(case_);
        hub_ = ingest(*world_, case_, std::get<1>(GetParam()));
        ASSERT_EQ(hub_->error, "");
        if (!case_.fault.empty()) {
            // Without its entry the generator planted nothing, and every check below would pass vacuously.
            bool named = false;
            for (const auto& entry : truth(case_.format)["faults"].GetArray()) {
                named = named || entry["fault"].GetString() == case_.fault;
            }
            ASSERT_TRUE(named) << "truth/" << case_.format << ".json names no fault " << case_.fault;
        }
    }

    bool checks(const std::string& format) const {
        const auto formats = formatsOf(case_);
        return std::find(formats.begin(), formats.end(), format) != formats.end();
    }
    const rapidjson::Document& truth(const std::string& format) const {
        return format == "af" ? world_->af : world_->fk;
    }

    static std::map<std::string, std::string> mappingTable(const std::string& connector, const char* table) {
        auto doc = common::readJsonFile(std::string(FINSAM_SOURCE_DIR) + "/config/mappings/" + connector + ".json");
        std::map<std::string, std::string> codes;
        for (const auto& entry : doc["tables"][table].GetObject()) {
            codes[entry.name.GetString()] = entry.value.GetString();
        }
        return codes;
    }

    // The checks, each of the world's one ingest (TheHubEndsWhereTheTruthSays runs them all).
    void quarantineHoldsExactlyTheRowsTheTruthNames() const;
    void rejectedFilesAreTheTruthsWithTheirRowCounts() const;
    void withdrawnRowsAndMakuleringarAreRetracted() const;
    void gapsDuplicatesAndWithdrawalsAreWarnedAboutAndNothingElse() const;
    void changesToPeriodsTheHubNeverSawAreLogged() const;
    void activeRowsMatchTheTruthsFinalState() const;
    void countsReconcileWithTheRowsOfTheFilesRead() const;
    void noClearPersonnummerOfTheWorldIsStored() const;

    FaultCase case_;
    const GeneratedWorld* world_ = nullptr;
    std::shared_ptr<const HubOutcome> hub_;
};

// The canonical field an AF column feeds, as the hub records it in the quarantine.
std::string afCanonicalField(const std::string& column) {
    static const std::map<std::string, std::string> kFields = {
        {"", ""},
        {"Personnummer", "personnummer"},
        {"Ersattning", "ersattningstyp"},
        {"Ersattning_from", "from_datum"},
        {"Ersattning_tom", "tom_datum"},
        {"Insats_start", "startdatum"},
        {"Insats_slut", "slutdatum"},
    };
    auto it = kFields.find(column);
    return it == kFields.end() ? "<no canonical field known for " + column + ">" : it->second;
}

void GeneratorFaultTest::quarantineHoldsExactlyTheRowsTheTruthNames() const {
    if (checks("af")) {
        std::set<std::string> expected;
        for (const auto& file : world_->af["files"].GetArray()) {
            if (!applied(file)) {
                continue;
            }
            for (const auto& q : file["quarantined"].GetArray()) {
                expected.insert(std::string(file["file"].GetString()) + " line " +
                                std::to_string(q["line"].GetInt64()) + " column " +
                                std::to_string(q["column"].GetInt64()) + " field " +
                                afCanonicalField(q["field"].GetString()) + " code " + q["reason"].GetString());
            }
        }
        EXPECT_EQ(hub_->of(hub_->quarantine, "af"), expected);
        EXPECT_EQ(hub_->of(hub_->quarantine, "forbund"), std::set<std::string>{}) << "the register is clean";
    }
    if (checks("fk")) {
        // FK's truth names file, line and reason; column and field are the connector's (fk-fixed README).
        std::set<std::string> expected, stored;
        for (const auto& file : world_->fk["files"].GetArray()) {
            if (!applied(file)) {
                continue;
            }
            for (const auto& q : file["quarantined"].GetArray()) {
                expected.insert(std::string(file["file"].GetString()) + " line " +
                                std::to_string(q["line"].GetInt64()) + " code " + q["reason"].GetString());
            }
        }
        static const std::regex kColumnAndField(" column [0-9]+ field [a-z_]*");
        for (const auto& entry : hub_->of(hub_->quarantine, "fk")) {
            stored.insert(std::regex_replace(entry, kColumnAndField, ""));
        }
        EXPECT_EQ(stored, expected);
    }
}

void GeneratorFaultTest::rejectedFilesAreTheTruthsWithTheirRowCounts() const {
    if (checks("af")) {
        std::set<std::string> expected;
        for (const auto& file : world_->af["files"].GetArray()) {
            if (rejected(file)) {
                expected.insert(std::string(file["file"].GetString()) + " code " + file["reason"].GetString() +
                                " rows " + std::to_string(file["rows"].GetInt64()));
            }
        }
        EXPECT_EQ(hub_->of(hub_->rejected, "af"), expected);
        EXPECT_EQ(hub_->of(hub_->rejected, "forbund"), std::set<std::string>{});
    }
    if (checks("fk")) {
        std::set<std::string> expected;
        for (const auto& file : world_->fk["files"].GetArray()) {
            if (!rejected(file)) {
                continue;
            }
            expected.insert(std::string(file["file"].GetString()) + " code " + file["reason"].GetString() + " rows " +
                            std::to_string(file["details"].GetInt64()));
            // rejected_source has no line column: the connector names the line in the message.
            const std::string line = "line " + std::to_string(file["line"].GetInt64()) + ":";
            const auto& messages = hub_->of(hub_->rejectedMessages, "fk");
            EXPECT_TRUE(std::any_of(messages.begin(), messages.end(),
                                    [&](const std::string& m) { return m.find(line) != std::string::npos; }))
                << file["file"].GetString() << ": no rejection names " << line << " "
                << ::testing::PrintToString(messages);
        }
        EXPECT_EQ(hub_->of(hub_->rejected, "fk"), expected);
    }
}

void GeneratorFaultTest::withdrawnRowsAndMakuleringarAreRetracted() const {
    if (checks("af")) {
        // Every Rad_id withdrawn from an applied snapshot is retracted, and nothing else: an aged-out row is kept,
        // a quarantined one still counts as present.
        std::set<std::string> withdrawn, retracted;
        for (const auto& file : world_->af["files"].GetArray()) {
            if (applied(file)) {
                for (const auto& id : file["withdrawn"].GetArray()) {
                    withdrawn.insert(id.GetString());
                }
            }
        }
        for (const auto& entry : hub_->of(hub_->retracted, "af")) {
            retracted.insert(entry.substr(entry.find(' ') + 1));
        }
        EXPECT_EQ(retracted, withdrawn);
        for (const auto& entry : world_->af["faults"].GetArray()) {
            if (std::string(entry["expect"].GetString()) == "rows_withdrawn") {
                ASSERT_EQ(entry["rad_ids"].Size(), 2u) << "an ERS and an INS row";
                for (const auto& id : entry["rad_ids"].GetArray()) {
                    EXPECT_EQ(retracted.count(id.GetString()), 1u) << id.GetString();
                }
            }
        }
    }
    if (checks("fk")) {
        // One retraction per makulering of a period the hub held; an M for an unknown period retracts nothing.
        std::int64_t makuleringar = 0;
        for (const auto& file : world_->fk["files"].GetArray()) {
            makuleringar += applied(file) ? file["retracted"].GetInt64() : 0;
        }
        EXPECT_EQ(static_cast<std::int64_t>(hub_->of(hub_->retracted, "fk").size()), makuleringar)
            << ::testing::PrintToString(hub_->of(hub_->retracted, "fk"));
    }
}

void GeneratorFaultTest::gapsDuplicatesAndWithdrawalsAreWarnedAboutAndNothingElse() const {
    if (checks("fk")) {
        const Strings& warnings = hub_->of(hub_->warnings, "fk");
        std::size_t expected = 0;
        for (const auto& file : world_->fk["files"].GetArray()) {
            const std::string outcome = file["outcome"].GetString();
            const std::string holds = "holds batch " + std::to_string(file["batch"].GetInt64());
            if (outcome == "applied" && !file["missing_before"].Empty()) {
                ++expected;
                EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [&](const std::string& w) {
                    bool all = w.find(holds) != std::string::npos && w.find("missing") != std::string::npos;
                    for (const auto& n : file["missing_before"].GetArray()) {
                        all = all && namesNumber(w.substr(w.find(holds) + holds.size()), n.GetInt64());
                    }
                    return all;
                })) << file["file"].GetString() << " applied without a warning naming each missing batch "
                    << common::toJson(file["missing_before"]) << ": " << ::testing::PrintToString(warnings);
            }
            if (outcome == "applied") {
                expected += file["logged"].Size();  // an A or M for a period never seen, warned about one by one
            }
            if (outcome == "duplicate") {
                ++expected;
                EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [&](const std::string& w) {
                    return w.find(holds) != std::string::npos && w.find("duplicate") != std::string::npos &&
                           w.find("skipped") != std::string::npos;
                })) << file["file"].GetString() << " not said to be skipped as a duplicate: "
                    << ::testing::PrintToString(warnings);
            }
        }
        EXPECT_EQ(warnings.size(), expected) << ::testing::PrintToString(warnings);
    }
    if (checks("af")) {
        const Strings& warnings = hub_->of(hub_->warnings, "af");
        std::size_t expected = 0;
        for (const auto& file : world_->af["files"].GetArray()) {
            if (!applied(file) || file["withdrawn"].Size() + file["aged_out"].Size() == 0) {
                continue;
            }
            ++expected;
            const Strings parts = {std::string("AF snapshot of ") + file["date"].GetString() + ":",
                                   " " + std::to_string(file["withdrawn"].Size()) + " row(s) withdrawn",
                                   " " + std::to_string(file["aged_out"].Size()) + " aged out"};
            EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [&](const std::string& w) {
                return std::all_of(parts.begin(), parts.end(),
                                   [&](const std::string& p) { return w.find(p) != std::string::npos; });
            })) << ::testing::PrintToString(parts) << " not in " << ::testing::PrintToString(warnings);
        }
        EXPECT_EQ(warnings.size(), expected) << ::testing::PrintToString(warnings);
    }
}

void GeneratorFaultTest::changesToPeriodsTheHubNeverSawAreLogged() const {
    if (!checks("fk")) {
        return;  // no FK drop in this world
    }
    // fk-fixed.md Rules: an A or M for a period the hub never saw is kept (amend) or ignored (cancel) "and logged".
    // Logged = a log line or a stored warning that names the record: its ärende-id, or its batch file and line
    // (file names are shown as fk_ers_<orgnr>_00000033.txt).
    Strings said = hub_->logLines;
    const Strings& warnings = hub_->of(hub_->warnings, "fk");
    said.insert(said.end(), warnings.begin(), warnings.end());
    for (const auto& file : world_->fk["files"].GetArray()) {
        if (!applied(file)) {
            continue;
        }
        const std::string name = fs::path(file["file"].GetString()).filename().string();
        const std::string batchTail = name.substr(name.rfind('_'));  // "_00000033.txt"
        for (const auto& note : file["logged"].GetArray()) {
            const std::string id = note["arende_id"].GetString();
            const std::regex line("line " + std::to_string(note["line"].GetInt64()) + "([^0-9]|$)");
            EXPECT_TRUE(std::any_of(said.begin(), said.end(), [&](const std::string& s) {
                return s.find(id) != std::string::npos ||
                       (s.find(batchTail) != std::string::npos && std::regex_search(s, line));
            })) << note["reason"].GetString() << " of " << id << " (" << file["file"].GetString() << " line "
                << note["line"].GetInt64() << ") is neither logged nor warned about";
        }
    }
}

void GeneratorFaultTest::activeRowsMatchTheTruthsFinalState() const {
    if (checks("af")) {
        const auto ersattning = mappingTable("af-csv", "ersattning");
        const auto& finalTruth = world_->af["final"];
        Counts expected{{"rows", finalTruth["rows"].GetInt64()},
                        {"ers.periods", finalTruth["ers"]["periods"].GetInt64()},
                        {"ers.ongoing", finalTruth["ers"]["ongoing"].GetInt64()},
                        {"ins.participations", finalTruth["ins"]["participations"].GetInt64()},
                        {"ins.ongoing", finalTruth["ins"]["ongoing"].GetInt64()},
                        {"ins.with_samtycke_ref", finalTruth["ins"]["with_samtycke_ref"].GetInt64()}};
        for (const auto& code : finalTruth["ers"]["by_code"].GetObject()) {
            expected["ers.by_code." + ersattning.at(code.name.GetString())] += code.value.GetInt64();
        }
        EXPECT_EQ(hub_->finalState.at("af"), expected);
        // AF's INS rows are the register's own participations (and a withdrawn one is still in the register).
        EXPECT_EQ(hub_->deltaganden, world_->world["deltaganden"]["distinct"].GetInt64());
    }
    if (checks("fk")) {
        const auto formanskod = mappingTable("fk-fixed", "fk_formanskod");
        const auto& finalTruth = world_->fk["final"];
        Counts expected{{"periods", finalTruth["periods"].GetInt64()},
                        {"ongoing", finalTruth["ongoing"].GetInt64()},
                        {"omfattning_sum", finalTruth["omfattning_sum"].GetInt64()},
                        {"protected_periods", finalTruth["protected_periods"].GetInt64()}};
        for (const auto& code : finalTruth["by_formanskod"].GetObject()) {
            expected["by_formanskod." + formanskod.at(code.name.GetString())] += code.value.GetInt64();
        }
        EXPECT_EQ(hub_->finalState.at("fk"), expected);
    }
}

void GeneratorFaultTest::countsReconcileWithTheRowsOfTheFilesRead() const {
    for (const auto& [id, summary] : hub_->summaries) {
        SCOPED_TRACE(id);
        EXPECT_EQ(summary.counts.read,
                  summary.counts.accepted + summary.counts.quarantined + summary.counts.rejectedRows);
        const auto& stored = hub_->storedTotals.at(id);
        EXPECT_EQ(stored.read, summary.counts.read);
        EXPECT_EQ(stored.accepted, summary.counts.accepted);
        EXPECT_EQ(stored.quarantined, summary.counts.quarantined);
        EXPECT_EQ(stored.rejectedRows, summary.counts.rejectedRows);
        EXPECT_EQ(stored.rejectedSources, summary.counts.rejectedSources);
    }
    if (hub_->summaries.count("forbund") != 0) {
        EXPECT_EQ(hub_->summaries.at("forbund").counts.read, csvDataRows(world_->path("forbund")));
    }
    // Every data row of every file read (applied or rejected; a duplicate batch is skipped unread), once.
    for (const auto& format : formatsOf(case_)) {
        SCOPED_TRACE(format);
        const char* rowsKey = format == "af" ? "rows" : "details";
        store::BatchCounts expected;
        for (const auto& file : truth(format)["files"].GetArray()) {
            if (std::string(file["outcome"].GetString()) == "duplicate") {
                continue;
            }
            expected.read += file[rowsKey].GetInt64();
            if (rejected(file)) {
                expected.rejectedRows += file[rowsKey].GetInt64();
                ++expected.rejectedSources;
            } else {
                expected.quarantined += file["quarantined"].Size();
            }
        }
        const auto& actual = hub_->summaries.at(format).counts;
        EXPECT_EQ(actual.read, expected.read);
        EXPECT_EQ(actual.quarantined, expected.quarantined);
        EXPECT_EQ(actual.rejectedRows, expected.rejectedRows);
        EXPECT_EQ(actual.rejectedSources, expected.rejectedSources);
        EXPECT_EQ(actual.accepted, expected.read - expected.quarantined - expected.rejectedRows);
    }
}

// The number on each quarantined line as the file spells it (a number that failed the identity checks is still a
// number): AF's Personnummer cell, FK's positions 2-13. Keyed by "file line N"; "" where none was found.
std::map<std::string, std::string> numbersOnQuarantinedLines(const GeneratedWorld& world, const Strings& formats) {
    std::map<std::string, std::string> numbers;
    static const std::regex kNumber("(^|;|\")([0-9]{6}[-+]?[0-9]{4}|[0-9]{8}[-+]?[0-9]{4})(\"|;|$)");
    for (const auto& format : formats) {
        const auto& truth = format == "af" ? world.af : world.fk;
        for (const auto& file : truth["files"].GetArray()) {
            if (!applied(file)) {
                continue;
            }
            for (const auto& q : file["quarantined"].GetArray()) {
                const std::string line = fileLine(world.path(file["file"].GetString()), q["line"].GetInt64());
                std::string& number =
                    numbers[std::string(file["file"].GetString()) + " line " + std::to_string(q["line"].GetInt64())];
                std::smatch match;
                if (format == "fk" && line.size() >= 13) {
                    number = line.substr(1, 12);
                } else if (format == "af" && std::regex_search(line, match, kNumber)) {
                    number = match[2].str();
                }
            }
        }
    }
    return numbers;
}

void GeneratorFaultTest::noClearPersonnummerOfTheWorldIsStored() const {
    std::set<std::string> numbers;
    for (const auto& kind : world_->world["persons"]["numbers"].GetObject()) {
        for (const auto& number : kind.value.GetArray()) {
            std::string digits = number.GetString();
            std::erase(digits, '-');
            numbers.insert(digits);
        }
    }
    ASSERT_EQ(static_cast<std::int64_t>(numbers.size()), world_->world["persons"]["total"].GetInt64());
    EXPECT_EQ(leakedNumbers(numbers, hub_->numberRuns), Strings{});
    for (const auto& [where, number] : numbersOnQuarantinedLines(*world_, formatsOf(case_))) {
        ASSERT_FALSE(number.empty()) << where << " holds no number to look for";
        EXPECT_EQ(hub_->numberRuns.find(number), std::string::npos) << "the number of " << where << " is stored";
    }
}

// One test per world and store: ctest runs each test in a process of its own, so a test per check would
// generate and ingest the same world once for every check.
TEST_P(GeneratorFaultTest, TheHubEndsWhereTheTruthSays) {
    {
        SCOPED_TRACE("QuarantineHoldsExactlyTheRowsTheTruthNames");
        quarantineHoldsExactlyTheRowsTheTruthNames();
    }
    {
        SCOPED_TRACE("RejectedFilesAreTheTruthsWithTheirRowCounts");
        rejectedFilesAreTheTruthsWithTheirRowCounts();
    }
    {
        SCOPED_TRACE("WithdrawnRowsAndMakuleringarAreRetracted");
        withdrawnRowsAndMakuleringarAreRetracted();
    }
    {
        SCOPED_TRACE("GapsDuplicatesAndWithdrawalsAreWarnedAboutAndNothingElse");
        gapsDuplicatesAndWithdrawalsAreWarnedAboutAndNothingElse();
    }
    {
        SCOPED_TRACE("ChangesToPeriodsTheHubNeverSawAreLogged");
        changesToPeriodsTheHubNeverSawAreLogged();
    }
    {
        SCOPED_TRACE("ActiveRowsMatchTheTruthsFinalState");
        activeRowsMatchTheTruthsFinalState();
    }
    {
        SCOPED_TRACE("CountsReconcileWithTheRowsOfTheFilesRead");
        countsReconcileWithTheRowsOfTheFilesRead();
    }
    {
        SCOPED_TRACE("NoClearPersonnummerOfTheWorldIsStored");
        noClearPersonnummerOfTheWorldIsStored();
    }
}

INSTANTIATE_TEST_SUITE_P(EveryFault, GeneratorFaultTest,
                         ::testing::Combine(::testing::ValuesIn(faultCases()), ::testing::ValuesIn(allBackends())),
                         [](const auto& info) {
                             std::string name = std::get<0>(info.param).fault;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return (name.empty() ? "clean" : name) + "_" + backendName(std::get<1>(info.param));
                         });

TEST(GeneratorFaultList, EveryAfAndFkFaultOfTheGeneratorIsCovered) {
    Poco::Pipe out;
    Poco::ProcessHandle handle = Poco::Process::launch(generatorBinary(), {"--help"}, nullptr, &out, nullptr);
    Poco::PipeInputStream stream(out);
    std::set<std::string> offered, covered;
    static const std::regex kFault("^  (af|fk) ([a-z0-9-]+): ");  // "  af bad-date: <what it writes>"
    for (std::string line; std::getline(stream, line);) {
        std::smatch match;
        if (std::regex_search(line, match, kFault)) {
            offered.insert(match[1].str() + " " + match[2].str());
        }
    }
    ASSERT_EQ(handle.wait(), 0);
    for (const auto& c : faultCases()) {
        if (!c.fault.empty()) {
            covered.insert(c.format + " " + c.fault);
        }
    }
    EXPECT_EQ(covered, offered);
}

}  // namespace
}  // namespace finsam::testing
