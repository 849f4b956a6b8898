// tests/generator/forbund_writer.cpp — a world as the förbund's three CSV sheets plus KLAR.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/forbund_writer.h"

#include "tests/generator/csv_writer.h"
#include "tests/generator/forbund_display.h"
#include "tests/generator/output_files.h"
#include "tests/generator/rng.h"
#include "tests/generator/swedish_format.h"

namespace finsam::generator {
namespace {

using forbund::display;
using forbund::displayList;

// forbund-csv.md: "UTF-8 with a byte-order mark. Separator `,`. Line ending CRLF."
CsvDialect forbundDialect() {
    return CsvDialect{',', "\r\n", true, false};
}

std::string count(int value) {
    return std::to_string(value);
}

std::string optionalDate(const std::optional<Date>& date) {
    return date ? formatIsoDate(*date) : "";
}

std::string renderInsatser(const World& world, Rng& rng) {
    CsvWriter csv(forbundDialect());
    csv.addRow(forbundInsatserHeader());
    for (const Insats& insats : world.insatser) {
        const bool headCount = insats.uppfoljning == Uppfoljning::kEndastAntal;
        for (const BudgetYear& year : insats.years) {
            // Cells are typed by hand: some use a normal space as thousands separator, others the
            // NBSP that Excel's Swedish number format produces.
            const auto separator =
                rng.chance(0.4) ? ThousandsSeparator::kNoBreakSpace : ThousandsSeparator::kSpace;
            csv.addRow(
                {insats.id, insats.name, display(insats.inriktning), display(insats.uppfoljning),
                 formatIsoDate(insats.start), formatIsoDate(insats.end), display(insats.huvudman),
                 displayList(insats.malgrupper), count(year.year),
                 formatSwedishAmount(year.budgetOre, separator), count(year.plannedParticipants),
                 insats.esf ? "Ja" : "Nej", headCount ? count(year.antalKvinnor) : "",
                 headCount ? count(year.antalMan) : ""});
        }
    }
    return csv.text();
}

std::vector<std::string> deltagandeRow(const World& world, const Deltagande& d) {
    const Person& person = world.people[d.person];
    const bool details = d.reportsDetails;
    std::vector<std::string> row = {
        d.id,
        world.insatser[d.insats].id,
        d.reportsNumber ? person.personnummer : "",
        d.anonymous ? "Ja" : "Nej",
        display(d.reportedKon),
        count(yearOf(person.birthDate)),
        formatIsoDate(d.start),
        optionalDate(d.end),
        details ? display(d.remitterande) : "",
        details ? display(person.utbildning) : "",
        details ? displayList(d.forsorjningFore) : "",
        details ? display(d.tidOffentlig) : "",
        details ? display(d.sysselsattningFore) : "",
        d.avslut ? display(*d.avslut) : "",
        details ? displayList(d.forsorjningEfter) : "",
        details && d.sysselsattningEfter ? display(*d.sysselsattningEfter) : "",
        d.consent ? world.consents[*d.consent].id : "",
    };
    return row;
}

std::string renderDeltaganden(const World& world) {
    CsvWriter csv(forbundDialect());
    csv.addRow(forbundDeltagandenHeader());
    for (const Deltagande& d : world.deltaganden) {
        csv.addRow(deltagandeRow(world, d));
    }
    return csv.text();
}

std::string renderSamtycken(const World& world) {
    CsvWriter csv(forbundDialect());
    csv.addRow(forbundSamtyckenHeader());
    for (const Consent& consent : world.consents) {
        csv.addRow({consent.id, world.people[consent.person].personnummer,
                    consent.insats ? world.insatser[*consent.insats].id : "Förbundet",
                    joinList(consent.parter), displayList(consent.kategorier),
                    displayList(consent.andamal), formatIsoDate(consent.validFrom),
                    optionalDate(consent.validTo), optionalDate(consent.withdrawn),
                    consent.blankett});
    }
    return csv.text();
}

}  // namespace

const std::vector<std::string>& forbundInsatserHeader() {
    static const std::vector<std::string> kHeader = {"Insats-ID",
                                                     "Namn",
                                                     "Inriktning",
                                                     "Uppföljningsmetod",
                                                     "Startdatum",
                                                     "Slutdatum",
                                                     "Huvudman",
                                                     "Målgrupper",
                                                     "Budgetår",
                                                     "Budget (kr)",
                                                     "Planerat antal deltagare",
                                                     "ESF",
                                                     "Antal kvinnor",
                                                     "Antal män"};
    return kHeader;
}

const std::vector<std::string>& forbundDeltagandenHeader() {
    static const std::vector<std::string> kHeader = {"Deltagande-ID",
                                                     "Insats-ID",
                                                     "Personnummer",
                                                     "Anonym",
                                                     "Kön",
                                                     "Födelseår",
                                                     "Startdatum",
                                                     "Slutdatum",
                                                     "Remitterande aktör",
                                                     "Utbildningsnivå",
                                                     "Försörjning före",
                                                     "Tid i offentlig försörjning",
                                                     "Sysselsättning före",
                                                     "Avslutsanledning",
                                                     "Försörjning efter",
                                                     "Sysselsättning efter",
                                                     "Samtycke-ID"};
    return kHeader;
}

const std::vector<std::string>& forbundSamtyckenHeader() {
    static const std::vector<std::string> kHeader = {
        "Samtycke-ID", "Personnummer", "Gäller",       "Parter",     "Kategorier",
        "Ändamål",     "Giltigt från", "Giltigt till", "Återkallat", "Blankett"};
    return kHeader;
}

ForbundSheets renderForbundSheets(const World& world, std::uint64_t seed) {
    Rng rng = Rng(seed).fork("forbund-writer");
    return {renderInsatser(world, rng), renderDeltaganden(world), renderSamtycken(world)};
}

void writeForbundDrop(const World& world, std::uint64_t seed, const std::filesystem::path& outDir) {
    const std::filesystem::path dir = outDir / "forbund";
    removeIfPresent(dir / "KLAR");
    const ForbundSheets sheets = renderForbundSheets(world, seed);
    writeFileAtomically(dir / "insatser.csv", sheets.insatser);
    writeFileAtomically(dir / "deltaganden.csv", sheets.deltaganden);
    writeFileAtomically(dir / "samtycken.csv", sheets.samtycken);
    // KLAR last: the förbund's "this set is complete" signal.
    writeFileAtomically(dir / "KLAR", "");
}

}  // namespace finsam::generator
