// plugins/mapped-csv/src/date_format.h — a partner's date layout (YYYYMMDD, DD/MM/YYYY, ...) to ISO
// dates.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace finsam::connectors::mapped_csv {

/// A fixed-width date layout: YYYY, MM and DD once each, in any order, separated by nothing or by
/// '-', '/', '.' or ' '. Digits must be exactly as wide as their token ("2019-6-1" is refused).
class DateFormat {
public:
    /// The default, YYYY-MM-DD.
    DateFormat();

    /// nullopt when `layout` is not such a layout.
    static std::optional<DateFormat> parse(std::string_view layout);

    /// `text` as canonical YYYY-MM-DD, or nullopt when it does not follow the layout or is not a
    /// real calendar date.
    std::optional<std::string> toIso(std::string_view text) const;

    const std::string& layout() const { return layout_; }

private:
    explicit DateFormat(std::string layout);

    std::string layout_;
};

}  // namespace finsam::connectors::mapped_csv
