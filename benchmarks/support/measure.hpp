// SPDX-License-Identifier: MIT
#pragma once
// What every benchmark program measures with: a monotonic clock and the peak resident memory.

#include <chrono>
#include <cstddef>
#include <fstream>
#include <string>

namespace bench {

using clock_type = std::chrono::steady_clock;

/// Seconds elapsed since `t0`.
inline double seconds_since(clock_type::time_point t0) {
    return std::chrono::duration<double>(clock_type::now() - t0).count();
}

/// Peak resident set size of this process in bytes (VmHWM of /proc/self/status), 0 if unknown.
inline std::size_t peak_rss() {
    std::ifstream in("/proc/self/status");
    std::string key;
    while (in >> key) {
        if (key == "VmHWM:") {
            std::size_t kb = 0;
            in >> kb;
            return kb * 1024;
        }
        std::getline(in, key);
    }
    return 0;
}

}  // namespace bench
