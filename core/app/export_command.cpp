// core/app/export_command.cpp — `finsam-hub export`: a current-state collection as CSV, NDJSON or a JSON array.
// SPDX-License-Identifier: Apache-2.0
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <stdexcept>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/app/hub_runtime.h"
#include "core/common/clock.h"
#include "core/common/csv_field.h"
#include "core/feed/current_state.h"
#include "core/store/access_audit.h"
#include "core/store/read_snapshot.h"

namespace finsam::app {

namespace {

enum class Format { kCsv, kNdjson, kJson };

feed::StateCollection collectionOf(const std::string& name) {
    if (name == "deltaganden") {
        return feed::StateCollection::kDeltagande;
    }
    if (name == "insatser") {
        return feed::StateCollection::kInsats;
    }
    if (name == "persons") {
        return feed::StateCollection::kPerson;
    }
    throw UsageError("--entity: must be deltaganden, insatser or persons");
}

Format formatOf(const std::string& name) {
    if (name == "csv") {
        return Format::kCsv;
    }
    if (name == "ndjson") {
        return Format::kNdjson;
    }
    if (name == "json") {
        return Format::kJson;
    }
    throw UsageError("--format: must be csv, ndjson or json");
}

// A scalar as CSV text: null is empty, booleans true/false, numbers as written in the item.
std::string scalarText(const rapidjson::Value& value) {
    if (value.IsString()) {
        return {value.GetString(), value.GetStringLength()};
    }
    if (value.IsBool()) {
        return value.GetBool() ? "true" : "false";
    }
    if (value.IsInt64()) {
        return std::to_string(value.GetInt64());
    }
    if (value.IsNull()) {
        return "";
    }
    throw std::logic_error("an item holds a value CSV export cannot write");
}

// By position, so the parallel lists of "links.x" columns line up even where a value is empty.
std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += (i > 0 ? ";" : "") + values[i];
    }
    return out;
}

// One row: each column's value; a list joined with ';'; "links.person_key" is that member of each listed object.
std::string csvRow(const std::vector<std::string>& columns, const std::string& item) {
    rapidjson::Document document;
    document.Parse(item.c_str());
    std::set<std::string> written;
    std::string row;
    for (const auto& column : columns) {
        const auto dot = column.find('.');
        const std::string name = column.substr(0, dot);
        written.insert(name);
        std::string text;
        auto member = document.FindMember(name.c_str());
        if (member != document.MemberEnd() && member->value.IsArray()) {
            std::vector<std::string> values;
            for (const auto& element : member->value.GetArray()) {
                values.push_back(dot == std::string::npos ? scalarText(element)
                                                          : scalarText(element[column.substr(dot + 1).c_str()]));
            }
            text = joined(values);
        } else if (member != document.MemberEnd()) {
            text = scalarText(member->value);
        }
        row += (row.empty() ? "" : ",") + common::csvField(text);
    }
    for (const auto& member : document.GetObject()) {
        if (written.count(member.name.GetString()) == 0) {  // a column the header lacks would be lost silently
            throw std::logic_error(std::string("CSV export has no column for ") + member.name.GetString());
        }
    }
    return row + "\r\n";
}

// Every page of the collection, read in one transaction so the file is one consistent state.
std::int64_t writeAll(store::Database& database, feed::StateCollection collection, feed::StateQuery query,
                      Format format, std::ostream& out) {
    const auto columns = feed::stateColumns(collection);
    if (format == Format::kCsv) {
        std::string header;
        for (const auto& column : columns) {
            header += (header.empty() ? "" : ",") + common::csvField(column);
        }
        out << header << "\r\n";
    }
    out << (format == Format::kJson ? "[" : "");
    std::int64_t count = 0;
    store::inReadSnapshot(database, [&] {
        feed::CurrentState state(database);
        for (;;) {
            auto page = state.read(collection, query);
            for (const auto& item : page.items) {
                if (format == Format::kCsv) {
                    out << csvRow(columns, item);
                } else if (format == Format::kNdjson) {
                    out << item << '\n';
                } else {
                    out << (count == 0 ? "\n" : ",\n") << item;
                }
                ++count;
            }
            if (!page.nextAfterKey) {
                break;
            }
            query.afterKey = *page.nextAfterKey;
        }
    });
    out << (format == Format::kJson ? (count == 0 ? "]\n" : "\n]\n") : "");
    return count;
}

// Runs write(out) into the file `path`, or standard output when it is empty. The file is written beside its
// name and renamed when complete, so a failed export leaves nothing that looks whole.
template <class Write>
std::int64_t writeTo(const std::string& path, Write&& write) {
    if (path.empty()) {
        const std::int64_t rows = write(std::cout);
        if (!std::cout.flush()) {
            throw std::runtime_error("writing to standard output failed");
        }
        return rows;
    }
    const std::string part = path + ".part";
    std::ofstream file(part, std::ios::binary | std::ios::trunc);
    if (!file) {
        throw UsageError("--out: cannot write " + path);
    }
    try {
        const std::int64_t rows = write(file);
        if (!file.flush()) {
            throw std::runtime_error("--out: writing " + path + " failed");
        }
        file.close();
        std::filesystem::rename(part, path);
        return rows;
    } catch (...) {
        file.close();
        std::filesystem::remove(part);
        throw;
    }
}

}  // namespace

int runExport(const Args& args) {
    Arguments arguments(args, {"config", "entity", "format", "out", "forbund", "insats", "from", "to"}, {});
    const std::string configPath = arguments.require("config");
    const std::string entity = arguments.require("entity");
    const auto collection = collectionOf(entity);
    const Format format = formatOf(arguments.require("format"));
    std::vector<std::pair<std::string, std::string>> filters;
    std::string filterText;  // for the audit, as the API records a query
    for (const char* name : {"forbund", "insats", "from", "to"}) {
        if (arguments.has(name)) {
            filters.emplace_back(name, arguments.get(name));
            filterText += (filterText.empty() ? "" : "&") + std::string(name) + "=" + arguments.get(name);
        }
    }
    feed::StateQuery query;
    try {
        query = feed::parseStateQuery(filters);
    } catch (const feed::StateQueryError& e) {
        throw UsageError("--" + e.parameter() + ": " + e.reason());
    }
    query.limit = feed::kMaxLimit;

    if (arguments.has("out") && arguments.get("out").empty()) {
        throw UsageError("--out: must name a file");
    }
    HubRuntime runtime(configPath);
    const std::int64_t rows = writeTo(arguments.get("out"), [&](std::ostream& out) {
        return writeAll(*runtime.database, collection, query, format, out);
    });
    // A bulk read of person-level data is audited like an API read; "cli" stands where a token's name would.
    std::vector<store::AccessEntry> entries{{0, common::nowUtcIso(), "cli", "export " + entity, filterText, rows, ""}};
    soci::transaction transaction(runtime.database->session());
    store::AccessAudit(*runtime.database).append(entries);
    transaction.commit();
    return 0;
}

}  // namespace finsam::app
