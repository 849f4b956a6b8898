// core/app/explain_command.cpp — `finsam-hub explain --person KEY`: why a person is (not) joined, no identity.
// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/app/hub_runtime.h"
#include "core/identity/redactor.h"
#include "core/link/person_explainer.h"

namespace finsam::app {

int runExplain(const Args& args) {
    Arguments arguments(args, {"config", "person", "date"}, {});
    HubRuntime runtime(arguments.require("config"));
    auto document = link::PersonExplainer(*runtime.database, consent::WindowConfig{runtime.config.followUpYearsBefore,
                                                                                    runtime.config.followUpMonthsAfter})
                        .explain(arguments.require("person"), arguments.get("date"));
    if (!document) {
        // An operator may pass a number by mistake: it is not printed back.
        std::cerr << "finsam-hub explain: no person " << identity::redactIdentities(arguments.get("person"))
                  << " (--person takes a person key from the feed, never a personnummer)\n";
        return 1;
    }
    std::cout << *document << std::endl;
    return 0;
}

}  // namespace finsam::app
