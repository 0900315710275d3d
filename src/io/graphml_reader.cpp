// SPDX-License-Identifier: MIT
// GraphML import: Boost.Graph's parser feeds raw (name, value) pairs into a recorder; the
// recorded graph becomes a case document that the case-format validator checks as usual.

#include <narrative/detail/json_pointer.hpp>
#include <narrative/detail/utf8.hpp>
#include <narrative/io/graphml.hpp>

#include <boost/any.hpp>
#include <boost/graph/graphml.hpp>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace narrative {
namespace {

using ojson = nlohmann::ordered_json;

struct recorded_element {
    std::vector<std::pair<std::string, std::string>> data;  // (attr.name, value), file order
};

// Records what the parser reads, keeping every value as the text it was in the file (so no
// type conversion can fail or lose precision before our own checks).
class recorder final : public boost::mutate_graph {
public:
    bool is_directed() const override { return true; }

    boost::any do_add_vertex() override {
        vertices.emplace_back();
        return boost::any(vertices.size() - 1);
    }

    std::pair<boost::any, bool> do_add_edge(boost::any source, boost::any target) override {
        edges.push_back({boost::any_cast<std::size_t>(source), boost::any_cast<std::size_t>(target), {}});
        return {boost::any(edges.size() - 1), true};
    }

    void set_graph_property(const std::string& name, const std::string& value, const std::string&) override {
        graph.data.emplace_back(name, value);
    }
    void set_vertex_property(const std::string& name, boost::any vertex, const std::string& value,
                             const std::string&) override {
        vertices.at(boost::any_cast<std::size_t>(vertex)).data.emplace_back(name, value);
    }
    void set_edge_property(const std::string& name, boost::any edge, const std::string& value,
                           const std::string&) override {
        edges.at(boost::any_cast<std::size_t>(edge)).element.data.emplace_back(name, value);
    }

    struct edge_record {
        std::size_t source = 0;
        std::size_t target = 0;
        recorded_element element{};
    };
    recorded_element graph{};
    std::vector<recorded_element> vertices{};
    std::vector<edge_record> edges{};
};

class document_builder {
public:
    document_builder(std::string source, std::vector<diagnostic>& out) : source_(std::move(source)), out_(out) {}

    ojson build(const recorder& r) {
        ojson doc = ojson::object();
        doc["format"] = std::string(case_format_v1);
        for (const auto& [name, value] : r.graph.data) {
            if (!readable(name, value, "")) continue;
            if (name == "format" || name == "title" || name == "description")
                doc[name] = value;
            else if (name == "actors" || name == "propositions")
                doc[name] = json_value(value, "/" + name);
            else
                put_extension(doc, name, value, "");
        }
        doc["statements"] = ojson::array();
        std::vector<std::string> ids;
        bool numbered = false;
        for (std::size_t i = 0; i < r.vertices.size(); ++i) {
            const std::string at = "/statements/" + std::to_string(i);
            ojson s = ojson::object();
            for (const auto& [name, value] : r.vertices[i].data) {
                if (!readable(name, value, at)) continue;
                if (name == "id" || name == "actor" || name == "time" || name == "text" || name == "source" ||
                    name == "evidence" || name == "interest")
                    s[name] = value;
                else if (name == "base")
                    s[name] = number_value(value, at + "/base");
                else if (name == "claim")
                    s[name] = json_value(value, at + "/claim");
                else
                    put_extension(s, name, value, at);
            }
            if (!s.contains("id")) {
                s["id"] = "n" + std::to_string(i);
                numbered = true;
            }
            ids.push_back(s["id"].get<std::string>());
            doc["statements"].push_back(std::move(s));
        }
        if (numbered)
            out_.push_back({.severity = severity::warning, .source = source_, .location = "/statements",
                            .message = "nodes without an \"id\" data key were numbered n0, n1, ... in document order"});
        doc["relations"] = ojson::array();
        for (std::size_t i = 0; i < r.edges.size(); ++i) {
            const std::string at = "/relations/" + std::to_string(i);
            const auto& e = r.edges[i];
            ojson rel = {{"from", ids.at(e.source)}, {"to", ids.at(e.target)}};
            for (const auto& [name, value] : e.element.data) {
                if (!readable(name, value, at)) continue;
                if (name == "type" || name == "note")
                    rel[name] = value;
                else if (name == "weight")
                    rel[name] = number_value(value, at + "/weight");
                else if (name == "directed")
                    rel[name] = bool_value(value, at + "/directed");
                else
                    put_extension(rel, name, value, at);
            }
            doc["relations"].push_back(std::move(rel));
        }
        return doc;
    }

private:
    void error(const std::string& at, const std::string& message) {
        out_.push_back({.severity = severity::error, .source = source_, .location = at, .message = message});
    }

    // The file is UTF-8 (checked before parsing), but character references can still give
    // what XML does not allow (&#0;, &#xFFFE;) or a surrogate, which is not UTF-8 once decoded.
    // Such a value is an error at its field and is left out.
    bool readable(const std::string& name, const std::string& value, const std::string& at) {
        if (const auto why = detail::xml_text_problem(name)) {
            error(at, "the name of a GraphML key holds " + *why);
            return false;
        }
        if (const auto why = detail::xml_text_problem(value)) {
            const bool known = name == "id" || name == "actor" || name == "time" || name == "text" ||
                               name == "source" || name == "base" || name == "claim" || name == "type" ||
                               name == "note" || name == "weight" || name == "directed" || name == "format" ||
                               name == "title" || name == "description" || name == "actors" ||
                               name == "propositions" || name == "x";
            error(known ? at + "/" + name : detail::pointer_append(at, "x-graphml-" + name),
                  "the GraphML data holds " + *why);
            return false;
        }
        return true;
    }

    // A JSON value held in a data element; on failure an error and null (which the validator
    // then reports as a wrong type at the same place, so the error is never lost).
    ojson json_value(const std::string& text, const std::string& at) {
        try {
            return ojson::parse(text);
        } catch (const ojson::exception& e) {
            error(at, "the GraphML data is not valid JSON: " + detail::printable(e.what(), 160, true));
            return ojson();
        }
    }

    ojson number_value(const std::string& text, const std::string& at) {
        const ojson v = json_value(text, at);
        if (!v.is_number() && !v.is_null()) error(at, "must be a number, got \"" + detail::printable(text) + "\"");
        return v;
    }

    ojson bool_value(const std::string& text, const std::string& at) {
        if (text == "true" || text == "1") return true;
        if (text == "false" || text == "0") return false;
        error(at, "must be true or false, got \"" + detail::printable(text) + "\"");
        return ojson();
    }

    // `x` holds our own extension keys as a JSON object; any other foreign key is kept as a
    // string extension `x-graphml-<name>`.
    void put_extension(ojson& obj, const std::string& name, const std::string& value, const std::string& at) {
        if (name == "x") {
            const ojson ext = json_value(value, at + "/x");
            if (!ext.is_object() && !ext.is_null()) {
                error(at + "/x", "must hold a JSON object of x- keys");
                return;
            }
            for (const auto& [key, v] : ext.items()) {
                if (!is_extension_key(key)) {
                    error(at + "/x", "key \"" + detail::printable(key) + "\" does not begin with \"x-\"");
                    continue;
                }
                obj[key] = v;
            }
            return;
        }
        obj["x-graphml-" + (name.empty() ? std::string("unnamed") : name)] = value;
    }

    std::string source_;
    std::vector<diagnostic>& out_;
};

// The encoding named in the XML declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`),
// or empty when there is none or it names UTF-8.
std::string declared_encoding(const std::string& text) {
    if (text.rfind("<?xml", 0) != 0) return {};
    const auto end = text.find("?>");
    const auto key = text.find("encoding", 0);
    if (end == std::string::npos || key == std::string::npos || key > end) return {};
    const auto open = text.find_first_of("\"'", key);
    if (open == std::string::npos || open > end) return {};
    const auto close = text.find(text[open], open + 1);
    if (close == std::string::npos || close > end) return {};
    std::string name = text.substr(open + 1, close - open - 1);
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return lower == "utf-8" || lower == "utf8" ? std::string() : name;
}

}  // namespace

check_result check_graphml(std::istream& in, const std::string& source) {
    check_result result;
    const auto fail = [&](std::string message) {
        result.diagnostics.push_back(
            {.severity = severity::error, .source = source, .location = "", .message = std::move(message)});
        return result;
    };
    // Boost's parser takes bytes as they come (and stops at a zero byte): check first that they
    // are UTF-8 and characters XML allows, so that text in another encoding is refused where it
    // stands rather than stored as ill-formed strings.
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return fail("read failed");
    if (auto problem = detail::find_xml_text_problem(text)) {
        if (problem->message.rfind("ill-formed", 0) == 0) {
            problem->message += " (GraphML is read as UTF-8";
            if (const auto declared = declared_encoding(text); !declared.empty())
                problem->message += "; the file declares encoding \"" + detail::printable(declared, 40, true) + "\"";
            problem->message += ")";
        }
        result.diagnostics.push_back({.severity = severity::error, .source = source,
                                      .location = detail::line_column(text, problem->offset),
                                      .message = "invalid GraphML: " + problem->message});
        return result;
    }
    std::istringstream xml(std::move(text));
    recorder r;
    try {
        boost::read_graphml(xml, r, 0);
    } catch (const boost::undirected_graph_error&) {
        return fail("undirected GraphML edges are not supported: relations have a direction (from bears on "
                    "to); use edgedefault=\"directed\" and the edge key \"directed\" for mutual contradictions");
    } catch (const std::exception& e) {
        // Boost's own errors (missing attributes, unknown types) carry no position; the XML
        // parser's say "<unspecified file>(LINE): …", which becomes "line LINE: …".
        std::string what = e.what();
        const std::string unnamed = "<unspecified file>(";
        if (const auto at = what.find(unnamed); at != std::string::npos) {
            const auto close = what.find("): ", at);
            if (close != std::string::npos)
                what = what.substr(0, at) + "line " + what.substr(at + unnamed.size(), close - at - unnamed.size()) +
                       ": " + what.substr(close + 3);
        }
        return fail("invalid GraphML: " + detail::printable(what, 200, true));
    }
    const ojson doc = document_builder(source, result.diagnostics).build(r);
    const bool builder_failed = result.error_count() > 0;
    auto model = detail::case_validator(source, result.diagnostics).run(doc);
    if (model && !builder_failed) result.model = std::move(model);
    return result;
}

}  // namespace narrative
