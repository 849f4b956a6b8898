// tests/generator/kommun_items.cpp — the kommun API's two change logs (kommun-api.md).
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/kommun_items.h"

#include "tests/generator/benefit_generator.h"
#include "tests/generator/identity_spelling.h"
#include "tests/generator/rng.h"
#include "tests/generator/swedish_time.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

namespace finsam::generator::kommun {
namespace {

constexpr double kShareCoApplicant = 0.10;
constexpr double kShareCancelled = 0.03;
constexpr double kShareReclaimed = 0.02;

const std::vector<std::string>& stadsdelar(const std::string& kommunId) {
    static const std::vector<std::string> kStockholm = {
        "Enskede-Årsta-Vantör", "Rinkeby-Kista", "Södermalm", "Spånga-Tensta", "Skärholmen", "Farsta"};
    static const std::vector<std::string> kMalmo = {"Rosengård", "Fosie", "Innerstaden"};
    static const std::vector<std::string> kGoteborg = {"Angered", "Västra Hisingen", "Centrum"};
    static const std::vector<std::string> kNone;
    if (kommunId == "kommun-0180") {
        return kStockholm;
    }
    if (kommunId == "kommun-1280") {
        return kMalmo;
    }
    return kommunId == "kommun-1480" ? kGoteborg : kNone;
}

const char* avslut(Avslut value) {
    static const char* const kCodes[] = {"arbete",  "studier", "arbetssokande", "annan_insats",
                                         "sjukdom", "flyttat", "avbrott",       "samtycke_aterkallat",
                                         "ovrigt",  "felregistrerad"};
    return kCodes[static_cast<std::size_t>(value)];
}

// Sortable change time: day and minute of day, local.
struct Stamp {
    Date day;
    int minute = 0;
    std::size_t sequence = 0;
    bool operator<(const Stamp& o) const {
        return std::tie(day, minute, sequence) < std::tie(o.day, o.minute, o.sequence);
    }
};

std::string stamp(const Stamp& s) {
    return swedishTimestamp(s.day, s.minute / 60, s.minute % 60);
}

template <typename T>
std::vector<T> inOrder(std::vector<std::pair<Stamp, T>>& log) {
    std::sort(log.begin(), log.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<T> out;
    for (auto& [when, item] : log) {
        item.andrad = stamp(when);
        out.push_back(std::move(item));
    }
    return out;
}

class LogBuilder {
public:
    LogBuilder(const World& world, std::uint64_t seed)
        : world_(world), rng_(Rng(seed).fork("kommun-items")) {}

    ChangeLogs run() {
        for (const BenefitPeriod& period : world_.benefits) {
            if (payerOf(period.ersattning) == Payer::kKommun) {
                household(period);
            }
        }
        const std::map<std::string, std::string> ids = participationIds(world_);
        for (const Deltagande& d : world_.deltaganden) {
            if (const auto id = ids.find(d.id); id != ids.end()) {
                participation(d, id->second);
            }
        }
        return {inOrder(payments_), inOrder(participations_)};
    }

private:
    Stamp next(Date day, int minute) { return {day, minute, sequence_++}; }

    std::string paymentId(int year) {
        char id[48];
        std::snprintf(id, sizeof id, "EB-%04d-%06d", year, ++perYear_[year]);
        return id;
    }

    std::optional<std::string> coApplicant(std::size_t applicant) {
        if (!rng_.chance(kShareCoApplicant) || world_.people.size() < 2) {
            return std::nullopt;
        }
        std::size_t other = applicant;
        while (other == applicant) {
            other = static_cast<std::size_t>(
                rng_.uniformInt(0, static_cast<int>(world_.people.size()) - 1));
        }
        return twelveDigits(world_.people[other].personnummer);
    }

    // One payment per month of the period, paid on the 5th of that month.
    void household(const BenefitPeriod& period) {
        const Person& person = world_.people[period.person];
        char hushall[48];
        std::snprintf(hushall, sizeof hushall, "HH-%s-%06d", world_.forbund.kommunId.substr(7).c_str(),
                      ++households_);
        const auto& districts = stadsdelar(world_.forbund.kommunId);
        const std::optional<std::string> stadsdel =
            districts.empty() ? std::nullopt : std::optional(rng_.pick(districts));
        const std::optional<std::string> medsokande = coApplicant(period.person);
        const Date last = std::min(period.tom.value_or(world_.asOf), world_.asOf);
        for (Date month = makeDate(yearOf(period.from), monthOf(period.from), 1); month <= last;
             month = addMonths(month, 1)) {
            const Date paid = addDays(month, 4);
            if (paid > world_.asOf) {
                break;
            }
            Payment p;
            p.id = paymentId(yearOf(month));
            p.personnummer = twelveDigits(person.personnummer);
            p.medsokande = medsokande;
            p.hushall = hushall;
            char yyyymm[16];
            std::snprintf(yyyymm, sizeof yyyymm, "%04d-%02d", yearOf(month), monthOf(month));
            p.period = yyyymm;
            // Whole kronor mostly; now and then a half krona from a rounding rule.
            p.beloppOre = static_cast<std::int64_t>(rng_.uniformInt(30, 140)) * 10000 +
                          (rng_.chance(0.1) ? 50 : 0);
            p.stadsdel = stadsdel;
            p.status = "utbetald";
            p.skyddad = person.skyddad;
            payments_.push_back({next(paid, 6 * 60), p});
            const Date changed = addDays(paid, rng_.uniformInt(3, 60));
            if (changed <= world_.asOf && rng_.chance(kShareCancelled + kShareReclaimed)) {
                p.status = rng_.chance(kShareCancelled / (kShareCancelled + kShareReclaimed))
                               ? "makulerad"
                               : "aterkrav";
                payments_.push_back({next(changed, 10 * 60 + rng_.uniformInt(0, 300)), p});
            }
        }
    }

    void participation(const Deltagande& d, const std::string& id) {
        const Person& person = world_.people[d.person];
        Participation item;
        item.id = id;
        item.deltagandeId = d.id;
        item.insatsId = world_.insatser[d.insats].id;
        // The kommun knows every number; it withholds it only for those without consent who are
        // not protected (kommun-api.md: protected items still carry it).
        item.anonym = d.anonymous || person.skyddad;
        if (!d.anonymous || person.skyddad) {
            item.personnummer = twelveDigits(person.personnummer);
        }
        item.kon = person.kon == Kon::kMan ? "man" : "kvinna";
        item.fodelsear = yearOf(person.birthDate);
        item.start = formatIsoDate(d.start);
        if (d.consent) {
            item.samtyckeRef = world_.consents[*d.consent].blankett;
        }
        item.skyddad = person.skyddad;
        participations_.push_back({next(d.start, 9 * 60 + rng_.uniformInt(0, 420)), item});
        if (d.end) {
            item.slut = formatIsoDate(*d.end);
            item.avslutsanledning = avslut(*d.avslut);
            participations_.push_back({next(*d.end, 9 * 60 + rng_.uniformInt(0, 420)), item});
        }
    }

    const World& world_;
    Rng rng_;
    std::vector<std::pair<Stamp, Payment>> payments_;
    std::vector<std::pair<Stamp, Participation>> participations_;
    std::map<int, int> perYear_;
    std::size_t sequence_ = 0;
    int households_ = 0;
};

}  // namespace

ChangeLogs buildChangeLogs(const World& world, std::uint64_t seed) {
    return LogBuilder(world, seed).run();
}

std::map<std::string, std::string> participationIds(const World& world) {
    std::map<std::string, std::string> ids;
    int serial = 0;
    for (const Deltagande& d : world.deltaganden) {
        if (world.insatser[d.insats].huvudman == Aktor::kKommun) {
            char id[48];
            std::snprintf(id, sizeof id, "KD-%04d-%05d", yearOf(d.start), ++serial);
            ids[d.id] = id;
        }
    }
    return ids;
}

}  // namespace finsam::generator::kommun
