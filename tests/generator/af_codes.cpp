// tests/generator/af_codes.cpp — AF's own codes and column names (af-csv.md).
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/af_codes.h"

#include <stdexcept>

namespace finsam::generator::af {

const std::vector<std::string>& columns() {
    static const std::vector<std::string> kColumns = {
        "Rad_id",        "Radtyp",         "Personnummer",   "Fornamn",      "Efternamn",
        "Kon",           "Kontor",         "Skyddad",        "Sokandestatus", "Ersattning",
        "Ersattning_from", "Ersattning_tom", "Omfattning",   "Insatskod",    "Insats_start",
        "Insats_slut",   "Avslutskod",     "Samtycke_ref"};
    return kColumns;
}

std::size_t columnIndex(const std::string& name) {
    const auto& all = columns();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i] == name) {
            return i;
        }
    }
    throw std::out_of_range("no AF column " + name);
}

const char* ersattningCode(Ersattning value) {
    switch (value) {
        case Ersattning::kAktivitetsstod:
            return "AKS";
        case Ersattning::kUtvecklingsersattning:
            return "UVE";
        case Ersattning::kEtableringsersattning:
            return "ETB";
        case Ersattning::kAKassa:
            return "AKA";
        case Ersattning::kSubventioneradAnstallning:
            return "LBI";
        default:
            return "";
    }
}

char avslutskod(Avslut value) {
    switch (value) {
        case Avslut::kArbete:
            return '1';
        case Avslut::kStudier:
            return '2';
        case Avslut::kArbetssokande:
            return '3';
        case Avslut::kOvergangAnnanInsats:
            return '4';
        case Avslut::kSjukdom:
            return '5';
        case Avslut::kFlyttat:
            return '6';
        case Avslut::kAvbrott:
            return '7';
        case Avslut::kSamtyckeAterkallat:
            return '8';
        case Avslut::kAnnan:
            return '9';
        case Avslut::kFelregistrering:
            return '0';
    }
    return '9';
}

const char* sokandestatusFor(Ersattning value, int omfattning) {
    switch (value) {
        case Ersattning::kAKassa:
            return omfattning < 100 ? "DELTID" : "ARBETSLOS";
        case Ersattning::kSubventioneradAnstallning:
            return "ARBETE";
        default:
            return "PROGRAM";  // aktivitetsstöd and its kin are paid for taking part in a programme
    }
}

const char* sokandestatusAfter(const Deltagande& deltagande) {
    if (!deltagande.end || !deltagande.sysselsattningEfter) {
        return deltagande.end ? "AVAKT" : "PROGRAM";
    }
    switch (*deltagande.sysselsattningEfter) {
        case Sysselsattning::kArbete:
        case Sysselsattning::kSubventioneratArbete:
            return "ARBETE";
        case Sysselsattning::kStudier:
            return "STUDIER";
        case Sysselsattning::kArbetssokande:
            return "ARBETSLOS";
        case Sysselsattning::kAnnan:
            return "FORHINDER";
        case Sysselsattning::kOkand:
            return "AVAKT";
    }
    return "AVAKT";
}

const std::vector<std::string>& offices(const std::string& kommunId) {
    static const std::vector<std::string> kStockholm = {"0180-CITY",  "0180-SÖDER",
                                                        "0180-KISTA", "0180-SKÄRHOLMEN",
                                                        "0180-VÄLLINGBY", "0180-FARSTA"};
    static const std::vector<std::string> kMalmo = {"1280-CENTRUM", "1280-ROSENGÅRD",
                                                    "1280-HYLLIE"};
    static const std::vector<std::string> kLund = {"1281-LUND", "1281-SÖDRA SANDBY"};
    static const std::vector<std::string> kGoteborg = {"1480-CENTRUM", "1480-ANGERED",
                                                       "1480-HISINGEN", "1480-FRÖLUNDA"};
    if (kommunId == "kommun-1280") {
        return kMalmo;
    }
    if (kommunId == "kommun-1281") {
        return kLund;
    }
    if (kommunId == "kommun-1480") {
        return kGoteborg;
    }
    return kStockholm;
}

}  // namespace finsam::generator::af
