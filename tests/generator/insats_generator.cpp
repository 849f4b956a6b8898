// tests/generator/insats_generator.cpp — the förbund's insatser with their budget years.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/insats_generator.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace finsam::generator {
namespace {

struct Template {
    const char* name;
    Aktor huvudman;
    std::vector<Malgrupp> malgrupper;
    bool esf;
};

// Names as förbund write them: some with a comma, one with a line break and one with quotes, so the
// CSV writer's quoting is exercised in every generated set (the first three are always used).
const std::vector<Template>& individTemplates() {
    static const std::vector<Template> kTemplates = {
        {"Steget vidare, unga vuxna",
         Aktor::kForbundet,
         {Malgrupp::kUnga, Malgrupp::kForsorjningsstod},
         false},
        {"Rehab i samverkan\n(psykiatri och primärvård)",
         Aktor::kRegion,
         {Malgrupp::kPsykiskOhalsa, Malgrupp::kLangtidssjukskrivna},
         false},
        {"Projekt \"Nya vägar\"",
         Aktor::kKommun,
         {Malgrupp::kLangtidsarbetslosa, Malgrupp::kFunktionsnedsattning},
         false},
        {"Tidig samordning vid sjukskrivning", Aktor::kFk, {Malgrupp::kLangtidssjukskrivna}, false},
        {"Unga till arbete", Aktor::kAf, {Malgrupp::kUnga}, true},
        {"Jobbtorg FINSAM-team",
         Aktor::kKommun,
         {Malgrupp::kForsorjningsstod, Malgrupp::kLangtidsarbetslosa},
         false},
        {"Hälsoskola för nyanlända",
         Aktor::kForbundet,
         {Malgrupp::kNyanlanda, Malgrupp::kPsykiskOhalsa},
         false},
        {"Arbetslivsinriktad rehabilitering",
         Aktor::kAf,
         {Malgrupp::kLangtidsarbetslosa, Malgrupp::kFunktionsnedsattning},
         true},
        {"IPS – individanpassat stöd till arbete",
         Aktor::kRegion,
         {Malgrupp::kPsykiskOhalsa},
         false},
        {"Samverkansteam, psykisk ohälsa och missbruk",
         Aktor::kKommun,
         {Malgrupp::kPsykiskOhalsa, Malgrupp::kForsorjningsstod},
         false},
        {"Aktivitetsbaserad rehabilitering",
         Aktor::kFk,
         {Malgrupp::kLangtidssjukskrivna, Malgrupp::kFunktionsnedsattning},
         false},
        {"Gemensam kartläggning AF/FK",
         Aktor::kAf,
         {Malgrupp::kLangtidssjukskrivna, Malgrupp::kLangtidsarbetslosa},
         false},
        {"Vägen till egen försörjning", Aktor::kKommun, {Malgrupp::kForsorjningsstod}, false},
        {"Språk och arbete för nyanlända", Aktor::kAf, {Malgrupp::kNyanlanda}, true},
    };
    return kTemplates;
}

const std::vector<Template>& structureTemplates() {
    static const std::vector<Template> kTemplates = {
        {"Kompetensutveckling för handläggare", Aktor::kForbundet, {Malgrupp::kAnnan}, false},
        {"Nätverk för chefer, samverkan i praktiken", Aktor::kForbundet, {Malgrupp::kAnnan}, false},
        {"Metodstöd: motiverande samtal", Aktor::kRegion, {Malgrupp::kAnnan}, true},
    };
    return kTemplates;
}

// Months of `year` in which an insats running start..end is active.
int activeMonths(const Insats& insats, int year) {
    int months = 0;
    for (int m = 1; m <= 12; ++m) {
        const Date first = makeDate(year, m, 1);
        const Date last = addDays(addMonths(first, 1), -1);
        if (insats.start <= last && insats.end >= first) {
            ++months;
        }
    }
    return months;
}

void addBudgetYears(Rng& rng, const WorldOptions& options, Insats& insats) {
    const int from = std::max(options.yearFrom, yearOf(insats.start));
    const int to = std::min(options.yearTo, yearOf(insats.end));
    for (int year = from; year <= to; ++year) {
        const int months = activeMonths(insats, year);
        BudgetYear budget;
        budget.year = year;
        // National budgets are SEK 4-20 M a year per förbund, spread over a handful of insatser.
        const std::int64_t annual = static_cast<std::int64_t>(rng.uniformInt(80, 640)) * 5000;
        std::int64_t kronor = std::max<std::int64_t>(50000, annual * months / 12 / 5000 * 5000);
        budget.budgetOre = kronor * 100;
        if (rng.chance(0.15)) {
            // Re-allocated remainders end in öre now and then ("2 700 000,50").
            budget.budgetOre += rng.chance(0.5) ? 50 : rng.uniformInt(1, 99);
        }
        budget.plannedParticipants = std::max(5, rng.uniformInt(10, 60) * months / 12);
        if (insats.uppfoljning == Uppfoljning::kEndastAntal) {
            budget.antalKvinnor = std::max(3, rng.uniformInt(8, 60) * months / 12);
            budget.antalMan = budget.antalKvinnor * rng.uniformInt(50, 100) / 100;
        }
        insats.years.push_back(budget);
    }
}

Insats fromTemplate(const Template& t, Inriktning inriktning, Uppfoljning uppfoljning) {
    Insats insats;
    insats.name = t.name;
    insats.inriktning = inriktning;
    insats.uppfoljning = uppfoljning;
    insats.huvudman = t.huvudman;
    insats.malgrupper = t.malgrupper;
    insats.esf = t.esf;
    return insats;
}

// A start on the first of a month in `year` and an end 18-36 months later, often at a year's end.
void drawPeriod(Rng& rng, int year, Insats& insats) {
    insats.start = makeDate(year, rng.uniformInt(1, 9), 1);
    const Date end = addDays(addMonths(insats.start, rng.uniformInt(18, 36)), -1);
    insats.end = rng.chance(0.5) ? makeDate(yearOf(end), 12, 31) : end;
}

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

}  // namespace

bool acceptsParticipantsOn(const Insats& insats, Date day) {
    return insats.uppfoljning == Uppfoljning::kIndivid && insats.start <= day &&
           addDays(day, 14) <= insats.end;
}

std::vector<Insats> makeInsatser(Rng rng, const WorldOptions& options) {
    const int span = options.yearTo - options.yearFrom + 1;
    const auto& individ = individTemplates();
    const auto& structure = structureTemplates();
    const int individCount =
        std::clamp(options.participants / 25, 4, static_cast<int>(individ.size()));
    const int structureCount = std::min(static_cast<int>(structure.size()), 1 + span / 3);

    std::vector<Insats> insatser;
    for (int i = 0; i < individCount; ++i) {
        Insats insats = fromTemplate(individ[static_cast<std::size_t>(i)],
                                     Inriktning::kIndividinriktad, Uppfoljning::kIndivid);
        if (i < 2) {
            // The backbone insatser cover the whole range (and sometimes run on past it).
            insats.start = makeDate(options.yearFrom, 1, 1);
            insats.end = makeDate(options.yearTo + (rng.chance(0.5) ? 1 : 0), 12, 31);
        } else {
            // Spread the others over the range, so every year has new insatser to join.
            drawPeriod(rng, options.yearFrom + (i - 2) % span, insats);
        }
        insatser.push_back(std::move(insats));
    }
    for (int i = 0; i < structureCount; ++i) {
        Insats insats = fromTemplate(structure[static_cast<std::size_t>(i)],
                                     Inriktning::kStrukturovergripande, Uppfoljning::kEndastAntal);
        drawPeriod(rng, options.yearFrom + rng.uniformInt(0, span - 1), insats);
        insatser.push_back(std::move(insats));
    }
    for (Insats& insats : insatser) {
        addBudgetYears(rng, options, insats);
    }

    std::stable_sort(insatser.begin(), insatser.end(),
                     [](const Insats& a, const Insats& b) { return a.start < b.start; });
    const std::string slug = upper(options.forbundSlug);
    int lastYear = 0;
    int sequence = 0;
    for (Insats& insats : insatser) {
        const int year = yearOf(insats.start);
        sequence = year == lastYear ? sequence + 1 : 1;
        lastYear = year;
        char suffix[48];
        std::snprintf(suffix, sizeof suffix, "-%04d-%02d", year, sequence);
        insats.id = "FB-" + slug + suffix;
    }
    return insatser;
}

}  // namespace finsam::generator
