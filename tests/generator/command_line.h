// tests/generator/command_line.h — finsam-gen's options, parsed into GeneratorOptions.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/generator_options.h"

#include <filesystem>
#include <string>

namespace finsam::generator {

struct CommandLine {
    std::string format;
    std::filesystem::path out;
    GeneratorOptions options;
};

/// argv[1] is the format, then options (README). Throws std::invalid_argument naming the option
/// on anything it cannot read, an unknown fault, or a missing --out.
CommandLine parseCommandLine(int argc, char** argv);

/// The options part of --help.
const char* optionsHelp();

}  // namespace finsam::generator
