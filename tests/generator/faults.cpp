// tests/generator/faults.cpp — the fault switches and their expected outcomes.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/faults.h"

#include <stdexcept>
#include <string_view>

namespace finsam::generator {

const std::vector<FaultInfo>& allFaults() {
    static const std::vector<FaultInfo> kFaults = {
        {"utf8-file", "af",
         "an extra snapshot, dated the day after the last, written as UTF-8 (a BOM only when it has "
         "no non-ASCII letter)",
         "the file is rejected whole, reason wrong_encoding, none of its rows applied"},
        {"bad-date", "af", "one row of the last snapshot gets an impossible date (e.g. 2019-02-30)",
         "that row is quarantined (file, line, column, reason bad_value); the rest is applied"},
        {"bad-personnummer", "af", "one row of the last snapshot gets a wrong Luhn digit",
         "that row is quarantined, reason invalid_personnummer"},
        {"unknown-code", "af", "one ERS row of the last snapshot gets Ersattning code XYZ",
         "that row is quarantined, reason unknown_code, naming the code"},
        {"wrong-field-count", "af", "one row of the last snapshot lacks its last field",
         "that row is quarantined, reason wrong_shape"},
        {"shrink", "af",
         "an extra snapshot, after the last, that keeps under a third of the rows still due",
         "the file is rejected whole, reason shrink_guard; nothing applied until --accept-shrink"},
        {"withdrawal", "af", "the last snapshot drops two real rows that are still due",
         "both rows are withdrawn: the hub retracts what it derived from them"},
        {"short-line", "fk", "one detail line of a batch loses its trailing blanks",
         "the batch is rejected whole, reason line_length; the next batch warns of the gap"},
        {"missing-trailer", "fk", "a batch without its trailer",
         "rejected whole, reason missing_trailer; the next batch warns of the gap"},
        {"count-mismatch", "fk", "a trailer that counts one detail record too many",
         "rejected whole, reason count_mismatch; the next batch warns of the gap"},
        {"sum-mismatch", "fk", "a trailer whose omfattning sum is 25 too high",
         "rejected whole, reason sum_mismatch; the next batch warns of the gap"},
        {"out-of-order", "fk", "a batch whose last detail record follows the trailer",
         "rejected whole, reason out_of_order; the next batch warns of the gap"},
        {"duplicate-batch", "fk",
         "a redelivery of an applied batch, fk/redelivery/, under another name and creation time",
         "skipped as a duplicate (batch number at or below the last applied), with a warning"},
        {"batch-gap", "fk", "one batch is never delivered: its number is skipped",
         "the next batch is applied with a warning naming the missing number; A records for "
         "periods of the lost batch are kept, M records for them ignored and logged"},
        {"unknown-formanskod", "fk", "an extra detail record with förmånskod ÖVR (Latin-1 Ö)",
         "that record is quarantined, reason unknown_code; count and sum include it"},
        {"tom-before-from", "fk", "an extra detail record whose tom lies before its from",
         "that record is quarantined, reason end_before_start"},
        {"makulering-of-unknown", "fk", "an M record for an ärende-id FK never sent",
         "ignored and logged; nothing retracted"},
    };
    return kFaults;
}

void checkFaultNames(const std::set<std::string>& faults) {
    for (const std::string& name : faults) {
        bool known = false;
        for (const FaultInfo& info : allFaults()) {
            known = known || name == info.name;
        }
        if (!known) {
            throw std::invalid_argument("unknown fault '" + name + "' (see --help)");
        }
    }
}

std::set<std::string> faultsOf(const std::set<std::string>& faults, const std::string& format) {
    std::set<std::string> mine;
    for (const FaultInfo& info : allFaults()) {
        if (info.format == std::string_view(format) && faults.count(info.name) != 0) {
            mine.insert(info.name);
        }
    }
    return mine;
}

}  // namespace finsam::generator
