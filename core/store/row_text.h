// core/store/row_text.h — one cell of a SOCI row as text, whatever its backend type ("" for NULL).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <soci/soci.h>

#include <string>

namespace finsam::store {

/// SQLite and PostgreSQL report integer columns as different SOCI types; callers that only need text use this.
std::string cellText(const soci::row& row, std::size_t index);

}  // namespace finsam::store
