// core/app/commands.h — the subcommands of finsam-hub; each returns the process exit code.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace finsam::app {

using Args = std::vector<std::string>;

int runServe(int argc, char** argv);  ///< serve --config FILE [--listen HOST:PORT] (Poco ServerApplication)
int runIngest(const Args& args);      ///< ingest --config FILE (--connector ID | --all)
int runInit(const Args& args);        ///< init --data DIR --out CONFDIR [--forbund ID] [--forbund-orgnr N]
int runStats(const Args& args);       ///< stats --config FILE
int runStatus(const Args& args);      ///< status --config FILE [--url URL] [--token-file F] [--json]
int runCheckConfig(const Args& args); ///< check-config --config FILE [--print-schemas]
int runPnr(const Args& args);         ///< pnr VALUE...
int runExplain(const Args& args);     ///< explain --config FILE --person KEY
int runRekey(const Args& args);       ///< rekey --config FILE --new-key-file PATH --new-key-id ID
int runLinkage(const Args& args);     ///< linkage --config FILE [--estimate]
int runExport(const Args& args);      ///< export --config FILE --entity E --format F [--out FILE] [filters]
int runIndicators(const Args& args);  ///< indicators --config FILE --forbund ID --from D --to D [--period P] [--format F]
int runUppfoljningFinsam(const Args& args);  ///< uppfoljning-finsam --config FILE --forbund ID --year Y [--format F]

}  // namespace finsam::app
