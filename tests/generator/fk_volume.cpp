// tests/generator/fk_volume.cpp — large FK batches streamed to disk for load tests.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/fk_volume.h"

#include "tests/generator/fk_batch_file.h"
#include "tests/generator/fk_layout.h"
#include "tests/generator/output_files.h"
#include "tests/generator/person_generator.h"
#include "tests/generator/rng.h"

#include <algorithm>
#include <cstdio>

namespace finsam::generator::fk {
namespace {

constexpr const char* kCodes[] = {"SJP", "RHP", "AKE", "SJE"};

class VolumeDrawer {
public:
    explicit VolumeDrawer(const VolumeRequest& request)
        : request_(request),
          rng_(Rng(request.seed).fork("fk-volume")),
          firstBirth_(makeDate(1955, 1, 1)),
          birthSpan_(daysBetween(firstBirth_, makeDate(2004, 12, 31))),
          fromSpan_(daysBetween(request.firstFrom, request.asOf)) {}

    Detail next(std::int64_t sequence) {
        Detail d;
        const Date birth = addDays(firstBirth_, rng_.uniformInt(0, birthSpan_));
        const IdKind kind = rng_.chance(0.03) ? IdKind::kSamordningsnummer : IdKind::kPersonnummer;
        const int serial = rng_.uniformInt(1, 999);
        const std::string number = formatIdentityNumber(birth, kind, serial);
        d.personnummer = number.substr(0, 8) + number.substr(9);
        d.formanskod = kCodes[rng_.weighted({50, 15, 10, 25})];
        static const int kDegrees[] = {100, 50, 75, 25};
        d.omfattning = kDegrees[rng_.weighted({60, 20, 10, 10})];
        d.from = addDays(request_.firstFrom, rng_.uniformInt(0, fromSpan_));
        if (rng_.chance(0.5)) {
            const Date tom = addDays(d.from, rng_.uniformInt(14, 700));
            if (tom <= request_.asOf) {
                d.tom = tom;
            }
        }
        d.skyddad = rng_.chance(0.01);
        // YYYY + code + 9 digits: 16 characters, never the world's YYYY-CCC-NNNNNNN shape.
        char id[48];
        std::snprintf(id, sizeof id, "%04d%s%09lld", yearOf(d.from), d.formanskod.c_str(),
                      static_cast<long long>(sequence));
        d.arendeId = id;
        return d;
    }

private:
    const VolumeRequest& request_;
    Rng rng_;
    Date firstBirth_;
    int birthSpan_;
    int fromSpan_;
};

}  // namespace

VolumeResult writeVolume(const std::filesystem::path& fkDir, const VolumeRequest& request) {
    VolumeResult result;
    VolumeDrawer drawer(request);
    std::int64_t written = 0;
    std::string chunk;
    for (std::int64_t k = 0; written < request.records; ++k) {
        const std::int64_t count = std::min(request.perBatch, request.records - written);
        VolumeFile file;
        file.batch = request.firstBatch + k;
        file.path = batchFileName(request.receiver, file.batch);
        const int minutes = 7 * 60 + static_cast<int>(k);
        StreamingFile out(fkDir / file.path);
        out.append(headerLine(addDays(request.created, minutes / 1440), (minutes % 1440) / 60,
                              minutes % 60, file.batch, request.receiver) +
                   "\n");
        for (std::int64_t i = 0; i < count; ++i) {
            const Detail d = drawer.next(written + i + 1);
            chunk.clear();
            appendDetailLine(chunk, d);
            out.append(chunk);
            file.omfattningSum += d.omfattning;
            ++result.byFormanskod[d.formanskod];
            result.ongoing += d.tom ? 0 : 1;
            result.protectedPeriods += d.skyddad ? 1 : 0;
        }
        file.details = count;
        out.append(trailerLine(count, file.omfattningSum) + "\n");
        out.commit();
        written += count;
        result.periods += count;
        result.omfattningSum += file.omfattningSum;
        result.files.push_back(file);
    }
    return result;
}

}  // namespace finsam::generator::fk
