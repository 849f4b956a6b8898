// tests/generator/name_generator.cpp — first and last names for AF's name columns.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/name_generator.h"

namespace finsam::generator {
namespace {

// Common Swedish names and names of the larger immigrant groups; every one is Windows-1252 text.
const std::vector<std::string>& womensNames() {
    static const std::vector<std::string> kNames = {
        "Anna",   "Maria", "Åsa",    "Märta", "Birgitta", "Agnes",  "Elin",  "Sofia",
        "Linnéa", "Zoë",   "Fatima", "Amina", "Ingrid",   "Karin",  "Malin", "Sara",
        "Leila",  "Hélène", "Ebba",  "Maja",  "Noor",     "Gunnel", "Ylva",  "Björg"};
    return kNames;
}

const std::vector<std::string>& mensNames() {
    static const std::vector<std::string> kNames = {
        "Tomas", "Jörgen",   "Hassan", "André", "Erik",   "Lars",  "Mohammed", "Anders",
        "Pär",   "Håkan",    "Jürgen", "Olof",  "Ali",    "Johan", "Örjan",    "José",
        "Omar",  "Per-Åke",  "Emil",   "Oskar", "Ahmad",  "Nils",  "Göran",    "René"};
    return kNames;
}

const std::vector<std::string>& lastNames() {
    static const std::vector<std::string> kNames = {
        "Lindström", "Yilmaz",     "Wallin",  "Eklund",     "Lundgren",  "Andersson",
        "Johansson", "Karlsson",   "Nilsson", "Eriksson",   "Larsson",   "Olsson",
        "Persson",   "Svensson",   "Jönsson", "Öberg",      "Åkesson",   "Müller",
        "Ahmed",     "Mohammadi",  "Nyström", "Sjöberg",    "Bäckström", "Håkansson",
        "Lindén",    "Bergström",  "Ström",   "Söderberg",  "Hussein",   "Özdemir",
        "Lövgren",   "Engström",   "Åberg",   "Björklund",  "Dahl",      "Ali"};
    return kNames;
}

}  // namespace

void assignNames(Rng rng, std::vector<Person>& people) {
    for (Person& person : people) {
        person.fornamn = rng.pick(person.kon == Kon::kMan ? mensNames() : womensNames());
        person.efternamn = rng.pick(lastNames());
        if (rng.chance(0.05)) {
            // Double-barrelled names, as Swedish registers hold them.
            person.efternamn += "-" + rng.pick(lastNames());
        }
    }
}

}  // namespace finsam::generator
