// tests/generator/fk_layout.h — FK's fixed-width records (fk-fixed.md): exactly 100 characters.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/calendar.h"

#include <cstdint>
#include <optional>
#include <string>

namespace finsam::generator::fk {

constexpr std::size_t kLineLength = 100;
constexpr const char* kSender = "2021005521";  ///< Försäkringskassan's organisationsnummer

/// One D record, as FK means it.
struct Detail {
    std::string personnummer;  ///< 12 digits
    std::string formanskod;    ///< 3 ISO-8859-1 bytes: SJP, RHP, AKE, SJE (others only as faults)
    int omfattning = 100;
    Date from;
    std::optional<Date> tom;  ///< empty: ongoing (8 spaces)
    std::string arendeId;     ///< 16 characters
    char andring = 'N';       ///< N new, A amendment, M makulering
    bool skyddad = false;     ///< 'S' in position 53
};

/// The header line (without LF): H, sender, created YYYYMMDDhhmmss, batch, receiver.
std::string headerLine(Date created, int hour, int minute, std::int64_t batch,
                       const std::string& receiver);

/// Appends the detail line and its LF to `out`; the hot path of large batches, so no allocation.
void appendDetailLine(std::string& out, const Detail& detail);

/// The detail line without LF.
std::string detailLine(const Detail& detail);

/// The trailer line (without LF): T, detail count, omfattning sum.
std::string trailerLine(std::int64_t count, std::int64_t omfattningSum);

/// The key a period is known by: ärende-id and from date (an A replaces the same key).
std::string periodKey(const Detail& detail);

}  // namespace finsam::generator::fk
