// core/webhook/signature.cpp
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/signature.h"

#include "core/common/hash.h"

namespace finsam::webhook {

std::string signatureOf(std::string_view secret, std::string_view timestamp, std::string_view body) {
    return "v1=" + common::hmacSha256Hex(secret, {timestamp, ".", body});
}

}  // namespace finsam::webhook
