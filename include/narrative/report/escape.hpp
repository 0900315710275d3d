// SPDX-License-Identifier: MIT
#pragma once
// Escaping of untrusted text for each context a report writes into. Case files are untrusted
// (texts scraped from the web): a statement such as `<script>…</script>` must show as text.

#include <string>
#include <string_view>

namespace narrative::report {

/// Text for HTML element content or a double- or single-quoted attribute value: `& < > " '`
/// become character references, and C0 control characters other than tab, line feed and
/// carriage return (which HTML does not allow) become U+FFFD.
[[nodiscard]] inline std::string html_escape(std::string_view s) {
    std::string out{};
    out.reserve(s.size() + s.size() / 8);
    for (const char ch : s) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                out += "\xEF\xBF\xBD";
            else
                out += ch;
        }
    }
    return out;
}

/// A token usable as an HTML id or fragment: ASCII letters, digits and `-`, others replaced
/// by `-`. Anchors built by explain/ are already of this form; this keeps any other safe.
[[nodiscard]] inline std::string html_id(std::string_view s) {
    std::string out{};
    for (const char ch : s) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
        out += ok ? ch : '-';
    }
    return out.empty() ? std::string("x") : out;
}

/// Text for Markdown (CommonMark / GitHub): the characters that start emphasis, links, code or
/// table cells are backslash-escaped, and those that start a heading, list or quote when they
/// open a line (`at_line_start`: the text is written at the start of a line); `<` and `&` become
/// character references so that no renderer reads them as HTML; line breaks become spaces.
[[nodiscard]] inline std::string markdown_escape(std::string_view s, bool at_line_start = true) {
    std::string out{};
    out.reserve(s.size() + s.size() / 8);
    for (const char ch : s) {
        switch (ch) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
            out += '\\';
            out += ch;
            break;
        case '#': case '+': case '-': case '>': case '=':
            if (at_line_start && out.empty()) out += '\\';
            out += ch;
            break;
        case '<': out += "&lt;"; break;
        case '&': out += "&amp;"; break;
        case '\n': case '\r': case '\t': out += ' '; break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20) out += "\xEF\xBF\xBD";
            else out += ch;
        }
    }
    return out;
}

/// Text inside a double-quoted DOT string: `"` and `\` escaped (so that Graphviz's escapes
/// such as \N and \G cannot be injected), a line feed becomes a centred line break (`\n`),
/// other control characters a space. Graphviz escapes the result again for SVG.
[[nodiscard]] inline std::string dot_escape(std::string_view s) {
    std::string out{};
    out.reserve(s.size() + 8);
    for (const char ch : s) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (ch == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(ch) < 0x20) {
            out += ' ';
        } else {
            out += ch;
        }
    }
    return out;
}

}  // namespace narrative::report
