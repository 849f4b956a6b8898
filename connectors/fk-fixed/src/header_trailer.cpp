// connectors/fk-fixed/src/header_trailer.cpp — shape checks of the header and trailer fields.
// SPDX-License-Identifier: Apache-2.0
#include "header_trailer.h"

#include "field_syntax.h"
#include "record_layout.h"

namespace finsam::connectors::fk_fixed {

namespace {

// YYYYMMDDhhmmss with a real date and a real time of day.
bool isTimestamp(std::string_view text) {
    if (text.size() != 14 || !allDigits(text) || !isoFromCompactDate(text.substr(0, 8))) {
        return false;
    }
    const auto hour = *parseCount(text.substr(8, 2));
    const auto minute = *parseCount(text.substr(10, 2));
    const auto second = *parseCount(text.substr(12, 2));
    return hour < 24 && minute < 60 && second < 61;  // 60: a leap second
}

}  // namespace

std::optional<Header> readHeader(std::string_view line, std::string& reason) {
    Header header;
    const auto sender = slice(line, header::kSender);
    const auto created = slice(line, header::kCreated);
    const auto batch = slice(line, header::kBatch);
    const auto receiver = slice(line, header::kReceiver);
    if (!allDigits(sender)) {
        reason = "the sender (positions 2-11) is not ten digits";
    } else if (!isTimestamp(created)) {
        reason = "the creation time (positions 12-25) is not YYYYMMDDhhmmss";
    } else if (!allDigits(batch)) {
        reason = "the batch number (positions 26-33) is not eight digits";
    } else if (!allDigits(receiver)) {
        reason = "the receiver (positions 34-43) is not ten digits";
    } else if (!allSpaces(slice(line, header::kFiller))) {
        reason = "positions 44-100 are not blank";
    } else {
        header.sender = std::string(sender);
        header.created = std::string(created);
        header.batch = *parseCount(batch);
        header.receiver = std::string(receiver);
        return header;
    }
    return std::nullopt;
}

std::optional<Trailer> readTrailer(std::string_view line, std::string& reason) {
    const auto count = parseCount(slice(line, trailer::kCount));
    const auto sum = parseCount(slice(line, trailer::kSum));
    if (!count) {
        reason = "the detail count (positions 2-10) is not nine digits";
    } else if (!sum) {
        reason = "the omfattning sum (positions 11-22) is not twelve digits";
    } else if (!allSpaces(slice(line, trailer::kFiller))) {
        reason = "positions 23-100 are not blank";
    } else {
        return Trailer{*count, *sum};
    }
    return std::nullopt;
}

std::optional<Header> peekHeader(std::string_view firstBytes) {
    if (firstBytes.size() < kLineLength || firstBytes.front() != kHeaderKind) {
        return std::nullopt;
    }
    std::string ignored;
    return readHeader(firstBytes.substr(0, kLineLength), ignored);
}

}  // namespace finsam::connectors::fk_fixed
