// core/indicators/disclosure_control.cpp — primary and secondary suppression by interval propagation: the
// suppressor attacks its own release the way a reader could and suppresses more until every attack fails.
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/disclosure_control.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>

namespace finsam::indicators {

std::size_t DisclosureProblem::addCell(std::int64_t value, bool published, int keep) {
    values_.push_back(value);
    published_.push_back(published);
    keep_.push_back(keep);
    return values_.size() - 1;
}

void DisclosureProblem::addSum(std::size_t total, std::vector<std::size_t> parts) {
    if (total >= size()) {
        throw std::out_of_range("disclosure relation: unknown total cell " + std::to_string(total));
    }
    for (std::size_t part : parts) {
        if (part >= size()) {
            throw std::out_of_range("disclosure relation: unknown part cell " + std::to_string(part));
        }
    }
    totals_.push_back(total);
    parts_.push_back(std::move(parts));
}

namespace {

// Far above any count, far below overflow when a few are added.
constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max() / 4;

using CandidateKey = std::tuple<bool, int, bool, std::int64_t, std::size_t>;  // zero, keep, isTotal, value, id

class Suppressor {
public:
    Suppressor(const DisclosureProblem& problem, const DisclosureRules& rules)
        : p_(problem), rules_(rules), cellRelations_(problem.size()), suppressed_(problem.size()),
          sensitive_(problem.size()), lo_(problem.size()), hi_(problem.size()),
          cellMark_(problem.size()), relationMark_(problem.relationCount()), touched_(problem.relationCount()) {}

    std::vector<bool> run() {
        validate();
        std::vector<std::size_t> fresh;
        for (std::size_t c = 0; c < p_.size(); ++c) {
            std::int64_t v = p_.value(c);
            sensitive_[c] = (v >= 1 && v < rules_.threshold) || (v == 0 && rules_.suppressZero);
            suppressed_[c] = sensitive_[c];
            lo_[c] = hi_[c] = v;
            if (unknown(c)) {
                fresh.push_back(c);
            }
        }
        for (std::size_t r = 0; r < p_.relationCount(); ++r) {
            cellRelations_[p_.total(r)].push_back(r);
            for (std::size_t q : p_.parts(r)) {
                cellRelations_[q].push_back(r);
            }
        }
        for (auto& relations : cellRelations_) {
            std::sort(relations.begin(), relations.end());
            relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
        }
        // Each round re-attacks only the part of the release that the last round's suppressions changed.
        while (!fresh.empty()) {
            auto [cells, relations] = component(fresh);
            for (std::size_t c : cells) {
                lo_[c] = 0;
                hi_[c] = kInf;
            }
            propagate(relations);
            std::vector<std::size_t> exposed;
            for (std::size_t c : cells) {
                if (hi_[c] - lo_[c] < need(c)) {
                    exposed.push_back(c);
                }
            }
            std::sort(exposed.begin(), exposed.end());
            fresh.clear();
            std::vector<std::size_t> touchedList;
            // Cells pinned by a relation on their own go first: the others are often pinned only through them.
            std::vector<bool> handled(exposed.size());
            for (bool directPass : {true, false}) {
                for (std::size_t i = 0; i < exposed.size(); ++i) {
                    std::size_t c = exposed[i];
                    if (handled[i] || (directPass && !hasDirect(c))) {
                        continue;
                    }
                    handled[i] = true;
                    std::size_t pick = choose(c, directPass);
                    if (pick == kNone) {
                        continue;  // deferred to the next round, or nothing left to suppress around it
                    }
                    suppressed_[pick] = true;
                    fresh.push_back(pick);
                    for (std::size_t r : cellRelations_[pick]) {
                        touched_[r] = true;
                        touchedList.push_back(r);
                    }
                }
            }
            for (std::size_t r : touchedList) {
                touched_[r] = false;
            }
        }
        return suppressed_;
    }

private:
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

    bool unknown(std::size_t c) const { return !p_.published(c) || suppressed_[c]; }
    // A sensitive cell must stay a threshold wide; any other suppressed cell just must not be exact, unless it
    // is a zero: a zero reveals no one (it would be published if it were not suppressed), and protecting it
    // cascades up to the headline figures.
    std::int64_t need(std::size_t c) const {
        if (sensitive_[c]) {
            return rules_.threshold;
        }
        return suppressed_[c] && p_.value(c) != 0 ? 1 : 0;
    }
    std::int64_t width(std::size_t c) const { return hi_[c] >= kInf ? kInf : hi_[c] - lo_[c]; }

    void validate() const {
        for (std::size_t c = 0; c < p_.size(); ++c) {
            if (p_.value(c) < 0 || p_.value(c) >= kInf / 1024) {
                throw std::invalid_argument("disclosure cell " + std::to_string(c) + " is not a count");
            }
        }
        for (std::size_t r = 0; r < p_.relationCount(); ++r) {
            std::int64_t sum = 0;
            for (std::size_t q : p_.parts(r)) {
                sum += p_.value(q);
            }
            if (sum != p_.value(p_.total(r))) {
                throw std::invalid_argument("disclosure relation " + std::to_string(r) + " does not add up");
            }
        }
    }

    // The unknown cells connected to `seeds` through relations (known cells are constants and cut the graph),
    // and every relation touching them.
    std::pair<std::vector<std::size_t>, std::vector<std::size_t>> component(const std::vector<std::size_t>& seeds) {
        std::vector<std::size_t> cells;
        std::vector<std::size_t> relations;
        for (std::size_t s : seeds) {
            if (!cellMark_[s]) {
                cellMark_[s] = true;
                cells.push_back(s);
            }
        }
        for (std::size_t i = 0; i < cells.size(); ++i) {
            for (std::size_t r : cellRelations_[cells[i]]) {
                if (relationMark_[r]) {
                    continue;
                }
                relationMark_[r] = true;
                relations.push_back(r);
                auto visit = [&](std::size_t c) {
                    if (unknown(c) && !cellMark_[c]) {
                        cellMark_[c] = true;
                        cells.push_back(c);
                    }
                };
                visit(p_.total(r));
                for (std::size_t q : p_.parts(r)) {
                    visit(q);
                }
            }
        }
        for (std::size_t c : cells) {
            cellMark_[c] = false;
        }
        for (std::size_t r : relations) {
            relationMark_[r] = false;
        }
        return {std::move(cells), std::move(relations)};
    }

    // Bounds propagation to a fixpoint, revisiting only relations of cells whose bounds moved. Bounds only
    // shrink towards the true values, so it ends; the budget guards against slow integer creeping.
    void propagate(const std::vector<std::size_t>& relations) {
        std::deque<std::size_t> queue(relations.begin(), relations.end());
        for (std::size_t r : relations) {
            relationMark_[r] = true;
        }
        std::size_t budget = relations.size() * 512 + 65536;
        std::vector<std::size_t> changed;
        while (!queue.empty()) {
            std::size_t r = queue.front();
            queue.pop_front();
            relationMark_[r] = false;
            if (budget-- == 0) {
                continue;  // drain the marks
            }
            changed.clear();
            tighten(r, changed);
            for (std::size_t c : changed) {
                for (std::size_t next : cellRelations_[c]) {
                    if (!relationMark_[next]) {
                        relationMark_[next] = true;
                        queue.push_back(next);
                    }
                }
            }
        }
    }

    void tighten(std::size_t r, std::vector<std::size_t>& changed) {
        std::size_t t = p_.total(r);
        const auto& parts = p_.parts(r);
        std::int64_t sumLo = 0;
        std::int64_t sumHi = 0;
        std::size_t infinite = 0;
        for (std::size_t q : parts) {
            sumLo += lo_[q];
            if (hi_[q] >= kInf) {
                ++infinite;
            } else {
                sumHi += hi_[q];
            }
        }
        const std::int64_t tLo = lo_[t];
        const std::int64_t tHi = hi_[t];
        auto update = [&](std::size_t c, std::int64_t newLo, std::int64_t newHi) {
            if (!unknown(c)) {
                return;
            }
            bool moved = false;
            if (newLo > lo_[c]) {
                lo_[c] = newLo;
                moved = true;
            }
            if (newHi < hi_[c]) {
                hi_[c] = newHi;
                moved = true;
            }
            if (moved) {
                changed.push_back(c);
            }
        };
        update(t, sumLo, infinite > 0 ? kInf : sumHi);
        for (std::size_t q : parts) {
            bool ownInfinite = hi_[q] >= kInf;
            std::int64_t newLo = 0;
            if (infinite - (ownInfinite ? 1 : 0) == 0) {
                newLo = tLo - (sumHi - (ownInfinite ? 0 : hi_[q]));
            }
            std::int64_t newHi = tHi >= kInf ? kInf : tHi - (sumLo - lo_[q]);
            update(q, newLo, newHi);
        }
    }

    // How wide relation r alone lets cell c be: the other cells' widths added up.
    std::int64_t impliedWidth(std::size_t r, std::size_t c) const {
        std::int64_t sum = 0;
        std::size_t own = 0;
        auto add = [&](std::size_t x) {
            if (x == c && own++ == 0) {
                return;
            }
            sum = std::min(kInf, sum + width(x));
        };
        add(p_.total(r));
        for (std::size_t q : p_.parts(r)) {
            add(q);
        }
        return sum;
    }

    void consider(std::size_t r, std::optional<CandidateKey>& best) const {
        auto offer = [&](std::size_t c, bool isTotal) {
            if (unknown(c)) {
                return;
            }
            CandidateKey key{p_.value(c) == 0, p_.keep(c), isTotal, p_.value(c), c};
            if (!best || key < *best) {
                best = key;
            }
        };
        offer(p_.total(r), true);
        for (std::size_t q : p_.parts(r)) {
            offer(q, false);
        }
    }

    // Whether a suppression made this round may already change what is known of c: it sits in one of c's
    // relations or in a relation of an unknown neighbour of c. Waiting a round avoids needless suppressions.
    bool nearTouched(std::size_t c) const {
        for (std::size_t r : cellRelations_[c]) {
            if (touched_[r]) {
                return true;
            }
            auto near = [&](std::size_t x) {
                return x != c && unknown(x) &&
                       std::any_of(cellRelations_[x].begin(), cellRelations_[x].end(),
                                   [&](std::size_t other) { return touched_[other]; });
            };
            if (near(p_.total(r)) || std::any_of(p_.parts(r).begin(), p_.parts(r).end(), near)) {
                return true;
            }
        }
        return false;
    }

    // The published cell to suppress for exposed cell c, or kNone to wait a round (a relation around it has
    // already changed this round) or when nothing around it can be suppressed. Relations that pin c down with
    // no other unknown are preferred (directFirst), then those that alone narrow it too much, then the rest of
    // c's relations, then ever further relations through unknown cells.
    // Relation r has no unknown cell but c: it alone gives c exactly.
    bool direct(std::size_t r, std::size_t c) const {
        auto other = [&](std::size_t x) { return x != c && unknown(x); };
        return !other(p_.total(r)) && std::none_of(p_.parts(r).begin(), p_.parts(r).end(), other);
    }
    bool hasDirect(std::size_t c) const {
        return std::any_of(cellRelations_[c].begin(), cellRelations_[c].end(),
                           [&](std::size_t r) { return direct(r, c); });
    }

    std::size_t choose(std::size_t c, bool directFirst) {
        if (nearTouched(c)) {
            return kNone;
        }
        std::vector<std::size_t> layer = cellRelations_[c];
        std::vector<std::size_t> seenCells{c};
        std::vector<std::size_t> seenRelations(layer);
        cellMark_[c] = true;
        for (std::size_t r : layer) {
            relationMark_[r] = true;
        }
        std::size_t result = kNone;
        bool first = true;
        std::size_t visited = 0;
        while (!layer.empty() && visited < 4096) {
            visited += layer.size();
            if (std::any_of(layer.begin(), layer.end(), [&](std::size_t r) { return touched_[r]; })) {
                break;
            }
            std::optional<CandidateKey> best;
            if (first && directFirst) {
                for (std::size_t r : layer) {
                    if (direct(r, c)) {
                        consider(r, best);
                    }
                }
            }
            if (first && !best) {
                for (std::size_t r : layer) {
                    if (impliedWidth(r, c) < need(c)) {
                        consider(r, best);
                    }
                }
            }
            if (!best) {
                for (std::size_t r : layer) {
                    consider(r, best);
                }
            }
            if (best) {
                result = std::get<4>(*best);
                break;
            }
            first = false;
            std::vector<std::size_t> next;
            auto expand = [&](std::size_t x) {
                if (!unknown(x) || cellMark_[x]) {
                    return;
                }
                cellMark_[x] = true;
                seenCells.push_back(x);
                for (std::size_t r : cellRelations_[x]) {
                    if (!relationMark_[r]) {
                        relationMark_[r] = true;
                        seenRelations.push_back(r);
                        next.push_back(r);
                    }
                }
            };
            for (std::size_t r : layer) {
                expand(p_.total(r));
                for (std::size_t q : p_.parts(r)) {
                    expand(q);
                }
            }
            std::sort(next.begin(), next.end());
            layer = std::move(next);
        }
        for (std::size_t x : seenCells) {
            cellMark_[x] = false;
        }
        for (std::size_t r : seenRelations) {
            relationMark_[r] = false;
        }
        return result;
    }

    const DisclosureProblem& p_;
    const DisclosureRules& rules_;
    std::vector<std::vector<std::size_t>> cellRelations_;
    std::vector<bool> suppressed_;
    std::vector<bool> sensitive_;
    std::vector<std::int64_t> lo_;
    std::vector<std::int64_t> hi_;
    // Scratch marks, always cleared after use so that no round costs more than the part it looks at.
    std::vector<bool> cellMark_;
    std::vector<bool> relationMark_;
    std::vector<bool> touched_;
};

}  // namespace

std::vector<bool> suppress(const DisclosureProblem& problem, const DisclosureRules& rules) {
    if (rules.threshold < 1) {
        throw std::invalid_argument("disclosure threshold must be at least 1");
    }
    return Suppressor(problem, rules).run();
}

}  // namespace finsam::indicators
