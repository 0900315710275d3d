// SPDX-License-Identifier: MIT
#pragma once
// Graphviz DOT export of a case, for drawing: statements as boxes grouped by actor, supports in
// green, contradictions in red (dashed, both arrowheads when mutual), inferred relations dotted.

#include <narrative/model/case_model.hpp>

#include <string>
#include <string_view>

namespace narrative {

/// Options of the DOT export.
struct dot_options {
    bool cluster_by_actor = true;     ///< one `subgraph cluster_*` per actor
    bool include_inferred = true;     ///< draw inferred relations (dotted) as well
    std::size_t max_label_chars = 60;  ///< statement text is cut to this many bytes
};

/// The case as a DOT `digraph`. Every field travels as an attribute (`actor`, `time`, `source`,
/// `base`, `type`, `confidence` for the weight — not `weight`, which Graphviz reads as a layout
/// hint —, `provenance`, `rule`), so the drawing can be traced back to the case. Deterministic.
[[nodiscard]] std::string write_dot(const case_model& c, const dot_options& options = {});

namespace detail {

[[nodiscard]] inline std::string dot_quote(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        if (ch == '"' || ch == '\\')
            (out += '\\') += ch;
        else if (ch == '\n')
            out += "\\n";
        else if (ch != '\r')
            out += ch;
    }
    return out + "\"";
}

// Cuts to at most `max` bytes on a UTF-8 character boundary, marking the cut.
[[nodiscard]] inline std::string shorten(std::string_view s, std::size_t max) {
    if (s.size() <= max) return std::string(s);
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "…";
}

[[nodiscard]] inline std::string dot_number(double x) { return nlohmann::json(x).dump(); }

}  // namespace detail

inline std::string write_dot(const case_model& c, const dot_options& options) {
    using detail::dot_quote;
    std::string out = "digraph narrative {\n";
    if (c.info().title) out += "  label=" + dot_quote(*c.info().title) + ";\n  labelloc=t;\n";
    out += "  node [shape=box, style=rounded, fontsize=10];\n  edge [fontsize=9];\n";

    const auto node_line = [&](statement_index v, const char* indent) {
        const statement& s = c.statement_at(v);
        std::string label = s.id;
        if (s.text) label += "\n" + detail::shorten(*s.text, options.max_label_chars);
        if (s.time) label += "\n(" + s.time->text() + ")";
        std::string line = std::string(indent) + dot_quote(s.id) + " [label=" + dot_quote(label);
        if (s.actor) line += ", actor=" + dot_quote(*s.actor);
        if (s.time) line += ", time=" + dot_quote(s.time->text());
        if (s.source) line += ", source=" + dot_quote(*s.source);
        line += ", base=" + dot_quote(detail::dot_number(c.base_of(v)));
        if (s.claim) {
            std::string claim = s.claim->proposition;
            if (s.claim->value) claim += "=" + *s.claim->value;
            line += ", claim=" + dot_quote(claim) + ", stance=" +
                    dot_quote(to_string(s.claim->effective_stance()));
        }
        out += line + "];\n";
    };

    if (options.cluster_by_actor) {
        for (std::uint32_t a = 0; a < c.actors().size(); ++a) {
            const auto statements = c.statements_of(a);
            if (statements.empty()) continue;
            const actor& who = c.actor_at(a);
            out += "  subgraph " + dot_quote("cluster_" + who.id) + " {\n    label=" +
                   dot_quote(who.display_name()) + ";\n    style=dashed;\n";
            for (const auto v : statements) node_line(v, "    ");
            out += "  }\n";
        }
        for (statement_index v = 0; v < c.statement_count(); ++v)
            if (c.statement_at(v).actor_index == no_actor) node_line(v, "  ");
    } else {
        for (statement_index v = 0; v < c.statement_count(); ++v) node_line(v, "  ");
    }

    for (const relation_handle e : c.relations()) {
        const relation& r = c.relation_at(e);
        if (r.provenance == provenance::inferred && !options.include_inferred) continue;
        const bool contradicts = r.type == relation_type::contradicts;
        std::string style = r.provenance == provenance::inferred ? "dotted" : (contradicts ? "dashed" : "solid");
        std::string line = "  " + dot_quote(c.statement_at(c.source(e)).id) + " -> " +
                           dot_quote(c.statement_at(c.target(e)).id) + " [type=" +
                           dot_quote(to_string(r.type)) + ", confidence=" +
                           dot_quote(detail::dot_number(r.effective_weight())) +
                           ", color=" + (contradicts ? "red" : "darkgreen") + ", style=" + style +
                           ", penwidth=" + detail::dot_number(0.5 + 1.5 * r.effective_weight());
        if (r.is_mutual()) line += ", dir=both";
        line += ", provenance=" + dot_quote(to_string(r.provenance));
        if (!r.rule.empty()) line += ", rule=" + dot_quote(r.rule);
        if (r.note) line += ", tooltip=" + dot_quote(*r.note);
        out += line + "];\n";
    }
    out += "}\n";
    return out;
}

}  // namespace narrative
