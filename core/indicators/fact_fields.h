// core/indicators/fact_fields.h — the facts an indicator definition can name, and their categories.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/indicators/indicator_definition.h"
#include "core/indicators/participation_facts.h"

namespace finsam::indicators {

/// The categories a participation falls in for `field` (several for list facts such as forsorjning_fore).
std::vector<std::string> fieldValues(const ParticipationFacts& facts, std::string_view field);

/// Every category of `field` in report order, so zero cells are published too; empty when the categories are
/// whatever occurs (huvudman, kommun).
const std::vector<std::string>& fieldCategories(std::string_view field);

/// A participation can be in several categories of this field: its categories do not add up to the total.
bool isListField(std::string_view field);

bool matches(const ParticipationFacts& facts, const Conditions& conditions);

}  // namespace finsam::indicators
