// tests/partner_server/test_support/generated_data.cpp — read-only: every test process shares the files.
// SPDX-License-Identifier: Apache-2.0
#include "generated_data.h"

#include "tests/partner_server/json_text.h"

namespace finsam::testing {

namespace {

const std::filesystem::path kData = FINSAM_PARTNER_TEST_DATA;

GeneratedData load() {
    GeneratedData data;
    data.dir = kData / "drop";
    data.regionPageSize = FINSAM_PARTNER_REGION_PAGE_SIZE;
    data.kommunPageSize = FINSAM_PARTNER_KOMMUN_PAGE_SIZE;
    data.regionTruth = partner::readJsonFile(data.dir / "truth" / "region.json");
    data.kommunTruth = partner::readJsonFile(data.dir / "truth" / "kommun.json");
    return data;
}

}  // namespace

const GeneratedData& generatedData() {
    static const GeneratedData data = load();
    return data;
}

std::filesystem::path laterData() { return kData / "later"; }

std::vector<rapidjson::Document> generatorPages(const std::filesystem::path& folder) {
    const rapidjson::Document index = partner::readJsonFile(folder / "index.json");
    std::vector<rapidjson::Document> pages;
    for (const auto& page : index["pages"].GetArray()) {
        pages.push_back(partner::readJsonFile(folder / page["file"].GetString()));
    }
    return pages;
}

}  // namespace finsam::testing
