// SPDX-License-Identifier: MIT
#pragma once
// Building JSON Pointers (RFC 6901) for diagnostics.

#include <cstddef>
#include <string>
#include <string_view>

namespace narrative::detail {

/// `pointer` extended by one reference token, escaped per RFC 6901 (~ → ~0, / → ~1).
[[nodiscard]] inline std::string pointer_append(std::string_view pointer, std::string_view token) {
    std::string out(pointer);
    out += '/';
    for (const char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

[[nodiscard]] inline std::string pointer_append(std::string_view pointer, std::size_t index) {
    return std::string(pointer) + '/' + std::to_string(index);
}

/// Text fit for a one-line message: control bytes (and, when `escape_non_ascii`, every byte
/// ≥ 0x80, for text that may not be UTF-8) escaped as \xNN; cut to about `max` bytes on a
/// character boundary.
[[nodiscard]] inline std::string printable(std::string_view s, std::size_t max = 80,
                                           bool escape_non_ascii = false) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool continuation = (c & 0xC0) == 0x80;
        if (out.size() >= max && !(continuation && !escape_non_ascii)) {
            out += "...";
            break;
        }
        if (c < 0x20 || c == 0x7f || (escape_non_ascii && c >= 0x80)) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace narrative::detail
