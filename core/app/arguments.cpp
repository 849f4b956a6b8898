// core/app/arguments.cpp — strict option parsing: an unknown option is an error, not ignored.
// SPDX-License-Identifier: Apache-2.0
#include "core/app/arguments.h"

namespace finsam::app {

Arguments::Arguments(const std::vector<std::string>& argv, const std::set<std::string>& valued,
                     const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (arg.rfind("--", 0) != 0) {
            positionals_.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::string inlineValue;
        bool hasInline = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
            hasInline = true;
        }
        if (flags.count(name) != 0 && !hasInline) {
            flags_.insert(name);
        } else if (valued.count(name) != 0) {
            if (!hasInline && i + 1 >= argv.size()) {
                throw UsageError("option --" + name + " needs a value");
            }
            values_[name] = hasInline ? inlineValue : argv[++i];
        } else {
            throw UsageError("unknown option --" + name);
        }
    }
}

std::string Arguments::get(const std::string& name, const std::string& fallback) const {
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

std::string Arguments::require(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) {
        throw UsageError("missing required option --" + name);
    }
    return it->second;
}

}  // namespace finsam::app
