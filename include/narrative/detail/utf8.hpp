// SPDX-License-Identifier: MIT
#pragma once
// UTF-8 well-formedness, the characters XML 1.0 allows, and positions for diagnostics.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace narrative::detail {

/// Decodes the UTF-8 sequence at `pos` and advances `pos` past it; nullopt (and `pos` unchanged)
/// when the bytes there are ill-formed: a stray continuation byte, a truncated sequence, an
/// overlong form, a surrogate or a value above U+10FFFF (Unicode, Table 3-7).
[[nodiscard]] constexpr std::optional<char32_t> decode_utf8(std::string_view s, std::size_t& pos) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0) low = 0xA0;   // no overlong forms
        if (b0 == 0xED) high = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0) low = 0x90;   // no overlong forms
        if (b0 == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
        return std::nullopt;
    }
    if (pos + length > s.size()) return std::nullopt;
    if (byte(pos + 1) < low || byte(pos + 1) > high) return std::nullopt;
    for (std::size_t i = 2; i < length; ++i)
        if ((byte(pos + i) & 0xC0) != 0x80) return std::nullopt;
    char32_t c = b0 & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
    for (std::size_t i = 1; i < length; ++i) c = (c << 6) | (byte(pos + i) & 0x3F);
    pos += length;
    return c;
}

/// Byte offset of the first ill-formed byte of `s`, or npos when `s` is well-formed UTF-8.
/// Complexity: O(|s|).
[[nodiscard]] constexpr std::size_t find_invalid_utf8(std::string_view s) noexcept {
    std::size_t pos = 0;
    while (pos < s.size()) {
        // Runs of ASCII are the common case.
        if (static_cast<unsigned char>(s[pos]) < 0x80) {
            ++pos;
            continue;
        }
        if (!decode_utf8(s, pos)) return pos;
    }
    return std::string_view::npos;
}

/// Line and column (1-based; the column counts bytes) of byte offset `pos` of `text`.
[[nodiscard]] inline std::string line_column(std::string_view text, std::size_t pos) {
    pos = pos < text.size() ? pos : text.size();
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < pos; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return std::to_string(line) + ":" + std::to_string(pos - line_start + 1);
}

/// `\xNN` for a byte, as diagnostics quote bytes that are not text.
[[nodiscard]] inline std::string hex_byte(unsigned char b) {
    static constexpr char hex[] = "0123456789abcdef";
    return std::string("\\x") + hex[b >> 4] + hex[b & 0xF];
}

/// `U+0000` notation of a code point.
[[nodiscard]] inline std::string code_point_name(char32_t c) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string digits;
    for (auto v = static_cast<std::uint32_t>(c); v != 0 || digits.size() < 4; v >>= 4)
        digits.insert(digits.begin(), hex[v & 0xF]);
    return "U+" + digits;
}

/// The message for an ill-formed byte at `pos` of `text`: `ill-formed UTF-8 byte \xNN`.
[[nodiscard]] inline std::string ill_formed_utf8_message(std::string_view text, std::size_t pos) {
    return "ill-formed UTF-8 byte " + hex_byte(static_cast<unsigned char>(text[pos]));
}

/// True for the characters XML 1.0 allows in a document (its production `Char`): tab, line
/// feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. U+0000 and the
/// other C0 controls cannot be written even as character references.
[[nodiscard]] constexpr bool xml_allows(char32_t c) noexcept {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

/// Where and why `s` cannot be the text of an XML 1.0 document: the byte offset of the first
/// problem and `ill-formed UTF-8 byte \xNN` or `the character U+0000, which XML 1.0 does not
/// allow`; nullopt when it can. Complexity: O(|s|).
struct text_problem {
    std::size_t offset = 0;
    std::string message{};
};
[[nodiscard]] inline std::optional<text_problem> find_xml_text_problem(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto b = static_cast<unsigned char>(s[pos]);
        if (b >= 0x20 && b < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t at = pos;
        const auto c = decode_utf8(s, pos);
        if (!c) return text_problem{at, ill_formed_utf8_message(s, at)};
        if (!xml_allows(*c))
            return text_problem{at, "the character " + code_point_name(*c) + ", which XML 1.0 does not allow"};
    }
    return std::nullopt;
}

/// The message of find_xml_text_problem alone.
[[nodiscard]] inline std::optional<std::string> xml_text_problem(std::string_view s) {
    if (auto p = find_xml_text_problem(s)) return std::move(p->message);
    return std::nullopt;
}

}  // namespace narrative::detail
