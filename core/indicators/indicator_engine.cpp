// core/indicators/indicator_engine.cpp — counts per cell, the relations between them, suppression, comparison.
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/indicator_engine.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "core/indicators/case_mix.h"
#include "core/indicators/fact_fields.h"

namespace finsam::indicators {
namespace {

using Units = std::vector<const ParticipationFacts*>;

bool inPeriod(const ParticipationFacts& f, const std::string& rule, const ReportingPeriod& period) {
    const std::chrono::sys_days start{f.start};
    if (rule == "started") return start >= period.first && start <= period.last;
    if (rule == "ended") return f.end && std::chrono::sys_days{*f.end} >= period.first &&
                                std::chrono::sys_days{*f.end} <= period.last;
    return start <= period.last && (!f.end || std::chrono::sys_days{*f.end} >= period.first);
}

/// A person unit counts each human once: its first participation (start, then key) stands for it.
Units representatives(const Units& units, const std::string& unit) {
    if (unit != "person") return units;
    std::unordered_map<std::string, const ParticipationFacts*> first;
    for (const auto* f : units) {
        auto [it, inserted] = first.emplace(f->human, f);
        if (!inserted && (std::chrono::sys_days{f->start} < std::chrono::sys_days{it->second->start} ||
                          (f->start == it->second->start && f->deltagandeKey < it->second->deltagandeKey))) {
            it->second = f;
        }
    }
    Units out;
    for (const auto& [human, f] : first) out.push_back(f);
    return out;
}

Units filter(const Units& units, const Conditions& conditions) {
    Units out;
    for (const auto* f : units) {
        if (matches(*f, conditions)) out.push_back(f);
    }
    return out;
}

std::int64_t countWith(const Units& units, const std::string& field, const std::string& category) {
    std::int64_t n = 0;
    for (const auto* f : units) {
        const auto values = fieldValues(*f, field);
        if (std::find(values.begin(), values.end(), category) != values.end()) ++n;
    }
    return n;
}

/// The listed categories, then any other value that occurs, so categories of a single-valued field add up.
std::vector<std::string> categoriesOf(const std::string& field, const Units& units) {
    std::vector<std::string> categories = fieldCategories(field);
    std::set<std::string> extra;
    for (const auto* f : units) {
        for (auto& value : fieldValues(*f, field)) {
            if (std::find(categories.begin(), categories.end(), value) == categories.end()) extra.insert(value);
        }
    }
    categories.insert(categories.end(), extra.begin(), extra.end());
    return categories;
}

/// A canonical name of what a count counts, so the same count in two indicators is one cell.
/// Population conditions pick the units before a person's representative is chosen, the others after, so
/// they are named apart.
std::string signature(const std::string& unit, const std::string& rule, const Conditions& population,
                      const std::vector<Conditions>& parts) {
    std::set<std::string> terms;
    for (const auto& c : population) {
        std::vector<std::string> values = c.values;
        std::sort(values.begin(), values.end());
        std::string term = "population:" + c.field + "∈";
        for (const auto& v : values) term += v + ",";
        terms.insert(term);
    }
    for (const auto& conditions : parts) {
        for (const auto& c : conditions) {
            std::vector<std::string> values = c.values;
            std::sort(values.begin(), values.end());
            std::string term = c.field + "∈";
            for (const auto& v : values) term += v + ",";
            terms.insert(term);
        }
    }
    std::string out = unit + "|" + rule;
    for (const auto& term : terms) out += "|" + term;
    return out;
}

Conditions categoryCondition(const std::string& field, const std::string& category) {
    if (field == "total") return {};
    return {{field, {category}}};
}

/// Cells of the release, each count once, and the relations between them.
class Release {
public:
    /// Secondary suppression takes an insatser's cells before the förbund's breakdowns, and those before the
    /// förbund's headline counts: the figures analysts compare are the last to go.
    std::size_t cell(const std::string& sig, const std::string& forbund, const std::string& insats,
                     const std::string& period, std::int64_t value, bool breakdown) {
        const std::string key = sig + "#" + forbund + "#" + insats + "#" + period;
        auto [it, inserted] = ids_.emplace(key, 0);
        if (inserted) {
            it->second = problem.addCell(value, true, !insats.empty() ? 0 : breakdown ? 1 : 2);
            if (!insats.empty()) byScope_[sig + "#" + forbund + "#" + period].push_back(it->second);
            else forbundLevel_.emplace(sig + "#" + forbund + "#" + period, it->second);
        } else if (problem.value(it->second) != value) {
            throw std::logic_error("indicator cell " + key + " counted twice with different values");
        }
        return it->second;
    }
    std::size_t hidden(std::int64_t value) { return problem.addCell(value, false); }
    void sum(std::size_t total, std::vector<std::size_t> parts) {
        std::sort(parts.begin(), parts.end());
        parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
        if (sums_.insert({total, parts}).second) problem.addSum(total, parts);
    }
    /// Deltagande counts of the insatser add up to the förbund's.
    void addInsatsSums(const std::set<std::string>& additive) {
        for (const auto& [key, total] : forbundLevel_) {
            const std::string sig = key.substr(0, key.find('#'));
            if (!additive.count(sig)) continue;
            auto parts = byScope_.find(key);
            if (parts != byScope_.end()) sum(total, parts->second);
        }
    }
    DisclosureProblem problem;

private:
    std::unordered_map<std::string, std::size_t> ids_;
    std::unordered_map<std::string, std::vector<std::size_t>> byScope_;
    std::map<std::string, std::size_t> forbundLevel_;
    std::set<std::pair<std::size_t, std::vector<std::size_t>>> sums_;
};

struct PendingRow {
    IndicatorRow row;
    std::optional<std::size_t> numeratorCell, denominatorCell;
};

Strata strataOf(const Units& units, const Comparison& comparison) {
    Strata strata;
    for (const auto* f : units) {
        std::string key;
        std::vector<std::string> categories;
        for (const auto& field : comparison.strata) {
            const auto values = fieldValues(*f, field);
            categories.push_back(values.empty() ? std::string("okand") : values.front());
        }
        key = stratumKey(categories);
        auto& counts = strata[key];
        ++counts.population;
        if (matches(*f, comparison.outcome)) ++counts.outcome;
    }
    return strata;
}

}  // namespace

std::vector<IndicatorRow> computeIndicators(const std::vector<ParticipationFacts>& facts,
                                            const std::vector<IndicatorDefinition>& definitions,
                                            const IndicatorRequest& request) {
    // Scopes: each förbund as a whole and each of its insatser.
    std::map<std::string, std::map<std::string, Units>> byForbund;  // förbund → insats → facts
    for (const auto& f : facts) {
        if (request.forbund.empty() || f.forbund == request.forbund) byForbund[f.forbund][f.insats].push_back(&f);
    }
    Units everyone;
    for (const auto& f : facts) everyone.push_back(&f);

    Release release;
    std::set<std::string> additive;  // signatures of deltagande counts
    std::vector<PendingRow> rows;
    for (const auto& d : definitions) {
        for (const auto& period : request.periods) {
            Units reference;
            const auto configured = request.reference.find(d.indicator);
            if (d.hasComparison && configured == request.reference.end()) {
                for (const auto* f : everyone) {
                    if (inPeriod(*f, d.periodRule, period) && matches(*f, d.population)) reference.push_back(f);
                }
                reference = filter(representatives(reference, d.unit), d.comparison.where);
            }
            const Strata referenceStrata = !d.hasComparison                        ? Strata{}
                                           : configured != request.reference.end() ? configured->second
                                                                                   : strataOf(reference, d.comparison);
            for (const auto& [forbundId, insatser] : byForbund) {
                const std::string& forbund = forbundId;  // a plain name: lambdas below capture it (clang 14)
                std::vector<std::pair<std::string, Units>> scopes{{"", {}}};
                for (const auto& [insats, units] : insatser) {
                    scopes[0].second.insert(scopes[0].second.end(), units.begin(), units.end());
                    scopes.emplace_back(insats, units);
                }
                for (const auto& [insatsId, scopeFacts] : scopes) {
                    const std::string& insats = insatsId;
                    Units population;
                    for (const auto* f : scopeFacts) {
                        if (inPeriod(*f, d.periodRule, period) && matches(*f, d.population)) population.push_back(f);
                    }
                    const Units units = representatives(population, d.unit);
                    // breakdown: the cell counts one category of a dimension, not the whole population.
                    auto cellFor = [&](std::vector<Conditions> extra, std::int64_t value, bool breakdown = false) {
                        const std::string sig = signature(d.unit, d.periodRule, d.population, extra);
                        if (d.unit == "deltagande") additive.insert(sig);
                        return release.cell(sig, forbund, insats, period.name, value, breakdown);
                    };
                    auto base = [&](const std::string& dimension, const std::string& category) {
                        PendingRow p;
                        p.row.indicator = d.indicator;
                        p.row.version = d.version;
                        p.row.forbund = forbund;
                        p.row.insats = insats;
                        p.row.period = period.name;
                        p.row.dimension = dimension;
                        p.row.category = category;
                        return p;
                    };
                    for (const auto& dimension : d.dimensions) {
                        const auto categories = categoriesOf(dimension, units);
                        std::vector<std::size_t> denominators, numerators;
                        for (const auto& category : categories) {
                            const Conditions byCategory = categoryCondition(dimension, category);
                            const Units in = dimension == "total" ? units : filter(units, byCategory);
                            PendingRow p = base(dimension, category);
                            const auto n = static_cast<std::int64_t>(in.size());
                            p.denominatorCell = cellFor({byCategory}, n, !byCategory.empty());
                            denominators.push_back(*p.denominatorCell);
                            if (d.isShare) {
                                const auto k = static_cast<std::int64_t>(filter(in, d.numerator).size());
                                p.numeratorCell = cellFor({byCategory, d.numerator}, k, !byCategory.empty());
                                numerators.push_back(*p.numeratorCell);
                                release.sum(*p.denominatorCell, {*p.numeratorCell, release.hidden(n - k)});
                                p.row.numerator = k, p.row.denominator = n;
                                if (n > 0) p.row.value = static_cast<double>(k) / static_cast<double>(n);
                            } else {
                                p.numeratorCell = p.denominatorCell, p.denominatorCell.reset();
                                p.row.numerator = n, p.row.value = static_cast<double>(n);
                            }
                            rows.push_back(std::move(p));
                        }
                        if (dimension != "total" && !isListField(dimension)) {
                            const std::size_t total = cellFor({}, static_cast<std::int64_t>(units.size()));
                            release.sum(total, denominators);
                            if (d.isShare) {
                                release.sum(cellFor({d.numerator}, static_cast<std::int64_t>(
                                                                       filter(units, d.numerator).size())),
                                            numerators);
                            }
                        }
                    }
                    for (const auto& distribution : d.distributions) {
                        const Units narrowed = filter(units, distribution.where);
                        const auto n = static_cast<std::int64_t>(narrowed.size());
                        const std::size_t denominator = cellFor({distribution.where}, n);
                        std::vector<std::size_t> parts;
                        for (const auto& category : categoriesOf(distribution.dimension, narrowed)) {
                            PendingRow p = base(distribution.dimension, category);
                            const auto k = countWith(narrowed, distribution.dimension, category);
                            p.numeratorCell =
                                cellFor({distribution.where, categoryCondition(distribution.dimension, category)}, k, true);
                            p.denominatorCell = denominator;
                            parts.push_back(*p.numeratorCell);
                            release.sum(denominator, {*p.numeratorCell, release.hidden(n - k)});
                            p.row.numerator = k, p.row.denominator = n;
                            if (n > 0) p.row.value = static_cast<double>(k) / static_cast<double>(n);
                            rows.push_back(std::move(p));
                        }
                        if (!isListField(distribution.dimension)) release.sum(denominator, parts);
                    }
                    if (d.hasComparison) {
                        const Units compared = filter(units, d.comparison.where);
                        const auto standardised = standardise(strataOf(compared, d.comparison), referenceStrata);
                        PendingRow p = base("jamforelse", d.comparison.category);
                        p.row.comparison = true;
                        const auto n = static_cast<std::int64_t>(compared.size());
                        p.denominatorCell = cellFor({d.comparison.where}, n);
                        p.numeratorCell = cellFor({d.comparison.where, d.comparison.outcome}, standardised.observed);
                        p.row.numerator = standardised.observed, p.row.denominator = n;
                        if (n > 0) p.row.value = static_cast<double>(standardised.observed) / static_cast<double>(n);
                        p.row.observed = standardised.observed;
                        p.row.expected = standardised.expected;
                        p.row.ratio = standardised.ratio;
                        p.row.ciLow = standardised.ciLow;
                        p.row.ciHigh = standardised.ciHigh;
                        rows.push_back(std::move(p));
                    }
                }
            }
        }
    }
    release.addInsatsSums(additive);
    const auto suppressed = suppress(release.problem, request.disclosure);
    std::vector<IndicatorRow> out;
    out.reserve(rows.size());
    for (auto& p : rows) {
        bool hide = (p.numeratorCell && suppressed[*p.numeratorCell]) ||
                    (p.denominatorCell && suppressed[*p.denominatorCell]);
        if (hide) {
            IndicatorRow& r = p.row;
            r.suppressed = true;
            r.numerator.reset(), r.denominator.reset(), r.value.reset(), r.observed.reset();
            r.expected.reset(), r.ratio.reset(), r.ciLow.reset(), r.ciHigh.reset();
        }
        out.push_back(std::move(p.row));
    }
    return out;
}

}  // namespace finsam::indicators
