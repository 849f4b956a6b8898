// connectors/af-csv/src/af_file_name.cpp — strict parse: anything else in the folder is not an AF file.
// SPDX-License-Identifier: Apache-2.0
#include "af_file_name.h"

#include "value_syntax.h"

namespace finsam::connectors::af_csv {

std::optional<AfFileName> parseAfFileName(const std::string& name) {
    static const std::string kPrefix = "af_finsam_";
    static const std::string kSuffix = ".csv";
    // af_finsam_ + 10 digits + _ + 8 digits + .csv
    if (name.size() != kPrefix.size() + 10 + 1 + 8 + kSuffix.size() || name.rfind(kPrefix, 0) != 0 ||
        name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0 ||
        name[kPrefix.size() + 10] != '_') {
        return std::nullopt;
    }
    const std::string orgnr = name.substr(kPrefix.size(), 10);
    const std::string compact = name.substr(kPrefix.size() + 11, 8);
    if (orgnr.find_first_not_of("0123456789") != std::string::npos ||
        compact.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    std::string date = compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
    if (!sdk::toolkit::isIsoDate(date)) {
        return std::nullopt;
    }
    return AfFileName{orgnr, date};
}

}  // namespace finsam::connectors::af_csv
