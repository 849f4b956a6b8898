// tests/generator/af_codes.h — AF's own codes and column names (af-csv.md).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world.h"

#include <string>
#include <vector>

namespace finsam::generator::af {

/// The header names exactly as af-csv.md lists them, in its order.
const std::vector<std::string>& columns();

/// Position of `name` in columns(). Throws std::out_of_range for a name that is not a column.
std::size_t columnIndex(const std::string& name);

/// AKS, UVE, ETB, AKA or LBI; "" for a type AF does not pay.
const char* ersattningCode(Ersattning value);

/// '1' arbete ... '9' annan, '0' felregistrering.
char avslutskod(Avslut value);

/// Sökandestatus on the file date for a benefit row: what the benefit implies.
const char* sokandestatusFor(Ersattning value, int omfattning);

/// Sökandestatus after an ended participation, from the situation after; PROGRAM while it runs.
const char* sokandestatusAfter(const Deltagande& deltagande);

/// AF offices of the förbund's kommun, e.g. "0180-SÖDER" (UTF-8; the writer converts).
const std::vector<std::string>& offices(const std::string& kommunId);

}  // namespace finsam::generator::af
