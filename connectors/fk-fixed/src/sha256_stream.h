// connectors/fk-fixed/src/sha256_stream.h — plain SHA-256 of a byte stream fed piece by piece. The
// toolkit's ContentHash length-prefixes each part, so its digest depends on how a file was cut into
// parts and differs from `sha256sum`; a checkpoint an operator can compare with the file needs the
// plain digest. (A candidate for the toolkit.)
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace finsam::connectors::fk_fixed {

/// Not thread-safe.
class Sha256Stream {
public:
    Sha256Stream();
    ~Sha256Stream();
    Sha256Stream(const Sha256Stream&) = delete;
    Sha256Stream& operator=(const Sha256Stream&) = delete;

    void update(std::string_view bytes);
    /// Lowercase hex SHA-256 of every byte given so far; the stream starts over afterwards.
    std::string hexDigest();

private:
    struct Engine;
    std::unique_ptr<Engine> engine_;
};

}  // namespace finsam::connectors::fk_fixed
