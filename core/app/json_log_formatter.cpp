// core/app/json_log_formatter.cpp — Poco logging as JSON lines on stderr.
// SPDX-License-Identifier: Apache-2.0
#include "core/app/json_log_formatter.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <rapidjson/document.h>
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
    rapidjson::Document fields;
    if (message.has("fields")) {
        fields.Parse(message.get("fields").c_str());
    }
    const std::string& source = message.getSource();
    static const std::string kConnector = "connector.";
    std::string connector;
    if (source.rfind(kConnector, 0) == 0) {
        connector = source.substr(kConnector.size());
    } else if (fields.IsObject() && fields.HasMember("connector") && fields["connector"].IsString()) {
        connector = fields["connector"].GetString();
    }
    json.Key("component");
    json.String(source.rfind(kConnector, 0) == 0 ? "connector" : source.empty() ? "hub" : source);
    if (!connector.empty()) {
        json.Key("connector");
        json.String(connector);
    }
    json.Key("message");
    json.String(identity::redactLogText(message.getText()));
    if (fields.IsObject() && fields.MemberCount() > 0) {
        json.Key("fields");
        json.StartObject();
        for (const auto& field : fields.GetObject()) {
            json.Key(field.name.GetString());
            json.String(identity::redactLogText(field.value.IsString() ? field.value.GetString() : ""));
        }
        json.EndObject();
    }
    json.EndObject();
    text.assign(buffer.GetString(), buffer.GetSize());
}

void setupLogging(const std::string& level, const std::map<std::string, std::string>& components) {
    Poco::AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel);
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(new JsonLogFormatter, console));
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::root().setLevel(level);
    // Loggers created before this call keep their old channel; re-point the whole tree.
    Poco::Logger::setChannel("", channel);
    Poco::Logger::setLevel("", Poco::Logger::parseLevel(level));
    for (const auto& [component, componentLevel] : components) {
        Poco::Logger::get(component).setLevel(componentLevel);  // creates it, so children made later inherit
        Poco::Logger::setLevel(component, Poco::Logger::parseLevel(componentLevel));
    }
}

}  // namespace finsam::app
