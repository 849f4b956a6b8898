// core/app/status_command.cpp — `finsam-hub status`: the connectors' state as a running daemon reports it
// (GET /v1/admin/connectors), as a table, or as the daemon's JSON with --json.
// SPDX-License-Identifier: Apache-2.0
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/common/json.h"
#include "core/config/config_loader.h"
#include "core/http/api_server.h"
#include "core/identity/key_file.h"

namespace finsam::app {

namespace {

std::string text(const rapidjson::Value& object, const char* name) {
    auto it = object.FindMember(name);
    if (it == object.MemberEnd() || it->value.IsNull()) {
        return "-";
    }
    if (it->value.IsString()) {
        return it->value.GetString();
    }
    if (it->value.IsInt64()) {
        return std::to_string(it->value.GetInt64());
    }
    return it->value.IsBool() ? (it->value.GetBool() ? "yes" : "no") : "?";
}

void printTable(const rapidjson::Value& connectors) {
    std::printf("%-22s %-9s %-25s %-9s %-25s %10s %11s %9s\n", "CONNECTOR", "STATE", "LAST RUN", "RESULT", "NEXT RUN",
                "READ", "QUARANTINE", "WARNINGS");
    for (const auto& c : connectors.GetArray()) {
        const bool ran = c.HasMember("last_run") && c["last_run"].IsObject();
        std::printf("%-22s %-9s %-25s %-9s %-25s %10s %11s %9s\n", text(c, "connector").c_str(),
                    text(c, "state").c_str(), ran ? text(c["last_run"], "finished_at").c_str() : "-",
                    ran ? text(c["last_run"], "status").c_str() : "-", text(c, "next_run_at").c_str(),
                    text(c, "read").c_str(), text(c, "open_quarantine").c_str(), text(c, "warnings_total").c_str());
        if (ran && c["last_run"].HasMember("error") && c["last_run"]["error"].IsString()) {
            std::printf("  error: %s\n", c["last_run"]["error"].GetString());
        }
    }
}

}  // namespace

int runStatus(const Args& args) {
    Arguments arguments(args, {"config", "url", "token-file"}, {"json"});
    const auto config = config::loadHubConfig(arguments.require("config"));
    std::string token;
    if (arguments.has("token-file")) {
        token = identity::trimSecret(common::readTextFile(arguments.get("token-file")));
    } else if (const char* value = std::getenv("FINSAM_ADMIN_TOKEN")) {
        token = value;
    } else {
        throw UsageError("give the admin token in FINSAM_ADMIN_TOKEN or with --token-file FILE");
    }
    std::string url = arguments.has("url") ? arguments.get("url") : "";
    if (url.empty()) {
        auto [host, port] = http::parseListen(config.listen);
        url = (config.tlsCertFile.empty() ? "http://" : "https://") +
              (host == "0.0.0.0" || host.empty() ? std::string("127.0.0.1") : host) + ":" + std::to_string(port);
    }
    Poco::URI uri(url);
    if (uri.getScheme() != "http") {
        throw UsageError("status speaks plain http to a local daemon; give --url http://HOST:PORT");
    }
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/v1/admin/connectors",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + token);
    Poco::Net::HTTPResponse response;
    std::string body;
    try {
        session.sendRequest(request);
        Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
    } catch (const Poco::Exception& e) {
        std::cerr << "finsam-hub status: no daemon answers at " << url << ": " << e.displayText() << "\n";
        return 1;
    }
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
        std::cerr << "finsam-hub status: " << url << " answered " << static_cast<int>(response.getStatus()) << " "
                  << body << "\n";
        return 1;
    }
    if (arguments.has("json")) {
        std::cout << body << "\n";
        return 0;
    }
    rapidjson::Document document;
    document.Parse(body.c_str());
    if (!document.IsObject() || !document.HasMember("connectors") || !document["connectors"].IsArray()) {
        std::cerr << "finsam-hub status: unexpected answer from " << url << "\n";
        return 1;
    }
    printTable(document["connectors"]);
    return 0;
}

}  // namespace finsam::app
