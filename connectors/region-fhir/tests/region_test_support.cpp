// connectors/region-fhir/tests/region_test_support.cpp — see the header.
// SPDX-License-Identifier: Apache-2.0
#include "region_test_support.h"

#include <rapidjson/document.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "region_fhir_connector.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {

namespace {

std::string quote(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

std::string identifier(const std::string& system, const std::string& value) {
    return "{\"system\":" + quote(system) + ",\"value\":" + quote(value) + "}";
}

std::string meta(const std::string& version, const std::string& lastUpdated, const std::string& extra = "") {
    return "\"meta\":{\"versionId\":" + quote(version) + ",\"lastUpdated\":" + quote(lastUpdated) + extra + "}";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ",") + item;
    }
    return out;
}

}  // namespace

std::string settingsJson(int pageSize, const std::string& extra) {
    return std::string("{\"base_url\":\"") + kBase + "\",\"token\":{\"env\":\"REGION_FHIR_TOKEN\"},\"page_size\":" +
           std::to_string(pageSize) + (extra.empty() ? "" : "," + extra) + "}";
}

sdk::testkit::DrainOutcome drain(std::shared_ptr<PageFetcher> fetcher, const std::string& checkpoint,
                                 const std::string& settings, sdk::Logger* logger, std::size_t maxBatches) {
    RegionFhirConnector connector([fetcher](const Settings&, const sdk::Context&) {
        return std::make_unique<SharedFetcher>(fetcher);
    });
    sdk::Context context{"region", "region-01", "/tmp", logger};
    sdk::testkit::DrainOptions options;
    options.maxBatches = maxBatches;
    return sdk::testkit::runToDrain(connector, settings, checkpoint, context, options);
}

GeneratedRegion::GeneratedRegion(int participants, int seed, int pageSize) {
    const std::string command = std::string(FINSAM_GEN_BINARY) + " region --out '" + dir_.path().string() +
                                "' --participants " + std::to_string(participants) + " --seed " +
                                std::to_string(seed) + " --region-page-size " + std::to_string(pageSize) +
                                " > /dev/null";
    if (std::system(command.c_str()) != 0) {
        throw std::runtime_error("finsam-gen failed: " + command);
    }
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> worldNumbers(const std::filesystem::path& worldFile) {
    rapidjson::Document world;
    const std::string text = readFile(worldFile);
    world.Parse(text.c_str());
    std::vector<std::string> numbers;
    for (const auto& kind : world["persons"]["numbers"].GetObject()) {
        for (const auto& number : kind.value.GetArray()) {
            std::string digits;
            for (const char* c = number.GetString(); *c != '\0'; ++c) {
                if (*c >= '0' && *c <= '9') {
                    digits += *c;
                }
            }
            numbers.push_back(digits);
            if (digits.size() == 12) {
                numbers.push_back(digits.substr(2));
            }
        }
    }
    return numbers;
}

std::string patient(const PatientSpec& spec) {
    std::vector<std::string> identifiers;
    if (!spec.personnummer.empty()) {
        identifiers.push_back(identifier("urn:oid:1.2.752.129.2.1.3.1", spec.personnummer));
    }
    if (!spec.samordningsnummer.empty()) {
        identifiers.push_back(identifier("urn:oid:1.2.752.129.2.1.3.3", spec.samordningsnummer));
    }
    if (!spec.reservnummer.empty()) {
        identifiers.push_back(identifier("urn:oid:1.2.752.97.3.1.3", spec.reservnummer));
    }
    const std::string security =
        spec.restricted ? ",\"security\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\","
                          "\"code\":\"R\"}]"
                        : "";
    std::string text = "{\"resourceType\":\"Patient\",\"id\":" + quote(spec.id) + "," +
                       meta("1", "2018-01-01T02:00:00+01:00", security) + ",\"identifier\":[" +
                       joined(identifiers) + "],\"name\":[{\"family\":\"Sjöberg\",\"given\":[\"Märta\"]}]";
    if (!spec.gender.empty()) {
        text += ",\"gender\":" + quote(spec.gender);
    }
    if (!spec.birthDate.empty()) {
        text += ",\"birthDate\":" + quote(spec.birthDate);
    }
    return text + "}";
}

std::string episode(const EpisodeSpec& spec) {
    std::string text = "{\"resourceType\":\"EpisodeOfCare\",\"id\":" + quote(spec.id) + "," +
                       meta(spec.version, spec.lastUpdated);
    if (!spec.insats.empty()) {
        text += ",\"identifier\":[" + identifier("urn:finsam:insats", spec.insats) + "]";
    }
    text += ",\"status\":" + quote(spec.status);
    if (!spec.patient.empty()) {
        text += ",\"patient\":{\"reference\":\"Patient/" + spec.patient + "\"}";
    }
    text += ",\"managingOrganization\":{\"identifier\":" + identifier("urn:oid:1.2.752.29.4.19", spec.hsaId) + "}";
    std::vector<std::string> period;
    if (!spec.start.empty()) {
        period.push_back("\"start\":" + quote(spec.start));
    }
    if (!spec.end.empty()) {
        period.push_back("\"end\":" + quote(spec.end));
    }
    return text + ",\"period\":{" + joined(period) + "}}";
}

std::string consent(const ConsentSpec& spec) {
    std::vector<std::string> actors;
    for (const auto& party : spec.parties) {
        actors.push_back("{\"role\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/"
                         "v3-ParticipationType\",\"code\":\"IRCP\"}]},\"reference\":{\"identifier\":" +
                         identifier("urn:finsam:organisation", party) + "}}");
    }
    std::vector<std::string> purposes;
    for (const auto& purpose : spec.purposes) {
        purposes.push_back("{\"system\":\"urn:finsam:purpose\",\"code\":" + quote(purpose) + "}");
    }
    std::vector<std::string> codes;
    for (const auto& category : spec.categories) {
        codes.push_back("{\"coding\":[{\"system\":\"urn:finsam:category\",\"code\":" + quote(category) + "}]}");
    }
    std::vector<std::string> period;
    if (!spec.start.empty()) {
        period.push_back("\"start\":" + quote(spec.start));
    }
    if (!spec.end.empty()) {
        period.push_back("\"end\":" + quote(spec.end));
    }
    std::string text = "{\"resourceType\":\"Consent\",\"id\":" + quote(spec.id) + "," +
                       meta(spec.version, spec.lastUpdated);
    if (!spec.blankett.empty()) {
        text += ",\"identifier\":[" + identifier("urn:finsam:blankett", spec.blankett) + "]";
    }
    text += ",\"status\":" + quote(spec.status);
    if (!spec.patient.empty()) {
        text += ",\"patient\":{\"reference\":\"Patient/" + spec.patient + "\"}";
    }
    text += ",\"dateTime\":\"2019-05-26T10:00:00+02:00\",\"provision\":{";
    if (!spec.type.empty()) {
        text += "\"type\":" + quote(spec.type) + ",";
    }
    return text + "\"period\":{" + joined(period) + "},\"actor\":[" + joined(actors) + "],\"purpose\":[" +
           joined(purposes) + "],\"code\":[" + joined(codes) + "]}}";
}

std::string bundle(const std::vector<std::string>& matches, const std::vector<std::string>& includes,
                   const std::string& next) {
    std::vector<std::string> entries;
    for (const auto& match : matches) {
        entries.push_back("{\"resource\":" + match + ",\"search\":{\"mode\":\"match\"}}");
    }
    for (const auto& include : includes) {
        entries.push_back("{\"resource\":" + include + ",\"search\":{\"mode\":\"include\"}}");
    }
    std::string links = "[{\"relation\":\"self\",\"url\":\"" + std::string(kBase) + "/self\"}";
    if (!next.empty()) {
        links += ",{\"relation\":\"next\",\"url\":" + quote(next) + "}";
    }
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":" + links + "],\"entry\":[" +
           joined(entries) + "]}";
}

std::vector<std::string> emittedTexts(const sdk::testkit::DrainOutcome& outcome,
                                      const sdk::testkit::CollectingLogger& logger) {
    std::vector<std::string> texts = {outcome.result.message, outcome.checkpoint};
    for (const auto& record : outcome.collected.records) {
        texts.push_back(record.key);
        texts.push_back(record.raw);
    }
    for (const auto& problem : outcome.collected.problems) {
        texts.insert(texts.end(), {problem.key, problem.raw, problem.message, problem.field});
    }
    for (const auto& rejection : outcome.collected.rejections) {
        texts.push_back(rejection.message);
    }
    texts.insert(texts.end(), outcome.collected.warnings.begin(), outcome.collected.warnings.end());
    for (const auto& [level, line] : logger.lines()) {
        texts.push_back(line);
    }
    return texts;
}

}  // namespace finsam::connectors::region_fhir::testing
