// connectors/forbund-csv/src/forbund_csv_parser.cpp — forbund-csv.md "Transport" and "Change
// model".
// SPDX-License-Identifier: Apache-2.0
#include "forbund_csv_parser.h"

#include <optional>
#include <vector>

#include "safe_message.h"
#include "sheet_emitters.h"

namespace finsam::connectors::forbund_csv {

namespace {

struct LoadedSheet {
    const SheetFile* file = nullptr;
    std::optional<Sheet> sheet;
    SheetFailure failure;
};

// "apply them together (insatser first) or not at all when a sheet is missing or unreadable".
void rejectSet(const std::vector<LoadedSheet>& loaded, sdk::RecordSink& sink) {
    std::string broken;
    for (const auto& l : loaded) {
        if (!l.sheet) {
            broken += (broken.empty() ? "" : ", ") + std::string(sheetFile(l.file->kind));
        }
    }
    for (const auto& l : loaded) {
        sdk::RejectedSource rejected;
        rejected.position = {l.file->path, 0};
        if (l.sheet) {
            rejected.code = "set_incomplete";
            rejected.message = std::string(l.sheet->fileName()) +
                               ": not applied because the set is incomplete (" + broken +
                               " rejected)";
            rejected.rows = static_cast<std::int64_t>(l.sheet->rows().size());
        } else {
            rejected.code = l.failure.code;
            rejected.message = l.failure.message;
            rejected.rows = l.failure.rows;
        }
        sink.reject(std::move(rejected));
    }
}

void warnUnknownColumns(const Sheet& sheet, sdk::RecordSink& sink) {
    for (const auto& name : sheet.unknownColumns()) {
        sink.warn(std::string(sheet.fileName()) + ": column " +
                  sdk::toolkit::quoteForMessage(name) + " is not in the spec and was ignored");
    }
}

void emitSheet(const Sheet& sheet, sdk::RecordSink& sink) {
    switch (sheet.kind()) {
        case SheetKind::kInsatser:
            emitInsatser(sheet, sink);
            sink.snapshotComplete("insats");
            sink.snapshotComplete("insats_budget");
            return;
        case SheetKind::kDeltaganden:
            emitDeltaganden(sheet, sink);
            sink.snapshotComplete("deltagande");
            return;
        case SheetKind::kSamtycken:
            emitSamtycken(sheet, sink);
            sink.snapshotComplete("samtycke");
            return;
    }
}

}  // namespace

void parseSet(const SheetFiles& files, sdk::RecordSink& sink) {
    std::vector<LoadedSheet> loaded;
    bool complete = true;
    for (const auto& file : files) {
        LoadedSheet l;
        l.file = &file;
        l.sheet = Sheet::load(file, l.failure);
        complete = complete && l.sheet.has_value();
        loaded.push_back(std::move(l));
    }
    if (!complete) {
        rejectSet(loaded, sink);
        return;
    }
    for (const auto& l : loaded) {
        warnUnknownColumns(*l.sheet, sink);
        emitSheet(*l.sheet, sink);
    }
}

}  // namespace finsam::connectors::forbund_csv
