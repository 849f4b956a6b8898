// tests/partner_server/answer.cpp — error bodies in each API's own style.
// SPDX-License-Identifier: Apache-2.0
#include "answer.h"

#include "json_text.h"

namespace finsam::testing::partner {

Answer jsonError(int status, std::string_view error, std::string_view description) {
    Answer answer;
    answer.status = status;
    answer.body = R"({"error":)" + jsonString(error) + R"(,"error_description":)" + jsonString(description) + "}";
    return answer;
}

Answer fhirError(int status, std::string_view code, std::string_view diagnostics) {
    Answer answer;
    answer.status = status;
    answer.contentType = kFhirJson;
    answer.body = R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":)" + jsonString(code) +
                  R"(,"diagnostics":)" + jsonString(diagnostics) + "}]}";
    return answer;
}

}  // namespace finsam::testing::partner
