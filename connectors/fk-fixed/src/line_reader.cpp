// connectors/fk-fixed/src/line_reader.cpp — chunked reads and memchr: 10 million lines must stream
// in constant memory (README "Volume").
// SPDX-License-Identifier: Apache-2.0
#include "line_reader.h"

#include <algorithm>
#include <cstring>

namespace finsam::connectors::fk_fixed {

namespace {

constexpr std::size_t kChunkBytes = 1 << 20;

}  // namespace

bool LineReader::open(const std::filesystem::path& path, std::uint64_t offset,
                      std::int64_t firstLineNumber, std::string& error, Sha256Stream* digest) {
    in_.open(path, std::ios::binary);
    if (!in_) {
        error = "cannot be opened";
        return false;
    }
    if (offset > 0 && !in_.seekg(static_cast<std::streamoff>(offset))) {
        error = "cannot be positioned at byte " + std::to_string(offset);
        return false;
    }
    buffer_.resize(kChunkBytes);
    begin_ = end_ = 0;
    offset_ = offset;
    nextLine_ = firstLineNumber;
    digest_ = digest;
    failed_ = false;
    return true;
}

bool LineReader::rewind(std::uint64_t offset, std::int64_t lineNumber) {
    in_.clear();  // reading to the end set eofbit/failbit
    if (!in_.seekg(static_cast<std::streamoff>(offset))) {
        failed_ = true;
        return false;
    }
    begin_ = end_ = 0;
    offset_ = offset;
    nextLine_ = lineNumber;
    digest_ = nullptr;
    failed_ = false;
    return true;
}

bool LineReader::fill() {
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    begin_ = 0;
    end_ = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) {
        failed_ = true;
        return false;
    }
    return end_ > 0;
}

bool LineReader::next(Line& line) {
    kept_.clear();
    std::uint64_t length = 0;
    bool started = false;
    for (;;) {
        if (begin_ == end_ && !fill()) {
            if (!started || failed_) {
                return false;
            }
            line = Line{kept_, length, false, nextLine_++};
            offset_ += length;
            return true;
        }
        started = true;
        const char* start = buffer_.data() + begin_;
        const std::size_t available = end_ - begin_;
        const auto* lf = static_cast<const char*>(std::memchr(start, '\n', available));
        const std::size_t take = lf != nullptr ? static_cast<std::size_t>(lf - start) : available;
        const std::size_t consumed = take + (lf != nullptr ? 1 : 0);
        if (digest_ != nullptr) {
            digest_->update(std::string_view(start, consumed));
        }
        kept_.append(start, std::min(take, kKeptBytes - std::min(kKeptBytes, kept_.size())));
        length += take;
        begin_ += consumed;
        if (lf != nullptr) {
            line = Line{kept_, length, true, nextLine_++};
            offset_ += length + 1;
            return true;
        }
    }
}

}  // namespace finsam::connectors::fk_fixed
