// connectors/fk-fixed/src/fk_fixed_run.cpp — fk-fixed.md "Transport" and "Rules" as a small state
// machine; every decision is recorded in the checkpoint returned with the batch that acts on it.
// SPDX-License-Identifier: Apache-2.0
#include "fk_fixed_run.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <tuple>
#include <variant>

#include "batch_sequence.h"
#include "detail_record.h"
#include "field_syntax.h"
#include "header_trailer.h"
#include "message_text.h"
#include "record_layout.h"
#include "sha256_stream.h"

namespace finsam::connectors::fk_fixed {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kFirstDetailOffset = kLineLength + 1;  // after the header and its LF
constexpr std::int64_t kFirstDetailLine = 2;

bool sameFile(const HandledFile& handled, const DropFile& file) {
    return handled.path == file.relative && handled.size == file.size &&
           handled.mtimeNs == file.mtimeNs;
}

// The <batchnr> of fk_ers_<orgnr>_<batchnr>.txt: orders files whose header cannot be read.
std::int64_t batchFromName(const DropFile& file) {
    const std::string name = file.path.filename().string();
    const auto underscore = name.rfind('_');
    const auto dot = name.rfind('.');
    const auto number =
        parseCount(std::string_view(name).substr(underscore + 1, dot - underscore - 1));
    return number.value_or(std::numeric_limits<std::int64_t>::max());
}

std::string batchText(std::int64_t batch) {
    return "batch " + std::to_string(batch);
}

}  // namespace

/// The file being checked or applied, read through one open stream from check to trailer.
struct FkFixedRun::ActiveFile {
    DropFile file;
    std::string name;  ///< fileForMessage(relative)
    LineReader reader;
    Sha256Stream digest;
    std::optional<BatchFileCheck> check;
    std::string sha256;
    bool resuming = false;  ///< checking only to confirm the checkpoint's file is unchanged
};

FkFixedRun::FkFixedRun(Settings settings, Checkpoint checkpoint, sdk::Logger* logger)
    : settings_(std::move(settings)), checkpoint_(std::move(checkpoint)), logger_(logger) {
    if (checkpoint_.current) {
        phase_ = Phase::kChecking;  // with no active_ yet: resumeChecking() opens it
    }
}

FkFixedRun::~FkFixedRun() = default;

sdk::BatchOutcome FkFixedRun::readBatch(std::size_t maxRecords, sdk::RecordSink& sink) {
    try {
        return readOnce(maxRecords, sink);
    } catch (const std::exception& e) {
        sdk::BatchOutcome outcome;
        outcome.result = {sdk::Status::kInternalError, std::string("fk-fixed: ") + e.what()};
        outcome.checkpoint = checkpoint_.toString();
        return outcome;
    }
}

sdk::BatchOutcome FkFixedRun::readOnce(std::size_t maxRecords, sdk::RecordSink& sink) {
    sdk::BatchOutcome outcome;
    bool proceed = true;
    if (phase_ == Phase::kChecking && !active_) {
        proceed = resumeStep(outcome, sink);
    }
    if (proceed && phase_ == Phase::kIdle) {
        proceed = pickStep(outcome, sink);
    }
    if (proceed && phase_ == Phase::kChecking) {
        proceed = checkStep(outcome, sink);
    }
    if (proceed && phase_ == Phase::kApplying) {
        applySome(maxRecords, sink);
    }
    outcome.checkpoint = checkpoint_.toString();
    return outcome;
}

bool FkFixedRun::resumeStep(sdk::BatchOutcome& outcome, sdk::RecordSink& sink) {
    switch (resumeChecking(sink)) {
        case Resume::kChecking:
            return true;
        case Resume::kAbandoned:
            return false;
        case Resume::kUnavailable:
            outcome.result = {sdk::Status::kSourceUnavailable,
                              fileForMessage(checkpoint_.current->path) +
                                  " cannot be opened to resume it; retried later"};
            return false;
    }
    return false;
}

bool FkFixedRun::pickStep(sdk::BatchOutcome& outcome, sdk::RecordSink& sink) {
    const auto listing = listBatchFiles(settings_.dropDir);
    if (!listing.reachable) {
        outcome.result = {sdk::Status::kSourceUnavailable,
                          "drop folder " + fileForMessage(settings_.dropDir.string()) +
                              " is not reachable: " + listing.detail};
        return false;
    }
    forgetVanishedFiles(listing);
    const auto next = nextUnhandled(listing);
    if (!next) {
        outcome.drained = true;
        return false;
    }
    if (skippedAsDuplicate(*next, sink)) {
        return false;
    }
    if (!startChecking(next->file)) {
        // Not refused: an unreadable file is usually a passing share problem, and later batches
        // must not overtake it.
        outcome.result = {
            sdk::Status::kSourceUnavailable,
            fileForMessage(next->file.relative) + " cannot be opened; later batches wait for it"};
        return false;
    }
    return true;
}

bool FkFixedRun::checkStep(sdk::BatchOutcome& outcome, sdk::RecordSink& sink) {
    if (checkSome()) {
        concludeCheck(sink);
        return phase_ == Phase::kApplying;
    }
    if (active_->reader.failed()) {
        outcome.result = {sdk::Status::kSourceUnavailable,
                          active_->name + " could not be read to the end; retried later"};
        active_.reset();
        phase_ = checkpoint_.current ? Phase::kChecking : Phase::kIdle;
    }
    return false;  // more to check next call: nothing emitted, checkpoint unchanged
}

void FkFixedRun::forgetVanishedFiles(const DropListing& listing) {
    // A handled file that is gone (archived) or rewritten (new size or time) leaves the list, so
    // the checkpoint stays as small as the folder; a rewritten file is then read as new.
    std::erase_if(checkpoint_.files, [&listing](const HandledFile& handled) {
        return std::none_of(listing.files.begin(), listing.files.end(),
                            [&handled](const DropFile& file) { return sameFile(handled, file); });
    });
}

std::optional<FkFixedRun::Candidate> FkFixedRun::nextUnhandled(const DropListing& listing) const {
    std::optional<Candidate> best;
    std::tuple<std::int64_t, std::string> bestKey;
    for (const auto& file : listing.files) {
        const bool handled =
            std::any_of(checkpoint_.files.begin(), checkpoint_.files.end(),
                        [&file](const HandledFile& done) { return sameFile(done, file); });
        if (handled) {
            continue;
        }
        // Batch order, not name order: a redelivery may carry any name (fk-fixed.md "Transport").
        const auto prefix = readPrefix(file.path, kLineLength);
        const auto header = prefix ? peekHeader(*prefix) : std::nullopt;
        std::tuple<std::int64_t, std::string> key{header ? header->batch : batchFromName(file),
                                                  file.relative};
        if (!best || key < bestKey) {
            best = Candidate{file, header};
            bestKey = std::move(key);
        }
    }
    return best;
}

bool FkFixedRun::skippedAsDuplicate(const Candidate& candidate, sdk::RecordSink& sink) {
    const auto& file = candidate.file;
    const auto& header = candidate.header;
    if (!header || header->sender != kFkOrganisationsnummer ||
        header->receiver != settings_.receiverOrgnr) {
        return false;  // the full check says what is wrong with it
    }
    const BatchSequence sequence(checkpoint_.lastBatch, checkpoint_.missingBatches);
    if (sequence.classify(header->batch) != Arrival::kDuplicate) {
        return false;
    }
    // A duplicate is skipped unread: nothing in it may be applied twice, broken or not.
    const std::string message =
        fileForMessage(file.relative) + " holds " + batchText(header->batch) +
        ", which was applied before (last applied: " + std::to_string(checkpoint_.lastBatch) +
        "): skipped as a duplicate delivery, nothing in it is applied";
    sink.warn(message);
    log(sdk::Logger::Level::kWarning, "fk-fixed: " + message);
    markHandled(file, header->batch, "duplicate");
    return true;
}

bool FkFixedRun::startChecking(const DropFile& file) {
    auto active = std::make_unique<ActiveFile>();
    active->file = file;
    active->name = fileForMessage(file.relative);
    std::string error;
    if (!active->reader.open(file.path, 0, 1, error, &active->digest)) {
        return false;
    }
    active->check.emplace(settings_.receiverOrgnr);
    active_ = std::move(active);
    phase_ = Phase::kChecking;
    return true;
}

FkFixedRun::Resume FkFixedRun::resumeChecking(sdk::RecordSink& sink) {
    const auto& progress = *checkpoint_.current;
    auto active = std::make_unique<ActiveFile>();
    active->file.path = settings_.dropDir / progress.path;
    active->file.relative = progress.path;
    active->file.size = progress.size;
    active->file.mtimeNs = progress.mtimeNs;
    active->name = fileForMessage(progress.path);
    active->resuming = true;
    std::error_code error;
    const bool exists = fs::exists(active->file.path, error);
    if (error) {
        return Resume::kUnavailable;  // e.g. the share is down: not a reason to give the batch up
    }
    if (!exists) {
        abandon("has disappeared from the drop folder", sink);
        return Resume::kAbandoned;
    }
    std::string openError;
    if (!active->reader.open(active->file.path, 0, 1, openError, &active->digest)) {
        return Resume::kUnavailable;
    }
    active->check.emplace(settings_.receiverOrgnr);
    active_ = std::move(active);
    return Resume::kChecking;
}

bool FkFixedRun::checkSome() {
    Line line;
    for (std::int64_t n = 0; n < kCheckLinesPerCall; ++n) {
        if (!active_->reader.next(line)) {
            return !active_->reader.failed();
        }
        active_->check->add(line);
    }
    return false;
}

void FkFixedRun::concludeCheck(sdk::RecordSink& sink) {
    auto verdict = active_->check->finish();
    active_->check.reset();
    active_->sha256 = active_->digest.hexDigest();
    if (active_->resuming) {
        const auto& progress = *checkpoint_.current;
        if (active_->sha256 != progress.sha256) {
            abandon("changed since it was partly applied (its SHA-256 differs)", sink);
            return;
        }
        active_->reader.rewind(progress.nextOffset, progress.nextLine);
        phase_ = Phase::kApplying;
        log(sdk::Logger::Level::kInfo, "fk-fixed: resuming " + batchText(progress.batch) +
                                           " at line " + std::to_string(progress.nextLine));
        return;
    }
    if (verdict.fault) {
        refuse(*verdict.fault, verdict, sink);
        return;
    }
    beginApplying(*verdict.header, sink);
}

// Lineage names the file relative to the drop folder (e.g. "redelivery/fk_ers_…"): stable wherever the
// folder is mounted, and no server paths in the store or the feed.
std::string FkFixedRun::sourceName() const {
    return active_->file.path.lexically_relative(settings_.dropDir).generic_string();
}

void FkFixedRun::refuse(const FileFault& fault, const FileVerdict& verdict, sdk::RecordSink& sink) {
    sdk::RejectedSource rejected;
    rejected.position = {sourceName(), fault.line};
    rejected.code = fault.code;
    rejected.message = active_->name;
    if (verdict.header) {
        rejected.message += " (" + batchText(verdict.header->batch) + ")";
    }
    if (fault.line > 0) {
        rejected.message += " line " + std::to_string(fault.line);
    }
    rejected.message +=
        ": " + fault.reason + "; the whole file is refused, nothing in it is applied";
    rejected.rows = verdict.detailLines;
    log(sdk::Logger::Level::kWarning, "fk-fixed: " + rejected.message);
    sink.reject(std::move(rejected));
    markHandled(active_->file, verdict.header ? verdict.header->batch : 0, "rejected");
    active_.reset();
    phase_ = Phase::kIdle;
}

void FkFixedRun::beginApplying(const Header& header, sdk::RecordSink& sink) {
    BatchSequence sequence(checkpoint_.lastBatch, checkpoint_.missingBatches);
    const std::int64_t previous = sequence.lastApplied();
    const Arrival arrival = sequence.classify(header.batch);
    if (arrival == Arrival::kDuplicate) {
        // skippedAsDuplicate() catches duplicates from the header before reading; this only
        // sees a file replaced between that peek and the open.
        sink.warn(active_->name + " holds " + batchText(header.batch) +
                  ", which was applied before: skipped as a duplicate delivery");
        markHandled(active_->file, header.batch, "duplicate");
        active_.reset();
        phase_ = Phase::kIdle;
        return;
    }
    const auto gap = sequence.accept(header.batch);
    checkpoint_.lastBatch = sequence.lastApplied();
    checkpoint_.missingBatches = sequence.missing();
    if (arrival == Arrival::kAfterGap) {
        const bool one = gap.front().first == gap.front().last;
        const std::string before = previous == 0
                                       ? "no batch was applied before"
                                       : "the last applied batch is " + std::to_string(previous);
        sink.warn(
            active_->name + " holds " + batchText(header.batch) + " but " + before + ": " +
            (one ? "batch " : "batches ") + describeBatches(gap) + (one ? " is" : " are") +
            " missing (never delivered, or refused); " + batchText(header.batch) +
            " is applied, missing batches now: " + describeBatches(checkpoint_.missingBatches));
    } else if (arrival == Arrival::kLate) {
        sink.warn(active_->name + " holds " + batchText(header.batch) +
                  ", which was missing: it is applied now, after later batches; missing batches "
                  "now: " +
                  describeBatches(checkpoint_.missingBatches));
    }
    checkpoint_.current = FileInProgress{
        active_->file.relative, active_->file.size, active_->file.mtimeNs, active_->sha256,
        header.batch,           kFirstDetailLine,   kFirstDetailOffset};
    active_->reader.rewind(kFirstDetailOffset, kFirstDetailLine);
    phase_ = Phase::kApplying;
    log(sdk::Logger::Level::kInfo,
        "fk-fixed: applying " + batchText(header.batch) + " from " + active_->name);
}

void FkFixedRun::applySome(std::size_t maxRecords, sdk::RecordSink& sink) {
    auto& progress = *checkpoint_.current;
    const std::string source = sourceName();
    Line line;
    for (std::size_t emitted = 0; emitted < std::max<std::size_t>(maxRecords, 1); ++emitted) {
        // The file was checked through this same open stream, so anything else than a detail or
        // the trailer here means it was rewritten in place meanwhile.
        if (!active_->reader.next(line) || line.length != kLineLength ||
            (line.text.front() != kDetailKind && line.text.front() != kTrailerKind)) {
            abandon("changed while it was being applied", sink);
            return;
        }
        if (line.text.front() == kTrailerKind) {
            log(sdk::Logger::Level::kInfo,
                "fk-fixed: " + batchText(progress.batch) + " from " + active_->name + " applied");
            markHandled(active_->file, progress.batch, "applied");
            checkpoint_.current.reset();
            active_.reset();
            phase_ = Phase::kIdle;
            return;
        }
        auto read = readDetail(line.text, sdk::Position{source, line.number});
        if (auto* record = std::get_if<sdk::Record>(&read)) {
            sink.accept(std::move(*record));
        } else {
            sink.quarantine(std::get<sdk::Problem>(std::move(read)));
        }
        progress.nextLine = active_->reader.nextLineNumber();
        progress.nextOffset = active_->reader.offset();
    }
}

void FkFixedRun::abandon(const std::string& what, sdk::RecordSink& sink) {
    const auto progress = *checkpoint_.current;
    BatchSequence sequence(checkpoint_.lastBatch, checkpoint_.missingBatches);
    sequence.reopen(progress.batch);
    checkpoint_.lastBatch = sequence.lastApplied();
    checkpoint_.missingBatches = sequence.missing();
    checkpoint_.current.reset();
    const std::string message =
        fileForMessage(progress.path) + " (" + batchText(progress.batch) + ") " + what +
        ": its lines before line " + std::to_string(progress.nextLine) +
        " were applied, the rest were not. The batch counts as missing until it is delivered "
        "again; missing batches now: " +
        describeBatches(checkpoint_.missingBatches);
    sink.warn(message);
    log(sdk::Logger::Level::kWarning, "fk-fixed: " + message);
    active_.reset();
    phase_ = Phase::kIdle;
}

void FkFixedRun::markHandled(const DropFile& file, std::int64_t batch, const char* outcome) {
    checkpoint_.files.push_back(
        HandledFile{file.relative, file.size, file.mtimeNs, batch, outcome});
}

void FkFixedRun::log(sdk::Logger::Level level, const std::string& message) const {
    if (logger_ != nullptr) {
        logger_->log(level, message);
    }
}

}  // namespace finsam::connectors::fk_fixed
