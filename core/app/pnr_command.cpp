// core/app/pnr_command.cpp — `finsam-hub pnr`: a diagnostic for IT staff checking a number by hand.
// SPDX-License-Identifier: Apache-2.0
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/identity/personnummer.h"

namespace finsam::app {

int runPnr(const Args& args) {
    if (args.empty()) {
        throw UsageError("give one or more numbers");
    }
    int invalid = 0;
    for (const auto& input : args) {
        auto parsed = identity::parsePersonnummer(input);
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
        json.StartObject();
        json.Key("input");
        json.String(input);
        json.Key("valid");
        json.Bool(parsed.ok);
        if (parsed.ok) {
            json.Key("kind");
            json.String(identity::toString(parsed.identity.kind));
            json.Key("normalized");
            json.String(parsed.identity.normalized);
            json.Key("sex");
            json.String(identity::toString(parsed.identity.sex));
        } else {
            ++invalid;
            json.Key("error");
            json.String(parsed.error);
        }
        json.EndObject();
        std::cout << buffer.GetString() << "\n";
    }
    return invalid == 0 ? 0 : 1;
}

}  // namespace finsam::app
