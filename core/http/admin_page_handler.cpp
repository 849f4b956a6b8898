// core/http/admin_page_handler.cpp — only names in the embedded table are served, so no path can reach a file.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/admin_page_handler.h"

#include "core/common/embedded_file.h"

namespace finsam::http {

namespace {

std::string contentTypeOf(std::string_view name) {
    auto endsWith = [&](std::string_view suffix) {
        return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
    };
    if (endsWith(".html")) return "text/html; charset=utf-8";
    if (endsWith(".css")) return "text/css; charset=utf-8";
    if (endsWith(".js")) return "text/javascript; charset=utf-8";
    if (endsWith(".svg")) return "image/svg+xml";
    return "application/octet-stream";
}

}  // namespace

void AdminPageHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                              const Caller&) {
    auto asset = params_.find("asset");
    const std::string name = asset == params_.end() ? "index.html" : asset->second;
    const auto* file = common::findEmbedded(common::embeddedAdminPage(), name);
    if (file == nullptr) {
        throw NotFound("no such file of the admin page");
    }
    // The page loads nothing from elsewhere and may not be framed; scripts only from its own files.
    response.set("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    sendJson(request, response, Poco::Net::HTTPResponse::HTTP_OK, std::string(file->content), contentTypeOf(name));
}

}  // namespace finsam::http
