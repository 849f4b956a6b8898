// connectors/forbund-csv/src/drop_folder.cpp — forbund-csv.md "Transport": three sheets, then an
// empty KLAR.
// SPDX-License-Identifier: Apache-2.0
#include "drop_folder.h"

#include <chrono>

#include "content_hash.h"
#include "file_read.h"

namespace finsam::connectors::forbund_csv {

namespace fs = std::filesystem;

namespace {

// Unix-epoch nanoseconds, so the checkpoint reads the same whatever epoch the file clock uses.
std::int64_t toNanoseconds(fs::file_time_type time) {
    const auto system = std::chrono::file_clock::to_sys(time);
    return std::chrono::duration_cast<std::chrono::nanoseconds>(system.time_since_epoch()).count();
}

// The förbund writes the sheets first and KLAR last, so a sheet newer than KLAR means a set is
// being replaced right now; reading it would mix two sets.
std::string newerSheet(const fs::path& folder, fs::file_time_type markerTime) {
    for (auto name : kSheetFiles) {
        std::error_code error;
        const auto time = fs::last_write_time(folder / name, error);
        if (!error && time > markerTime) {
            return std::string(name);
        }
    }
    return {};
}

SheetFile readSheet(const fs::path& folder, SheetKind kind) {
    SheetFile file;
    file.kind = kind;
    const fs::path path = folder / sheetFile(kind);
    file.path = path.string();
    std::error_code error;
    file.missing = !fs::exists(path, error) && !error;
    if (!file.missing) {
        file.bytes = sdk::toolkit::readWholeFile(path, file.readError);
    }
    return file;
}

std::string hashOf(const SheetFiles& sheets) {
    sdk::toolkit::ContentHash hash;
    for (const auto& sheet : sheets) {
        hash.add(sheetFile(sheet.kind));
        hash.add(sheet.bytes ? "present" : (sheet.missing ? "missing" : "unreadable"));
        hash.add(sheet.bytes ? *sheet.bytes : std::string());
    }
    return hash.hexDigest();
}

}  // namespace

DropSnapshot readDropFolder(const fs::path& folder, const std::string& marker) {
    DropSnapshot snapshot;
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
        snapshot.state = DropState::kUnreachable;
        snapshot.detail = error ? error.message() : "not a directory";
        return snapshot;
    }
    const auto markerTime = fs::last_write_time(folder / marker, error);
    if (error) {
        snapshot.state = DropState::kNoMarker;
        return snapshot;
    }
    snapshot.markerTimeNs = toNanoseconds(markerTime);
    if (auto newer = newerSheet(folder, markerTime); !newer.empty()) {
        snapshot.state = DropState::kInProgress;
        snapshot.detail = newer + " is newer than " + marker;
        return snapshot;
    }
    for (std::size_t i = 0; i < kSheetOrder.size(); ++i) {
        snapshot.sheets[i] = readSheet(folder, kSheetOrder[i]);
    }
    snapshot.contentHash = hashOf(snapshot.sheets);
    snapshot.state = DropState::kReady;
    return snapshot;
}

}  // namespace finsam::connectors::forbund_csv
