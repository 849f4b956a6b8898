// core/normalise/code_mapping.cpp — loads and checks a code mapping file against the canonical code lists.
// SPDX-License-Identifier: Apache-2.0
#include "core/normalise/code_mapping.h"

#include "core/common/json.h"
#include "core/config/config_loader.h"
#include "core/model/code_lists.h"
#include "core/model/entity_spec.h"

namespace finsam::normalise {

namespace {

// A mapped value must be a code the canonical schema knows, so a typo in config fails at check time.
void checkTarget(const std::string& path, const std::string& entity, const std::string& field,
                 const std::string& tableName, const ValueTable& table, std::vector<std::string>& problems) {
    const auto* spec = model::findEntity(entity);
    const auto* fieldSpec = spec == nullptr ? nullptr : spec->field(field);
    const std::string pointer = "/fields/" + entity + "/" + field;
    if (fieldSpec == nullptr) {
        problems.push_back(config::formatProblem(path, pointer, "no canonical field " + entity + "." + field));
        return;
    }
    for (const auto& [from, to] : table) {
        bool ok = fieldSpec->type == model::FieldType::kBoolean ? (to == "true" || to == "false")
                  : fieldSpec->type == model::FieldType::kCode
                      ? model::isCanonicalCode(fieldSpec->codeList, to)
                      : true;
        if (!ok) {
            problems.push_back(config::formatProblem(path, "/tables/" + tableName + "/" + from,
                                                     "'" + to + "' is not a canonical code for " + entity + "." +
                                                         field));
        }
    }
}

}  // namespace

CodeMapping CodeMapping::load(const std::string& path, std::vector<std::string>& problems) {
    CodeMapping mapping;
    rapidjson::Document document;
    try {
        document = common::readJsonFile(path);
    } catch (const std::exception& e) {
        problems.push_back(config::formatProblem(path, "", e.what()));
        return mapping;
    }
    rapidjson::Document schema;
    auto text = config::schemaText("mapping.schema.json");
    schema.Parse(text.data(), text.size());
    for (const auto& violation : common::validateAgainstSchema(schema, document)) {
        problems.push_back(config::formatProblem(path, violation.pointer, violation.reason));
        return mapping;
    }
    for (const auto& table : document["tables"].GetObject()) {
        auto& values = mapping.tables_[table.name.GetString()];
        for (const auto& entry : table.value.GetObject()) {
            values.emplace(entry.name.GetString(), entry.value.GetString());
        }
    }
    for (const auto& entity : document["fields"].GetObject()) {
        for (const auto& field : entity.value.GetObject()) {
            std::string tableName = field.value.GetString();
            auto table = mapping.tables_.find(tableName);
            if (table == mapping.tables_.end()) {
                problems.push_back(config::formatProblem(
                    path, std::string("/fields/") + entity.name.GetString() + "/" + field.name.GetString(),
                    "no table named " + tableName));
                continue;
            }
            checkTarget(path, entity.name.GetString(), field.name.GetString(), tableName, table->second, problems);
            mapping.fields_[entity.name.GetString()][field.name.GetString()] = tableName;
        }
    }
    return mapping;
}

const std::string& CodeMapping::tableName(const std::string& entity, const std::string& field) const {
    static const std::string kNone;
    auto e = fields_.find(entity);
    if (e == fields_.end()) {
        return kNone;
    }
    auto f = e->second.find(field);
    return f == e->second.end() ? kNone : f->second;
}

const ValueTable* CodeMapping::tableFor(const std::string& entity, const std::string& field) const {
    const auto& name = tableName(entity, field);
    if (name.empty()) {
        return nullptr;
    }
    return &tables_.at(name);
}

}  // namespace finsam::normalise
