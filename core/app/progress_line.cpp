// core/app/progress_line.cpp — '\r' and an erase-line escape redraw the bar; plain lines carry the same figures.
// SPDX-License-Identifier: Apache-2.0
#include "core/app/progress_line.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace finsam::app {

namespace {

std::string duration(double seconds) {
    const long long total = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (total >= 3600) {
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, (total / 60) % 60, total % 60);
    } else {
        std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
    }
    return text;
}

}  // namespace

std::int64_t countLinesIn(const std::string& dir) {
    std::int64_t lines = 0;
    std::error_code error;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, error)) {
        if (!entry.is_regular_file() || entry.path().filename().string().front() == '.') {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        char buffer[1 << 16];
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
            lines += std::count(buffer, buffer + in.gcount(), '\n');
        }
    }
    return lines;
}

std::string ProgressLine::render(const std::string& connector, std::int64_t rows, std::int64_t expected,
                                 double seconds, std::int64_t batches, bool bar) {
    const double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0;
    std::string text = connector + " ";
    if (bar && expected > 0) {
        const double fraction = std::min(1.0, static_cast<double>(rows) / static_cast<double>(expected));
        const int filled = static_cast<int>(fraction * 24);
        text += "[" + std::string(filled, '#') + std::string(24 - filled, '.') + "] ";
        char percent[16];
        std::snprintf(percent, sizeof percent, "%3.0f%% ", fraction * 100);
        text += percent;
    }
    char figures[160];
    std::snprintf(figures, sizeof figures, "%lld rows, %.0f rows/s, %lld batches, %s elapsed",
                  static_cast<long long>(rows), rate, static_cast<long long>(batches), duration(seconds).c_str());
    text += figures;
    if (expected > rows && rate > 0) {
        text += ", ETA " + duration(static_cast<double>(expected - rows) / rate);
    }
    return text;
}

void ProgressLine::begin(const config::ConnectorInstanceConfig& instance) {
    connector_ = instance.id;
    expected_ = 0;
    drawn_ = false;
    rapidjson::Document settings;
    settings.Parse(instance.settingsJson.c_str());
    if (settings.IsObject() && settings.HasMember("drop_dir") && settings["drop_dir"].IsString()) {
        const std::filesystem::path dir = settings["drop_dir"].GetString();
        expected_ = countLinesIn((dir.is_absolute() ? dir : std::filesystem::path(instance.dir) / dir).string());
    }
}

void ProgressLine::update(const pipeline::IngestSummary& sofar) {
    const std::string text =
        render(connector_, sofar.counts.read, expected_, sofar.elapsedSeconds, sofar.batches, true);
    if (terminal_) {
        out_ << "\r\033[2K" << text << std::flush;
        drawn_ = true;
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - lastPlain_ >= std::chrono::seconds(1)) {
        out_ << "progress " << text << "\n" << std::flush;
        lastPlain_ = now;
    }
}

void ProgressLine::end(const pipeline::IngestSummary* summary) {
    if (terminal_ && drawn_) {
        out_ << "\r\033[2K";
    }
    if (summary != nullptr && summary->batches > 0) {
        out_ << (terminal_ ? "" : "progress ")
             << render(connector_, summary->counts.read, 0, summary->elapsedSeconds, summary->batches, false)
             << ", done\n"
             << std::flush;
    }
    drawn_ = false;
}

}  // namespace finsam::app
