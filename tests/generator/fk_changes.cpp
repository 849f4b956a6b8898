// tests/generator/fk_changes.cpp — the world's FK benefit periods as change records in monthly
// batches.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/fk_changes.h"

#include "tests/generator/benefit_generator.h"
#include "tests/generator/identity_spelling.h"
#include "tests/generator/rng.h"

#include <algorithm>
#include <cstdio>

namespace finsam::generator::fk {
namespace {

constexpr double kShareEndKnownUpFront = 0.35;
constexpr double kShareOmfattningChanged = 0.10;
constexpr double kShareFromCorrected = 0.05;
constexpr double kShareRegisteredInError = 0.03;

struct Event {
    Date date;
    Detail detail;
};

std::string arendeId(Date from, const char* code, int sequence) {
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%s-%07d", yearOf(from), code, sequence);
    return text;
}

class ChangeBuilder {
public:
    ChangeBuilder(const World& world, const GeneratorOptions& options)
        : world_(world), options_(options), rng_(Rng(options.world.seed).fork("fk-changes")) {}

    std::vector<Batch> run() {
        for (const BenefitPeriod& period : world_.benefits) {
            if (payerOf(period.ersattning) == Payer::kFk) {
                emitPeriod(period);
            }
        }
        std::stable_sort(events_.begin(), events_.end(),
                         [](const Event& a, const Event& b) { return a.date < b.date; });
        return batches();
    }

private:
    Date clampToAsOf(Date date) const { return std::min(date, world_.asOf); }

    void emit(Date date, const Detail& detail, char andring) {
        events_.push_back({date, detail});
        events_.back().detail.andring = andring;
    }

    void emitPeriod(const BenefitPeriod& period) {
        const Person& person = world_.people[period.person];
        const char* code = formanskod(period.ersattning);
        Detail state;
        state.personnummer = twelveDigits(person.personnummer);
        state.formanskod = code;
        state.omfattning = period.omfattning;
        state.from = period.from;
        state.arendeId = arendeId(period.from, code, ++sequence_);
        state.skyddad = person.skyddad;

        const Date decided = clampToAsOf(addDays(period.from, rng_.uniformInt(0, 10)));
        const std::optional<Date> tom =
            period.tom && *period.tom <= world_.asOf ? period.tom : std::nullopt;
        const bool upFront = tom && rng_.chance(kShareEndKnownUpFront);
        const bool omfattningChanged = rng_.chance(kShareOmfattningChanged);
        const bool fromCorrected = !omfattningChanged && rng_.chance(kShareFromCorrected) &&
                                   (!tom || *tom > addDays(period.from, 25)) &&
                                   addDays(period.from, 25) <= world_.asOf;

        Detail first = state;
        if (upFront) {
            first.tom = tom;
        }
        if (omfattningChanged) {
            first.omfattning = period.omfattning == 100 ? 50 : 100;
        }
        if (fromCorrected) {
            first.from = addDays(period.from, rng_.uniformInt(3, 20));
        }
        emit(decided, first, 'N');

        // Later changes, each carrying the whole period as it then stands.
        Detail current = first;
        struct Change {
            Date date;
            char what;
        };
        std::vector<Change> changes;
        if (omfattningChanged) {
            changes.push_back({clampToAsOf(addDays(decided, rng_.uniformInt(14, 90))), 'o'});
        }
        if (tom && !upFront) {
            // Never before the N: a short period may end before it was even registered.
            changes.push_back(
                {std::max(decided, clampToAsOf(addDays(*tom, rng_.uniformInt(0, 7)))), 't'});
        }
        if (fromCorrected) {
            changes.push_back({clampToAsOf(addDays(decided, rng_.uniformInt(7, 60))), 'f'});
        }
        std::stable_sort(changes.begin(), changes.end(),
                         [](const Change& a, const Change& b) { return a.date < b.date; });
        for (const Change& change : changes) {
            if (change.what == 'f') {
                emit(change.date, current, 'M');  // the period with the wrong from never existed
                current.from = period.from;
                emit(change.date, current, 'N');
                continue;
            }
            if (change.what == 'o') {
                current.omfattning = period.omfattning;
            } else {
                current.tom = tom;
            }
            emit(change.date, current, 'A');
        }
        maybeRegisteredInError(state, period);
    }

    // A second period registered by mistake and cancelled once noticed.
    void maybeRegisteredInError(const Detail& real, const BenefitPeriod& period) {
        if (!rng_.chance(kShareRegisteredInError)) {
            return;
        }
        const Date from = clampToAsOf(addDays(period.from, rng_.uniformInt(0, 30)));
        const Date decided = clampToAsOf(addDays(from, rng_.uniformInt(0, 10)));
        const Date cancelled = clampToAsOf(addDays(decided, rng_.uniformInt(14, 120)));
        Detail twin = real;
        twin.formanskod = real.formanskod == std::string("RHP") ? "SJP" : "RHP";
        twin.from = from;
        twin.tom.reset();
        twin.omfattning = 100;
        twin.arendeId = arendeId(from, twin.formanskod.c_str(), ++sequence_);
        emit(decided, twin, 'N');
        emit(cancelled, twin, 'M');
    }

    std::vector<Batch> batches() const {
        const int yearFrom = options_.world.yearFrom;
        const int months = (yearOf(world_.asOf) - yearFrom + 1) * 12;
        std::vector<Batch> out(static_cast<std::size_t>(months) + 1);
        out[0].created = makeDate(yearFrom, 1, 2);
        for (int m = 1; m <= months; ++m) {
            out[static_cast<std::size_t>(m)].created =
                addMonths(makeDate(yearFrom, 2, 2), m - 1);
        }
        for (std::size_t i = 0; i < out.size(); ++i) {
            out[i].number = static_cast<std::int64_t>(i) + 1;
        }
        for (const Event& event : events_) {
            std::size_t index = 0;
            if (yearOf(event.date) >= yearFrom) {
                index = static_cast<std::size_t>((yearOf(event.date) - yearFrom) * 12 +
                                                 monthOf(event.date));
            }
            out[index].details.push_back(event.detail);
        }
        return out;
    }

    const World& world_;
    const GeneratorOptions& options_;
    Rng rng_;
    std::vector<Event> events_;
    int sequence_ = 0;
};

}  // namespace

const char* formanskod(Ersattning ersattning) {
    switch (ersattning) {
        case Ersattning::kSjukpenning:
            return "SJP";
        case Ersattning::kRehabiliteringspenning:
            return "RHP";
        case Ersattning::kAktivitetsersattning:
            return "AKE";
        case Ersattning::kSjukersattning:
            return "SJE";
        default:
            return "";
    }
}

std::vector<Batch> buildWorldBatches(const World& world, const GeneratorOptions& options) {
    return ChangeBuilder(world, options).run();
}

}  // namespace finsam::generator::fk
