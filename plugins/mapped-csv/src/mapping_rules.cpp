// plugins/mapped-csv/src/mapping_rules.cpp — a mapping that check() accepts cannot fail the host's
// schema on every row.
// SPDX-License-Identifier: Apache-2.0
#include "mapping_rules.h"

#include <algorithm>
#include <set>

#include "safe_message.h"
#include "value_syntax.h"

namespace finsam::connectors::mapped_csv {

namespace tk = sdk::toolkit;

namespace {

using rapidjson::Value;

struct ConversionName {
    Conversion conversion;
    std::string_view name;
};

constexpr ConversionName kConversions[] = {{Conversion::kText, "text"},
                                           {Conversion::kDate, "date"},
                                           {Conversion::kInteger, "integer"},
                                           {Conversion::kDecimal, "decimal"},
                                           {Conversion::kDecimalToInteger, "decimal_to_integer"}};

Conversion conversionNamed(std::string_view name) {
    for (const auto& c : kConversions) {
        if (c.name == name) {
            return c.conversion;
        }
    }
    return Conversion::kText;
}

Conversion defaultConversion(ValueKind kind) {
    switch (kind) {
        case ValueKind::kDate:
            return Conversion::kDate;
        case ValueKind::kYear:
        case ValueKind::kInteger:
            return Conversion::kInteger;
        case ValueKind::kDecimal:
            return Conversion::kDecimal;
        default:
            return Conversion::kText;
    }
}

// The conversions whose output the host can take for a field of `kind`.
bool suits(Conversion conversion, ValueKind kind) {
    switch (kind) {
        case ValueKind::kText:
            return true;
        case ValueKind::kDate:
            return conversion == Conversion::kDate;
        case ValueKind::kYear:
        case ValueKind::kInteger:
            return conversion == Conversion::kInteger ||
                   conversion == Conversion::kDecimalToInteger;
        case ValueKind::kDecimal:
            return conversion == Conversion::kDecimal || conversion == Conversion::kInteger ||
                   conversion == Conversion::kDecimalToInteger;
        default:
            return conversion == Conversion::kText;  // codes, booleans and identities are text
    }
}

// RFC 6901: a table key like "Högskola/universitet" is one pointer token.
std::string pointerToken(const std::string& key) {
    std::string token;
    for (char c : key) {
        token += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    }
    return token;
}

class FieldReader {
public:
    FieldReader(const CanonicalEntity& entity, const NamedTables& tables, const Syntax& syntax,
                std::vector<std::string>& problems)
        : entity_(entity), tables_(tables), syntax_(syntax), problems_(problems) {}

    std::optional<FieldMapping> read(const Value& item, const std::string& pointer);

private:
    void fail(const std::string& pointer, const std::string& reason) {
        problems_.push_back(pointer + ": " + reason);
    }
    void readSource(const Value& item, const std::string& pointer, FieldMapping& out);
    void readConversion(const Value& item, const std::string& pointer, FieldMapping& out);
    void readTable(const Value& item, const std::string& pointer, FieldMapping& out);
    void checkTable(const ValueTable& table, const std::string& tablePointer,
                    const std::string& usedBy, const FieldMapping& out);
    void readList(const Value& item, const std::string& pointer, FieldMapping& out);
    std::string qualified(const FieldMapping& out) const {
        return std::string(entity_.name) + "." + out.field;
    }

    const CanonicalEntity& entity_;
    const NamedTables& tables_;
    const Syntax& syntax_;
    std::vector<std::string>& problems_;
    std::set<std::pair<std::string, std::string_view>> checkedTables_;  ///< (table, field) pairs
};

std::optional<FieldMapping> FieldReader::read(const Value& item, const std::string& pointer) {
    FieldMapping out;
    out.field = item["field"].GetString();
    const CanonicalField* spec = entity_.field(out.field);
    if (spec == nullptr) {
        fail(pointer + "/field", tk::quoteForMessage(out.field) + " is not a field of " +
                                     std::string(entity_.name) +
                                     " (its fields: " + entity_.fieldNames() + ")");
        return std::nullopt;
    }
    out.spec = *spec;
    out.required = item.HasMember("required") ? item["required"].GetBool() : spec->required;
    readSource(item, pointer, out);
    if (out.constant) {
        return out;  // already canonical: no conversion, table or list applies
    }
    readConversion(item, pointer, out);
    readTable(item, pointer, out);
    readList(item, pointer, out);
    return out;
}

void FieldReader::readSource(const Value& item, const std::string& pointer, FieldMapping& out) {
    const bool hasColumn = item.HasMember("column");
    const bool hasConstant = item.HasMember("constant");
    if (hasColumn == hasConstant) {
        fail(pointer, hasColumn ? "give a column or a constant, not both"
                                : "no column (and no constant) for " + qualified(out));
        return;
    }
    if (hasColumn) {
        out.column = readColumn(item["column"], pointer + "/column", syntax_, problems_);
        return;
    }
    out.constant = item["constant"].GetString();
    for (const char* other : {"type", "value_table", "list_separator"}) {
        if (item.HasMember(other)) {
            fail(pointer + "/" + other, "not with a constant (a constant is already canonical)");
        }
    }
    if (auto problem = canonicalValueProblem(out.spec, *out.constant); !problem.empty()) {
        fail(pointer + "/constant", tk::quoteForMessage(*out.constant) + " " + problem);
    }
}

void FieldReader::readConversion(const Value& item, const std::string& pointer, FieldMapping& out) {
    out.conversion = item.HasMember("type") ? conversionNamed(item["type"].GetString())
                                            : defaultConversion(out.spec.kind);
    if (!suits(out.conversion, out.spec.kind)) {
        std::string reason = tk::quoteForMessage(item["type"].GetString());
        reason += " does not suit " + qualified(out) + "; leave type out for its default";
        fail(pointer + "/type", reason);
    }
}

void FieldReader::readTable(const Value& item, const std::string& pointer, FieldMapping& out) {
    if (!item.HasMember("value_table")) {
        return;
    }
    const auto& table = item["value_table"];
    if (out.identity()) {
        fail(pointer + "/value_table", "an identity is passed as sent, never through a table");
        return;
    }
    if (table.IsString()) {
        out.tableName = table.GetString();
        const auto named = tables_.find(out.tableName);
        if (named == tables_.end()) {
            fail(pointer + "/value_table",
                 "no table " + tk::quoteForMessage(out.tableName) + " in /value_tables");
            return;
        }
        out.table = named->second;
        checkTable(*out.table, "/value_tables/" + pointerToken(out.tableName), pointer, out);
        return;
    }
    auto inlineTable = std::make_shared<ValueTable>();
    for (const auto& entry : table.GetObject()) {
        inlineTable->emplace(entry.name.GetString(), entry.value.GetString());
    }
    out.table = inlineTable;
    checkTable(*out.table, pointer + "/value_table", "", out);
}

void FieldReader::checkTable(const ValueTable& table, const std::string& tablePointer,
                             const std::string& usedBy, const FieldMapping& out) {
    if (!checkedTables_
             .emplace(tablePointer, out.spec.codeList.empty() ? out.spec.name : out.spec.codeList)
             .second) {
        return;  // one report per table and code list, however many fields share it
    }
    for (const auto& [source, canonical] : table) {
        const auto problem = canonicalValueProblem(out.spec, canonical);
        if (problem.empty()) {
            continue;
        }
        // A source value is the partner's text: never put one that could be an identity in a
        // pointer.
        const std::string at =
            tk::mayHoldIdentity(source) ? tablePointer : tablePointer + "/" + pointerToken(source);
        fail(at, tk::quoteForMessage(canonical) + " " + problem + " (needed by " + qualified(out) +
                     (usedBy.empty() ? "" : " at " + usedBy) + ")");
    }
}

void FieldReader::readList(const Value& item, const std::string& pointer, FieldMapping& out) {
    if (!item.HasMember("list_separator")) {
        return;
    }
    const std::string separator = item["list_separator"].GetString();
    if (!out.spec.list) {
        fail(pointer + "/list_separator", qualified(out) + " is not a list field");
    } else if (separator.size() != 1 || static_cast<unsigned char>(separator[0]) >= 0x80) {
        fail(pointer + "/list_separator", "must be one ASCII character");
    } else {
        out.listSeparator = separator[0];
    }
}

}  // namespace

ColumnRef readColumn(const Value& value, const std::string& pointer, const Syntax& syntax,
                     std::vector<std::string>& problems) {
    ColumnRef ref;
    if (value.IsString()) {
        ref.name = std::string(tk::trim(value.GetString()));
        if (!syntax.header) {
            problems.push_back(pointer + ": " + ref.label() +
                               " is a header name, but /syntax/header is false: give the column's "
                               "1-based number");
        }
        return ref;
    }
    ref.number = value.IsInt() ? value.GetInt() : 1;
    if (syntax.header) {
        problems.push_back(pointer + ": " + ref.label() +
                           " is a number, but the file has a header: give the header name");
    } else if (ref.number > syntax.columnCount) {
        problems.push_back(pointer + ": " + ref.label() + " is beyond /syntax/column_count (" +
                           std::to_string(syntax.columnCount) + ")");
    }
    return ref;
}

NamedTables readValueTables(const Value& settings) {
    NamedTables tables;
    const auto member = settings.FindMember("value_tables");
    if (member == settings.MemberEnd()) {
        return tables;
    }
    for (const auto& named : member->value.GetObject()) {
        auto table = std::make_shared<ValueTable>();
        for (const auto& entry : named.value.GetObject()) {
            table->emplace(entry.name.GetString(), entry.value.GetString());
        }
        tables.emplace(named.name.GetString(), std::move(table));
    }
    return tables;
}

std::vector<FieldMapping> readFieldMappings(const Value& fields, const CanonicalEntity& entity,
                                            const NamedTables& tables, const Syntax& syntax,
                                            std::vector<std::string>& problems) {
    FieldReader reader(entity, tables, syntax, problems);
    std::vector<FieldMapping> mappings;
    std::map<std::string, std::string> firstPointer;
    for (rapidjson::SizeType i = 0; i < fields.Size(); ++i) {
        const std::string pointer = "/fields/" + std::to_string(i);
        auto mapping = reader.read(fields[i], pointer);
        if (!mapping) {
            continue;
        }
        const auto [earlier, first] = firstPointer.emplace(mapping->field, pointer);
        if (!first && !mapping->spec.list) {
            problems.push_back(pointer + "/field: " + std::string(entity.name) + "." +
                               mapping->field + " is already mapped at " + earlier->second +
                               " and is not a list");
        }
        mappings.push_back(std::move(*mapping));
    }
    for (const auto& spec : entity.fields) {
        if (spec.required && firstPointer.count(std::string(spec.name)) == 0) {
            problems.push_back("/fields: " + std::string(entity.name) + "." +
                               std::string(spec.name) +
                               " is required by the canonical schema but not mapped");
        }
    }
    return mappings;
}

}  // namespace finsam::connectors::mapped_csv
