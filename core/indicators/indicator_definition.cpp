// core/indicators/indicator_definition.cpp — JSON definition → IndicatorDefinition, schema-checked.
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/indicator_definition.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "core/common/embedded_file.h"
#include "core/common/json.h"
#include "core/config/config_loader.h"

namespace finsam::indicators {
namespace {

const rapidjson::Document& schema() {
    static const rapidjson::Document document = [] {
        rapidjson::Document parsed;
        const auto text = config::schemaText("indicator.schema.json");
        parsed.Parse(text.data(), text.size());
        return parsed;
    }();
    return document;
}

Conditions conditions(const rapidjson::Value& parent, const char* name) {
    Conditions out;
    if (!parent.HasMember(name)) return out;
    for (const auto& item : parent[name].GetArray()) {
        Condition condition{item["field"].GetString(), {}};
        for (const auto& value : item["in"].GetArray()) condition.values.emplace_back(value.GetString());
        out.push_back(std::move(condition));
    }
    return out;
}

std::vector<std::string> strings(const rapidjson::Value& parent, const char* name) {
    std::vector<std::string> out;
    if (parent.HasMember(name)) {
        for (const auto& value : parent[name].GetArray()) out.emplace_back(value.GetString());
    }
    return out;
}

}  // namespace

IndicatorDefinition parseIndicatorDefinition(const std::string& text, const std::string& file) {
    rapidjson::Document document;
    common::JsonError error;
    if (!common::parseJson(text, document, error)) {
        throw std::runtime_error(file + ":" + std::to_string(error.line) + ":" + std::to_string(error.column) + ": " +
                                 error.reason);
    }
    auto violations = common::validateAgainstSchema(schema(), document);
    if (!violations.empty()) {
        throw std::runtime_error(config::formatProblem(file, violations[0].pointer, violations[0].reason));
    }
    IndicatorDefinition d;
    d.file = file;
    d.indicator = document["indicator"].GetString();
    d.version = document["version"].GetInt();
    d.scope = document["scope"].GetString();
    d.title = document["title"].GetString();
    d.unit = document["unit"].GetString();
    d.periodRule = document["population"]["period"].GetString();
    d.population = conditions(document["population"], "where");
    if (document.HasMember("numerator")) {
        d.isShare = true;
        d.numerator = conditions(document["numerator"], "where");
    }
    d.dimensions = strings(document, "dimensions");
    if (document.HasMember("distributions")) {
        for (const auto& item : document["distributions"].GetArray()) {
            d.distributions.push_back({item["dimension"].GetString(), conditions(item, "where")});
        }
    }
    if (document.HasMember("comparison")) {
        const auto& c = document["comparison"];
        d.hasComparison = true;
        d.comparison = {c["category"].GetString(), conditions(c, "where"), conditions(c, "outcome"),
                        strings(c, "strata")};
    }
    if (d.dimensions.empty() && d.distributions.empty()) {
        throw std::runtime_error(file + ": /: an indicator needs dimensions or distributions");
    }
    return d;
}

std::vector<IndicatorDefinition> loadIndicatorDefinitions(const std::string& localDir) {
    std::vector<IndicatorDefinition> definitions;
    std::set<std::string> names;
    for (const auto& file : common::embeddedIndicators()) {
        auto d = parseIndicatorDefinition(std::string(file.content), "config/indicators/core/" + std::string(file.name));
        names.insert(d.indicator);
        definitions.push_back(std::move(d));
    }
    if (localDir.empty()) return definitions;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(localDir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        auto d = parseIndicatorDefinition(common::readTextFile(path.string()), path.string());
        if (d.scope != "local") {
            throw std::runtime_error(path.string() + ": /scope: a förbund's own indicator must say \"local\"");
        }
        if (!names.insert(d.indicator).second) {
            throw std::runtime_error(path.string() + ": /indicator: \"" + d.indicator +
                                     "\" is already defined; local indicators live beside the core, never replace it");
        }
        definitions.push_back(std::move(d));
    }
    return definitions;
}

}  // namespace finsam::indicators
