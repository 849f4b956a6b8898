// tests/partner_server/main.cpp — finsam-partner-server: the region's FHIR server and the kommun's API on
// finsam-gen data, for pointing a hub at by hand.
// SPDX-License-Identifier: Apache-2.0
#include <Poco/Exception.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "json_text.h"
#include "partner_server.h"
#include "query_string.h"

namespace {

using finsam::testing::PartnerServer;
using finsam::testing::PartnerServerOptions;

struct CommandLine {
    PartnerServerOptions options;
    std::vector<finsam::testing::Fault> faults;
    bool quiet = false;
};

void printUsage(std::ostream& out) {
    out << "usage: finsam-partner-server --data DIR [--port N] [--tls-cert FILE --tls-key FILE] [--fault SPEC]...\n"
           "           [--token-lifetime SECONDS] [--region-token T] [--client-id ID] [--client-secret S] [--quiet]\n"
           "Serves finsam-gen's DIR/region as the region's FHIR R4 server (base /R4, bearer token) and\n"
           "DIR/kommun as the kommun's REST API (/oauth2/token, /api/v1/...), on 127.0.0.1, until Ctrl-C.\n"
           "Prints one JSON line with the base URLs and the test credentials; logs each request to stderr.\n"
           "  --port N            listen on this port (default: a free one)\n"
           "  --tls-cert/--tls-key  serve HTTPS with this PEM certificate chain and key\n"
           "  --token-lifetime S  kommun tokens live S seconds (default 300)\n"
        << finsam::testing::faultSpecHelp();
}

std::string valueOf(int argc, char** argv, int& i) {
    if (i + 1 >= argc) {
        throw std::invalid_argument(std::string(argv[i]) + " needs a value");
    }
    return argv[++i];
}

CommandLine parse(int argc, char** argv) {
    CommandLine line;
    std::string certificate;
    std::string key;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--data") {
            line.options.data = valueOf(argc, argv, i);
        } else if (arg == "--port") {
            const auto port = finsam::testing::partner::parseBoundedInteger(valueOf(argc, argv, i), 1, 65535);
            if (!port) {
                throw std::invalid_argument("--port takes 1-65535");
            }
            line.options.port = static_cast<std::uint16_t>(*port);
        } else if (arg == "--tls-cert") {
            certificate = valueOf(argc, argv, i);
        } else if (arg == "--tls-key") {
            key = valueOf(argc, argv, i);
        } else if (arg == "--fault") {
            line.faults.push_back(finsam::testing::parseFaultSpec(valueOf(argc, argv, i)));
        } else if (arg == "--token-lifetime") {
            const auto seconds = finsam::testing::partner::parseBoundedInteger(valueOf(argc, argv, i), 1, 86400);
            if (!seconds) {
                throw std::invalid_argument("--token-lifetime takes 1-86400 seconds");
            }
            line.options.tokenLifetime = std::chrono::seconds(*seconds);
        } else if (arg == "--region-token") {
            line.options.regionToken = valueOf(argc, argv, i);
        } else if (arg == "--client-id") {
            line.options.clientId = valueOf(argc, argv, i);
        } else if (arg == "--client-secret") {
            line.options.clientSecret = valueOf(argc, argv, i);
        } else if (arg == "--quiet") {
            line.quiet = true;
        } else {
            throw std::invalid_argument("unknown argument '" + arg + "' (see --help)");
        }
    }
    if (line.options.data.empty()) {
        throw std::invalid_argument("--data DIR is required");
    }
    if (certificate.empty() != key.empty()) {
        throw std::invalid_argument("--tls-cert and --tls-key go together");
    }
    if (!certificate.empty()) {
        line.options.tls = finsam::testing::TlsServerFiles{certificate, key};
    }
    return line;
}

int run(int argc, char** argv) {
    if (argc > 1 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
        printUsage(std::cout);
        return 0;
    }
    CommandLine line = parse(argc, argv);
    // Blocked before any thread starts, so every thread inherits the mask and sigwait() below gets them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    if (!line.quiet) {
        line.options.accessLog = [mutex = std::make_shared<std::mutex>()](const std::string& entry) {
            std::lock_guard lock(*mutex);
            std::cerr << entry << std::endl;
        };
    }
    PartnerServer server(line.options);
    for (auto& fault : line.faults) {
        server.inject(std::move(fault));
    }
    using finsam::testing::partner::jsonString;
    const auto& options = server.options();
    std::cout << R"({"region_base_url":)" << jsonString(server.regionBaseUrl()) << R"(,"region_token":)"
              << jsonString(options.regionToken) << R"(,"kommun_base_url":)" << jsonString(server.kommunBaseUrl())
              << R"(,"token_url":)" << jsonString(server.tokenUrl()) << R"(,"client_id":)"
              << jsonString(options.clientId) << R"(,"client_secret":)" << jsonString(options.clientSecret)
              << R"(,"scope":)" << jsonString(options.scope) << "}" << std::endl;

    int signal = 0;
    sigwait(&stopSignals, &signal);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const Poco::Exception& error) {
        std::cerr << "finsam-partner-server: " << error.displayText() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "finsam-partner-server: " << error.what() << "\n";
        return 2;
    }
}
