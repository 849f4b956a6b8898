// core/app/json_log_formatter.cpp — Poco logging as JSON lines on stderr.
// SPDX-License-Identifier: Apache-2.0
#include "core/app/json_log_formatter.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/identity/redactor.h"

namespace finsam::app {

namespace {

const char* levelName(Poco::Message::Priority priority) {
    switch (priority) {
        case Poco::Message::PRIO_FATAL: return "fatal";
        case Poco::Message::PRIO_CRITICAL: return "critical";
        case Poco::Message::PRIO_ERROR: return "error";
        case Poco::Message::PRIO_WARNING: return "warning";
        case Poco::Message::PRIO_NOTICE: return "notice";
        case Poco::Message::PRIO_INFORMATION: return "info";
        case Poco::Message::PRIO_DEBUG: return "debug";
        case Poco::Message::PRIO_TRACE: return "trace";
    }
    return "info";
}

}  // namespace

void JsonLogFormatter::format(const Poco::Message& message, std::string& text) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("time");
    json.String(Poco::DateTimeFormatter::format(message.getTime(), "%Y-%m-%dT%H:%M:%S.%iZ"));
    json.Key("level");
    json.String(levelName(message.getPriority()));
    const std::string& source = message.getSource();
    static const std::string kConnector = "connector.";
    if (source.rfind(kConnector, 0) == 0) {
        json.Key("component");
        json.String("connector");
        json.Key("connector");
        json.String(source.substr(kConnector.size()));
    } else {
        json.Key("component");
        json.String(source.empty() ? "hub" : source);
    }
    json.Key("message");
    json.String(identity::redactIdentities(message.getText()));
    json.EndObject();
    text.assign(buffer.GetString(), buffer.GetSize());
}

void setupLogging(const std::string& level) {
    Poco::AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel);
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(new JsonLogFormatter, console));
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::root().setLevel(level);
    // Loggers created before this call keep their old channel; re-point the whole tree.
    Poco::Logger::setChannel("", channel);
    Poco::Logger::setLevel("", Poco::Logger::parseLevel(level));
}

}  // namespace finsam::app
