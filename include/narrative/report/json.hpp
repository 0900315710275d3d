// SPDX-License-Identifier: MIT
#pragma once
// A document (explain/document.hpp) as JSON, format `narrative-report/1`: for programs that
// draw their own pages from the same content.

#include <narrative/explain/document.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <variant>

namespace narrative::report {

namespace detail {

inline nlohmann::ordered_json json_inline(const explain::inline_text& line) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& s : line) {
        const char* kind = s.what == explain::span::kind::text        ? "text"
                           : s.what == explain::span::kind::strong    ? "strong"
                           : s.what == explain::span::kind::code      ? "code"
                           : s.what == explain::span::kind::statement ? "statement"
                                                                      : "actor";
        nlohmann::ordered_json j = {{"kind", kind}, {"text", s.text}};
        if (!s.target.empty()) j["target"] = s.target;
        if (!s.title.empty()) j["title"] = s.title;
        out.push_back(std::move(j));
    }
    return out;
}

inline nlohmann::ordered_json json_graph(const explain::graph_view& g) {
    auto nodes = nlohmann::ordered_json::array();
    for (const auto& n : g.nodes) {
        nlohmann::ordered_json j = {{"id", n.id}, {"label", n.label}, {"cluster", n.cluster}};
        j["camp"] = n.camp ? nlohmann::ordered_json(n.camp.value() == 0 ? "A" : "B") : nlohmann::ordered_json(nullptr);
        j["strength"] = n.strength && std::isfinite(*n.strength) ? nlohmann::ordered_json(*n.strength)
                                                                 : nlohmann::ordered_json(nullptr);
        if (!n.link.empty()) j["link"] = n.link;
        if (n.emphasised) j["emphasised"] = true;
        nodes.push_back(std::move(j));
    }
    auto edges = nlohmann::ordered_json::array();
    for (const auto& e : g.edges)
        edges.push_back({{"from", e.from}, {"to", e.to}, {"type", e.contradicts ? "contradicts" : "supports"},
                         {"mutual", e.mutual}, {"inferred", e.inferred}, {"frustrated", e.frustrated},
                         {"label", e.label}});
    auto clusters = nlohmann::ordered_json::array();
    for (const auto& k : g.clusters) clusters.push_back(k.label);
    return {{"condensed", g.condensed}, {"nodes", std::move(nodes)}, {"edges", std::move(edges)},
            {"clusters", std::move(clusters)}};
}

inline nlohmann::ordered_json json_block(const explain::block& b) {
    if (const auto* p = std::get_if<explain::paragraph>(&b))
        return {{"type", "paragraph"}, {"content", json_inline(p->content)}};
    if (const auto* t = std::get_if<explain::table>(&b)) {
        auto rows = nlohmann::ordered_json::array();
        for (const auto& row : t->rows) {
            auto cells = nlohmann::ordered_json::array();
            for (const auto& cell : row) cells.push_back(json_inline(cell));
            rows.push_back(std::move(cells));
        }
        nlohmann::ordered_json j = {{"type", "table"}, {"header", t->header}, {"numeric", t->numeric},
                                    {"rows", std::move(rows)}};
        if (!t->anchors.empty()) j["anchors"] = t->anchors;
        return j;
    }
    if (const auto* l = std::get_if<explain::item_list>(&b)) {
        auto items = nlohmann::ordered_json::array();
        for (const auto& item : l->items) items.push_back(json_inline(item));
        return {{"type", "list"}, {"items", std::move(items)}};
    }
    if (const auto* c = std::get_if<explain::chart>(&b)) {
        auto lines = nlohmann::ordered_json::array();
        for (const auto& l : c->lines) {
            auto values = nlohmann::ordered_json::array();
            for (const double v : l.values) values.push_back(std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr));
            lines.push_back({{"name", l.name}, {"values", std::move(values)}});
        }
        return {{"type", "chart"}, {"caption", c->caption}, {"x_labels", c->x_labels}, {"lines", std::move(lines)},
                {"min", c->min}, {"max", c->max}};
    }
    const auto& f = std::get<explain::figure>(b);
    return {{"type", "figure"}, {"caption", f.caption}, {"graph", json_graph(f.graph)}};
}

inline nlohmann::ordered_json json_section(const explain::section& s) {
    auto blocks = nlohmann::ordered_json::array();
    for (const auto& b : s.blocks) blocks.push_back(json_block(b));
    auto subs = nlohmann::ordered_json::array();
    for (const auto& sub : s.subsections) subs.push_back(json_section(sub));
    return {{"id", s.id}, {"title", s.title}, {"collapsed", s.collapsed}, {"blocks", std::move(blocks)},
            {"sections", std::move(subs)}};
}

}  // namespace detail

/// The document as JSON.
[[nodiscard]] inline nlohmann::ordered_json report_to_json(const explain::document& d) {
    auto preamble = nlohmann::ordered_json::array();
    for (const auto& line : d.preamble) preamble.push_back(detail::json_inline(line));
    auto sections = nlohmann::ordered_json::array();
    for (const auto& s : d.sections) sections.push_back(detail::json_section(s));
    return {{"format", "narrative-report/1"}, {"title", d.title}, {"preamble", std::move(preamble)},
            {"sections", std::move(sections)}};
}

}  // namespace narrative::report
