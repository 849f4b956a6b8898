// connectors/fk-fixed/src/fk_fixed_run.h — one run over the drop folder: batch files one at a time,
// in batch-number order, each checked whole before any of it is emitted.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "batch_file_check.h"
#include "checkpoint.h"
#include "drop_scan.h"
#include "finsam/sdk/connector.h"
#include "fk_fixed_settings.h"
#include "line_reader.h"

namespace finsam::connectors::fk_fixed {

/// Each readBatch() does one step and returns its checkpoint:
///  - idle: list the drop folder, pick the unhandled file with the lowest batch number; none
///    left = drained. A duplicate (known from the header alone) is skipped with a warning.
///  - checking: stream the file through BatchFileCheck and SHA-256, at most kCheckLinesPerCall
///    lines per call (nothing emitted, checkpoint unchanged, so a call stays short). Then refuse
///    it whole, or start applying it (gap or late-arrival warnings here).
///  - applying: up to maxRecords detail lines as records or problems; the checkpoint says how far.
///    The trailer ends the file.
/// A checkpoint taken mid-file resumes by checking the whole file again and comparing its SHA-256:
/// the same bytes continue at the saved offset; other bytes (or no file) abandon the batch with a
/// warning and list its number as missing, so a redelivery is applied.
class FkFixedRun : public sdk::ConnectorRun {
public:
    static constexpr std::int64_t kCheckLinesPerCall = 1'000'000;

    FkFixedRun(Settings settings, Checkpoint checkpoint, sdk::Logger* logger);
    ~FkFixedRun() override;

    sdk::BatchOutcome readBatch(std::size_t maxRecords, sdk::RecordSink& sink) override;

private:
    enum class Phase { kIdle, kChecking, kApplying };
    enum class Resume { kChecking, kAbandoned, kUnavailable };
    struct ActiveFile;
    /// An unhandled batch file and its header, when its first line is a well-formed one.
    struct Candidate {
        DropFile file;
        std::optional<Header> header;
    };

    sdk::BatchOutcome readOnce(std::size_t maxRecords, sdk::RecordSink& sink);
    // The steps of one call, in order; each says whether the call goes on to the next.
    bool resumeStep(sdk::BatchOutcome& outcome, sdk::RecordSink& sink);
    bool pickStep(sdk::BatchOutcome& outcome, sdk::RecordSink& sink);
    bool checkStep(sdk::BatchOutcome& outcome, sdk::RecordSink& sink);
    void forgetVanishedFiles(const DropListing& listing);
    std::optional<Candidate> nextUnhandled(const DropListing& listing) const;
    bool skippedAsDuplicate(const Candidate& candidate, sdk::RecordSink& sink);
    bool startChecking(const DropFile& file);
    Resume resumeChecking(sdk::RecordSink& sink);
    bool checkSome();
    void concludeCheck(sdk::RecordSink& sink);
    void refuse(const FileFault& fault, const FileVerdict& verdict, sdk::RecordSink& sink);
    void beginApplying(const Header& header, sdk::RecordSink& sink);
    void applySome(std::size_t maxRecords, sdk::RecordSink& sink);
    void abandon(const std::string& what, sdk::RecordSink& sink);
    void markHandled(const DropFile& file, std::int64_t batch, const char* outcome);
    void log(sdk::Logger::Level level, const std::string& message) const;

    std::string sourceName() const;  ///< the active file, relative to the drop folder

    Settings settings_;
    Checkpoint checkpoint_;  ///< what the returned checkpoint says
    sdk::Logger* logger_;    ///< may be null; owned by the host
    Phase phase_ = Phase::kIdle;
    std::unique_ptr<ActiveFile> active_;
};

}  // namespace finsam::connectors::fk_fixed
