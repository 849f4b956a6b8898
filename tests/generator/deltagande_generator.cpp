// tests/generator/deltagande_generator.cpp — what the register records about a deltagande.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/deltagande_generator.h"

#include <algorithm>

namespace finsam::generator {
namespace {

bool hasMalgrupp(const Insats& insats, Malgrupp malgrupp) {
    return std::find(insats.malgrupper.begin(), insats.malgrupper.end(), malgrupp) !=
           insats.malgrupper.end();
}

Aktor drawRemitterande(Rng& rng, const Insats& insats) {
    // Most are referred by the member that runs the insats; the rest from anywhere.
    if (insats.huvudman != Aktor::kForbundet && rng.chance(0.45)) {
        return insats.huvudman;
    }
    static const Aktor kAktorer[] = {Aktor::kAf,     Aktor::kFk,          Aktor::kKommun,
                                     Aktor::kRegion, Aktor::kEgenAnmalan, Aktor::kAnnan};
    return kAktorer[rng.weighted({28, 22, 26, 14, 8, 2})];
}

Ersattning drawOvriga(Rng& rng) {
    static const Ersattning kOvriga[] = {Ersattning::kSjukersattning,
                                         Ersattning::kAKassa,
                                         Ersattning::kStudiemedel,
                                         Ersattning::kLon,
                                         Ersattning::kSubventioneradAnstallning,
                                         Ersattning::kEgetForetag,
                                         Ersattning::kAnnan,
                                         Ersattning::kIngen,
                                         Ersattning::kOkand};
    return kOvriga[rng.weighted({25, 20, 15, 8, 6, 2, 10, 9, 5})];
}

// An insats aimed at a group draws more of that group's support.
void tiltByMalgrupper(const Insats& insats, std::vector<int>& weights) {
    if (hasMalgrupp(insats, Malgrupp::kForsorjningsstod)) {
        weights[0] += 21;
    }
    if (hasMalgrupp(insats, Malgrupp::kLangtidssjukskrivna)) {
        weights[1] *= 3;
    }
    if (hasMalgrupp(insats, Malgrupp::kUnga)) {
        weights[2] *= 2;
    }
    if (hasMalgrupp(insats, Malgrupp::kNyanlanda)) {
        weights[3] *= 6;
    }
}

// Main support before start, by the profile's buckets: försörjningsstöd, sjukpenning,
// aktivitetsersättning, etableringsersättning, aktivitetsstöd, övriga.
Ersattning drawMainSupport(Rng& rng, const WorldProfile& profile, int age, const Insats& insats) {
    std::vector<int> weights =
        age >= 19 && age <= 29 ? profile.mainSupportAged19To29 : profile.mainSupport;
    if (profile.malgruppTiltsSupport) {
        tiltByMalgrupper(insats, weights);
    }
    switch (rng.weighted(weights)) {
        case 0:
            return Ersattning::kForsorjningsstod;
        case 1:
            return rng.chance(0.75) ? Ersattning::kSjukpenning
                                    : Ersattning::kRehabiliteringspenning;
        case 2:
            // Aktivitetsersättning is paid from 19 to 29; older people with lasting illness get
            // sjukersättning.
            if (age >= 19 && age <= 29) {
                return Ersattning::kAktivitetsersattning;
            }
            return age > 29 ? Ersattning::kSjukersattning : Ersattning::kForsorjningsstod;
        case 3:
            return Ersattning::kEtableringsersattning;
        case 4:
            // Utvecklingsersättning is aktivitetsstöd for 18-24-year-olds.
            return age >= 18 && age <= 24 && rng.chance(0.4) ? Ersattning::kUtvecklingsersattning
                                                             : Ersattning::kAktivitetsstod;
        default:
            return drawOvriga(rng);
    }
}

bool isPublicSupport(Ersattning e) {
    return e != Ersattning::kStudiemedel && e != Ersattning::kLon &&
           e != Ersattning::kSubventioneradAnstallning && e != Ersattning::kEgetForetag &&
           e != Ersattning::kAnnan && e != Ersattning::kIngen && e != Ersattning::kOkand;
}

TidOffentlig drawTidOffentlig(Rng& rng, const WorldProfile& profile,
                              const std::vector<Ersattning>& fore, int age) {
    if (fore.front() == Ersattning::kOkand) {
        return TidOffentlig::kOkand;
    }
    if (!isPublicSupport(fore.front()) && fore.size() == 1) {
        return rng.chance(0.85) ? TidOffentlig::kIngen : TidOffentlig::kOkand;
    }
    static const TidOffentlig kSpells[] = {TidOffentlig::kUpTo1, TidOffentlig::k1To3,
                                           TidOffentlig::k3To5,  TidOffentlig::k5To9,
                                           TidOffentlig::kOver9, TidOffentlig::kOkand};
    std::vector<int> weights = fore.front() == Ersattning::kSjukersattning
                                   ? profile.tidOffentligSjukersattning
                                   : profile.tidOffentlig;
    // Adult support starts at 16 at the earliest: a 19-year-old cannot have more than three years
    // of it.
    const int adultYears = std::max(0, age - 16);
    const int maxBucket = adultYears < 1   ? 0
                          : adultYears < 3 ? 1
                          : adultYears < 5 ? 2
                          : adultYears < 9 ? 3
                                           : 4;
    for (int i = maxBucket + 1; i < 5; ++i) {
        weights[static_cast<std::size_t>(i)] = 0;
    }
    return kSpells[rng.weighted(weights)];
}

Sysselsattning drawSysselsattningFore(Rng& rng, Ersattning main) {
    switch (main) {
        case Ersattning::kLon:
            return Sysselsattning::kArbete;
        case Ersattning::kSubventioneradAnstallning:
            return Sysselsattning::kSubventioneratArbete;
        case Ersattning::kStudiemedel:
            return Sysselsattning::kStudier;
        default:
            break;
    }
    static const Sysselsattning kValues[] = {Sysselsattning::kArbetssokande,
                                             Sysselsattning::kAnnan,
                                             Sysselsattning::kOkand,
                                             Sysselsattning::kArbete,
                                             Sysselsattning::kSubventioneratArbete,
                                             Sysselsattning::kStudier};
    return kValues[rng.weighted({45, 33, 10, 5, 4, 3})];
}

}  // namespace

void drawStartProfile(Rng& rng, const WorldProfile& profile, const Person& person,
                      const Insats& insats, Deltagande& deltagande) {
    const int age = ageOn(person.birthDate, deltagande.start);
    deltagande.remitterande = drawRemitterande(rng, insats);
    deltagande.forsorjningFore = {drawMainSupport(rng, profile, age, insats)};
    const Ersattning main = deltagande.forsorjningFore.front();
    // Försörjningsstöd often tops up a low benefit: then both are reported.
    const bool topUp = main == Ersattning::kSjukpenning || main == Ersattning::kAktivitetsstod ||
                       main == Ersattning::kAKassa || main == Ersattning::kEtableringsersattning ||
                       main == Ersattning::kAktivitetsersattning;
    if (topUp && rng.chance(0.15)) {
        deltagande.forsorjningFore.push_back(Ersattning::kForsorjningsstod);
        if (rng.chance(profile.topUpListedFirst)) {
            std::swap(deltagande.forsorjningFore[0], deltagande.forsorjningFore[1]);
        }
    }
    deltagande.tidOffentlig = drawTidOffentlig(rng, profile, deltagande.forsorjningFore, age);
    deltagande.sysselsattningFore = drawSysselsattningFore(rng, main);
}

void setOutcome(Rng& rng, Avslut avslut, Deltagande& deltagande) {
    deltagande.avslut = avslut;
    deltagande.forsorjningEfter.clear();
    deltagande.sysselsattningEfter.reset();
    const std::vector<Ersattning> fore = deltagande.forsorjningFore;
    switch (avslut) {
        case Avslut::kArbete:
            if (rng.chance(0.7)) {
                deltagande.sysselsattningEfter = Sysselsattning::kArbete;
                deltagande.forsorjningEfter = {Ersattning::kLon};
            } else {
                deltagande.sysselsattningEfter = Sysselsattning::kSubventioneratArbete;
                deltagande.forsorjningEfter = {Ersattning::kSubventioneradAnstallning};
            }
            break;
        case Avslut::kStudier:
            deltagande.sysselsattningEfter = Sysselsattning::kStudier;
            deltagande.forsorjningEfter = {rng.chance(0.8) ? Ersattning::kStudiemedel
                                                           : Ersattning::kForsorjningsstod};
            break;
        case Avslut::kArbetssokande: {
            static const Ersattning kSupport[] = {Ersattning::kAktivitetsstod, Ersattning::kAKassa,
                                                  Ersattning::kForsorjningsstod};
            deltagande.sysselsattningEfter = Sysselsattning::kArbetssokande;
            deltagande.forsorjningEfter = {kSupport[rng.weighted({60, 15, 25})]};
            break;
        }
        case Avslut::kOvergangAnnanInsats:
        case Avslut::kSjukdom:
        case Avslut::kAnnan:
            deltagande.sysselsattningEfter =
                rng.chance(0.7) ? Sysselsattning::kAnnan : Sysselsattning::kOkand;
            deltagande.forsorjningEfter = avslut == Avslut::kSjukdom && rng.chance(0.6)
                                              ? std::vector<Ersattning>{Ersattning::kSjukpenning}
                                              : fore;
            break;
        case Avslut::kAvbrott:
            if (rng.chance(0.5)) {
                deltagande.sysselsattningEfter = Sysselsattning::kOkand;
                deltagande.forsorjningEfter = fore;
            }
            break;
        case Avslut::kFlyttat:
        case Avslut::kSamtyckeAterkallat:
        case Avslut::kFelregistrering:
            break;  // nobody asks about the situation after: the cells stay empty
    }
}

void drawOutcome(Rng& rng, const WorldProfile& profile, Deltagande& deltagande) {
    if (!deltagande.end) {
        deltagande.avslut.reset();
        deltagande.forsorjningEfter.clear();
        deltagande.sysselsattningEfter.reset();
        return;
    }
    static const Avslut kReasons[] = {Avslut::kArbete,         Avslut::kStudier,
                                      Avslut::kArbetssokande,  Avslut::kOvergangAnnanInsats,
                                      Avslut::kSjukdom,        Avslut::kFlyttat,
                                      Avslut::kAvbrott,        Avslut::kAnnan,
                                      Avslut::kFelregistrering};
    setOutcome(rng, kReasons[rng.weighted(profile.avslut)], deltagande);
}

}  // namespace finsam::generator
