// SPDX-License-Identifier: MIT
#pragma once
// GraphML export of a case (header-only) and import (in the compiled narrative::graphml target,
// which uses Boost.Graph's GraphML parser). Case → GraphML → case is lossless.

#include <narrative/io/case_json.hpp>
#include <narrative/model/case_model.hpp>

#include <istream>
#include <string>
#include <string_view>

namespace narrative {

/// The case as GraphML: one `<node>` per statement, one `<edge>` per asserted relation, the
/// case-level fields, actors and propositions as `for="graph"` data. Keys:
/// - graph: `format`, `title`, `description`, `actors`, `propositions` and `x` (JSON text);
/// - node: `id`, `actor`, `time`, `text`, `source`, `evidence`, `interest`, `base` (double),
///   `claim` and `x` (JSON);
/// - edge: `type`, `weight` (double), `directed` (boolean), `note`, `x` (JSON).
/// Absent optional fields are absent data elements, so a round trip keeps them absent.
/// Output is deterministic (file order, fixed key order).
[[nodiscard]] std::string write_graphml(const case_model& c);

#if defined(NARRATIVE_HAS_GRAPHML)
/// Checks and reads a case from GraphML (as written by write_graphml, or by another tool using the same
/// key names; unknown keys are kept as `x-graphml-<name>` extensions). Node ids come from the
/// `id` key; nodes without one are numbered `n0`, `n1`, … in document order with a warning.
/// Problems are reported with JSON Pointers into the equivalent case document
/// (`/statements/N` is the N-th node, `/relations/N` the N-th edge); never throws
/// parse_error. Requires linking narrative::graphml.
[[nodiscard]] check_result check_graphml(std::istream& in, const std::string& source = "<graphml>");

/// Like check_graphml, but returns the case or throws parse_error with every error found.
[[nodiscard]] inline case_model read_graphml(std::istream& in, const std::string& source = "<graphml>") {
    auto result = check_graphml(in, source);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    return std::move(*result.model);
}
#endif

namespace detail {

[[nodiscard]] inline std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace detail

inline std::string write_graphml(const case_model& c) {
    using detail::xml_escape;
    const auto doc = to_json(c);
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    struct key_spec {
        const char* id;
        const char* domain;
        const char* name;
        const char* type;
    };
    static constexpr key_spec keys[] = {
        {"g_format", "graph", "format", "string"},     {"g_title", "graph", "title", "string"},
        {"g_description", "graph", "description", "string"},
        {"g_actors", "graph", "actors", "string"},     {"g_propositions", "graph", "propositions", "string"},
        {"g_x", "graph", "x", "string"},               {"n_id", "node", "id", "string"},
        {"n_actor", "node", "actor", "string"},        {"n_time", "node", "time", "string"},
        {"n_text", "node", "text", "string"},          {"n_source", "node", "source", "string"},
        {"n_base", "node", "base", "double"},          {"n_claim", "node", "claim", "string"},
        {"n_evidence", "node", "evidence", "string"},  {"n_interest", "node", "interest", "string"},
        {"n_x", "node", "x", "string"},                {"e_type", "edge", "type", "string"},
        {"e_weight", "edge", "weight", "double"},      {"e_directed", "edge", "directed", "boolean"},
        {"e_note", "edge", "note", "string"},          {"e_x", "edge", "x", "string"},
    };
    for (const auto& k : keys)
        out += std::string("  <key id=\"") + k.id + "\" for=\"" + k.domain + "\" attr.name=\"" + k.name +
               "\" attr.type=\"" + k.type + "\"/>\n";
    const auto data = [&](const char* indent, const char* key, const std::string& value) {
        out += std::string(indent) + "<data key=\"" + key + "\">" + xml_escape(value) + "</data>\n";
    };
    // Extensions of an object: its x- keys as one JSON object, or nothing.
    const auto extension_json = [](const nlohmann::ordered_json& obj) {
        nlohmann::ordered_json ext = nlohmann::ordered_json::object();
        for (const auto& [key, value] : obj.items())
            if (is_extension_key(key)) ext[key] = value;
        return ext;
    };
    const auto number = [](const nlohmann::ordered_json& v) { return v.dump(); };

    out += "  <graph id=\"case\" edgedefault=\"directed\">\n";
    data("    ", "g_format", doc["format"].get<std::string>());
    if (doc.contains("title")) data("    ", "g_title", doc["title"].get<std::string>());
    if (doc.contains("description")) data("    ", "g_description", doc["description"].get<std::string>());
    if (!doc["actors"].empty()) data("    ", "g_actors", doc["actors"].dump());
    if (!doc["propositions"].empty()) data("    ", "g_propositions", doc["propositions"].dump());
    if (const auto ext = extension_json(doc); !ext.empty()) data("    ", "g_x", ext.dump());

    std::size_t index = 0;
    for (const auto& s : doc["statements"]) {
        out += "    <node id=\"n" + std::to_string(index++) + "\">\n";
        data("      ", "n_id", s["id"].get<std::string>());
        for (const char* field : {"actor", "time", "text", "source", "evidence", "interest"})
            if (s.contains(field)) data("      ", (std::string("n_") + field).c_str(), s[field].get<std::string>());
        if (s.contains("base")) data("      ", "n_base", number(s["base"]));
        if (s.contains("claim")) data("      ", "n_claim", s["claim"].dump());
        if (const auto ext = extension_json(s); !ext.empty()) data("      ", "n_x", ext.dump());
        out += "    </node>\n";
    }
    // Edges refer to node element ids, which are positional.
    std::unordered_map<std::string, std::size_t> node_of;
    for (std::size_t i = 0; i < doc["statements"].size(); ++i)
        node_of.emplace(doc["statements"][i]["id"].get<std::string>(), i);
    for (const auto& r : doc["relations"]) {
        out += "    <edge source=\"n" + std::to_string(node_of.at(r["from"].get<std::string>())) +
               "\" target=\"n" + std::to_string(node_of.at(r["to"].get<std::string>())) + "\">\n";
        data("      ", "e_type", r["type"].get<std::string>());
        if (r.contains("weight")) data("      ", "e_weight", number(r["weight"]));
        if (r.contains("directed")) data("      ", "e_directed", r["directed"].get<bool>() ? "true" : "false");
        if (r.contains("note")) data("      ", "e_note", r["note"].get<std::string>());
        if (const auto ext = extension_json(r); !ext.empty()) data("      ", "e_x", ext.dump());
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

}  // namespace narrative
