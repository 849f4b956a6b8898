// tests/support/leak_scan.h — finds clear personnummer of an input in any bytes the hub produced.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <string>
#include <vector>

namespace finsam::testing {

/// Every personnummer/samordningsnummer (YYYYMMDD-NNNN) written in the files of `dir`, as 12 digits.
std::set<std::string> numbersInFolder(const std::string& dir);

/// The spellings of `numbers` (12 digits, 10 digits, with and without '-') that occur in `haystack`.
std::vector<std::string> leakedNumbers(const std::set<std::string>& numbers, const std::string& haystack);

/// Every valid personnummer or samordningsnummer (date and Luhn check) written anywhere in `text`, in any
/// spelling (10 or 12 digits, with '-' or '+' or none), as found. Digit runs of other lengths are not numbers.
std::vector<std::string> validIdentityNumbersIn(const std::string& text);

/// The people's names in AF's files of `dir` (Fornamn + Efternamn, and each Efternamn), as written there: AF's
/// export is the one partner format that carries names (for probabilistic linking; never stored).
std::set<std::string> afNamesInFolder(const std::string& dir);

/// The entries of `names` that occur in `haystack`.
std::vector<std::string> leakedNames(const std::set<std::string>& names, const std::string& haystack);

/// The test suite's bearer tokens (tests/support/hub_fixture.h) that occur in `text`.
std::vector<std::string> testTokensIn(const std::string& text);

/// Data rows (records after the header, spreadsheet-empty rows excluded) of every *.csv in `dir`, read with
/// the connectors' own CSV reader: what an ingest's `read` must equal.
std::int64_t csvDataRows(const std::string& dir);

/// The bytes of a file, or "" when it does not exist (e.g. a WAL that was checkpointed away).
std::string fileBytes(const std::string& path);

}  // namespace finsam::testing
