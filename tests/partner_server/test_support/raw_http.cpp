// tests/partner_server/test_support/raw_http.cpp
// SPDX-License-Identifier: Apache-2.0
#include "raw_http.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>

namespace finsam::testing {

std::string RawResponse::header(const std::string& name) const {
    RecordedRequest lookup;  // reuses its case-insensitive header search
    lookup.headers = headers;
    return lookup.header(name);
}

RawResponse rawRequest(const std::string& method, const std::string& url, const HeaderFields& headers,
                       const std::string& body, const std::string& contentType) {
    const Poco::URI uri(url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, uri.getPathEtc(), Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) {
        request.set(name, value);
    }
    if (!contentType.empty()) {
        request.setContentType(contentType);
    }
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    RawResponse raw;
    raw.status = static_cast<int>(response.getStatus());
    for (const auto& [name, value] : response) {
        raw.headers.emplace_back(name, value);
    }
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    raw.body = text.str();
    return raw;
}

}  // namespace finsam::testing
