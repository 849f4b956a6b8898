// core/app/arguments.h — the command line of a subcommand: --name value options, flags and positionals.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace finsam::app {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Arguments {
public:
    /// Parses argv (without the program and subcommand). `valued` options take a value; `flags` do not.
    /// Throws UsageError for an unknown option or a missing value.
    Arguments(const std::vector<std::string>& argv, const std::set<std::string>& valued,
              const std::set<std::string>& flags);

    bool has(const std::string& name) const { return values_.count(name) != 0 || flags_.count(name) != 0; }
    std::string get(const std::string& name, const std::string& fallback = "") const;
    /// The value of a required option; throws UsageError naming it.
    std::string require(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positionals_;
};

}  // namespace finsam::app
