// tests/generator/fk_changes.h — the world's FK benefit periods as change records in monthly
// batches: new periods, amendments, corrected from dates and makuleringar.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/fk_layout.h"
#include "tests/generator/generator_options.h"
#include "tests/generator/world.h"

#include <vector>

namespace finsam::generator::fk {

struct Batch {
    std::int64_t number = 0;
    Date created;  ///< header creation day; the time is 06:15 (volume batches: later that day)
    int hour = 6;
    int minute = 15;
    std::vector<Detail> details;
};

/// Förmånskod of an FK-paid type: SJP, RHP, AKE or SJE; "" for any other.
const char* formanskod(Ersattning ersattning);

/// Batch 1 (2 January of the first year) carries everything decided before that year; then one
/// batch per month, created on the 2nd of the next, numbered 2, 3, ... up to December of the last
/// year. Each FK period comes as N when decided; a later tom or omfattning as A (with the whole
/// period); about 5 % have their from date corrected (M of the old, N of the new) and about 3 %
/// get a twin registered in error and cancelled later (N, then M). After all batches FK's view
/// equals the world's periods with the ends known on World::asOf.
std::vector<Batch> buildWorldBatches(const World& world, const GeneratorOptions& options);

}  // namespace finsam::generator::fk
