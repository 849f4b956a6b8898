// tests/generator/forbund_display.h — the förbund sheet's Swedish display texts (forbund-csv.md).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world.h"

#include <string>
#include <vector>

namespace finsam::generator::forbund {

const char* display(Kon value);
const char* display(Utbildning value);
const char* display(Ersattning value);
const char* display(TidOffentlig value);
const char* display(Sysselsattning value);
const char* display(Avslut value);
const char* display(Aktor value);  ///< as Huvudman or Remitterande aktör
const char* display(Inriktning value);
const char* display(Uppfoljning value);
const char* display(Malgrupp value);
const char* display(
    ConsentCategory value);  ///< the codes themselves: the sheet stores categories as codes
const char* display(ConsentPurpose value);

/// Display texts of a list, joined with ';'.
template <typename T>
std::string displayList(const std::vector<T>& values) {
    std::string joined;
    for (const T& value : values) {
        if (!joined.empty()) {
            joined += ';';
        }
        joined += display(value);
    }
    return joined;
}

}  // namespace finsam::generator::forbund
