// tests/generator/person_generator.cpp — synthetic people: birth date, kön, identity number.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/person_generator.h"

#include "core/identity/personnummer.h"

#include <cstdio>

namespace finsam::generator {
namespace {

// Age and utbildning come from the profile (world_profile.cpp); these hold for every profile.
constexpr double kShareKvinnor = 0.55;        // FINSAM participants are a small majority women
constexpr double kShareSamordningsnr = 0.03;  // people not (yet) folkbokförda, often newly arrived

}  // namespace

std::string formatIdentityNumber(Date birthDate, IdKind kind, int serial) {
    const int day = dayOf(birthDate) + (kind == IdKind::kSamordningsnummer ? 60 : 0);
    char nine[48];
    std::snprintf(nine, sizeof nine, "%02d%02d%02d%03d", yearOf(birthDate) % 100,
                  monthOf(birthDate), day, serial % 1000);
    const int check = finsam::identity::luhnCheckDigit(nine);
    char text[48];
    std::snprintf(text, sizeof text, "%04d%02d%02d-%03d%d", yearOf(birthDate), monthOf(birthDate),
                  day, serial % 1000, check);
    return text;
}

int PersonGenerator::drawAge(bool young) {
    if (rng_.chance(profile_.shareOutsideAgeRange)) {
        // A few outside 16-64: codes.md says accept them and flag utanfor_malgruppsalder.
        return rng_.chance(0.3) ? 15 : rng_.uniformInt(65, 67);
    }
    const std::size_t group = rng_.weighted(young ? profile_.ageGroupsUnga : profile_.ageGroups);
    switch (group) {
        case 0:
            // Few insatser take 16-17-year-olds; most young participants are 18-29.
            return rng_.chance(0.06) ? rng_.uniformInt(16, 17) : rng_.uniformInt(18, 29);
        case 1:
            return rng_.uniformInt(30, 44);
        case 2:
            return rng_.uniformInt(45, 59);
        default:
            return rng_.uniformInt(60, 64);
    }
}

Utbildning PersonGenerator::drawUtbildning(int age) {
    static const Utbildning kLevels[] = {Utbildning::kGrundskola, Utbildning::kGymnasium,
                                         Utbildning::kHogskola, Utbildning::kAnnanEftergymnasial,
                                         Utbildning::kSaknasOkand};
    Utbildning level = kLevels[rng_.weighted(profile_.utbildning)];
    // Nobody under 19 has finished a post-secondary education, and under 18 rarely gymnasium.
    if (age < 19 && (level == Utbildning::kHogskola || level == Utbildning::kAnnanEftergymnasial)) {
        level = Utbildning::kGymnasium;
    }
    if (age < 18 && level == Utbildning::kGymnasium) {
        level = Utbildning::kGrundskola;
    }
    return level;
}

Person PersonGenerator::make(Date start, bool young) {
    Person person;
    const int age = drawAge(young);
    // Birthday somewhere in the year before the age was reached: start - age years - 0..364 days.
    person.birthDate = addDays(addMonths(start, -12 * age), -rng_.uniformInt(0, 364));
    person.kon = rng_.chance(kShareKvinnor) ? Kon::kKvinna : Kon::kMan;
    person.idKind =
        rng_.chance(kShareSamordningsnr) ? IdKind::kSamordningsnummer : IdKind::kPersonnummer;
    person.utbildning = drawUtbildning(ageOn(person.birthDate, start));
    for (;;) {
        // Serial NN then the kön digit: even for kvinna, odd for man (Skatteverket SKV 704).
        const int prefix = rng_.uniformInt(0, 99);
        const int konDigit = 2 * rng_.uniformInt(0, 4) + (person.kon == Kon::kMan ? 1 : 0);
        const int serial = prefix * 10 + konDigit;
        if (serial == 0) {
            continue;  // 000 is never issued
        }
        person.personnummer = formatIdentityNumber(person.birthDate, person.idKind, serial);
        if (used_.insert(person.personnummer).second) {
            break;
        }
    }
    return person;
}

}  // namespace finsam::generator
