// connectors/fk-fixed/src/record_layout.h — fk-fixed.md "Records": where each field sits on a line.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace finsam::connectors::fk_fixed {

/// fk-fixed.md "Encoding and syntax": every line is exactly this many characters (ISO-8859-1, so
/// also this many bytes), not counting the LF.
inline constexpr std::size_t kLineLength = 100;

/// One field: 1-based first position and length, exactly as the spec's tables give them.
struct Slot {
    std::size_t position;
    std::size_t length;

    /// The 1-based column reported in fields and problems.
    std::int32_t column() const { return static_cast<std::int32_t>(position); }
};

/// The field's characters; `line` must be kLineLength long (checked before any slot is read).
inline std::string_view slice(std::string_view line, Slot slot) {
    return line.substr(slot.position - 1, slot.length);
}

inline constexpr char kHeaderKind = 'H';
inline constexpr char kDetailKind = 'D';
inline constexpr char kTrailerKind = 'T';

namespace header {
inline constexpr Slot kSender{2, 10};
inline constexpr Slot kCreated{12, 14};
inline constexpr Slot kBatch{26, 8};
inline constexpr Slot kReceiver{34, 10};
inline constexpr Slot kFiller{44, 57};
}  // namespace header

namespace detail {
inline constexpr Slot kPersonnummer{2, 12};
inline constexpr Slot kFormanskod{14, 3};
inline constexpr Slot kOmfattning{17, 3};
inline constexpr Slot kFrom{20, 8};
inline constexpr Slot kTom{28, 8};
inline constexpr Slot kArendeId{36, 16};
inline constexpr Slot kAndringskod{52, 1};
inline constexpr Slot kSkydd{53, 1};
inline constexpr Slot kFiller{54, 47};
}  // namespace detail

namespace trailer {
inline constexpr Slot kCount{2, 9};
inline constexpr Slot kSum{11, 12};
inline constexpr Slot kFiller{23, 78};
}  // namespace trailer

/// Försäkringskassan's own organisationsnummer, the only sender (fk-fixed.md, header pos 2-11).
inline constexpr std::string_view kFkOrganisationsnummer = "2021005521";

}  // namespace finsam::connectors::fk_fixed
