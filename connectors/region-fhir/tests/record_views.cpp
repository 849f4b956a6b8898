// connectors/region-fhir/tests/record_views.cpp — see the header.
// SPDX-License-Identifier: Apache-2.0
#include "record_views.h"

namespace finsam::connectors::region_fhir::testing {

std::string valueOf(const sdk::Record& record, const std::string& field) {
    for (const auto& f : record.fields) {
        if (f.name == field) {
            return f.value;
        }
    }
    return "";
}

std::vector<std::string> valuesOf(const sdk::Record& record, const std::string& field) {
    std::vector<std::string> values;
    for (const auto& f : record.fields) {
        if (f.name == field) {
            values.push_back(f.value);
        }
    }
    return values;
}

std::string describe(const sdk::Record& record, bool withPosition) {
    static const char* kOperations[] = {"upsert", "retract", "amend"};
    std::string text = record.entity + " " + record.key + " " + kOperations[static_cast<int>(record.operation)];
    if (withPosition) {
        text += " @" + record.position.source + "#" + std::to_string(record.position.line);
    } else {
        text += record.position.line == 0 ? " derived" : " stated";
    }
    for (const auto& field : record.fields) {
        // The names and birth date for probabilistic linkage have their own test (episode_mapping_test.cpp).
        if (field.name == "fornamn" || field.name == "efternamn" || field.name == "fodelsedatum") {
            continue;
        }
        text += " " + field.name + "=" + field.value;
    }
    return text;
}

std::vector<std::string> describeAll(const std::vector<sdk::Record>& records, bool withPosition) {
    std::vector<std::string> lines;
    for (const auto& record : records) {
        lines.push_back(describe(record, withPosition));
    }
    return lines;
}

std::vector<sdk::Record> select(const sdk::testkit::Collected& collected, const std::string& entity,
                                sdk::Operation operation, bool statedOnly) {
    std::vector<sdk::Record> out;
    for (const auto& record : collected.records) {
        if (record.entity == entity && record.operation == operation && (!statedOnly || record.position.line > 0)) {
            out.push_back(record);
        }
    }
    return out;
}

}  // namespace finsam::connectors::region_fhir::testing
