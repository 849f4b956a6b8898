// core/app/main.cpp — entry point of the finsam-hub binary: dispatches subcommands.
// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/common/build_info.h"
#include "core/config/config_loader.h"

namespace {

constexpr const char* kUsage = R"(usage: finsam-hub <command> [options]
  serve --config FILE [--listen HOST:PORT]        run the daemon (HTTP API, feed, scheduled ingest)
  ingest --config FILE (--connector ID | --all) [--reprocess]
                                                  run connectors until drained; one JSON summary per connector
                                                  (progress on stderr; --reprocess re-reads from the start)
  init --data DIR --out CONFDIR [--forbund ID] [--forbund-orgnr NNNNNNNNNN]
                                                  scaffold a working configuration for a data folder
  stats --config FILE                             counts per entity and each connector's status (JSON)
  status --config FILE [--url URL] [--token-file F] [--json]
                                                  the connectors' state from the running daemon (admin token
                                                  in FINSAM_ADMIN_TOKEN or the file)
  check-config --config FILE [--print-schemas]    validate everything; each problem as file: /pointer: reason
  pnr VALUE...                                    diagnose personnummer/samordningsnummer (one JSON line each)
  explain --config FILE --person KEY [--date D]   a person's records, links, refusals, audit (no identity);
                                                  with --date, where they were aktuell and FINSAM eligibility
  rekey --config FILE --new-key-file PATH --new-key-id ID
                                                  re-derive every link key under a new key (stop serve first)
  linkage --config FILE [--estimate]              re-score every probabilistic match (core/link/README.md);
                                                  --estimate first estimates the model from the store by EM
  export --config FILE --entity deltaganden|insatser|persons --format csv|ndjson|json [--out FILE]
         [--forbund ID] [--insats ID] [--from D] [--to D]
                                                  the current state, as GET /v1/deltaganden etc. (all pages)
  indicators --config FILE --forbund ID --from D --to D [--period year|half|tertial] [--format csv|json]
         [--as-of D]                              the national core and local indicators, small counts
                                                  suppressed (docs/indicators.md)
  uppfoljning-finsam --config FILE --forbund ID --year YYYY [--format csv|json] [--as-of D]
                                                  one year's figures for Uppföljning Finsam: participants by
                                                  kön per insats, budget, planned (not suppressed)
  version                                         print the version
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace finsam::app;
    if (argc < 2) {
        std::cerr << kUsage;
        return 2;
    }
    std::string command = argv[1];
    Args args(argv + 2, argv + argc);
    try {
        if (command == "serve") {
            return runServe(argc - 1, argv + 1);
        }
        if (command == "ingest") {
            return runIngest(args);
        }
        if (command == "init") {
            return runInit(args);
        }
        if (command == "stats") {
            return runStats(args);
        }
        if (command == "status") {
            return runStatus(args);
        }
        if (command == "check-config") {
            return runCheckConfig(args);
        }
        if (command == "pnr") {
            return runPnr(args);
        }
        if (command == "explain") {
            return runExplain(args);
        }
        if (command == "rekey") {
            return runRekey(args);
        }
        if (command == "linkage") {
            return runLinkage(args);
        }
        if (command == "indicators") {
            return runIndicators(args);
        }
        if (command == "uppfoljning-finsam") {
            return runUppfoljningFinsam(args);
        }
        if (command == "export") {
            return runExport(args);
        }
        if (command == "version" || command == "--version") {
            std::cout << "finsam-hub " << finsam::common::kVersion << "\n";
            return 0;
        }
        if (command == "help" || command == "--help" || command == "-h") {
            std::cout << kUsage;
            return 0;
        }
        std::cerr << "finsam-hub: unknown command '" << command << "'\n" << kUsage;
        return 2;
    } catch (const UsageError& e) {
        std::cerr << "finsam-hub " << command << ": " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const finsam::config::ConfigError& e) {
        for (const auto& problem : e.problems()) {
            std::cerr << problem << "\n";
        }
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "finsam-hub " << command << ": " << e.what() << "\n";
        return 1;
    }
}
