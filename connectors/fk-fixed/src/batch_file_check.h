// connectors/fk-fixed/src/batch_file_check.h — fk-fixed.md "Rules": a file is all or nothing. Fed
// every line in order, it finds the first reason to refuse the whole file without keeping any
// record in memory.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "header_trailer.h"
#include "line_reader.h"

namespace finsam::connectors::fk_fixed {

/// Why a whole file is refused. `code` is the RejectedSource code, `reason` says what is wrong at
/// `line` (0 = the file as a whole) without naming the file and without any identity.
struct FileFault {
    std::string code;
    std::int64_t line = 0;
    std::string reason;
};

/// What one pass over a file found.
struct FileVerdict {
    std::optional<FileFault> fault;  ///< none: every rule holds and the file may be applied
    std::optional<Header> header;    ///< when line 1 is a well-formed header
    std::int64_t detailLines = 0;    ///< lines starting with 'D': the rows a rejection accounts for
};

/// Checks, in file order: every line is exactly 100 characters; the first line is a well-formed
/// header from Försäkringskassan to `receiverOrgnr`; only details follow it; the last line is the
/// one trailer; the trailer's count and omfattning sum match the details. A detail whose
/// omfattning is not three digits makes the sum uncheckable and refuses the file too; every other
/// detail fault is left to readDetail() (quarantined on its own, still counted and summed).
class BatchFileCheck {
public:
    explicit BatchFileCheck(std::string receiverOrgnr);

    void add(const Line& line);
    /// After the last line. The checker is spent afterwards.
    FileVerdict finish();

private:
    void fail(std::string code, std::int64_t line, std::string reason);
    void checkHeader(const Line& line);
    void checkDetail(const Line& line);
    void checkTrailer(const Line& line);

    std::string receiverOrgnr_;
    FileVerdict verdict_;
    std::int64_t lines_ = 0;
    std::int64_t omfattningSum_ = 0;
    std::optional<Trailer> trailer_;
    std::int64_t trailerLine_ = 0;
    char lastKind_ = 0;
};

}  // namespace finsam::connectors::fk_fixed
