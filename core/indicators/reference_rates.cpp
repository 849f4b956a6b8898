// core/indicators/reference_rates.cpp — schema first, then what a schema cannot say (strata agree with the
// definition, outcome ≤ population, no stratum twice).
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/reference_rates.h"

#include <stdexcept>

#include "core/common/json.h"
#include "core/config/config_loader.h"

namespace finsam::indicators {
namespace {

const rapidjson::Document& schema() {
    static const rapidjson::Document document = [] {
        rapidjson::Document parsed;
        const auto text = config::schemaText("reference-rates.schema.json");
        parsed.Parse(text.data(), text.size());
        return parsed;
    }();
    return document;
}

}  // namespace

std::string stratumKey(const std::vector<std::string>& categories) {
    std::string key;
    for (const auto& category : categories) key += category + "/";
    return key;
}

ReferenceRates loadReferenceRates(const std::string& file, const std::vector<IndicatorDefinition>& definitions) {
    const rapidjson::Document document = common::readJsonFile(file);
    const auto violations = common::validateAgainstSchema(schema(), document);
    if (!violations.empty()) {
        throw std::runtime_error(config::formatProblem(file, violations[0].pointer, violations[0].reason));
    }
    ReferenceRates rates;
    for (const auto& [nameValue, table] : document["indicators"].GetObject()) {
        const std::string name = nameValue.GetString();
        const std::string at = file + ": /indicators/" + name;
        const IndicatorDefinition* definition = nullptr;
        for (const auto& d : definitions) {
            if (d.indicator == name) definition = &d;
        }
        if (definition == nullptr || !definition->hasComparison) {
            throw std::runtime_error(at + ": no indicator \"" + name + "\" with a comparison");
        }
        std::vector<std::string> strata;
        for (const auto& field : table["strata"].GetArray()) strata.emplace_back(field.GetString());
        if (strata != definition->comparison.strata) {
            std::string expected;
            for (const auto& field : definition->comparison.strata) expected += (expected.empty() ? "" : ", ") + field;
            throw std::runtime_error(at + "/strata: must be the indicator's comparison strata: " + expected);
        }
        auto& out = rates[name];
        const auto& items = table["rates"].GetArray();
        for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
            const std::string itemAt = at + "/rates/" + std::to_string(i);
            std::vector<std::string> categories;
            for (const auto& category : items[i]["stratum"].GetArray()) categories.emplace_back(category.GetString());
            if (categories.size() != strata.size()) {
                throw std::runtime_error(itemAt + "/stratum: needs one category for each of the " +
                                         std::to_string(strata.size()) + " strata");
            }
            const std::int64_t population = items[i]["population"].GetInt64();
            const std::int64_t outcome = items[i]["outcome"].GetInt64();
            if (outcome > population) {
                throw std::runtime_error(itemAt + "/outcome: is larger than population");
            }
            if (!out.emplace(stratumKey(categories), StratumCounts{population, outcome}).second) {
                throw std::runtime_error(itemAt + "/stratum: this stratum is listed twice");
            }
        }
    }
    return rates;
}

}  // namespace finsam::indicators
