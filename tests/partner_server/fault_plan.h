// tests/partner_server/fault_plan.h — the faults injected and not yet spent, and those that happened.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fault.h"

namespace finsam::testing::partner {

/// A spoiled body and what was spoiled.
struct SpoiledBody {
    std::string body;
    std::string detail;
    FaultKind kind = FaultKind::kInvalidJson;  ///< set by FaultPlan to the fault that hit
};

/// Thread-safe. Each matching request counts toward every armed fault's `after`; the first fault that is
/// due hits it. Spent faults are dropped.
class FaultPlan {
public:
    void add(Fault fault);
    void clear();
    /// Faults with hits left.
    std::size_t armed() const;

    /// The fault (a kind that acts before answering) that hits this request, if any; recorded as applied.
    std::optional<Fault> takeBeforeAnswer(std::string_view method, std::string_view target, std::string_view path);

    /// The body of the first due body fault `spoil` can apply to this 200 answer. `spoil` tells whether a
    /// fault can spoil it (and how it comes out); only answers it can spoil count toward `after`.
    std::optional<SpoiledBody> spoilBody(std::string_view method, std::string_view target, std::string_view path,
                                         const std::function<std::optional<SpoiledBody>(const Fault&)>& spoil);

    std::vector<AppliedFault> applied() const;

private:
    struct Armed {
        Fault fault;
        int seen = 0;
        int hits = 0;
    };
    bool matches(const Armed& armed, std::string_view path, bool bodyFault) const;
    static bool due(Armed& armed);
    void dropSpent();

    mutable std::mutex mutex_;
    std::vector<Armed> armed_;
    std::vector<AppliedFault> applied_;
};

}  // namespace finsam::testing::partner
