// tests/fuzz/fuzz_support.h — what every fuzz target shares: invariant checks that abort (so libFuzzer
// and the replay runner both report them as crashes), splitting one input into parts, a scratch folder,
// and a record sink that checks every message it is given.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "finsam/sdk/connector.h"

namespace finsam::fuzz {

/// An invariant that failed: print what and abort, which libFuzzer (and replay_main) report as a crash.
[[noreturn]] inline void fail(const char* target, const std::string& what) {
    std::string shown;  // control bytes (a NUL, say) escaped, so the whole message is seen
    for (char c : what) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
            shown += escaped;
        } else {
            shown += c;
        }
    }
    std::fprintf(stderr, "\nfuzz invariant broken in %s: %s\n", target, shown.c_str());
    std::fflush(stderr);
    std::abort();
}

#define FUZZ_CHECK(target, condition, what)     \
    do {                                        \
        if (!(condition)) {                     \
            ::finsam::fuzz::fail(target, what); \
        }                                       \
    } while (false)

/// Several inputs in one (the three sheets of a förbund set, successive HTTP pages, hub.json and its
/// instance files) are separated by this line. Seeds are built the same way (scripts/fuzz.sh).
inline constexpr std::string_view kPartSeparator = "\n--8<--\n";

inline std::vector<std::string> splitParts(std::string_view input, std::size_t maxParts) {
    std::vector<std::string> parts;
    while (parts.size() + 1 < maxParts) {
        const auto at = input.find(kPartSeparator);
        if (at == std::string_view::npos) {
            break;
        }
        parts.emplace_back(input.substr(0, at));
        input.remove_prefix(at + kPartSeparator.size());
    }
    parts.emplace_back(input);
    return parts;
}

/// The maximal runs of ten or more ASCII digits in `text`: what the hub treats as a possible
/// personnummer (or an organisationsnummer) and never lets into a message.
inline std::vector<std::string_view> longDigitRuns(std::string_view text) {
    std::vector<std::string_view> runs;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] < '0' || text[i] > '9') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
            ++j;
        }
        if (j - i >= 10) {
            runs.push_back(text.substr(i, j - i));
        }
        i = j;
    }
    return runs;
}

/// True when `message` repeats a run of ten or more digits that the input holds: the documented promise of
/// every parser is that messages never quote a value that may be an identity.
inline bool quotesInputNumber(std::string_view message, std::string_view input) {
    for (auto run : longDigitRuns(message)) {
        if (input.find(run) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

/// A folder of this process's own under the temporary directory, made on first use.
inline const std::filesystem::path& scratchDir() {
    static const std::filesystem::path dir = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "finsam-fuzz-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            std::perror("mkdtemp");
            std::abort();
        }
        std::filesystem::path made(pattern);
        // Left behind only if the process is killed: a crash report should keep its files anyway.
        static struct Remover {
            std::filesystem::path path;
            ~Remover() {
                std::error_code ignored;
                std::filesystem::remove_all(path, ignored);
            }
        } remover{made};
        return made;
    }();
    return dir;
}

inline void writeFile(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        std::perror(path.c_str());
        std::abort();
    }
}

/// A message rule: what is wrong with `message` under it, "" when nothing.
using MessageRule = std::function<std::string(std::string_view message)>;

/// The file connectors' rule (toolkit safe_message.h: a value with ten or more digits is withheld): a message
/// never repeats a run of ten or more digits that the input holds.
inline MessageRule noInputNumber(std::string_view input) {
    return [input](std::string_view message) {
        return quotesInputNumber(message, input) ? std::string("quotes a ten-digit number of the input") : "";
    };
}

/// fk-fixed's own rule (message_text.h): no run of ten or more digits at all.
inline MessageRule noLongDigitRun() {
    return [](std::string_view message) {
        return longDigitRuns(message).empty() ? std::string() : "holds a run of ten or more digits";
    };
}

/// Collects what a connector gives the host and holds every message to `rule` as it arrives.
class CheckingSink : public sdk::RecordSink {
public:
    CheckingSink(const char* target, MessageRule rule) : target_(target), rule_(std::move(rule)) {}

    void accept(sdk::Record record) override {
        FUZZ_CHECK(target_, !record.entity.empty(), "a record without an entity");
        records.push_back(std::move(record));
    }
    void quarantine(sdk::Problem problem) override {
        check("quarantine message", problem.message);
        FUZZ_CHECK(target_, !problem.code.empty(), "a problem without a code");
        problems.push_back(std::move(problem));
    }
    void reject(sdk::RejectedSource source) override {
        check("rejection message", source.message);
        FUZZ_CHECK(target_, !source.code.empty(), "a rejection without a code");
        FUZZ_CHECK(target_, source.rows >= 0, "a rejection with a negative row count");
        rejected.push_back(std::move(source));
    }
    void snapshotComplete(const std::string& entity) override { completed.push_back(entity); }
    void warn(const std::string& message) override {
        check("warning", message);
        warnings.push_back(message);
    }

    /// Checks any other text the connector produced (a run's failure message, a log line).
    void check(const char* what, std::string_view message) const {
        const std::string wrong = rule_(message);
        FUZZ_CHECK(target_, wrong.empty(), std::string(what) + " " + wrong + ": " + std::string(message));
    }

    std::vector<sdk::Record> records;
    std::vector<sdk::Problem> problems;
    std::vector<sdk::RejectedSource> rejected;
    std::vector<std::string> completed;
    std::vector<std::string> warnings;

private:
    const char* target_;
    MessageRule rule_;
};

/// A logger that holds log lines to the same rule as the sink holds messages.
class CheckingLogger : public sdk::Logger {
public:
    explicit CheckingLogger(const CheckingSink& sink) : sink_(sink) {}
    void log(Level /*level*/, const std::string& message) override { sink_.check("a log line", message); }

private:
    const CheckingSink& sink_;
};

}  // namespace finsam::fuzz
