// core/common/file_io.h — write a whole buffer to a descriptor and make it durable: the one loop for it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace finsam::common {

/// Writes all of `data` to `fd` (retrying short writes and EINTR), fsyncs and closes it. Returns 0 or the
/// first errno. The descriptor is closed in every case.
int writeSyncClose(int fd, std::string_view data);

}  // namespace finsam::common
