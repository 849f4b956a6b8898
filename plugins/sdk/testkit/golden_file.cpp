// plugins/sdk/testkit/golden_file.cpp — golden JSON: a stable layout so a diff shows one changed
// field per line.
// SPDX-License-Identifier: Apache-2.0
#include "golden_file.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "identity_scan.h"

namespace finsam::sdk::testkit {

namespace {

using rapidjson::Value;
using Allocator = rapidjson::Document::AllocatorType;

Value text(const std::string& s, Allocator& a) {
    return Value(s.c_str(), static_cast<rapidjson::SizeType>(s.size()), a);
}

std::string relocatable(const std::string& source) {
    if (source.find("://") != std::string::npos) {
        return source;
    }
    return std::filesystem::path(source).filename().string();
}

Value position(const Position& p, Allocator& a) {
    Value v(rapidjson::kObjectType);
    v.AddMember("source", text(relocatable(p.source), a), a);
    v.AddMember("line", p.line, a);
    return v;
}

Value record(const Record& r, Allocator& a) {
    Value v(rapidjson::kObjectType);
    v.AddMember("entity", text(r.entity, a), a);
    v.AddMember("key", text(r.key, a), a);
    const char* operation = r.operation == Operation::kUpsert   ? "upsert"
                            : r.operation == Operation::kAmend ? "amend"
                                                               : "retract";
    v.AddMember("operation", text(operation, a), a);
    v.AddMember("position", position(r.position, a), a);
    Value fields(rapidjson::kArrayType);
    for (const auto& f : r.fields) {
        Value field(rapidjson::kObjectType);
        field.AddMember("name", text(f.name, a), a);
        field.AddMember("value", text(f.value, a), a);
        field.AddMember("column", f.column, a);
        fields.PushBack(field, a);
    }
    v.AddMember("fields", fields, a);
    v.AddMember("raw", text(r.raw, a), a);
    return v;
}

Value problem(const Problem& p, Allocator& a) {
    Value v(rapidjson::kObjectType);
    v.AddMember("position", position(p.position, a), a);
    v.AddMember("column", p.column, a);
    v.AddMember("field", text(p.field, a), a);
    v.AddMember("code", text(p.code, a), a);
    v.AddMember("message", text(p.message, a), a);
    v.AddMember("entity", text(p.entity, a), a);
    v.AddMember("key", text(p.key, a), a);
    v.AddMember("raw", text(p.raw, a), a);
    return v;
}

Value rejection(const RejectedSource& r, Allocator& a) {
    Value v(rapidjson::kObjectType);
    v.AddMember("position", position(r.position, a), a);
    v.AddMember("code", text(r.code, a), a);
    v.AddMember("message", text(r.message, a), a);
    v.AddMember("rows", r.rows, a);
    return v;
}

bool isFlat(const Value& v) {
    if (v.IsArray()) {
        for (const auto& element : v.GetArray()) {
            if (element.IsArray() || element.IsObject()) {
                return false;
            }
        }
    } else if (v.IsObject()) {
        for (const auto& member : v.GetObject()) {
            if (member.value.IsArray() || member.value.IsObject()) {
                return false;
            }
        }
    }
    return true;
}

std::string compact(const Value& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

// Flat containers get ", " and ": " between items, which compact() alone would not write.
std::string flat(const Value& v) {
    std::string out;
    if (v.IsArray()) {
        for (const auto& element : v.GetArray()) {
            out += (out.empty() ? "" : ", ") + compact(element);
        }
        return "[" + out + "]";
    }
    if (v.IsObject()) {
        for (const auto& member : v.GetObject()) {
            out += (out.empty() ? "" : ", ") + compact(member.name) + ": " + compact(member.value);
        }
        return "{" + out + "}";
    }
    return compact(v);
}

void write(const Value& v, int indent, std::string& out) {
    if (isFlat(v)) {
        out += flat(v);
        return;
    }
    const std::string inner(static_cast<std::size_t>(indent + 2), ' ');
    const bool array = v.IsArray();
    out += array ? "[\n" : "{\n";
    const rapidjson::SizeType count = array ? v.Size() : v.MemberCount();
    rapidjson::SizeType i = 0;
    auto item = [&](const Value* name, const Value& value) {
        out += inner + (name != nullptr ? compact(*name) + ": " : "");
        write(value, indent + 2, out);
        out += ++i < count ? ",\n" : "\n";
    };
    if (array) {
        for (const auto& element : v.GetArray()) {
            item(nullptr, element);
        }
    } else {
        for (const auto& member : v.GetObject()) {
            item(&member.name, member.value);
        }
    }
    out += std::string(static_cast<std::size_t>(indent), ' ') + (array ? "]" : "}");
}

template <typename T, typename Convert>
Value arrayOf(const std::vector<T>& items, Convert convert, Allocator& a) {
    Value v(rapidjson::kArrayType);
    for (const auto& item : items) {
        v.PushBack(convert(item, a), a);
    }
    return v;
}

}  // namespace

std::string toGoldenJson(const Collected& collected) {
    rapidjson::Document document(rapidjson::kObjectType);
    auto& a = document.GetAllocator();
    document.AddMember("records", arrayOf(collected.records, record, a), a);
    document.AddMember("problems", arrayOf(collected.problems, problem, a), a);
    document.AddMember("rejections", arrayOf(collected.rejections, rejection, a), a);
    document.AddMember("snapshots", arrayOf(collected.snapshots, text, a), a);
    document.AddMember("warnings", arrayOf(collected.warnings, text, a), a);
    std::string out;
    write(document, 0, out);
    return out + "\n";
}

::testing::AssertionResult matchesGolden(const Collected& collected,
                                         const std::string& goldenPath) {
    const std::string actual = toGoldenJson(collected);
    const char* update = std::getenv(kUpdateGoldenVariable);
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(goldenPath, std::ios::binary) << actual;
        return ::testing::AssertionSuccess() << "rewrote " << goldenPath;
    }
    std::ifstream in(goldenPath, std::ios::binary);
    if (!in) {
        return ::testing::AssertionFailure()
               << goldenPath << " is missing; run with " << kUpdateGoldenVariable
               << "=1 to create it, then read it";
    }
    std::stringstream expectedStream;
    expectedStream << in.rdbuf();
    std::istringstream actualLines(actual);
    std::string expectedLine;
    std::string actualLine;
    for (int line = 1;; ++line) {
        const bool moreExpected = static_cast<bool>(std::getline(expectedStream, expectedLine));
        const bool moreActual = static_cast<bool>(std::getline(actualLines, actualLine));
        if (!moreExpected && !moreActual) {
            return ::testing::AssertionSuccess();
        }
        if (moreExpected != moreActual || expectedLine != actualLine) {
            return ::testing::AssertionFailure()
                   << goldenPath << ":" << line << " differs\n  expected: "
                   << (moreExpected ? maskIdentityLike(expectedLine) : "<end of file>")
                   << "\n  actual:   "
                   << (moreActual ? maskIdentityLike(actualLine) : "<end of output>") << "\n(set "
                   << kUpdateGoldenVariable << "=1 to rewrite the file after checking the change)";
        }
    }
}

}  // namespace finsam::sdk::testkit
