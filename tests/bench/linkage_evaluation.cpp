// tests/bench/linkage_evaluation.cpp — the two data sets and the measurement.
// SPDX-License-Identifier: Apache-2.0
#include "tests/bench/linkage_evaluation.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <stdexcept>

#include "tests/generator/calendar.h"
#include "tests/generator/world_builder.h"

namespace finsam::bench {

namespace {

std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        std::size_t comma = line.find(',', start);
        std::string cell = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const auto first = cell.find_first_not_of(" \r");
        const auto last = cell.find_last_not_of(" \r");
        cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
        if (comma == std::string::npos) {
            return cells;
        }
        start = comma + 1;
    }
}

void loadFebrlFile(const std::string& path, const std::string& group, const identity::IdentityEncoder& encoder,
                   LabelledRecords& out) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(path + ": cannot be read");
    }
    std::string line;
    std::getline(in, line);  // header
    for (int number = 2; std::getline(in, line); ++number) {
        if (line.empty()) {
            continue;
        }
        auto cells = splitCsvLine(line);
        if (cells.size() != 11 || cells[0].rfind("rec-", 0) != 0) {
            throw std::runtime_error(path + ":" + std::to_string(number) + ": expected 11 fields starting rec_id");
        }
        identity::IdentityFields fields;
        fields.fornamn = cells[1];
        fields.efternamn = cells[2];
        fields.fodelsedatum = cells[9];
        fields.number = cells[10];
        const std::string id = cells[0].substr(4, cells[0].find('-', 4) - 4);
        out.records.push_back({group, encoder.encode(fields), encoder.blockingTags(fields)});
        out.entity.push_back(id);
        out.error.emplace_back();
    }
}

// ---- generated people ----

int luhnDigit(const std::string& nineDigits) {
    int sum = 0;
    for (std::size_t i = 0; i < nineDigits.size(); ++i) {
        int d = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += d > 9 ? d - 9 : d;
    }
    return (10 - sum % 10) % 10;
}

// A 12-digit number (YYYYMMDDNNNC) whose date part is a real date, day + 60 allowed (samordningsnummer).
bool plausible(const std::string& digits) {
    const int year = std::stoi(digits.substr(0, 4));
    const int month = std::stoi(digits.substr(4, 2));
    int day = std::stoi(digits.substr(6, 2));
    if (day > 60) {
        day -= 60;
    }
    return std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month(unsigned(month)),
                                       std::chrono::day(unsigned(day))}
        .ok();
}

std::string withCheckDigit(std::string digits) {
    digits[11] = static_cast<char>('0' + luhnDigit(digits.substr(2, 9)));
    return digits;
}

// One digit of YYMMDDNNN mistyped, the check digit recomputed: a wrong number that passes every validation.
std::string mistype(const std::string& digits, std::mt19937_64& rng) {
    while (true) {
        std::string typo = digits;
        std::size_t at = 2 + rng() % 9;
        char digit = static_cast<char>('0' + rng() % 10);
        if (digit == typo[at]) {
            continue;
        }
        typo[at] = digit;
        if (plausible(typo)) {
            return withCheckDigit(typo);
        }
    }
}

std::string transpose(const std::string& digits, std::mt19937_64& rng) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string swapped = digits;
        std::size_t at = 2 + rng() % 8;
        if (swapped[at] == swapped[at + 1]) {
            continue;
        }
        std::swap(swapped[at], swapped[at + 1]);
        if (plausible(swapped)) {
            return withCheckDigit(swapped);
        }
    }
    return mistype(digits, rng);
}

std::string samordningsnummer(const std::string& digits, std::mt19937_64& rng) {
    std::string other = digits;
    const int day = std::stoi(digits.substr(6, 2)) + 60;
    other.replace(6, 2, std::to_string(day));
    std::string serial = std::to_string(100 + rng() % 900);
    other.replace(8, 3, serial);
    return withCheckDigit(other);
}

std::string birthDateOf(const std::string& digits) {
    std::string date = digits.substr(0, 8);
    int day = std::stoi(date.substr(6, 2));
    if (day > 60) {
        date.replace(6, 2, (day - 60 < 10 ? "0" : "") + std::to_string(day - 60));
    }
    return date;
}

std::string konOf(const std::string& digits) { return (digits[10] - '0') % 2 == 1 ? "man" : "kvinna"; }

// One letter of a name replaced (a spelling variant at the other source).
std::string misspell(std::string name, std::mt19937_64& rng) {
    if (name.size() < 3) {
        return name;
    }
    std::size_t at = 1 + rng() % (name.size() - 2);
    if ((name[at] & 0x80) == 0) {
        name[at] = static_cast<char>('a' + rng() % 26);
    }
    return name;
}

}  // namespace

identity::Pseudonymizer evaluationPseudonymizer() {
    return identity::Pseudonymizer({"evaluation", "linkage-evaluation-key-not-for-deployment"});
}

LabelledRecords loadFebrl4(const std::string& directory, const identity::IdentityEncoder& encoder) {
    LabelledRecords data;
    loadFebrlFile(directory + "/dataset4a.csv", "a", encoder, data);
    loadFebrlFile(directory + "/dataset4b.csv", "b", encoder, data);
    return data;
}

LabelledRecords generatedPeople(int people, std::uint64_t seed, const identity::IdentityEncoder& encoder) {
    generator::WorldOptions options;
    options.seed = seed;
    options.participants = people * 2;
    options.yearFrom = 2018;
    options.yearTo = 2022;
    generator::World world = generator::buildWorld(options);
    std::mt19937_64 rng(seed);
    LabelledRecords data;
    auto add = [&](const std::string& group, const std::string& entity, const identity::IdentityFields& fields,
                   const std::string& error) {
        data.records.push_back({group, encoder.encode(fields), encoder.blockingTags(fields)});
        data.entity.push_back(entity);
        data.error.push_back(error);
    };
    const int count = std::min<int>(people, static_cast<int>(world.people.size()));
    for (int i = 0; i < count; ++i) {
        const generator::Person& person = world.people[i];
        if (person.skyddad) {
            continue;  // never encoded: protected identity is anonymous
        }
        std::string digits = person.personnummer;
        digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
        const std::string entity = std::to_string(i);
        const int draw = static_cast<int>(rng() % 100);
        const bool atAf = draw < 85;      // 70% at both, 15% at each alone
        const bool atOther = draw >= 15;
        const bool region = rng() % 2 == 0;  // the other source: the region (names) or FK (number only)
        if (atAf) {
            add("af", entity, {digits, person.fornamn, person.efternamn, birthDateOf(digits), konOf(digits)}, "");
        }
        if (!atOther) {
            continue;
        }
        std::string number = digits;
        std::string error;
        const int kind = static_cast<int>(rng() % 100);
        if (atAf && kind < 12) {
            number = mistype(digits, rng);
            error = "typo";
        } else if (atAf && kind < 18) {
            number = transpose(digits, rng);
            error = "transposition";
        } else if (atAf && region && kind < 24) {
            number = samordningsnummer(digits, rng);
            error = "samordning";
        } else if (atAf && region && kind < 30) {
            number.clear();
            error = "missing";
        }
        identity::IdentityFields fields;
        fields.number = number;
        if (region) {
            fields.fornamn = rng() % 20 == 0 ? misspell(person.fornamn, rng) : person.fornamn;
            fields.efternamn = person.efternamn;
            fields.fodelsedatum = birthDateOf(digits);  // the region's birthDate, not derived from a typo
            fields.kon = konOf(digits);
        } else {
            fields.fodelsedatum = birthDateOf(number);  // FK gives the number only: the hub derives both
            fields.kon = konOf(number);
        }
        // A number-only source cannot tell a mistyped serial from a neighbour's: counted apart.
        add(region ? "region" : "fk", entity, fields, error.empty() || region ? error : error + " (number only)");
    }
    return data;
}

Quality evaluate(const LabelledRecords& data, const link::MatchThresholds& thresholds) {
    Quality quality;
    const auto& records = data.records;
    quality.records = records.size();
    auto isTrue = [&](std::size_t a, std::size_t b) {
        return data.entity[a] == data.entity[b] && records[a].group != records[b].group;
    };
    auto errorOf = [&](std::size_t a, std::size_t b) { return data.error[a].empty() ? data.error[b] : data.error[a]; };
    std::map<std::string, std::vector<std::size_t>> byEntity;
    for (std::size_t i = 0; i < records.size(); ++i) {
        byEntity[data.entity[i]].push_back(i);
    }
    for (const auto& [entity, members] : byEntity) {
        for (std::size_t x = 0; x < members.size(); ++x) {
            for (std::size_t y = x + 1; y < members.size(); ++y) {
                if (isTrue(members[x], members[y])) {
                    ++quality.truePairs;
                    ++quality.recallByError[errorOf(members[x], members[y])].second;
                }
            }
        }
    }
    const auto pairs = link::candidatePairs(records);
    quality.candidatePairs = pairs.size();
    quality.pairsPerRecord = records.empty() ? 0 : double(pairs.size()) / double(records.size());
    std::size_t blockedTrue = 0;
    for (const auto& [a, b] : pairs) {
        blockedTrue += isTrue(a, b) ? 1 : 0;
    }
    quality.blockingRecall = quality.truePairs == 0 ? 0 : double(blockedTrue) / double(quality.truePairs);

    const auto started = std::chrono::steady_clock::now();
    quality.model = link::estimateModel(records, pairs);
    quality.emIterations = quality.model.iterations();
    const auto scored = link::scorePairs(records, pairs, quality.model, thresholds.lower);
    quality.compareSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    for (const auto& pair : scored) {
        const bool truth = isTrue(pair.a, pair.b);
        if (link::classify(pair.probability, thresholds) == link::MatchClass::kLink) {
            ++quality.linked;
            if (truth) {
                ++quality.linkedTrue;
                ++quality.recallByError[errorOf(pair.a, pair.b)].first;
            }
        } else {
            ++quality.review;
            quality.reviewTrue += truth ? 1 : 0;
        }
    }
    quality.precision = quality.linked == 0 ? 0 : double(quality.linkedTrue) / double(quality.linked);
    quality.recall = quality.truePairs == 0 ? 0 : double(quality.linkedTrue) / double(quality.truePairs);
    quality.f1 = quality.precision + quality.recall == 0
                     ? 0
                     : 2 * quality.precision * quality.recall / (quality.precision + quality.recall);
    return quality;
}

}  // namespace finsam::bench
