// connectors/af-csv/src/af_file_name.h — af_finsam_<forbund-orgnr>_<YYYYMMDD>.csv, and the date it carries.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

namespace finsam::connectors::af_csv {

struct AfFileName {
    std::string orgnr;
    std::string date;  ///< YYYY-MM-DD, the snapshot's file date
};

/// The parts of a complete AF file name, or nullopt (another file, a *.tmp, a bad date).
std::optional<AfFileName> parseAfFileName(const std::string& name);

}  // namespace finsam::connectors::af_csv
