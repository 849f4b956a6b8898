// connectors/kommun-api/src/ledger_codec.cpp — varints, front coding, Poco's zlib and Base64 streams.
// SPDX-License-Identifier: Apache-2.0
#include "ledger_codec.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/DeflatingStream.h>
#include <Poco/InflatingStream.h>

#include <sstream>
#include <stdexcept>

namespace finsam::connectors::kommun_api {

namespace {

constexpr const char kMagic[] = "KL1";  // kommun ledger, version 1
constexpr std::size_t kMagicSize = 3;
constexpr std::uint8_t kSkyddad = 1;
constexpr std::uint8_t kWithheld = 2;

void putVarint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

std::size_t sharedPrefix(const std::string& a, const std::string& b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) {
        ++n;
    }
    return n;
}

std::string binary(const PaymentLedger& ledger) {
    std::string out(kMagic, kMagicSize);
    putVarint(out, ledger.persons().size());
    for (const auto& [token, person] : ledger.persons()) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.push_back(static_cast<char>((token >> shift) & 0xff));
        }
        out.push_back(static_cast<char>((person.skyddad ? kSkyddad : 0) | (person.withheld ? kWithheld : 0)));
        putVarint(out, person.months.size());
        Month previousMonth = 0;
        const std::string* previousId = nullptr;
        static const std::string kNoId;
        for (const auto& paid : person.months) {
            const auto step = static_cast<std::uint64_t>(paid.month - previousMonth);
            putVarint(out, (step << 1) | (paid.ref.role == Role::kCoApplicant ? 1 : 0));
            const std::size_t shared = sharedPrefix(previousId != nullptr ? *previousId : kNoId, paid.ref.id);
            putVarint(out, shared);
            putVarint(out, paid.ref.id.size() - shared);
            out.append(paid.ref.id, shared, std::string::npos);
            previousMonth = paid.month;
            previousId = &paid.ref.id;
        }
    }
    return out;
}

class Reader {
public:
    explicit Reader(const std::string& bytes) : bytes_(bytes) {}

    std::uint64_t varint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const auto byte = static_cast<std::uint8_t>(take());
            value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) {
                return value;
            }
        }
        throw std::runtime_error("varint too long");
    }
    char take() {
        if (at_ >= bytes_.size()) {
            throw std::runtime_error("truncated");
        }
        return bytes_[at_++];
    }
    std::string take(std::size_t count) {
        if (count > bytes_.size() - at_) {
            throw std::runtime_error("truncated");
        }
        at_ += count;
        return bytes_.substr(at_ - count, count);
    }
    bool atEnd() const { return at_ == bytes_.size(); }

private:
    const std::string& bytes_;
    std::size_t at_ = 0;
};

PaymentLedger fromBinary(const std::string& bytes) {
    Reader in(bytes);
    if (in.take(kMagicSize) != std::string(kMagic, kMagicSize)) {
        throw std::runtime_error("not a kommun-api ledger");
    }
    PaymentLedger ledger;
    ledger.reserve(bytes.size() / 4);  // a payment takes four to eight bytes before deflating
    const std::uint64_t persons = in.varint();
    for (std::uint64_t p = 0; p < persons; ++p) {
        PersonToken token = 0;
        for (int i = 0; i < 8; ++i) {
            token = (token << 8) | static_cast<std::uint8_t>(in.take());
        }
        PersonMonths months;
        const auto flags = static_cast<std::uint8_t>(in.take());
        months.skyddad = (flags & kSkyddad) != 0;
        months.withheld = (flags & kWithheld) != 0;
        const std::uint64_t refs = in.varint();
        if (refs > bytes.size()) {
            throw std::runtime_error("bad count");  // each payment takes at least three bytes
        }
        months.months.reserve(refs);
        Month month = 0;
        std::string id;
        for (std::uint64_t r = 0; r < refs; ++r) {
            const std::uint64_t stepAndRole = in.varint();
            month += static_cast<Month>(stepAndRole >> 1);
            const std::uint64_t shared = in.varint();
            if (shared > id.size()) {
                throw std::runtime_error("bad prefix");
            }
            id = id.substr(0, shared) + in.take(in.varint());
            months.months.push_back({month, {id, (stepAndRole & 1) != 0 ? Role::kCoApplicant : Role::kApplicant}});
        }
        ledger.restore(token, std::move(months));
    }
    if (!in.atEnd()) {
        throw std::runtime_error("trailing bytes");
    }
    return ledger;
}

}  // namespace

std::string encodeLedger(const PaymentLedger& ledger) {
    if (ledger.persons().empty()) {
        return "";
    }
    std::ostringstream text;
    {
        Poco::Base64Encoder base64(text);
        base64.rdbuf()->setLineLength(0);  // one line: the checkpoint is a JSON string
        Poco::DeflatingOutputStream deflate(base64, Poco::DeflatingStreamBuf::STREAM_ZLIB);
        const std::string bytes = binary(ledger);
        deflate.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        deflate.close();
        base64.close();
    }
    return text.str();
}

std::optional<PaymentLedger> decodeLedger(const std::string& text) {
    if (text.empty()) {
        return PaymentLedger{};
    }
    try {
        std::istringstream source(text);
        Poco::Base64Decoder base64(source);
        Poco::InflatingInputStream inflate(base64, Poco::InflatingStreamBuf::STREAM_ZLIB);
        std::ostringstream bytes;
        bytes << inflate.rdbuf();
        return fromBinary(bytes.str());
    } catch (const std::exception&) {
        return std::nullopt;  // Poco throws its own exceptions for bad Base64 or zlib data
    }
}

}  // namespace finsam::connectors::kommun_api
