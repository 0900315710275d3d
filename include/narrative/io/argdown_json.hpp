// SPDX-License-Identifier: MIT
#pragma once
// Import of the JSON that Argdown's own exporter writes (top-level `arguments`, `statements`,
// `relations`, `sections`, `tags`, `map`), mapped as the Argdown text reader maps the text.

#include <narrative/detail/json_pointer.hpp>
#include <narrative/error.hpp>
#include <narrative/io/aif.hpp>
#include <narrative/io/argdown.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/model/case_model.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace narrative {

/// Checks Argdown's JSON export and builds the case: the same case the Argdown text gives.
/// `statements` and `arguments` are objects keyed by title (as the exporter writes them) or
/// arrays of objects with a `title`; each holds `members` (the occurrences, with `text`,
/// `data`, `tags`, `section`), an argument also `pcs` (its premise–conclusion structure, each
/// statement with `title`, `text`, `role`, and `inference` on conclusions); `relations` lists
/// `{relationType, from, fromType, to, toType}` with titles as ids. `sections`, `tags` and
/// `map` are derived from the rest and not read. Never throws parse_error: syntax errors by
/// `line:column`, content errors by JSON Pointer into the input. Mapping: docs/formats.md
/// "Argdown JSON".
[[nodiscard]] check_result check_argdown_json(std::string_view text, const std::string& source = "<string>",
                                              const argdown_read_options& options = {});

/// Like check_argdown_json, but returns the case or throws parse_error with every error found.
[[nodiscard]] case_model read_argdown_json(std::string_view text, const std::string& source = "<string>",
                                           const argdown_read_options& options = {});

/// Whether a JSON text looks like Argdown's JSON export rather than a case file: its top-level
/// object has `arguments` and no `format`.
[[nodiscard]] bool looks_like_argdown_json(std::string_view text);

// =====================================================================================
namespace detail {

class argdown_json_reader : private argdown_model_builder {
public:
    argdown_json_reader(std::string source, const argdown_read_options& options, std::vector<diagnostic>& out)
        : source_(std::move(source)), options_(options), out_(out) {}

    std::optional<case_model> run(const ojson& root) {
        if (!root.is_object()) {
            error("", "an Argdown JSON export must be a JSON object, got " + json_type_name(root));
            return std::nullopt;
        }
        for (const auto& item : root.items())
            if (item.key() != "arguments" && item.key() != "statements" && item.key() != "relations" &&
                item.key() != "sections" && item.key() != "tags" && item.key() != "map")
                warning(pointer_append("", item.key()), "not part of Argdown's JSON export; left out");
        if (!root.contains("statements") && !root.contains("arguments"))
            error("", "neither \"statements\" nor \"arguments\": not an Argdown JSON export");
        if (root.contains("statements")) each(root["statements"], "/statements", false);
        if (root.contains("arguments")) each(root["arguments"], "/arguments", true);
        // Relations before premise–conclusion structures, as the text states them.
        if (root.contains("relations")) relations(root["relations"]);
        for (const auto& [argument, at] : pcs_) pcs(argument, *at.first, at.second);
        if (has_errors_) return std::nullopt;
        std::vector<diagnostic> checked;
        auto model = case_validator(source_, checked).run(document());
        for (auto& d : checked) {
            d.location = input_location(d.location);
            if (d.severity == severity::error) has_errors_ = true;
            out_.push_back(std::move(d));
        }
        if (has_errors_) return std::nullopt;
        return model;
    }

private:
    // Every equivalence class or argument of `list` (an object keyed by title, or an array).
    void each(const ojson& list, const std::string& at, bool argument) {
        if (list.is_object()) {
            for (const auto& item : list.items()) one(item.value(), pointer_append(at, item.key()), item.key(), argument);
        } else if (list.is_array()) {
            for (std::size_t i = 0; i < list.size(); ++i) {
                const std::string iat = pointer_append(at, i);
                const ojson& x = list[i];
                if (!x.is_object() || !x.contains("title") || !x["title"].is_string()) {
                    error(iat, "must be an object with a \"title\"");
                    continue;
                }
                one(x, iat, x["title"].get<std::string>(), argument);
            }
        } else {
            error(at, "must be an object keyed by title or an array, got " + json_type_name(list));
        }
    }

    std::optional<std::size_t> node_at(const std::string& title, bool argument, const std::string& at) {
        if (title.empty()) {
            error(at, "empty title");
            return std::nullopt;
        }
        const std::size_t before = nodes_.size();
        const auto n = find_or_add_node(title, argument, options_.max_nodes);
        if (!n) {
            error(at, "more than " + std::to_string(options_.max_nodes) + " statements and arguments");
            return std::nullopt;
        }
        if (nodes_.size() > before) node_at_.push_back(at);
        return n;
    }

    std::optional<std::string> string_at(const ojson& o, const char* key, const std::string& at) {
        if (!o.contains(key) || o[key].is_null()) return std::nullopt;
        if (o[key].is_string()) return o[key].get<std::string>();
        error(pointer_append(at, key), "must be a string, got " + json_type_name(o[key]));
        return std::nullopt;
    }

    // What one occurrence (a member, or a statement of a pcs) says of its node.
    void occurrence(std::size_t n, const ojson& m, const std::string& at) {
        if (!m.is_object()) return error(at, "must be an object, got " + json_type_name(m));
        if (const auto text = string_at(m, "text", at); text && !text->empty()) {
            if (!nodes_[n].text) nodes_[n].text = *text;
            else if (*nodes_[n].text != *text &&
                     std::find(nodes_[n].texts.begin(), nodes_[n].texts.end(), *text) == nodes_[n].texts.end())
                nodes_[n].texts.push_back(*text);
        }
        if (m.contains("data") && !m["data"].is_null()) {
            const std::string dat = pointer_append(at, "data");
            apply_data_to(nodes_[n], m["data"], [&](std::string message) { error(dat, std::move(message)); });
        }
        if (m.contains("tags")) {
            const ojson& tags = m["tags"];
            if (!tags.is_array()) return error(pointer_append(at, "tags"), "must be an array of tags");
            for (std::size_t i = 0; i < tags.size(); ++i) {
                if (!tags[i].is_string()) {
                    error(pointer_append(pointer_append(at, "tags"), i), "must be a string");
                    continue;
                }
                if (std::find(nodes_[n].tags.begin(), nodes_[n].tags.end(), tags[i]) == nodes_[n].tags.end())
                    nodes_[n].tags.push_back(tags[i]);
            }
        }
        if (m.contains("section") && m["section"].is_object() && !nodes_[n].section)
            if (const auto title = string_at(m["section"], "title", pointer_append(at, "section")))
                nodes_[n].section = *title;
    }

    void one(const ojson& x, const std::string& at, const std::string& title, bool argument) {
        if (!x.is_object()) return error(at, "must be an object, got " + json_type_name(x));
        const auto n = node_at(title, argument, at);
        if (!n) return;
        if (x.contains("members")) {
            const ojson& members = x["members"];
            if (!members.is_array()) return error(pointer_append(at, "members"), "must be an array");
            for (std::size_t i = 0; i < members.size(); ++i)
                occurrence(*n, members[i], pointer_append(pointer_append(at, "members"), i));
        }
        if (x.contains("data") && x["data"].is_object()) occurrence(*n, ojson{{"data", x["data"]}}, at);
        if (argument && x.contains("pcs")) pcs_.push_back({*n, {&x["pcs"], pointer_append(at, "pcs")}});
    }

    // A premise–conclusion structure: every statement but the last supports the argument, the
    // argument supports the last (as for `(1) … ---- (n)` in the text).
    void pcs(std::size_t argument, const ojson& list, const std::string& at) {
        if (!list.is_array()) return error(at, "must be an array of statements");
        std::vector<std::size_t> nodes{};
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string sat = pointer_append(at, i);
            const ojson& s = list[i];
            if (!s.is_object()) {
                error(sat, "must be an object, got " + json_type_name(s));
                continue;
            }
            auto title = string_at(s, "title", sat);
            if (!title) title = nodes_[argument].id + " (" + std::to_string(i + 1) + ")";
            const auto n = node_at(*title, false, sat);
            if (!n) continue;
            occurrence(*n, s, sat);
            if (s.contains("inference") && s["inference"].is_object()) {
                const ojson& inf = s["inference"];
                ojson inference = ojson::object();
                if (inf.contains("data") && inf["data"].is_object() && !inf["data"].empty()) inference["data"] = inf["data"];
                std::string rule{};
                if (inf.contains("inferenceRules") && inf["inferenceRules"].is_array())
                    for (const auto& r : inf["inferenceRules"])
                        if (r.is_string()) rule += (rule.empty() ? "" : ", ") + r.get<std::string>();
                if (!rule.empty()) inference["rule"] = rule;
                if (!inference.empty()) nodes_[argument].inferences.push_back(std::move(inference));
            }
            nodes.push_back(*n);
        }
        if (nodes.size() < 2) {
            if (!list.empty()) error(at, "a premise–conclusion structure needs a premise and a conclusion");
            return;
        }
        for (std::size_t i = 0; i + 1 < nodes.size(); ++i) note_relation(at, [&] { relate_pcs(nodes[i], argument, "premise"); });
        note_relation(at, [&] { relate_pcs(argument, nodes.back(), "conclusion"); });
    }

    template <class Add>
    void note_relation(const std::string& at, const Add& add) {
        const std::size_t before = relations_.size();
        add();
        if (relations_.size() > before) relation_at_.push_back(at);
    }

    void relations(const ojson& list) {
        if (!list.is_array()) return error("/relations", "must be an array, got " + json_type_name(list));
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string at = pointer_append("/relations", i);
            const ojson& r = list[i];
            if (!r.is_object()) {
                error(at, "must be an object, got " + json_type_name(r));
                continue;
            }
            const auto type = string_at(r, "relationType", at);
            const auto from = string_at(r, "from", at), to = string_at(r, "to", at);
            if (!type || !from || !to) {
                error(at, std::string("missing \"") + (!type ? "relationType" : !from ? "from" : "to") + "\"");
                continue;
            }
            std::string kind{};
            if (*type == "support" || *type == "entails") kind = "support";
            else if (*type == "attack" || *type == "contrary") kind = "attack";
            else if (*type == "contradictory") kind = "contradictory";
            else if (*type == "undercut") kind = "undercut";
            else {
                error(pointer_append(at, "relationType"),
                      "unknown relation type \"" + printable(*type, 40) +
                          "\"; valid: support, attack, undercut, entails, contrary, contradictory");
                continue;
            }
            const auto is_argument = [&](const char* key) {
                const auto t = string_at(r, key, at);
                return t && (*t == "argument" || *t == "inference");
            };
            const auto f = node_at(*from, is_argument("fromType"), pointer_append(at, "from"));
            const auto t = node_at(*to, is_argument("toType"), pointer_append(at, "to"));
            if (!f || !t) continue;
            note_relation(at, [&] { relate_kind(*f, *t, kind); });
        }
    }

    // A pointer of the case built, as a pointer into the input.
    std::string input_location(const std::string& p) const {
        for (const auto& [prefix, where] : {std::pair{std::string_view("/statements/"), &node_at_},
                                            std::pair{std::string_view("/relations/"), &relation_at_}}) {
            if (p.rfind(prefix, 0) != 0) continue;
            std::size_t i = prefix.size(), n = 0;
            while (i < p.size() && p[i] >= '0' && p[i] <= '9' && n < (std::size_t{1} << 40))
                n = n * 10 + static_cast<std::size_t>(p[i++] - '0');
            if (i > prefix.size() && n < where->size()) return (*where)[n];
        }
        return p;
    }

    void error(const std::string& at, std::string message) {
        has_errors_ = true;
        out_.push_back({.severity = severity::error, .source = source_, .location = at, .message = std::move(message)});
    }
    void warning(const std::string& at, std::string message) {
        out_.push_back({.severity = severity::warning, .source = source_, .location = at, .message = std::move(message)});
    }

    std::string source_;
    const argdown_read_options& options_;
    std::vector<diagnostic>& out_;
    bool has_errors_ = false;
    std::vector<std::string> node_at_{}, relation_at_{};
    std::vector<std::pair<std::size_t, std::pair<const ojson*, std::string>>> pcs_{};  // read after the relations
};

}  // namespace detail

inline check_result check_argdown_json(std::string_view text, const std::string& source,
                                       const argdown_read_options& options) {
    check_result result;
    auto doc = detail::json_parser(text, source, read_options{}, result.diagnostics).parse();
    if (!doc || result.error_count() > 0) return result;
    result.model = detail::argdown_json_reader(source, options, result.diagnostics).run(*doc);
    return result;
}

inline case_model read_argdown_json(std::string_view text, const std::string& source,
                                    const argdown_read_options& options) {
    auto result = check_argdown_json(text, source, options);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    return std::move(*result.model);
}

inline bool looks_like_argdown_json(std::string_view text) {
    detail::top_level_keys keys;
    (void)detail::ojson::sax_parse(text.begin(), text.end(), &keys);
    return !keys.keys.contains("format") && keys.keys.contains("arguments");
}

}  // namespace narrative
