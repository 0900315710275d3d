// SPDX-License-Identifier: MIT
#pragma once
// The library's version and the case-format version it reads and writes.

#include <string_view>

namespace narrative {

inline constexpr int version_major = 0;
inline constexpr int version_minor = 1;
inline constexpr int version_patch = 0;
inline constexpr std::string_view version_string = "0.1.0";

/// The value of the `format` key of every case file this library reads and writes.
inline constexpr std::string_view case_format_v1 = "narrative/1";

}  // namespace narrative
