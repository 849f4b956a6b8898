// plugins/mapped-csv/src/settings_reader.cpp — schema first, then one reader per settings section.
// SPDX-License-Identifier: Apache-2.0
#include "settings_reader.h"

#include "mapping_rules.h"
#include "safe_message.h"
#include "schema_validation.h"

namespace finsam::connectors::mapped_csv {

namespace fs = std::filesystem;
namespace tk = sdk::toolkit;

namespace {

using rapidjson::Value;

std::string stringOr(const Value& object, const char* name, std::string fallback) {
    const auto member = object.FindMember(name);
    return member == object.MemberEnd() ? fallback : std::string(member->value.GetString());
}

// Separator and quote end up as single bytes in the CSV reader; line breaks always end a record.
bool usableSyntaxCharacter(const std::string& text) {
    return text.size() == 1 && static_cast<unsigned char>(text[0]) < 0x80 && text[0] != '\r' &&
           text[0] != '\n';
}

tk::Charset charsetOf(const std::string& name) {
    if (name == "windows-1252") {
        return tk::Charset::kWindows1252;
    }
    return name == "iso-8859-1" ? tk::Charset::kLatin1 : tk::Charset::kUtf8;
}

void readSeparatorAndQuote(const Value& syntax, Syntax& out, std::vector<std::string>& problems) {
    const std::string separator = stringOr(syntax, "separator", ",");
    const std::string quote = stringOr(syntax, "quote", "\"");
    if (!usableSyntaxCharacter(separator)) {
        problems.emplace_back(
            "/syntax/separator: must be one ASCII character other than a line break");
    }
    if (!usableSyntaxCharacter(quote)) {
        problems.emplace_back("/syntax/quote: must be one ASCII character other than a line break");
    } else if (quote == separator) {
        problems.emplace_back("/syntax/quote: must differ from the separator");
    }
    out.separator = separator.empty() ? ',' : separator[0];
    out.quote = quote.empty() ? '"' : quote[0];
}

void readValueSyntax(const Value& syntax, Syntax& out, std::vector<std::string>& problems) {
    const std::string layout = stringOr(syntax, "date_format", "YYYY-MM-DD");
    if (auto format = DateFormat::parse(layout)) {
        out.dateFormat = *format;
    } else {
        problems.push_back("/syntax/date_format: " + tk::quoteForMessage(layout) +
                           " is not a layout of YYYY, MM and DD once each, separated by nothing, "
                           "'-', '/', '.' or ' ' (e.g. YYYY-MM-DD, YYYYMMDD, DD/MM/YYYY)");
    }
    out.numberFormat.decimalMark = stringOr(syntax, "decimal_mark", ",")[0];
    out.numberFormat.thousandsSeparator = stringOr(syntax, "thousands_separator", "");
    if (out.numberFormat.thousandsSeparator == std::string(1, out.numberFormat.decimalMark)) {
        problems.emplace_back("/syntax/thousands_separator: must differ from /syntax/decimal_mark");
    }
}

Syntax readSyntax(const Value& settings, std::vector<std::string>& problems) {
    static const Value kEmpty(rapidjson::kObjectType);
    const auto member = settings.FindMember("syntax");
    const Value& syntax = member == settings.MemberEnd() ? kEmpty : member->value;
    Syntax out;
    out.encoding = charsetOf(stringOr(syntax, "encoding", "utf-8"));
    readSeparatorAndQuote(syntax, out, problems);
    out.header = !syntax.HasMember("header") || syntax["header"].GetBool();
    if (syntax.HasMember("column_count")) {
        out.columnCount = syntax["column_count"].GetInt();
        if (out.header) {
            problems.emplace_back(
                "/syntax/column_count: only without a header (with one, the header gives the "
                "width)");
        }
    } else if (!out.header) {
        problems.emplace_back(
            "/syntax/column_count: required when /syntax/header is false (the number of fields "
            "every row has)");
    }
    out.skipLines = syntax.HasMember("skip_lines") ? syntax["skip_lines"].GetInt64() : 0;
    readValueSyntax(syntax, out, problems);
    return out;
}

std::optional<ValueMatch> readMatch(const Value& parent, const char* name,
                                    const std::string& pointer, const Syntax& syntax,
                                    std::vector<std::string>& problems) {
    const auto member = parent.FindMember(name);
    if (member == parent.MemberEnd()) {
        return std::nullopt;
    }
    ValueMatch match;
    match.column = readColumn(member->value["column"], pointer + "/column", syntax, problems);
    for (const auto& value : member->value["values"].GetArray()) {
        match.values.emplace_back(value.GetString());
    }
    return match;
}

void readKey(const Value& settings, Settings& out, std::vector<std::string>& problems) {
    const auto& key = settings["key"];
    const auto& columns = key["columns"];
    for (rapidjson::SizeType i = 0; i < columns.Size(); ++i) {
        out.keyColumns.push_back(
            readColumn(columns[i], "/key/columns/" + std::to_string(i), out.syntax, problems));
    }
    out.keySeparator = stringOr(key, "separator", "/");
}

void readChange(const Value& settings, Settings& out, std::vector<std::string>& problems) {
    const auto& change = settings["change"];
    out.mode = std::string(change["mode"].GetString()) == "append" ? ChangeMode::kAppend
                                                                   : ChangeMode::kSnapshot;
    out.deleteWhen = readMatch(change, "delete_when", "/change/delete_when", out.syntax, problems);
    if (out.deleteWhen && out.mode != ChangeMode::kAppend) {
        problems.emplace_back(
            "/change/delete_when: only with mode append (a snapshot deletes by leaving rows out)");
    }
}

// An identity must never become a key (keys are stored and shown in clear) and an anonymity rule
// that drops no identity is a mistake in the mapping.
void checkIdentityRules(const Settings& settings, std::vector<std::string>& problems) {
    bool anyIdentity = false;
    for (const auto& mapping : settings.fields) {
        if (!mapping.identity() || !mapping.column) {
            continue;
        }
        anyIdentity = true;
        for (std::size_t i = 0; i < settings.keyColumns.size(); ++i) {
            const auto& key = settings.keyColumns[i];
            if (key.name == mapping.column->name && key.number == mapping.column->number) {
                problems.push_back("/key/columns/" + std::to_string(i) + ": " + key.label() +
                                   " holds the identity field " + mapping.field +
                                   "; a key is stored in clear, use the source's own id");
            }
        }
    }
    if (settings.dropIdentityWhen && !anyIdentity) {
        problems.emplace_back(
            "/drop_identity_when: no field maps an identity, so nothing would be dropped");
    }
}

fs::path resolveDropDir(const std::string& dropDir, const std::string& configDir) {
    fs::path path(dropDir);
    return (path.is_relative() && !configDir.empty() ? fs::path(configDir) / path : path)
        .lexically_normal();
}

}  // namespace

std::optional<Settings> readSettings(const std::string& settingsJson, const std::string& configDir,
                                     std::vector<std::string>& problems) {
    rapidjson::Document document;
    if (document.Parse(settingsJson.c_str()).HasParseError() || !document.IsObject()) {
        problems.emplace_back("/: settings are not a JSON object");
        return std::nullopt;
    }
    if (auto violations = validateAgainstSchema(document); !violations.empty()) {
        problems.insert(problems.end(), violations.begin(), violations.end());
        return std::nullopt;
    }
    const std::size_t before = problems.size();
    Settings settings;
    settings.dropDir = resolveDropDir(document["drop_dir"].GetString(), configDir);
    settings.filePattern = stringOr(document, "file_pattern", "*.csv");
    if (settings.filePattern.find('/') != std::string::npos) {
        problems.emplace_back("/file_pattern: a file name pattern, without '/'");
    }
    settings.syntax = readSyntax(document, problems);
    settings.entity = document["entity"].GetString();
    const CanonicalEntity* entity = findCanonicalEntity(settings.entity);
    if (entity == nullptr) {
        problems.push_back("/entity: " + tk::quoteForMessage(settings.entity) +
                           " is not a canonical entity");
        return std::nullopt;
    }
    readKey(document, settings, problems);
    readChange(document, settings, problems);
    settings.dropIdentityWhen =
        readMatch(document, "drop_identity_when", "/drop_identity_when", settings.syntax, problems);
    settings.fields = readFieldMappings(document["fields"], *entity, readValueTables(document),
                                        settings.syntax, problems);
    checkIdentityRules(settings, problems);
    if (problems.size() != before) {
        return std::nullopt;
    }
    return settings;
}

}  // namespace finsam::connectors::mapped_csv
