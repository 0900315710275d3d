// SPDX-License-Identifier: MIT
#pragma once
// A document (explain/document.hpp) as Markdown (GitHub-flavoured: pipe tables). Every string
// is escaped (report/escape.hpp), so a case's text cannot open a link, code span or raw HTML.
// A figure is written as its DOT text in a fenced block, with its caption.

#include <narrative/explain/document.hpp>
#include <narrative/report/escape.hpp>
#include <narrative/report/graph_dot.hpp>

#include <algorithm>
#include <string>
#include <variant>

namespace narrative::report {

namespace detail {

inline std::string markdown_inline(const explain::inline_text& line) {
    std::string out{};
    for (const auto& s : line) {
        // Only the first span can open a line.
        std::string t = markdown_escape(s.text, out.empty());
        if (t.empty()) continue;
        if (s.what == explain::span::kind::strong) out += "**" + t + "**";
        else if (s.what == explain::span::kind::actor) out += "*" + t + "*";
        else out += t;
    }
    return out;
}

/// A fence longer than any run of backticks in `text`.
inline std::string fence_for(const std::string& text) {
    std::size_t longest = 0, run = 0;
    for (const char ch : text) {
        run = ch == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

inline void markdown_block(std::string& out, const explain::block& b) {
    if (const auto* p = std::get_if<explain::paragraph>(&b)) {
        out += markdown_inline(p->content) + "\n\n";
    } else if (const auto* t = std::get_if<explain::table>(&b)) {
        out += "|";
        for (const auto& h : t->header) out += " " + markdown_escape(h) + " |";
        out += "\n|";
        for (std::size_t i = 0; i < t->header.size(); ++i)
            out += i < t->numeric.size() && t->numeric[i] ? " ---: |" : " --- |";
        out += "\n";
        for (const auto& row : t->rows) {
            out += "|";
            for (const auto& cell : row) out += " " + markdown_inline(cell) + " |";
            out += "\n";
        }
        out += "\n";
    } else if (const auto* l = std::get_if<explain::item_list>(&b)) {
        for (const auto& item : l->items) out += "- " + markdown_inline(item) + "\n";
        out += "\n";
    } else if (const auto* c = std::get_if<explain::chart>(&b)) {
        out += "*" + markdown_escape(c->caption) + "* (drawn in the HTML report; the numbers are in the table)\n\n";
    } else if (const auto* f = std::get_if<explain::figure>(&b)) {
        const std::string dot = graph_to_dot(f->graph);
        const std::string fence = fence_for(dot);
        out += markdown_escape(f->caption) + " The graph in DOT (draw it with `dot -Tsvg`):\n\n" + fence + "dot\n" +
               dot + fence + "\n\n";
    }
}

inline void markdown_section(std::string& out, const explain::section& s, int level) {
    out += std::string(static_cast<std::size_t>(std::min(level, 6)), '#') + " " + markdown_escape(s.title) + "\n\n";
    for (const auto& b : s.blocks) markdown_block(out, b);
    for (const auto& sub : s.subsections) markdown_section(out, sub, level + 1);
}

}  // namespace detail

/// The document as Markdown.
[[nodiscard]] inline std::string write_markdown(const explain::document& d) {
    std::string out = "# " + markdown_escape(d.title) + "\n\n";
    for (const auto& line : d.preamble) out += detail::markdown_inline(line) + "\n\n";
    for (const auto& s : d.sections) detail::markdown_section(out, s, 2);
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace narrative::report
