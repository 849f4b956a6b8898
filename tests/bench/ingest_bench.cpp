// tests/bench/ingest_bench.cpp — AF CSV and FK fixed-width ingest (parse, normalise, pseudonymise, persist on
// SQLite) against a bare `sqlite3 .import` of the same files into one table, measured in the same run, and the
// peak memory of the hub while it ingests. Prints ratios; asserts nothing (machines are shared and noisy).
// SPDX-License-Identifier: Apache-2.0
//
// AF is also compared with tests/bench/af_normalise_pandas.py, the pandas script a förbund's IT staff would
// otherwise write for the same normalisation (target: the hub >= 20x faster), when Debian's python3-pandas is there.
// Run by hand (not a ctest test) or through scripts/bench.sh; needs the sqlite3 shell (apt install sqlite3):
//   build/bin/bench_ingest                                    # AF 2 000 participants, FK 200 000 rows
//   build/bin/bench_ingest --af-participants 20000 --fk-rows 1000000
//   build/bin/bench_ingest --skip-af --fk-rows 10000000       # the 10 million FK rows (peak RSS)
// Data comes from finsam-gen (tests/generator), written beside the binary's scratch folder and removed after.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

#include "tests/bench/bench_report.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

struct Options {
    int afParticipants = 2000;
    long long fkRows = 200000;
    bool skipAf = false;
    bool skipFk = false;
    bool keep = false;
};

struct ChildRun {
    double seconds = 0;
    long peakRssKb = 0;
};

// Runs argv to completion with stdout to `out` (or /dev/null); throws on a non-zero exit. wait4 gives this
// child's own peak RSS, not the maximum over every child so far.
ChildRun run(const std::vector<std::string>& argv, const std::string& out = "/dev/null") {
    std::vector<char*> args;
    for (const auto& arg : argv) {
        args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const auto started = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
        throw std::runtime_error("cannot start " + argv[0]);
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    ChildRun result;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.peakRssKb = usage.ru_maxrss;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw std::runtime_error(argv[0] + " failed (status " + std::to_string(status) + ")");
    }
    return result;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFile(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// The digits after the last '_' of a partner file name's first part: af_finsam_<orgnr>_… / fk_ers_<orgnr>_….
std::string orgnrIn(const fs::path& dir, const std::string& prefix) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0) {
            return name.substr(prefix.size(), 10);
        }
    }
    throw std::runtime_error("no " + prefix + " file in " + dir.string());
}

long long jsonNumber(const std::string& json, const std::string& key) {
    const auto at = json.find("\"" + key + "\":");
    return at == std::string::npos ? -1 : std::stoll(json.substr(at + key.size() + 3));
}

struct Measure {
    std::string format;
    long long rows = 0;
    double baselineSeconds = 0;
    double floorSeconds = 0;  ///< the sqlite3 shell loading the rows the hub stored
    double hubSeconds = 0;
    long hubPeakRssKb = 0;
};

void print(const Measure& m) {
    const double baseline = m.rows / m.baselineSeconds;
    const double hub = m.rows / m.hubSeconds;
    std::printf("%-4s rows %10lld | sqlite3 .import %10.0f rows/s | finsam-hub ingest %10.0f rows/s | ratio %.3f "
                "(target >= 0.6) | hub peak RSS %.1f MB\n",
                m.format.c_str(), m.rows, baseline, hub, hub / baseline, m.hubPeakRssKb / 1024.0);
    const std::string name = m.format + " " + std::to_string(m.rows) + " rows";
    finsam::bench::reportResult({"ingest", name, hub, "rows/s", "sqlite3 .import", baseline, hub / baseline, 0.6});
    finsam::bench::reportResult({"ingest", name + " peak RSS", m.hubPeakRssKb / 1024.0, "MB", "", 0, 0, 0});
    const double floor = m.rows / m.floorSeconds;
    std::printf("%-4s rows %10lld | sqlite3 loading the hub's stored rows %10.0f rows/s | ratio %.3f "
                "(the storage floor: SQLite's bulk loader, indexes built once)\n",
                m.format.c_str(), m.rows, floor, hub / floor);
    finsam::bench::reportResult({"ingest", name + " vs its own stored rows", hub, "rows/s",
                                 "sqlite3 loading the rows the hub stored", floor, hub / floor, 0});
}

// The pandas baseline on the same AF files; skipped (said so) without Debian's python3-pandas.
void comparePandas(const Measure& hub, const fs::path& afDir, const fs::path& scratch) {
    const std::string python = "/usr/bin/python3";
    try {
        run({python, "-c", "import pandas"});
    } catch (const std::exception&) {
        std::printf("af   pandas baseline skipped: no python3-pandas (apt install python3-pandas)\n");
        return;
    }
    const fs::path root = FINSAM_SOURCE_DIR;
    auto pandas = run({python, (root / "tests/bench/af_normalise_pandas.py").string(), afDir.string(),
                       (root / "config/mappings/af-csv.json").string(), (scratch / "pandas.db").string()});
    const double baseline = hub.rows / pandas.seconds;
    const double ours = hub.rows / hub.hubSeconds;
    std::printf("af   rows %10lld | pandas script   %10.0f rows/s | finsam-hub ingest %10.0f rows/s | ratio %.3f "
                "(target >= 20) | pandas peak RSS %.1f MB\n",
                hub.rows, baseline, ours, ours / baseline, pandas.peakRssKb / 1024.0);
    finsam::bench::reportResult({"ingest", "af " + std::to_string(hub.rows) + " rows vs pandas", ours, "rows/s",
                                 "pandas normalisation script", baseline, ours / baseline, 20});
}

// A hub.json on a fresh SQLite store with one connector instance.
fs::path writeHub(const fs::path& dir, const std::string& plugin, const std::string& organisation,
                  const std::string& settings, const fs::path& root) {
    writeFile(dir / "pseudonym.key", std::string(48, 'k'));
    fs::permissions(dir / "pseudonym.key", fs::perms::owner_read | fs::perms::owner_write);
    writeFile(dir / "connector.json", "{\"id\":\"bench\",\"plugin\":\"" + plugin + "\",\"organisation\":\"" +
                                          organisation + "\",\"mapping\":\"" +
                                          (root / "config/mappings" / (plugin + ".json")).string() +
                                          "\",\"settings\":" + settings + "}");
    writeFile(dir / "hub.json",
              "{\"forbund\":{\"id\":\"forbund-bench\",\"name\":\"Bench\"},"
              "\"store\":{\"backend\":\"sqlite\",\"path\":\"" + (dir / "hub.db").string() + "\"},"
              "\"identity\":{\"key_file\":\"pseudonym.key\",\"key_id\":\"bench\"},"
              "\"plugin_dirs\":[\"" + FINSAM_CONNECTOR_DIR + "\"],"
              "\"ingest\":{\"batch_size\":1000},"
              "\"connectors\":[\"connector.json\"]}");
    return dir / "hub.json";
}

// The floor for this schema: SQLite's own bulk loader given every row the hub stored (entities, persons, link
// keys, lineage, feed). Each table is exported to CSV, untimed; the timed shell then creates the tables,
// `.import`s every file in one transaction (prepared inserts, nothing parsed, hashed or decided) and builds the
// secondary indexes once at the end. It uses the shell's defaults, a rollback journal, where the hub keeps a WAL:
// a floor for this schema, not a bound on every possible configuration. Returns the load's seconds.
double loadStoredRows(const fs::path& store, const fs::path& dir) {
    fs::create_directories(dir);
    const std::string sqlite = "/usr/bin/sqlite3";
    const std::string tables = "FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
    run({sqlite, store.string(), "SELECT sql || ';' " + tables}, (dir / "tables.sql").string());
    run({sqlite, store.string(), "SELECT sql || ';' FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"},
        (dir / "indexes.sql").string());
    run({sqlite, store.string(), "SELECT name " + tables}, (dir / "names.txt").string());
    std::string script = ".read " + (dir / "tables.sql").string() + "\n.mode csv\nBEGIN;\n";
    std::istringstream names(readFile(dir / "names.txt"));
    for (std::string name; std::getline(names, name);) {
        const fs::path csv = dir / (name + ".csv");
        run({sqlite, "-csv", store.string(), "SELECT * FROM \"" + name + "\""}, csv.string());
        script += ".import " + csv.string() + " " + name + "\n";
    }
    script += "COMMIT;\n.read " + (dir / "indexes.sql").string() + "\n";
    writeFile(dir / "load.sql", script);
    return run({sqlite, (dir / "floor.db").string(), ".read " + (dir / "load.sql").string()}).seconds;
}

Measure ingest(const std::string& format, const fs::path& scratch, const std::string& plugin,
               const std::string& organisation, const std::string& settings, const std::string& importScript) {
    const fs::path root = FINSAM_SOURCE_DIR;
    Measure m;
    m.format = format;
    // Baseline: the sqlite3 shell imports the same files into one table, in one go.
    writeFile(scratch / "import.sql", importScript);
    m.baselineSeconds =
        run({"/usr/bin/sqlite3", (scratch / "base.db").string(), ".read " + (scratch / "import.sql").string()})
            .seconds;
    const fs::path config = writeHub(scratch / "hub", plugin, organisation, settings, root);
    auto hub = run({FINSAM_HUB_BINARY, "ingest", "--config", config.string(), "--all"},
                   (scratch / "summary.json").string());
    m.hubSeconds = hub.seconds;
    m.hubPeakRssKb = hub.peakRssKb;
    m.rows = jsonNumber(readFile(scratch / "summary.json"), "read");
    m.floorSeconds = loadStoredRows(scratch / "hub" / "hub.db", scratch / "floor");
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (arg == "--af-participants") {
            options.afParticipants = std::stoi(value());
        } else if (arg == "--fk-rows") {
            options.fkRows = std::stoll(value());
        } else if (arg == "--skip-af") {
            options.skipAf = true;
        } else if (arg == "--skip-fk") {
            options.skipFk = true;
        } else if (arg == "--keep") {
            options.keep = true;
        } else {
            std::cerr << "usage: bench_ingest [--af-participants N] [--fk-rows N] [--skip-af] [--skip-fk] [--keep]\n";
            return 2;
        }
    }
    const fs::path generator = fs::path(FINSAM_HUB_BINARY).parent_path() / "finsam-gen";
    const fs::path scratch = fs::temp_directory_path() / ("finsam-bench-ingest-" + std::to_string(::getpid()));
    try {
        if (!options.skipAf) {
            const fs::path data = scratch / "af-data";
            run({generator.string(), "af", "--out", data.string(), "--participants",
                 std::to_string(options.afParticipants)});
            std::string script = ".mode csv\n.separator ;\n";
            bool first = true;
            for (const auto& entry : fs::directory_iterator(data / "af")) {
                script += std::string(".import ") + (first ? "" : "--skip 1 ") + entry.path().string() + " af\n";
                first = false;
            }
            const std::string settings = "{\"drop_dir\":\"" + (data / "af").string() + "\",\"forbund_orgnr\":\"" +
                                         orgnrIn(data / "af", "af_finsam_") + "\"}";
            const Measure af = ingest("af", scratch / "af", "af-csv", "af", settings, script);
            print(af);
            comparePandas(af, data / "af", scratch / "af");
        }
        if (!options.skipFk) {
            const fs::path data = scratch / "fk-data";
            run({generator.string(), "fk", "--out", data.string(), "--fk-detail-records",
                 std::to_string(options.fkRows)});
            std::string script = "CREATE TABLE fk (line TEXT);\n.mode csv\n";
            for (const auto& entry : fs::recursive_directory_iterator(data / "fk")) {
                if (entry.is_regular_file()) {
                    script += ".import " + entry.path().string() + " fk\n";
                }
            }
            const std::string settings = "{\"drop_dir\":\"" + (data / "fk").string() + "\",\"receiver_orgnr\":\"" +
                                         orgnrIn(data / "fk", "fk_ers_") + "\"}";
            print(ingest("fk", scratch / "fk", "fk-fixed", "fk", settings, script));
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_ingest: " << e.what() << "\n";
        if (!options.keep) {
            fs::remove_all(scratch);
        }
        return 1;
    }
    if (!options.keep) {
        fs::remove_all(scratch);
    }
    return 0;
}
