// core/link/match_model.cpp — levels, EM, weights.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/match_model.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>

namespace finsam::link {

namespace {

using identity::EncodedField;
using identity::kEncodedFieldCount;

// Probabilities never reach 0 or 1: a level never seen in one class must not make a weight infinite.
constexpr double kFloor = 1e-6;

int level(Agreement a) { return static_cast<int>(a); }

}  // namespace

std::string_view toString(Agreement level) {
    switch (level) {
        case Agreement::kMissing: return "missing";
        case Agreement::kDisagree: return "disagree";
        case Agreement::kPartial: return "partial";
        case Agreement::kClose: return "close";
        case Agreement::kExact: return "exact";
    }
    return "?";
}

Agreement agreementOf(EncodedField field, double dice) {
    if (dice < 0) {
        return Agreement::kMissing;
    }
    if (dice >= 0.99) {
        return Agreement::kExact;
    }
    if (field == EncodedField::kKon) {
        return Agreement::kDisagree;
    }
    return dice >= 0.80 ? Agreement::kClose : dice >= 0.60 ? Agreement::kPartial : Agreement::kDisagree;
}

ComparisonPattern ComparisonPattern::of(const FieldSimilarity& similarity) {
    ComparisonPattern pattern;
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        pattern.levels[f] = agreementOf(static_cast<EncodedField>(f), similarity.dice[f]);
    }
    return pattern;
}

std::uint16_t ComparisonPattern::index() const {
    std::uint16_t index = 0;
    for (std::size_t f = kEncodedFieldCount; f-- > 0;) {
        index = static_cast<std::uint16_t>(index * kAgreementLevels + level(levels[f]));
    }
    return index;
}

ComparisonPattern ComparisonPattern::fromIndex(std::uint16_t index) {
    ComparisonPattern pattern;
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        pattern.levels[f] = static_cast<Agreement>(index % kAgreementLevels);
        index = static_cast<std::uint16_t>(index / kAgreementLevels);
    }
    return pattern;
}

MatchModel MatchModel::initial() {
    MatchModel model;
    model.prior_ = 0.01;
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        model.m_[f] = {0, 0.05, 0.05, 0.10, 0.80};
        model.u_[f] = {0, 0.85, 0.08, 0.04, 0.03};
    }
    // Kön: half of all non-matches agree by chance; matches nearly always.
    model.m_[int(EncodedField::kKon)] = {0, 0.02, 0, 0, 0.98};
    model.u_[int(EncodedField::kKon)] = {0, 0.5, 0, 0, 0.5};
    return model;
}

MatchModel MatchModel::withChanceAgreement(
    const std::map<std::uint16_t, std::uint64_t>& randomPatternCounts) const {
    MatchModel model = *this;
    Table counts{};
    std::array<double, kEncodedFieldCount> present{};
    for (const auto& [index, count] : randomPatternCounts) {
        auto pattern = ComparisonPattern::fromIndex(index);
        const double nonMatches = static_cast<double>(count) * (1 - probability(pattern));
        for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
            if (pattern.levels[f] != Agreement::kMissing) {
                counts[f][level(pattern.levels[f])] += nonMatches;
                present[f] += nonMatches;
            }
        }
    }
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        for (std::size_t l = 1; l < kAgreementLevels && present[f] > 0; ++l) {
            model.u_[f][l] = std::max(counts[f][l] / present[f], kFloor);
        }
    }
    return model;
}

MatchModel MatchModel::estimate(const std::map<std::uint16_t, std::uint64_t>& patternCounts, const MatchModel& start,
                                bool fixedU, int maxIterations) {
    MatchModel model = start;
    std::vector<std::pair<ComparisonPattern, double>> patterns;
    double total = 0;
    for (const auto& [index, count] : patternCounts) {
        patterns.emplace_back(ComparisonPattern::fromIndex(index), static_cast<double>(count));
        total += static_cast<double>(count);
    }
    if (total == 0) {
        return model;
    }
    for (int iteration = 1; iteration <= maxIterations; ++iteration) {
        Table mSum{}, uSum{};
        std::array<double, kEncodedFieldCount> mPresent{}, uPresent{};
        double matched = 0;
        for (const auto& [pattern, count] : patterns) {
            // E-step: the posterior that pairs of this pattern match, under the current parameters.
            const double g = model.probability(pattern);
            matched += count * g;
            for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
                if (pattern.levels[f] == Agreement::kMissing) {
                    continue;
                }
                mSum[f][level(pattern.levels[f])] += count * g;
                uSum[f][level(pattern.levels[f])] += count * (1 - g);
                mPresent[f] += count * g;
                uPresent[f] += count * (1 - g);
            }
        }
        // M-step: frequencies weighted by those posteriors.
        double moved = std::abs(matched / total - model.prior_);
        model.prior_ = std::clamp(matched / total, kFloor, 1 - kFloor);
        for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
            for (std::size_t l = 1; l < kAgreementLevels; ++l) {
                if (mPresent[f] > 0) {
                    double m = std::max(mSum[f][l] / mPresent[f], kFloor);
                    moved = std::max(moved, std::abs(m - model.m_[f][l]));
                    model.m_[f][l] = m;
                }
                if (!fixedU && uPresent[f] > 0) {
                    double u = std::max(uSum[f][l] / uPresent[f], kFloor);
                    moved = std::max(moved, std::abs(u - model.u_[f][l]));
                    model.u_[f][l] = u;
                }
            }
        }
        model.iterations_ = iteration;
        if (moved < 1e-7) {
            break;
        }
    }
    return model;
}

MatchModel MatchModel::estimateWithout(const std::map<std::uint16_t, std::uint64_t>& patternCounts,
                                       const MatchModel& start, std::uint8_t ignoredFields) {
    std::map<std::uint16_t, std::uint64_t> masked;
    for (const auto& [index, count] : patternCounts) {
        auto pattern = ComparisonPattern::fromIndex(index);
        for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
            if ((ignoredFields >> f) & 1U) {
                pattern.levels[f] = Agreement::kMissing;
            }
        }
        masked[pattern.index()] += count;
    }
    MatchModel model = estimate(masked, start, true);
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        if ((ignoredFields >> f) & 1U) {
            model.m_[f] = start.m_[f];
        }
    }
    return model;
}

MatchModel MatchModel::withPriorFrom(const std::map<std::uint16_t, std::uint64_t>& patternCounts) const {
    MatchModel model = *this;
    double total = 0;
    for (const auto& entry : patternCounts) {
        total += static_cast<double>(entry.second);
    }
    for (int iteration = 1; iteration <= 500 && total > 0; ++iteration) {
        double matched = 0;
        for (const auto& [index, count] : patternCounts) {
            matched += static_cast<double>(count) * model.probability(ComparisonPattern::fromIndex(index));
        }
        const double prior = std::clamp(matched / total, kFloor, 1 - kFloor);
        const bool settled = std::abs(prior - model.prior_) < 1e-9;
        model.prior_ = prior;
        if (settled) {
            break;
        }
    }
    return model;
}

MatchModel MatchModel::withPrior(double prior) const {
    MatchModel model = *this;
    model.prior_ = std::clamp(prior, 1e-12, 1 - kFloor);
    return model;
}

void MatchModel::takeM(const MatchModel& other, EncodedField field) { m_[int(field)] = other.m_[int(field)]; }

void MatchModel::averageM(const std::vector<MatchModel>& models, EncodedField field) {
    if (models.empty()) {
        return;
    }
    for (std::size_t l = 1; l < kAgreementLevels; ++l) {
        double sum = 0;
        for (const auto& model : models) {
            sum += model.m_[int(field)][l];
        }
        m_[int(field)][l] = sum / static_cast<double>(models.size());
    }
}

double MatchModel::weight(const ComparisonPattern& pattern) const {
    double weight = 0;
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        const int l = level(pattern.levels[f]);
        if (l == level(Agreement::kMissing)) {
            continue;
        }
        weight += std::log2(std::max(m_[f][l], kFloor) / std::max(u_[f][l], kFloor));
    }
    return weight;
}

double MatchModel::probability(const ComparisonPattern& pattern) const {
    // λ·M / (λ·M + (1-λ)·U), written with the weight so long products cannot underflow.
    const double logOdds = weight(pattern) + std::log2(prior_ / (1 - prior_));
    if (logOdds > 60) {
        return 1.0;
    }
    return 1.0 / (1.0 + std::exp2(-logOdds));
}

std::string MatchModel::toJson() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("prior");
    json.Double(prior_);
    json.Key("iterations");
    json.Int(iterations_);
    json.Key("fields");
    json.StartObject();
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        json.Key(std::string(identity::toString(EncodedField(f))).c_str());
        json.StartObject();
        for (auto [name, table] : {std::pair{"m", &m_}, std::pair{"u", &u_}}) {
            json.Key(name);
            json.StartObject();
            for (std::size_t l = 1; l < kAgreementLevels; ++l) {
                json.Key(std::string(toString(Agreement(l))).c_str());
                json.Double((*table)[f][l]);
            }
            json.EndObject();
        }
        json.EndObject();
    }
    json.EndObject();
    json.EndObject();
    return buffer.GetString();
}

std::optional<MatchModel> MatchModel::fromJson(std::string_view text) {
    rapidjson::Document doc;
    doc.Parse(text.data(), text.size());
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("prior") || !doc["prior"].IsNumber() ||
        !doc.HasMember("fields") || !doc["fields"].IsObject()) {
        return std::nullopt;
    }
    MatchModel model;
    model.prior_ = doc["prior"].GetDouble();
    model.iterations_ = doc.HasMember("iterations") && doc["iterations"].IsInt() ? doc["iterations"].GetInt() : 0;
    const auto& fields = doc["fields"];
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        const std::string name(identity::toString(EncodedField(f)));
        if (!fields.HasMember(name.c_str()) || !fields[name.c_str()].IsObject()) {
            return std::nullopt;
        }
        const auto& field = fields[name.c_str()];
        for (auto [key, table] : {std::pair{"m", &model.m_}, std::pair{"u", &model.u_}}) {
            if (!field.HasMember(key) || !field[key].IsObject()) {
                return std::nullopt;
            }
            for (std::size_t l = 1; l < kAgreementLevels; ++l) {
                const std::string levelName(toString(Agreement(l)));
                if (!field[key].HasMember(levelName.c_str()) || !field[key][levelName.c_str()].IsNumber()) {
                    return std::nullopt;
                }
                (*table)[f][l] = field[key][levelName.c_str()].GetDouble();
            }
        }
    }
    return model;
}

}  // namespace finsam::link
