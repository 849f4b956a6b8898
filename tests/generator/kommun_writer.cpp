// tests/generator/kommun_writer.cpp — the kommun API's answers as files a test server can serve.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/kommun_writer.h"

#include "tests/generator/json_output.h"
#include "tests/generator/output_files.h"
#include "tests/generator/rng.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

namespace finsam::generator::kommun {
namespace {

using JsonWriter = CompactWriter;

void write(JsonWriter& w, const Payment& p) {
    w.StartObject();
    writeText(w, "id", p.id);
    writeText(w, "personnummer", p.personnummer);
    writeOptionalText(w, "medsokande_personnummer", p.medsokande);
    writeText(w, "hushall_id", p.hushall);
    writeText(w, "period", p.period);
    w.Key("belopp_kr");
    if (p.beloppOre % 100 == 0) {
        w.Int64(p.beloppOre / 100);
    } else {
        w.Double(static_cast<double>(p.beloppOre) / 100.0);
    }
    writeOptionalText(w, "stadsdel", p.stadsdel);
    writeText(w, "status", p.status);
    w.Key("skyddad");
    w.Bool(p.skyddad);
    writeText(w, "andrad", p.andrad);
    w.EndObject();
}

void write(JsonWriter& w, const Participation& p) {
    w.StartObject();
    writeText(w, "id", p.id);
    writeText(w, "insats_id", p.insatsId);
    writeOptionalText(w, "personnummer", p.personnummer);
    w.Key("anonym");
    w.Bool(p.anonym);
    writeText(w, "kon", p.kon);
    w.Key("fodelsear");
    w.Int(p.fodelsear);
    writeText(w, "start", p.start);
    writeOptionalText(w, "slut", p.slut);
    writeOptionalText(w, "avslutsanledning", p.avslutsanledning);
    writeOptionalText(w, "samtycke_ref", p.samtyckeRef);
    w.Key("skyddad");
    w.Bool(p.skyddad);
    writeText(w, "andrad", p.andrad);
    w.EndObject();
}

template <typename Item>
std::string pageJson(const std::vector<Item>& items, std::size_t first, std::size_t last,
                     const std::string& next, bool hasMore) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("items");
    w.StartArray();
    for (std::size_t i = first; i < last; ++i) {
        write(w, items[i]);
    }
    w.EndArray();
    writeText(w, "next_cursor", next);
    w.Key("has_more");
    w.Bool(hasMore);
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// Pages of `pageSize` (the first call always gets one, even empty), then the empty answer a later
// run gets for the last cursor: nothing newer, the same cursor again.
template <typename Item>
Endpoint paginate(const std::string& path, const std::vector<Item>& items, Rng rng, int pageSize) {
    Endpoint endpoint;
    endpoint.path = path;
    const auto size = static_cast<std::size_t>(pageSize);
    const std::size_t count = std::max<std::size_t>(1, (items.size() + size - 1) / size);
    std::optional<std::string> cursor;
    auto fileName = [&] {
        char file[32];
        std::snprintf(file, sizeof file, "page-%04zu.json", endpoint.pages.size() + 1);
        return std::string(file);
    };
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t first = std::min(items.size(), k * size);
        const std::size_t last = std::min(items.size(), (k + 1) * size);
        const std::string next = hexToken(rng);
        endpoint.pages.push_back(
            {fileName(), cursor, pageJson(items, first, last, next, k + 1 < count), last - first});
        cursor = next;
    }
    endpoint.pages.push_back({fileName(), cursor, pageJson(items, 0, 0, *cursor, false), 0});
    return endpoint;
}

std::string indexJson(const Endpoint& endpoint, int pageSize) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.text("endpoint", endpoint.path);
    json.number("limit", pageSize);
    json.key("pages");
    w.StartArray();
    for (const Page& page : endpoint.pages) {
        w.StartObject();
        if (page.cursor) {
            json.text("cursor", *page.cursor);
        } else {
            json.key("cursor");
            w.Null();
        }
        json.text("file", page.file);
        json.number("items", static_cast<std::int64_t>(page.items));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return json.document();
}

int monthIndex(const std::string& yyyymm) {
    return std::stoi(yyyymm.substr(0, 4)) * 12 + std::stoi(yyyymm.substr(5, 2)) - 1;
}

std::string truthJson(const World& world, const ChangeLogs& logs, const std::vector<Endpoint>& endpoints) {
    std::map<std::string, const Payment*> payments;
    for (const Payment& p : logs.payments) {
        payments[p.id] = &p;  // a later item with the same id replaces the earlier
    }
    std::int64_t inForce = 0;
    std::int64_t cancelled = 0;
    std::int64_t reclaimed = 0;
    std::int64_t amount = 0;
    std::map<std::string, std::set<int>> months;  // person -> months with support in force
    for (const auto& [id, last] : payments) {
        const Payment& p = *last;
        if (p.status == "makulerad") {
            ++cancelled;
            continue;
        }
        ++inForce;
        reclaimed += p.status == "aterkrav" ? 1 : 0;
        amount += p.beloppOre;
        months[p.personnummer].insert(monthIndex(p.period));
        if (p.medsokande) {
            months[*p.medsokande].insert(monthIndex(p.period));
        }
    }
    const int lastMonth = yearOf(world.asOf) * 12 + monthOf(world.asOf) - 1;
    std::int64_t periods = 0;
    std::int64_t ongoing = 0;
    for (const auto& [person, set] : months) {
        int previous = -2;
        for (const int m : set) {
            periods += m == previous + 1 ? 0 : 1;
            previous = m;
        }
        ongoing += previous == lastMonth ? 1 : 0;
    }
    std::map<std::string, const Participation*> participations;
    for (const Participation& p : logs.participations) {
        participations[p.id] = &p;
    }
    std::int64_t ended = 0;
    std::int64_t anonymous = 0;
    std::int64_t protectedItems = 0;
    for (const auto& [id, p] : participations) {
        ended += p->slut ? 1 : 0;
        anonymous += p->anonym ? 1 : 0;
        protectedItems += p->skyddad ? 1 : 0;
    }

    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.text("format", "kommun");
    json.key("endpoints");
    w.StartArray();
    for (const Endpoint& endpoint : endpoints) {
        w.StartObject();
        json.text("endpoint", endpoint.path);
        json.text("dir", "kommun" + endpoint.path);
        json.number("pages", static_cast<std::int64_t>(endpoint.pages.size()));
        std::int64_t items = 0;
        for (const Page& page : endpoint.pages) {
            items += static_cast<std::int64_t>(page.items);
        }
        json.number("items", items);
        w.EndObject();
    }
    w.EndArray();
    json.key("faults");
    w.StartArray();
    w.EndArray();
    json.key("final");
    w.StartObject();
    json.key("payments");
    w.StartObject();
    json.number("distinct_ids", static_cast<std::int64_t>(payments.size()));
    json.number("in_force", inForce);
    json.number("makulerade", cancelled);
    json.number("aterkrav", reclaimed);
    json.number("belopp_ore_in_force", amount);
    w.EndObject();
    json.key("forsorjningsstod_periods");
    w.StartObject();
    json.number("persons", static_cast<std::int64_t>(months.size()));
    json.number("periods", periods);
    json.number("ongoing", ongoing);
    w.EndObject();
    json.key("deltaganden");
    w.StartObject();
    json.number("participations", static_cast<std::int64_t>(participations.size()));
    json.number("ended", ended);
    json.number("anonymous", anonymous);
    json.number("protected", protectedItems);
    w.EndObject();
    w.EndObject();
    w.EndObject();
    return json.document();
}

}  // namespace

std::vector<Endpoint> renderEndpoints(const ChangeLogs& logs, std::uint64_t seed, int pageSize) {
    if (pageSize < 1 || pageSize > 1000) {
        throw std::invalid_argument("--kommun-page-size must be 1-1000 (the API's limit)");
    }
    const Rng root(seed);
    return {paginate("/api/v1/forsorjningsstod/utbetalningar", logs.payments,
                     root.fork("kommun-cursors-utbetalningar"), pageSize),
            paginate("/api/v1/finsam/deltaganden", logs.participations,
                     root.fork("kommun-cursors-deltaganden"), pageSize)};
}

void writeDrop(const World& world, const GeneratorOptions& options, const std::filesystem::path& out) {
    const ChangeLogs logs = buildChangeLogs(world, options.world.seed);
    const auto endpoints = renderEndpoints(logs, options.world.seed, options.kommun.pageSize);
    std::filesystem::remove_all(out / "kommun");
    for (const Endpoint& endpoint : endpoints) {
        const std::filesystem::path dir = out / "kommun" / endpoint.path.substr(1);
        for (const Page& page : endpoint.pages) {
            writeFileAtomically(dir / page.file, page.json);
        }
        writeFileAtomically(dir / "index.json", indexJson(endpoint, options.kommun.pageSize));
    }
    writeFileAtomically(out / "truth" / "kommun.json", truthJson(world, logs, endpoints));
}

}  // namespace finsam::generator::kommun
