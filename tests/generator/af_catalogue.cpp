// tests/generator/af_catalogue.cpp — every row AF ever holds for the world, with stable Rad_ids.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/af_catalogue.h"

#include "tests/generator/af_codes.h"
#include "tests/generator/benefit_generator.h"
#include "tests/generator/identity_spelling.h"
#include "tests/generator/rng.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace finsam::generator::af {
namespace {

constexpr double kShareLegacyOnOldRows = 0.6;
constexpr double kShareDecimalOmfattning = 0.25;  // "100,0": some AF screens save one decimal
constexpr int kRowsPerRegistrationError = 40;

std::string omfattningText(Rng& rng, int omfattning) {
    return std::to_string(omfattning) + (rng.chance(kShareDecimalOmfattning) ? ",0" : "");
}

std::string formatRadId(std::int64_t number) {
    char text[32];
    std::snprintf(text, sizeof text, "AF-%09lld", static_cast<long long>(number));
    return text;
}

bool isAfRun(const World& world, const Deltagande& d) {
    return world.insatser[d.insats].huvudman == Aktor::kAf;
}

class CatalogueBuilder {
public:
    CatalogueBuilder(const World& world, std::uint64_t seed)
        : world_(world), rng_(Rng(seed).fork("af-rows")) {}

    Catalogue run(const std::vector<Date>& dates) {
        // Each person is registered at one office.
        for (std::size_t p = 0; p < world_.people.size(); ++p) {
            kontor_.push_back(rng_.pick(offices(world_.forbund.kommunId)));
        }
        const Date oldBefore = addMonths(world_.asOf, -36);
        for (std::size_t b = 0; b < world_.benefits.size(); ++b) {
            const BenefitPeriod& p = world_.benefits[b];
            if (payerOf(p.ersattning) != Payer::kAf) {
                continue;
            }
            CatalogueRow row = base(RowType::kErs, p.person, p.from, p.tom);
            row.benefit = b;
            row.ersattning = ersattningCode(p.ersattning);
            row.omfattning = p.omfattning;
            row.omfattningText = omfattningText(rng_, p.omfattning);
            row.legacyNumber = p.from < oldBefore && rng_.chance(kShareLegacyOnOldRows);
            catalogue_.rows.push_back(std::move(row));
        }
        for (std::size_t i = 0; i < world_.deltaganden.size(); ++i) {
            const Deltagande& d = world_.deltaganden[i];
            if (!isAfRun(world_, d)) {
                continue;
            }
            CatalogueRow row = base(RowType::kIns, d.person, d.start, d.end);
            row.deltagande = i;
            catalogue_.rows.push_back(std::move(row));
        }
        // AF registers rows as periods start: ids rise with the start date.
        std::stable_sort(catalogue_.rows.begin(), catalogue_.rows.end(),
                         [](const CatalogueRow& a, const CatalogueRow& b) {
                             return std::tie(a.start, a.person) < std::tie(b.start, b.person);
                         });
        next_ = 311000000 + static_cast<std::int64_t>(rng_.uniformInt(0, 99999)) * 10;
        for (CatalogueRow& row : catalogue_.rows) {
            row.radId = nextRadId();
        }
        addRegistrationErrors(dates);
        return std::move(catalogue_);
    }

private:
    CatalogueRow base(RowType type, std::size_t person, Date start, std::optional<Date> end) {
        CatalogueRow row;
        row.type = type;
        row.person = person;
        row.start = start;
        row.end = end;
        row.kontor = kontor_[person];
        return row;
    }

    // Gaps between ids: AF numbers rows of every förbund from one series.
    std::string nextRadId() {
        next_ += rng_.uniformInt(1, 7);
        return formatRadId(next_);
    }

    // A real ERS row registered again with a wrong code, visible in the first snapshot and
    // withdrawn at a later one.
    void addRegistrationErrors(const std::vector<Date>& dates) {
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i < catalogue_.rows.size(); ++i) {
            const CatalogueRow& row = catalogue_.rows[i];
            if (row.type == RowType::kErs && !dates.empty() && presentOn(row, dates.front())) {
                candidates.push_back(i);
            }
        }
        if (dates.size() < 2 || candidates.empty()) {
            return;
        }
        const std::size_t count = std::max<std::size_t>(1, candidates.size() / kRowsPerRegistrationError);
        static const char* const kCodes[] = {"AKS", "UVE", "ETB", "AKA", "LBI"};
        for (std::size_t k = 0; k < count; ++k) {
            CatalogueRow error = catalogue_.rows[rng_.pick(candidates)];
            error.benefit.reset();
            std::string code = error.ersattning;
            while (code == error.ersattning) {
                code = kCodes[rng_.uniformInt(0, 4)];
            }
            error.ersattning = code;
            error.start = addDays(dates.front(), -rng_.uniformInt(1, 60));
            error.end.reset();
            error.legacyNumber = false;
            error.withdrawnOn = dates[static_cast<std::size_t>(
                rng_.uniformInt(1, static_cast<int>(dates.size()) - 1))];
            error.radId = nextRadId();
            catalogue_.rows.push_back(std::move(error));
        }
    }

    const World& world_;
    Rng rng_;
    Catalogue catalogue_;
    std::vector<std::string> kontor_;
    std::int64_t next_ = 0;
};

std::string optionalDate(const std::optional<Date>& date) {
    return date ? formatIsoDate(*date) : "";
}

}  // namespace

Catalogue buildCatalogue(const World& world, std::uint64_t seed,
                         const std::vector<Date>& snapshotDates) {
    return CatalogueBuilder(world, seed).run(snapshotDates);
}

Date windowStart(Date fileDate) {
    return addMonths(fileDate, -13);
}

std::optional<Date> visibleEnd(const CatalogueRow& row, Date fileDate) {
    if (row.end && *row.end <= fileDate) {
        return row.end;
    }
    return std::nullopt;
}

bool presentOn(const CatalogueRow& row, Date fileDate) {
    if (row.start > fileDate || (row.withdrawnOn && *row.withdrawnOn <= fileDate)) {
        return false;
    }
    const auto end = visibleEnd(row, fileDate);
    return !end || *end >= windowStart(fileDate);
}

std::vector<std::string> cellsOn(const CatalogueRow& row, Date fileDate, const World& world) {
    const Person& person = world.people[row.person];
    std::vector<std::string> cells(columns().size());
    auto set = [&](const char* column, std::string value) {
        cells[columnIndex(column)] = std::move(value);
    };
    const auto end = visibleEnd(row, fileDate);
    set("Rad_id", row.radId);
    set("Personnummer",
        row.legacyNumber ? tenDigits(person.personnummer, fileDate) : person.personnummer);
    if (!person.skyddad) {
        set("Fornamn", person.fornamn);
        set("Efternamn", person.efternamn);
    }
    set("Kon", person.kon == Kon::kMan ? "M" : "K");
    set("Kontor", row.kontor);
    set("Skyddad", person.skyddad ? "J" : "");
    if (row.type == RowType::kErs) {
        set("Radtyp", "ERS");
        const std::optional<Ersattning> type =
            row.benefit ? std::optional(world.benefits[*row.benefit].ersattning) : std::nullopt;
        set("Sokandestatus",
            type ? sokandestatusFor(*type, row.omfattning) : "PROGRAM");
        set("Ersattning", row.ersattning);
        set("Ersattning_from", formatIsoDate(row.start));
        set("Ersattning_tom", optionalDate(end));
        set("Omfattning", row.omfattningText);
        return cells;
    }
    const Deltagande& d = world.deltaganden[*row.deltagande];
    set("Radtyp", "INS");
    set("Sokandestatus", end ? sokandestatusAfter(d) : "PROGRAM");
    set("Insatskod", world.insatser[d.insats].id);
    set("Insats_start", formatIsoDate(row.start));
    set("Insats_slut", optionalDate(end));
    set("Avslutskod", end && d.avslut ? std::string(1, avslutskod(*d.avslut)) : "");
    set("Samtycke_ref", d.consent ? world.consents[*d.consent].blankett : "");
    return cells;
}

}  // namespace finsam::generator::af
