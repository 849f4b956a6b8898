// core/model/code_lists.h — the canonical code lists of codes.md. Partner codes map onto these through config.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

namespace finsam::model {

/// The codes of canonical list `list`, or nullptr when there is no such list.
const std::vector<std::string_view>* codeList(std::string_view list);

/// True when `code` belongs to canonical list `list`.
bool isCanonicalCode(std::string_view list, std::string_view code);

}  // namespace finsam::model
