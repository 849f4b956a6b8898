// tests/support/test_certificates.cpp — every file is made fresh per test process, so no key or
// certificate is checked in and none can expire in the repository.
// SPDX-License-Identifier: Apache-2.0
#include "test_certificates.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace finsam::testing {

namespace {

namespace fs = std::filesystem;

// Our own configuration, so the system's openssl.cnf cannot add or change extensions.
constexpr const char* kCaConfig = R"([req]
distinguished_name = dn
x509_extensions = v3_ca
prompt = no
[dn]
CN = %CN%
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
)";

constexpr const char* kServerConfig = R"([req]
distinguished_name = dn
prompt = no
[dn]
CN = localhost
[v3_server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
)";

void writeFile(const fs::path& path, std::string text, const std::string& commonName = "") {
    if (const auto at = text.find("%CN%"); at != std::string::npos) {
        text.replace(at, 4, commonName);
    }
    std::ofstream(path) << text;
}

void runOpenssl(const fs::path& directory, const std::vector<std::string>& args) {
    Poco::Pipe output;
    Poco::ProcessHandle process =
        Poco::Process::launch("openssl", args, directory.string(), nullptr, &output, &output);
    Poco::PipeInputStream stream(output);
    std::ostringstream text;
    Poco::StreamCopier::copyStream(stream, text);
    if (const int code = process.wait(); code != 0) {
        std::string command = "openssl";
        for (const auto& arg : args) {
            command += " " + arg;
        }
        throw std::runtime_error("test certificates: `" + command + "` failed (" + std::to_string(code) +
                                 "): " + text.str());
    }
}

const std::vector<std::string> kNewEcKey = {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"};

void makeCa(const fs::path& directory, const std::string& name, const std::string& commonName) {
    writeFile(directory / (name + ".cnf"), kCaConfig, commonName);
    std::vector<std::string> args = {"req", "-x509", "-config", name + ".cnf", "-days", "2"};
    args.insert(args.end(), kNewEcKey.begin(), kNewEcKey.end());
    args.insert(args.end(), {"-keyout", name + ".key", "-out", name + ".pem"});
    runOpenssl(directory, args);
}

struct CertificateDirectory {
    fs::path path;
    TestCertificates files;

    CertificateDirectory() {
        std::string pattern = (fs::temp_directory_path() / "finsam-certs-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("test certificates: cannot create a temporary directory");
        }
        path = pattern;
        try {
            generate();
        } catch (...) {
            std::error_code ignored;
            fs::remove_all(path, ignored);
            throw;
        }
    }

    void generate() {
        makeCa(path, "ca", "finsam-hub test CA");
        makeCa(path, "other-ca", "unrelated test CA");
        writeFile(path / "server.cnf", kServerConfig);
        std::vector<std::string> request = {"req", "-new", "-config", "server.cnf"};
        request.insert(request.end(), kNewEcKey.begin(), kNewEcKey.end());
        request.insert(request.end(), {"-keyout", "server.key", "-out", "server.csr"});
        runOpenssl(path, request);
        runOpenssl(path, {"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                          "-CAcreateserial", "-days", "2", "-extfile", "server.cnf", "-extensions", "v3_server",
                          "-out", "server.pem"});

        files.caFile = (path / "ca.pem").string();
        files.serverCertificateFile = (path / "server.pem").string();
        files.serverKeyFile = (path / "server.key").string();
        files.otherCaFile = (path / "other-ca.pem").string();
    }

    ~CertificateDirectory() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

}  // namespace

const TestCertificates& testCertificates() {
    static const CertificateDirectory directory;
    return directory.files;
}

}  // namespace finsam::testing
