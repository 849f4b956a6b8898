// core/common/embedded_file.cpp — lookup in the embedded file tables.
// SPDX-License-Identifier: Apache-2.0
#include "core/common/embedded_file.h"

namespace finsam::common {

const EmbeddedFile* findEmbedded(const std::vector<EmbeddedFile>& files, std::string_view name) {
    for (const auto& file : files) {
        if (file.name == name) {
            return &file;
        }
    }
    return nullptr;
}

}  // namespace finsam::common
