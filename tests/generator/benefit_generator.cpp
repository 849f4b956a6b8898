// tests/generator/benefit_generator.cpp — the benefit periods the members pay, consistent with the
// försörjning the förbund recorded.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/benefit_generator.h"

#include <algorithm>
#include <tuple>

namespace finsam::generator {
namespace {

constexpr double kShareUnreportedAktivitetsstod = 0.4;

bool contains(const std::vector<Ersattning>& list, Ersattning e) {
    return std::find(list.begin(), list.end(), e) != list.end();
}

// Days of support before the start, by the förbund's Tid i offentlig försörjning (codes.md bounds).
int drawSpellDays(Rng& rng, TidOffentlig tid) {
    switch (tid) {
        case TidOffentlig::kUpTo1:
            return rng.uniformInt(31, 365);
        case TidOffentlig::k1To3:
            return rng.uniformInt(366, 1095);
        case TidOffentlig::k3To5:
            return rng.uniformInt(1096, 1825);
        case TidOffentlig::k5To9:
            return rng.uniformInt(1826, 3285);
        case TidOffentlig::kOver9:
            return rng.uniformInt(3286, 4200);
        case TidOffentlig::kIngen:
        case TidOffentlig::kOkand:
            break;
    }
    return rng.uniformInt(31, 200);
}

int drawOmfattning(Rng& rng, Ersattning e) {
    if (e == Ersattning::kForsorjningsstod) {
        return 100;  // paid per month and household, not by degree
    }
    static const int kDegrees[] = {100, 50, 75, 25};
    return kDegrees[rng.weighted({70, 15, 8, 7})];
}

class BenefitDrawer {
public:
    BenefitDrawer(Rng rng, const World& world) : rng_(rng), world_(world) {}

    std::vector<BenefitPeriod> run() {
        for (const Deltagande& d : world_.deltaganden) {
            if (!d.reportsDetails) {
                unreported(d);
                continue;
            }
            for (std::size_t i = 0; i < d.forsorjningFore.size(); ++i) {
                before(d, d.forsorjningFore[i], i == 0);
            }
            if (d.end) {
                for (const Ersattning e : d.forsorjningEfter) {
                    if (!contains(d.forsorjningFore, e)) {
                        after(d, e);
                    }
                }
            }
        }
        return merged();
    }

private:
    // A type paid before the start; the main one spans the whole spell.
    void before(const Deltagande& d, Ersattning e, bool main) {
        if (!payerOf(e)) {
            return;
        }
        const int spell = main ? drawSpellDays(rng_, d.tidOffentlig) : rng_.uniformInt(31, 365);
        std::optional<Date> tom;
        if (d.end && contains(d.forsorjningEfter, e)) {
            if (!rng_.chance(0.5)) {
                tom = addDays(*d.end, rng_.uniformInt(30, 400));
            }
        } else if (d.end) {
            tom = addDays(d.start, rng_.uniformInt(0, daysBetween(d.start, *d.end)));
        } else if (rng_.chance(0.5)) {
            tom = addDays(d.start, rng_.uniformInt(30, 300));
        }
        add(d.person, e, addDays(d.start, -spell), tom);
    }

    // A type that starts around the end of the deltagande.
    void after(const Deltagande& d, Ersattning e) {
        if (!payerOf(e)) {
            return;
        }
        const Date from = addDays(*d.end, -rng_.uniformInt(0, 20));
        std::optional<Date> tom;
        if (!rng_.chance(0.4)) {
            tom = addDays(from, rng_.uniformInt(60, 500));
        }
        add(d.person, e, from, tom);
    }

    // The förbund recorded only a head count; AF still knows the person.
    void unreported(const Deltagande& d) {
        if (!rng_.chance(kShareUnreportedAktivitetsstod)) {
            return;
        }
        std::optional<Date> tom;
        if (rng_.chance(0.5)) {
            tom = addDays(d.start, rng_.uniformInt(30, 300));
        }
        add(d.person, Ersattning::kAktivitetsstod, addDays(d.start, -rng_.uniformInt(31, 400)), tom);
    }

    void add(std::size_t person, Ersattning e, Date from, std::optional<Date> tom) {
        if (from > world_.asOf) {
            return;
        }
        if (tom && *tom < from) {
            tom = from;
        }
        periods_.push_back({person, e, drawOmfattning(rng_, e), from, tom});
    }

    // One period per stretch: a partner never pays the same type twice for the same day.
    std::vector<BenefitPeriod> merged() {
        auto key = [](const BenefitPeriod& p) {
            return std::make_tuple(p.person, static_cast<int>(p.ersattning), p.from);
        };
        std::stable_sort(periods_.begin(), periods_.end(),
                         [&](const BenefitPeriod& a, const BenefitPeriod& b) { return key(a) < key(b); });
        std::vector<BenefitPeriod> out;
        for (const BenefitPeriod& p : periods_) {
            if (!out.empty()) {
                BenefitPeriod& last = out.back();
                const bool same = last.person == p.person && last.ersattning == p.ersattning;
                if (same && (!last.tom || p.from <= addDays(*last.tom, 1))) {
                    if (last.tom && (!p.tom || *p.tom > *last.tom)) {
                        last.tom = p.tom;
                    }
                    continue;
                }
            }
            out.push_back(p);
        }
        std::stable_sort(out.begin(), out.end(), [](const BenefitPeriod& a, const BenefitPeriod& b) {
            return std::make_tuple(a.from, a.person, static_cast<int>(a.ersattning)) <
                   std::make_tuple(b.from, b.person, static_cast<int>(b.ersattning));
        });
        return out;
    }

    Rng rng_;
    const World& world_;
    std::vector<BenefitPeriod> periods_;
};

}  // namespace

std::optional<Payer> payerOf(Ersattning ersattning) {
    switch (ersattning) {
        case Ersattning::kSjukpenning:
        case Ersattning::kRehabiliteringspenning:
        case Ersattning::kAktivitetsersattning:
        case Ersattning::kSjukersattning:
            return Payer::kFk;
        case Ersattning::kAktivitetsstod:
        case Ersattning::kUtvecklingsersattning:
        case Ersattning::kEtableringsersattning:
        case Ersattning::kAKassa:
        case Ersattning::kSubventioneradAnstallning:
            return Payer::kAf;
        case Ersattning::kForsorjningsstod:
            return Payer::kKommun;
        default:
            return std::nullopt;
    }
}

std::vector<BenefitPeriod> makeBenefits(Rng rng, const World& world) {
    return BenefitDrawer(rng, world).run();
}

}  // namespace finsam::generator
