// connectors/af-csv/src/af_row_mapper.cpp — ERS → ersattningsperiod, INS → deltagande, keyed by Rad_id.
// SPDX-License-Identifier: Apache-2.0
#include "af_row_mapper.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "legacy_personnummer.h"
#include "safe_message.h"
#include "shifted_span.h"
#include "value_syntax.h"

namespace finsam::connectors::af_csv {

namespace {

using sdk::toolkit::CsvRecord;

// Cells that hold a person's identity or name: blanked out of any raw text the connector hands over.
constexpr std::array<std::string_view, 3> kPersonalCells = {"Personnummer", "Fornamn", "Efternamn"};

class Row {
public:
    Row(const CsvRecord& record, const Header& header) : record_(record), header_(header) {}

    const std::string& value(std::string_view column) const {
        static const std::string kEmpty;
        auto it = header_.index.find(std::string(column));
        return it == header_.index.end() ? kEmpty : record_.fields[it->second].value;
    }
    std::int32_t column(std::string_view column) const {
        auto it = header_.index.find(std::string(column));
        return it == header_.index.end() ? 0 : record_.fields[it->second].column;
    }
    // The first and last cell (0-based) that may hold a personal value, wherever a wrong shape moved it.
    std::optional<sdk::toolkit::CellSpan> personalSpan() const {
        std::vector<std::size_t> cells;
        for (auto name : kPersonalCells) {
            if (auto it = header_.index.find(std::string(name)); it != header_.index.end()) {
                cells.push_back(it->second);
            }
        }
        return sdk::toolkit::widenedSpan(cells, header_.width, record_.fields.size());
    }
    // The raw row with identity and name cells blanked (cell text replaced by nothing, separators kept). In a
    // row of the wrong shape nobody can tell which cell holds the name, so every cell it may have moved to goes.
    std::string blankedRaw() const {
        std::string raw = record_.raw;
        const auto span = personalSpan();
        const bool shifted = record_.fields.size() != header_.width;
        auto personal = [&](std::size_t i) {
            if (shifted) {
                return span && span->contains(i);
            }
            return std::any_of(kPersonalCells.begin(), kPersonalCells.end(), [&](std::string_view name) {
                auto it = header_.index.find(std::string(name));
                return it != header_.index.end() && it->second == i;
            });
        };
        for (std::size_t i = record_.fields.size(); i-- > 0;) {  // from the right: earlier offsets stay valid
            if (personal(i)) {
                raw.erase(record_.fields[i].offset, record_.fields[i].length);
            }
        }
        return raw;
    }

private:
    const CsvRecord& record_;
    const Header& header_;
};

void add(sdk::Record& record, const Row& row, const char* field, std::string_view column, std::string value) {
    if (!value.empty()) {
        record.fields.push_back({field, std::move(value), row.column(column)});
    }
}

void add(sdk::Record& record, const Row& row, const char* field, std::string_view column) {
    add(record, row, field, column, std::string(sdk::toolkit::trim(row.value(column))));
}

}  // namespace

Header readHeader(const CsvRecord& header) {
    Header out;
    out.width = header.fields.size();
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string name(sdk::toolkit::trim(header.fields[i].value));
        if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end()) {
            out.unknown.push_back(name);
        } else {
            out.index.emplace(name, i);
        }
    }
    for (auto column : kColumns) {
        if (out.index.count(std::string(column)) == 0) {
            out.missing.emplace_back(column);
        }
    }
    return out;
}

MappedRow mapRow(const CsvRecord& record, const Header& header, const std::string& source,
                 const std::string& fileDate) {
    MappedRow out;
    const Row row(record, header);
    auto problem = [&](std::int32_t column, std::string field, std::string code, std::string message,
                       std::string entity = {}) {
        out.problem = sdk::Problem{{source, record.line}, column, std::move(field), std::move(code),
                                   std::move(message), row.blankedRaw(), std::move(entity), out.id};
        out.record.reset();
        return out;
    };
    if (record.fields.size() != header.width) {
        // Cells after a missing or extra one have shifted; the Rad_id still names the row when it sits before
        // them, so the row counts as present in the snapshot (nothing is withdrawn because of a typo).
        // A cell a personal value may have moved to is never taken for the id (it would be kept in the checkpoint).
        auto idColumn = header.index.find("Rad_id");
        const auto span = row.personalSpan();
        if (idColumn != header.index.end() && idColumn->second < record.fields.size() &&
            !(span && span->contains(idColumn->second))) {
            out.id = std::string(sdk::toolkit::trim(record.fields[idColumn->second].value));
        }
        return problem(0, "", "wrong_shape",
                       "row has " + std::to_string(record.fields.size()) + " fields, the header has " +
                           std::to_string(header.width));
    }
    out.id = std::string(sdk::toolkit::trim(row.value("Rad_id")));
    if (out.id.empty()) {
        return problem(row.column("Rad_id"), "Rad_id", "missing_value", "Rad_id is empty");
    }
    const std::string type(sdk::toolkit::trim(row.value("Radtyp")));
    if (type != "ERS" && type != "INS") {
        return problem(row.column("Radtyp"), "Radtyp", "unknown_code",
                       "Radtyp " + sdk::toolkit::quoteForMessage(type) + " is neither ERS nor INS");
    }
    const bool benefit = type == "ERS";
    const std::string entity = benefit ? "ersattningsperiod" : "deltagande";
    out.state.kind = benefit ? 'E' : 'I';
    const std::string end(sdk::toolkit::trim(row.value(benefit ? "Ersattning_tom" : "Insats_slut")));
    out.state.end = sdk::toolkit::isIsoDate(end) ? end : "";

    const std::string skyddad(sdk::toolkit::trim(row.value("Skyddad")));
    if (!skyddad.empty() && skyddad != "J") {
        // Never guess about protected identity: a row whose flag cannot be read is not stored at all.
        return problem(row.column("Skyddad"), "Skyddad", "unknown_code",
                       "Skyddad " + sdk::toolkit::quoteForMessage(skyddad) + " is neither J nor empty", entity);
    }

    sdk::Record result{entity, out.id, sdk::Operation::kUpsert, {}, {source, record.line}, row.blankedRaw()};
    const std::string number(sdk::toolkit::trim(row.value("Personnummer")));
    add(result, row, "personnummer", "Personnummer", withCentury(number, fileDate));
    if (skyddad == "J") {
        add(result, row, "skyddad", "Skyddad", "true");
    } else {
        // Names for probabilistic linkage only: the hub encodes and erases them (af-csv.md: never stored).
        add(result, row, "fornamn", "Fornamn");
        add(result, row, "efternamn", "Efternamn");
    }
    if (benefit) {
        add(result, row, "ersattningstyp", "Ersattning");
        add(result, row, "from_datum", "Ersattning_from");
        add(result, row, "tom_datum", "Ersattning_tom");
        const std::string omfattning(sdk::toolkit::trim(row.value("Omfattning")));
        if (!omfattning.empty()) {
            // Decimal comma: "75,0" is 75. A fraction of a percent is not a canonical omfattning.
            auto amount = sdk::toolkit::parseSwedishAmount(omfattning);
            std::string whole = amount ? *amount : "";
            if (auto dot = whole.find('.'); dot != std::string::npos &&
                                            whole.find_first_not_of('0', dot + 1) == std::string::npos) {
                whole.erase(dot);
            }
            if (!amount || whole.find('.') != std::string::npos) {
                return problem(row.column("Omfattning"), "Omfattning", "bad_number",
                               "Omfattning " + sdk::toolkit::quoteForMessage(omfattning) +
                                   " is not a whole percent (e.g. 100, 50 or 75,0)",
                               entity);
            }
            add(result, row, "omfattning", "Omfattning", whole);
        }
    } else {
        add(result, row, "insats_id", "Insatskod");
        add(result, row, "kon", "Kon");
        add(result, row, "startdatum", "Insats_start");
        add(result, row, "slutdatum", "Insats_slut");
        add(result, row, "avslutsanledning", "Avslutskod");
        add(result, row, "samtycke_ref", "Samtycke_ref");
        // Sokandestatus is the status at the file date: for an ended participation, the status after it.
        if (!end.empty()) {
            add(result, row, "sysselsattning_efter", "Sokandestatus");
        }
    }
    out.record = std::move(result);
    return out;
}

}  // namespace finsam::connectors::af_csv
