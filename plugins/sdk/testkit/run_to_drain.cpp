// plugins/sdk/testkit/run_to_drain.cpp — the host's batch loop in miniature, for connector tests.
// SPDX-License-Identifier: Apache-2.0
#include "run_to_drain.h"

#include <exception>

namespace finsam::sdk::testkit {

DrainOutcome runToDrain(Connector& connector, const std::string& settingsJson,
                        const std::string& checkpoint, const Context& context,
                        const DrainOptions& options) {
    DrainOutcome outcome;
    outcome.checkpoint = checkpoint;
    try {
        Result error;
        auto run = connector.open(settingsJson, checkpoint, context, error);
        if (!run) {
            outcome.result =
                error.status == Status::kOk ? Result{Status::kInternalError, error.message} : error;
            return outcome;
        }
        while (outcome.batches < options.maxBatches) {
            CollectingSink sink;
            BatchOutcome batch = run->readBatch(options.maxRecords, sink);
            ++outcome.batches;
            outcome.collected.append(sink.take());
            if (batch.result.status != Status::kOk) {
                outcome.result = batch.result;
                return outcome;
            }
            outcome.checkpoint = batch.checkpoint;
            if (batch.drained) {
                return outcome;
            }
        }
        outcome.result = {Status::kInternalError,
                          "not drained after " + std::to_string(options.maxBatches) + " batches"};
    } catch (const std::exception& e) {
        outcome.result = {Status::kInternalError, std::string("exception: ") + e.what()};
    }
    return outcome;
}

}  // namespace finsam::sdk::testkit
