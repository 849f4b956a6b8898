// tests/generator/fk_layout.cpp — FK's fixed-width records (fk-fixed.md): exactly 100 characters.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/fk_layout.h"

#include <cstring>
#include <stdexcept>

namespace finsam::generator::fk {
namespace {

// Zero-padded decimal of `value` into `width` characters at `at`.
void putNumber(char* at, std::size_t width, std::int64_t value) {
    if (value < 0) {
        throw std::invalid_argument("FK numbers are never negative");
    }
    for (std::size_t i = width; i > 0; --i) {
        at[i - 1] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    if (value != 0) {
        throw std::invalid_argument("number does not fit its FK field");
    }
}

void putText(char* at, std::size_t width, const std::string& text) {
    if (text.size() > width) {
        throw std::invalid_argument("text '" + text + "' does not fit its FK field");
    }
    std::memcpy(at, text.data(), text.size());
}

void putDate(char* at, Date date) {
    putNumber(at, 4, yearOf(date));
    putNumber(at + 4, 2, monthOf(date));
    putNumber(at + 6, 2, dayOf(date));
}

}  // namespace

std::string headerLine(Date created, int hour, int minute, std::int64_t batch,
                       const std::string& receiver) {
    std::string line(kLineLength, ' ');
    line[0] = 'H';
    putText(&line[1], 10, kSender);
    putDate(&line[11], created);
    putNumber(&line[19], 2, hour);
    putNumber(&line[21], 2, minute);
    putNumber(&line[23], 2, 0);
    putNumber(&line[25], 8, batch);
    putText(&line[33], 10, receiver);
    return line;
}

void appendDetailLine(std::string& out, const Detail& detail) {
    char line[kLineLength + 1];
    std::memset(line, ' ', kLineLength);
    line[kLineLength] = '\n';
    line[0] = 'D';
    if (detail.personnummer.size() != 12 || detail.formanskod.size() != 3 ||
        detail.arendeId.size() != 16) {
        throw std::invalid_argument("FK detail fields have the wrong width");
    }
    putText(&line[1], 12, detail.personnummer);
    putText(&line[13], 3, detail.formanskod);
    putNumber(&line[16], 3, detail.omfattning);
    putDate(&line[19], detail.from);
    if (detail.tom) {
        putDate(&line[27], *detail.tom);
    }
    putText(&line[35], 16, detail.arendeId);
    line[51] = detail.andring;
    line[52] = detail.skyddad ? 'S' : ' ';
    out.append(line, kLineLength + 1);
}

std::string detailLine(const Detail& detail) {
    std::string line;
    appendDetailLine(line, detail);
    line.pop_back();
    return line;
}

std::string trailerLine(std::int64_t count, std::int64_t omfattningSum) {
    std::string line(kLineLength, ' ');
    line[0] = 'T';
    putNumber(&line[1], 9, count);
    putNumber(&line[10], 12, omfattningSum);
    return line;
}

std::string periodKey(const Detail& detail) {
    return detail.arendeId + "@" + formatIsoDate(detail.from);
}

}  // namespace finsam::generator::fk
