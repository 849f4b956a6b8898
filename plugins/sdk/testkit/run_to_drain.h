// plugins/sdk/testkit/run_to_drain.h — open a connector run and read batches until it says it is
// drained.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>

#include "collecting_sink.h"
#include "finsam/sdk/connector.h"

namespace finsam::sdk::testkit {

struct DrainOptions {
    std::size_t maxRecords = 500;  ///< passed to every readBatch()
    std::size_t maxBatches =
        100;  ///< a connector that never drains fails the run instead of hanging the test
};

struct DrainOutcome {
    Collected collected;      ///< every batch's output, in order
    std::string checkpoint;   ///< what the host would have saved after the last successful batch
    Result result;            ///< kOk, or open()'s error, or the first failing batch's result
    std::size_t batches = 0;  ///< readBatch() calls made
};

/// Does what the host does for one scheduled run: open() from `checkpoint`, then readBatch() until
/// drained. A batch whose status is not kOk stops the run and its checkpoint is not taken (the host
/// would not commit it). Exceptions from the connector are turned into kInternalError.
DrainOutcome runToDrain(Connector& connector, const std::string& settingsJson,
                        const std::string& checkpoint, const Context& context,
                        const DrainOptions& options = {});

}  // namespace finsam::sdk::testkit
