// core/pipeline/pipeline.cpp — runs each stage under the same timer; the first rejection wins.
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/pipeline.h"

namespace finsam::pipeline {

std::optional<model::Rejection> Pipeline::run(model::WorkRecord& record, StageTimings* timings) const {
    if (timings != nullptr && timings->perStage.size() != stages_.size()) {
        timings->perStage.clear();
        for (const auto& stage : stages_) {
            timings->perStage.emplace_back(std::string(stage->name()), std::chrono::nanoseconds{0});
        }
    }
    for (std::size_t i = 0; i < stages_.size(); ++i) {
        auto started = std::chrono::steady_clock::now();
        auto rejection = stages_[i]->process(record);
        if (timings != nullptr) {
            timings->perStage[i].second += std::chrono::steady_clock::now() - started;
        }
        if (rejection) {
            return rejection;
        }
    }
    return std::nullopt;
}

}  // namespace finsam::pipeline
