// SPDX-License-Identifier: MIT
#pragma once
// A document (explain/document.hpp) as plain text for a terminal: underlined headings, tables
// with aligned columns (widths in code points), indented lists. A figure is summarised by its
// size; the drawing is in the HTML report.

#include <narrative/explain/document.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

namespace narrative::report {

namespace detail {

/// Code points in UTF-8 text (continuation bytes not counted).
[[nodiscard]] inline std::size_t text_width(const std::string& s) {
    std::size_t n = 0;
    for (const char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
}

[[nodiscard]] inline std::string text_inline(const explain::inline_text& line) {
    std::string out = explain::plain(line);
    for (auto& ch : out)
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    return out;
}

inline void text_block(std::string& out, const explain::block& b) {
    if (const auto* p = std::get_if<explain::paragraph>(&b)) {
        out += text_inline(p->content) + "\n\n";
    } else if (const auto* t = std::get_if<explain::table>(&b)) {
        std::vector<std::vector<std::string>> cells{};
        cells.push_back(t->header);
        for (const auto& row : t->rows) {
            std::vector<std::string> line{};
            for (const auto& cell : row) line.push_back(text_inline(cell));
            cells.push_back(std::move(line));
        }
        std::vector<std::size_t> width(t->header.size(), 0);
        for (const auto& row : cells)
            for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
                width[i] = std::max(width[i], text_width(row[i]));
        for (const auto& row : cells) {
            std::string line = " ";
            for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) {
                const std::string pad(width[i] - text_width(row[i]), ' ');
                const bool right = i < t->numeric.size() && t->numeric[i];
                line += " " + (right ? pad + row[i] : (i + 1 < row.size() ? row[i] + pad : row[i])) + " ";
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
        }
        out += "\n";
    } else if (const auto* l = std::get_if<explain::item_list>(&b)) {
        for (const auto& item : l->items) out += "  - " + text_inline(item) + "\n";
        out += "\n";
    } else if (const auto* c = std::get_if<explain::chart>(&b)) {
        std::string caption = c->caption;
        if (!caption.empty() && caption.back() == '.') caption.pop_back();
        out += "  (chart: " + caption + "; drawn in the HTML report, the numbers are in the table)\n\n";
    } else if (const auto* f = std::get_if<explain::figure>(&b)) {
        out += "  (graph of " + std::to_string(f->graph.nodes.size()) + (f->graph.condensed ? " groups, " : " statements, ") +
               std::to_string(f->graph.edges.size()) + " edges: drawn in the HTML report)\n\n";
    }
}

inline void text_section(std::string& out, const explain::section& s, int level) {
    out += s.title + "\n";
    if (level <= 3) out += std::string(text_width(s.title), level == 2 ? '=' : '-') + "\n";
    out += "\n";
    for (const auto& b : s.blocks) text_block(out, b);
    for (const auto& sub : s.subsections) text_section(out, sub, level + 1);
}

}  // namespace detail

/// The document as plain text.
[[nodiscard]] inline std::string write_text(const explain::document& d) {
    std::string out = d.title + "\n\n";
    for (const auto& line : d.preamble) out += detail::text_inline(line) + "\n";
    out += "\n";
    for (const auto& s : d.sections) detail::text_section(out, s, 2);
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace narrative::report
