// connectors/region-fhir/tests/region_test_support.h — settings, runs over a fetcher, the generator, and
// FHIR text for hand-made pages.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "collecting_logger.h"
#include "page_fetcher.h"
#include "run_to_drain.h"
#include "temp_dir.h"

namespace finsam::connectors::region_fhir::testing {

inline constexpr const char* kBase = "https://fhir.region.test/R4";

// Synthetic numbers with valid check digits (nobody's).
inline constexpr const char* kPnrA = "198507099805";
inline constexpr const char* kPnrB = "199001011239";
inline constexpr const char* kPnrC = "197403129344";
inline constexpr const char* kSamordningsnummer = "198507699802";  ///< day 09 + 60

/// {"base_url": kBase, "token": {"env": "REGION_FHIR_TOKEN"}, "page_size": pageSize <, extra>}.
std::string settingsJson(int pageSize = 200, const std::string& extra = "");

/// One scheduled run, as the host makes it, of a connector whose runs all read through `fetcher`.
sdk::testkit::DrainOutcome drain(std::shared_ptr<PageFetcher> fetcher, const std::string& checkpoint = "",
                                 const std::string& settings = settingsJson(), sdk::Logger* logger = nullptr,
                                 std::size_t maxBatches = 100);

/// finsam-gen region into a scratch directory: DIR/region/… and DIR/truth/region.json.
class GeneratedRegion {
public:
    GeneratedRegion(int participants, int seed, int pageSize);
    std::filesystem::path regionDir() const { return dir_.path() / "region"; }
    std::filesystem::path truthFile() const { return dir_.path() / "truth" / "region.json"; }
    std::filesystem::path worldFile() const { return dir_.path() / "truth" / "world.json"; }

private:
    sdk::testkit::TempDir dir_;
};

/// Every personnummer the generated world holds (truth/world.json), in 12 and 10 digits.
std::vector<std::string> worldNumbers(const std::filesystem::path& worldFile);

/// The text of a file.
std::string readFile(const std::filesystem::path& path);

/// Every text a run hands the host other than the fields meant for the identity stage: result message,
/// checkpoint, record keys and raws, problem keys, raws, messages and fields, rejections, warnings, log lines.
std::vector<std::string> emittedTexts(const sdk::testkit::DrainOutcome& outcome,
                                      const sdk::testkit::CollectingLogger& logger);

// FHIR JSON for hand-made pages. Arguments left empty are left out of the resource.
struct PatientSpec {
    std::string id{};
    std::string personnummer{};
    std::string samordningsnummer{};
    std::string reservnummer{};
    bool restricted = false;
    std::string gender = "female";
    std::string birthDate = "1985-07-09";
};
std::string patient(const PatientSpec& spec);

struct EpisodeSpec {
    std::string id{};
    std::string version = "1";
    std::string lastUpdated = "2019-03-17T02:00:00+01:00";
    std::string status = "active";
    std::string patient{};  ///< Patient id
    std::string insats{};   ///< urn:finsam:insats value; empty = rehabkoordinering
    std::string start = "2019-03-15";
    std::string end{};
    std::string hsaId = "SE2321000016-F1NS";
};
std::string episode(const EpisodeSpec& spec);

struct ConsentSpec {
    std::string id{};
    std::string version = "1";
    std::string lastUpdated = "2019-05-27T02:00:00+02:00";
    std::string status = "active";
    std::string patient{};
    std::string blankett = "FK9443-2019-000006";
    std::string type = "permit";
    std::string start = "2019-05-26";
    std::string end{};
    std::vector<std::string> parties = {"af", "fk", "region-01", "kommun-0180"};
    std::vector<std::string> purposes = {"samordning", "uppfoljning"};
    std::vector<std::string> categories = {"identitet", "deltagande", "halsa"};
};
std::string consent(const ConsentSpec& spec);

/// A searchset Bundle: `matches` (resource JSON) with search.mode match, then `includes` with mode include,
/// and a next link when `next` is not empty.
std::string bundle(const std::vector<std::string>& matches, const std::vector<std::string>& includes,
                   const std::string& next = "");

}  // namespace finsam::connectors::region_fhir::testing
