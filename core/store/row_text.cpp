// core/store/row_text.cpp — the SOCI data types our schema produces, as text.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/row_text.h"

namespace finsam::store {

std::string cellText(const soci::row& row, std::size_t index) {
    if (row.get_indicator(index) == soci::i_null) {
        return "";
    }
    switch (row.get_properties(index).get_data_type()) {
        case soci::dt_string: return row.get<std::string>(index);
        case soci::dt_integer: return std::to_string(row.get<int>(index));
        case soci::dt_long_long: return std::to_string(row.get<long long>(index));
        case soci::dt_unsigned_long_long: return std::to_string(row.get<unsigned long long>(index));
        case soci::dt_double: return std::to_string(row.get<double>(index));
        default: return "";
    }
}

}  // namespace finsam::store
