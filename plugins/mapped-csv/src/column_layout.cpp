// plugins/mapped-csv/src/column_layout.cpp — map by name, not position (af-csv.md: "order may
// change").
// SPDX-License-Identifier: Apache-2.0
#include "column_layout.h"

#include <algorithm>

#include "value_syntax.h"

namespace finsam::connectors::mapped_csv {

namespace {

std::string joinedLabels(const std::vector<ColumnRef>& refs) {
    std::string out;
    for (const auto& ref : refs) {
        out += (out.empty() ? "" : ", ") + ref.label();
    }
    return out;
}

void addUnique(std::vector<ColumnRef>& refs, const ColumnRef& ref) {
    const bool known = std::any_of(refs.begin(), refs.end(), [&](const ColumnRef& r) {
        return r.name == ref.name && r.number == ref.number;
    });
    if (!known) {
        refs.push_back(ref);
    }
}

}  // namespace

std::vector<ColumnRef> referencedColumns(const Settings& settings) {
    std::vector<ColumnRef> refs;
    for (const auto& key : settings.keyColumns) {
        addUnique(refs, key);
    }
    for (const auto& mapping : settings.fields) {
        if (mapping.column) {
            addUnique(refs, *mapping.column);
        }
    }
    for (const auto& match : {settings.deleteWhen, settings.dropIdentityWhen}) {
        if (match) {
            addUnique(refs, match->column);
        }
    }
    return refs;
}

std::optional<ColumnLayout> ColumnLayout::fromHeader(const sdk::toolkit::CsvRecord& header,
                                                     const Settings& settings,
                                                     std::string& failure) {
    ColumnLayout layout;
    layout.width_ = header.fields.size();
    std::map<std::string, int, std::less<>> counts;
    for (const auto& cell : header.fields) {
        std::string name(sdk::toolkit::trim(cell.value));
        ++counts[name];
        layout.byName_.emplace(std::move(name), cell.column);
    }
    std::vector<ColumnRef> missing, repeated;
    for (const auto& ref : referencedColumns(settings)) {
        const auto count = counts.find(ref.name);
        if (count == counts.end()) {
            missing.push_back(ref);
        } else if (count->second > 1) {
            repeated.push_back(ref);  // which one was meant cannot be known
        }
    }
    if (!missing.empty()) {
        failure = "header row lacks mapped column(s) " + joinedLabels(missing);
    } else if (!repeated.empty()) {
        failure = "header row repeats mapped column(s) " + joinedLabels(repeated);
    }
    if (!failure.empty()) {
        return std::nullopt;
    }
    return layout;
}

ColumnLayout ColumnLayout::fromColumnCount(const Settings& settings) {
    ColumnLayout layout;
    layout.width_ = static_cast<std::size_t>(settings.syntax.columnCount);
    return layout;
}

std::int32_t ColumnLayout::columnOf(const ColumnRef& ref) const {
    if (!ref.byName()) {
        return ref.number;
    }
    const auto it = byName_.find(ref.name);
    return it == byName_.end() ? 0 : it->second;
}

}  // namespace finsam::connectors::mapped_csv
