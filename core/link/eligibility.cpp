// core/link/eligibility.cpp — the person and its partners through links valid on the day, then their records.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/eligibility.h"

namespace finsam::link {

std::set<std::string> aktuellHos(store::Database& database, const std::string& personKey, const std::string& date) {
    auto& sql = database.session();
    std::set<std::string> persons = {personKey};
    // A dissolved link still counts for days inside its validity: "was it allowed on D" is about D.
    soci::rowset<soci::row> links =
        (sql.prepare << "SELECT person_a, person_b FROM person_link WHERE (person_a = :a OR person_b = :b) AND "
                        "valid_from <= :d1 AND (valid_to IS NULL OR valid_to >= :d2)",
         soci::use(personKey), soci::use(personKey), soci::use(date), soci::use(date));
    for (const auto& row : links) {
        persons.insert(row.get<std::string>(0));
        persons.insert(row.get<std::string>(1));
    }
    std::set<std::string> parties;
    for (const auto& person : persons) {
        for (const char* query :
             {"SELECT organisation FROM deltagande WHERE state = 'active' AND person_key = :p AND startdatum <= :d1 "
              "AND (slutdatum IS NULL OR slutdatum >= :d2)",
              "SELECT organisation FROM ersattningsperiod WHERE state = 'active' AND person_key = :p AND "
              "from_datum <= :d1 AND (tom_datum IS NULL OR tom_datum >= :d2)"}) {
            soci::rowset<std::string> rows = (sql.prepare << query, soci::use(person), soci::use(date), soci::use(date));
            parties.insert(rows.begin(), rows.end());
        }
    }
    return parties;
}

}  // namespace finsam::link
