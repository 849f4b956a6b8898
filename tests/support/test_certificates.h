// tests/support/test_certificates.h — a throw-away PKI for HTTPS tests, made with the openssl command line.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "loopback_server.h"

namespace finsam::testing {

/// PEM files in a temporary directory that lives until the test process exits.
struct TestCertificates {
    std::string caFile;                 ///< the CA that signed the server certificate
    std::string serverCertificateFile;  ///< for 127.0.0.1 and localhost (subjectAltName IP and DNS)
    std::string serverKeyFile;
    std::string otherCaFile;  ///< an unrelated CA: a client trusting only it must refuse the server

    TlsServerFiles serverFiles() const { return {serverCertificateFile, serverKeyFile}; }
};

/// Generated on first use (EC P-256, valid two days), once per process. Throws with openssl's output when
/// the `openssl` command is missing or fails.
const TestCertificates& testCertificates();

}  // namespace finsam::testing
