// SPDX-License-Identifier: MIT
#pragma once
// GraphML export of a case (header-only) and import (in the compiled narrative::graphml target,
// which uses Boost.Graph's GraphML parser). Case → GraphML → case is lossless.

#include <narrative/detail/json_pointer.hpp>
#include <narrative/detail/utf8.hpp>
#include <narrative/error.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/model/case_model.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <istream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace narrative {

/// The case as GraphML: one `<node>` per statement, one `<edge>` per asserted relation, the
/// case-level fields, actors and propositions as `for="graph"` data. Keys:
/// - graph: `format`, `title`, `description`, `actors`, `propositions` and `x` (JSON text);
/// - node: `id`, `actor`, `time`, `text`, `source`, `evidence`, `interest`, `base` (double),
///   `claim` and `x` (JSON);
/// - edge: `type`, `weight` (double), `directed` (boolean), `note`, `x` (JSON).
/// Absent optional fields are absent data elements, so a round trip keeps them absent.
/// Output is deterministic (file order, fixed key order). Text comes back exactly from any XML
/// reader, including one that trims and collapses whitespace as Boost's does (see xml_data).
/// Throws model_error naming the first of graphml_problems when there is one.
[[nodiscard]] std::string write_graphml(const case_model& c);

/// What of the case GraphML cannot carry, located by JSON Pointer into the case document
/// (`/statements/0/text`): text fields holding characters XML 1.0 does not allow at all, even as
/// character references (U+0000, the other C0 controls but tab, line feed and carriage return,
/// U+FFFE, U+FFFF), and strings that are not UTF-8 (only a case built in code can hold those).
/// Fields written as JSON text (actors, propositions, claims, extensions) escape control
/// characters, so only ill-formed UTF-8 stops them. Empty when write_graphml will succeed.
[[nodiscard]] std::vector<diagnostic> graphml_problems(const case_model& c, const std::string& source = "");

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

/// `s` as the content of a GraphML `<data>` element that every XML reader gives back exactly,
/// including one that trims it and collapses runs of whitespace (Boost's GraphML reader does,
/// and reads character references after doing so): markup characters as entities; tab, line
/// feed, carriage return and every space other than a single one between two characters that
/// are not whitespace as character references; spaces at the end in a CDATA section, since a
/// trimming reader drops a final space even when it came from a reference. `s` must hold only
/// characters XML allows (see graphml_problems).
[[nodiscard]] inline std::string xml_data(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t end = s.size();
    while (end > 0 && s[end - 1] == ' ') --end;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < end; ++i) {
        const char c = s[i];
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case ' ':
                if (i > 0 && !space(s[i - 1]) && i + 1 < end && !space(s[i + 1]))
                    out += ' ';
                else
                    out += "&#32;";
                break;
            default: out += c;
        }
    }
    if (end < s.size()) out += "<![CDATA[" + std::string(s.substr(end)) + "]]>";
    return out;
}

/// JSON text for a `<data>` element: nlohmann escapes control characters, and U+FFFE and
/// U+FFFF (which XML does not allow) become `\ufffe` and `\uffff`, which can only occur inside
/// strings of the JSON text.
[[nodiscard]] inline std::string graphml_json(const nlohmann::ordered_json& v) {
    std::string text = v.dump();
    for (std::size_t at = text.find("\xEF\xBF"); at != std::string::npos; at = text.find("\xEF\xBF", at + 1)) {
        if (at + 2 < text.size() && (text[at + 2] == '\xBE' || text[at + 2] == '\xBF'))
            text.replace(at, 3, text[at + 2] == '\xBE' ? "\\ufffe" : "\\uffff");
    }
    return text;
}

}  // namespace detail

inline std::vector<diagnostic> graphml_problems(const case_model& c, const std::string& source) {
    using ojson = nlohmann::ordered_json;
    std::vector<diagnostic> out;
    const auto problem = [&](std::string at, const std::string& what) {
        out.push_back({.severity = severity::error, .source = source, .location = std::move(at),
                       .message = "cannot be written as GraphML: " + what});
    };
    // A field written as text: every character must be one XML allows.
    const auto text = [&](const ojson& v, const std::string& at) {
        if (!v.is_string()) return;
        if (const auto why = detail::xml_text_problem(v.get_ref<const std::string&>())) problem(at, *why);
    };
    // A field written as JSON text: its keys and strings must be UTF-8.
    const auto json = [&](const auto& self, const ojson& v, const std::string& at) -> void {
        const auto utf8 = [&](const std::string& s, const std::string& where, const char* what) {
            if (const auto bad = detail::find_invalid_utf8(s); bad != std::string::npos)
                problem(where, std::string(what) + detail::ill_formed_utf8_message(s, bad));
        };
        if (v.is_string()) {
            utf8(v.get_ref<const std::string&>(), at, "");
        } else if (v.is_array()) {
            for (std::size_t i = 0; i < v.size(); ++i) self(self, v[i], detail::pointer_append(at, i));
        } else if (v.is_object()) {
            for (const auto& [key, value] : v.items()) {
                utf8(key, at, "a key holds ");
                self(self, value, detail::pointer_append(at, key));
            }
        }
    };
    const auto fields = [&](const ojson& obj, const std::string& at, std::initializer_list<std::string_view> as_text) {
        for (const auto& [key, value] : obj.items()) {
            if (key == "from" || key == "to") continue;  // written as node references, checked as ids
            const auto kat = detail::pointer_append(at, key);
            if (std::find(as_text.begin(), as_text.end(), key) != as_text.end())
                text(value, kat);
            else
                json(json, value, kat);
        }
    };
    const ojson doc = to_json(c);
    for (const auto& [key, value] : doc.items()) {
        const auto at = detail::pointer_append("", key);
        if (key == "statements" || key == "relations") {
            for (std::size_t i = 0; i < value.size(); ++i)
                fields(value[i], detail::pointer_append(at, i),
                       key == "statements" ? std::initializer_list<std::string_view>{"id", "actor", "time", "text", "source"}
                                           : std::initializer_list<std::string_view>{"type", "note"});
        } else if (key == "format" || key == "title" || key == "description") {
            text(value, at);
        } else {
            json(json, value, at);
        }
    }
    return out;
}

inline std::string write_graphml(const case_model& c) {
    if (const auto problems = graphml_problems(c); !problems.empty())
        throw model_error(problems.front().location + ": " + problems.front().message);
    using detail::xml_data;
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
        out += std::string(indent) + "<data key=\"" + key + "\">" + xml_data(value) + "</data>\n";
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
    if (!doc["actors"].empty()) data("    ", "g_actors", detail::graphml_json(doc["actors"]));
    if (!doc["propositions"].empty()) data("    ", "g_propositions", detail::graphml_json(doc["propositions"]));
    if (const auto ext = extension_json(doc); !ext.empty()) data("    ", "g_x", detail::graphml_json(ext));

    std::size_t index = 0;
    for (const auto& s : doc["statements"]) {
        out += "    <node id=\"n" + std::to_string(index++) + "\">\n";
        data("      ", "n_id", s["id"].get<std::string>());
        for (const char* field : {"actor", "time", "text", "source", "evidence", "interest"})
            if (s.contains(field)) data("      ", (std::string("n_") + field).c_str(), s[field].get<std::string>());
        if (s.contains("base")) data("      ", "n_base", number(s["base"]));
        if (s.contains("claim")) data("      ", "n_claim", detail::graphml_json(s["claim"]));
        if (const auto ext = extension_json(s); !ext.empty()) data("      ", "n_x", detail::graphml_json(ext));
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
        if (const auto ext = extension_json(r); !ext.empty()) data("      ", "e_x", detail::graphml_json(ext));
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

}  // namespace narrative
