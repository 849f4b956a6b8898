// connectors/fk-fixed/src/batch_file_check.cpp — the whole-file rules, first fault wins.
// SPDX-License-Identifier: Apache-2.0
#include "batch_file_check.h"

#include "field_syntax.h"
#include "message_text.h"
#include "record_layout.h"
#include "safe_message.h"

namespace finsam::connectors::fk_fixed {

namespace {

// What an operator most likely did when a line has the wrong length.
std::string lengthHint(const Line& line) {
    if (line.length == kLineLength + 1 && !line.text.empty() && line.text.back() == '\r') {
        return " (it ends in CR: the file has CRLF line endings, the spec says LF)";
    }
    if (line.length > kLineLength && !isAscii(line.text)) {
        return " (it holds non-ASCII bytes: saved as UTF-8, two bytes per å, ä or ö, instead of "
               "ISO-8859-1?)";
    }
    return "";
}

std::string kindName(char kind) {
    switch (kind) {
        case kHeaderKind:
            return "a header";
        case kDetailKind:
            return "a detail record";
        case kTrailerKind:
            return "a trailer";
        default:
            return "record type " +
                   sdk::toolkit::quoteForMessage(latin1ToUtf8(std::string_view(&kind, 1)));
    }
}

}  // namespace

BatchFileCheck::BatchFileCheck(std::string receiverOrgnr)
    : receiverOrgnr_(std::move(receiverOrgnr)) {}

void BatchFileCheck::fail(std::string code, std::int64_t line, std::string reason) {
    if (!verdict_.fault) {
        verdict_.fault = FileFault{std::move(code), line, std::move(reason)};
    }
}

void BatchFileCheck::add(const Line& line) {
    ++lines_;
    const char kind = line.text.empty() ? '\0' : line.text.front();
    if (kind == kDetailKind) {
        ++verdict_.detailLines;  // counted even after a fault: a rejection reports every row
    }
    if (verdict_.fault) {
        return;
    }
    if (line.length != kLineLength) {
        fail("line_length", line.number,
             "line has " + std::to_string(line.length) +
                 " characters (bytes), every line must have exactly 100" + lengthHint(line));
        return;
    }
    if (line.number == 1) {
        checkHeader(line);
    } else if (trailer_) {
        fail("out_of_order", line.number,
             kindName(kind) + " follows the trailer (line " + std::to_string(trailerLine_) +
                 "), which must be the last line");
    } else if (kind == kDetailKind) {
        checkDetail(line);
    } else if (kind == kTrailerKind) {
        checkTrailer(line);
    } else {
        fail("out_of_order", line.number,
             kindName(kind) + " where only detail records or the trailer may stand");
    }
    lastKind_ = kind;
}

void BatchFileCheck::checkHeader(const Line& line) {
    const char kind = line.text.front();
    if (kind != kHeaderKind) {
        fail("missing_header", line.number,
             "the first line is " + kindName(kind) + ", not the header");
        return;
    }
    std::string reason;
    verdict_.header = readHeader(line.text, reason);
    if (!verdict_.header) {
        fail("bad_header", line.number, "the header is malformed: " + reason);
    } else if (verdict_.header->sender != kFkOrganisationsnummer) {
        fail("wrong_sender", line.number,
             "the sender (positions 2-11) is not Försäkringskassan's organisationsnummer");
    } else if (verdict_.header->receiver != receiverOrgnr_) {
        fail("wrong_receiver", line.number,
             "the file is for another receiver: positions 34-43 do not hold this förbund's "
             "organisationsnummer (settings.receiver_orgnr)");
    }
}

void BatchFileCheck::checkDetail(const Line& line) {
    const auto omfattning = parseCount(slice(line.text, detail::kOmfattning));
    if (!omfattning) {
        fail("bad_omfattning", line.number,
             "omfattning (positions 17-19) is not three digits, so the trailer's sum cannot be "
             "checked");
        return;
    }
    omfattningSum_ += *omfattning;
}

void BatchFileCheck::checkTrailer(const Line& line) {
    std::string reason;
    trailer_ = readTrailer(line.text, reason);
    trailerLine_ = line.number;
    if (!trailer_) {
        fail("bad_trailer", line.number, "the trailer is malformed: " + reason);
        trailer_ = Trailer{};  // still the trailer: a record after it is out of order
    }
}

FileVerdict BatchFileCheck::finish() {
    if (lines_ == 0) {
        fail("missing_header", 0, "the file is empty: no header");
    } else if (!trailer_) {
        fail("missing_trailer", lines_,
             "no trailer: the last line is " + kindName(lastKind_) + ", not the trailer");
    } else if (trailer_->detailCount != verdict_.detailLines) {
        fail("count_mismatch", trailerLine_,
             "the trailer counts " + numberForMessage(trailer_->detailCount) +
                 " detail records, the file holds " + numberForMessage(verdict_.detailLines));
    } else if (trailer_->omfattningSum != omfattningSum_) {
        fail("sum_mismatch", trailerLine_,
             "the trailer sums omfattning to " + numberForMessage(trailer_->omfattningSum) +
                 ", the detail records sum to " + numberForMessage(omfattningSum_));
    }
    return std::move(verdict_);
}

}  // namespace finsam::connectors::fk_fixed
