// SPDX-License-Identifier: MIT
#pragma once
// A graph view (explain/graph_view.hpp) as a Graphviz DOT graph for the reports: camps as fill
// colours whose depth shows strength, contradictions red, supports green, inferred relations
// dashed, relations against the camps' balance bold, components boxed. Every string is escaped
// (report/escape.hpp); node ids in the DOT text are numbers, never the case's ids.

#include <narrative/explain/graph_view.hpp>
#include <narrative/report/escape.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace narrative::report {

namespace detail {

/// `from` blended towards `to` by t in [0, 1], as #rrggbb.
[[nodiscard]] inline std::string blend(std::uint32_t from, std::uint32_t to, double t) {
    t = std::clamp(t, 0.0, 1.0);
    auto channel = [&](int shift) {
        const double a = (from >> shift) & 0xFF, b = (to >> shift) & 0xFF;
        return static_cast<unsigned>(std::lround(a + (b - a) * t));
    };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", channel(16), channel(8), channel(0));
    return buf;
}

}  // namespace detail

/// Colours of the drawing, shared with the legends of the writers.
struct graph_palette {
    static constexpr std::uint32_t camp_a_light = 0xe3eefa, camp_a_dark = 0x6fa8dc;
    static constexpr std::uint32_t camp_b_light = 0xfdebd9, camp_b_dark = 0xf0a04b;
    static constexpr std::uint32_t none_light = 0xf2f2f2, none_dark = 0xb0b0b0;
    static constexpr const char* contradicts = "#c62828";
    static constexpr const char* supports = "#2e7d32";
};

/// The fill of a node: its camp's colour, deeper the stronger (a node without a strength gets
/// the middle depth).
[[nodiscard]] inline std::string node_fill(const explain::graph_node& n) {
    const double depth = n.strength ? *n.strength : 0.5;
    if (!n.camp) return detail::blend(graph_palette::none_light, graph_palette::none_dark, depth);
    if (*n.camp == 0) return detail::blend(graph_palette::camp_a_light, graph_palette::camp_a_dark, depth);
    return detail::blend(graph_palette::camp_b_light, graph_palette::camp_b_dark, depth);
}

/// An id for an SVG element: html_id with `_` for `-` (Graphviz writes `-` in ids as `&#45;`,
/// which would make the file's text differ from the id a browser sees).
[[nodiscard]] inline std::string svg_id(const std::string& s) {
    std::string out = html_id(s);
    for (auto& ch : out)
        if (ch == '-') ch = '_';
    return out;
}

/// The view as DOT. Node `i` is written as `n<i>` with `id="<prefix><link>"` (`-` as `_`) when
/// it links somewhere, so that an SVG node can be found by the anchor it links to, and
/// `URL="#<link>"`.
[[nodiscard]] inline std::string graph_to_dot(const explain::graph_view& g, const std::string& id_prefix = "graph_") {
    std::string out = "digraph narrative {\n";
    out += "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10, nodesep=0.25, ranksep=0.5, "
           "bgcolor=\"transparent\", outputorder=edgesfirst];\n";
    out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, "
           "color=\"#555555\", penwidth=1];\n";
    out += "  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.7];\n";
    auto node_line = [&](std::size_t i) {
        const auto& n = g.nodes[i];
        std::string line = "n" + std::to_string(i) + " [label=\"" + dot_escape(n.label) + "\", tooltip=\"" +
                           dot_escape(n.tooltip.empty() ? n.label : n.tooltip) + "\", fillcolor=\"" + node_fill(n) +
                           "\"";
        if (!n.link.empty())
            line += ", URL=\"#" + html_id(n.link) + "\", id=\"" + svg_id(id_prefix + n.link) + "\"";
        else
            line += ", id=\"" + svg_id(id_prefix + "node-" + std::to_string(i)) + "\"";
        if (n.emphasised) line += ", penwidth=3, color=\"#222222\"";
        return line + "];\n";
    };
    // Cluster 0 is unboxed; the others are subgraphs named cluster_<k>.
    std::vector<std::vector<std::size_t>> members(std::max<std::size_t>(g.clusters.size(), 1));
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        members[g.nodes[i].cluster < members.size() ? g.nodes[i].cluster : 0].push_back(i);
    for (std::size_t k = 0; k < members.size(); ++k) {
        if (members[k].empty()) continue;
        const bool boxed = k != 0 && k < g.clusters.size() && !g.clusters[k].label.empty();
        const std::string indent = boxed ? "    " : "  ";
        if (boxed)
            out += "  subgraph cluster_" + std::to_string(k) + " {\n    label=\"" + dot_escape(g.clusters[k].label) +
                   "\"; style=\"rounded\"; color=\"#bbbbbb\"; fontcolor=\"#666666\";\n";
        for (auto i : members[k]) out += indent + node_line(i);
        if (boxed) out += "  }\n";
    }
    for (const auto& e : g.edges) {
        out += "  n" + std::to_string(e.from) + " -> n" + std::to_string(e.to) + " [color=\"" +
               (e.contradicts ? graph_palette::contradicts : graph_palette::supports) + "\"";
        if (e.contradicts) out += ", arrowhead=tee";
        if (e.mutual) out += ", dir=both, arrowtail=tee";
        std::string style = e.inferred ? "dashed" : "solid";
        if (e.frustrated) style += ",bold";
        out += ", style=\"" + style + "\"";
        if (e.frustrated) out += ", penwidth=2.5";
        if (!e.label.empty()) out += ", label=\"" + dot_escape(e.label) + "\"";
        out += "];\n";
    }
    return out + "}\n";
}

}  // namespace narrative::report
