// tests/core/http/api_client.h — a plain HTTP client for the API tests: one request, status, headers, body.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

#include <cstdint>
#include <string>

namespace finsam::testing {

/// A finished exchange with its headers.
struct ApiResponse {
    int status = 0;
    std::string body;
    std::string contentType;
    Poco::Net::NameValueCollection headers;

    std::string header(const std::string& name) const { return headers.get(name, ""); }
};

/// The answer to the request just sent on `session`: status, headers, body.
inline ApiResponse receive(Poco::Net::HTTPClientSession& session) {
    Poco::Net::HTTPResponse response;
    std::istream& body = session.receiveResponse(response);
    ApiResponse result;
    result.status = static_cast<int>(response.getStatus());
    result.contentType = response.getContentType();
    for (const auto& [name, value] : response) {
        result.headers.add(name, value);
    }
    Poco::StreamCopier::copyToString(body, result.body);
    return result;
}

/// Fills the headers of a request to the API: a bearer token and Accept when given.
inline void prepare(Poco::Net::HTTPRequest& request, const std::string& token, const std::string& accept) {
    if (!token.empty()) {
        request.set("Authorization", std::string("Bearer ") + token);
    }
    if (!accept.empty()) {
        request.set("Accept", accept);
    }
}

/// One request over plain HTTP to 127.0.0.1:port, on a connection of its own.
inline ApiResponse apiCall(std::uint16_t port, const std::string& method, const std::string& target,
                           const std::string& token = "", const std::string& accept = "") {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(40, 0));  // above the longest long poll
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    prepare(request, token, accept);
    session.sendRequest(request);
    return receive(session);
}

/// A POST with a JSON body (may be empty) to 127.0.0.1:port, on a connection of its own.
inline ApiResponse apiPost(std::uint16_t port, const std::string& target, const std::string& token,
                           const std::string& body = "") {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(40, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, target, Poco::Net::HTTPMessage::HTTP_1_1);
    prepare(request, token, "");
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    return receive(session);
}

}  // namespace finsam::testing
