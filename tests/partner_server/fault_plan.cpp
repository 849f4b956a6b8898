// tests/partner_server/fault_plan.cpp
// SPDX-License-Identifier: Apache-2.0
#include "fault_plan.h"

#include <algorithm>

namespace finsam::testing::partner {

void FaultPlan::add(Fault fault) {
    std::lock_guard lock(mutex_);
    armed_.push_back({std::move(fault)});
}

void FaultPlan::clear() {
    std::lock_guard lock(mutex_);
    armed_.clear();
}

std::size_t FaultPlan::armed() const {
    std::lock_guard lock(mutex_);
    return armed_.size();
}

bool FaultPlan::matches(const Armed& armed, std::string_view path, bool bodyFault) const {
    return spoilsBody(armed.fault.kind) == bodyFault && path.substr(0, armed.fault.pathPrefix.size()) ==
                                                            armed.fault.pathPrefix;
}

// Counts one matching request; true when it is one the fault hits.
bool FaultPlan::due(Armed& armed) {
    if (armed.seen++ < armed.fault.after) {
        return false;
    }
    if (armed.fault.times != Fault::kForever && armed.hits >= armed.fault.times) {
        return false;
    }
    ++armed.hits;
    return true;
}

void FaultPlan::dropSpent() {
    std::erase_if(armed_, [](const Armed& armed) {
        return armed.fault.times != Fault::kForever && armed.hits >= armed.fault.times;
    });
}

std::optional<Fault> FaultPlan::takeBeforeAnswer(std::string_view method, std::string_view target,
                                                 std::string_view path) {
    std::lock_guard lock(mutex_);
    std::optional<Fault> hit;
    for (Armed& armed : armed_) {
        if (matches(armed, path, false)) {
            // Every matching fault counts the request; only the first due one hits it.
            if (hit) {
                ++armed.seen;
            } else if (due(armed)) {
                hit = armed.fault;
            }
        }
    }
    if (hit) {
        applied_.push_back({hit->kind, std::string(method), std::string(target), ""});
        dropSpent();
    }
    return hit;
}

std::optional<SpoiledBody> FaultPlan::spoilBody(
    std::string_view method, std::string_view target, std::string_view path,
    const std::function<std::optional<SpoiledBody>(const Fault&)>& spoil) {
    std::lock_guard lock(mutex_);
    std::optional<SpoiledBody> hit;
    for (Armed& armed : armed_) {
        if (!matches(armed, path, true)) {
            continue;
        }
        auto spoiled = spoil(armed.fault);
        if (!spoiled) {
            continue;  // an answer this fault cannot spoil does not count toward it
        }
        if (hit) {
            ++armed.seen;
        } else if (due(armed)) {
            applied_.push_back({armed.fault.kind, std::string(method), std::string(target), spoiled->detail});
            hit = std::move(spoiled);
            hit->kind = armed.fault.kind;
        }
    }
    if (hit) {
        dropSpent();
    }
    return hit;
}

std::vector<AppliedFault> FaultPlan::applied() const {
    std::lock_guard lock(mutex_);
    return applied_;
}

}  // namespace finsam::testing::partner
