// core/link/eligibility.h — FINSAM eligibility: "aktuell hos minst två parter", answerable only for linked persons.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <string>

#include "core/store/database.h"

namespace finsam::link {

/// The organisations at which the person was aktuell on `date` (ISO YYYY-MM-DD): a participation or a benefit
/// period covering the day, at the person's own organisation or at one it was linked to on that day.
/// Unlinked records of other organisations are never consulted: that would be a link through the back door.
std::set<std::string> aktuellHos(store::Database& database, const std::string& personKey, const std::string& date);

/// FINSAM eligibility on `date`: aktuell hos minst två parter.
inline bool eligible(const std::set<std::string>& parties) { return parties.size() >= 2; }

}  // namespace finsam::link
