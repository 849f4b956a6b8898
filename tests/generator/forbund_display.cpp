// tests/generator/forbund_display.cpp — the förbund sheet's Swedish display texts (forbund-csv.md).
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/forbund_display.h"

#include <cstddef>

namespace finsam::generator::forbund {
namespace {

// Tables are indexed by the enum's value, so their order must match world.h.
template <std::size_t N, typename E>
const char* lookup(const char* const (&texts)[N], E value) {
    const auto index = static_cast<std::size_t>(value);
    return index < N ? texts[index] : "";
}

}  // namespace

const char* display(Kon value) {
    static const char* const kTexts[] = {"Kvinna", "Man", "Annat"};
    return lookup(kTexts, value);
}

const char* display(Utbildning value) {
    static const char* const kTexts[] = {"Grundskola", "Gymnasium", "Högskola/universitet",
                                         "Annan eftergymnasial utbildning", "Saknas/okänd"};
    return lookup(kTexts, value);
}

const char* display(Ersattning value) {
    static const char* const kTexts[] = {"Sjukpenning",
                                         "Rehabiliteringspenning",
                                         "Aktivitetsersättning",
                                         "Sjukersättning",
                                         "Aktivitetsstöd",
                                         "Utvecklingsersättning",
                                         "Etableringsersättning",
                                         "A-kassa",
                                         "Försörjningsstöd",
                                         "Studiemedel",
                                         "Lön",
                                         "Subventionerad anställning",
                                         "Eget företag",
                                         "Annan",
                                         "Ingen",
                                         "Okänd"};
    return lookup(kTexts, value);
}

const char* display(TidOffentlig value) {
    static const char* const kTexts[] = {"Upp till 1 år", "1-3 år", "3-5 år", "5-9 år",
                                         "Mer än 9 år",   "Ingen",  "Okänd"};
    return lookup(kTexts, value);
}

const char* display(Sysselsattning value) {
    static const char* const kTexts[] = {
        "Arbete", "Subventionerat arbete", "Studier", "Arbetssökande", "Annan", "Okänd"};
    return lookup(kTexts, value);
}

const char* display(Avslut value) {
    static const char* const kTexts[] = {
        "Arbete",  "Studier",        "Arbetssökande", "Övergång till annan insats",
        "Sjukdom", "Flyttat",        "Avbrott",       "Samtycke återkallat",
        "Annan",   "Felregistrering"};
    return lookup(kTexts, value);
}

const char* display(Aktor value) {
    static const char* const kTexts[] = {
        "Arbetsförmedlingen", "Försäkringskassan", "Region", "Kommun",
        "Förbundet",          "Egen anmälan",      "Annan"};
    return lookup(kTexts, value);
}

const char* display(Inriktning value) {
    static const char* const kTexts[] = {"Individinriktad", "Strukturövergripande"};
    return lookup(kTexts, value);
}

const char* display(Uppfoljning value) {
    static const char* const kTexts[] = {"Individ", "Endast antal"};
    return lookup(kTexts, value);
}

const char* display(Malgrupp value) {
    static const char* const kTexts[] = {"Unga 16-29",
                                         "Psykisk ohälsa",
                                         "Nyanlända",
                                         "Långtidsarbetslösa",
                                         "Långtidssjukskrivna",
                                         "Försörjningsstöd",
                                         "Funktionsnedsättning",
                                         "Annan"};
    return lookup(kTexts, value);
}

const char* display(ConsentCategory value) {
    static const char* const kTexts[] = {"identitet", "deltagande", "ersattning", "halsa"};
    return lookup(kTexts, value);
}

const char* display(ConsentPurpose value) {
    static const char* const kTexts[] = {"samordning", "uppfoljning"};
    return lookup(kTexts, value);
}

}  // namespace finsam::generator::forbund
